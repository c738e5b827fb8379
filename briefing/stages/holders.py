"""Who holds a position, by code, in any language: the named person or body the
sentence means, with "he", "the minister" or "the dictator" resolved to the person the
sentences before it name.

The first name a sentence gives is, in news prose, its subject or its source ("Putin
said", "according to the ministry"); a sentence naming no one continues the last one
that named someone. The name is given in the article's fullest form of it ("Putin" ->
"Vladimir Putin"), matched across inflection by stem ("Pútíns" ~ "Pútín", "Путина" ~
"Путин"). For Icelandic the parse (`stages.speakers`) knows more; this is what every
language gets.
"""

from __future__ import annotations

import re

from briefing.lang import lexicon
from briefing.lang.fold import fold
from briefing.lang.names import names_in

__all__ = ["holder_in", "same_name"]

BEFORE = 4  # sentences back a pronoun, title or epithet is resolved against
STEM = 4  # letters two forms of one name share at least
WORD = re.compile(r"\w[\w'’-]*")


def holder_in(sentences: list[str], at: int, lang: str) -> str | None:
    """The holder of sentence `at` of an article, in the article's fullest form of the
    name; None where no sentence up to `BEFORE` back names anyone."""
    known = [n for n in names_in(sentences) if not _not_holder(n, lang)]
    for back in range(0, BEFORE + 1):
        if at - back < 0:
            break
        named = _first_name(sentences[at - back], known)
        if named is not None:
            return _fullest(named, known)
    return None


def _first_name(text: str, known: list[str]) -> str | None:
    """The known name whose form, in any inflection, the text gives first."""
    longest_first = sorted(known, key=len, reverse=True)
    for match in WORD.finditer(text):
        word = match.group()
        if word[:1].isupper():
            for name in longest_first:
                if any(same_name(word, part) for part in name.split()):
                    return name
    return None


def _fullest(name: str, known: list[str]) -> str:
    """The longest known name holding every part of `name`."""
    wider = [k for k in known if all(any(same_name(p, q) for q in k.split()) for p in name.split())]
    return max(wider, key=lambda k: (len(k.split()), len(k)), default=name)


def same_name(a: str, b: str) -> bool:
    """Two forms of one name, inflection aside: equal folded, or sharing a stem of at
    least `STEM` letters with at most three letters of ending each, one more letter of
    stem where both have an ending ("Pútíns" ~ "Pútín", "Hrafnhildar" ~ "Hrafnhildur",
    "Путина" ~ "Путин"; not "Trump" ~ "Truman")."""
    x, y = fold(a), fold(b)
    if x == y:
        return True
    common = len(_prefix(x, y))
    endings = (len(x) - common, len(y) - common)
    stem = STEM + (min(endings) > 0)
    return common >= stem and max(endings) <= 3


def _prefix(x: str, y: str) -> str:
    n = 0
    while n < min(len(x), len(y)) and x[n] == y[n]:
        n += 1
    return x[:n]


def _not_holder(name: str, lang: str) -> bool:
    """Months, weekdays and the like are capitalised but hold nothing."""
    return name.lower() in lexicon.wordset("words.common", lang) | lexicon.wordset(
        "words.days", lang
    )
