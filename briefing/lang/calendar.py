"""Weekdays and month names as typed values, across languages.

"on Saturday", "á laugardaginn", "am Samstagabend" and "le samedi" are one fact
(weekday 6); "í lok apríl" and "in late April" another (month 4). `values` only reads a
month with its day or year, so a statement that moves an event from Sunday to Wednesday,
or from April to January, would pass it; this catches that. Words are matched by their
start, so inflected and compound forms count ("laugardaginn", "Samstagabend").

English "may" and "march" are also verbs: they count only capitalised inside a sentence
or next to a number ("May 5", "in March 2020"), and never in lower-cased text.
"""

from __future__ import annotations

import functools
import re

__all__ = ["calendar_words", "english_name"]

_WEEKDAYS = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "is": ("mánud", "þriðjud", "miðvikud", "fimmtud", "föstud", "laugard", "sunnud"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "ru": ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень"),
}
_MONTHS = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"),
    "is": ("janúar", "febrúar", "mars", "apríl", "maí", "júní", "júlí", "ágúst",
           "september", "október", "nóvember", "desember"),
    "de": ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "ru": ("январ", "феврал", "март", "апрел", "ма[йя]", "июн", "июл", "август",
           "сентябр", "октябр", "ноябр", "декабр"),
}  # fmt: skip
_EXTRA = {"de": {"sonnabend": "weekday:6"}}
_VERBS = {"may", "march"}  # English months that are also common verbs
_LOWER_MONTHS = {"is", "fr", "es", "ru"}  # languages that write months in lower case
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _patterns(lang: str) -> list[tuple[re.Pattern[str], str]]:
    """(word-start pattern, canonical value) for `lang`'s weekdays and months."""
    out = [(w, f"weekday:{i}") for i, w in enumerate(_WEEKDAYS.get(lang, ()), 1)]
    out += [(w, f"month:{i}") for i, w in enumerate(_MONTHS.get(lang, ()), 1)]
    out += list(_EXTRA.get(lang, {}).items())
    # Weekday stems may run on (Samstagabend), as may Russian month stems (января);
    # other month names must end the word (Marsh, Mayor).
    runs_on = {v for _, v in out if v.startswith("weekday") or lang == "ru"}
    return [(re.compile(w + (r"\w*" if v in runs_on else ""), re.IGNORECASE), v) for w, v in out]


def english_name(value: str) -> str:
    """ "weekday:6" -> "Saturday", "month:4" -> "April"."""
    kind, n = value.split(":")
    return (_WEEKDAYS if kind == "weekday" else _MONTHS)["en"][int(n) - 1].capitalize()


def calendar_words(text: str, lang: str) -> set[str]:
    """Canonical weekdays and months ("weekday:6", "month:4") that `text` names."""
    patterns = _patterns(lang)
    found: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        for pattern, value in patterns:
            if pattern.fullmatch(word) and _counts(word, value, text, match.start(), lang):
                found.add(value)
    return found


def _counts(word: str, value: str, text: str, start: int, lang: str) -> bool:
    """False for an English "may"/"march" that is likely a verb, and for a capitalised
    month in a language that writes months in lower case ("Mars" the planet)."""
    if lang in _LOWER_MONTHS and word[0].isupper():
        return not value.startswith("month")
    if lang != "en" or word.lower() not in _VERBS:
        return True
    before, after = text[max(0, start - 6) : start], text[start + len(word) : start + len(word) + 6]
    if re.search(r"\d", before + after):
        return True
    inside = bool(before.strip()) and not before.rstrip().endswith((".", "!", "?", '"', "“"))
    return word[0].isupper() and inside
