"""RSS and Atom feeds with feedparser, and the TOML file that lists a user's feeds.

A feed gives links and publication dates; the articles themselves are fetched as pages.
The TOML list names each feed's outlet and language when the feed itself does not:

    [[feed]]
    url = "https://example.com/rss"
    outlet = "Example News"
    language = "en"
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from briefing.core.errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["FeedEntry", "FeedSpec", "load_feed_list", "parse_feed"]


@dataclass(frozen=True)
class FeedSpec:
    """One feed of a TOML list: where it is, and what the user knows about it."""

    url: str
    outlet: str | None = None
    language: str | None = None


_KEYS = frozenset({"url", "outlet", "language"})


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: its link, title and publication date (YYYY-MM-DD) if given."""

    link: str
    title: str
    date: str | None


def parse_feed(data: bytes, url: str) -> tuple[str | None, list[FeedEntry]]:
    """(feed title, entries with a link); an `InputError` for a feed that does not parse."""
    import feedparser  # 0.05 s to import: paid only by runs that read feeds

    parsed = feedparser.parse(data)
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise InputError(f"{url}: malformed feed ({reason})")
    if not parsed.get("version") and not parsed.entries:
        raise InputError(f"{url}: not an RSS or Atom feed")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        date = time.strftime("%Y-%m-%d", stamp) if stamp else None
        entries.append(FeedEntry(link=link, title=entry.get("title", ""), date=date))
    return parsed.feed.get("title"), entries


def load_feed_list(path: Path) -> tuple[list[FeedSpec], list[str]]:
    """The `[[feed]]` tables of a TOML file, and one line per table that is skipped.

    A table without a string `url` on http(s), with an `outlet` or `language` that is not
    a string, or with a key this list does not know is skipped: one bad entry costs that
    feed, not the list.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read {path}: {err}") from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{path}: malformed TOML ({err})") from None
    except RecursionError:
        raise InputError(f"{path}: malformed TOML (nested too deeply)") from None
    feeds = data.get("feed", [])
    if not isinstance(feeds, list) or not feeds:
        raise InputError(f"{path}: no [[feed]] tables")
    specs, skipped = [], []
    for n, feed in enumerate(feeds, 1):
        problem = _problem(feed)
        if problem is None:
            specs.append(FeedSpec(feed["url"], feed.get("outlet"), feed.get("language")))
        else:
            skipped.append(f"{path}: feed {n} skipped: {problem}")
    return specs, skipped


def _problem(feed: object) -> str | None:
    """What is wrong with one `[[feed]]` table, None if nothing."""
    if not isinstance(feed, dict):
        return "not a table"
    unknown = sorted(set(feed) - _KEYS)
    if unknown:
        return f"unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})"
    url = feed.get("url")
    if not isinstance(url, str):
        return "no url" if url is None else "url is not a string"
    if not url.startswith(("http://", "https://")):
        return "url does not start with http:// or https://"
    for key in ("outlet", "language"):
        if key in feed and not isinstance(feed[key], str):
            return f"{key} is not a string"
    return None
