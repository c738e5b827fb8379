"""Usage per stage: what the content cost, and apart, what this process did."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any, Protocol

from briefing.core.models import Usage


class Answered(Protocol):
    """What the meter reads from a backend's response (`briefing.llm.base.Response`)."""

    cached: bool
    prompt_tokens: int
    completion_tokens: int
    seconds: float
    engine_seconds: float | None
    extra: dict[str, Any]


class Timer(Protocol):
    """`Meter.timed`, as the stages take it."""

    def __call__(self, stage: str) -> AbstractContextManager[None]: ...


def untimed(_stage: str) -> AbstractContextManager[None]:
    """A `Timer` that takes no time: for callers without a meter."""
    return nullcontext()


class Meter:
    """Thread-safe usage per stage, for the pipeline and the judge alike.

    `stages` counts every answer at what it cost when generated (a cached answer at its
    first cost), so it describes the content; `fresh_calls` and `cache_hits` describe
    this process only. `answer_keys` lists, per answer, the key the answer cache holds it
    under (None where it is not cached): a run is replayable whole only if none is None.
    `clock` holds the seconds of code (`timed`), this process's too: apart from `stages`,
    so that a re-run served from the cache still describes the same content, byte for byte.
    """

    def __init__(self, stages: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self._frames = threading.local()
        self.stages: dict[str, Usage] = {name: Usage() for name in stages}
        self.clock: dict[str, float] = {}
        self.engine_seconds = 0.0
        self.fresh_calls = 0
        self.cache_hits = 0
        self.answer_keys: list[str | None] = []

    def expect(self, stages: Iterable[str]) -> None:
        """List `stages` in the report even when they make no call."""
        with self._lock:
            for name in stages:
                self.stages.setdefault(name, Usage())

    def record(self, stage: str, response: Answered) -> None:
        seconds = response.extra.get("seconds", 0.0) if response.cached else response.seconds
        evaluated = response.extra.get("prompt_eval_tokens", response.prompt_tokens)
        if not response.cached:
            self._exclude(response.seconds)
        with self._lock:
            self.stages.setdefault(stage, Usage()).add(
                Usage(
                    calls=1,
                    prompt_tokens=response.prompt_tokens,
                    prompt_tokens_evaluated=evaluated,
                    completion_tokens=response.completion_tokens,
                    seconds=seconds,
                )
            )
            self.answer_keys.append(response.extra.get("answer_key"))
            if response.cached:
                self.cache_hits += 1
            else:
                self.fresh_calls += 1
                self.engine_seconds += response.engine_seconds or 0.0

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        """Add the block's own seconds to `stage`: its wall time less the model answers
        recorded and the stages timed inside it (those count where they belong), so the
        stages' seconds add up to the run's."""
        frames: list[list[float]] = self._frames.__dict__.setdefault("stack", [])
        frames.append([0.0])
        start = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - start
            inner = frames.pop()[0]
            self._exclude(elapsed)
            with self._lock:
                self.clock[stage] = self.clock.get(stage, 0.0) + max(0.0, elapsed - inner)

    def _exclude(self, seconds: float) -> None:
        """Seconds the enclosing timed block (this thread's) spent elsewhere."""
        frames = self._frames.__dict__.get("stack")
        if frames:
            frames[-1][0] += seconds

    def replay(self, usage: dict[str, Usage], answer_keys: list[str]) -> None:
        """Count a finished run's recorded usage (`RunInfo.usage`) as served from the cache:
        the stages at what their answers first cost, every answer a cache hit, no call."""
        with self._lock:
            for stage, used in usage.items():
                if stage != "total":
                    self.stages.setdefault(stage, Usage()).add(used.model_copy())
                    self.cache_hits += used.calls
            self.answer_keys += answer_keys

    def report(self) -> dict[str, Usage]:
        """Every stage, timed code first in the order it ran, then the model stages: the
        model's answers as `stages` counts them, code at its seconds with no call."""
        with self._lock:
            out = {name: Usage(seconds=round(s, 3)) for name, s in self.clock.items()}
            for name, used in self.stages.items():
                out.setdefault(name, Usage()).add(used)
        return out

    def total(self) -> Usage:
        total = Usage()
        for usage in self.stages.values():
            total.add(usage)
        return total
