"""The daily front page as Markdown (through `prompts/frontpage.md.j2`) and as JSON.

Neither carries a time or a duration, so a re-run over the same stories writes the same
bytes.
"""

from __future__ import annotations

from briefing.prompts import PromptSet
from briefing.stages.daily import FrontPage

__all__ = ["render_front_json", "render_front_markdown"]


def render_front_markdown(page: FrontPage, prompts: PromptSet | None = None) -> str:
    ranked = page.ranked()
    text = (prompts or PromptSet()).render(
        "frontpage.md",
        date=ranked.date,
        languages=ranked.languages,
        stories=[s for s in ranked.stories if s.status == "ok"],
        failed=[s for s in ranked.stories if s.status == "failed"],
    )
    return text + "\n"


def render_front_json(page: FrontPage) -> str:
    return page.ranked().model_dump_json(indent=2) + "\n"
