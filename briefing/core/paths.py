"""Where briefing keeps its per-user files: the cache root (model weights, answers, stamps)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def cache_root() -> Path:
    """`$BRIEFING_CACHE_DIR` if set, else the platform's user cache dir for briefing."""
    override = os.environ.get("BRIEFING_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("briefing"))
