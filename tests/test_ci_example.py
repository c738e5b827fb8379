"""docs/ci-example.yml, the example GitHub Actions workflow: run by nothing here, so a
test keeps it true. It parses, and every `briefing` command it runs exists with the
options it passes."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import typer
import yaml

from briefing.cli import app

WORKFLOW = Path(__file__).resolve().parents[1] / "docs" / "ci-example.yml"


def _commands() -> list[list[str]]:
    """The argv of each `briefing` line in the workflow's `run` steps."""
    data = yaml.safe_load(WORKFLOW.read_text())
    steps = [s for job in data["jobs"].values() for s in job["steps"]]
    lines = [line for s in steps if "run" in s for line in s["run"].splitlines()]
    return [
        shlex.split(line.strip())[1:]
        for line in lines
        if line.strip().split(" ", 1)[0].endswith("/briefing")
    ]


def test_the_example_workflow_parses_and_does_what_it_says() -> None:
    data = yaml.safe_load(WORKFLOW.read_text())
    steps = [s for job in data["jobs"].values() for s in job["steps"]]
    uses = {s.get("uses", "").split("@")[0] for s in steps}
    assert {"actions/cache", "actions/upload-artifact"} <= uses
    runs = " ".join(s.get("run", "") for s in steps)
    assert "apertium-isl-eng" in runs and "make install" in runs
    assert any(c[:2] == ["eval", "run"] and "--junit" in c for c in _commands())


def test_every_briefing_command_in_it_exists_with_its_options() -> None:
    root = typer.main.get_command(app)
    commands = _commands()
    assert commands
    for argv in commands:
        command: Any = root
        words = list(argv)
        while hasattr(command, "get_command") and words and not words[0].startswith("-"):
            found = command.get_command(None, words[0])
            assert found is not None, f"no command {words[0]!r} in {argv}"
            command, words = found, words[1:]
        known = {opt for p in command.params for opt in getattr(p, "opts", [])}
        for word in words:
            if word.startswith("--"):
                assert word.split("=")[0] in known, f"{argv}: no option {word}"
        command.make_context(command.name, list(words), resilient_parsing=True)
