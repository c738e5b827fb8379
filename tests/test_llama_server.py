"""End to end against a real llama-cpp-python server running the embedded model.

One server for the session on a free 127.0.0.1 port, stopped at the end. Slow: a
real model decodes every token, so the requests are few and small.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.core.models import Briefing
from briefing.llm.embedded import available_cpus
from briefing.llm.openai_backend import OpenAILLM
from briefing.llm.structured import AskOptions, ask
from briefing.stages.answers import Point, point_schema

pytestmark = pytest.mark.server
STARTUP_SECONDS = 180


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"llama_cpp.server exited: {log.read_text()[-2000:]}", pytrace=False)
        try:
            with urllib.request.urlopen(f"{url}/models", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"llama_cpp.server not up after {STARTUP_SECONDS} s", pytrace=False)


@pytest.fixture(scope="session")
def llama_server(
    require_llama_cpp: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The base URL of a llama-cpp-python server running the embedded model."""
    from briefing.llm.model_file import default_model_path

    model = default_model_path()
    port = free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    threads = str(available_cpus())
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "4096",
        "--n_threads",
        threads,
        "--n_threads_batch",
        threads,
    ]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        wait_until_up(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(autouse=True)
def answer_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private answer cache; BRIEFING_CACHE_DIR stays, it holds the model file."""
    monkeypatch.setenv("BRIEFING_ANSWER_CACHE", str(tmp_path / "answers"))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "answers"


def test_schema_constrained_answer_is_valid_json(llama_server: str) -> None:
    llm = OpenAILLM("embedded", base_url=llama_server, timeout=300, retries=1)
    messages = [
        {"role": "system", "content": "List the main point of the excerpt as JSON."},
        {"role": "user", "content": "[1] The council approved the new harbour fee on Monday."},
    ]
    schema = point_schema(["none"], 120)
    answer = ask(
        llm,
        messages,
        Point,
        AskOptions(
            max_tokens=120,
            stage="extract",
            label="probe",
            schema=schema,
            context={"actors": ["none"]},
            max_attempts=2,
        ),
    )
    assert answer.actor == "none" and len(answer.text) <= 120
    # llama-cpp-python rejects `json_schema` (422), so auto settles on json_object+schema
    assert llm.strategy is not None and llm.strategy.name == "json_object"


def test_generate_against_the_server(llama_server: str, tmp_path: Path) -> None:
    fixtures = Path(__file__).parent / "fixtures" / "harbour"
    out = tmp_path / "b.json"
    args = [
        "generate",
        str(fixtures),
        "--backend",
        "openai",
        "--base-url",
        llama_server,
        "--model",
        "embedded",
        "--timeout",
        "600",
        "--json",
        str(out),
        "-q",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    briefing = Briefing.model_validate_json(out.read_text(encoding="utf-8"))
    assert [s.language for s in briefing.sources] == ["en", "is"]
    items = briefing.agreements + briefing.open_issues + briefing.positions
    assert items, json.dumps(briefing.model_dump(exclude={"sources"}), ensure_ascii=False)
    known = set(briefing.sentence_index())
    for item in items:
        assert set(item.text) == {"en", "is"} and set(item.evidence) <= known
    assert briefing.run is not None and briefing.run.backend == "openai"
    # one JSON answer per sentence code selected (a statement the server wrote as its
    # sentence word for word needs no support check, so checks are not counted on)
    assert briefing.run.usage["extract"].calls >= 3
    assert "## Íslenska" in result.stdout
