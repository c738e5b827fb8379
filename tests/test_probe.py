"""No bare crash: an engine that dies on this CPU becomes one line and exit status 3."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.llm import probe
from briefing.llm.model_file import default_model_path

runner = CliRunner()


@pytest.fixture
def model_file(require_llama_cpp: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The real model, with the probe's verdicts kept in an empty cache of this test's own;
    its models folder is the real one (after a first run, as after `make briefing`, the
    model is only there: its part packages were emptied)."""
    path = default_model_path()
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "models").symlink_to(path.parent, target_is_directory=True)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(cache))
    return path


def test_a_signal_is_named_with_its_cause() -> None:
    assert "SIGILL" in probe.describe_signal(-4) and "instruction" in probe.describe_signal(-4)
    assert "SIGSEGV" in probe.describe_signal(-11) and "AMX" in probe.describe_signal(-11)


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"  # a run that asks the model


def test_a_crashing_child_is_one_line_and_exit_3(
    model_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_PROBE_FAULT", "segv")  # the child kills itself with SIGSEGV
    out = tmp_path / "out.md"
    result = runner.invoke(
        app, ["generate", str(EXAMPLES), "--model-file", str(model_file), "-o", str(out)]
    )
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1
    assert "crashed (SIGSEGV)" in result.stderr and "make engine" in result.stderr
    assert not out.exists()
    assert not probe.verdict_path().exists()  # a crash is never remembered


def test_doctor_reports_the_crash_and_exits_3(model_file: Path, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFING_PROBE_FAULT", "segv")
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 3
    failed = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert len(failed) == 1 and "decode" in failed[0] and "SIGSEGV" in failed[0]


@pytest.mark.embedded
def test_a_working_engine_is_probed_once_per_build(model_file: Path, monkeypatch) -> None:
    probe.ensure_engine_runs(model_file)
    assert probe.verdict_path().is_file()
    monkeypatch.setenv("BRIEFING_PROBE_FAULT", "segv")
    probe.ensure_engine_runs(model_file)  # remembered: no child, so no crash


def test_doctor_passes_on_a_working_machine(model_file: Path) -> None:
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 0, result.stdout
    assert "ok  decode" in result.stdout and "AMX" not in result.stdout
