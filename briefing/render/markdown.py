"""Render a Briefing to Markdown through a layout template; quotes come from the sources.

Footnotes quote the cited sentences verbatim from the source text, in their original
language: the model's own words never appear inside a quotation mark.
"""

from __future__ import annotations

from typing import Any

from briefing import __version__
from briefing.core.models import SECTIONS, Briefing
from briefing.prompts import PromptSet
from briefing.render.labels import actor_names, labels, side_names, source_label
from briefing.render.provenance import summary

DEFAULT_LAYOUT = "stacked"


def footnotes(briefing: Briefing) -> list[dict[str, Any]]:
    """Every cited sentence once, in order of first citation."""
    index = briefing.sentence_index()
    cited: list[str] = []
    for section in SECTIONS:
        for item in getattr(briefing, section):
            cited += [e for e in item.evidence if e not in cited]
    notes = []
    for sentence_id in cited:
        source = briefing.source_of(sentence_id)
        notes.append(
            {
                "id": sentence_id,
                "quote": " ".join(index[sentence_id].text.split()),
                "source": source_label(source),
                "title": source.title,
                "url": source.url,
                "language": source.language,
            }
        )
    return notes


def footer(briefing: Briefing) -> str:
    """One line of provenance: tool, backend, model, weights hash and prompt hashes."""
    run = briefing.run
    if run is None:
        return f"briefing {__version__}"
    total = run.usage.get("total")
    prompts = {name: info.model_dump() for name, info in run.prompts.items()}
    return summary(
        run.backend, run.model, run.model_sha256, prompts, total.calls if total else None
    )


def render_markdown(
    briefing: Briefing, prompts: PromptSet | None = None, layout: str = DEFAULT_LAYOUT
) -> str:
    prompts = prompts or PromptSet()
    sections = [(key, getattr(briefing, key)) for key in SECTIONS]
    text = prompts.render(
        f"layout.{layout}.md",
        briefing=briefing,
        languages=briefing.languages,
        labels={lang: labels(lang) for lang in briefing.languages},
        sections=sections,
        lead=[briefing.item(key) for key in briefing.lead],
        footnotes=footnotes(briefing),
        source_names=side_names(briefing),
        actor_names=actor_names(briefing),
        run=footer(briefing),
    )
    return text + "\n"


def render_json(briefing: Briefing) -> str:
    return briefing.model_dump_json(indent=2) + "\n"
