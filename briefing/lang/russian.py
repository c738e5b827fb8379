"""Russian person names in the nominative, by `pymorphy3` and its OpenCorpora dictionary.

A Russian article names people in every case ("По словам посла Михаила Носкова": of
ambassador Mikhail Noskov); an actor is named as the nominative ("Михаил Носков"). Only a
name with a first name the dictionary knows, or a surname it reads as oblique with at
least even odds, is changed: "Иванова" alone may be a woman's nominative.
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["body_nominative", "nominative", "place_genitive"]

SURE = 0.5  # the least score of an oblique reading of a lone surname that is changed


@functools.cache
def _morph() -> Any:
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer()
    except Exception:  # an install without pymorphy3 keeps names as written
        return None


def place_genitive(word: str) -> bool:
    """A place's name in the genitive ("Польши" in "Министр климата Польши Паулина
    Хеннинг-Клоска"): the end of a title before a name, no part of the name."""
    morph = _morph()
    if morph is None or not word[:1].isupper():
        return False
    best = morph.parse(word)[0]
    return "Geox" in best.tag and best.tag.case == "gent"


def nominative(name: str) -> str:
    """`name` in the nominative where it is a person's name in another case; else as is."""
    morph = _morph()
    words = name.split()
    if morph is None or not words or not all(w[:1].isupper() for w in words):
        return name
    first = next((p for w in words for p in morph.parse(w)[:1] if "Name" in p.tag), None)
    if first is not None:
        gender, case = first.tag.gender, first.tag.case
    else:
        if len(words) != 1:
            return name
        best = morph.parse(words[0])[0]
        if "Surn" not in best.tag or best.score < SURE:
            return name
        gender, case = best.tag.gender, best.tag.case
    if case in (None, "nomn"):
        return name
    return " ".join(_inflected(morph, w, gender, case) for w in words)


def _inflected(morph: Any, word: str, gender: str | None, case: str) -> str:
    """The word's nominative, of the reading that is a name part of the name's gender and
    case; the word as written where it has none ("Кузнецова-Смит" unknown, say)."""
    for parse in morph.parse(word):
        tag = parse.tag
        if not ({"Name", "Surn", "Patr"} & tag.grammemes) or tag.case != case:
            continue
        if gender is not None and tag.gender not in (gender, "ms-f"):
            continue
        form = parse.inflect({"nomn"})
        if form is not None:
            return form.word[:1].upper() + form.word[1:]
    return word


def body_nominative(phrase: str) -> str:
    """A body's name as a preposition of place leaves it ("Министерстве обороны РФ"), its
    head noun in the nominative ("Министерство обороны РФ"); the genitives after it stay."""
    morph = _morph()
    words = phrase.split()
    if morph is None or not words:
        return phrase
    for parse in morph.parse(words[0]):
        if "NOUN" in parse.tag and parse.tag.case in ("loct", "datv"):
            form = parse.inflect({"nomn", parse.tag.number or "sing"})
            if form is not None:
                head = words[0][:1] + form.word[1:] if words[0][:1].isupper() else form.word
                return " ".join([head, *words[1:]])
    return phrase
