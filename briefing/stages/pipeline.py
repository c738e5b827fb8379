"""read → link → chunk → extract → verify → voice → cross-cite → one label per actor →
merge → disagree → originals → write → localize → lead → Briefing.

This is the one pipeline every backend runs through; the CLI, the eval runner and the
benchmarks all call `generate()`. With a run memo (`Options.memo`) a run whose inputs,
code and answers are unchanged is served whole from it; otherwise `stages.build` does
the work, imported only then, so a served run never loads the checker or the embedder.
Each step is one module of `briefing.stages`, listed there in this order.
"""

from __future__ import annotations

import logging

__all__ = ["MAX_ARTICLE_SENTENCES", "MAX_SENTENCES", "Meter", "Options", "generate", "work_limits"]

from typing import TYPE_CHECKING

from briefing.core.errors import InputError
from briefing.core.meter import Meter
from briefing.core.models import Briefing, Source
from briefing.llm.base import LLM
from briefing.stages.options import MAX_ARTICLE_SENTENCES, MAX_SENTENCES, Options
from briefing.stages.run_memo import Run, run_key

if TYPE_CHECKING:
    from briefing.core.config import Settings
    from briefing.stages.progress import Bars, Quiet


def generate(
    sources: list[Source],
    llm: LLM,
    options: Options | None = None,
    progress: Quiet | Bars | None = None,
    meter: Meter | None = None,
) -> Briefing:
    """Build the briefing for `sources` with `llm`, or recall it from the run memo."""
    options = options or Options()
    meter = meter or Meter()
    _check_work(sources, options)
    memo = options.memo if options.checker is None else None
    key = run_key(sources, llm, options) if memo is not None else ""
    found = memo.recall(key) if memo is not None else None
    if found is not None and found.briefing.run is not None:
        meter.replay(found.briefing.run.usage, found.answers)
        logging.getLogger("briefing.stages").info("served whole from the run memo: no call")
        return found.briefing
    from briefing.stages.build import build  # the stages: checker, embedder, tokens
    from briefing.stages.progress import Quiet

    first = len(meter.answer_keys)
    briefing = build(sources, llm, options, progress or Quiet(), meter)
    answers = meter.answer_keys[first:]
    if memo is not None and all(answers):
        memo.keep(key, Run(briefing, [a for a in answers if a]))
    return briefing


def work_limits(settings: Settings) -> dict[str, int]:
    """The sentence limits the settings give, as `Options` fields (unset: the defaults)."""
    return {
        name: value
        for name in ("max_sentences", "max_article_sentences")
        if (value := getattr(settings, name)) is not None
    }


def _check_work(sources: list[Source], options: Options) -> None:
    """Refuse, before any work, articles with more sentences than the limits allow."""
    for source in sources:
        if len(source.sentences) > options.max_article_sentences:
            raise InputError(
                f"{source.path} has {len(source.sentences):,} sentences, over the limit of "
                f"{options.max_article_sentences:,} per article (--max-article-sentences)"
            )
    total = sum(len(source.sentences) for source in sources)
    if total > options.max_sentences:
        raise InputError(
            f"{len(sources)} articles have {total:,} sentences, over the limit of "
            f"{options.max_sentences:,} per run (--max-sentences)"
        )
