"""Compare two prompt sets on the eval cases: metrics side by side, and a verdict.

Both sets run through the same backend and judge (the judge always uses the shipped
judge prompts, so a prompt set cannot grade itself). With the answer cache on, calls
whose prompts are identical in both sets are made once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.table import Table

from briefing.check.judge import Judge
from briefing.eval.cases import Case
from briefing.eval.runner import CaseResult, run_case
from briefing.llm.base import LLM
from briefing.prompts import PromptSet

METRICS = ("faithfulness", "coverage", "citation_precision")


@dataclass
class Side:
    label: str
    prompts: PromptSet
    results: list[CaseResult]


def _tokens(result: CaseResult) -> int:
    """Generated tokens the prompts cost, whether the answers came fresh or from the cache."""
    total = result.report.get("usage", {}).get("total", {})
    return int(total.get("completion_tokens", 0))


def _seconds(result: CaseResult) -> float:
    """LLM seconds the prompts cost, taking a cached answer at the time it first took."""
    total = result.report.get("usage", {}).get("total", {})
    return round(float(total.get("seconds", 0.0)), 1)


def run_side(
    label: str, prompts: PromptSet, cases: list[Case], llm: LLM, judge: Judge | None
) -> Side:
    return Side(label, prompts, [run_case(case, llm, judge, prompts=prompts) for case in cases])


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def summary(a: Side, b: Side) -> dict[str, Any]:
    """Per case and in total: each metric for A and B, the delta, and what regressed."""
    rows = []
    regressions = []
    for ra, rb in zip(a.results, b.results, strict=True):
        row: dict[str, Any] = {"case": ra.case.name}
        for metric in METRICS:
            va, vb = ra.metrics.get(metric), rb.metrics.get(metric)
            delta = None if va is None or vb is None else round(vb - va, 3)
            row[metric] = {"a": va, "b": vb, "delta": delta}
            floor = ra.case.thresholds.get(metric)
            if floor is not None and va is not None and va >= floor and (vb is None or vb < floor):
                after = "n/a" if vb is None else f"{vb:.2f}"
                regressions.append(f"{ra.case.name}: {metric} {va:.2f} -> {after} below {floor}")
        row["generated_tokens"] = {
            "a": _tokens(ra),
            "b": _tokens(rb),
            "delta": _tokens(rb) - _tokens(ra),
        }
        row["llm_seconds"] = {
            "a": _seconds(ra),
            "b": _seconds(rb),
            "delta": round(_seconds(rb) - _seconds(ra), 1),
        }
        rows.append(row)
    total: dict[str, Any] = {"case": "total"}
    for metric in METRICS:
        va = _mean([r[metric]["a"] for r in rows])
        vb = _mean([r[metric]["b"] for r in rows])
        total[metric] = {
            "a": va,
            "b": vb,
            "delta": None if va is None or vb is None else round(vb - va, 3),
        }
    for key in ("generated_tokens", "llm_seconds"):
        sa, sb = sum(r[key]["a"] for r in rows), sum(r[key]["b"] for r in rows)
        total[key] = {"a": round(sa, 1), "b": round(sb, 1), "delta": round(sb - sa, 1)}
    return {
        "a": {"label": a.label, "prompts": a.prompts.provenance()},
        "b": {"label": b.label, "prompts": b.prompts.provenance()},
        "cases": rows,
        "total": total,
        "regressions": regressions,
        "b_no_worse": not regressions,
    }


def _cell(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _delta(value: float | None) -> str:
    if value is None:
        return "–"
    style = "green" if value > 0 else "red" if value < 0 else "dim"
    return (
        f"[{style}]{value:+.2f}[/{style}]"
        if isinstance(value, float)
        else f"[{style}]{value:+d}[/{style}]"
    )


def table(result: dict[str, Any]) -> Table:
    t = Table(title=f"A = {result['a']['label']}   B = {result['b']['label']}")
    t.add_column("case")
    for key in (*METRICS, "generated_tokens", "LLM seconds"):
        t.add_column(f"{key}\nA / B (Δ)", justify="right")
    for row in [*result["cases"], result["total"]]:
        cells = [
            f"{_cell(row[k]['a'])} / {_cell(row[k]['b'])} ({_delta(row[k]['delta'])})"
            for k in (*METRICS, "generated_tokens", "llm_seconds")
        ]
        t.add_row(row["case"], *cells, end_section=row["case"] == result["cases"][-1]["case"])
    return t
