"""A content-addressed on-disk cache of LLM answers, wrapped around any backend.

The key is the SHA-256 of canonical JSON naming the backend, the model (and its weights'
hash when known), the messages, the schema and the sampling parameters: nothing else,
so no API key or endpoint credential can reach it. One file per answer, written to a
temp file and renamed, so a crash or a parallel run never leaves a half answer. Only
answers the server finished are kept: `stop`, and `length` too, because a truncated
answer is as deterministic as a whole one (the budget is in the key) and the pipeline
answers it by splitting the work; without it a re-run would ask that question again.
Failed calls are never kept, which is what lets a run that died half-way resume where
it stopped, and an unchanged re-run make no LLM call at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.core.errors import BriefingError
from briefing.core.files import clear_sharded, write_atomic
from briefing.llm.base import LLM, Request, Response, continues, model_sha256

FORMAT = 1
KEPT = frozenset({"stop", "length"})
FIRST_COST = ("prompt_eval_tokens",)  # `Response.extra` kept with the answer, for the meter
ANSWER_KEY = "answer_key"  # in `Response.extra`: the key this answer is cached under


def cache_key(llm: LLM, request: Request) -> str:
    """SHA-256 over what determines the answer; `stage` and `label` are bookkeeping."""
    material = {
        "format": FORMAT,
        "backend": llm.name,
        "model": llm.model,
        "model_sha256": model_sha256(llm),
        "messages": request.messages,
        "schema": request.schema,
        "sampling": request.sampling(),
    }
    if request.choices is not None:  # absent otherwise, so existing keys stay valid
        material["choices"] = list(request.choices)
    if request.prefix:
        material["prefix"] = request.prefix
    canonical = json.dumps(material, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class CacheInfo:
    directory: Path
    answers: int
    bytes: int


class AnswerCache:
    """Answers on disk: `<directory>/<key[:2]>/<key>.json`."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path(key).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):  # damaged: forget it, the answer will be asked again
            with contextlib.suppress(OSError):
                self.path(key).unlink()
            return None
        return data if isinstance(data, dict) and data.get("format") == FORMAT else None

    def put(self, key: str, record: dict[str, Any]) -> None:
        """Write atomically; a cache that cannot be written costs only a re-ask later."""
        with contextlib.suppress(BriefingError):
            text = json.dumps({"format": FORMAT, **record}, ensure_ascii=False)
            write_atomic(self.path(key), text, parents=True)

    def files(self) -> list[Path]:
        return sorted(self.directory.glob("??/*.json")) if self.directory.is_dir() else []

    def info(self) -> CacheInfo:
        files = self.files()
        return CacheInfo(self.directory, len(files), sum(f.stat().st_size for f in files))

    def clear(self) -> int:
        """Remove every cached answer (and stray temp files); returns how many answers."""
        return clear_sharded(self.directory)


class CachedLLM:
    """`inner` behind the answer cache; a hit is `Response(cached=True)`, not an LLM call.

    Every answer that is in the cache (a hit, or a fresh answer just stored) carries its
    key in `extra["answer_key"]`, so a caller can tell a run that a re-run could replay
    whole from one that would have to ask again.
    """

    def __init__(self, inner: LLM, directory: Path) -> None:
        self.inner = inner
        self.cache = AnswerCache(directory)
        self.name = inner.name
        self.model = inner.model
        self.max_concurrency = inner.max_concurrency
        self.continues = continues(inner)
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()

    @property
    def sha256(self) -> str | None:
        return model_sha256(self.inner)

    def complete(self, request: Request) -> Response:
        key = cache_key(self.inner, request)
        found = self.cache.get(key)
        if found is not None:
            with self._lock:
                self.hits += 1
            return Response(
                text=found["text"],
                finish_reason=found.get("finish_reason", "stop"),
                prompt_tokens=found.get("prompt_tokens", 0),
                completion_tokens=found.get("completion_tokens", 0),
                seconds=0.0,
                cached=True,
                extra={
                    "seconds": found.get("seconds", 0.0),
                    ANSWER_KEY: key,
                    **{k: found[k] for k in FIRST_COST if k in found},
                },
                choice_probs=found.get("choice_probs"),
            )
        response = self.inner.complete(request)
        with self._lock:
            self.misses += 1
        if response.finish_reason in KEPT and not response.cached:
            self.cache.put(
                key,
                {
                    "backend": self.inner.name,
                    "model": self.inner.model,
                    "text": response.text,
                    "finish_reason": response.finish_reason,
                    "prompt_tokens": response.prompt_tokens,
                    "completion_tokens": response.completion_tokens,
                    "seconds": round(response.seconds, 3),
                    **{k: response.extra[k] for k in FIRST_COST if k in response.extra},
                    **(
                        {"choice_probs": response.choice_probs}
                        if response.choice_probs is not None
                        else {}
                    ),
                },
            )
            response.extra[ANSWER_KEY] = key
        return response
