"""Text from strangers, made plain: one normaliser for labels and one for matching.

A page's `og:site_name`, a feed's `<title>`, a TOML `outlet` or a front-matter title are
written by whoever controls the source. Invisible characters (zero-width spaces, soft
hyphens, bidi controls) and lookalike letters (a Cyrillic "а" in "Ignore", fullwidth
"Ｉｇｎｏｒｅ") hide words from a pattern while a model or a reader still sees them. So
`label` turns such a string into one plain, short line, and `unmask` gives the guard a
version of any text with those disguises undone (for matching only: offsets into the
original text are never taken from it).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["label", "plain", "unmask"]

# Lookalikes of Latin letters in Cyrillic and Greek (the confusables a reader cannot tell
# apart in a Latin word); NFKC already maps fullwidth and mathematical letters.
_LOOKALIKE = "аеорсхуіјѕԁһӏԛԝӕёАВЕКМНОРСТХУІЈЅԜαβεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"
_LATIN = "aeopcxyijsdhlqwæeABEKMHOPCTXYIJSWabeikvoptuxABEZHIKMNOPTYX"
_TO_LATIN = str.maketrans(_LOOKALIKE, _LATIN)
_WORD_WITH_LOOKALIKE = re.compile(rf"[^\W\d_]*[{_LOOKALIKE}][^\W\d_]*")
_SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """`text` in NFKC with format characters (zero-width, soft hyphen, bidi controls,
    byte-order mark) removed and control characters other than whitespace made spaces."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(
        " " if cat == "Cc" and not ch.isspace() else ch
        for ch in text
        if (cat := unicodedata.category(ch)) != "Cf"
    )


def unmask(text: str) -> str:
    """`plain(text)` with lookalike letters made Latin in words of Latin and lookalike
    letters only ("Іgnоrе" -> "Ignore"); Russian or Greek words keep their letters."""
    return _WORD_WITH_LOOKALIKE.sub(_latinise, plain(text))


def _latinise(match: re.Match[str]) -> str:
    word = match.group()
    latin = word.translate(_TO_LATIN)
    if all(_latin(ch) for ch in latin if ch.isalpha()):
        return latin
    return word


def _latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")


def label(text: str | None, limit: int) -> str | None:
    """A title or outlet name as one plain line of at most `limit` characters (cut with
    "…"), or None when nothing printable is left."""
    if text is None:
        return None
    line = _SPACE.sub(" ", plain(text)).strip()
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line or None
