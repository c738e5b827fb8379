"""`briefing eval compare`: two prompt sets over the eval cases, with a verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import serve
from typer.testing import CliRunner

from briefing.cli import app
from briefing.llm.base import Request
from briefing.llm.fake import FakeLLM, echo_answer
from briefing.prompts import PromptSet

runner = CliRunner()
CASES = Path(__file__).resolve().parent.parent / "evals"


@pytest.fixture
def fake_backend(monkeypatch: pytest.MonkeyPatch) -> FakeLLM:
    llm = FakeLLM(echo_answer)
    serve(llm)
    return llm


def test_compare_reports_both_sets_and_the_deltas(tmp_path: Path, fake_backend: FakeLLM) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "extract.system.j2").write_text(
        "Say what the sentence reports in at most {{ max_words }} words."
    )
    report = tmp_path / "compare.json"
    result = runner.invoke(
        app,
        [
            "eval",
            "compare",
            str(CASES),
            "--prompts",
            "shipped",
            "--prompts",
            str(folder),
            "--case",
            "library-closure",
            "--no-judge",
            "--report-json",
            str(report),
        ],
    )
    data = json.loads(report.read_text())
    assert [row["case"] for row in data["cases"]] == ["library-closure"]
    assert data["b"]["prompts"]["extract.system"]["origin"] == "override"
    assert data["a"]["prompts"]["extract.system"]["origin"] == "shipped"
    assert data["a"]["prompts"]["extract.user"] == data["b"]["prompts"]["extract.user"]
    assert data["provenance"]["generator"]["backend"] == "fake"
    assert data["provenance"]["judge"] is None
    assert "B = " in result.stdout and "overridden: extract.system" in result.stdout
    row = data["cases"][0]
    assert set(row["coverage"]) == {"a", "b", "delta"}
    # the model phrases the glosses of the case's Icelandic sentences (its English ones
    # stand on their own and are published as written, no token generated)
    assert row["generated_tokens"]["a"] > 0
    assert data["b_no_worse"] is (result.exit_code == 0)
    systems = {r.messages[0]["content"] for r in fake_backend.requests if r.stage == "extract"}
    # both sets were asked: the override and the shipped system prompt
    ours = {s.startswith("Say what the sentence reports") for s in systems}
    assert ours == {True, False}
    assert PromptSet().source("extract.system")[:40] in " ".join(systems)


def test_compare_needs_two_prompt_sets(fake_backend: FakeLLM) -> None:
    result = runner.invoke(app, ["eval", "compare", str(CASES), "--prompts", "shipped"])
    assert result.exit_code == 2 and "--prompts twice" in result.stderr


def _result(
    name: str, thresholds: dict, metrics: dict, tokens: int, seconds: float = 1.0
) -> object:
    from briefing.core.models import Usage
    from briefing.eval.cases import Case
    from briefing.eval.runner import CaseResult

    case = Case(name, Path(name), ["en"], [], [], set(), thresholds)
    total = Usage(completion_tokens=tokens, seconds=seconds)
    return CaseResult(
        case=case, metrics=metrics, failed=[], usage={"total": total}, generate_seconds=0.1
    )


def test_verdict_flags_a_threshold_that_a_met_and_b_misses() -> None:
    from briefing.eval.compare import Side, summary
    from briefing.prompts import PromptSet

    limits = {"faithfulness": 0.7, "coverage": 0.3}
    a = Side(
        "A",
        PromptSet(),
        [
            _result("one", limits, {"faithfulness": 0.9, "coverage": 0.2}, 100),
            _result("two", limits, {"faithfulness": 0.8, "coverage": 0.5}, 100, 3.0),
        ],
    )
    b = Side(
        "B",
        PromptSet(),
        [
            _result("one", limits, {"faithfulness": 0.95, "coverage": 0.1}, 80),
            _result("two", limits, {"faithfulness": 0.6, "coverage": 0.6}, 90),
        ],
    )
    result = summary(a, b)

    assert result.regressions == ["two: faithfulness 0.80 -> 0.60 below 0.7"]
    assert result.b_no_worse is False
    assert result.cases[0].metrics["faithfulness"].delta == 0.05
    assert result.total.generated_tokens.model_dump() == {"a": 200, "b": 170, "delta": -30}
    assert result.total.llm_seconds.model_dump() == {"a": 4.0, "b": 2.0, "delta": -2.0}
    assert summary(a, a).b_no_worse is True
    assert result.model_dump()["cases"][0]["faithfulness"]["delta"] == 0.05  # flat in JSON


def test_compare_shows_which_statements_changed(tmp_path: Path) -> None:
    """B's prompt makes the model say "Reportedly, ..."; the statements it changed are
    listed (A's with `-`, B's with `+`), each with its verdict and citations."""

    def answer(request: Request) -> dict:
        reply = echo_answer(request)
        asked = request.stage == "extract" and request.choices is None
        if asked and request.messages[0]["content"].startswith("Say"):
            text = reply["text"]
            reply["text"] = "Reportedly, " + text[:1].lower() + text[1:]
        return reply

    serve(FakeLLM(answer))
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "extract.system.j2").write_text("Say what the sentence reports.")
    report = tmp_path / "compare.json"
    args = ["eval", "compare", str(CASES), "--prompts", "shipped", "--prompts", str(folder)]
    result = runner.invoke(
        app, [*args, "--case", "library-closure", "--no-judge", "--report-json", str(report)]
    )
    assert result.exit_code in (0, 1), result.output
    changed = json.loads(report.read_text())["changed"][0]
    assert changed["case"] == "library-closure" and changed["only_b"]
    assert all("Reportedly, " in line for line in changed["only_b"])
    assert not any("Reportedly, " in line for line in changed["only_a"])
    assert "library-closure:\n" in result.stdout and "\n  + [en] Reportedly, " in result.stdout
