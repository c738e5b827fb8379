"""Results of slow deterministic functions, remembered by the hash of their input.

Callers memoise coarse units (one entry per article), since every miss rewrites the file.

Detecting a language loads a model (0.4 s) and counting tokens loads an encoding
(0.2 s): most of a re-run that the answer cache serves. Both are pure functions of
the text, so their results are kept per content hash in one small JSON file per kind
under the cache root; a damaged file is ignored and rewritten. Each caller names the
shape of its values (a Pydantic `TypeAdapter`, and a length where it knows one): a value
of another shape is computed again, rewritten, and counted in one warning line.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Callable, Sized
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from briefing.core import damaged
from briefing.core.jsontext import loads
from briefing.core.paths import cache_root

T = TypeVar("T")

SEPARATOR = "\x1e"  # record separator: joins a batch of texts into the one key it is remembered by
MAX_ENTRIES = 200_000  # beyond this the file is started afresh: it is only a memo

# The shapes callers remember.
TEXT = TypeAdapter(str)
FLAG = TypeAdapter(bool)
INTS = TypeAdapter(list[int])
FLOATS = TypeAdapter(list[float])
VECTORS = TypeAdapter(list[list[float]])
MAYBE_TEXTS = TypeAdapter(list[str | None])


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@functools.cache
def memo(kind: str, directory: Path) -> Memo:
    return Memo(kind, directory)


def remembered(
    kind: str,
    text: str,
    compute: Callable[[str], T],
    shape: TypeAdapter[T],
    length: int | None = None,
) -> T:
    """`compute(text)`, remembered under the current cache root; a remembered value that
    is not of `shape` (or, when given, of `length` items) is computed again."""
    return memo(kind, cache_root() / "memo").get(text, compute, shape, length)


class Memo:
    """`memo.get(text, compute)`: compute(text) once per content, across processes."""

    def __init__(self, kind: str, directory: Path | None = None) -> None:
        self.path = (directory or cache_root() / "memo") / f"{kind}.json"
        self._lock = threading.Lock()
        self._entries: dict[str, Any] | None = None
        self._dirty = False

    def _load(self) -> dict[str, Any]:
        if self._entries is None:
            try:
                loaded = loads(self.path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                loaded = {}
            except (OSError, ValueError):
                loaded = None
            if not isinstance(loaded, dict):
                damaged.note("memo")
                loaded = {}
            self._entries = loaded
        return self._entries

    def get(
        self,
        text: str,
        compute: Callable[[str], T],
        shape: TypeAdapter[T],
        length: int | None = None,
    ) -> T:
        key = digest(text)
        with self._lock:
            entries = self._load()
            if key in entries:
                try:
                    found = shape.validate_python(entries[key], strict=True)
                    if length is None or (isinstance(found, Sized) and len(found) == length):
                        return found
                except ValidationError:
                    pass
                damaged.note("memo")
        value = compute(text)
        with self._lock:
            if len(entries) >= MAX_ENTRIES:
                entries.clear()
            entries[key] = value
            self._dirty = True
        self.save()
        return value

    def save(self) -> None:
        """Write the memo whole (temp file + rename); a failure only costs speed later."""
        with self._lock:
            if not self._dirty or self._entries is None:
                return
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(self._entries, handle)
                os.replace(tmp, self.path)
                self._dirty = False
            except OSError:
                Path(locals().get("tmp", self.path.with_suffix(".tmp"))).unlink(missing_ok=True)
