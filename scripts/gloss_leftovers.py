"""How much of the Icelandic gloss is still Icelandic, over the repository's articles.

    python scripts/gloss_leftovers.py [--out glosses.json]

Glosses every distinct Icelandic sentence of the eval cases, the labelled articles, the
all-Icelandic fixture and the Alaska sample, and counts the lower-case gloss words that
still carry Icelandic letters (names aside): words neither Apertium nor the lexicon's
glossary knew. `--out` keeps sentence -> gloss, to compare two commits' glosses.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from briefing.ingest.read import load_sources
from briefing.lang.gloss import ApertiumGlosser

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [
    *sorted(ROOT.glob("evals/cases/*/articles")),
    ROOT / "evals" / "sections" / "articles" / "is",
    ROOT / "tests" / "fixtures" / "icelandic-story",
    ROOT.parent / "shared" / "samples" / "alaska-summit",
]
ICELANDIC_LETTERS = re.compile(r"[ðþæöáéíóúý]")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    sentences = list(
        dict.fromkeys(
            s.text
            for folder in FOLDERS
            if folder.exists()
            for source in load_sources([folder])
            if source.language == "is"
            for s in source.sentences
        )
    )
    glosses = ApertiumGlosser().gloss(sentences)
    words = [w for g in glosses for w in re.findall(r"[^\W\d_]+", g or "") if w[:1].islower()]
    left = [w for w in words if ICELANDIC_LETTERS.search(w)]
    print(
        f"{len(sentences)} sentences, {len(words)} lower-case gloss words, "
        f"{len(left)} left in Icelandic ({len(left) / max(1, len(words)):.1%})"
    )
    if args.out:
        args.out.write_text(
            json.dumps(dict(zip(sentences, glosses, strict=True)), ensure_ascii=False, indent=0),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
