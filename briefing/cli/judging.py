"""Judges and checkers for the eval commands, built as `generate` builds backends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.check.judge import Judge
from briefing.prompts import PromptSet


def make_judge(
    backend: str | None, model: str | None, votes: int, prompts: Path | None = None
) -> Judge:
    """A judge on `backend`, built as `generate` builds backends: config file, environment
    and answer cache included, so re-checking a briefing asks nothing twice."""
    from briefing.core.config import resolve
    from briefing.llm.registry import build_llm

    backend = backend or "embedded"
    if backend == "embedded":
        flags: dict[str, Any] = {"backend": backend, "model_file": Path(model) if model else None}
    else:
        flags = {"backend": backend, "model": model}
    return Judge(build_llm(resolve(flags), judge=True), votes=votes, prompts=PromptSet(prompts))


def _backend(
    backend: str | None, model_file: Path | None, prompts: Path | None = None
) -> tuple[Any, Path | None]:
    """The generating backend as `generate` builds it (config file included), behind the
    answer cache, so eval runs and comparisons reuse every answer whose prompt is unchanged;
    and the prompt folder the flag or the config names."""
    from briefing.core.config import resolve
    from briefing.llm.registry import build_llm

    settings = resolve({"backend": backend, "model_file": model_file, "prompts": prompts})
    return build_llm(settings), settings.prompts


def make_checker(backend: str | None, model: str | None, threshold: float | None = None) -> Any:
    """The calibrated checker on `backend` (None: code signals only), with the answer cache."""
    from briefing.check.checker import Checker

    llm = None if backend is None else make_judge(backend, model, 1).llm
    return Checker(llm, threshold=threshold)
