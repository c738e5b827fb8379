"""The answer cache: what the key depends on, what gets stored, and that hits cost nothing."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from helpers import scripted, serve, truncated
from typer.testing import CliRunner

from briefing.cli import app
from briefing.core.models import Source
from briefing.llm.base import Request, Response
from briefing.llm.cache import AnswerCache, CachedLLM, cache_key
from briefing.llm.fake import FakeLLM
from briefing.stages.pipeline import Meter, Options, generate

runner = CliRunner()
REQUEST = Request(
    messages=[{"role": "user", "content": "Say hi."}],
    schema={"type": "object"},
    stage="extract",
    label="chunk A1.C1",
)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "answers"
    monkeypatch.setenv("BRIEFING_ANSWER_CACHE", str(cache))
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)
    monkeypatch.setattr("platformdirs.user_config_dir", lambda *a, **k: str(tmp_path / "cfg"))
    monkeypatch.chdir(tmp_path)
    return cache


def replace(request: Request, **changes: object) -> Request:
    fields = {**request.__dict__, **changes}
    return Request(**fields)  # type: ignore[arg-type]


def test_key_depends_on_what_shapes_the_answer() -> None:
    llm = FakeLLM()
    key = cache_key(llm, REQUEST)
    assert key == cache_key(FakeLLM(), replace(REQUEST))
    assert key == cache_key(llm, replace(REQUEST, stage="merge", label="other"))
    changed = [
        replace(REQUEST, messages=[{"role": "user", "content": "Say hello."}]),
        replace(REQUEST, schema={"type": "array"}),
        replace(REQUEST, temperature=0.5),
        replace(REQUEST, seed=1),
        replace(REQUEST, max_tokens=100),
    ]
    assert len({key, *(cache_key(llm, r) for r in changed)}) == 6
    assert cache_key(FakeLLM(model="fake-2"), REQUEST) != key


def test_a_hit_is_cached_and_asks_nothing(isolated: Path) -> None:
    inner = FakeLLM(['{"a": 1}'])
    llm = CachedLLM(inner, isolated)
    first = llm.complete(REQUEST)
    second = llm.complete(replace(REQUEST, label="again"))
    assert not first.cached and second.cached
    assert second.text == '{"a": 1}' and second.prompt_tokens == first.prompt_tokens
    assert len(inner.requests) == 1 and (llm.hits, llm.misses) == (1, 1)
    files = list(isolated.glob("??/*.json"))
    assert [f.stem for f in files] == [cache_key(inner, REQUEST)]
    assert not list(isolated.glob("??/.*.tmp"))


def test_only_finished_answers_are_kept(isolated: Path) -> None:
    inner = FakeLLM([Response(text="", finish_reason="content_filter"), truncated(), "{}"])
    llm = CachedLLM(inner, isolated)
    assert llm.complete(REQUEST).finish_reason == "content_filter"
    assert llm.complete(REQUEST).finish_reason == "length"
    replay = llm.complete(REQUEST)  # the truncation is replayed, so the caller splits again
    assert replay.cached and replay.finish_reason == "length"
    assert len(inner.requests) == 2
    assert len(list(isolated.glob("??/*.json"))) == 1


def test_a_damaged_entry_is_asked_again(isolated: Path) -> None:
    inner = FakeLLM(["{}", '{"b": 2}'])
    llm = CachedLLM(inner, isolated)
    llm.complete(REQUEST)
    AnswerCache(isolated).path(cache_key(inner, REQUEST)).write_text("{trunc")
    assert llm.complete(REQUEST).text == '{"b": 2}'
    assert llm.complete(REQUEST).cached


def test_an_unchanged_rerun_makes_no_call(isolated: Path, harbour: list[Source]) -> None:
    inner = FakeLLM(scripted())
    runs = []
    for _ in range(2):
        meter = Meter()
        briefing = generate(harbour, CachedLLM(inner, isolated), Options(), meter=meter)
        runs.append((briefing, meter.fresh_calls))
    (first, calls), (again, recalls) = runs
    # 5 sentences asked: the 4 English ones stand, so only their kind is asked, and the
    # positions' actor (A1.S1, A1.S3: 1 call; A1.S2, A1.S4: 2), and the glossed A2.S2 its
    # kind, actor and text (3); 2 judge calls: A2.S2 by the support checker (the others
    # are their sentence as written) and A1.S3 against the Icelandic candidate that
    # passes code
    assert calls == len(inner.requests) == 8 and recalls == 0
    assert [r.stage for r in inner.requests].count("judge") == 2
    assert first.model_dump_json() == again.model_dump_json()  # run info included
    assert again.run is not None and again.run.usage["total"].calls == 8


def test_a_cached_answer_keeps_the_seconds_it_first_took(isolated: Path) -> None:
    class Timed(FakeLLM):
        name = "timed"

        def complete(self, request: Request) -> Response:
            return dataclasses.replace(super().complete(request), seconds=0.25)

    llm = CachedLLM(Timed(['{"a": 1}']), isolated)
    meter = Meter()
    for _ in range(2):
        meter.record("extract", llm.complete(REQUEST))
    usage = meter.stages["extract"]
    assert (usage.calls, usage.seconds) == (2, 0.5)  # the cached answer at its first cost
    assert (meter.fresh_calls, meter.cache_hits) == (1, 1)


def test_cache_info_and_clear(isolated: Path) -> None:
    CachedLLM(FakeLLM(["{}", "{}"]), isolated).complete(REQUEST)
    CachedLLM(FakeLLM(["{}"]), isolated).complete(replace(REQUEST, seed=3))
    info = runner.invoke(app, ["cache", "info"])
    assert info.exit_code == 0 and f"{isolated}: 2 answers" in info.stdout
    cleared = runner.invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and "removed 2 answers" in cleared.stdout
    assert not list(isolated.glob("??/*.json"))
    assert "0 answers" in runner.invoke(app, ["cache", "info"]).stdout


def test_the_cli_caches_real_backends_and_obeys_no_cache(
    isolated: Path, harbour_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = FakeLLM(scripted())
    inner.name = "openai"  # stands in for a real backend, which the CLI caches
    serve(inner)
    args = ["generate", *map(str, harbour_paths), "-q", "--backend", "openai", "--model", "m"]
    first = runner.invoke(app, args)
    second = runner.invoke(app, args)
    third = runner.invoke(app, [*args, "--no-cache"])
    assert [r.exit_code for r in (first, second, third)] == [0, 0, 0], first.output
    assert "8 LLM calls" in first.stderr  # 6 extract + 2 judge
    assert "0 LLM calls" in second.stderr and "8 cached answers" in second.stderr
    assert "8 LLM calls" in third.stderr and "0 cached answers" in third.stderr
    assert len(inner.requests) == 16  # the first run and the --no-cache run
    stored = [json.loads(p.read_text()) for p in isolated.glob("??/*.json")]
    assert {s["backend"] for s in stored} == {"openai"} and len(stored) == 8


def test_a_rerun_from_the_cache_writes_byte_identical_files(
    isolated: Path, harbour_paths: list[Path], tmp_path: Path
) -> None:
    """The files describe the content; calls made now and hits go to stderr and --stats."""
    inner = FakeLLM(scripted())
    inner.name = "openai"
    serve(inner)
    outputs = []
    for run in ("fresh", "cached"):
        md, js, stats = (tmp_path / f"{run}.{ext}" for ext in ("md", "json", "stats.json"))
        result = runner.invoke(
            app,
            ["generate", *map(str, harbour_paths), "-q", "--backend", "openai", "--model", "m",
             "-o", str(md), "--json", str(js), "--stats", str(stats)],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        outputs.append((md.read_bytes(), js.read_bytes(), json.loads(stats.read_text())))
    (md1, js1, stats1), (md2, js2, stats2) = outputs
    assert md1 == md2 and js1 == js2
    # 9 extract (5 sentences), 1 support judge (A2.S2), 1 cross-cite (A1.S3)
    assert (stats1["llm_calls"], stats1["cached_answers"]) == (8, 0)
    assert (stats2["llm_calls"], stats2["cached_answers"]) == (0, 8)
    assert json.loads(js2)["run"]["usage"]["total"]["calls"] == 8


def test_the_cache_keeps_the_languages_its_model_reads(tmp_path: Path) -> None:
    """`reads` decides which sentences the model phrases (`stages.extract`): the cache in
    front of the embedded backend must not turn "English only" into "any language"."""
    from briefing.llm.base import reads
    from briefing.llm.embedded import EmbeddedLLM

    fake = FakeLLM([])
    assert reads(CachedLLM(fake, tmp_path)) is None
    fake.reads = ("en",)  # type: ignore[attr-defined]
    assert reads(CachedLLM(fake, tmp_path)) == frozenset({"en"})
    assert frozenset(EmbeddedLLM.reads) == frozenset({"en"})
