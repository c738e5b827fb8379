"""Quotation marks and what they enclose, in any of the languages read.

Marks are counted, not matched by shape: Icelandic opens with „ and closes with “,
which opens an English quotation, and a plain " does both. Within a paragraph the
marks alternate, opening then closing, so a sentence that starts inside a quotation
begun in an earlier sentence is known by the count of marks before it.
"""

from __future__ import annotations

import re

MARKS = re.compile(r"[\"“”„«»]")
CLOSING = "\"“”„«»'’"  # every mark a quotation may end with, single quotes too


def paragraph_start(text: str, offset: int) -> int:
    return text.rfind("\n\n", 0, offset) + 1


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) offsets of the parts of text[start:end] inside quotation marks;
    a quotation open at `start` counts from there, one still open at `end` runs to it."""
    inside = len(MARKS.findall(text, paragraph_start(text, start), start)) % 2 == 1
    spans: list[tuple[int, int]] = []
    opened = start if inside else None
    for mark in MARKS.finditer(text, start, end):
        if opened is None:
            opened = mark.end()
        else:
            spans.append((opened, mark.start()))
            opened = None
    if opened is not None:
        spans.append((opened, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def unquoted(text: str) -> str:
    """The text with what its quotation marks enclose blanked out (offsets kept): what
    the sentence says in its own voice."""
    for start, end in reversed(quoted_spans(text, 0, len(text))):
        text = text[:start] + " " * (end - start) + text[end:]
    return text
