"""The `briefing` command line: one Typer app, one module per command group.

`main()` is the console script. Errors become exit codes in one place,
`briefing.cli.options.exit_code`, used by every group (`options.Group`).
"""

from __future__ import annotations

import typer

from briefing.cli.cache import cache_app
from briefing.cli.daily import daily
from briefing.cli.doctor import doctor
from briefing.cli.eval import eval_app
from briefing.cli.generate import generate
from briefing.cli.injection import injection
from briefing.cli.options import Group
from briefing.cli.prompts import prompts_app

app = typer.Typer(
    cls=Group,
    help="Cited, bilingual news briefings that say only what their sources say.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Cited, bilingual news briefings that say only what their sources say."""


app.command()(generate)
app.command()(daily)
app.command()(doctor)
eval_app.command("injection")(injection)
app.add_typer(eval_app, name="eval", help="Check briefings against their sources.")
app.add_typer(cache_app, name="cache", help="Inspect or clear the cache of LLM answers.")
app.add_typer(prompts_app, name="prompts")


def main() -> None:
    app()
