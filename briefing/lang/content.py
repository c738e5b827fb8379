"""A sentence's content words as lemmas, per language: what two sentences of one language
must share, beyond an embedding's likeness, to report one fact (`stages.align`)."""

from __future__ import annotations

import functools
import re

from briefing.lang import lexicon
from briefing.lang.icelandic import lemmas

MIN_LETTERS = 4  # shorter words are mostly function words in every language here
STEM = 5  # letters kept of a word no lemmatiser reads ("controllers" ~ "control")


@functools.lru_cache(maxsize=65536)  # each link stage reads every sentence's lemmas
def content_lemmas(text: str, lang: str) -> frozenset[str]:
    """Icelandic words as their BÍN lemma (the first in order, for a word of several
    readings), other languages' as a stem; stopwords of the language's lexicon left out."""
    stop = lexicon.wordset("content.stopwords", lang)
    found: set[str] = set()
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if word in stop:
            continue
        if lang == "is":  # by the lemma's length: "gaf" is "gefa", as "gefið" is
            lemma = min(lemmas(word), default=word)
            if len(lemma) >= MIN_LETTERS and lemma not in stop:
                found.add(lemma)
        elif len(word) >= MIN_LETTERS:
            found.add(word[:STEM])
    return frozenset(found)


def shared(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard of two sets of content lemmas (0 for two empty ones)."""
    return len(a & b) / len(a | b) if a | b else 0.0
