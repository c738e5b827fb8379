"""Usage per stage: what the content cost, and apart, what this process did."""

from __future__ import annotations

import threading
from collections.abc import Iterable
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


class Meter:
    """Thread-safe usage per stage, for the pipeline and the judge alike.

    `stages` counts every answer at what it cost when generated (a cached answer at its
    first cost), so it describes the content; `fresh_calls` and `cache_hits` describe
    this process only. `answer_keys` lists, per answer, the key the answer cache holds it
    under (None where it is not cached): a run is replayable whole only if none is None.
    """

    def __init__(self, stages: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self.stages: dict[str, Usage] = {name: Usage() for name in stages}
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
        with self._lock:
            self.stages.setdefault(stage, Usage()).add(
                Usage(
                    calls=1,
                    prompt_tokens=response.prompt_tokens,
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

    def replay(self, usage: dict[str, Usage], answer_keys: list[str]) -> None:
        """Count a finished run's recorded usage (`RunInfo.usage`) as served from the cache:
        the stages at what their answers first cost, every answer a cache hit, no call."""
        with self._lock:
            for stage, used in usage.items():
                if stage != "total":
                    self.stages.setdefault(stage, Usage()).add(used.model_copy())
                    self.cache_hits += used.calls
            self.answer_keys += answer_keys

    def total(self) -> Usage:
        total = Usage()
        for usage in self.stages.values():
            total.add(usage)
        return total
