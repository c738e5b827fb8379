"""read → link → chunk → extract → verify → voice → cross-cite → one label per actor →
merge → disagree → localize → Briefing.

This is the one pipeline every backend runs through; the CLI, the eval runner and the
benchmarks all call `generate()`. With a run memo (`Options.memo`) a run whose inputs,
code and answers are unchanged is served whole from it; otherwise `stages.build` does
the work, imported only then, so a served run never loads the checker or the embedder.
"""

from __future__ import annotations

__all__ = ["Meter", "Options", "generate"]

from typing import TYPE_CHECKING

from briefing.core.meter import Meter
from briefing.core.models import Briefing, Source
from briefing.llm.base import LLM
from briefing.stages.options import Options
from briefing.stages.run_memo import Run, run_key

if TYPE_CHECKING:
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
    memo = options.memo if options.checker is None else None
    key = run_key(sources, llm, options) if memo is not None else ""
    found = memo.recall(key) if memo is not None else None
    if found is not None and found.briefing.run is not None:
        meter.replay(found.briefing.run.usage, found.answers)
        return found.briefing
    from briefing.stages.build import build  # the stages: checker, embedder, tokens
    from briefing.stages.progress import Quiet

    first = len(meter.answer_keys)
    briefing = build(sources, llm, options, progress or Quiet(), meter)
    answers = meter.answer_keys[first:]
    if memo is not None and all(answers):
        memo.keep(key, Run(briefing, [a for a in answers if a]))
    return briefing
