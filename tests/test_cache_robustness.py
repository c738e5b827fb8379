"""Caches and memos hold whatever a crash, a disk or a hand left there: an entry of the
wrong shape is a miss (asked again, rewritten, one warning line), `cache clear` clears
what it can, JSON nested too deeply is one line, and two servers never share answers."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from helpers import scripted, serve
from typer.testing import CliRunner

from briefing.cli import app
from briefing.core import damaged
from briefing.core.memo import INTS, Memo, digest
from briefing.lang.embed_cache import CachedEmbedder
from briefing.llm.base import Request
from briefing.llm.cache import AnswerCache, CachedLLM, cache_key
from briefing.llm.fake import FakeLLM, echo_answer
from briefing.llm.fake_server import FakeOpenAIServer, write_articles
from briefing.llm.openai_backend import OpenAILLM
from briefing.stages.run_memo import Record

runner = CliRunner()
REQUEST = Request(messages=[{"role": "user", "content": "Say hi."}], stage="extract")
DEEP = "[" * 100_000 + "]" * 100_000


@pytest.fixture
def answers() -> Path:
    return Path(os.environ["BRIEFING_ANSWER_CACHE"])


def generate(paths: list[Path], *extra: str) -> object:
    args = ["generate", *map(str, paths), "-q", "--backend", "openai", "--model", "m", *extra]
    return runner.invoke(app, args)


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning:")]


def test_answers_of_the_wrong_shape_are_asked_again_with_one_warning(
    answers: Path, harbour_paths: list[Path]
) -> None:
    inner = FakeLLM(scripted())
    inner.name = "openai"  # stands in for a real backend, which the CLI caches
    serve(inner)
    first = generate(harbour_paths)
    assert first.exit_code == 0, first.output
    entries = sorted(answers.glob("??/*.json"))
    judged = next(p for p in entries if "choice_probs" in p.read_text())
    asked = [p for p in entries if p != judged]
    bad = {
        asked[0]: {"format": 1},
        asked[1]: {"format": 1, "text": 5},
        asked[2]: {**json.loads(asked[2].read_text()), "prompt_tokens": "many"},
        judged: {**json.loads(judged.read_text()), "choice_probs": [0.9, 0.1]},
    }
    for path, data in bad.items():
        path.write_text(json.dumps(data))
    calls = len(inner.requests)

    second = generate(harbour_paths)
    assert second.exit_code == 0, second.output
    assert "Traceback" not in second.output
    assert warnings(second.stderr) == [
        "warning: 4 damaged cache entries (4 in the answer cache) ignored and rewritten"
    ]
    assert len(inner.requests) - calls == 4 and "4 LLM calls" in second.stderr
    for path in bad:  # rewritten whole
        assert json.loads(path.read_text())["text"]

    third = generate(harbour_paths)
    assert third.exit_code == 0 and not warnings(third.stderr)
    assert "0 LLM calls" in third.stderr


def test_choice_probabilities_for_other_choices_are_a_miss(answers: Path) -> None:
    request = Request(messages=REQUEST.messages, choices=("yes", "no"), stage="judge")
    inner = FakeLLM([{"yes": 0.8, "no": 0.2}, {"yes": 0.7, "no": 0.3}])
    llm = CachedLLM(inner, answers)
    llm.complete(request)
    path = AnswerCache(answers).path(cache_key(inner, request))
    stored = json.loads(path.read_text())
    for probs in ({"maybe": 1.0}, {"yes": 2.0, "no": 0.1}, {"yes": "high", "no": 0.1}):
        path.write_text(json.dumps({**stored, "choice_probs": probs}))
        assert not llm.complete(request).cached
        path.write_text(json.dumps(stored))
        inner._queue.append({"yes": 0.8, "no": 0.2})
    assert damaged.report() is not None and damaged.report() is None  # said once


def test_a_run_memo_entry_of_the_wrong_shape_is_rebuilt_from_the_answers(
    answers: Path, harbour_paths: list[Path]
) -> None:
    inner = FakeLLM(scripted())
    inner.name = "openai"
    serve(inner)
    assert generate(harbour_paths).exit_code == 0
    [entry] = (answers / "runs").glob("??/*.json")
    kept = json.loads(entry.read_text())
    for data in (
        {"format": 1},
        {**kept, "answers": [5]},
        {**kept, "answers": "abc"},
        {**kept, "briefing": {**kept["briefing"], "run": None}},
        [kept],
    ):
        entry.write_text(json.dumps(data))
        again = generate(harbour_paths)
        assert again.exit_code == 0, again.output
        assert warnings(again.stderr) == [
            "warning: 1 damaged cache entry (1 in the run memo) ignored and rewritten"
        ]
        assert "0 LLM calls" in again.stderr  # every answer is still in the answer cache
        Record.model_validate_json(entry.read_bytes())  # rewritten


def test_a_memo_value_of_the_wrong_shape_is_computed_again(tmp_path: Path) -> None:
    calls: list[str] = []

    def count(text: str) -> list[int]:
        calls.append(text)
        return [1, 2]

    path = tmp_path / "tokens.json"
    for stored in ("oops", [1], [1, "2"], [1.5, 2], None):
        path.write_text(json.dumps({digest("a b"): stored}))
        assert Memo("tokens", tmp_path).get("a b", count, INTS, 2) == [1, 2]
        assert json.loads(path.read_text())[digest("a b")] == [1, 2]
    assert len(calls) == 5
    for whole in ("[1, 2]", DEEP, "{trunc"):  # not a map at all
        path.write_text(whole)
        assert Memo("tokens", tmp_path).get("a b", count, INTS, 2) == [1, 2]
    assert damaged.report() == (
        "warning: 8 damaged cache entries (8 in the memo) ignored and rewritten"
    )


def test_a_damaged_embedding_cache_is_rebuilt(tmp_path: Path) -> None:
    class Counting:
        name = "counting"
        calls = 0

        def embed(self, texts: Sequence[str]) -> list[list[float]]:
            Counting.calls += 1
            return [[1.0, 0.0, float(len(t))] for t in texts]

    path = tmp_path / ".embeddings.json"
    for stored in ('{"k": "oops"}', "[1, 2]", DEEP, '{"a": [1.0], "b": [1.0, 2.0]}'):
        path.write_text(stored)
        assert CachedEmbedder(Counting(), path).embed(["ab"]) == [[1.0, 0.0, 2.0]]
    path.write_text(json.dumps({"stale": [0.5]}))  # another model's vectors: one size less
    assert CachedEmbedder(Counting(), path).embed(["abc"]) == [[1.0, 0.0, 3.0]]
    assert set(json.loads(path.read_text())) == {CachedEmbedder(Counting(), path)._key("abc")}
    assert Counting.calls == 6
    assert damaged.report() == (
        "warning: 5 damaged cache entries (5 in the embedding cache) ignored and rewritten"
    )


def test_an_entry_that_is_a_folder_or_a_fifo_is_a_miss(answers: Path) -> None:
    inner = FakeLLM(["{}", "{}", "{}"])
    llm = CachedLLM(inner, answers)
    path = AnswerCache(answers).path(cache_key(inner, REQUEST))
    path.parent.mkdir(parents=True)
    os.mkfifo(path)  # a read would block forever
    assert not llm.complete(REQUEST).cached
    path.unlink()
    path.mkdir()
    assert not llm.complete(REQUEST).cached and len(inner.requests) == 2
    damaged.report()


def test_cache_clear_clears_what_it_can_and_names_what_it_cannot(
    answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for seed in range(3):
        CachedLLM(FakeLLM(["{}"]), answers).complete(Request(REQUEST.messages, seed=seed))
    stuck = answers / "ab" / f"{'ab' * 32}.json"
    (stuck / "inside").mkdir(parents=True)  # a folder where an entry should be
    (answers / "runs" / "cd").mkdir(parents=True)
    (answers / "runs" / "cd" / f"{'cd' * 32}.json").write_text("{}")
    (answers / "notes.txt").write_text("not ours")

    result = runner.invoke(app, ["cache", "clear"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "removed 3 answers and 1 remembered runs" in result.stdout
    assert result.stderr.splitlines() == [f"error: could not remove {stuck}: Is a directory"]
    assert [p for p in answers.rglob("*") if p.is_file()] == [answers / "notes.txt"]

    real_unlink = Path.unlink

    def refuse(self: Path, missing_ok: bool = False) -> None:
        if self.suffix == ".json":
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok)

    CachedLLM(FakeLLM(["{}"]), answers).complete(REQUEST)
    monkeypatch.setattr(Path, "unlink", refuse)
    denied = runner.invoke(app, ["cache", "clear"])
    assert denied.exit_code == 1
    assert denied.stderr.splitlines()[-1].endswith(": Permission denied and 1 more")


def test_deeply_nested_json_input_is_one_line(tmp_path: Path) -> None:
    good = {"id": "g", "source": "Iceland gets 16.5 percent.", "claim": "Iceland gets 16.5."}
    infile = tmp_path / "in.jsonl"
    infile.write_text(f"{json.dumps(good)}\n{DEEP}\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["eval", "claims", str(infile), "-o", str(out), "--no-judge"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {infile}:2: JSON nested too deeply"]
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["g"]

    case = tmp_path / "cases" / "deep"
    write_articles(case / "articles", 1)
    (case / "case.json").write_text(DEEP)
    evaluated = runner.invoke(app, ["eval", "run", str(tmp_path / "cases"), "--no-judge"])
    assert evaluated.exit_code == 2 and "Traceback" not in evaluated.output
    assert "invalid case (JSON nested too deeply)" in evaluated.stderr


def test_malformed_labelled_claims_and_config_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve(FakeLLM(echo_answer))
    data = tmp_path / "data"
    data.mkdir()
    good = {"id": "g", "source": "Iceland gets 16.5 percent.", "claim": "x", "label": 1}
    for lines, message in (
        (
            [json.dumps(good), DEEP],
            "test.jsonl:2: Invalid JSON: recursion limit exceeded at line 1 column 202",
        ),
        ([json.dumps({**good, "label": "yes"})], "test.jsonl:1: Input should be 0 or 1"),
    ):
        (data / "test.jsonl").write_text("\n".join(lines) + "\n")
        (data / "xling-test.jsonl").write_text(json.dumps(good) + "\n")
        args = ["eval", "checker", "--data", str(data), "--judge-backend", "openai"]
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert result.stderr.strip().splitlines() == [f"error: {data}/{message}"]

    config = tmp_path / "briefing.toml"
    config.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n")
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    refused = runner.invoke(app, ["cache", "info"])
    assert refused.exit_code == 2
    assert refused.stderr.strip() == f"error: {config} is not valid TOML: nested too deeply"


def test_two_servers_with_one_model_name_never_share_answers(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news", 1)
    with FakeOpenAIServer(lifetime=60) as one, FakeOpenAIServer(lifetime=60) as two:
        for server in (one, two, one):
            result = runner.invoke(
                app,
                ["generate", str(folder), "-q", "--backend", "openai", "--model", "same",
                 "--base-url", server.base_url],
            )  # fmt: skip
            assert result.exit_code == 0, result.output
    assert len(one.requests) == len(two.requests) > 0  # the third run was served whole


def test_the_key_names_the_server_and_stays_as_it_was_without_one() -> None:
    keys = {
        cache_key(OpenAILLM("m", base_url=url, api_key="k"), REQUEST)
        for url in ("http://127.0.0.1:8000/v1", "http://127.0.0.1:8001/v1", "http://h/v1")
    }
    assert len(keys) == 3
    assert cache_key(OpenAILLM("m", base_url="http://u:pw@h/v1/", api_key="k"), REQUEST) in keys
    # a backend with no server (embedded, fake): the key of the cache format before
    assert cache_key(FakeLLM(), REQUEST) == (
        "863516ff194c83568203389492f1d438a4c1e9c2ccc6f9944cd15efb0a22a691"
    )
