"""Select the English–Icelandic pairs that measure the Icelandic gate (evals/gate/data/).

Stdlib only, deterministic. The input is a snapshot of NTREX-128 (a git directory read with
`git show COMMIT:PATH`, or a plain directory holding the files): newstest2019 English
sources with professional Icelandic translations (CC BY-SA 4.0, see SOURCES.md).

    python evals/gate/build_data.py --ntrex /path/to/MicrosoftTranslator+NTREX/repo

Kept: lines whose English has 6 to 30 words (briefing lines are one sentence of that size),
whose two sides each hold one sentence with balanced quotation marks (no fragment of a
quotation that runs over lines) and whose lengths agree (Icelandic 0.6 to 1.8 times the
English words). Documents are split in two halves by a hash of their id, so no document is
in both: `fit` (for looking at what the gate rejects and fixing it) and `test` (held out).
Each half is a fixed sample of 150 lines. `names` are the capitalised words inside the
sentences of the line's whole English article: the names of the sources, as the pipeline
gives them to the gate.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
from pathlib import Path

COMMIT = "8561f6a622db9edad1217683e5c83daefd8bb2bf"
ENGLISH = "NTREX-128/newstest2019-src.eng.txt"
ICELANDIC = "NTREX-128/newstest2019-ref.isl.txt"
DOCUMENTS = "DOCUMENT_IDS.tsv"
PER_SPLIT = 150
SEED = 23
OUT = Path(__file__).parent / "data" / "ntrex-en-is.jsonl"

# A full stop, question or exclamation mark followed by a capital: a second sentence.
_SECOND_SENTENCE = re.compile(r"[.!?][\"'“”„»]?\s+[\"'“„«]?[A-ZÁÉÍÓÚÝÞÆÖÐ]")
# A capitalised word after a word or comma and a space: inside a sentence, so a name.
_INSIDE_NAME = re.compile(r"(?<=[\w,;)] )[A-Z][\w'’.-]*\w")


def read_text(repo: str, path: str) -> str:
    plain = Path(repo) / path
    if plain.is_file():
        return plain.read_text(encoding="utf-8")
    out = subprocess.run(
        ["git", "-C", repo, "show", f"{COMMIT}:{path}"], capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


def one_sentence(text: str) -> bool:
    return not _SECOND_SENTENCE.search(text.strip()[:-1])


def balanced(text: str) -> bool:
    """Quotation marks open and close within the line (an even count of straight quotes,
    as many „ as “ closing them in Icelandic)."""
    if text.count('"') % 2:
        return False
    return text.count("„") == text.count("“") and text.count("«") == text.count("»")


def eligible(en: str, is_: str) -> bool:
    n_en, n_is = len(en.split()), len(is_.split())
    return (
        6 <= n_en <= 30
        and 0.6 <= n_is / n_en <= 1.8
        and is_.rstrip()[-1:] in '.?!“"»'
        and one_sentence(en)
        and one_sentence(is_)
        and balanced(en)
        and balanced(is_)
    )


def article_names(lines: list[str]) -> list[str]:
    """Capitalised words inside the sentences of an article, first seen first."""
    return list(dict.fromkeys(m.group() for line in lines for m in _INSIDE_NAME.finditer(line)))


def split_of(doc: str) -> str:
    return "fit" if int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 2 == 0 else "test"


def build(repo: str) -> list[dict]:
    en = read_text(repo, ENGLISH).splitlines()
    is_ = read_text(repo, ICELANDIC).splitlines()
    docs = read_text(repo, DOCUMENTS).splitlines()
    if not len(en) == len(is_) == len(docs):
        raise SystemExit(f"line counts differ: {len(en)} en, {len(is_)} is, {len(docs)} ids")
    articles: dict[str, list[str]] = {}
    for e, d in zip(en, docs, strict=True):
        articles.setdefault(d.strip(), []).append(e)
    rows: dict[str, list[dict]] = {"fit": [], "test": []}
    for n, (e, i, d) in enumerate(zip(en, is_, docs, strict=True), 1):
        if eligible(e.strip(), i.strip()):
            split = split_of(d.strip())
            rows[split].append({"id": f"ntrex-{n}", "doc": d.strip(), "split": split,
                                "en": e.strip(), "is": i.strip(),
                                "names": article_names(articles[d.strip()])})  # fmt: skip
    rng = random.Random(SEED)
    chosen = []
    for split in ("fit", "test"):
        sample = rng.sample(rows[split], min(PER_SPLIT, len(rows[split])))
        chosen += sorted(sample, key=lambda r: int(r["id"].split("-")[1]))
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ntrex", required=True, help="NTREX git directory or checkout")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build(args.ntrex)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    args.out.write_text(text, encoding="utf-8")
    print(f"{len(rows)} pairs -> {args.out}")


if __name__ == "__main__":
    main()
