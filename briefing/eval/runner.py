"""The two evals as functions the CLI and tests call: check one briefing, run the cases.

Each returns a plain report dict (the JSON report) plus the scores for the table and
JUnit; deciding the exit status from thresholds is the CLI's job.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from briefing.errors import InputError
from briefing.eval.cases import Case, case_metrics
from briefing.eval.judge import Judge
from briefing.eval.report import below
from briefing.eval.scorers import Score, evaluate, metrics
from briefing.llm.base import LLM
from briefing.models import Briefing
from briefing.prompts import PromptSet


def load_briefing(path: Path) -> Briefing:
    """The briefing JSON, or one InputError line saying what is wrong with it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"briefing not found: {path}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read {path}: {err}") from None
    try:
        return Briefing.model_validate_json(text)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "document"
        raise InputError(f"{path} is not a briefing JSON ({where}: {first['msg']})") from None


def judge_info(judge: Judge | None) -> dict[str, Any] | None:
    if judge is None:
        return None
    return {
        "backend": judge.llm.name,
        "model": judge.llm.model,
        "votes": judge.votes,
        "usage": dict(judge.usage),
    }


@dataclass
class CheckResult:
    scores: list[Score]
    metrics: dict[str, float | None]
    report: dict[str, Any] = field(default_factory=dict)


def check_briefing(briefing: Briefing, judge: Judge | None, source: str = "") -> CheckResult:
    started = time.perf_counter()
    scores = evaluate(briefing, judge)
    values = metrics(scores)
    report = {
        "briefing": source,
        "run": briefing.run.model_dump() if briefing.run else None,
        "judge": judge_info(judge),
        "metrics": values,
        "counts": _counts(scores),
        "seconds": round(time.perf_counter() - started, 2),
        "scores": [s.to_dict() for s in scores],
    }
    return CheckResult(scores, values, report)


def _counts(scores: list[Score]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for s in scores:
        out.setdefault(s.check, {}).setdefault(s.label, 0)
        out[s.check][s.label] += 1
    return out


@dataclass
class CaseResult:
    case: Case
    scores: list[Score]
    metrics: dict[str, float | None]
    failed: list[str]
    report: dict[str, Any]


def run_case(
    case: Case,
    llm: LLM,
    judge: Judge | None,
    out_dir: Path | None = None,
    prompts: PromptSet | None = None,
) -> CaseResult:
    """Generate the case's briefing with `llm` (and `prompts`), check it, score it."""
    from briefing.pipeline import Options, generate

    started = time.perf_counter()
    options = Options(languages=case.languages, prompts=prompts or PromptSet())
    briefing = generate(case.sources(), llm, options)
    generated = time.perf_counter() - started
    if out_dir is not None:
        from briefing.eval.report import write_atomic

        write_atomic(out_dir / f"{case.name}.json", briefing.model_dump_json(indent=2))
    checked = check_briefing(briefing, judge, str(case.path))
    scored = case_metrics(case, briefing, checked.scores)
    values = scored["metrics"]
    failed = below(values, case.thresholds)
    report = {
        "case": case.name,
        "thresholds": case.thresholds,
        "failed": failed,
        "metrics": values,
        "missed_points": scored["missed"],
        "must_not_hits": [{"claim": c, "must_not": m} for c, m in scored["must_not_hits"]],
        "generate_seconds": round(generated, 1),
        "usage": {k: v.model_dump() for k, v in briefing.run.usage.items()} if briefing.run else {},
        "check": {k: v for k, v in checked.report.items() if k not in ("run",)},
    }
    return CaseResult(case, checked.scores, values, failed, report)


def dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)
