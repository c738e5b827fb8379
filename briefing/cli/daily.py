"""`briefing daily`: feeds, pages and folders in; stories grouped across languages; one
cited briefing per story and a front page out, redoing only the stories that changed.

Fetched originals are archived under DIR/sources/<date>/, so the same run can be
repeated offline: `briefing daily DIR/sources/<date>/ -o DIR --date <date>`.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from briefing.cli.options import (
    Backend,
    BaseUrl,
    Concurrency,
    Langs,
    Layout,
    MaxArticles,
    ModelFile,
    ModelName,
    NoCache,
    PromptsDir,
    Quiet,
    Structured,
    Timeout,
)
from briefing.core.errors import BriefingError, InputError

if TYPE_CHECKING:
    from rich.progress import Progress

    from briefing.core.config import Settings
    from briefing.core.meter import Meter
    from briefing.ingest.collect import Limits
    from briefing.ingest.fetch import Fetcher
    from briefing.llm.base import LLM
    from briefing.prompts import PromptSet
    from briefing.stages.daily import FrontPage, FrontStory
    from briefing.stages.stories import Story

Sources = Annotated[
    list[str],
    typer.Argument(help="Article folders or files, article or feed URLs, TOML lists of feeds."),
]
OutDir = Annotated[
    Path | None,
    typer.Option("-o", "--output", help="Folder for briefings, site, feeds and archive [daily]."),
]
Plan = Annotated[bool, typer.Option("--plan", help="Print the stories; no LLM call.")]
PlanJson = Annotated[Path | None, typer.Option("--json", help="With --plan: the plan as JSON.")]
Date = Annotated[str | None, typer.Option(help="Only articles published on this day (ISO).")]
Since = Annotated[str | None, typer.Option(help="Only articles published on or after this day.")]
MaxBytes = Annotated[int, typer.Option(min=1, help="Largest page or feed fetched, in bytes.")]
FetchTimeout = Annotated[
    float | None,
    typer.Option(min=0.1, help="Seconds one page or feed may take in all (default 20)."),
]
MaxFeedItems = Annotated[
    int | None, typer.Option(min=1, help="Items read from one feed (default 50).")
]
MaxTotalBytes = Annotated[
    int | None, typer.Option(min=1, help="Bytes fetched in one run (default 50000000).")
]
AllowPrivate = Annotated[
    bool,
    typer.Option("--allow-private", help="Also fetch private, loopback and link-local addresses."),
]


class _FetchBar:
    """The fetching bar: its total grows as feeds reveal their items."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self._task = progress.add_task("fetch", total=0) if progress is not None else None

    def add(self, n: int) -> None:
        if self._progress is not None and self._task is not None:
            total = self._progress.tasks[self._task].total or 0
            self._progress.update(self._task, total=total + n)

    def advance(self) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task)


def daily(
    sources: Sources,
    output: OutDir = None,
    plan: Plan = False,
    plan_json: PlanJson = None,
    date: Date = None,
    since: Since = None,
    lang: Langs = None,
    concurrency: Concurrency = None,
    backend: Backend = None,
    base_url: BaseUrl = None,
    model: ModelName = None,
    structured: Structured = None,
    timeout: Timeout = None,
    no_cache: NoCache = False,
    model_file: ModelFile = None,
    prompts_dir: PromptsDir = None,
    layout: Layout = None,
    max_bytes: MaxBytes = 2_000_000,
    fetch_timeout: FetchTimeout = None,
    max_feed_items: MaxFeedItems = None,
    max_articles: MaxArticles = None,
    max_total_bytes: MaxTotalBytes = None,
    allow_private: AllowPrivate = False,
    quiet: Quiet = False,
) -> None:
    """Group the day's articles into stories and write a briefing per story and a front page."""
    from briefing.core.config import resolve
    from briefing.ingest.archive import Archive
    from briefing.ingest.collect import Collector, DateWindow
    from briefing.stages.stories import group_stories

    started = time.perf_counter()
    fetcher, limits = _fetching(
        max_bytes, fetch_timeout=fetch_timeout, max_feed_items=max_feed_items,
        max_articles=max_articles, max_total_bytes=max_total_bytes,
        allow_private=allow_private or None,
    )  # fmt: skip
    day = _iso(date, "--date") or _iso(since, "--since") or dt.date.today().isoformat()
    languages = list(resolve({"lang": lang or None}).lang)  # checked, as in `generate`
    output = output or (None if plan else Path("daily"))
    archive = Archive(output / "sources" / day) if output is not None else None
    progress = _progress(not quiet and not plan and sys.stderr.isatty())
    warn = _warner(progress)
    if progress is not None:
        progress.start()
    try:
        with fetcher:
            collector = Collector(
                fetcher, DateWindow(_iso(date, "--date"), _iso(since, "--since")), archive, warn,
                _FetchBar(progress), limits,
            )  # fmt: skip
            articles = collector.collect(sources)
        if not articles:
            raise InputError("no articles to brief (see the warnings above)")
        stories = group_stories(articles, _embedder(output))
        if plan:
            _print_plan(stories, plan_json)
            return
        assert output is not None  # set above when not planning
        from briefing.render.publish import publish  # the site's templates: not for a plan

        flags = dict(
            prompts=prompts_dir, layout=layout, backend=backend, base_url=base_url, model=model,
            structured=structured, concurrency=concurrency, timeout=timeout,
            model_file=model_file, cache=False if no_cache else None,
        )  # fmt: skip
        page, meters = _brief(stories, output / day, day, languages, flags, progress, warn)
        publish(output, day)  # the HTML pages, the mail and the feeds beside the Markdown
    finally:
        if progress is not None:
            progress.stop()
    _report(page, len(articles), meters, time.perf_counter() - started)


