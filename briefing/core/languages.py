"""Data about languages: the pivot the pipeline extracts in, and language names.

Both extract and translate read these, and prompts name a language in words; the
rendered headings per language are presentation and live in `briefing.render.labels`.
"""

from __future__ import annotations

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
