"""The English senses a bilingual dictionary gives each word of a non-English sentence.

The gloss is one rough reading: "friði" glossed "pacifies" where a good translation says
"peace". A statement written from the original by a model that reads the language well
uses the right sense, and checked against the gloss alone its words look invented. So
code also reads every analysis of every word through Apertium's own bilingual
dictionary (`lt-proc` over the pair's analyser and `autobil` transducer, the files the
pair's mode names): "friði" gives peace as well, "sagði" say. Words only, no order and
no meaning: what the statement's content words may be drawn from, not what it says.
"""

from __future__ import annotations

import functools
import re

from briefing.lang.gloss import glosser_for
from briefing.lang.gloss_reading import lt_proc, pair_files

__all__ = ["senses"]

_UNIT = re.compile(r"\^(.*?)\$")


@functools.lru_cache(maxsize=4096)
def senses(text: str, language: str) -> frozenset[str]:
    """Every English word the dictionary gives any reading of any word of `text`, lower
    case; empty where the language's glosser is no Apertium pair (`lang.gloss`) or the
    pair is not installed."""
    glosser = glosser_for(language)
    files = pair_files(getattr(glosser, "pair", ""))
    if files is None or not text.strip():
        return frozenset()
    analyser, bilingual = files
    readings = [
        reading
        for unit in _UNIT.findall(lt_proc(analyser, " ".join(text.split()), "-w"))
        for reading in unit.split("/")[1:]
        if not reading.startswith("*")
    ]
    if not readings:
        return frozenset()
    translated = lt_proc(bilingual, " ".join(f"^{r}$" for r in readings), "-b")
    out: set[str] = set()
    for unit in _UNIT.findall(translated):
        for target in unit.split("/")[1:]:
            if not target.startswith("@"):
                out.update(re.findall(r"[^\W\d_]+", target.split("<")[0].lower()))
    return frozenset(out)
