"""Usage per stage, counted once for the pipeline and the judge alike."""

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
    """Thread-safe usage per stage; answers served from a cache are not LLM calls."""

    def __init__(self, stages: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self.stages: dict[str, Usage] = {name: Usage() for name in stages}
        self.engine_seconds = 0.0

    def expect(self, stages: Iterable[str]) -> None:
        """List `stages` in the report even when they make no call."""
        with self._lock:
            for name in stages:
                self.stages.setdefault(name, Usage())

    def record(self, stage: str, response: Answered) -> None:
        with self._lock:
            usage = self.stages.setdefault(stage, Usage())
            if response.cached:
                usage.add(
                    Usage(
                        cached_calls=1,
                        cached_completion_tokens=response.completion_tokens,
                        cached_seconds=response.extra.get("seconds", 0.0),
                    )
                )
                return
            usage.add(
                Usage(
                    calls=1,
                    prompt_tokens=response.prompt_tokens,
                    completion_tokens=response.completion_tokens,
                    seconds=response.seconds,
                )
            )
            self.engine_seconds += response.engine_seconds or 0.0

    def total(self) -> Usage:
        total = Usage()
        for usage in self.stages.values():
            total.add(usage)
        return total
