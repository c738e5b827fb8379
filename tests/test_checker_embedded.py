"""The calibrated checker on the real embedded model: a fixed slice of its held-out
labelled claims and of the eval cases' perturbed points, the representative slice CI
runs (`make checker-full` runs them whole). Slow: a few minutes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app

ROOT = Path(__file__).resolve().parent.parent
FLOOR = 0.65  # balanced accuracy; the 100-row slices measured 0.84 (English), 0.82 (cross-lingual)


@pytest.mark.embedded
def test_the_checker_separates_held_out_claims(
    tmp_path: Path, require_llama_cpp: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_ANSWER_CACHE", str(tmp_path / "answers"))
    report = tmp_path / "checker.json"
    result = CliRunner().invoke(
        app,
        ["eval", "checker", "--data", str(ROOT / "evals/checker/data"), "--slice", "12",
         "--report-json", str(report)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    measured = json.loads(report.read_text())
    for name in ("test.jsonl", "xling-test.jsonl"):
        overall = measured[name]["all"]
        assert overall["n"] == 12
        assert overall["bacc"] >= FLOOR, (name, overall)


@pytest.mark.embedded
def test_the_checker_catches_perturbed_points_and_spares_true_ones(
    tmp_path: Path, require_llama_cpp: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_ANSWER_CACHE", str(tmp_path / "answers"))
    out = tmp_path / "perturb.json"
    cases = tmp_path / "cases"
    shutil.copytree(ROOT / "evals/cases/mackerel-talks", cases / "mackerel-talks")
    result = CliRunner().invoke(
        app, ["eval", "perturb", str(cases), "--checker", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(out.read_text())["summary"]
    caught = [s["caught"] for k, s in summary.items() if k != "untouched" and s["n"]]
    assert sum(caught) / len(caught) >= 0.8, summary
    assert summary["untouched"]["false_alarm_rate"] <= 0.25, summary
