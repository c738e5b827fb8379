"""Cite a verified statement in the other languages too, where another source states it.

Merging only follows links that are each other's best match above `SAME`: precise, but
a cross-lingual embedding puts a sentence and its translation barely above unrelated
sentences of the same story (0.84 against 0.83 is common), so most facts both outlets
report stay cited in one language and show as `[en]` in Icelandic. Here each statement
whose evidence is all in English gets the most similar sentences of sources in other
languages as candidates; the first that passes the code checks `verify` runs (values,
names, no untranslated words; not word overlap, which a rough gloss defeats) and names
the statement's actor (where its own sentences name it) goes to the support checker,
and only a sentence the checker says states the statement joins its evidence, to be
quoted. Only sentences in a language the judging model reads are asked of it: a model
that reads no Icelandic judges a rough gloss, and says no to true translations too.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.core.languages import PIVOT
from briefing.lang.values import values
from briefing.stages.align import NEAR, differing
from briefing.stages.found import Found
from briefing.stages.reading import Reading
from briefing.stages.verify import Checker as Check
from briefing.stages.verify import missing_names, problems

CANDIDATES = 3  # most similar other-language sentences tried by code per statement


def cross_cite(
    found: list[Found], reading: Reading, check: Check | None, reads: frozenset[str] | None
) -> list[Found]:
    """`found` with a confirmed other-language sentence added to each statement's evidence
    where one exists; without a checker nothing is added (code alone is not enough).
    `reads`: the languages the checker's model reads (`llm.base.reads`), None for any."""
    if check is None or (reads is not None and reads <= {PIVOT}):
        return found
    return [_with_other_language(item, reading, check, reads) for item in found]


def _with_other_language(
    item: Found, reading: Reading, check: Check, reads: frozenset[str] | None
) -> Found:
    if any(reading.language[e] != PIVOT for e in item.evidence):
        return item  # it has its quote already
    for candidate in candidates(item, reading, {PIVOT}):
        if reads is not None and reading.language[candidate] not in reads:
            continue
        if problems(item.text, [candidate], reading, overlap=False):
            continue
        if _named(item.actor, item.evidence, reading) and missing_names(
            [item.actor or ""], [candidate], reading
        ):
            continue  # a position quoted from a sentence that does not name its holder
        if check(item.text, [candidate]).supported:
            return replace(item, evidence=[*item.evidence, candidate])
        return item  # one checker call per statement at most
    return item


def _named(actor: str | None, evidence: list[str], reading: Reading) -> bool:
    """The actor is named in the statement's own sentences; one they do not name ("the
    dictator", or a pick from elsewhere in the article) cannot be asked of a candidate."""
    return bool(actor) and not missing_names([actor or ""], evidence, reading)


def candidates(item: Found, reading: Reading, languages: set[str]) -> list[str]:
    """Sentences of other sources in other languages, most similar first, that are near
    the cited ones, give the statement's values and differ on none."""
    stated = values(item.text, "en")
    scored: list[tuple[float, str]] = []
    others = (
        sentence.id
        for source in reading.sources
        if source.language not in languages and source.id != item.source_id
        for sentence in source.sentences
    )
    for sid in others:
        if not stated <= reading.values[sid]:
            continue
        if any(differing(reading.values[e], reading.values[sid]) for e in item.evidence):
            continue
        score = max(reading.similarity(e, sid) for e in item.evidence)
        if score >= NEAR:
            scored.append((score, sid))
    return [sid for _, sid in sorted(scored, key=lambda x: (-x[0], x[1]))[:CANDIDATES]]
