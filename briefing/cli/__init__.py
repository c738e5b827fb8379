"""The `briefing` command line: one Typer app, one module per command group.

`main()` is the console script. Errors become exit codes in one place,
`briefing.cli.options.exit_code`, used by every group (`options.Group`).

Command modules are imported only when their command runs (`LazyGroup`): importing
them all pulled the eval suite, the judge and numpy into every `briefing generate`,
about a third of a cached re-run's wall time. `--help` still lists them all.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import TYPE_CHECKING, Annotated

import typer

from briefing.cli.options import Group

if TYPE_CHECKING:
    import click

# command name -> (module, attribute): a Typer group or a command function
COMMANDS: dict[str, tuple[str, str]] = {
    "generate": ("briefing.cli.generate", "generate"),
    "daily": ("briefing.cli.daily", "daily"),
    "doctor": ("briefing.cli.doctor", "doctor"),
    "eval": ("briefing.cli.eval", "eval_app"),
    "cache": ("briefing.cli.cache", "cache_app"),
    "prompts": ("briefing.cli.prompts", "prompts_app"),
    "logs": ("briefing.cli.logs", "logs"),
}


def load_command(name: str) -> click.Command:
    """The click command for `name`, built from its module on first use."""
    module, attribute = COMMANDS[name]
    target = getattr(import_module(module), attribute)
    if isinstance(target, typer.Typer):
        command: click.Command = typer.main.get_group(target)
    else:
        single = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
        single.command(name=name)(target)
        command = typer.main.get_command(single)
    command.name = name
    return command


class LazyGroup(Group):
    """The root group: lists every command, imports a command's module when it is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *(n for n in super().list_commands(ctx) if n not in COMMANDS)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            self.add_command(load_command(cmd_name), cmd_name)
        return super().get_command(ctx, cmd_name)


app = typer.Typer(
    cls=LazyGroup,
    help="Cited, bilingual news briefings that say only what their sources say.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from briefing import __version__

        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


Version = Annotated[
    bool,
    typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
]


@app.callback()
def _root(version: Version = False) -> None:
    """Cited, bilingual news briefings that say only what their sources say."""
    calllog = sys.modules.get("briefing.llm.calllog")  # not imported for nothing
    if calllog is not None:
        calllog.new_run()  # one invocation, one run in the call log (tests invoke many)


def main() -> None:
    app()
