"""Usage per stage, counted once for the pipeline and the judge alike."""

from __future__ import annotations

import threading

from briefing.core.models import Usage
from briefing.llm.base import Response

STAGES = ("extract", "merge", "translate")


class Meter:
    """Thread-safe usage per stage; answers served from a cache are not LLM calls."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.stages: dict[str, Usage] = {name: Usage() for name in STAGES}
        self.engine_seconds = 0.0

    def record(self, stage: str, response: Response) -> None:
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
