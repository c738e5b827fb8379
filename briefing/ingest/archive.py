"""Every fetched original kept under DIR/sources/<date>/, so a run can be repeated offline.

`originals/` holds the bytes as served (pages .html, feeds .xml); beside it each article
is saved as Markdown with front matter (title, url, outlet, date, language), which
`briefing daily DIR/sources/<date>/` reads back without the network.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlparse

import yaml

from briefing.core.files import write_atomic
from briefing.ingest.article import Article

__all__ = ["Archive"]


def _name(url: str) -> str:
    """A readable, unique file stem for a URL: host and last path part, then a short hash."""
    parts = urlparse(url)
    tail = re.sub(r"[^A-Za-z0-9]+", "-", f"{parts.hostname}-{parts.path.rsplit('/', 1)[-1]}")
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]
    return f"{tail.strip('-')[:60]}-{digest}"


class Archive:
    """Writes originals and extracted articles under `root` (created on first write)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def original(self, url: str, body: bytes, suffix: str) -> Path:
        path = self.root / "originals" / f"{_name(url)}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
        return path

    def article(self, article: Article) -> Path:
        meta = {
            "title": article.title,
            "url": article.url or article.source,
            "outlet": article.outlet,
            "date": article.date,
            "language": article.language,
        }
        front = yaml.safe_dump(
            {k: v for k, v in meta.items() if v}, allow_unicode=True, sort_keys=False
        )
        path = self.root / f"{_name(article.url or article.source)}.md"
        write_atomic(path, f"---\n{front}---\n\n{article.text}\n", parents=True)
        return path
