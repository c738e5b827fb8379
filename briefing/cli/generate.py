"""`briefing generate`: articles in, a cited briefing out (Markdown, and JSON on request)."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from briefing.cli.options import (
    Backend,
    BaseUrl,
    ChunkTokens,
    Concurrency,
    JsonOut,
    Langs,
    Layout,
    MaxArticleBytes,
    MaxArticles,
    MaxArticleSentences,
    MaxSentences,
    ModelFile,
    ModelName,
    NoCache,
    NoCheck,
    NoLog,
    Output,
    Overlap,
    Paths,
    PromptsDir,
    Quiet,
    StatsOut,
    Structured,
    Timeout,
    Verbose,
    WriteIcelandic,
    verbose,
)
from briefing.core.errors import InputError

if TYPE_CHECKING:
    from briefing.core.config import Settings
    from briefing.core.meter import Meter
    from briefing.core.models import Briefing, Source
    from briefing.llm.base import LLM
    from briefing.prompts import PromptSet
    from briefing.stages.run_memo import RunMemo


def generate(
    paths: Paths,
    output: Output = None,
    json_path: JsonOut = None,
    lang: Langs = None,
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
    stats: StatsOut = None,
    no_check: NoCheck = False,
    write_icelandic: WriteIcelandic = False,
    max_articles: MaxArticles = None,
    max_article_bytes: MaxArticleBytes = None,
    max_sentences: MaxSentences = None,
    max_article_sentences: MaxArticleSentences = None,
    verbose_: Verbose = False,
    no_log: NoLog = False,
) -> None:
    """Write a cited briefing of ARTICLES in the --lang languages."""
    from briefing.llm.registry import build_llm
    from briefing.stages.pipeline import Meter, Options, work_limits
    from briefing.stages.pipeline import generate as run_pipeline
    from briefing.stages.progress import reporter

    started = time.perf_counter()
    verbose(verbose_)
    _check_targets((output, json_path, stats), chunk_tokens, overlap_tokens)
    flags = dict(
        prompts=prompts_dir,
        layout=layout,
        backend=backend,
        base_url=base_url,
        model=model,
        structured=structured,
        concurrency=concurrency,
        timeout=timeout,
        model_file=model_file,
        cache=False if no_cache else None,
        max_articles=max_articles,
        max_article_bytes=max_article_bytes,
        max_sentences=max_sentences,
        max_article_sentences=max_article_sentences,
        lang=lang or None,
        log=False if no_log else None,
    )
    settings, prompts = _settings(flags)
    meter = Meter()
    with meter.timed("read"):
        sources = _load(paths, settings)
    llm = build_llm(settings)
    options = Options(
        languages=list(settings.lang),
        chunk_tokens=chunk_tokens,
        overlap_tokens=overlap_tokens,
        concurrency=settings.concurrency,
        prompts=prompts,
        check=not no_check,
        write=write_icelandic,
        memo=_run_memo(settings),
        **work_limits(settings),
        log_id=_log_id(llm),
    )
    briefing = run_pipeline(sources, llm, options, reporter(not quiet and not verbose_), meter)
    _finish(briefing, settings, prompts, (output, json_path, stats), meter, started)


def _finish(
    briefing: Briefing,
    settings: Settings,
    prompts: PromptSet,
    targets: tuple[Path | None, Path | None, Path | None],
    meter: Meter,
    started: float,
) -> None:
    """Price the usage, write the files, then one line on stderr."""
    output, json_path, stats = targets
    if briefing.run is not None:
        for usage in briefing.run.usage.values():
            usage.cost = settings.price(usage)
    with meter.timed("render"):
        _write(briefing, prompts, settings.layout, output, json_path, stats)
    cost = briefing.run.usage["total"].cost if briefing.run else None
    _summary(time.perf_counter() - started, meter, stats, cost)


def _log_id(llm: LLM) -> str | None:
    """The call log's run id when calls are logged (`briefing logs --run ID`)."""
    from briefing.llm.calllog import LoggedLLM

    if not isinstance(llm, LoggedLLM):
        return None
    logging.getLogger("briefing").info("call log: run %s in %s", llm.log.run, llm.log.path)
    return llm.log.run


