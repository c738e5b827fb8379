"""Write docs/cli.md, the command-line reference, from the commands' own `--help` texts.

Typer's Markdown generator (`typer ... utils docs`) walks every command and group, the
lazily loaded ones too, so the reference says what `--help` says and nothing else.
tests/test_cli_reference.py fails when docs/cli.md differs from what this writes.

    python scripts/cli_reference.py           # rewrite docs/cli.md
    python scripts/cli_reference.py --check   # exit 1 if docs/cli.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from typer.cli import get_docs_for_click

from briefing.cli import app

TARGET = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
HEADER = "<!-- Generated from `briefing --help` by scripts/cli_reference.py; do not edit. -->\n\n"


def reference() -> str:
    command = typer.main.get_command(app)
    docs = get_docs_for_click(obj=command, ctx=typer.Context(command), name="briefing")
    return HEADER + docs.strip() + "\n"


def main(argv: list[str]) -> int:
    text = reference()
    if argv == ["--check"]:
        if TARGET.is_file() and TARGET.read_text(encoding="utf-8") == text:
            return 0
        print(f"{TARGET} is out of date: run python scripts/cli_reference.py", file=sys.stderr)
        return 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
