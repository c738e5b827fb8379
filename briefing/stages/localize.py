"""Each statement in every output language, none of them written by the model.

The pivot language (English) line is the verified statement. In another language the
line is the item's own cited sentence in that language, quoted from its source, when
it has one; otherwise the English statement, marked as English. A translation that
code cannot verify is never published as if it were that language.
"""

from __future__ import annotations

from briefing.core.languages import PIVOT
from briefing.stages.reading import Reading


def lines(
    statement: str, evidence: list[str], reading: Reading, languages: list[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """(text, origin) per language; origin is "statement", "quote" or "fallback"."""
    text: dict[str, str] = {}
    origin: dict[str, str] = {}
    for lang in languages:
        quoted = next((e for e in evidence if reading.language[e] == lang), None)
        if lang == PIVOT:
            text[lang], origin[lang] = statement, "statement"
        elif quoted is not None:
            text[lang] = " ".join(reading.sentences[quoted].text.split())
            origin[lang] = f"quote:{quoted}"
        else:
            text[lang], origin[lang] = statement, "fallback"
    return text, origin
