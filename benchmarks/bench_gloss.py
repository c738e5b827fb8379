"""Measure what the Icelandic gloss leaves in Icelandic: every Icelandic sentence of the
eval cases, the labelled articles, the benchmark stories and the Alaska sample, glossed
as the pipeline glosses it, and the share of gloss words left as Icelandic (a word with
an Icelandic letter, or a word of the sentence itself of four letters or more), names
(capitalised in the sentence) aside. The English reader of an Icelandic-only fact sees
this gloss, marked as a rough machine gloss; each word left in Icelandic is one they
cannot read. Run: .venv/bin/python benchmarks/bench_gloss.py [--list]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from briefing.core.errors import BriefingError
from briefing.ingest.read import load_sources
from briefing.lang.gloss import gloss

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [
    *sorted((ROOT / "evals" / "cases").iterdir()),
    ROOT / "evals" / "sections" / "articles" / "is",
    *sorted((ROOT / "benchmarks" / "stories").iterdir()),
    ROOT.parent / "shared" / "samples" / "alaska-summit",
]
_ICELANDIC = re.compile(r"[þæðöáéíóúýÞÆÐÖÁÉÍÓÚÝ]")
_WORD = re.compile(r"[^\W\d_]+")


def icelandic_sentences() -> list[str]:
    found: set[str] = set()
    for folder in FOLDERS:
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            try:
                sources = load_sources([path])
            except BriefingError:
                continue  # a case's notes, not an article
            found.update(s.text for src in sources if src.language == "is" for s in src.sentences)
    return sorted(found)


def left_in_icelandic(sentence: str, english: str) -> list[str]:
    own = set(_WORD.findall(sentence))
    names = {w for w in own if w[:1].isupper()}
    return [
        w
        for w in _WORD.findall(english)
        if w not in names and (_ICELANDIC.search(w) or (w in own and len(w) > 3))
    ]


def main() -> None:
    sentences = icelandic_sentences()
    glossed = gloss(sentences, "is")
    left = [left_in_icelandic(s, g or "") for s, g in zip(sentences, glossed, strict=True)]
    words = sum(len(_WORD.findall(g or "")) for g in glossed)
    unread = sum(map(len, left))
    lines = sum(bool(x) for x in left)
    print(
        f"{len(sentences)} Icelandic sentences, {words} gloss words: {unread} left in "
        f"Icelandic ({unread / max(1, words):.2%}), in {lines} sentences "
        f"({lines / max(1, len(sentences)):.1%})"
    )
    if "--list" in sys.argv:
        print(Counter(w for x in left for w in x).most_common())


if __name__ == "__main__":
    main()
