"""ingest → chunk → extract → merge → translate → Briefing, with usage per stage.

This is the one pipeline every backend runs through; the CLI, the eval runner and the
benchmarks all call `generate()`.
"""

from __future__ import annotations

__all__ = ["Meter", "Options", "assemble", "generate"]

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from briefing.core.languages import PIVOT
from briefing.core.meter import Meter
from briefing.core.models import Briefing, Item, RunInfo, Side, Source
from briefing.llm.base import LLM, llm_info, sampling
from briefing.prompts import PromptSet
from briefing.stages.chunk import chunk_sources
from briefing.stages.extract import ChunkResult, ExtractSettings, Found, extract_chunk
from briefing.stages.merge import Conflict, merge
from briefing.stages.progress import Bars, Quiet
from briefing.stages.translate import translate

STAGES = ("extract", "merge", "translate")


@dataclass
class Options:
    """Everything about a run that is not the articles or the backend."""

    languages: list[str] = field(default_factory=lambda: ["en", "is"])
    chunk_tokens: int = 900
    overlap_tokens: int = 0
    max_attempts: int = 3
    concurrency: int = 1
    prompts: PromptSet = field(default_factory=PromptSet)


def generate(
    sources: list[Source],
    llm: LLM,
    options: Options | None = None,
    progress: Quiet | Bars | None = None,
    meter: Meter | None = None,
) -> Briefing:
    """Build the briefing for `sources` with `llm`."""
    options = options or Options()
    progress = progress or Quiet()
    meter = meter or Meter()
    meter.expect(STAGES)
    started = time.perf_counter()
    results = _extract_all(sources, llm, options, progress, meter)
    found = [f for r in results for f in r.found]
    dropped = [d for r in results for d in r.dropped]

    with progress.stage("merge", 1):
        merged, conflicts = merge(
            found,
            sources,
            llm,
            options.prompts,
            max_attempts=options.max_attempts,
            record=meter.record,
        )
        progress.advance("merge")

    texts = _translate_all([f.text for f in merged], llm, options, progress, meter)
    briefing = assemble(sources, merged, conflicts, texts, options.languages, dropped)
    briefing.run = RunInfo(
        **llm_info(llm),
        languages=list(options.languages),
        sampling=sampling(),
        prompts=options.prompts.provenance(),
        usage={**meter.stages, "total": meter.total()},
        seconds=round(time.perf_counter() - started, 3),
    )
    return briefing


def _extract_all(
    sources: list[Source], llm: LLM, options: Options, progress: Quiet | Bars, meter: Meter
) -> list[ChunkResult]:
    """Every chunk of every source, in parallel where the backend allows."""
    by_id = {s.id: s for s in sources}
    chunks = chunk_sources(sources, options.chunk_tokens, options.overlap_tokens)
    settings = ExtractSettings(max_attempts=options.max_attempts)

    def run(chunk_index: int) -> ChunkResult:
        chunk = chunks[chunk_index]
        result = extract_chunk(
            chunk, by_id[chunk.source_id], llm, options.prompts, settings, meter.record
        )
        progress.advance("extract")
        return result

    workers = max(1, min(options.concurrency, llm.max_concurrency, len(chunks)))
    with progress.stage("extract", len(chunks)):
        if workers == 1:
            return [run(i) for i in range(len(chunks))]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(run, range(len(chunks))))


def _translate_all(
    statements: list[str], llm: LLM, options: Options, progress: Quiet | Bars, meter: Meter
) -> dict[str, list[str]]:
    """The pivot statements in every output language."""
    texts: dict[str, list[str]] = {}
    targets = [lang for lang in options.languages if lang != PIVOT]
    with progress.stage("translate", len(targets)):
        for lang in targets:
            texts[lang] = translate(
                statements,
                lang,
                llm,
                options.prompts,
                max_attempts=options.max_attempts,
                record=meter.record,
            )
            progress.advance("translate")
    if PIVOT in options.languages:
        texts[PIVOT] = statements
    return texts


def assemble(
    sources: list[Source],
    merged: list[Found],
    conflicts: list[Conflict],
    texts: dict[str, list[str]],
    languages: list[str],
    dropped: list[dict[str, str]],
) -> Briefing:
    """Place each statement in its section; a disagreement keeps each side with its source."""
    briefing = Briefing(languages=list(languages), sources=sources, dropped=dropped)
    for i, item in enumerate(merged):
        text = {lang: texts[lang][i] for lang in languages}
        getattr(briefing, item.section).append(
            Item(text=text, evidence=item.evidence, actor=item.actor)
        )
    for conflict in conflicts:
        sides = [
            Side(
                source=merged[n].source_id,
                text={lang: texts[lang][n] for lang in languages},
                evidence=merged[n].evidence,
            )
            for n in (conflict.first, conflict.second)
        ]
        evidence = [e for side in sides for e in side.evidence]
        briefing.disagreements.append(Item(evidence=evidence, sides=sides))
    return briefing
