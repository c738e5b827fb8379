"""The eval report as one HTML page: per case, the scores against their floors, and each
claim with its verdict, the sentences it cites and the judge's answer.

Why: the JSON report holds all of it, but nobody reads a judge's answer in JSON; CI
uploads this page beside the JUnit file. The template (`prompts/report/`) autoescapes:
claims, sentences and answers are model and article text, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.eval.metrics import order
from briefing.eval.report import fmt
from briefing.prompts import REPORT_DIR

if TYPE_CHECKING:
    from briefing.eval.runner import CaseResult
    from briefing.eval.scorers import Score

STATUS = {1.0: "pass", 0.0: "fail", None: "na"}


def html_report(results: list[CaseResult], provenance: list[str]) -> str:
    """The whole page; `provenance` is the lines the console shows under the tables."""
    from briefing.render.site import html_templates

    return (
        html_templates(REPORT_DIR)
        .get_template("eval.html.j2")
        .render(
            cases=[_case(r) for r in results],
            failed=[r.case.name for r in results if r.failed],
            provenance=provenance,
        )
    )


def _case(result: CaseResult) -> dict[str, Any]:
    sentences = {s.id: s.text for source in result.case.sources() for s in source.sentences}
    floors = result.case.thresholds
    metrics = []
    for name in sorted({*result.metrics, *floors}, key=order):
        value, floor = result.metrics.get(name), floors.get(name)
        status = "" if floor is None else "na" if value is None else "fail"
        if name not in result.failed and value is not None and floor is not None:
            status = "pass"
        metrics.append(
            {
                "name": name,
                "value": fmt(value),
                "floor": fmt(floor) if floor else "",
                "status": status,
            }
        )
    return {
        "name": result.case.name,
        "failed": result.failed,
        "metrics": metrics,
        "missed": result.missed_points,
        "must_not": result.must_not_hits,
        "claims": [_claim(s, sentences) for s in result.scores],
    }


def _claim(score: Score, sentences: dict[str, str]) -> dict[str, Any]:
    evidence = score.metadata.get("evidence") or []
    return {
        "target": score.target,
        "check": score.check,
        "label": score.label,
        "status": STATUS.get(score.value, "na"),
        "text": score.metadata.get("text", ""),
        "explanation": score.explanation,
        "cited": [(i, sentences.get(i, "(no such sentence)")) for i in evidence],
        "judge": score.metadata.get("judge"),
    }
