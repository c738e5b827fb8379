"""One accent fold for every comparison of words across languages and spellings.

Lower case, diacritics dropped, and the letters with no accent to drop written the way
English writes them: "Þórður Pútín" -> "thordur putin", "Ægir" -> "aegir", "Straße" ->
"strasse". Chosen over a fold that only drops accents ("Þór" -> "þor") because English
outlets write Icelandic names this way ("Thordur", "Thingvellir"), so a name matches in
the two languages' reports. Cyrillic is transliterated as English outlets write Russian
names (BGN/PCGN, simplified: "Путин" -> "putin", "Енисей" -> "yenisey"), for the same
reason.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "latin", "loose_fold"]

_LETTERS = str.maketrans({"ð": "d", "þ": "th", "æ": "ae", "ø": "o", "œ": "oe", "ß": "ss"})


_CYRILLIC = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
})  # fmt: skip
# "е" and "ё" are "ye" and "yo" where a word starts or a vowel or sign comes before
_IOTATED = re.compile(r"(?:(?<![а-яёіїєґ])|(?<=[аеёиоуыэюяйъь]))([её])")


def _transliterated(low: str) -> str:
    return _IOTATED.sub(lambda m: "ye" if m[1] == "е" else "yo", low).translate(_CYRILLIC)


_CYRILLIC_WORD = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ]+")


def latin(text: str) -> str:
    """Cyrillic words in Latin letters, capitals kept: 'Олег Савин' -> 'Oleg Savin', 'ТАСС'
    -> 'TASS', as an English or Icelandic reader finds the name in their own outlets;
    other text as is."""

    def word(match: re.Match[str]) -> str:
        out = _transliterated(match.group().lower())
        if len(match.group()) > 1 and match.group().isupper():
            return out.upper()  # an acronym: "ТАСС" -> "TASS"
        return out[:1].upper() + out[1:] if match.group()[:1].isupper() else out

    return _CYRILLIC_WORD.sub(word, text)


def fold(text: str) -> str:
    """Lower case without diacritics: 'Þórður Pútín' -> 'thordur putin', 'Путин' -> 'putin'."""
    low = text.lower().translate(_LETTERS)
    if re.search("[а-яёіїєґ]", low):
        low = _transliterated(low)
    decomposed = unicodedata.normalize("NFKD", low)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Letters Icelandic does not write in names it takes in, and what it writes for them
# ("Kalifornía", "Mexíkó", "Vín", "repúblikani"), as `fold` leaves them.
_LOOSE = (("ch", "k"), ("ph", "f"), ("c", "k"), ("q", "k"), ("w", "v"), ("z", "s"), ("y", "i"))


def loose_fold(text: str) -> str:
    """`fold`, then spelled as Icelandic spells a foreign name: 'Republican' ->
    'republikan', 'Welsh' -> 'velsh'. Only for matching a name across the two languages."""
    out = fold(text)
    for old, new in _LOOSE:
        out = out.replace(old, new)
    return out
