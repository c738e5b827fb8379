"""Embeddings remembered in a JSON file, so re-running a day embeds nothing it has seen.

A re-run of `briefing daily` over unchanged articles should take no model time at all;
the vectors are stored at full precision, so a cached run groups exactly like a fresh one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from briefing.core.files import write_atomic
from briefing.lang.embed import Embedder

__all__ = ["CachedEmbedder"]


class CachedEmbedder:
    """Wraps an `Embedder`; vectors keyed by embedder name and text hash, in `path`."""

    def __init__(self, inner: Embedder, path: Path) -> None:
        self._inner, self._path = inner, path
        try:
            self._store: dict[str, list[float]] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self._store = {}

    @property
    def name(self) -> str:
        return self._inner.name

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.name}\0{text}".encode()).hexdigest()

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        keys = [self._key(t) for t in texts]
        missing = [i for i, k in enumerate(keys) if k not in self._store]
        if missing:
            fresh = self._inner.embed([texts[i] for i in missing])
            for i, vector in zip(missing, fresh, strict=True):
                self._store[keys[i]] = [float(x) for x in vector]
            write_atomic(self._path, json.dumps(self._store), parents=True)
        return [self._store[k] for k in keys]
