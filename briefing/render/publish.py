"""Write the site for one day of `briefing daily -o DIR`, beside its Markdown and JSON.

Where things go, so no file can take a story's name (a slug is only `a-z0-9-`):
    DIR/index.html          the newest day's front page
    DIR/<date>.html         each day's front page
    DIR/<date>.mail.html    the day as one self-contained HTML mail
    DIR/<date>/<slug>.html  a story's page, beside its .md and .json
    DIR/archive.html, DIR/feed.<lang>.xml, DIR/style.css
    DIR/<date>/.site.json   when each story's briefing was first and last published

A file is rewritten only when its bytes change, so a re-run that changes one story
touches that story's page, the day's pages and the feeds, and nothing else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

from pydantic import ValidationError

from briefing.core.files import write_atomic
from briefing.core.models import Briefing
from briefing.render.feed import Entry, feed_name, render_feed
from briefing.render.mail import render_mail
from briefing.render.site import render_archive, render_day, render_story, stylesheet
from briefing.stages.daily import FrontPage

__all__ = ["FEED_DAYS", "STAMPS", "publish"]

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
FEED_DAYS = 14  # the feeds carry the stories of the newest days only
STAMPS = ".site.json"


def publish(root: Path, day: str, now: dt.datetime | None = None) -> list[str]:
    """Render and write the site after `day`'s run; returns the files (relative to
    `root`) whose content changed."""
    now = now or dt.datetime.now(dt.timezone.utc)
    pages = _days(root)
    page = pages[day]
    briefings, digests = _briefings(root, page)
    stamps = _stamp(root / day, briefings, digests, now)
    files = {f"{day}/{s}.html": render_story(page, story, briefings[s])
             for story in page.stories if (s := story.slug) in briefings}  # fmt: skip
    files[f"{day}.html"] = render_day(page, briefings)
    files[f"{day}.mail.html"] = render_mail(page, briefings)
    files[f"{day}/{STAMPS}"] = json.dumps(stamps, indent=2, sort_keys=True) + "\n"
    files["style.css"] = stylesheet()
    newest = max(pages)
    newest_briefings = briefings if newest == day else _briefings(root, pages[newest])[0]
    files["index.html"] = render_day(pages[newest], newest_briefings)
    published = [p for d, p in pages.items() if d == day or (root / f"{d}.html").is_file()]
    files["archive.html"] = render_archive(published)
    entries = _entries(root, pages, {day: (briefings, stamps)})
    for lang in pages[newest].languages:
        files[feed_name(lang)] = render_feed(lang, [e for e in entries if lang in e.headline])
    changed = []
    for name, text in files.items():
        path = root / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text, parents=True)
            changed.append(name)
    return changed


def _days(root: Path) -> dict[str, FrontPage]:
    """Every day folder under `root` with a readable front page."""
    pages = {}
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and DAY.fullmatch(folder.name):
            try:
                pages[folder.name] = FrontPage.model_validate_json(
                    (folder / "frontpage.json").read_bytes()
                )
            except (OSError, ValidationError):
                continue
    return pages


def _briefings(root: Path, page: FrontPage) -> tuple[dict[str, Briefing], dict[str, str]]:
    """The day's written briefings by slug, and the hash of each one's JSON."""
    found, digests = {}, {}
    for story in page.stories:
        if story.status != "ok" or story.briefing_json is None:
            continue
        try:
            data = (root / page.date / story.briefing_json).read_bytes()
            found[story.slug] = Briefing.model_validate_json(data)
        except (OSError, ValidationError):
            continue
        digests[story.slug] = hashlib.sha256(data).hexdigest()
    return found, digests


def _stamp(
    folder: Path, briefings: dict[str, Briefing], digests: dict[str, str], now: dt.datetime
) -> dict[str, dict[str, str]]:
    """Slug -> the briefing's hash and when it was first and last published: `updated`
    moves only when the briefing changed."""
    old = _read_stamps(folder)
    stamps = {}
    for slug in briefings:
        before = old.get(slug, {})
        if before.get("sha256") == digests[slug]:
            stamps[slug] = before
        else:
            stamp = now.isoformat()
            stamps[slug] = {"sha256": digests[slug], "published": before.get("published", stamp),
                            "updated": stamp}  # fmt: skip
    return stamps


def _read_stamps(folder: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((folder / STAMPS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _entries(
    root: Path,
    pages: dict[str, FrontPage],
    known: dict[str, tuple[dict[str, Briefing], dict[str, dict[str, str]]]],
) -> list[Entry]:
    """The feed entries of the newest published days: stories with a briefing and stamps."""
    entries = []
    for day in sorted(pages, reverse=True)[:FEED_DAYS]:
        if day in known:
            briefings, stamps = known[day]
        else:
            stamps = _read_stamps(root / day)
            if not stamps:
                continue
            briefings = _briefings(root, pages[day])[0]
        for story in pages[day].stories:
            stamp, briefing = stamps.get(story.slug), briefings.get(story.slug)
            if stamp is None or briefing is None:
                continue
            entries.append(
                Entry(day, story.slug, story.headline, briefing,
                      _when(stamp["published"]), _when(stamp["updated"]))
            )  # fmt: skip
    return entries


def _when(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)
