"""Provenance lines: which backend, weights and prompts made (or judged) a briefing.

One place builds these records, so the briefing JSON, its Markdown footer and every
eval report describe a run the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from briefing import __version__


def prompts_digest(prompts: Mapping[str, Mapping[str, str]]) -> str:
    """One short hash for a whole prompt set, and which of its files were overridden."""
    combined = hashlib.sha256(
        json.dumps({k: v["sha256"] for k, v in prompts.items()}, sort_keys=True).encode()
    ).hexdigest()
    overridden = sorted(k for k, v in prompts.items() if v["origin"] == "override")
    origin = f"overridden: {', '.join(overridden)}" if overridden else "shipped"
    return f"prompts {combined[:12]} ({origin})"


def model_label(model: str, sha256: str | None) -> str:
    """`MODEL (sha256 cc324af070c2)`, or the name alone when the weights are unknown."""
    return model + (f" (sha256 {sha256[:12]})" if sha256 else "")


def summary(
    backend: str,
    model: str,
    sha256: str | None,
    prompts: Mapping[str, Mapping[str, str]] | None = None,
    calls: int | None = None,
) -> str:
    """`briefing 0.1.0 · embedded · MODEL (sha256 …) · N LLM calls · prompts HASH (shipped)`."""
    parts = [f"briefing {__version__}", backend, model_label(model, sha256)]
    if calls is not None:
        parts.append(f"{calls} LLM calls")
    if prompts:
        parts.append(prompts_digest(prompts))
    return " · ".join(parts)
