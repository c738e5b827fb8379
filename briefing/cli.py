"""The `briefing` command line: generate a briefing, evaluate one, manage prompts."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from briefing.errors import BriefingError, InputError

app = typer.Typer(
    help="Cited, bilingual news briefings that say only what their sources say.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Cited, bilingual news briefings that say only what their sources say."""


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn a BriefingError into one line on stderr and its exit status.

    With BRIEFING_DEBUG set the exception propagates, traceback and all.
    """
    try:
        yield
    except BriefingError as err:
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(err.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(130) from None


Paths = Annotated[list[Path], typer.Argument(help="Article files (.txt, .md) or folders of them.")]
Output = Annotated[Path | None, typer.Option("-o", "--output", help="Markdown file (default: stdout).")]
JsonOut = Annotated[Path | None, typer.Option("--json", help="Also write the briefing as JSON here.")]
Langs = Annotated[list[str], typer.Option("--lang", "-l", help="Output language, repeatable.")]
Backend = Annotated[str, typer.Option(help="LLM backend: embedded or openai.")]
ModelFile = Annotated[Path | None, typer.Option(help="Run this GGUF instead of the embedded default.")]
ChunkTokens = Annotated[int, typer.Option(min=50, help="Chunk size in tokens.")]
Overlap = Annotated[int, typer.Option(min=0, help="Tokens of overlap between chunks.")]
PromptsDir = Annotated[Path | None, typer.Option("--prompts", help="Folder of prompt overrides.")]
Layout = Annotated[str, typer.Option(help="Markdown layout: stacked or paired.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]


@app.command()
def generate(
    paths: Paths,
    output: Output = None,
    json_path: JsonOut = None,
    lang: Langs = ["en", "is"],  # noqa: B006 - Typer reads the default
    backend: Backend = "embedded",
    model_file: ModelFile = None,
    chunk_tokens: ChunkTokens = 900,
    overlap_tokens: Overlap = 0,
    prompts_dir: PromptsDir = None,
    layout: Layout = "stacked",
    quiet: Quiet = False,
) -> None:
    """Write a cited briefing of ARTICLES in the --lang languages."""
    from briefing.ingest import load_sources
    from briefing.llm import get_llm
    from briefing.output import check_writable, write_atomic
    from briefing.pipeline import Meter, Options, generate as run_pipeline
    from briefing.progress import reporter
    from briefing.prompts import PromptSet
    from briefing.render import render_json, render_markdown

    started = time.perf_counter()
    with friendly_errors():
        for target in (output, json_path):
            if target is not None:
                check_writable(target)
        if overlap_tokens >= chunk_tokens:
            raise InputError("--overlap-tokens must be smaller than --chunk-tokens")
        languages = list(dict.fromkeys(code.lower() for code in lang))
        prompts = PromptSet(prompts_dir)
        if layout not in prompts.layouts():
            raise InputError(f"unknown layout {layout!r} (choose from {', '.join(prompts.layouts())})")
        sources = load_sources(paths)
        llm = get_llm(backend, model_file=model_file)
        meter = Meter()
        options = Options(
            languages=languages,
            chunk_tokens=chunk_tokens,
            overlap_tokens=overlap_tokens,
            prompts=prompts,
        )
        briefing = run_pipeline(sources, llm, options, reporter(not quiet), meter)
        markdown = render_markdown(briefing, prompts, layout)
        if json_path is not None:
            write_atomic(json_path, render_json(briefing))
        if output is not None:
            write_atomic(output, markdown)
        else:
            sys.stdout.write(markdown)
        total = meter.total()
        typer.echo(
            f"done in {time.perf_counter() - started:.1f} s · {total.calls} LLM calls · "
            f"{total.prompt_tokens} prompt tokens · {total.completion_tokens} generated tokens",
            err=True,
        )


def main() -> None:
    app()


def _mount_subcommands() -> None:
    from briefing.eval.cli import eval_app

    app.add_typer(eval_app, name="eval", help="Check briefings against their sources.")


_mount_subcommands()
