"""JSON read from outside (files, servers, caches): too deep a nesting is malformed
input, not a crash.

`json.loads` raises `RecursionError` on about a thousand nested brackets, which no
caller expects; every caller already treats `ValueError` as malformed JSON, so `loads`
turns the one into the other.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["loads"]


def loads(text: str | bytes) -> Any:
    """`json.loads`, raising `ValueError` for JSON nested too deeply to parse."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
