"""The CLI as Unix tools behave: --version, completion, `-` for stdin and stdout, --lang
checked against the languages the tool knows, `lang` in the config file, --verbose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer.completion
from typer.testing import CliRunner

from briefing import __version__
from briefing.cli import app

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures"


def generate(*args: str | Path, stdin: str | None = None) -> object:
    return runner.invoke(app, ["generate", "--backend", "fake", "-q", *map(str, args)], input=stdin)


def test_version_prints_the_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"briefing {__version__}\n"
    assert result.stderr == ""


def test_shell_completion_is_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "--install-completion" in result.stdout
    # The shell is read from the parent process (sh under make, which typer has no script
    # for); `--show-completion` takes no value, so "bash" here was a stray argument.
    monkeypatch.setattr(typer.completion, "_get_shell_name", lambda: "bash")
    shown = runner.invoke(app, ["--show-completion"])
    assert shown.exit_code == 0 and "complete" in shown.stdout


def test_dash_reads_one_article_from_stdin(harbour_paths: list[Path], tmp_path: Path) -> None:
    english = next(p for p in sorted(harbour_paths[0].iterdir()) if p.suffix in (".md", ".txt"))
    js = tmp_path / "b.json"
    result = generate("-", "--json", js, "--lang", "en", stdin=english.read_text())
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Briefing")
    source = json.loads(js.read_text())["sources"][0]
    assert source["path"] == "-" and source["text"]


@pytest.mark.parametrize(
    ("stdin", "message"), [("", "no article on stdin"), ("x" * 300, "over the limit")]
)
def test_a_bad_stdin_is_one_line(stdin: str, message: str) -> None:
    result = generate("-", "--max-article-bytes", "200", stdin=stdin)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_dash_writes_markdown_or_json_to_stdout(harbour_paths: list[Path]) -> None:
    markdown = generate(*harbour_paths, "-o", "-")
    assert markdown.exit_code == 0 and markdown.stdout.startswith("# Briefing")
    assert not Path("-").exists()
    data = generate(*harbour_paths, "--json", "-")
    assert data.exit_code == 0 and json.loads(data.stdout)["languages"] == ["en", "is"]


def test_both_on_stdout_is_refused(harbour_paths: list[Path]) -> None:
    result = generate(*harbour_paths, "-o", "-", "--json", "-")
    assert result.exit_code == 2 and result.stdout == ""
    assert "both write to stdout" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("given", "written"), [(["en-US", "IS"], ["en", "is"]), (["de_DE"], ["de"])]
)
def test_lang_is_normalised(
    harbour_paths: list[Path], given: list[str], written: list[str]
) -> None:
    flags = [arg for code in given for arg in ("--lang", code)]
    result = generate(*harbour_paths, *flags, "--json", "-")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["languages"] == written


@pytest.mark.parametrize(
    ("given", "message"),
    [(["xx"], "unknown language 'xx' (known: da, de, en,"), (["en", "en-GB"], "'en' given twice")],
)
def test_a_bad_lang_is_refused(harbour_paths: list[Path], given: list[str], message: str) -> None:
    flags = [arg for code in given for arg in ("--lang", code)]
    result = generate(*harbour_paths, *flags)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_lang_comes_from_the_config_file_under_flag_and_env(
    harbour_paths: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "briefing.toml"
    config.write_text('lang = ["en", "de"]\n')
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    assert json.loads(generate(*harbour_paths, "--json", "-").stdout)["languages"] == ["en", "de"]
    monkeypatch.setenv("BRIEFING_LANG", "en,fr")
    assert json.loads(generate(*harbour_paths, "--json", "-").stdout)["languages"] == ["en", "fr"]
    flagged = generate(*harbour_paths, "--lang", "is", "--json", "-")
    assert json.loads(flagged.stdout)["languages"] == ["is"]
    config.write_text('lang = ["en", "zz"]\n')
    monkeypatch.delenv("BRIEFING_LANG")
    bad = generate(*harbour_paths)
    assert bad.exit_code == 2 and "unknown language 'zz'" in bad.stderr


def test_verbose_shows_stage_timings_and_decisions_on_stderr(harbour_paths: list[Path]) -> None:
    result = runner.invoke(app, ["generate", *map(str, harbour_paths), "--backend", "fake", "-v"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Briefing")
    assert "extract: done in" in result.stderr and "check: done in" in result.stderr
    assert "dropped [A2.S2]" in result.stderr  # the fake's echo copies the gloss
    quiet = runner.invoke(app, ["generate", *map(str, harbour_paths), "--backend", "fake", "-q"])
    assert "extract: done in" not in quiet.stderr


def test_daily_checks_lang_too(tmp_path: Path) -> None:
    result = runner.invoke(app, ["daily", str(tmp_path), "--plan", "--lang", "xx"])
    assert result.exit_code == 2 and "unknown language 'xx'" in result.stderr
