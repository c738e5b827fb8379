"""Turn the SOURCE arguments of `briefing daily` into the day's distinct articles.

A SOURCE is a folder or file of articles, an article URL, a feed URL, or a TOML list of
feeds. A bad source costs one warning line, never the run, and a feed one line for all
its bad items. `--date`/`--since` select by publication date (undated articles are kept:
nothing says they are old), and the same article reached twice, by URL or by text, counts
once. `Limits` bound what a run reads: items per feed, articles in all; past a limit the
rest is skipped with one line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from briefing.core.errors import InputError
from briefing.ingest.archive import Archive
from briefing.ingest.article import Article
from briefing.ingest.feeds import FeedSpec, load_feed_list, parse_feed
from briefing.ingest.fetch import FEED_TYPES, HTML_TYPES, Fetched, Fetcher, RunLimit
from briefing.ingest.html import extract_page
from briefing.ingest.read import MAX_ARTICLES, SUFFIXES, load_sources
from briefing.ingest.source import screen_labels
from briefing.lang.detect import language_of

__all__ = ["Collector", "DateWindow", "Limits"]


@dataclass(frozen=True)
class Limits:
    """How much one run reads: articles in all, items per feed, pages fetched at once."""

    articles: int = MAX_ARTICLES
    feed_items: int = 50
    workers: int = 4


@dataclass(frozen=True)
class DateWindow:
    """Publication dates wanted: exactly `date`, or from `since` on (ISO strings)."""

    date: str | None = None
    since: str | None = None

    def wants(self, day: str | None) -> bool:
        if day is None:
            return True
        if self.date is not None and day[:10] != self.date:
            return False
        return self.since is None or day[:10] >= self.since

    def describe(self) -> str:
        return self.date or f"since {self.since}"


class _NoProgress:
    def add(self, n: int) -> None: ...

    def advance(self) -> None: ...


class Collector:
    """Reads sources in order; `articles` and `warnings` fill up as it goes."""

    def __init__(
        self,
        fetcher: Fetcher,
        window: DateWindow | None = None,
        archive: Archive | None = None,
        warn: Callable[[str], None] = lambda line: None,
        progress: _NoProgress | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.fetcher, self.archive, self.warn = fetcher, archive, warn
        self.window = window or DateWindow()
        self.limits = limits or Limits()
        self.progress = progress or _NoProgress()
        self.articles: list[Article] = []
        self._urls: set[str] = set()
        self._keys: set[str] = set()

    def collect(self, sources: list[str]) -> list[Article]:
        for source in sources:
            try:
                self._one(source)
            except RunLimit as err:
                self.warn(str(err))
                break
            except InputError as err:
                self.warn(str(err))
        return self.articles

    def _one(self, source: str) -> None:
        if source.startswith(("http://", "https://")):
            self.progress.add(1)
            self._url(source, None)
            return
        path = Path(source)
        if path.suffix.lower() == ".toml" and path.is_file():
            specs, skipped = load_feed_list(path)
            for line in skipped:
                self.warn(line)
            self.progress.add(len(specs))
            for spec in specs:
                try:
                    self._url(spec.url, spec)
                except RunLimit:
                    raise
                except InputError as err:
                    self.warn(str(err))
            return
        self._files(path)

    def _url(self, url: str, spec: FeedSpec | None) -> None:
        """A feed or an article page, told apart by the type the server declares."""
        self._room()
        try:
            fetched = self.fetcher.fetch(url, FEED_TYPES if spec else HTML_TYPES | FEED_TYPES)
        finally:
            self.progress.advance()
        if fetched.is_feed:
            self._keep_original(fetched, ".xml")
            self._feed(fetched, spec or FeedSpec(url))
        else:
            self._page(fetched, spec, None)

    def _feed(self, fetched: Fetched, spec: FeedSpec) -> None:
        title, entries = parse_feed(fetched.body, fetched.url)
        wanted = [e for e in entries if self.window.wants(e.date)]
        if not wanted:
            when = self.window.describe() if self.window.date or self.window.since else "any date"
            raise InputError(f"{fetched.url}: feed has no items for {when}")
        fresh = [e for e in wanted if e.link not in self._urls]
        cap = self.limits.feed_items
        if len(fresh) > cap:
            self.warn(f"{fetched.url}: {len(fresh)} items, only the first {cap} read "
                      "(--max-feed-items)")  # fmt: skip
            fresh = fresh[:cap]
        about = FeedSpec(spec.url, spec.outlet or title, spec.language)
        self.progress.add(len(fresh))
        problems: list[str] = []
        try:
            for entry, page in zip(fresh, self._fetch_pages([e.link for e in fresh]), strict=True):
                try:
                    if isinstance(page, InputError):
                        raise page
                    self._page(page, about, entry.date)
                except RunLimit:
                    raise
                except InputError as err:
                    problems.append(str(err))
        finally:
            if problems:
                more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                self.warn(f"{fetched.url}: {len(problems)} of {len(fresh)} items not read: "
                          f"{problems[0]}{more}")  # fmt: skip

    def _fetch_pages(self, links: list[str]) -> Iterator[Fetched | InputError]:
        """Each link fetched, `Limits.workers` at a time, in the order given; a batch
        starts only while the run has room for articles."""
        workers = self.limits.workers

        def fetch(link: str) -> Fetched | InputError:
            try:
                return self.fetcher.fetch(link, HTML_TYPES)
            except InputError as err:
                return err
            finally:
                self.progress.advance()

        with ThreadPoolExecutor(max_workers=workers) as pool:
            for start in range(0, len(links), workers):
                self._room()
                yield from pool.map(fetch, links[start : start + workers])

    def _page(self, fetched: Fetched, spec: FeedSpec | None, feed_date: str | None) -> None:
        if fetched.url in self._urls or fetched.final_url in self._urls:
            return
        self._urls.update({fetched.url, fetched.final_url})
        page = extract_page(fetched.body, fetched.final_url)
        date = page.date or feed_date
        if not self.window.wants(date):
            raise InputError(f"{fetched.url}: published {date}, outside {self.window.describe()}")
        language = (spec and spec.language) or page.language or language_of(page.text)
        outlet = (spec and spec.outlet) or page.outlet
        labels = screen_labels(page.title, outlet, text=page.text, url=fetched.final_url)
        article = Article(
            source=fetched.url,
            title=labels.title,
            language=language,
            text=page.text,
            outlet=labels.outlet,
            date=date,
            url=fetched.final_url,
            suspects=labels.suspects,
        )
        self._keep_original(fetched, ".html")
        if self._add(article) and self.archive is not None:
            self.archive.article(article)

    def _files(self, path: Path) -> None:
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                raise InputError(f"{path}: directory has no .txt or .md files")
        else:
            files = [path]
        for file in files:
            self._room()
            try:
                (read,) = load_sources([file])
            except InputError as err:
                self.warn(str(err))
                continue
            if not self.window.wants(read.date):
                continue
            self._add(
                Article(
                    source=str(file),
                    title=read.title,
                    language=read.language,
                    text=read.text,
                    outlet=read.outlet,
                    date=read.date[:10] if read.date else None,
                    url=read.url,
                    suspects=tuple(read.suspect_labels),
                )
            )

    def _add(self, article: Article) -> bool:
        """Keep `article` unless its text was already seen; True when kept."""
        if article.key in self._keys:
            return False
        self._room()
        self._keys.add(article.key)
        self.articles.append(article)
        return True

    def _room(self) -> None:
        """A `RunLimit` once the run holds as many articles as it may."""
        if len(self.articles) >= self.limits.articles:
            raise RunLimit(
                f"stopped at {self.limits.articles} articles, the limit per run "
                "(--max-articles); the rest is not read"
            )

    def _keep_original(self, fetched: Fetched, suffix: str) -> None:
        if self.archive is not None:
            self.archive.original(fetched.url, fetched.body, suffix)
