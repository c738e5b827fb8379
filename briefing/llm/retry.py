"""Retries for remote calls: exponential back-off with jitter, honouring Retry-After.

The loop is ours, not the SDK's (its `max_retries` is 0), so tests can drive it with a
zero back-off and a recording `sleep`, and the final error can say what to do.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")

RETRY_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})
MAX_DELAY = 60.0


class Retryable(Exception):
    """A failure worth another try; `retry_after` is the server's wish, in seconds, and
    `hint` what the user can do if it never succeeds."""

    def __init__(self, message: str, retry_after: float | None = None, hint: str = "") -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.hint = hint


def retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Seconds to wait from `Retry-After-Ms` or `Retry-After` (seconds or an HTTP date)."""
    if not headers:
        return None
    lowered = {k.lower(): v for k, v in headers.items()}
    try:
        if "retry-after-ms" in lowered:
            return max(0.0, float(lowered["retry-after-ms"]) / 1000)
        value = lowered.get("retry-after")
        if value is None:
            return None
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(str(value))
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


@dataclass
class RetryPolicy:
    """`tries` in all; waits `backoff * 2**n`, jittered by ±50%, unless the server says."""

    tries: int = 5
    backoff: float = 1.0
    max_delay: float = MAX_DELAY
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int, server_wish: float | None) -> float:
        if server_wish is not None:
            return min(server_wish, self.max_delay)
        return min(self.max_delay, self.backoff * 2**attempt * (0.5 + self.rng.random()))

    def run(self, call: Callable[[], T]) -> T:
        """`call()` until it does not raise `Retryable`; re-raises the last one."""
        for attempt in range(max(1, self.tries)):
            try:
                return call()
            except Retryable as err:
                if attempt + 1 >= max(1, self.tries):
                    raise
                self.sleep(self.delay(attempt, err.retry_after))
        raise AssertionError("unreachable")
