"""Faults of the language tools: one clear line and exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app

runner = CliRunner()


def test_missing_apertium_names_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "frett.md"
    article.write_text(
        "Ferjan til Grímseyjar siglir aftur\n\n"
        "Ferjan Sæfari hóf siglingar á ný á þriðjudag eftir sjö vikna viðgerð.\n"
    )
    out = tmp_path / "out.md"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))  # no remembered gloss
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    result = runner.invoke(
        app, ["generate", str(article), "--backend", "fake", "-q", "-o", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "apertium-isl-eng" in result.stderr
    assert not out.exists()
