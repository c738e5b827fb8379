"""The OpenAI-compatible backend against a fault-injecting local HTTP server.

Every recovery path (rate limit, server error, garbage, timeout, hang-up, invalid
answer) and the final one-line error; the request shape of each structured-output
strategy; parallel runs equal to serial ones; resuming from the cache; no API key leaks.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.core.errors import InputError, LLMError
from briefing.llm.base import Request
from briefing.llm.fake import echo_answer
from briefing.llm.fake_server import FakeOpenAIServer, request_schema, write_articles
from briefing.llm.openai_backend import OpenAILLM
from briefing.llm.retry import RetryPolicy, retry_after
from briefing.llm.strategies import (
    JsonModeStrategy,
    JsonObjectStrategy,
    JsonSchemaStrategy,
    extract_json,
    strict_schema,
)
from briefing.llm.structured import AskOptions, ask
from briefing.stages.answers import Point, point_schema

SECRET = "sk-test-DO-NOT-LEAK-1234567890"
runner = CliRunner()


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private answer cache and config, zero back-off, no real credentials."""
    cache = tmp_path / "answers"
    monkeypatch.setenv("BRIEFING_ANSWER_CACHE", str(cache))
    monkeypatch.setenv("BRIEFING_RETRY_BACKOFF", "0")
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "BRIEFING_CONFIG", "BRIEFING_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("platformdirs.user_config_dir", lambda *a, **k: str(tmp_path / "cfg"))
    monkeypatch.chdir(tmp_path)
    return cache


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(lifetime=60) as fake:
        yield fake


def backend(server: FakeOpenAIServer, sleeps: list[float] | None = None, **kw: Any) -> OpenAILLM:
    options: dict[str, Any] = {"timeout": 0.5, "retries": 3, "backoff": 0.0}
    options.update(kw)
    record = sleeps.append if sleeps is not None else (lambda _s: None)
    return OpenAILLM(
        "fake-model", base_url=server.base_url, api_key=SECRET, sleep=record, **options
    )


ACTORS = ["Reykjavík", "none"]
EXTRACT = Request(
    messages=[
        {"role": "system", "content": "Extract."},
        {"role": "user", "content": "[1] Hi there.\nReport sentence [1]: Hi there."},
    ],
    schema=point_schema(ACTORS, 200),
    stage="extract",
    label="A1.C1 sentence A1.S1",
)


# --- structured-output strategies ------------------------------------------------------


def test_json_schema_strategy_nests_a_strict_schema() -> None:
    body = JsonSchemaStrategy().prepare(EXTRACT)
    fmt = body["response_format"]
    assert fmt["type"] == "json_schema"
    assert set(fmt["json_schema"]) == {"name", "schema", "strict"}
    assert fmt["json_schema"]["strict"] is True
    assert fmt["json_schema"]["name"] == "Point"
    inner = fmt["json_schema"]["schema"]
    assert "schema" not in fmt and inner["additionalProperties"] is False
    assert body["messages"] == EXTRACT.messages


def test_json_object_strategy_sends_a_flat_schema() -> None:
    body = JsonObjectStrategy().prepare(EXTRACT)
    assert body["response_format"] == {"type": "json_object", "schema": EXTRACT.schema}


def test_json_mode_puts_the_schema_in_the_prompt() -> None:
    body = JsonModeStrategy().prepare(EXTRACT)
    assert body["response_format"] == {"type": "json_object"}
    system = body["messages"][0]["content"]
    assert system.startswith("Extract.") and '"kind"' in system and "JSON" in system
    assert JsonModeStrategy().parse('Sure:\n```json\n{"a": 1}\n```', EXTRACT) == '{"a": 1}'


def test_no_schema_means_no_response_format() -> None:
    plain = Request(messages=[{"role": "user", "content": "hi"}])
    for strategy in (JsonSchemaStrategy(), JsonObjectStrategy(), JsonModeStrategy()):
        assert "response_format" not in strategy.prepare(plain)


