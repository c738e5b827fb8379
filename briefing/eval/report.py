"""Reports of an eval: the rich table, JSON, JUnit XML, and the threshold verdict for CI.

Reports are written atomically (temp file + os.replace) so a CI job never reads half
a report. JUnit has one test case per claim and per item check, so a CI viewer shows
the failing claim by its id; thresholds are test cases too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from rich.console import Console
from rich.table import Table

from briefing.core import files as output
from briefing.core.errors import InputError
from briefing.eval.metrics import check_floor, order
from briefing.eval.scorers import Score

STYLE = {1.0: "green", 0.0: "red", None: "yellow"}


def parse_thresholds(specs: Iterable[str], known: Iterable[str]) -> dict[str, float]:
    """`faithfulness=0.8` (also comma-separated) -> {"faithfulness": 0.8}."""
    out: dict[str, float] = {}
    names = set(known)
    for spec in specs:
        for part in filter(None, (p.strip() for p in spec.split(","))):
            name, sep, value = part.partition("=")
            if not sep or name.strip() not in names:
                raise InputError(
                    f"bad threshold {part!r}: write NAME=VALUE with NAME one of "
                    f"{', '.join(sorted(names))}"
                )
            try:
                out[name.strip()] = check_floor(float(value))
            except ValueError as err:
                raise InputError(f"bad threshold {part!r}: {err}") from None
    return out


def below(scores: dict[str, float | None], thresholds: dict[str, float]) -> list[str]:
    """Names of metrics under their threshold (a metric with no value is not judged)."""
    return [
        name
        for name, floor in thresholds.items()
        if scores.get(name) is not None and scores[name] < floor  # type: ignore[operator]
    ]


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def claim_table(scores: list[Score], title: str = "Claims") -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    for col in ("claim", "check", "label", "text / reason"):
        table.add_column(col, overflow="fold")
    for s in scores:
        text = s.metadata.get("text") or ""
        body = f"{text}\n[dim]{s.explanation}[/dim]" if text else s.explanation
        table.add_row(s.target, s.check, f"[{STYLE[s.value]}]{s.label}[/]", body)
    return table


def metrics_table(rows: dict[str, dict[str, float | None]], thresholds: dict[str, Any]) -> Table:
    """Rows: name -> metrics; thresholds: name -> {metric: floor} (or one dict for all)."""
    cols = sorted({m for r in rows.values() for m in r}, key=order)
    table = Table(title="Scores")
    table.add_column("")
    for c in cols:
        table.add_column(c, justify="right")
    for name, row in rows.items():
        floors = thresholds.get(name, thresholds) if thresholds else {}
        cells = []
        for c in cols:
            v, floor = row.get(c), floors.get(c) if isinstance(floors, dict) else None
            bad = v is not None and isinstance(floor, float) and v < floor
            cells.append(f"[red]{fmt(v)}[/]" if bad else fmt(v))
        table.add_row(name, *cells)
    return table


def failure_lines(scores: list[Score], limit: int = 10) -> list[str]:
    failed = [s for s in scores if s.value == 0.0]
    lines = [
        f"  {s.target} [{s.check}: {s.label}] {_short(s.metadata.get('text', ''))} -- "
        f"{s.explanation}".replace("  --", " --")
        for s in failed[:limit]
    ]
    if len(failed) > limit:
        lines.append(f"  ... and {len(failed) - limit} more")
    return lines


def _short(text: str, width: int = 90) -> str:
    return f'"{text}"' if len(text) <= width else f'"{text[: width - 3]}..."'


def write_atomic(path: Path, text: str) -> None:
    """Reports go into folders created on demand (CI's `reports/`), written atomically."""
    output.write_atomic(path, text, parents=True)


def write_json(path: Path, report: dict[str, Any]) -> None:
    write_atomic(path, json.dumps(report, ensure_ascii=False, indent=2) + "\n")


Suite = tuple[list[Score], list[str], set[str | None]]
"""A JUnit suite: its scores, the threshold failure messages, and the checks whose
metrics are below their floors (`metrics.check_of`)."""


def junit(suites: dict[str, Suite]) -> str:
    """suite name -> (scores, threshold failure messages, failing checks) as JUnit XML.

    The file and the exit status agree: a failing claim is a JUnit failure only when its
    check's metric is below its floor (what makes the command exit 1); one the floors
    tolerate passes, its verdict in `system-out`. Every threshold failure is one too.
    """
    root = ET.Element("testsuites", name="briefing-eval")
    for name, (scores, threshold_failures, failing) in suites.items():
        suite = ET.SubElement(root, "testsuite", name=name)
        failures = skipped = 0
        for s in scores:
            case = ET.SubElement(suite, "testcase", classname=f"{name}.{s.check}", name=s.target)
            detail = f"{s.metadata.get('text', '')}\n{s.explanation}".strip()
            if s.value == 0.0 and s.check not in failing:
                ET.SubElement(
                    case, "system-out"
                ).text = f"{s.label}: {s.explanation} (within the floors)"
            elif s.value == 0.0:
                failures += 1
                ET.SubElement(case, "failure", message=f"{s.label}: {s.explanation}").text = detail
            elif s.value is None:
                skipped += 1
                ET.SubElement(case, "skipped", message=f"{s.label}: {s.explanation}")
        case = ET.SubElement(suite, "testcase", classname=f"{name}.thresholds", name="thresholds")
        if threshold_failures:
            failures += 1
            ET.SubElement(case, "failure", message="; ".join(threshold_failures))
        suite.set("tests", str(len(scores) + 1))
        suite.set("failures", str(failures))
        suite.set("skipped", str(skipped))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def console() -> Console:
    """Tables go to stdout; the artefact of `eval` is the report. Piped (CI logs), rich
    would squeeze them into 80 columns and cut the metric names, so allow 140."""
    out = Console(soft_wrap=False)
    return out if out.is_terminal else Console(soft_wrap=False, width=140)
