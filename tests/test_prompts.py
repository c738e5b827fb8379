"""Prompt sets: overrides fall back to shipped files; broken templates fail before any call."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from helpers import scripted, serve
from typer.testing import CliRunner

from briefing.cli import app
from briefing.core.errors import InputError
from briefing.llm.fake import FakeLLM
from briefing.prompts import CONTRACTS, PromptSet

runner = CliRunner()


def override(tmp_path: Path, name: str, text: str) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / f"{name}.j2").write_text(text, encoding="utf-8")
    return tmp_path


def test_override_replaces_one_template_and_keeps_the_rest(tmp_path: Path) -> None:
    shipped = PromptSet()
    custom = PromptSet(override(tmp_path, "judge.system", "Group duplicates. JSON only."))
    assert custom.source("judge.system") == "Group duplicates. JSON only."
    assert custom.overridden("judge.system") and not custom.overridden("judge.user")
    assert custom.source("extract.user") == shipped.source("extract.user")
    assert custom.provenance()["judge.system"] == {
        "sha256": hashlib.sha256(b"Group duplicates. JSON only.").hexdigest(),
        "origin": "override",
    }
    assert custom.provenance()["judge.user"]["origin"] == "shipped"


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    override(tmp_path, "extract.user", "line one\n{% for n, text in sentences %}\n{{ text ")
    with pytest.raises(InputError, match=r"extract\.user\.j2:3: "):
        PromptSet(tmp_path)


def test_unknown_variable_names_file_line_and_variable(tmp_path: Path) -> None:
    override(tmp_path, "extract.user", "{% for n, s in sentences %}{{ s }}{% endfor %}\n{{ tone }}")
    with pytest.raises(InputError, match=r"extract\.user\.j2:2: unknown variable 'tone'"):
        PromptSet(tmp_path)


def test_dropping_a_needed_variable_fails(tmp_path: Path) -> None:
    override(tmp_path, "extract.user", "Summarise the article.")
    with pytest.raises(InputError, match=r"extract\.user\.j2:1: .*'sentences'"):
        PromptSet(tmp_path)


def test_unknown_template_name_fails(tmp_path: Path) -> None:
    override(tmp_path, "extract.sytem", "typo in the file name")
    with pytest.raises(InputError, match=r"no stage uses a template called 'extract\.sytem'"):
        PromptSet(tmp_path)


def test_broken_prompt_fails_before_any_llm_call(
    tmp_path: Path, harbour_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    llm = FakeLLM(scripted())
    serve(llm)
    override(tmp_path, "extract.user", "{% for n, s in sentences %}{{ s }}{% endfor %}{{ pointz }}")
    result = runner.invoke(app, ["generate", *map(str, harbour_paths), "--prompts", str(tmp_path)])
    assert result.exit_code == 2
    assert "extract.user.j2:1: unknown variable 'pointz'" in result.stderr
    assert llm.requests == []


def test_export_edit_run_changes_the_output(
    tmp_path: Path, harbour_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    llm = FakeLLM(scripted())
    serve(llm)
    folder = tmp_path / "mine"
    assert runner.invoke(app, ["prompts", "export", str(folder)]).exit_code == 0
    layout = folder / "layout.stacked.md.j2"
    layout.write_text(
        layout.read_text().replace("### {{ labels[lang][key] }}", "### >> {{ labels[lang][key] }}")
    )
    system = folder / "extract.system.j2"
    system.write_text(system.read_text() + "\nHouse style: plain words.")

    result = runner.invoke(
        app, ["generate", *map(str, harbour_paths), "--prompts", str(folder), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert "House style: plain words." in llm.requests[0].messages[0]["content"]
    assert "### >> Agreements" in result.stdout
    assert "(overridden: extract.system, layout.stacked.md)" in result.stdout


def test_export_refuses_to_overwrite(tmp_path: Path) -> None:
    assert runner.invoke(app, ["prompts", "export", str(tmp_path)]).exit_code == 0
    again = runner.invoke(app, ["prompts", "export", str(tmp_path)])
    assert again.exit_code == 2 and "--force" in again.stderr


def test_list_and_show(tmp_path: Path) -> None:
    listed = runner.invoke(app, ["prompts", "list"]).stdout
    assert "extract.system" in listed and "layout.paired.md" in listed
    assert "merge." not in listed  # the model writes no Icelandic: it translates into English
    assert "into English" in PromptSet().source("translate.system")
    shown = runner.invoke(app, ["prompts", "show", "extract.user"]).stdout
    assert shown == PromptSet().source("extract.user") + "\n"


def test_the_config_file_picks_the_prompts_and_layout(
    tmp_path: Path, harbour_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    llm = FakeLLM(scripted())
    serve(llm)
    override(
        tmp_path / "house", "extract.system", PromptSet().source("extract.system") + "\nBe brief."
    )
    config = tmp_path / "briefing.toml"
    config.write_text('prompts = "house"\nlayout = "paired"\n', encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    result = runner.invoke(app, ["generate", *map(str, harbour_paths), "-q"])
    assert result.exit_code == 0, result.output
    assert llm.requests[0].messages[0]["content"].endswith("Be brief.")
    assert "(overridden: extract.system)" in result.stdout
    assert (
        result.stdout
        == runner.invoke(
            app,
            [
                "generate",
                *map(str, harbour_paths),
                "-q",
                "--prompts",
                str(tmp_path / "house"),
                "--layout",
                "paired",
            ],
        ).stdout
    )


def test_check_reports_a_good_folder_and_names_the_broken_file(tmp_path: Path) -> None:
    good = override(tmp_path / "good", "judge.system", "Group the points. JSON only.")
    result = runner.invoke(app, ["prompts", "check", str(good)])
    assert result.exit_code == 0 and "overridden: judge.system" in result.stdout
    bad = override(tmp_path / "bad", "judge.user", "{{ claim }}")
    result = runner.invoke(app, ["prompts", "check", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: {bad}/judge.user.j2:1: the template never uses 'sentences', which this stage needs"
    )


def test_list_shows_the_config_folder_as_overrides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    override(tmp_path / "house", "judge.system", "Group the points. JSON only.")
    config = tmp_path / "briefing.toml"
    config.write_text('prompts = "house"\n', encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    listed = runner.invoke(app, ["prompts", "list"]).stdout.splitlines()
    assert [line.split()[-1] for line in listed if line.startswith("judge.")] == [
        "override",
        "shipped",
    ]


def test_a_valid_prompt_set_is_checked_once_and_a_broken_one_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parsing every template was a quarter of a cached re-run: a set found valid is
    remembered by its templates, contracts and code; a broken one is never remembered."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    checks = []
    real = PromptSet.check
    monkeypatch.setattr(PromptSet, "check", lambda self: checks.append(1) or real(self))
    PromptSet()
    PromptSet()
    assert len(checks) == 1
    custom = override(tmp_path / "custom", "judge.system", "Answer yes or no.")
    PromptSet(custom)
    assert len(checks) == 2  # other templates: checked afresh
    broken = override(tmp_path / "broken", "extract.user", "Summarise the article.")
    for _ in range(2):
        with pytest.raises(InputError, match="'sentences'"):
            PromptSet(broken)
    assert len(checks) == 4
    monkeypatch.setitem(CONTRACTS, "judge.system", (frozenset({"claim"}), frozenset()))
    with pytest.raises(InputError, match="'claim'"):  # a changed contract is checked again
        PromptSet()
