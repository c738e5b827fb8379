"""Reduce stage, in code: one item per fact across sources and languages, and conflicts.

A statement gains the sentences of other sources that code linked to its own (and
that give the same numbers and dates): the Icelandic report of an English statement
becomes its evidence too. Statements where one cites the sentence the other was drawn
from (not merely a common sentence, such as one naming a speaker), or that say the same
in the same words, fold into one with the union of their evidence. Two statements citing
linked sentences that give different numbers or dates are a disagreement.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from briefing.core.languages import PIVOT
from briefing.lang.values import values
from briefing.stages.align import Link, differing
from briefing.stages.extract import Found
from briefing.stages.reading import Reading
from briefing.stages.verify import content_words

SAME_WORDS = 0.6  # Jaccard of content words above which two statements say the same


@dataclass
class Conflict:
    """Two statements from different sources that contradict each other."""

    first: int
    second: int


def merge(
    found: list[Found], reading: Reading, same: list[Link], near: list[Link]
) -> tuple[list[Found], list[Conflict]]:
    """Deduplicated statements, and conflicts as indexes into that list."""
    ordered = sorted(found, key=lambda f: reading.language[f.evidence[0]] != PIVOT)
    corroborated = [_corroborate(item, reading, same) for item in ordered]
    merged = _fold(corroborated)
    return merged, _conflicts(merged, reading, near)


def _corroborate(item: Found, reading: Reading, links: list[Link]) -> Found:
    """Add each sentence linked to the one the statement was drawn from (the first it
    cites; others only name its speaker or were confirmed already) that gives the
    statement's numbers and no others."""
    evidence = list(item.evidence)
    stated = values(item.text, "en")
    for cited in item.evidence[:1]:
        for link in links:
            if cited not in (link.a, link.b):
                continue
            other = link.other(cited)
            if other in evidence or differing(reading.values[cited], reading.values[other]):
                continue
            if stated <= reading.values[other]:
                evidence.append(other)
    return replace(item, evidence=evidence)


def _same(a: Found, b: Found) -> bool:
    if a.section != b.section or (a.actor or "").casefold() != (b.actor or "").casefold():
        return False
    if a.evidence[0] in b.evidence or b.evidence[0] in a.evidence:
        return True  # one cites the sentence the other was drawn from
    wa, wb = content_words(a.text), content_words(b.text)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= SAME_WORDS


def _fold(found: list[Found]) -> list[Found]:
    """The first of each group of same statements, with the group's evidence."""
    merged: list[Found] = []
    for item in found:
        for i, kept in enumerate(merged):
            if _same(kept, item) and values(kept.text, "en") == values(item.text, "en"):
                extra = [e for e in item.evidence if e not in kept.evidence]
                merged[i] = replace(kept, evidence=[*kept.evidence, *extra])
                break
        else:
            merged.append(item)
    return merged


def _conflicts(merged: list[Found], reading: Reading, near: list[Link]) -> list[Conflict]:
    """Pairs of statements from different sources citing linked sentences whose values
    differ, each statement giving its own source's value."""
    conflicts: list[Conflict] = []
    for link in near:
        if differing(reading.values[link.a], reading.values[link.b]) is None:
            continue
        left = [
            i for i, f in enumerate(merged) if link.a in f.evidence and link.b not in f.evidence
        ]
        right = [
            i for i, f in enumerate(merged) if link.b in f.evidence and link.a not in f.evidence
        ]
        if left and right and merged[left[0]].source_id != merged[right[0]].source_id:
            pair = Conflict(left[0], right[0])
            if pair not in conflicts:
                conflicts.append(pair)
    return conflicts
