"""The one maker of `Source`s: files, web pages, feeds and the evals all build them here.

A source's text is segmented into sentences and screened by the guard (`ingest.guard`),
so no path can hand the model an article whose instructions were not set apart. Its
title and outlet name come from strangers too (a page's `og:site_name`, a feed's
`<title>`, front matter): they are data, made one plain short line (`core.text.label`)
and screened like sentences; one that reads as an order is replaced (the outlet by the
URL's host, the title by the first sentence) and recorded in `suspect_labels`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlparse

from briefing.core.errors import InputError
from briefing.core.models import Source, SuspectLabel
from briefing.core.text import label
from briefing.ingest.guard import quarantine, suspect_reason
from briefing.ingest.segment import segment

__all__ = ["OUTLET_CHARS", "TITLE_CHARS", "UNTITLED", "Labels", "make_source", "screen_labels"]

OUTLET_CHARS = 120
TITLE_CHARS = 300
UNTITLED = "Untitled article"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?")


@dataclass(frozen=True)
class Labels:
    """A title and an outlet fit to show, and the ones set apart on the way."""

    title: str
    outlet: str | None
    suspects: tuple[SuspectLabel, ...] = ()


def screen_labels(
    title: str | None,
    outlet: str | None,
    *,
    text: str,
    url: str | None = None,
    fallback: str | None = None,
    screen: bool = True,
) -> Labels:
    """`title` and `outlet` normalised and screened. A suspect outlet becomes the host of
    `url` (or None); a missing or suspect title becomes `fallback` (a file's name), else
    the first sentence of `text`, else a neutral placeholder."""
    suspects: list[SuspectLabel] = []

    def checked(field: str, value: str | None) -> str | None:
        reason = suspect_reason(value) if value and screen else None
        if reason is None:
            return value
        suspects.append(SuspectLabel(field=field, text=value, reason=reason))  # type: ignore[arg-type]
        return None

    shown_outlet = checked("outlet", label(outlet, OUTLET_CHARS))
    if shown_outlet is None and suspects:
        host = label(urlparse(url).hostname, OUTLET_CHARS) if url else None
        shown_outlet = host if host and not suspect_reason(host) else None
    shown_title = checked("title", label(title, TITLE_CHARS))
    if shown_title is None:
        options = (label(fallback, TITLE_CHARS), label(_first_sentence(text), TITLE_CHARS))
        shown_title = next((t for t in options if t and not suspect_reason(t)), UNTITLED)
    return Labels(shown_title, shown_outlet, tuple(suspects))


def _first_sentence(text: str) -> str:
    line = next((line for line in text.splitlines() if line.strip()), "")
    return _SENTENCE_END.split(line.strip(), maxsplit=1)[0]


def make_source(
    source_id: str,
    *,
    path: str,
    title: str | None,
    language: str,
    text: str,
    outlet: str | None = None,
    url: str | None = None,
    date: str | None = None,
    fallback_title: str | None = None,
    suspects: Iterable[SuspectLabel] = (),
    screen: bool = True,
) -> Source:
    """`text` as source `source_id`: segmented, its suspect sentences set apart, its
    language a code (an `InputError` otherwise), its labels screened (`suspects`: labels
    set apart upstream, kept for audit). `screen=False` only normalises labels: the
    injection suite measures the other defences without the guard."""
    language = language.strip().lower()
    if not _LANGUAGE.fullmatch(language):  # shown to the model as "written in <language>"
        shown = label(language, 40)
        raise InputError(f"{path}: language {shown!r} is not a code such as 'en' or 'is'")
    labels = screen_labels(
        title, outlet, text=text, url=url, fallback=fallback_title, screen=screen
    )
    source = Source(
        id=source_id,
        path=path,
        title=labels.title,
        language=language,
        outlet=labels.outlet,
        url=url,
        date=date,
        text=text,
        sentences=segment(text, source_id, language),
        suspect_labels=[*suspects, *labels.suspects],
    )
    return quarantine(source) if screen else source