def test_strict_schema_follows_openai_rules() -> None:
    schema = {
        "type": "object",
        "properties": {
            "name": {"type": "string", "minLength": 2, "maxLength": 9},
            "tags": {"type": "array", "items": {"type": "string", "enum": ["a"]}, "maxItems": 2},
            "note": {"type": "string", "default": "x"},
            "child": {"$ref": "#/$defs/Child", "description": "kept"},
        },
        "required": ["name", "tags", "child"],
        "$defs": {"Child": {"type": "object", "properties": {"n": {"type": "integer"}}}},
    }
    out, nullable = strict_schema(schema)
    assert out["required"] == ["name", "tags", "note", "child"]
    assert out["additionalProperties"] is False
    assert out["properties"]["name"] == {"type": "string"}
    assert out["properties"]["tags"]["maxItems"] == 2
    assert out["properties"]["tags"]["items"]["enum"] == ["a"]
    assert out["properties"]["note"] == {"anyOf": [{"type": "string"}, {"type": "null"}]}
    child = out["properties"]["child"]
    assert "$ref" not in child and child["description"] == "kept"
    assert child["additionalProperties"] is False and child["required"] == ["n"]
    assert "$defs" not in out and nullable == {"note", "n"}
    answer = JsonSchemaStrategy().parse('{"name": "ab", "note": null}', Request([], schema))
    assert json.loads(answer) == {"name": "ab"}


def test_strict_schema_of_the_answer_type_drops_its_bounds() -> None:
    out, _ = strict_schema(point_schema(["Reykjavík", "none"], 200))
    assert out["properties"]["actor"]["enum"] == ["Reykjavík", "none"]
    assert "maxLength" not in json.dumps(out) and "minLength" not in json.dumps(out)


def test_extract_json_finds_the_object() -> None:
    assert extract_json('Here it is: {"x": [1]} hope that helps') == '{"x": [1]}'


# --- retries ---------------------------------------------------------------------------


def test_retry_after_header_forms() -> None:
    assert retry_after({"Retry-After": "3"}) == 3.0
    assert retry_after({"retry-after-ms": "250"}) == 0.25
    later = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30), usegmt=True)
    assert 25 <= (retry_after({"Retry-After": later}) or 0) <= 31
    assert retry_after({"Retry-After": "soon"}) is None and retry_after(None) is None


def test_backoff_is_exponential_jittered_and_capped() -> None:
    policy = RetryPolicy(backoff=1.0, max_delay=10.0, rng=random.Random(7))
    delays = [policy.delay(n, None) for n in range(6)]
    for n, delay in enumerate(delays):
        assert min(10.0, 0.5 * 2**n) <= delay <= min(10.0, 1.5 * 2**n)
    assert delays[-1] == 10.0
    assert policy.delay(0, 4.0) == 4.0 and policy.delay(0, 99.0) == 10.0


@pytest.mark.parametrize("fault", ["429", "500", "malformed", "drop", "slow"])
def test_transport_faults_are_retried(server: FakeOpenAIServer, fault: str) -> None:
    server.faults = [fault]
    server.slow_seconds = 3.0
    sleeps: list[float] = []
    response = backend(server, sleeps).complete(EXTRACT)
    assert Point.model_validate_json(response.text).text == "Hi there."
    assert server.served == [fault, "ok"]
    assert sleeps == ([2.0] if fault == "429" else [0.0])  # Retry-After honoured


def test_invalid_and_garbled_answers_are_re_asked_with_the_error(
    server: FakeOpenAIServer,
) -> None:
    server.faults = ["invalid", "garbled"]
    llm = backend(server)
    answer = ask(
        llm,
        EXTRACT.messages,
        Point,
        AskOptions(
            max_tokens=200,
            stage="extract",
            label="A1.C1 sentence A1.S1",
            schema=EXTRACT.schema,
            context={"actors": ACTORS},
        ),
    )
    assert answer == Point(kind="open_issue", actor="none", text="Hi there.")
    assert server.served == ["invalid", "garbled", "ok"]
    second = server.requests[1]["messages"]
    assert second[-2] == {"role": "assistant", "content": '{"unexpected": true}'}
    assert "kind" in second[-1]["content"] and "invalid" in second[-1]["content"]
    assert len(server.requests[2]["messages"]) == len(EXTRACT.messages) + 4


def test_last_failure_is_one_clear_line(server: FakeOpenAIServer) -> None:
    server.faults = ["500"] * 10
    with pytest.raises(LLMError) as err:
        backend(server, retries=2).complete(EXTRACT)
    message = str(err.value)
    assert len(server.requests) == 3
    assert "\n" not in message
    assert server.base_url in message and "HTTP 500" in message and "after 3 tries" in message
    assert "retry later" in message


def test_timeouts_name_the_setting(server: FakeOpenAIServer) -> None:
    server.faults = ["slow", "slow"]
    server.slow_seconds = 3.0
    with pytest.raises(LLMError, match=r"no answer within 0.3 s after 2 tries; raise --timeout"):
        backend(server, timeout=0.3, retries=1).complete(EXTRACT)


