"""Measure what the Icelandic gloss leaves in Icelandic: every Icelandic sentence of the
eval cases, the labelled articles, the benchmark stories and the Alaska sample, glossed
as the pipeline glosses it, and the share of gloss words left as Icelandic (a word with
an Icelandic letter, or a word of the sentence itself of four letters or more), names
(capitalised in the sentence, or a person's name BÍN lists: the gloss gives names in the
nominative) aside. The English reader of an Icelandic-only fact sees this gloss, marked
as a rough machine gloss; each word left in Icelandic is one they cannot read.

`--chrf` also scores the gloss against human English: chrF (sacrebleu) of the glosses of
the Icelandic gate's NTREX pairs (`evals/gate/data`, built by its `build_data.py`) against
their English originals, per half; a change to the gloss is fitted on `fit` and read on
`test`. Run: .venv/bin/python benchmarks/bench_gloss.py [--list] [--chrf]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from briefing.core.errors import BriefingError
from briefing.ingest.read import load_sources
from briefing.lang import icelandic, lexicon
from briefing.lang.gloss import gloss

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [
    *sorted((ROOT / "evals" / "cases").iterdir()),
    ROOT / "evals" / "sections" / "articles" / "is",
    *sorted((ROOT / "benchmarks" / "stories").iterdir()),
    ROOT.parent / "shared" / "samples" / "alaska-summit",
]
NTREX = ROOT / "evals" / "gate" / "data" / "ntrex-en-is.jsonl"
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
    persons = lexicon.wordset("bin.person_domains", "is")
    names = {w for w in own if w[:1].isupper()} | {
        w
        for w in _WORD.findall(english)
        if w[:1].isupper() and any(m.hluti in persons for m in icelandic.meanings(w))
    }
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
    if "--chrf" in sys.argv:
        chrf()


def chrf() -> None:
    """chrF of the gloss against NTREX's human English, per half of the gate's pairs."""
    from sacrebleu.metrics import CHRF

    if not NTREX.exists():
        sys.exit(f"{NTREX} is missing: build it with evals/gate/build_data.py")
    rows = [json.loads(line) for line in NTREX.read_text(encoding="utf-8").splitlines()]
    glossed = gloss([r["is"] for r in rows], "is")
    for half in ("fit", "test"):
        pairs = [
            (g or "", r["en"]) for g, r in zip(glossed, rows, strict=True) if r["split"] == half
        ]
        score = CHRF().corpus_score([g for g, _ in pairs], [[e for _, e in pairs]]).score
        print(
            f"chrF of the gloss against NTREX's human English, {half} half "
            f"({len(pairs)} sentences): {score:.2f}"
        )


if __name__ == "__main__":
    main()
