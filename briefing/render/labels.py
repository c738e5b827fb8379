"""Fixed words of the rendered briefing (headings, language names) per output language.

Headings are not worth an LLM call, nor the risk of a mistranslated heading; a language
without an entry falls back to English headings and is still written in its own language.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from briefing.core.languages import PIVOT, language_name
from briefing.core.models import SECTIONS, Briefing, Source
from briefing.lang.names import as_written_in, in_script_of, place_in, translated_name

_EN = {
    "title": "Briefing",
    "language": "English",
    "lead": "In brief",
    "developments": "What happened",
    "agreements": "Agreements",
    "open_issues": "Open issues",
    "positions": "Positions",
    "disagreements": "Where the sources disagree",
    "background": "Background",
    "sources": "Sources",
    "none": "Nothing reported.",
    "generated": "Generated",
    "versus": "— whereas",
    "gloss": "rough machine gloss, unverified",
    # the marks a quoted sentence is set in, as the column's language writes them
    "quote_open": "“",
    "quote_close": "”",
}

LABELS: dict[str, dict[str, str]] = {
    "en": _EN,
    "is": {
        "title": "Samantekt",
        "language": "Íslenska",
        "lead": "Í stuttu máli",
        "developments": "Hvað gerðist",
        "agreements": "Samkomulag",
        "open_issues": "Óleyst mál",
        "positions": "Afstaða aðila",
        "disagreements": "Þar sem heimildum ber ekki saman",
        "background": "Baksvið",
        "sources": "Heimildir",
        "none": "Ekkert kom fram.",
        "generated": "Unnið",
        "versus": "— en",
        "gloss": "gróf vélþýðing á ensku, óstaðfest",
        "quote_open": "„",
        "quote_close": "“",
    },
    "de": {
        "title": "Lagebericht",
        "language": "Deutsch",
        "lead": "Kurz gesagt",
        "developments": "Was geschah",
        "agreements": "Einigungen",
        "open_issues": "Offene Fragen",
        "positions": "Positionen",
        "disagreements": "Wo die Quellen sich widersprechen",
        "background": "Hintergrund",
        "sources": "Quellen",
        "none": "Nichts berichtet.",
        "generated": "Erstellt",
        "versus": "— dagegen",
        "quote_open": "„",
        "quote_close": "“",
    },
    "da": {
        "title": "Briefing",
        "language": "Dansk",
        "lead": "Kort fortalt",
        "developments": "Hvad skete",
        "agreements": "Enighed",
        "open_issues": "Uafklarede spørgsmål",
        "positions": "Holdninger",
        "disagreements": "Hvor kilderne er uenige",
        "background": "Baggrund",
        "sources": "Kilder",
        "none": "Intet rapporteret.",
        "generated": "Genereret",
        "versus": "— hvorimod",
    },
}


def labels(code: str) -> dict[str, str]:
    base = dict(_EN, language=language_name(code))
    return {**base, **LABELS.get(code, {})}


def source_label(source: Source) -> str:
    """How a source is named to readers: its outlet, else its title."""
    return source.outlet or source.title


def side_label(source: Source) -> str:
    """How one side of a disagreement names its source in a line: the outlet, else the
    web site, else the source's id the source list spells out ("A2"); a headline, in
    the other column's language, would be most of the line."""
    if source.outlet:
        return source.outlet
    host = urlsplit(source.url or "").hostname
    return host.removeprefix("www.") if host else source.id


def actor_names(briefing: Briefing) -> dict[str, dict[str, str]]:
    """Per output language, each actor as its reader finds the name: as that language's
    sources write it where they give it other accents ("Sveinbjörn Indriðason" for a
    reader of Icelandic where the actor came from "Sveinbjorn Indridason" in English,
    `as_written_in`), in Latin letters with the original beside it for a reader of a
    language written in them ("Oleg Savin (Олег Савин)", `in_script_of`); a place in
    its reader's name for it ("Le Danemark" is "Danmörk" in Icelandic, `place_in`); a
    body no source of the language names, for a reader of English, as the English gloss
    of its own line names it (`_translated`)."""
    actors = sorted({i.actor for key in SECTIONS for i in getattr(briefing, key) if i.actor})
    glossed = _translated(briefing)
    out: dict[str, dict[str, str]] = {}
    for lang in briefing.languages:
        texts = [s.text for src in briefing.sources if src.language == lang for s in src.sentences]
        out[lang] = {a: in_script_of(_written(a, texts, lang, glossed), lang) for a in actors}
    return out


def _written(actor: str, texts: list[str], lang: str, glossed: dict[str, str]) -> str:
    place = place_in(actor, lang)
    if place != actor:
        return place
    written = as_written_in(actor, texts)
    if written != actor or lang != PIVOT or any(actor in text for text in texts):
        return written
    return glossed.get(actor, actor)


def _translated(briefing: Briefing) -> dict[str, str]:
    """Each actor whose own line's rough English gloss names it in English, where the
    line opens with it ("Die Europäische Kommission begrüßte…": "European Commission"
    for a reader of English, not the German), `names.translated_name`: the first such."""
    sentences = {s.id: (s.text, src.language) for src in briefing.sources for s in src.sentences}
    out: dict[str, str] = {}
    for key in SECTIONS:
        for item in getattr(briefing, key):
            english = item.gloss.get(PIVOT)
            if not item.actor or item.actor in out or not english:
                continue
            if item.evidence[0] in sentences:
                original, language = sentences[item.evidence[0]]
                found = translated_name(item.actor, original, english, language)
                if found is not None:
                    out[item.actor] = found
    return out


def side_names(briefing: Briefing) -> dict[str, dict[str, str]]:
    """Per output language, each source's side label (`side_label`) as its reader finds
    it: an outlet in Cyrillic in Latin letters for a Latin column ("TASS (ТАСС)")."""
    return {
        lang: {s.id: in_script_of(side_label(s), lang) for s in briefing.sources}
        for lang in briefing.languages
    }