def _run_memo(settings: Settings) -> RunMemo | None:
    """Finished runs beside the answer cache, when answers may be replayed at all: not
    with --no-cache, and not for a backend whose answers belong to one run (the fake)."""
    from briefing.llm.registry import backend
    from briefing.stages.run_memo import RunMemo

    if not (settings.cache and backend(settings.backend).cacheable):
        return None
    return RunMemo(settings.answer_cache)


def _load(paths: list[Path], settings: Settings) -> list[Source]:
    """The articles, within the size and count limits the settings give."""
    from briefing.cli.stdio import with_stdin
    from briefing.ingest.read import MAX_ARTICLE_BYTES, load_sources

    limits = {
        name: value
        for name in ("max_articles", "max_article_bytes")
        if (value := getattr(settings, name)) is not None
    }
    limit = limits.get("max_article_bytes", MAX_ARTICLE_BYTES)
    return with_stdin(paths, limit, lambda files: load_sources(files, **limits))


def _check_targets(
    targets: tuple[Path | None, ...], chunk_tokens: int, overlap_tokens: int
) -> None:
    """Fail before any work: unwritable outputs, two on stdout, or an overlap as long as
    the chunk."""
    from briefing.cli.stdio import STDIO, check_stdout
    from briefing.core.files import check_writable

    check_stdout(*zip(("-o", "--json", "--stats"), targets, strict=True))
    for target in targets:
        if target is not None and target != STDIO:
            check_writable(target)
    if overlap_tokens >= chunk_tokens:
        raise InputError("--overlap-tokens must be smaller than --chunk-tokens")


def _settings(flags: dict[str, Any]) -> tuple[Settings, PromptSet]:
    """The resolved settings and their prompt set, the layout checked before any work."""
    from briefing.core.config import resolve
    from briefing.prompts import PromptSet

    settings = resolve(flags)
    prompts = PromptSet(settings.prompts)
    if settings.layout not in prompts.layouts():
        raise InputError(
            f"unknown layout {settings.layout!r} (choose from {', '.join(prompts.layouts())})"
        )
    return settings, prompts


def _write(
    briefing: Briefing,
    prompts: PromptSet,
    layout: str,
    output: Path | None,
    json_path: Path | None,
    stats: Path | None,
) -> None:
    """The Markdown to `output` (else stdout, unless `--json -` or `--stats -` has it), and
    the JSON if asked; each file whole."""
    from briefing.cli.stdio import STDIO, write_out
    from briefing.render.markdown import render_json, render_markdown

    markdown = render_markdown(briefing, prompts, layout)
    if json_path is not None:
        write_out(json_path, render_json(briefing))
    write_out(output or (None if STDIO in (json_path, stats) else STDIO), markdown)


def _summary(seconds: float, meter: Meter, stats: Path | None, cost: float | None) -> None:
    """What this process did, on stderr (and in `stats` if asked): never in the briefing."""
    import json

    from briefing.cli.stdio import write_out

    total = meter.total()
    figures = {
        "seconds": round(seconds, 3),
        "llm_calls": meter.fresh_calls,
        "cached_answers": meter.cache_hits,
        "engine_seconds": round(meter.engine_seconds, 3),
        "prompt_tokens": total.prompt_tokens,
        "prompt_tokens_evaluated": total.prompt_tokens_evaluated,
        "completion_tokens": total.completion_tokens,
        "stages": {
            name: used.model_dump(exclude={"cost"}) for name, used in meter.report().items()
        },
    }
    if stats is not None:
        write_out(stats, json.dumps(figures, indent=2) + "\n")
    price = f" · cost {cost:.4f}" if cost is not None else ""
    typer.echo(
        f"done in {seconds:.1f} s · {meter.fresh_calls} LLM calls · "
        f"{meter.cache_hits} cached answers · {total.prompt_tokens} prompt tokens "
        f"({total.prompt_tokens_evaluated} evaluated) · "
        f"{total.completion_tokens} generated tokens{price}",
        err=True,
    )