def test_client_errors_are_not_retried(server: FakeOpenAIServer) -> None:
    server.faults = ["401"]
    with pytest.raises(LLMError, match="check OPENAI_API_KEY") as err:
        backend(server).complete(EXTRACT)
    assert len(server.requests) == 1
    assert SECRET not in str(err.value) and "***" in str(err.value)


@pytest.mark.parametrize("status", [400, 422, 500])  # llama-cpp-python's server says 500
def test_auto_falls_back_and_remembers(server: FakeOpenAIServer, status: int) -> None:
    server.reject_formats = {"json_schema"}
    server.reject_status = status
    llm = backend(server)
    llm.complete(EXTRACT)
    llm.complete(EXTRACT)
    kinds = [r["response_format"]["type"] for r in server.requests]
    assert kinds == ["json_schema", "json_object", "json_object"]
    assert llm.strategy is not None and llm.strategy.name == "json_object"


def test_a_chosen_strategy_the_server_rejects_says_so(server: FakeOpenAIServer) -> None:
    server.reject_formats = {"json_schema"}
    with pytest.raises(LLMError, match=r"rejects --structured json_schema.*--structured auto"):
        backend(server, structured="json_schema").complete(EXTRACT)


def test_missing_model_or_key_says_how_to_fix() -> None:
    with pytest.raises(InputError, match="--model"):
        OpenAILLM(None, base_url="http://127.0.0.1:1/v1")
    with pytest.raises(InputError, match="OPENAI_API_KEY"):
        OpenAILLM("gpt-4o-mini")


# --- through the CLI ------------------------------------------------------------------


def generate(server: FakeOpenAIServer, folder: Path, *extra: str) -> Any:
    args = [
        "generate",
        str(folder),
        "--backend",
        "openai",
        "--base-url",
        server.base_url,
        "--model",
        "fake-model",
        "-q",
        *extra,
    ]
    return runner.invoke(app, args)


def jittered(body: dict[str, Any]) -> float:
    """0-40 ms, fixed per request, so parallel answers come back out of order."""
    digest = hashlib.sha256(json.dumps(body["messages"]).encode()).digest()
    return digest[0] / 255 * 0.04


