"""`benchmarks/score_facts.py`: a story's briefing scored against its `facts.json`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import briefing, item

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "score_facts.py"


def _score(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    facts = {
        "expected": [
            {"text": "Talks ended in Akureyri.", "evidence": ["A2.S1"], "section": "developments"},
            {"text": "Einar Solheim called the deal fair.", "evidence": ["A1.S3"],
             "section": "positions", "actor": "Einar Solheim"},
        ]
    }  # fmt: skip
    (tmp_path / "facts.json").write_text(json.dumps(facts), encoding="utf-8")
    shown = briefing(
        developments=[item("Talks ended in Akureyri.", None, ["A2.S1"])],
        positions=[item("Einar Solheim called the deal fair.", None, ["A1.S3"], "Einar Solheim")],
    )
    out = tmp_path / "briefing.json"
    out.write_text(shown.model_dump_json(), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path), str(out), *extra],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_a_story_is_scored_by_the_eval_metrics_and_lists_each_fact(tmp_path: Path) -> None:
    done = _score(tmp_path, "--points")
    assert done.returncode == 0, done.stderr
    name, metrics = done.stdout.splitlines()[0].split(" ", 1)
    scores = json.loads(metrics)
    assert name == tmp_path.name
    assert scores["coverage"] == 1.0 and scores["sections"] == 1.0 and scores["actors"] == 1.0
    assert "- [positions] Einar Solheim called the deal fair." in done.stdout
    assert "('positions', 'A1.S3')" in done.stdout


def test_a_missing_argument_is_one_line_and_status_2(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