def _fetching(max_bytes: int, **flags: Any) -> tuple[Fetcher, Limits]:
    """The fetcher and the collector's limits, from flags, environment and config file."""
    from briefing.core.config import resolve
    from briefing.ingest.collect import Limits
    from briefing.ingest.fetch import Fetcher
    from briefing.ingest.read import MAX_ARTICLES

    settings = resolve(flags)
    fetcher = Fetcher(
        timeout=settings.fetch_timeout, max_bytes=max_bytes,
        total_bytes=settings.max_total_bytes, allow_private=settings.allow_private,
    )  # fmt: skip
    return fetcher, Limits(settings.max_articles or MAX_ARTICLES, settings.max_feed_items)


def _progress(shown: bool) -> Any:
    """One bar for fetching and one per story, on a terminal only."""
    if not shown:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return Progress(
        TextColumn("{task.description:<32}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
    )


def _warner(progress: Any) -> Callable[[str], None]:
    def warn(line: str) -> None:
        if progress is not None:
            progress.console.print(f"warning: {line}", markup=False, highlight=False)
        else:
            typer.echo(f"warning: {line}", err=True)

    return warn


def _report(page: Any, articles: int, meters: list[Meter], seconds: float) -> None:
    """The last line: stories, articles, LLM calls made now and answers served from the
    cache, the tokens the content cost, time; exit 1 if any story failed."""
    failed = [s for s in page.stories if s.status == "failed"]
    calls = sum(m.fresh_calls for m in meters)
    cached = sum(m.cache_hits for m in meters)
    tokens = sum(m.total().prompt_tokens + m.total().completion_tokens for m in meters)
    typer.echo(
        f"{len(page.stories)} stories ({len(failed)} failed) · {articles} articles · "
        f"{calls} LLM calls · {cached} cached answers · {tokens} tokens · {seconds:.1f} s",
        err=True,
    )
    if failed:
        raise typer.Exit(1)


def _embedder(output: Path | None) -> Any:
    """The default embedder, its vectors remembered under DIR so a re-run embeds nothing."""
    from briefing.lang.embed import default_embedder
    from briefing.lang.embed_cache import CachedEmbedder

    embedder = default_embedder()
    return embedder if output is None else CachedEmbedder(embedder, output / ".embeddings.json")


def _iso(value: str | None, flag: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"{flag} must be a date like 2026-11-24, not {value!r}") from None


def _print_plan(stories: list[Story], plan_json: Path | None) -> None:
    """The grouping on stdout, and as JSON when asked: no model is loaded."""
    from briefing.core.files import write_atomic

    for n, story in enumerate(stories, 1):
        typer.echo(
            f"story {n}: {len(story.articles)} articles · {len(story.outlets)} outlets · "
            f"{', '.join(story.languages)}"
        )
        for article in story.articles:
            typer.echo(f"  [{article.language}] {article.title} <{article.source}>")
    if plan_json is not None:
        plan = {
            "stories": [
                {
                    "articles": [
                        {"source": a.source, "title": a.title, "language": a.language}
                        for a in story.articles
                    ]
                }
                for story in stories
            ]
        }
        write_atomic(plan_json, json.dumps(plan, ensure_ascii=False, indent=2) + "\n")


def _previous(folder: Path) -> FrontPage | None:
    from pydantic import ValidationError

    from briefing.stages.daily import FrontPage

    path = folder / "frontpage.json"
    try:
        return FrontPage.model_validate_json(path.read_bytes())
    except (OSError, ValidationError):
        return None


def _brief(
    stories: list[Story],
    folder: Path,
    day: str,
    languages: list[str],
    flags: dict[str, Any],
    progress: Progress | None,
    warn: Any,
) -> tuple[FrontPage, list[Meter]]:
    """`_brief_unlocked` holding the folder's lock: runs into one folder take turns, so
    the second reads the first's front page and loses none of its stories."""
    from briefing.core.lock import folder_lock

    with folder_lock(folder, notice=warn):
        return _brief_unlocked(stories, folder, day, languages, flags, progress, warn)


def _brief_unlocked(
    stories: list[Story],
    folder: Path,
    day: str,
    languages: list[str],
    flags: dict[str, Any],
    progress: Progress | None,
    warn: Any,
) -> tuple[FrontPage, list[Meter]]:
    """Brief every story whose article set changed; keep the rest as they are."""
    from briefing.core.files import write_atomic
    from briefing.llm.registry import build_llm
    from briefing.render.frontpage import render_front_json, render_front_markdown
    from briefing.stages.daily import FrontPage, assign_slugs

    previous = _previous(folder)
    old = {s.slug: s for s in previous.stories} if previous else {}
    same_langs = previous is not None and previous.languages == languages
    slugs = assign_slugs(stories, previous.stories if previous else [])
    kept: dict[int, FrontStory] = {}
    todo: list[int] = []
    for i, (story, slug) in enumerate(zip(stories, slugs, strict=True)):
        prev = old.get(slug)
        if (
            same_langs
            and prev is not None
            and prev.key == story.key
            and prev.status == "ok"
            and (folder / f"{slug}.md").is_file()
            and (folder / f"{slug}.json").is_file()
        ):
            kept[i] = prev
        else:
            todo.append(i)
    meters: list[Meter] = []
    settings, prompts = _settings(flags)
    if todo:
        llm = build_llm(settings)
        workers = max(1, min(settings.concurrency, llm.max_concurrency, len(todo)))

        def run(i: int) -> tuple[FrontStory, Meter]:
            return _one(stories[i], slugs[i], folder, languages, settings, prompts, llm, progress)

        if workers == 1:
            results = [run(i) for i in todo]
        else:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                results = list(pool.map(run, todo))
        for i, (front, meter) in zip(todo, results, strict=True):
            kept[i] = front
            meters.append(meter)
            if front.status == "failed":
                warn(f"story {front.slug} failed: {front.error}")
    page = FrontPage(date=day, languages=languages, stories=[kept[i] for i in range(len(stories))])
    write_atomic(folder / "frontpage.md", render_front_markdown(page, prompts), parents=True)
    write_atomic(folder / "frontpage.json", render_front_json(page), parents=True)
    return page, meters


def _one(
    story: Story,
    slug: str,
    folder: Path,
    languages: list[str],
    settings: Settings,
    prompts: PromptSet,
    llm: LLM,
    progress: Progress | None,
) -> tuple[FrontStory, Meter]:
    """One story through the `generate` pipeline; a BriefingError fails only this story."""
    from briefing.core.files import write_atomic
    from briefing.render.markdown import render_json, render_markdown
    from briefing.stages.daily import (
        FrontArticle,
        FrontStory,
        StoryBar,
        headlines,
        story_sources,
        with_suspects,
    )
    from briefing.stages.pipeline import Meter, Options, work_limits
    from briefing.stages.pipeline import generate as run_pipeline

    meter = Meter()
    bar = StoryBar(progress, slug)
    front = FrontStory(
        slug=slug,
        key=story.key,
        headline=headlines(story, languages, None),
        outlets=story.outlets,
        languages=story.languages,
        articles=[
            FrontArticle(
                source=a.source, title=a.title, language=a.language, outlet=a.outlet, key=a.key
            )
            for a in story.articles
        ],
    )
    options = Options(
        languages=languages,
        concurrency=settings.concurrency,
        prompts=prompts,
        **work_limits(settings),
    )
    try:
        sources = story_sources(story)
        front = with_suspects(front, sources)
        briefing = run_pipeline(sources, llm, options, bar, meter)
        if briefing.run is not None:
            for usage in briefing.run.usage.values():
                usage.cost = settings.price(usage)
        write_atomic(folder / f"{slug}.json", render_json(briefing), parents=True)
        write_atomic(
            folder / f"{slug}.md", render_markdown(briefing, prompts, settings.layout), parents=True
        )
    except BriefingError as err:
        bar.finish("failed")
        return front.model_copy(update={"status": "failed", "error": str(err)}), meter
    bar.finish("done")
    update = {
        "headline": headlines(story, languages, briefing),
        "briefing": f"{slug}.md",
        "briefing_json": f"{slug}.json",
    }
    return front.model_copy(update=update), meter


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
