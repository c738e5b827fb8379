"""Sentence ids, built and read in this one place.

A sentence id is `<source>.S<n>`: "A2.S7" is sentence 7 of source A2. Ingest builds
them; everything else treats them as opaque keys, asking this module (or the sentence's
own `source_id`) when it needs the source.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["opened_by", "outlets", "sentence_id", "sentence_number", "source_of", "told_at"]

_SEP = ".S"


def sentence_id(source_id: str, number: int) -> str:
    """The id of sentence `number` (1-based) of source `source_id`: A2, 7 -> "A2.S7"."""
    return f"{source_id}{_SEP}{number}"


def _parts(sentence_id: str) -> tuple[str, str]:
    source, sep, number = sentence_id.rpartition(_SEP)
    return (source, number) if sep else (sentence_id, "")


def source_of(sentence_id: str) -> str:
    """The source id of a sentence id: "A2.S7" -> "A2"."""
    return _parts(sentence_id)[0]


def sentence_number(sentence_id: str) -> int | None:
    """The sentence's 1-based number within its source: "A2.S7" -> 7 (None if malformed)."""
    number = _parts(sentence_id)[1]
    return int(number) if number.isdigit() else None


def outlets(evidence: Iterable[str]) -> int:
    """How many sources the sentence ids come from: the outlets reporting an item."""
    return len({source_of(e) for e in evidence})


OPENING = 3  # an article's first sentences: its headline line, if any, and its main news


def opened_by(evidence: Iterable[str]) -> int:
    """How many sources open with the item: cite it among their first `OPENING` sentences."""
    return len({source_of(e) for e in evidence if (sentence_number(e) or 0) <= OPENING})


def told_at(evidence: Iterable[str]) -> float:
    """How far down its articles an item is told: the mean over its sources of the first
    sentence it cites there (an article's first sentences are its main news); 0 for none."""
    first: dict[str, int] = {}
    for sid in evidence:
        n = sentence_number(sid) or 0
        first[source_of(sid)] = min(first.get(source_of(sid), n), n)
    return sum(first.values()) / len(first) if first else 0.0
