"""Damaged cache and memo entries, counted per process and reported in one line.

Why: an entry that parses but fails validation (a wrong shape, wrong types) is only a
miss: the work is done again and the entry rewritten. The user should still learn that
their cache held bad data, once per run rather than once per entry, so the stores note
each one here and the CLI prints the count when the command ends.
"""

from __future__ import annotations

import threading
from collections import Counter

__all__ = ["note", "report"]

_lock = threading.Lock()
_counts: Counter[str] = Counter()


def note(store: str) -> None:
    """One damaged entry found in `store` ("answer cache", "run memo", "memo")."""
    with _lock:
        _counts[store] += 1


def report() -> str | None:
    """The one warning line for what was noted since the last report, then forget it."""
    with _lock:
        if not _counts:
            return None
        total = sum(_counts.values())
        where = ", ".join(f"{n} in the {store}" for store, n in sorted(_counts.items()))
        _counts.clear()
    entries = "entry" if total == 1 else "entries"
    return f"warning: {total} damaged cache {entries} ({where}) ignored and rewritten"
