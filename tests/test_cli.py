"""`briefing generate` through Typer's CliRunner: outputs, bad input, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import scripted, serve
from typer.testing import CliRunner

from briefing.cli import app
from briefing.llm.fake import FakeLLM

runner = CliRunner()


@pytest.fixture
def scripted_backend(monkeypatch: pytest.MonkeyPatch) -> FakeLLM:
    llm = FakeLLM(scripted())
    serve(llm)
    return llm


def run(*args: str | Path) -> object:
    return runner.invoke(app, ["generate", *map(str, args)])


def test_writes_markdown_and_json(tmp_path: Path, harbour_paths, scripted_backend) -> None:
    md, js = tmp_path / "b.md", tmp_path / "b.json"
    result = run(*harbour_paths, "-o", md, "--json", js, "-q")

    assert result.exit_code == 0, result.output
    data = json.loads(js.read_text())
    assert [s["id"] for s in data["sources"]] == ["A1", "A2"]
    assert data["sources"][1]["language"] == "is"
    assert data["sources"][0]["sentences"][0]["id"] == "A1.S1"
    # one chunk per article: every English sentence stands, so code asks them all, and
    # A2.S2, the one Icelandic sentence not linked to an English one, is phrased
    for section in ("positions", "disagreements"):
        assert data[section], section
    assert [p["actor"] for p in data["positions"]] == ["Pétur Berg"]  # Anna: a disagreement
    assert data["disagreements"][0]["evidence"] == ["A1.S2", "A2.S2"]
    assert data["dropped"] == []
    text = md.read_text()
    assert "## English" in text and "## Íslenska" in text
    assert "[^A2.S2]: “Anna Jónsdóttir bæjarstjóri sagði" in text
    assert "LLM calls" in result.stderr and result.stdout == ""


def test_markdown_goes_to_stdout_without_output(harbour_paths, scripted_backend) -> None:
    result = run(*harbour_paths, "-q")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Briefing · Samantekt")


def test_fake_backend_runs_without_a_model(harbour_paths) -> None:
    result = run(*harbour_paths, "--backend", "fake", "--lang", "en", "--lang", "de")
    assert result.exit_code == 0, result.output
    assert "## Deutsch" in result.stdout


def one_line_error(result: object, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.output


def test_missing_file(tmp_path: Path) -> None:
    one_line_error(run(tmp_path / "nope.txt"), "nope.txt")


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    one_line_error(run(tmp_path / "empty.txt"), "empty.txt")


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    one_line_error(run(tmp_path / "bin.txt"), "bin.txt")


def test_non_utf8_file(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("Þetta er íslenska.".encode("latin-1"))
    one_line_error(run(tmp_path / "latin1.txt"), "latin1.txt", "UTF-8")


def test_unsupported_extension(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_text("text")
    one_line_error(run(tmp_path / "a.pdf"), "a.pdf", ".pdf")


def test_output_in_a_missing_directory(tmp_path: Path, harbour_paths) -> None:
    one_line_error(run(*harbour_paths, "-o", tmp_path / "no" / "b.md"), str(tmp_path / "no"))


def test_failed_run_leaves_existing_outputs_untouched(
    tmp_path: Path, harbour_paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    llm = FakeLLM(scripted(overrides={"A2.C1 sentence A2.S2": ["junk"] * 4}))
    serve(llm)
    md, js = tmp_path / "b.md", tmp_path / "b.json"
    md.write_text("yesterday's briefing")
    js.write_text("{}")

    result = run(*harbour_paths, "-o", md, "--json", js, "-q")

    assert result.exit_code == 3
    assert "A2.C1 sentence A2.S2" in result.stderr
    assert md.read_text() == "yesterday's briefing" and js.read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json", "b.md"]


def test_unknown_layout(harbour_paths) -> None:
    one_line_error(run(*harbour_paths, "--layout", "nope"), "nope")
