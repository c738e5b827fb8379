"""Compare two prompt sets on the eval cases: metrics side by side, the statements that
changed, and a verdict.

Both sets run through the same backend and judge (the judge always uses the shipped
judge prompts, so a prompt set cannot grade itself). With the answer cache on, calls
whose prompts are identical in both sets are made once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, model_serializer
from rich.table import Table

from briefing.check.judge import Judge
from briefing.core.models import Usage
from briefing.eval.cases import Case
from briefing.eval.metrics import COMPARED
from briefing.eval.runner import CaseResult, run_case
from briefing.llm.base import LLM
from briefing.prompts import PromptSet


@dataclass
class Side:
    label: str
    prompts: PromptSet
    results: list[CaseResult]


class Delta(BaseModel):
    """One number for A and for B, and B - A (None when either is unknown)."""

    a: int | float | None
    b: int | float | None
    delta: int | float | None

    @classmethod
    def of(cls, a: float | None, b: float | None, digits: int = 3) -> Delta:
        return cls(a=a, b=b, delta=None if a is None or b is None else round(b - a, digits))


class Row(BaseModel):
    """One case (or the total): each compared metric, generated tokens and LLM seconds."""

    case: str
    metrics: dict[str, Delta]
    generated_tokens: Delta
    llm_seconds: Delta

    @model_serializer(mode="wrap")
    def _flat(self, handler: Any) -> dict[str, Any]:
        """In JSON the metrics sit beside the case name, one key each."""
        data = handler(self)
        return {"case": data.pop("case"), **data.pop("metrics"), **data}


class SideInfo(BaseModel):
    label: str
    prompts: dict[str, Any]


class Changed(BaseModel):
    """The statements of one case that only A or only B wrote, each with its verdict."""

    case: str
    only_a: list[str]
    only_b: list[str]


class Comparison(BaseModel):
    """Prompt sets A and B side by side, what regressed, which statements changed, and
    the verdict."""

    a: SideInfo
    b: SideInfo
    cases: list[Row]
    total: Row
    regressions: list[str]
    b_no_worse: bool
    changed: list[Changed] = []
    provenance: dict[str, Any] | None = None


def _tokens(result: CaseResult) -> int:
    """Generated tokens the prompts cost, whether the answers came fresh or from the cache."""
    total = result.usage.get("total", Usage())
    return total.completion_tokens


def _seconds(result: CaseResult) -> float:
    """LLM seconds the prompts cost, taking a cached answer at the time it first took."""
    total = result.usage.get("total", Usage())
    return round(total.seconds, 1)


def run_side(
    label: str, prompts: PromptSet, cases: list[Case], llm: LLM, judge: Judge | None
) -> Side:
    return Side(label, prompts, [run_case(case, llm, judge, prompts=prompts) for case in cases])


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def _row(ra: CaseResult, rb: CaseResult) -> Row:
    return Row(
        case=ra.case.name,
        metrics={m: Delta.of(ra.metrics.get(m), rb.metrics.get(m)) for m in COMPARED},
        generated_tokens=Delta(a=_tokens(ra), b=_tokens(rb), delta=_tokens(rb) - _tokens(ra)),
        llm_seconds=Delta.of(_seconds(ra), _seconds(rb), 1),
    )


def _regressions(ra: CaseResult, rb: CaseResult) -> list[str]:
    """Metrics that met their floor with A and miss it with B."""
    out = []
    for metric in COMPARED:
        va, vb = ra.metrics.get(metric), rb.metrics.get(metric)
        floor = ra.case.thresholds.get(metric)
        if floor is not None and va is not None and va >= floor and (vb is None or vb < floor):
            after = "n/a" if vb is None else f"{vb:.2f}"
            out.append(f"{ra.case.name}: {metric} {va:.2f} -> {after} below {floor}")
    return out


def _statements(result: CaseResult) -> dict[str, str]:
    """Each claim as `[lang] text`, with its support verdict and citations."""
    return {
        f"[{s.metadata.get('language', '?')}] {s.metadata.get('text', '')}": (
            f"{s.label}; cites {' '.join(s.metadata.get('evidence') or []) or 'nothing'}"
        )
        for s in result.scores
        if s.check == "support"
    }


def _changed(ra: CaseResult, rb: CaseResult) -> Changed:
    """What a reader of the two briefings would see differ: statements, not ids."""
    a, b = _statements(ra), _statements(rb)
    return Changed(
        case=ra.case.name,
        only_a=[f"{t} ({a[t]})" for t in a if t not in b],
        only_b=[f"{t} ({b[t]})" for t in b if t not in a],
    )


def _total(rows: list[Row]) -> Row:
    def summed(key: str) -> Delta:
        sa = sum(getattr(r, key).a for r in rows)
        sb = sum(getattr(r, key).b for r in rows)
        return Delta(a=round(sa, 1), b=round(sb, 1), delta=round(sb - sa, 1))

    return Row(
        case="total",
        metrics={
            m: Delta.of(
                _mean([r.metrics[m].a for r in rows]), _mean([r.metrics[m].b for r in rows])
            )
            for m in COMPARED
        },
        generated_tokens=summed("generated_tokens"),
        llm_seconds=summed("llm_seconds"),
    )


def summary(a: Side, b: Side) -> Comparison:
    """Per case and in total: each metric for A and B, the delta, and what regressed."""
    pairs = list(zip(a.results, b.results, strict=True))
    rows = [_row(ra, rb) for ra, rb in pairs]
    regressions = [line for ra, rb in pairs for line in _regressions(ra, rb)]
    return Comparison(
        a=SideInfo(label=a.label, prompts=a.prompts.provenance()),
        b=SideInfo(label=b.label, prompts=b.prompts.provenance()),
        cases=rows,
        total=_total(rows),
        regressions=regressions,
        b_no_worse=not regressions,
        changed=[_changed(ra, rb) for ra, rb in pairs],
    )


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


def table(result: Comparison) -> Table:
    t = Table(title=f"A = {result.a.label}   B = {result.b.label}")
    t.add_column("case")
    for key in (*COMPARED, "generated_tokens", "LLM seconds"):
        t.add_column(f"{key}\nA / B (Δ)", justify="right")
    for row in [*result.cases, result.total]:
        deltas = [*(row.metrics[m] for m in COMPARED), row.generated_tokens, row.llm_seconds]
        cells = [f"{_cell(d.a)} / {_cell(d.b)} ({_delta(d.delta)})" for d in deltas]
        t.add_row(row.case, *cells, end_section=row is result.cases[-1])
    return t


def change_lines(result: Comparison) -> list[str]:
    """The changed statements, diff-style: `- ` only in A, `+ ` only in B."""
    lines = []
    for case in result.changed:
        if case.only_a or case.only_b:
            lines.append(f"{case.case}:")
            lines += [f"  - {t}" for t in case.only_a] + [f"  + {t}" for t in case.only_b]
    return lines or ["the same statements with A and B"]
