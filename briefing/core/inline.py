"""Text from articles, feeds and models made safe to place inline in Markdown.

Why: a title, outlet or statement is one line of a list or a heading. A line break in
it (a newline, CR, U+2028...) would start a heading or a list item of its author's
choosing, a NUL or other control character corrupts the file for most tools, and a
bidi control reorders what the reader sees (the "Trojan source" trick). Line breaks
become a space; the other controls are dropped; every other character is kept.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["inline", "one_line"]

# Bidi embeddings, overrides and isolates, and the implicit marks (ALM, LRM, RLM).
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_BREAKS = re.compile("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_DROPPED = re.compile(f"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f{_BIDI}]")
_TAB = "\t"


def one_line(text: str) -> str:
    """`text` with line breaks as spaces, tabs as spaces, and control characters removed."""
    return _DROPPED.sub("", _BREAKS.sub(" ", text)).replace(_TAB, " ")


def inline(value: Any) -> Any:
    """A Jinja `finalize`: every string a Markdown template prints goes through `one_line`."""
    return one_line(value) if isinstance(value, str) else value
