"""Shared fixtures; helper functions and scripted answers live in `helpers.py`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import scripted
from hypothesis import HealthCheck, settings

from briefing.core.models import Source
from briefing.ingest.read import load_sources
from briefing.llm import registry
from briefing.llm.fake import FakeLLM

FIXTURES = Path(__file__).parent / "fixtures"

# A run of the embedded model empties the model's part packages once the model is in the
# cache (llm/model_file.py); the tests never change the venv they run in. Set here, not
# in a fixture, so session fixtures and subprocesses see it too.
os.environ["BRIEFING_KEEP_MODEL_PARTS"] = "1"

# Fuzzing (tests/test_fuzz_*.py): a modest count in CI; HYPOTHESIS_PROFILE=full runs
# 10,000 examples per target (`make fuzz`).
_FUZZ = dict(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.register_profile("ci", max_examples=60, **_FUZZ)
settings.register_profile("full", max_examples=10_000, **_FUZZ)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own answer cache, call log and config, and retries without back-off.

    The model file's cache (BRIEFING_CACHE_DIR) stays shared: assembling 1.1 GB per
    test would be absurd, and it is verified by hash anyway.
    """
    monkeypatch.setenv("BRIEFING_ANSWER_CACHE", str(tmp_path_factory.mktemp("answers")))
    monkeypatch.setenv("BRIEFING_LOG_DB", str(tmp_path_factory.mktemp("log") / "logs.db"))
    config = tmp_path_factory.mktemp("config") / "briefing.toml"
    config.write_text("")
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    monkeypatch.setenv("BRIEFING_RETRY_BACKOFF", "0")
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "BRIEFING_BACKEND", "BRIEFING_MODEL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _backends() -> Iterator[None]:
    """Backends a test registers (`helpers.serve`) are gone after it."""
    saved = {name: registry.backend(name) for name in registry.names()}
    yield
    for name in registry.names():
        registry.restore(name, saved.get(name))


@pytest.fixture
def harbour_paths() -> list[Path]:
    """An English (A1) and an Icelandic (A2) report of one fictional event."""
    return [FIXTURES / "harbour"]


@pytest.fixture
def harbour(harbour_paths: list[Path]) -> list[Source]:
    return load_sources(harbour_paths)


@pytest.fixture
def harbour_llm() -> FakeLLM:
    return FakeLLM(scripted())


# --- The real embedded model (tests marked `embedded`) ---------------------------------


@pytest.fixture(scope="session")
def require_llama_cpp() -> None:
    """Embedded tests never skip silently: a missing llama_cpp is an error unless
    BRIEFING_SKIP_EMBEDDED=1 says to skip them on purpose."""
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
