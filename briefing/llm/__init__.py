"""LLM backends behind one interface, chosen by name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.errors import BriefingError
from briefing.llm.base import LLM, Request, Response

__all__ = ["BACKENDS", "LLM", "Request", "Response", "get_llm"]

BACKENDS = ("embedded", "openai", "fake")


def get_llm(backend: str = "embedded", model: str | None = None, **options: Any) -> LLM:
    """Build a backend by name; options are the backend's own (model_file, base_url, ...)."""
    if backend == "embedded":
        from briefing.llm.embedded import EmbeddedLLM

        model_file = options.get("model_file")
        return EmbeddedLLM(model_path=Path(model_file) if model_file else None)
    if backend == "openai":
        from briefing.llm.openai_backend import OpenAILLM

        return OpenAILLM(model=model, **options)
    if backend == "fake":
        from briefing.llm.fake import FakeLLM, echo_answer

        return FakeLLM(options.get("answers") or echo_answer)
    raise BriefingError(f"unknown backend {backend!r} (choose from {', '.join(BACKENDS)})")
