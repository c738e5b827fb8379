"""Shared fixtures: small fixture articles and a scripted fake LLM per pipeline stage."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing.ingest import load_sources
from briefing.llm.base import Request, Response
from briefing.llm.fake import FakeLLM
from briefing.models import Source

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own answer cache and config, and retries without back-off.

    The model file's cache (BRIEFING_CACHE_DIR) stays shared: assembling 1.1 GB per
    test would be absurd, and it is verified by hash anyway.
    """
    monkeypatch.setenv("BRIEFING_ANSWER_CACHE", str(tmp_path_factory.mktemp("answers")))
    config = tmp_path_factory.mktemp("config") / "briefing.toml"
    config.write_text("")
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    monkeypatch.setenv("BRIEFING_RETRY_BACKOFF", "0")
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "BRIEFING_BACKEND", "BRIEFING_MODEL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def harbour_paths() -> list[Path]:
    """An English (A1) and an Icelandic (A2) report of one fictional event."""
    return [FIXTURES / "harbour"]


@pytest.fixture
def harbour(harbour_paths: list[Path]) -> list[Source]:
    return load_sources(harbour_paths)


def fact(kind: str, actor: str, text: str, *ids: int) -> dict[str, Any]:
    return {"kind": kind, "actor": actor, "text": text, "ids": list(ids)}


# What a good model would say about the harbour fixture, chunk by chunk.
HARBOUR_EXTRACTS: dict[str, dict[str, Any]] = {
    "chunk A1.C1": {
        "facts": [
            fact(
                "agreement", "Akureyri and Nordlys", "Two night sailings will be added from May.", 1
            ),
            fact(
                "position",
                "Anna Jónsdóttir",
                "The deal costs the town 40 million krónur a year.",
                2,
            ),
            fact("open_issue", "Akureyri and Nordlys", "The harbour fee is not settled yet.", 3),
            fact("position", "Pétur Berg", "Nordlys wants the fee cut by half.", 4),
        ]
    },
    "chunk A2.C1": {
        "facts": [
            fact(
                "agreement",
                "Akureyri and Nordlys",
                "They agreed on two new night sailings from May.",
                1,
            ),
            fact(
                "position",
                "Anna Jónsdóttir",
                "The deal costs the town 45 million krónur a year.",
                2,
            ),
            fact(
                "open_issue", "Akureyri and Nordlys", "There is no agreement on the harbour fee.", 3
            ),
        ]
    },
}
# Points 1..7 in extraction order: 1,5 and 3,7 are duplicates; 2 and 6 contradict.
HARBOUR_MERGE = {"same": [[1, 5], [3, 7]], "conflicts": [[2, 6]]}


def translate_all(request: Request) -> dict[str, Any]:
    lines = re.findall(r"^\d+\. (.*)$", request.messages[-1]["content"], re.MULTILINE)
    return {"t": [f"IS: {line}" for line in lines]}


def scripted(
    extracts: dict[str, Any] | None = None,
    merge: dict[str, Any] | None = None,
    overrides: dict[str, list[Any]] | None = None,
) -> Callable[[Request], Any]:
    """A responder answering by stage and label; `overrides[label]` answers come first."""
    extracts = HARBOUR_EXTRACTS if extracts is None else extracts
    merge = HARBOUR_MERGE if merge is None else merge
    queued = {k: list(v) for k, v in (overrides or {}).items()}

    def respond(request: Request) -> Any:
        if queued.get(request.label):
            return queued[request.label].pop(0)
        if request.stage == "extract":
            return extracts[request.label]
        if request.stage == "merge":
            return merge
        if request.stage == "translate":
            return translate_all(request)
        raise AssertionError(f"unexpected request {request.stage} {request.label}")

    return respond


@pytest.fixture
def harbour_llm() -> FakeLLM:
    return FakeLLM(scripted())


def truncated(text: str = '{"facts": [') -> Response:
    return Response(text=text, finish_reason="length", completion_tokens=10)


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- The real embedded model (tests marked `embedded`) ---------------------------------


@pytest.fixture(scope="session")
def require_llama_cpp() -> None:
    """Embedded tests never skip silently: a missing llama_cpp is an error unless
    BRIEFING_SKIP_EMBEDDED=1 says to skip them on purpose."""
    import os

    if os.environ.get("BRIEFING_SKIP_EMBEDDED") == "1":
        pytest.skip("embedded-model tests skipped: BRIEFING_SKIP_EMBEDDED=1")
    try:
        import llama_cpp  # noqa: F401
    except ImportError as err:
        pytest.fail(
            f"llama_cpp is not importable ({err}): pip install -e '.[embedded]', "
            "or set BRIEFING_SKIP_EMBEDDED=1 to skip the embedded-model tests",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def embedded_llm(require_llama_cpp: None) -> Any:
    """One loaded EmbeddedLLM shared by the whole session (loading costs ~1 s)."""
    from briefing.llm.embedded import EmbeddedLLM

    llm = EmbeddedLLM()
    llm.load()
    return llm
