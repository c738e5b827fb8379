"""docs/cli.md is the commands' `--help`, regenerated: it cannot drift from the code."""

from __future__ import annotations

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "cli_reference.py"


def test_the_cli_reference_is_what_help_says_now() -> None:
    reference = runpy.run_path(str(SCRIPT))["reference"]()
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == reference, (
        "docs/cli.md is out of date: run python scripts/cli_reference.py"
    )


def test_the_reference_lists_every_command() -> None:
    from briefing.cli import COMMANDS

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"## `briefing {name}`" in text
    assert "### `briefing eval run`" in text  # subcommands of groups too


def test_check_fails_on_a_stale_reference(tmp_path: Path, monkeypatch, capsys) -> None:
    main = runpy.run_path(str(SCRIPT))["main"]
    stale = tmp_path / "cli.md"
    stale.write_text("# old\n", encoding="utf-8")
    monkeypatch.setitem(main.__globals__, "TARGET", stale)
    assert main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().err
    assert main([]) == 0 and main(["--check"]) == 0  # rewritten, then current
