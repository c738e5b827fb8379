"""What every command group shares: the group class that maps errors to exit codes,
and the `Annotated` option aliases, so one option reads the same in every command.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from briefing.core import damaged
from briefing.core.errors import BriefingError

if TYPE_CHECKING:
    import click


def exit_code(err: BaseException) -> int:
    """The one error -> exit-code map: a BriefingError's own code, 130 for Ctrl-C.

    With BRIEFING_DEBUG set the error propagates instead, traceback and all. Other
    exceptions are bugs and are never caught: they keep their traceback.
    """
    if os.environ.get("BRIEFING_DEBUG"):
        raise err
    if isinstance(err, KeyboardInterrupt):
        typer.echo("interrupted", err=True)
        return 130
    typer.echo(f"error: {err}", err=True)
    return err.exit_code if isinstance(err, BriefingError) else 1  # pragma: no cover


class Group(TyperGroup):
    """Every command group: a user's error becomes one line on stderr and its exit code,
    and damaged cache entries met on the way one warning line (`core.damaged`)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (BriefingError, KeyboardInterrupt) as err:
            raise typer.Exit(exit_code(err)) from None
        finally:
            warning = damaged.report()
            if warning is not None:
                typer.echo(warning, err=True)


def verbose(on: bool) -> None:
    """The `briefing` loggers' info lines (stage timings, decisions) on stderr, or not."""
    import logging

    class Stderr(logging.Handler):
        """Writes to the stderr of the moment (a test runner swaps it per invocation)."""

        def emit(self, record: logging.LogRecord) -> None:
            typer.echo(self.format(record), err=True)

    logger = logging.getLogger("briefing")
    for old in [h for h in logger.handlers if type(h).__name__ == "Stderr"]:
        logger.removeHandler(old)
    logger.setLevel(logging.INFO if on else logging.WARNING)
    if on:
        handler = Stderr()
        handler.setFormatter(logging.Formatter("%(relativeCreated)7.0f ms  %(message)s"))
        logger.addHandler(handler)


def group(**options: Any) -> typer.Typer:
    """A command group (sub-app) with the shared error handling."""
    options.setdefault("cls", Group)
    return typer.Typer(
        no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, **options
    )


Paths = Annotated[
    list[Path],
    typer.Argument(help="Article files (.txt, .md) or folders of them; '-' reads one from stdin."),
]
Output = Annotated[
    Path | None,
    typer.Option("-o", "--output", help="Markdown file (default and '-': stdout)."),
]
JsonOut = Annotated[
    Path | None,
    typer.Option("--json", help="Also write the briefing as JSON here ('-': stdout, no Markdown)."),
]
StatsOut = Annotated[
    Path | None,
    typer.Option(
        "--stats",
        help="Write this run's process figures (calls, tokens, seconds per stage) as JSON.",
    ),
]
NoCheck = Annotated[
    bool,
    typer.Option(
        "--no-check", help="Publish what passes the code checks, without the support checker."
    ),
]
WriteIcelandic = Annotated[
    bool,
    typer.Option(
        "--write-icelandic/--no-write-icelandic",
        help="Ask the backend for an Icelandic line where no Icelandic source states an item, "
        "published only where the Icelandic gate and the checker pass (default: off; for a "
        "capable server backend).",
        show_default=False,
    ),
]
Langs = Annotated[
    list[str] | None,
    typer.Option(
        "--lang", "-l", help="Output language (BCP-47, e.g. en, is), repeatable (default: en, is)."
    ),
]
Verbose = Annotated[
    bool, typer.Option("--verbose", "-v", help="Stage timings and decisions on stderr.")
]
NoLog = Annotated[bool, typer.Option("--no-log", help="Do not record model calls in the call log.")]
Backend = Annotated[
    str | None, typer.Option(help="LLM backend: embedded (default), openai or fake.")
]
BaseUrl = Annotated[
    str | None,
    typer.Option(help="OpenAI-compatible server URL, e.g. http://localhost:8000/v1."),
]
ModelName = Annotated[
    str | None, typer.Option("--model", help="Model name on the server (env BRIEFING_MODEL).")
]
Structured = Annotated[
    str | None, typer.Option(help="Structured output: auto, json_schema, json_object or json.")
]
Concurrency = Annotated[
    int | None, typer.Option(min=1, help="Parallel extraction calls (remote backends).")
]
Timeout = Annotated[float | None, typer.Option(min=0.1, help="Seconds to wait for one answer.")]
NoCache = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the answer cache.")
]
ModelFile = Annotated[
    Path | None, typer.Option(help="Run this GGUF instead of the embedded default.")
]
ChunkTokens = Annotated[int, typer.Option(min=50, help="Chunk size in tokens.")]
Overlap = Annotated[int, typer.Option(min=0, help="Tokens of overlap between chunks.")]
PromptsDir = Annotated[
    Path | None,
    typer.Option("--prompts", help="Folder of prompt overrides (env BRIEFING_PROMPTS)."),
]
Layout = Annotated[str | None, typer.Option(help="Markdown layout: stacked (default) or paired.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]
MaxArticles = Annotated[
    int | None,
    typer.Option(min=1, help="Refuse a run of more articles than this (default 50)."),
]
MaxArticleBytes = Annotated[
    int | None,
    typer.Option(min=1, help="Refuse an article file larger than this (default 200000 bytes)."),
]
MaxSentences = Annotated[
    int | None,
    typer.Option(min=1, help="Refuse a run of more sentences than this (default 3000)."),
]
MaxArticleSentences = Annotated[
    int | None,
    typer.Option(min=1, help="Refuse an article of more sentences than this (default 600)."),
]

GenBackend = Annotated[
    str | None, typer.Option(help="Backend that writes the briefings (default: embedded).")
]
Cases = Annotated[
    Path | None,
    typer.Argument(help="Folder of eval cases (default: the cases shipped with briefing)."),
]
OnlyCases = Annotated[list[str] | None, typer.Option(help="Only this case, repeatable.")]
JudgeBackend = Annotated[
    str | None, typer.Option(help="Judge backend (default: the one that made the briefing).")
]
JudgeModel = Annotated[
    str | None, typer.Option(help="Judge model; a .gguf path for the embedded backend.")
]
Votes = Annotated[int, typer.Option("--judge-votes", min=1, help="Majority of N judgements.")]
JudgePrompts = Annotated[
    Path | None,
    typer.Option(help="Folder of judge prompt overrides (judge*.j2) to measure a judge prompt."),
]
NoJudge = Annotated[bool, typer.Option("--no-judge", help="Code checks only, no LLM.")]
ReportJson = Annotated[Path | None, typer.Option("--report-json", help="Write the JSON report.")]
Junit = Annotated[Path | None, typer.Option("--junit", help="Write a JUnit XML report.")]
