"""The daily site as HTML: a front page per day, a page per story, the archive, the
stylesheet. Templates live in `prompts/site/` and render with autoescaping, so a
headline or a quoted sentence is always text, never markup; only http(s) links are
links. No page needs JavaScript: citations fold open with <details>.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import jinja2

from briefing.core.models import SECTIONS, Briefing, Item
from briefing.core.resources import data_dir
from briefing.prompts import SITE_DIR
from briefing.render.labels import actor_names, labels, side_label, side_names
from briefing.render.markdown import footer, footnotes
from briefing.stages.daily import FrontPage, FrontStory

__all__ = [
    "BriefingView",
    "leads",
    "render",
    "render_archive",
    "render_day",
    "render_story",
    "stylesheet",
    "templates",
]


def web_link(url: str | None) -> bool:
    """Whether `url` may be an href: http(s) only, never `javascript:` or a local path."""
    return bool(url) and urlsplit(str(url)).scheme in ("http", "https")


def html_templates(folder: str) -> jinja2.Environment:
    """The HTML templates in prompts/`folder`: autoescaped, so web text stays text."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(data_dir("prompts") / folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def templates() -> jinja2.Environment:
    env = html_templates(SITE_DIR)
    env.filters["web"] = web_link
    return env


def render(name: str, **variables: Any) -> str:
    return templates().get_template(name).render(**variables)


def stylesheet(name: str = "style.css") -> str:
    return (data_dir("prompts") / SITE_DIR / name).read_text(encoding="utf-8")


class ShownNames(dict[str, str]):
    """Each source's label by its id, as the templates index it, and each actor and each
    side's outlet as the reader of a language finds the name (`labels.actor_names`,
    `labels.side_names`), by `actor(name, lang)` and `side(source_id, lang)`."""

    def __init__(self, briefing: Briefing) -> None:
        super().__init__({s.id: side_label(s) for s in briefing.sources})
        self._actors = actor_names(briefing)
        self._sides = side_names(briefing)

    def actor(self, name: str, lang: str) -> str:
        return self._actors.get(lang, {}).get(name, name)

    def side(self, source_id: str, lang: str) -> str:
        return self._sides.get(lang, {}).get(source_id, self[source_id])


class BriefingView:
    """A briefing as the templates read it: sections in order, source names, and each
    statement's cited sentences quoted verbatim from the sources."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.sources = briefing.sources
        self.sections = [(key, getattr(briefing, key)) for key in SECTIONS]
        self.names = ShownNames(briefing)
        self._notes = {note["id"]: note for note in footnotes(briefing)}

    def cites(self, item: Item) -> list[dict[str, Any]]:
        return [self._notes[e] for e in item.evidence if e in self._notes]


def leads(briefing: Briefing | None, languages: list[str]) -> dict[str, str | None]:
    """Per language, the first statement written in it (not an English stand-in, nor an
    original in another language): of the briefing's lead (`stages.lead`) first, else of
    its sections in order."""
    found: dict[str, str | None] = dict.fromkeys(languages)
    if briefing is None:
        return found
    first = [briefing.item(key) for key in briefing.lead]
    for item in first + [i for section in SECTIONS for i in getattr(briefing, section)]:
        for lang in languages:
            text = item.text.get(lang)
            own = item.origin.get(lang, "statement").split(":")[0] in ("statement", "quote")
            if found[lang] is None and text and own:
                found[lang] = text
    return found


def cards(page: FrontPage, briefings: Mapping[str, Briefing]) -> dict[str, list[Any]]:
    """The day's stories, ranked: those with a briefing (with their leads), and the rest."""
    shown, failed = [], []
    for story in page.ranked().stories:
        briefing = briefings.get(story.slug)
        if story.status == "ok" and briefing is not None:
            lead = leads(briefing, page.languages)
            shown.append({**story.model_dump(), "lead": lead, "briefing": BriefingView(briefing)})
        else:
            failed.append(story.model_copy(update={"error": story.error or "no briefing"}))
    return {"stories": shown, "failed": failed}


def render_day(page: FrontPage, briefings: Mapping[str, Briefing]) -> str:
    """A day's front page; it lives at the site's top level, beside `style.css`."""
    parts = cards(page, briefings)
    return render("day.html.j2", root="", date=page.date, languages=page.languages, **parts)


def render_story(page: FrontPage, story: FrontStory, briefing: Briefing) -> str:
    """One story's briefing, the languages side by side; it lives in the day's folder."""
    view = BriefingView(briefing)
    return render(
        "story.html.j2",
        root="../",
        date=page.date,
        languages=page.languages,
        story=story,
        briefing=briefing,
        sections=view.sections,
        names=view.names,
        cites=view.cites,
        labels={lang: labels(lang) for lang in page.languages},
        run=footer(briefing),
    )


def render_archive(days: list[FrontPage]) -> str:
    """Every published day, newest first, with its stories' headlines."""
    ordered = [d.ranked() for d in sorted(days, key=lambda d: d.date, reverse=True)]
    languages = ordered[0].languages if ordered else ["en"]
    return render("archive.html.j2", root="", languages=languages, days=ordered)
