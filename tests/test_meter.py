"""The meter: tokens sent and evaluated per stage, and code seconds apart from the model's."""

from __future__ import annotations

import json
import time
from pathlib import Path

from helpers import scripted, serve
from typer.testing import CliRunner

from briefing.cli import app
from briefing.core.meter import Meter
from briefing.llm.base import Request, Response
from briefing.llm.cache import CachedLLM
from briefing.llm.fake import FakeLLM

runner = CliRunner()


def _answer(seconds: float = 0.0, evaluated: int | None = None) -> Response:
    extra = {} if evaluated is None else {"prompt_eval_tokens": evaluated}
    return Response(text="x", prompt_tokens=100, completion_tokens=3, seconds=seconds, extra=extra)


def test_evaluated_tokens_are_counted_apart_from_those_sent() -> None:
    meter = Meter()
    meter.record("extract", _answer(evaluated=30))
    meter.record("extract", _answer())  # a backend that reuses nothing: all evaluated

    used = meter.stages["extract"]
    assert (used.calls, used.prompt_tokens, used.prompt_tokens_evaluated) == (2, 200, 130)
    assert meter.total().prompt_tokens_evaluated == 130


def test_a_cached_answer_keeps_the_tokens_evaluated_at_first_cost(tmp_path: Path) -> None:
    inner = FakeLLM([_answer(evaluated=30)])
    inner.name = "openai"
    cached = CachedLLM(inner, tmp_path)
    request = Request(messages=[{"role": "user", "content": "q"}])
    first, again = cached.complete(request), cached.complete(request)

    meter = Meter()
    meter.record("check", first)
    meter.record("check", again)
    assert again.cached and meter.stages["check"].prompt_tokens_evaluated == 60


def test_a_timed_stage_counts_its_own_seconds_not_the_model_or_inner_stages() -> None:
    meter = Meter()
    with meter.timed("verify"):
        time.sleep(0.05)
        time.sleep(0.5)  # the model answering
        meter.record("check", _answer(seconds=0.5))
        with meter.timed("embed"):
            time.sleep(0.5)

    verify, embed = meter.clock["verify"], meter.clock["embed"]
    assert 0.04 <= verify < 0.4 and embed >= 0.49  # without the exclusions verify >= 1.05
    assert set(meter.stages) == {"check"}  # code seconds stay out of the content's usage
    report = meter.report()
    assert list(report) == ["embed", "verify", "check"] and report["check"].seconds == 0.5


def test_stats_report_every_stage_with_tokens_sent_and_evaluated(
    harbour_paths: list[Path], tmp_path: Path
) -> None:
    serve(FakeLLM(scripted()))
    stats, out = tmp_path / "stats.json", tmp_path / "b.json"
    result = runner.invoke(
        app,
        ["generate", *map(str, harbour_paths), "-q", "-o", str(tmp_path / "b.md"),
         "--json", str(out), "--stats", str(stats)],
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    figures = json.loads(stats.read_text())
    stages = figures["stages"]
    code = ("read", "gloss", "embed", "link", "select", "verify", "merge", "render")
    assert set(stages) == {*code, "extract", "check"}
    assert all(stages[s]["calls"] == 0 and stages[s]["seconds"] >= 0 for s in code)
    assert stages["extract"]["calls"] > 0
    assert stages["extract"]["prompt_tokens_evaluated"] == stages["extract"]["prompt_tokens"]
    assert figures["prompt_tokens_evaluated"] == figures["prompt_tokens"] > 0
    usage = json.loads(out.read_text())["run"]["usage"]
    assert set(usage) == {"extract", "check", "total"}  # the briefing: content figures only
    assert "evaluated" in result.stderr
