"""Read article files into `Source`s: text, metadata, language and sentences.

This is the boundary with the user's files, so every way a file can be wrong becomes an
`InputError` with one line naming the file, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml
from frontmatter.default_handlers import YAMLHandler

from briefing.core.errors import InputError
from briefing.core.memo import TEXT, remembered
from briefing.core.models import Source
from briefing.ingest.front_matter import UnsafeFrontMatter, load_front_matter
from briefing.ingest.source import make_source
from briefing.lang.detect import language_of

__all__ = ["MAX_ARTICLES", "MAX_ARTICLE_BYTES", "SUFFIXES", "load_sources"]

SUFFIXES = (".txt", ".md")
# Limits per run, so a wrong folder or a hostile file is refused in one line rather than
# run for hours: a long feature article is ~50 KB, and the embedded model takes about a
# minute per short article. `generate --max-articles/--max-article-bytes` change them.
MAX_ARTICLES = 50
MAX_ARTICLE_BYTES = 200_000
TITLE_CHARS = 160
_FRONT_MATTER_START = re.compile(r"---[ \t]*(?:\n|$)")


def load_sources(
    paths: list[Path],
    *,
    max_articles: int = MAX_ARTICLES,
    max_article_bytes: int = MAX_ARTICLE_BYTES,
    screen: bool = True,
) -> list[Source]:
    """Load articles from files and directories as sources A1, A2, ... in input order.

    A directory contributes its .txt and .md files, recursively, sorted by path (hidden
    files and folders skipped). A file reached twice is read once. More than
    `max_articles` files, or a file over `max_article_bytes`, is refused before any is
    read. `screen` sets apart sentences that address the model (`ingest.guard`); only
    the injection suite turns it off, to measure what the other defences do alone.
    """
    files: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        for file in _expand(Path(path)):
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    if not files:
        raise InputError("no articles given")
    if len(files) > max_articles:
        raise InputError(
            f"{len(files)} articles given, more than the limit of {max_articles} per run "
            "(--max-articles)"
        )
    for file in files:
        size = _size(file)
        if size > max_article_bytes:
            raise InputError(
                f"{file} is {size:,} bytes, over the limit of {max_article_bytes:,} per article "
                "(--max-article-bytes)"
            )
    return [_load(file, f"A{n}", screen) for n, file in enumerate(files, 1)]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from err


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        found = sorted(
            p
            for p in path.rglob("*")
            if p.suffix.lower() in SUFFIXES
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not found:
            raise InputError(f"{path}: directory has no .txt or .md files")
        return found
    if not path.exists():
        raise InputError(f"article not found: {path}")
    if path.suffix.lower() not in SUFFIXES:
        kind = repr(path.suffix) if path.suffix else "(no extension)"
        raise InputError(f"{path}: unsupported file type {kind} (use .txt or .md)")
    if not path.is_file():
        raise InputError(f"{path} is not a regular file")
    return [path]


def _load(path: Path, source_id: str, screen: bool = True) -> Source:
    text = _read_text(path)
    meta, body = _split_front_matter(text, path)
    if not body:
        raise InputError(f"{path} has no article text after its front matter")
    language = (_field(meta, "language") or remembered("language", body, language_of, TEXT)).lower()
    return make_source(
        source_id,
        path=str(path),
        title=_field(meta, "title") or _first_line(body),
        language=language,
        outlet=_field(meta, "outlet"),
        url=_field(meta, "url"),
        date=_field(meta, "date"),
        text=body,
        fallback_title=path.stem,
        screen=screen,
    )


def _read_text(path: Path) -> str:
    """The file as text with Unix newlines, a byte-order mark and outer whitespace removed."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from err
    if b"\0" in data:
        raise InputError(f"{path} is not UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{path} is not UTF-8 text") from err
    text = text.removesuffix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise InputError(f"{path} is empty")
    return text


def _split_front_matter(text: str, path: Path) -> tuple[dict[str, object], str]:
    """(metadata, body): a leading `---` block must be closed and hold a YAML mapping,
    loaded without aliases (`ingest.front_matter`)."""
    if not _FRONT_MATTER_START.match(text):
        return {}, text
    handler = YAMLHandler()
    try:
        raw, body = handler.split(text)
        meta = load_front_matter(raw)
    except ValueError as err:
        raise InputError(f"{path}: front matter is not closed by a '---' line") from err
    except UnsafeFrontMatter as err:
        raise InputError(f"{path}: {err}") from err
    except yaml.YAMLError as err:
        where = getattr(err, "problem_mark", None)
        line = f" (line {where.line + 1})" if where is not None else ""
        raise InputError(f"{path}: malformed front matter{line}") from err
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(f"{path}: front matter must be 'key: value' lines")
    return meta, body.strip()


def _field(meta: dict[str, object], key: str) -> str | None:
    """A front-matter value as a string; YAML turns `date: 2025-08-15` into a date."""
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).strip() or None


def _first_line(body: str) -> str:
    """The title when there is no front matter: a Markdown heading, else the first line,
    joined with the lines that continue it (a hard-wrapped headline goes on in lower
    case), cut to its first sentence when the article has no headline at all."""
    lines = [line.strip() for line in body.splitlines()]
    start = next(i for i, line in enumerate(lines) if line)
    title = lines[start]
    if title.startswith("#"):
        return title.lstrip("#").strip() or title
    for line in lines[start + 1 :]:
        if not line[:1].islower() or re.search(r"[.!?:]$", title) or len(title) > TITLE_CHARS:
            break
        title = f"{title} {line}"
    if len(title) <= TITLE_CHARS:
        return title
    sentence = re.split(r"(?<=[.!?])\s", title, maxsplit=1)[0]
    return sentence if len(sentence) <= TITLE_CHARS else sentence[: TITLE_CHARS - 1].rstrip() + "…"
