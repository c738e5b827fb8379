"""A content-addressed on-disk cache of LLM answers, wrapped around any backend.

The key is the SHA-256 of canonical JSON naming the backend, the model (and its weights'
hash when known), the messages, the schema and the sampling parameters: nothing else,
so no API key or endpoint credential can reach it. One file per answer, written to a
temp file and renamed, so a crash or a parallel run never leaves a half answer. Only
answers the server finished are kept: `stop`, and `length` too, because a truncated
answer is as deterministic as a whole one (the budget is in the key) and the pipeline
answers it by splitting the work; without it a re-run would ask that question again.
Failed calls are never kept, which is what lets a run that died half-way resume where
it stopped, and an unchanged re-run make no LLM call at all. An entry that is not
valid JSON or fails validation (`Entry`: a wrong shape, wrong types, choices the request
did not ask about) is a miss: asked again, rewritten, and counted in one warning line.
The OpenAI-compatible backend names its server (`endpoint`), which joins the key, so
two servers that serve models of one name never share answers.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from briefing.core import damaged
from briefing.core.errors import BriefingError
from briefing.core.files import Cleared, clear_sharded, read_regular, write_atomic
from briefing.llm.base import LLM, Request, Response, continues, model_sha256, reads, server

FORMAT = 1
KEPT = frozenset({"stop", "length"})
EVALUATED = "prompt_eval_tokens"  # in `Response.extra`, kept with the answer for the meter
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
    if server(llm) is not None:  # absent otherwise, so the embedded backend's keys stay valid
        material["server"] = server(llm)
    if request.choices is not None:  # absent otherwise, so existing keys stay valid
        material["choices"] = list(request.choices)
    if request.prefix:
        material["prefix"] = request.prefix
    canonical = json.dumps(material, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


Probability = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]


class Entry(BaseModel):
    """One cached answer as stored; a file of any other shape is a damaged entry."""

    model_config = ConfigDict(extra="forbid", strict=True)

    format: Literal[1]
    backend: str | None = None
    model: str | None = None
    text: str
    finish_reason: Literal["stop", "length"] = "stop"
    prompt_tokens: int = Field(default=0, ge=0)
    completion_tokens: int = Field(default=0, ge=0)
    seconds: float = Field(default=0.0, ge=0.0, allow_inf_nan=False)
    prompt_eval_tokens: int | None = Field(default=None, ge=0)  # those sent less reused ones
    choice_probs: dict[str, Probability] | None = None

    @field_validator("choice_probs")
    @classmethod
    def _asked(cls, probs: dict[str, float] | None, info: ValidationInfo) -> Any:
        """Probabilities are kept for exactly the choices the request named."""
        choices = (info.context or {}).get("choices")
        if probs is not None and choices is not None and set(probs) != set(choices):
            raise ValueError("choice_probs names other choices than the request")
        return probs


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

    def get(self, key: str, choices: tuple[str, ...] | None = None) -> Entry | None:
        """The valid entry under `key`, else None; a damaged one is removed and noted."""
        path = self.path(key)
        try:
            raw = read_regular(path)
        except FileNotFoundError:
            return None
        except OSError:  # unreadable (a directory, no permission): a miss
            damaged.note("answer cache")
            return None
        try:
            return Entry.model_validate_json(raw, context={"choices": choices})
        except ValidationError:  # not JSON, or the wrong shape: asked again and rewritten
            damaged.note("answer cache")
            with contextlib.suppress(OSError):
                path.unlink()
            return None

    def put(self, key: str, record: dict[str, Any], choices: tuple[str, ...] | None = None) -> None:
        """Write atomically; a cache that cannot be written costs only a re-ask later, and
        an answer `Entry` would refuse to read back is not written at all."""
        try:
            entry = Entry.model_validate({"format": FORMAT, **record}, context={"choices": choices})
        except ValidationError:
            return
        with contextlib.suppress(BriefingError):
            text = entry.model_dump_json(exclude_none=True)
            write_atomic(self.path(key), text, parents=True)

    def files(self) -> list[Path]:
        """The entry files (a folder or a dangling link where one should be is not one)."""
        if not self.directory.is_dir():
            return []
        return sorted(f for f in self.directory.glob("??/*.json") if f.is_file())

    def info(self) -> CacheInfo:
        sizes = []
        for f in self.files():
            with contextlib.suppress(OSError):  # removed meanwhile
                sizes.append(f.stat().st_size)
        return CacheInfo(self.directory, len(sizes), sum(sizes))

    def clear(self) -> Cleared:
        """Remove every cached answer (and stray temp files) that can be removed."""
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
        self.reads = reads(inner)
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()

    @property
    def sha256(self) -> str | None:
        return model_sha256(self.inner)

    @property
    def endpoint(self) -> str | None:
        return server(self.inner)

    def complete(self, request: Request) -> Response:
        key = cache_key(self.inner, request)
        found = self.cache.get(key, request.choices)
        if found is not None:
            with self._lock:
                self.hits += 1
            return Response(
                text=found.text,
                finish_reason=found.finish_reason,
                prompt_tokens=found.prompt_tokens,
                completion_tokens=found.completion_tokens,
                seconds=0.0,
                cached=True,
                extra={
                    "seconds": found.seconds,
                    ANSWER_KEY: key,
                    **(
                        {}
                        if found.prompt_eval_tokens is None
                        else {EVALUATED: found.prompt_eval_tokens}
                    ),
                },
                choice_probs=found.choice_probs,
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
                    "choice_probs": response.choice_probs,
                    "prompt_eval_tokens": response.extra.get(EVALUATED),
                },
                request.choices,
            )
            response.extra[ANSWER_KEY] = key
        return response
