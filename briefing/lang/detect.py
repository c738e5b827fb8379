"""Which language a text is written in (py3langid): for an article that does not say, and
for a statement that must be in its column's language, not a copy of its source's."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable
from typing import Any

_CLASSIFYING = threading.Lock()  # one identifier, its language set changed per question


@functools.cache
def _identifier() -> tuple[Any, frozenset[str]]:
    """The identifier and the languages it knows."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # loads its model: 0.8 s

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    return identifier, frozenset(identifier.nb_classes)


def language_of(text: str, among: Iterable[str] = ()) -> str:
    """The ISO 639-1 code of `text`'s likeliest language, of those in `among` if given
    (an English sentence naming German places is English when the choice is en or de)."""
    identifier, known = _identifier()
    with _CLASSIFYING:
        identifier.set_languages(sorted(known.intersection(among)) or None)
        return str(identifier.classify(text)[0]).lower()
