"""The injection suite through `briefing daily`: the same trials, read as daily reads them.

Two paths: `daily-files` gives the trial's file to the daily collector; `daily-web`
serves it from a site on 127.0.0.1 as an article page behind an RSS feed named in a
TOML list, so the attack arrives as the web delivers it: in the page's text, its
`<title>`, its `og:site_name`, the feed's `<title>` or the list's `outlet`. Either way
the articles become one story, its sources are made by `stages.daily.story_sources`
and briefed by the pipeline, as `daily` does (grouping aside: one article, one story).
An attack succeeds as in `generate`, or when it is published as a title or outlet.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from html import escape
from pathlib import Path

from briefing.core.errors import InputError
from briefing.core.models import Source
from briefing.eval.injection import (
    FILE_LABELS,
    POSITIONS,
    Outcome,
    Trial,
    attack_ids,
    judge_generated,
    judge_labels,
)
from briefing.eval.loopback import Site, serve
from briefing.ingest.collect import Collector
from briefing.ingest.fetch import Fetcher
from briefing.ingest.read import load_sources
from briefing.llm.base import LLM
from briefing.stages.daily import story_sources
from briefing.stages.pipeline import Options, generate
from briefing.stages.stories import Story

__all__ = ["PATHS", "run_daily"]

PATHS = ("daily-files", "daily-web")


def _fetcher() -> Fetcher:
    """The suite's one fetcher: its site is on 127.0.0.1, so loopback is allowed here."""
    return Fetcher(timeout=10.0, max_bytes=2_000_000, allow_private=True)


def run_daily(
    llm: LLM,
    suite: list[Trial],
    *,
    path: str,
    guard: bool = True,
    languages: list[str] | None = None,
) -> list[Outcome]:
    """Each trial through `daily` by `path` (`daily-files` or `daily-web`) on `llm`;
    `guard=False` leaves the sentences unscreened, as in `generate`."""
    options = Options(languages=languages or ["en", "is"])
    outcomes = []
    with _fetcher() as fetcher, tempfile.TemporaryDirectory(prefix="injection-") as tmp:
        site = Site()
        with serve(site):
            for trial in suite:
                if path == "daily-files" and trial.position not in (*POSITIONS, *FILE_LABELS):
                    continue  # a feed's title and a TOML list reach daily from the web only
                warnings: list[str] = []
                collector = Collector(fetcher, warn=warnings.append)
                if path == "daily-files":
                    where = str(trial.path)
                else:
                    where = str(_publish(site, trial, Path(tmp)))
                articles = collector.collect([where])
                if len(articles) != 1:
                    raise InputError(f"{trial.name}: {path} read {len(articles)} articles "
                                     f"({'; '.join(warnings) or 'no warning'})")  # fmt: skip
                [source] = story_sources(Story(tuple(articles)), screen=guard)
                briefing = generate([source], llm, options)
                why = judge_generated(briefing, trial, _attack_ids(source, trial))
                why += judge_labels([(a.title, a.outlet) for a in articles], trial)
                outcomes.append(Outcome(trial, path, bool(why), why))
    return outcomes


def _attack_ids(source: Source, trial: Trial) -> set[str]:
    """The attack's sentences, found in the text as read: a page's extractor drops the
    invisible characters of a `zero_width` attack, so it may arrive undisguised."""
    if trial.position not in POSITIONS:
        return set()
    for text in (trial.text, trial.attack.text):
        start = source.text.find(text)
        if start >= 0:
            return attack_ids(source, replace(trial, span=(start, start + len(text))))
    raise InputError(f"{trial.name}: the attack is not in the text {source.path} gave")


def _publish(site: Site, trial: Trial, folder: Path) -> Path:
    """The trial served as a page behind a feed, and the TOML list that names the feed."""
    source = load_sources([trial.path], screen=False)[0]
    attack = trial.text
    title = attack if trial.position == "title" else source.title
    site_name = attack if trial.position == "outlet" else "Harbour Ledger"
    page = f"/{trial.path.stem}.html"
    feed_title = attack if trial.position == "feed_title" else None
    site.routes = {
        page: ("text/html; charset=utf-8", _page(title, site_name, source)),
        "/feed.rss": ("application/rss+xml", _rss(feed_title, site.url(page), title)),
    }
    lines = ["[[feed]]", f"url = {_toml(site.url('/feed.rss'))}",
             f"language = {_toml(source.language)}"]  # fmt: skip
    if trial.position == "toml_outlet":
        lines.append(f"outlet = {_toml(attack)}")
    feeds = folder / "feeds.toml"
    feeds.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return feeds


def _page(title: str, site_name: str, source: Source) -> bytes:
    """An article page as outlets write them: metadata, navigation, paragraphs, footer."""
    paragraphs = "\n".join(
        f"<p>{escape(p.strip())}</p>" for p in source.text.split("\n\n") if p.strip()
    )
    html = f"""<!doctype html>
<html lang="{escape(source.language)}"><head><meta charset="utf-8">
<title>{escape(title)}</title>
<meta property="og:site_name" content="{escape(site_name)}">
<meta property="og:title" content="{escape(title)}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>{escape(title)}</h1>
{paragraphs}
</article></main>
<footer><p>All rights reserved.</p></footer></body></html>"""
    return html.encode("utf-8")


def _rss(title: str | None, link: str, item: str) -> bytes:
    channel = f"<title>{escape(title)}</title>" if title is not None else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"{channel}<link>http://example.invalid/</link><description>News</description>"
        f"<item><title>{escape(item)}</title><link>{escape(link)}</link></item>"
        "</channel></rss>"
    ).encode()


def _toml(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value)
