"""Embeddings remembered in a JSON file, so re-running a day embeds nothing it has seen.

A re-run of `briefing daily` over unchanged articles should take no model time at all;
the vectors are stored at full precision, so a cached run groups exactly like a fresh one.
The file sits in the output folder, where anything may have happened to it: one that is
not a map of equally long vectors is dropped (one warning line) and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import TypeAdapter

from briefing.core import damaged
from briefing.core.files import write_atomic
from briefing.core.jsontext import loads
from briefing.lang.embed import Embedder

__all__ = ["CachedEmbedder"]

STORE = TypeAdapter(dict[str, list[float]])


class CachedEmbedder:
    """Wraps an `Embedder`; vectors keyed by embedder name and text hash, in `path`."""

    def __init__(self, inner: Embedder, path: Path) -> None:
        self._inner, self._path = inner, path
        self._store = _read(path)

    @property
    def name(self) -> str:
        return self._inner.name

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.name}\0{text}".encode()).hexdigest()

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        keys = [self._key(t) for t in texts]
        missing = [i for i, k in enumerate(keys) if k not in self._store]
        if missing:
            fresh = self._embed([texts[i] for i in missing])
            if self._store and len(next(iter(self._store.values()))) != len(fresh[0]):
                damaged.note("embedding cache")  # vectors of another size: not this model's
                self._store, missing = {}, list(range(len(texts)))
                fresh = self._embed(list(texts))
            for i, vector in zip(missing, fresh, strict=True):
                self._store[keys[i]] = vector
            write_atomic(self._path, json.dumps(self._store), parents=True)
        return [self._store[k] for k in keys]

    def _embed(self, texts: list[str]) -> list[list[float]]:
        return [[float(x) for x in vector] for vector in self._inner.embed(texts)]


def _read(path: Path) -> dict[str, list[float]]:
    try:
        store = STORE.validate_python(loads(path.read_text(encoding="utf-8")), strict=True)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):  # ValidationError is a ValueError
        damaged.note("embedding cache")
        return {}
    if len({len(v) for v in store.values()}) > 1:
        damaged.note("embedding cache")
        return {}
    return store
