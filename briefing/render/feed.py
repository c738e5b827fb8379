"""An Atom feed per output language, one entry per story per day.

Ids are tag: URIs made of the day and the story's slug, and links point at the story's
page, so neither changes when a day is re-run; `updated` moves only when the story's
briefing changed (the stamps are kept by `briefing.render.publish`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from briefing.core.models import Briefing
from briefing.render.labels import labels
from briefing.render.site import BriefingView, leads, templates

__all__ = ["FEED_ID", "Entry", "entry_id", "feed_name", "render_feed"]

AUTHORITY = "briefing"
FEED_ID = f"tag:{AUTHORITY},2026:feed"


@dataclass(frozen=True)
class Entry:
    date: str
    slug: str
    headline: dict[str, str]
    briefing: Briefing
    published: dt.datetime
    updated: dt.datetime


def entry_id(date: str, slug: str, lang: str) -> str:
    return f"tag:{AUTHORITY},{date}:{slug}/{lang}"


def feed_name(lang: str) -> str:
    return f"feed.{lang}.xml"


def render_feed(lang: str, entries: list[Entry]) -> str:
    """The feed for `lang`, newest entry first; links are relative to the site's root."""
    feed = FeedGenerator()
    feed.id(f"{FEED_ID}/{lang}")
    feed.title(f"Daily briefing ({labels(lang)['language']})")
    feed.language(lang)
    feed.author({"name": "briefing"})
    feed.link(href=feed_name(lang), rel="self")
    feed.link(href="index.html", rel="alternate")
    ordered = sorted(entries, key=lambda e: (e.updated, e.date, e.slug), reverse=True)
    feed.updated(ordered[0].updated if ordered else dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    content = templates().get_template("entry.html.j2")
    for entry in ordered:
        item = feed.add_entry(order="append")
        item.id(entry_id(entry.date, entry.slug, lang))
        item.title(entry.headline.get(lang) or next(iter(entry.headline.values())))
        item.link(href=f"{entry.date}/{entry.slug}.html", rel="alternate")
        item.published(entry.published)
        item.updated(entry.updated)
        lead = leads(entry.briefing, [lang])[lang]
        if lead:
            item.summary(lead)
        view = BriefingView(entry.briefing)
        html = content.render(b=view, lang=lang, labels={lang: labels(lang)})
        item.content(html, type="html")
    return feed.atom_str(pretty=True).decode("utf-8")
