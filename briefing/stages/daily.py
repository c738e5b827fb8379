"""The daily run's stories as pipeline input, and the front page as data.

A story becomes the same `Source` list `briefing generate` builds from files (A1, A2,
... segmented into sentences), so every rule of the pipeline applies unchanged. The front
page records, per story, the hash of its article set: the next run regenerates a story
only when that hash changed, and a story keeps its slug (its file name) while it grows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from rich.progress import Progress, TaskID

from briefing.core.languages import PIVOT
from briefing.core.models import SECTIONS, Briefing, Source
from briefing.ingest.source import make_source
from briefing.stages.progress import Quiet
from briefing.stages.stories import Story

__all__ = [
    "FrontArticle",
    "FrontPage",
    "FrontStory",
    "StoryBar",
    "assign_slugs",
    "headlines",
    "story_sources",
    "with_suspects",
]

SLUG_CHARS = 60
# Names a story's files may never take: the front page's own, and those a reader or a
# site generator would take for the folder's index, archive or feed.
RESERVED_SLUGS = frozenset({"frontpage", "index", "archive", "feed", "sources"})
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class FrontArticle(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str = Field(description="The URL it was fetched from, or the file path.")
    title: str
    language: str
    outlet: str | None = None
    key: str = Field(description="sha256 of the article's normalised text.")
    suspect: int = Field(
        default=0,
        description="Its sentences, title or outlet set apart as instructions (see its JSON).",
    )


class FrontStory(BaseModel):
    """One story on the front page: its headlines, coverage, and where its briefing is."""

    model_config = ConfigDict(extra="forbid")

    slug: str = Field(pattern=SLUG_PATTERN, description="Its file name, without extension.")
    key: str = Field(description="sha256 of the story's article keys: unchanged => not rerun.")
    headline: dict[str, str] = Field(description="Language -> one-line headline.")
    outlets: list[str]
    languages: list[str]
    articles: list[FrontArticle]
    status: Literal["ok", "failed"] = "ok"
    error: str | None = None
    briefing: str | None = Field(default=None, description="Its Markdown briefing, beside this.")
    briefing_json: str | None = Field(default=None, description="Its JSON briefing.")

    @field_validator("slug")
    @classmethod
    def _not_reserved(cls, slug: str) -> str:
        if slug in RESERVED_SLUGS:
            raise ValueError(f"{slug!r} is a reserved name")
        return slug


class FrontPage(BaseModel):
    """The day's stories ranked by how many outlets cover them."""

    model_config = ConfigDict(extra="forbid")

    date: str
    languages: list[str]
    stories: list[FrontStory]

    def ranked(self) -> FrontPage:
        order = sorted(self.stories, key=lambda s: (-len(s.outlets), -len(s.articles), s.slug))
        return self.model_copy(update={"stories": order})


def story_sources(story: Story, *, screen: bool = True) -> list[Source]:
    """The story's articles as pipeline sources A1, A2, ... in story order, made and
    screened as `generate` makes them (`ingest.source.make_source`; `screen=False` only
    for the injection suite, as in `generate`)."""
    return [
        make_source(
            f"A{n}",
            path=article.source,
            title=article.title,
            language=article.language,
            outlet=article.outlet,
            url=article.url,
            date=article.date,
            text=article.text,
            suspects=article.suspects,
            screen=screen,
        )
        for n, article in enumerate(story.articles, 1)
    ]


def with_suspects(front: FrontStory, sources: list[Source]) -> FrontStory:
    """`front` with each article's count of what the guard set apart in its source."""
    articles = [
        article.model_copy(
            update={"suspect": len(source.suspect_sentences) + len(source.suspect_labels)}
        )
        for article, source in zip(front.articles, sources, strict=True)
    ]
    return front.model_copy(update={"articles": articles})


def headlines(story: Story, languages: list[str], briefing: Briefing | None) -> dict[str, str]:
    """One line per output language, never model-written outside the pivot language.

    The pivot (English) headline is the title of the story's English article, else the
    briefing's first statement, else the first title, marked with its language
    ("Verkfalli kennara aflýst [is]"). Any other language gets the title of an article
    written in it, else the pivot headline marked with its language.
    """
    titles = {}
    for article in story.articles:
        titles.setdefault(article.language, article.title)
    first = story.articles[0]
    stated = titles.get(PIVOT) or _first_statement(briefing)
    pivot, written_in = (stated, PIVOT) if stated else (first.title, first.language)
    return {
        lang: titles.get(lang) or (pivot if lang == written_in else f"{pivot} [{written_in}]")
        for lang in languages
    }


def _first_statement(briefing: Briefing | None) -> str | None:
    if briefing is None:
        return None
    for section in SECTIONS:
        for item in getattr(briefing, section):
            if item.text.get(PIVOT) and item.origin.get(PIVOT, "statement") == "statement":
                return item.text[PIVOT]
    return None


def slugify(text: str) -> str:
    lowered = text.lower().replace("ð", "d").replace("þ", "th")
    ascii_text = unicodedata.normalize("NFKD", lowered)
    ascii_text = ascii_text.replace("æ", "ae").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:SLUG_CHARS].rstrip("-") or "story"


def assign_slugs(stories: list[Story], previous: list[FrontStory]) -> list[str]:
    """A slug per story: the previous slug of the story it shares most articles with,
    so a story keeps its files as it grows; else one made from its first title, with a
    suffix (-2, -3, ...) where that is taken or reserved (`frontpage`...)."""
    taken: set[str] = set(RESERVED_SLUGS)
    slugs: list[str] = []
    for story in stories:
        keys = {a.key for a in story.articles}
        best, overlap = None, 0
        for old in previous:
            shared = len(keys & {a.key for a in old.articles})
            if shared > overlap and old.slug not in taken:
                best, overlap = old.slug, shared
        if best is None:
            base = slugify(story.articles[0].title)
            best, n = base, 2
            while best in taken or any(p.slug == best for p in previous):
                best, n = f"{base}-{n}", n + 1
        taken.add(best)
        slugs.append(best)
    return slugs


class StoryBar(Quiet):
    """One progress bar for one story: a step per pipeline stage (extract, merge, translate)."""

    STEPS = 3

    def __init__(self, progress: Progress | None, name: str) -> None:
        self._progress = progress
        self._name = name
        self._task: TaskID | None = (
            progress.add_task(name[:30], total=self.STEPS) if progress is not None else None
        )

    @contextmanager
    def stage(self, name: str, total: int) -> Iterator[None]:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=f"{self._name[:22]} {name}")
        yield
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task)

    def finish(self, status: str) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(
                self._task, completed=self.STEPS, description=f"{self._name[:22]} {status}"
            )
