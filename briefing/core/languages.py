"""Data about languages: the pivot the pipeline extracts in, and language names.

Both extract and translate read these, and prompts name a language in words; the
rendered headings per language are presentation and live in `briefing.render.labels`.
"""

from __future__ import annotations

from collections.abc import Iterable

PIVOT = "en"
"""Statements are extracted in English and translated from it into the other languages."""

LANGUAGE_NAMES = {
    "en": "English",
    "is": "Icelandic",
    "da": "Danish",
    "de": "German",
    "es": "Spanish",
    "fi": "Finnish",
    "fo": "Faroese",
    "fr": "French",
    "it": "Italian",
    "nb": "Norwegian",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "sv": "Swedish",
    "uk": "Ukrainian",
}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def normalise_languages(codes: Iterable[str]) -> list[str]:
    """Output languages as the tool names them: a BCP-47 tag's primary subtag, lower case
    (`en-US` -> `en`, `IS` -> `is`). An unknown language or one named twice is refused:
    either would write a section nobody asked for (`[en]` lines, or the same one twice)."""
    seen: list[str] = []
    for raw in codes:
        code = raw.strip().replace("_", "-").split("-")[0].lower()
        if code not in LANGUAGE_NAMES:
            raise ValueError(
                f"unknown language {raw.strip()!r} (known: {', '.join(sorted(LANGUAGE_NAMES))})"
            )
        if code in seen:
            raise ValueError(f"language {code!r} given twice")
        seen.append(code)
    if not seen:
        raise ValueError("no language given")
    return seen
