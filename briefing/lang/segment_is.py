"""Icelandic sentence splitting by Miðeind's `tokenizer`, as exact offsets into the text.

`tokenizer` knows Icelandic abbreviations ("kl. 14", "u.þ.b.", "o.s.frv.") and ordinals
("17. júní") but normalises what it returns (quotes, composite glyphs). Every token keeps
the `original` text it came from, leading whitespace included, so walking the originals
maps sentences back to `text[start:end]` exactly. Lines are first grouped into blocks
(a blank line, or a single newline after a headline-like line, ends one), because the
tokenizer joins a headline to the sentence under it.
"""

from __future__ import annotations

import re

from briefing.core.errors import BriefingError

__all__ = ["SegmentationError", "blocks", "split_sentences"]

_TERMINAL = ".!?…‽"
_CLOSERS = "\"'”“’‘»«›‹)]}"
_CONTINUATION = ",;:-–—(„‚«‹"
_HEADLINE_MAX = 60
_LIST_ITEM = re.compile(r"(?:[-*•–]\s|\d+[.)]\s)")


class SegmentationError(BriefingError):
    """The tokenizer's output could not be mapped back onto the text."""

    exit_code = 2


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, in order: `text[start:end]` is the stripped sentence."""
    spans: list[tuple[int, int]] = []
    for start, end in blocks(text):
        spans.extend(_split_block(text, start, end))
    return spans


def blocks(text: str) -> list[tuple[int, int]]:
    """Runs of lines that no line break ends: split at blank lines and after headlines.
    The one block splitter: `ingest.segment` splits every language's text with it."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text) if m.start() == 0 or
             text[m.start() - 1] == "\n"]  # fmt: skip
    blocks: list[tuple[int, int]] = []
    block_start: int | None = None
    for i, (start, end) in enumerate(lines):
        line = text[start:end].strip()
        if not line:
            continue
        if block_start is None:
            block_start = start
        following = text[slice(*lines[i + 1])].strip() if i + 1 < len(lines) else ""
        if not following or _breaks_after(line, following):
            blocks.append((block_start, end))
            block_start = None
    return blocks


def _breaks_after(line: str, following: str) -> bool:
    """Whether a single newline after `line` ends the sentence: headings, lists, headlines."""
    if line.startswith("#") or following.startswith("#") or _LIST_ITEM.match(following):
        return True
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in _TERMINAL:
        return False  # the tokenizer decides
    if len(line) >= _HEADLINE_MAX or core[-1] in _CONTINUATION:
        return False
    return not following.lstrip("\"'„“”‚‘’«»‹›([{")[:1].islower()


def _split_block(text: str, block_start: int, block_end: int) -> list[tuple[int, int]]:
    """Tokenize one block and map each sentence's tokens back through their originals."""
    from tokenizer import TOK, tokenize

    block = text[block_start:block_end]
    spans: list[tuple[int, int]] = []
    cursor, first, last = 0, None, None
    for tok in tokenize(block):
        if tok.kind == TOK.S_END:
            if first is not None and last is not None:
                spans.append((block_start + first, block_start + last))
            first = last = None
            continue
        original = tok.original or ""
        if not original:
            continue
        if block.startswith(original, cursor):
            at = cursor
        else:  # a substitution the tokenizer did not record: find the token's own text
            at = block.find(original.strip(), cursor)
            if at < 0:
                raise SegmentationError(f"cannot map sentence offsets near {original!r}")
            original = original.strip()
        body = at + len(original) - len(original.lstrip())
        if first is None and original.strip():
            first = body
        cursor = at + len(original)
        if original.strip():
            last = cursor
    if first is not None and last is not None:
        spans.append((block_start + first, block_start + last))
    return spans
