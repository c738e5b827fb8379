"""The `briefing` command line: generate a briefing, evaluate one, manage prompts."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefing.errors import BriefingError, InputError

if TYPE_CHECKING:
    from briefing.config import Settings
    from briefing.llm import LLM

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
Output = Annotated[
    Path | None, typer.Option("-o", "--output", help="Markdown file (default: stdout).")
]
JsonOut = Annotated[
    Path | None, typer.Option("--json", help="Also write the briefing as JSON here.")
]
Langs = Annotated[list[str], typer.Option("--lang", "-l", help="Output language, repeatable.")]
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


def backend_for(settings: Settings) -> LLM:
    """The configured backend, behind the answer cache unless it is off (or the fake
    backend, whose scripted answers must never be replayed into another run)."""
    from briefing.llm import get_llm
    from briefing.llm.cache import CachedLLM

    llm = get_llm(settings.backend, settings.model, **settings.backend_options())
    if settings.cache and llm.name != "fake":
        return CachedLLM(llm, settings.answer_cache)
    return llm


@app.command()
def generate(
    paths: Paths,
    output: Output = None,
    json_path: JsonOut = None,
    lang: Langs = ["en", "is"],  # noqa: B006 - Typer reads the default
    backend: Backend = None,
    base_url: BaseUrl = None,
    model: ModelName = None,
    structured: Structured = None,
    concurrency: Concurrency = None,
    timeout: Timeout = None,
    no_cache: NoCache = False,
    model_file: ModelFile = None,
    chunk_tokens: ChunkTokens = 900,
    overlap_tokens: Overlap = 0,
    prompts_dir: PromptsDir = None,
    layout: Layout = None,
    quiet: Quiet = False,
) -> None:
    """Write a cited briefing of ARTICLES in the --lang languages."""
    from briefing.config import resolve
    from briefing.ingest import load_sources
    from briefing.llm.cache import CachedLLM
    from briefing.output import check_writable, write_atomic
    from briefing.pipeline import Meter, Options
    from briefing.pipeline import generate as run_pipeline
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
        settings = resolve(
            {
                "prompts": prompts_dir,
                "layout": layout,
                "backend": backend,
                "base_url": base_url,
                "model": model,
                "structured": structured,
                "concurrency": concurrency,
                "timeout": timeout,
                "model_file": model_file,
                "cache": False if no_cache else None,
            }
        )
        prompts = PromptSet(settings.prompts)
        if settings.layout not in prompts.layouts():
            raise InputError(
                f"unknown layout {settings.layout!r} (choose from {', '.join(prompts.layouts())})"
            )
        sources = load_sources(paths)
        llm = backend_for(settings)
        meter = Meter()
        options = Options(
            languages=languages,
            chunk_tokens=chunk_tokens,
            overlap_tokens=overlap_tokens,
            concurrency=settings.concurrency,
            prompts=prompts,
        )
        briefing = run_pipeline(sources, llm, options, reporter(not quiet), meter)
        if briefing.run is not None:
            for usage in briefing.run.usage.values():
                usage.cost = settings.price(usage)
        markdown = render_markdown(briefing, prompts, settings.layout)
        if json_path is not None:
            write_atomic(json_path, render_json(briefing))
        if output is not None:
            write_atomic(output, markdown)
        else:
            sys.stdout.write(markdown)
        total = briefing.run.usage["total"] if briefing.run else meter.total()
        cached = f" · {llm.hits} cached answers" if isinstance(llm, CachedLLM) else ""
        cost = f" · cost {total.cost:.4f}" if total.cost is not None else ""
        typer.echo(
            f"done in {time.perf_counter() - started:.1f} s · {total.calls} LLM calls · "
            f"{total.prompt_tokens} prompt tokens · {total.completion_tokens} generated tokens"
            f"{cached}{cost}",
            err=True,
        )


@app.command()
def doctor() -> None:
    """Check this machine: versions, engine build, CPU, model, tools, one decode."""
    from briefing.doctor import run_checks

    status = run_checks(typer.echo)
    if status:
        raise typer.Exit(status)


def main() -> None:
    app()


def _mount_subcommands() -> None:
    from briefing.cache_cli import cache_app
    from briefing.eval.cli import eval_app
    from briefing.prompts_cli import prompts_app

    app.add_typer(eval_app, name="eval", help="Check briefings against their sources.")
    app.add_typer(cache_app, name="cache", help="Inspect or clear the cache of LLM answers.")
    app.add_typer(prompts_app, name="prompts")


_mount_subcommands()
