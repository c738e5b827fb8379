"""Weekdays and month names as typed values, across languages, from CLDR (`babel`).

"on Saturday", "á laugardaginn", "am Samstagabend" and "le samedi" are one fact
(weekday 6); "í lok apríl" and "in late April" another (month 4). `values` only reads a
month with its day or year, so a statement that moves an event from Sunday to Wednesday,
or from April to January, would pass it; this catches that. Words are matched by their
start, so inflected and compound forms count ("laugardaginn", "Samstagabend").

The names are CLDR's; what it lacks (a weekday's inflecting ending, forms in use such as
"Jänner" or "okt") is in the language's lexicon file. A month runs on where CLDR's format
and stand-alone forms differ (Russian "января", "январь": the stem "январ" inflects).

English "may" and "march" are also verbs: they count only capitalised inside a sentence
or next to a number ("May 5", "in March 2020"), and never in lower-cased text.
"""

from __future__ import annotations

import functools
import re

from briefing.lang import lexicon

__all__ = ["calendar_words", "english_name", "month_names", "weekday_names", "weekdays"]

LANGUAGES = ("en", "is", "de", "fr", "es", "ru")  # the languages whose calendar words count
_WORD = re.compile(r"[^\W\d_]+")
_MIN_STEM = 3


@functools.cache
def _locale(lang: str):
    from babel import Locale

    return Locale.parse(lang)


def _variants(key: str, lang: str, n: int) -> list[str]:
    return list(lexicon.table(f"calendar.{key}", lang).get(str(n), []))


@functools.cache
def month_names(
    lang: str, *, abbreviations: bool = False, variants: bool = False
) -> tuple[tuple[str, ...], ...]:
    """Twelve tuples of a language's month names as CLDR writes them (format, then
    stand-alone): `month_names("en")[0] == ("January",)`. With `abbreviations`, CLDR's
    abbreviations (without their period) and the lexicon's; with `variants`, the other
    forms in use that the lexicon lists ("Jänner", "aout", "okt")."""
    months = _locale(lang).months
    widths = ("wide", "abbreviated") if abbreviations else ("wide",)
    out = []
    for n in range(1, 13):
        forms = [months[ctx][w][n].rstrip(".") for w in widths for ctx in ("format", "stand-alone")]
        forms += _variants("month_abbreviations", lang, n) if abbreviations else []
        forms += _variants("month_variants", lang, n) if variants else []
        out.append(tuple(dict.fromkeys(forms)))
    return tuple(out)


@functools.cache
def weekday_names(lang: str) -> tuple[tuple[str, ...], ...]:
    """Seven tuples, Monday first, of a language's weekday names (CLDR's, then its lexicon's)."""
    days = _locale(lang).days["format"]["wide"]
    return tuple((days[n], *_variants("weekday_variants", lang, n + 1)) for n in range(7))


def _weekday_stem(name: str, lang: str) -> str:
    """What a weekday's inflected forms share: the name less its inflecting ending."""
    for ending in lexicon.words("calendar.inflected_endings", lang):
        if name.endswith(ending) and len(name) - len(ending) >= _MIN_STEM:
            return name[: -len(ending)]
    return name


def _month_stems(forms: tuple[str, ...]) -> tuple[list[str], bool]:
    """The words a month is matched by, and whether they run on: the forms as they are
    where CLDR gives one, else the stem they share (else each form, where that stem is
    too short to be safe: "мая", "май")."""
    lowered = list(dict.fromkeys(f.lower() for f in forms))
    if len(lowered) == 1:
        return lowered, False
    stem = next(
        (
            lowered[0][:i]
            for i in range(len(lowered[0]), 0, -1)
            if all(f.startswith(lowered[0][:i]) for f in lowered)
        ),
        "",
    )
    return ([stem] if len(stem) >= _MIN_STEM else lowered), True


@functools.cache
def _abbreviations(lang: str) -> dict[str, str]:
    """A month's abbreviations ("Sept", "Oct") in a language that capitalises months,
    to the month: they count capitalised and followed by their period only ("on Sept.
    11"), so that no French "sept" (seven) nor a name ("Jan Egeland") is read as one."""
    if lang not in LANGUAGES or _lower_months(lang):
        return {}
    wide = month_names(lang)
    return {
        form.lower(): f"month:{n}"
        for n, forms in enumerate(month_names(lang, abbreviations=True), 1)
        for form in forms
        if form not in wide[n - 1]
    }


@functools.cache
def _patterns(lang: str) -> list[tuple[re.Pattern[str], str]]:
    """(word pattern, canonical value) for `lang`'s weekdays and months."""
    if lang not in LANGUAGES:
        return []
    out: list[tuple[re.Pattern[str], str]] = []
    for n, names in enumerate(weekday_names(lang), 1):
        for name in names:  # weekdays may run on (Samstagabend, laugardaginn)
            stem = _weekday_stem(name.lower(), lang)
            out.append((re.compile(re.escape(stem) + r"\w*", re.IGNORECASE), f"weekday:{n}"))
    for n, forms in enumerate(month_names(lang), 1):
        stems, runs_on = _month_stems(forms)  # other months must end the word (Marsh, Mayor)
        for stem in stems:
            pattern = re.escape(stem) + (r"\w*" if runs_on else "")
            out.append((re.compile(pattern, re.IGNORECASE), f"month:{n}"))
    return out


def english_name(value: str) -> str:
    """ "weekday:6" -> "Saturday", "month:4" -> "April"."""
    kind, n = value.split(":")
    return (weekday_names if kind == "weekday" else month_names)("en")[int(n) - 1][0]


def calendar_words(text: str, lang: str) -> set[str]:
    """Canonical weekdays and months ("weekday:6", "month:4") that `text` names."""
    patterns, abbreviated = _patterns(lang), _abbreviations(lang)
    found: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        month = abbreviated.get(word.lower())
        if month and word[0].isupper() and text[match.end() : match.end() + 1] == ".":
            found.add(month)
        for pattern, value in patterns:
            if pattern.fullmatch(word) and _counts(word, value, text, match.start(), lang):
                found.add(value)
    return found


def weekdays(text: str) -> set[str]:
    """The weekdays `text` names, in any language here ("weekday:1" for "á mánudag" and
    "on Monday" alike): for a checker that knows no text's language."""
    return {w for lang in LANGUAGES for w in calendar_words(text, lang) if w.startswith("weekday")}


def _lower_months(lang: str) -> bool:
    """The language writes month names in lower case (CLDR: "apríl", "avril")."""
    return month_names(lang)[3][0].islower()


def _counts(word: str, value: str, text: str, start: int, lang: str) -> bool:
    """False for an English "may"/"march" that is likely a verb, and for a capitalised
    month in a language that writes months in lower case ("Mars" the planet)."""
    if _lower_months(lang) and word[0].isupper():
        return not value.startswith("month")
    if word.lower() not in lexicon.wordset("calendar.also_verbs", lang):
        return True
    before, after = text[max(0, start - 6) : start], text[start + len(word) : start + len(word) + 6]
    if re.search(r"\d", before + after):
        return True
    inside = bool(before.strip()) and not before.rstrip().endswith((".", "!", "?", '"', "“"))
    return word[0].isupper() and inside
