"""Proper names in a sentence, found by capitalisation: the actors a statement may name.

A capitalised word inside a sentence starts a name ("Lars Øvrebø", "Nordic Wire"); a
sentence's first word only counts when it is followed by another capitalised word or
is seen capitalised inside a sentence elsewhere. Good enough to offer the model a list
of actors to choose from, and to ask whether a statement's names occur in its evidence.
"""

from __future__ import annotations

import re

UPPER = "A-ZÁÉÍÓÚÝÞÆÖÐÄÅØÜÑÇ"
WORD = rf"[{UPPER}][\w'’.-]*\w|[{UPPER}]"
NAME = re.compile(rf"(?<![\w'’-])(?:{WORD})(?:[ \t]+(?:{WORD}))*")
_NOT_NAMES = """
A An The This That These Those It Its He She They We I You Our Their His Her In On At For
From To By With And But Or If When While As After Before Both All No Not There Mr Mrs Ms
Dr Prof President Minister Prime Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
Í Á Það Þetta Hann Hún Þeir Við Ég En Og Ekki Einnig Þá Þar Um Með Mayor Chief Executive
Chairman Chairwoman Governor Senator Secretary General Director Leader Foreign Finance
"""
NOT_NAMES = frozenset(_NOT_NAMES.split())


def _clean(name: str) -> str:
    words = [re.sub(r"['’]s$", "", w).strip(".'’-") for w in name.split()]
    while words and words[0] in NOT_NAMES:
        words.pop(0)
    return " ".join(w for w in words if w)


def names_in(sentences: list[str]) -> list[str]:
    """Names in `sentences`, first seen first, each once."""
    inner: set[str] = set()
    found: list[tuple[int, str]] = []
    for text in sentences:
        for match in NAME.finditer(text):
            at_start = not text[: match.start()].strip(" \"'“„‘«([")
            name = _clean(match.group())
            if not name:
                continue
            if not at_start:
                inner.update(name.split())
            found.append((int(at_start and len(name.split()) == 1), name))
    names: dict[str, None] = {}
    for initial, name in found:
        if not initial or name in inner:
            names.setdefault(name)
    return list(names)
