"""LLM backends behind one interface (`complete(Request) -> Response`), chosen by name.

This package knows nothing of briefings: `registry.build_llm(settings)` builds a backend.
"""

from __future__ import annotations

from briefing.llm.base import LLM, Request, Response

__all__ = ["LLM", "Request", "Response"]