def test_parallel_output_equals_serial(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news", 8)
    outputs = []
    for n in (1, 4):
        with FakeOpenAIServer(delay=jittered, slots=4, lifetime=60) as fake:
            result = generate(
                fake,
                folder,
                "--concurrency",
                str(n),
                "--no-cache",
                "--json",
                str(tmp_path / f"run{n}.json"),
            )
        assert result.exit_code == 0, result.output
        data = json.loads((tmp_path / f"run{n}.json").read_text())
        data.pop("run")
        outputs.append((result.stdout, data))
    assert outputs[0][0] == outputs[1][0]
    assert outputs[0][1] == outputs[1][1]
    assert outputs[0][0].count("[^A") >= 8


def body(markdown: str) -> str:
    return markdown.rsplit("briefing ", 1)[0]


def test_a_failed_run_resumes_from_the_cache(tmp_path: Path, isolated: Path) -> None:
    folder = write_articles(tmp_path / "news", 6)
    with FakeOpenAIServer(faults=["ok"] * 3 + ["500"] * 20, lifetime=60) as server:
        first = generate(server, folder, "--concurrency", "1")
        assert first.exit_code == 3 and "HTTP 500" in first.stderr
        assert len(list(isolated.glob("??/*.json"))) == 3
        server.faults.clear()  # the same server, healthy again
        before = len(server.requests)
        second = generate(server, folder)
        asked = len(server.requests) - before
        third = generate(server, folder)
    assert second.exit_code == 0, second.output
    # per article 2 sentences asked, each restated as written by the echoing server, so
    # the support checker judges none: 12 calls, 3 of them kept from the failed run; no
    # merge or translation call
    assert asked == 12 - 3
    assert "3 cached answers" in second.stderr
    assert len(server.requests) == before + asked  # an unchanged re-run asks nothing
    assert "0 LLM calls" in third.stderr
    assert body(third.stdout) == body(second.stdout)  # the footer counts the calls


def test_usage_and_cost_per_stage(tmp_path: Path, server: FakeOpenAIServer) -> None:
    (tmp_path / "briefing.toml").write_text("[price]\nprompt = 2.0\ncompletion = 8.0\n")
    out = tmp_path / "b.json"
    result = generate(server, tmp_path.parent / tmp_path.name, "--json", str(out), "-l", "en")
    assert result.exit_code == 2  # the folder holds no articles, only the config file
    folder = write_articles(tmp_path / "news", 2)
    result = generate(server, folder, "--json", str(out), "-l", "en", "-l", "is")
    assert result.exit_code == 0, result.output
    usage = json.loads(out.read_text())["run"]["usage"]
    total = usage["total"]
    # per article 2 sentences asked, each restated as written by the echoing server, so
    # no judge call (a statement that is its sentence needs no checker); merge and
    # localize are code
    assert set(usage) == {"extract", "check", "total"}
    assert (usage["extract"]["calls"], usage["check"]["calls"]) == (4, 0)
    assert total["calls"] == 4 == sum(usage[s]["calls"] for s in ("extract", "check"))
    expected = (total["prompt_tokens"] * 2.0 + total["completion_tokens"] * 8.0) / 1e6
    assert total["cost"] == pytest.approx(expected)
    assert usage["extract"]["cost"] > 0
    last = result.stderr.strip().splitlines()[-1]
    assert "4 LLM calls" in last and f"cost {expected:.4f}" in last


def test_the_api_key_never_leaks(
    tmp_path: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    folder = write_articles(tmp_path / "news", 2)
    out = tmp_path / "b.json"
    with FakeOpenAIServer(lifetime=60) as fake:
        ok = generate(fake, folder, "--json", str(out))
        sent = {k.lower(): v for k, v in fake.headers[0].items()}
        assert sent["authorization"] == f"Bearer {SECRET}"  # it was sent
    with FakeOpenAIServer(faults=["401"], lifetime=60) as fake:
        refused = generate(fake, folder, "--no-cache")
    assert ok.exit_code == 0 and refused.exit_code == 3
    assert "check OPENAI_API_KEY" in refused.stderr
    cached = "".join(p.read_text() for p in isolated.glob("??/*.json"))
    assert cached
    for text in (ok.stdout, ok.stderr, refused.stdout, refused.stderr, out.read_text(), cached):
        assert SECRET not in text
    llm = OpenAILLM("m", base_url="http://127.0.0.1:1/v1", api_key=SECRET)
    assert SECRET not in repr(llm)


def test_the_fake_server_reads_every_schema_shape() -> None:
    schema = {"type": "object"}
    assert (
        request_schema(
            {"response_format": JsonSchemaStrategy(strict=False).response_format(schema)}
        )
        == schema
    )
    assert (
        request_schema({"response_format": JsonObjectStrategy().response_format(schema)}) == schema
    )
    assert echo_answer(Request([], point_schema(["none"], 200), stage="extract"))


@pytest.mark.parametrize(
    "url", ["localhost:8000/v1", "ftp://127.0.0.1/v1", "http://", "http://h:x/v1"]
)
def test_a_malformed_base_url_fails_at_once_with_one_line(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No retry can fix a URL: exit 2 before any call, not five tries over 21 s."""
    import time

    monkeypatch.setenv("BRIEFING_RETRY_BACKOFF", "1")  # retries would take seconds
    folder = write_articles(tmp_path / "news", 1)
    started = time.monotonic()
    result = runner.invoke(
        app,
        ["generate", str(folder), "--backend", "openai", "--base-url", url, "--model", "m", "-q"],
    )
    assert time.monotonic() - started < 5  # generous: retrying took 21 s
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "--base-url" in result.stderr


def test_a_served_model_that_reads_icelandic_gives_english_readers_a_verified_line(
    tmp_path: Path,
) -> None:
    """Over HTTP, as any OpenAI-compatible server: the model is shown the Icelandic
    original beside its gloss, and its English of a fact only the Icelandic outlet reports
    is the English column's verified line, the original the Icelandic column's."""
    english = 'Putin said Ukraine and its allies in Europe should not create "obstacles" to peace.'
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "frett.md").write_text(
        "---\ntitle: Leiðtogafundur\noutlet: Vikublaðið\n---\n"
        "Pútín sagði að Úkraína og bandamenn hennar í Evrópu ættu ekki að skapa "
        "„hindranir“ fyrir friði.\n",
        encoding="utf-8",
    )

    def respond(request: Request) -> Any:
        shown = " ".join(str(m.get("content", "")) for m in request.messages)
        if request.stage == "extract" and "original of sentence [1]" in shown and "friði" in shown:
            return {"kind": "position", "actor": "none", "text": english}
        return echo_answer(request)

    out = tmp_path / "b.json"
    with FakeOpenAIServer(responder=respond, lifetime=60) as fake:
        result = generate(fake, folder, "--json", str(out))
    assert result.exit_code == 0, result.output
    [item] = json.loads(out.read_text())["positions"]
    assert item["text"]["en"] == english
    assert item["origin"] == {"en": "statement", "is": "quote:A1.S1"}
