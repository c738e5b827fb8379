"""Provenance: which backend, weights, sampling and prompts made (or judged) a briefing.

One place builds these records, so the briefing JSON, its Markdown footer and every
eval report describe a run the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from briefing import __version__
from briefing.llm.base import LLM, Request, model_sha256
from briefing.models import PromptInfo


def llm_info(llm: LLM) -> dict[str, Any]:
    return {"backend": llm.name, "model": llm.model, "model_sha256": model_sha256(llm)}


def sampling(max_tokens: int | None = None) -> dict[str, Any]:
    """The sampling every call uses; `max_tokens` only where it is one fixed value."""
    params = Request(messages=[]).sampling()
    if max_tokens is None:
        params.pop("max_tokens")
    else:
        params["max_tokens"] = max_tokens
    return params


def _origin(info: PromptInfo | Mapping[str, str]) -> str:
    return info.origin if isinstance(info, PromptInfo) else info["origin"]


def _sha(info: PromptInfo | Mapping[str, str]) -> str:
    return info.sha256 if isinstance(info, PromptInfo) else info["sha256"]


def prompts_digest(prompts: Mapping[str, PromptInfo | Mapping[str, str]]) -> str:
    """One short hash for a whole prompt set, and which of its files were overridden."""
    combined = hashlib.sha256(
        json.dumps({k: _sha(v) for k, v in prompts.items()}, sort_keys=True).encode()
    ).hexdigest()
    overridden = sorted(k for k, v in prompts.items() if _origin(v) == "override")
    origin = f"overridden: {', '.join(overridden)}" if overridden else "shipped"
    return f"prompts {combined[:12]} ({origin})"


def summary(
    backend: str,
    model: str,
    sha256: str | None,
    prompts: Mapping[str, PromptInfo | Mapping[str, str]] | None = None,
    calls: int | None = None,
) -> str:
    """`briefing 0.1.0 · embedded · MODEL (sha256 …) · N LLM calls · prompts HASH (shipped)`."""
    weights = f" (sha256 {sha256[:12]})" if sha256 else ""
    parts = [f"briefing {__version__}", backend, model + weights]
    if calls is not None:
        parts.append(f"{calls} LLM calls")
    if prompts:
        parts.append(prompts_digest(prompts))
    return " · ".join(parts)
