"""One article of a daily run, wherever it came from, and the hash that identifies it.

Two copies of an article (a feed link and the page URL, a syndicated reprint) are the
same article when their normalised text is the same, so `key` hashes the text with case,
punctuation and spacing removed; the daily run dedups and caches stories by it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from briefing.core.models import SuspectLabel

__all__ = ["Article", "text_key"]

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def text_key(text: str) -> str:
    """sha256 of the text casefolded with every run of non-word characters made one space."""
    normal = _NOT_WORD.sub(" ", text.casefold()).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """An article as read: `source` is the URL it was fetched from or the file path;
    `suspects` are its title or outlet, set apart by the guard when it was read."""

    source: str
    title: str
    language: str
    text: str
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    key: str = field(default="", compare=False)
    suspects: tuple[SuspectLabel, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", text_key(self.text))
