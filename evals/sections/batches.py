"""Score the shipped kind classifier and holder resolver on each batch of test articles.

    python evals/sections/batches.py

`briefing eval kinds` scores the whole `test` split. The split grew in batches (README,
"Split"): the first ten articles, whose errors were read in stop 48, and the stop-48
batch, written for the split alone and never read. A rule fitted to the first batch's
errors shows here as a gain on it and none on the second.
"""

from __future__ import annotations

from pathlib import Path

from build import TEST

from briefing.eval.kinds_eval import holders, predict, read_rows, right_holder, settle
from briefing.lang.embed import default_embedder
from briefing.stages.kinds import load

HERE = Path(__file__).parent
BATCHES = {"first ten (errors read)": TEST[:10], "stop 48 (unseen)": TEST[10:]}


def main() -> None:
    everything = read_rows(HERE / "labels.jsonl")
    kinds, embedder = load(), default_embedder()
    if kinds is None:
        raise SystemExit("no shipped weights: run evals/sections/fit.py")
    for name, articles in BATCHES.items():
        rows = [r for r in everything if r.article in articles]
        settled = settle(rows, predict(rows, kinds, embedder, everything), everything)
        held = holders(rows, everything)
        positions = [
            right_holder(h, r.actor)
            for r, h in zip(rows, held, strict=True)
            if r.kind == "position" and r.actor
        ]
        pairs = list(zip(rows, settled, strict=True))
        per_lang = " ".join(
            f"{lang} {sum(r.kind == s for r, s in pairs if r.lang == lang)}"
            f"/{sum(r.lang == lang for r in rows)}"
            for lang in sorted({r.lang for r in rows})
        )
        right = sum(r.kind == s for r, s in pairs)
        print(
            f"{name}: kind after settling {right}/{len(rows)} = {right / len(rows):.1%} "
            f"({per_lang}); holders {sum(positions)}/{len(positions)} = "
            f"{sum(positions) / len(positions):.1%}"
        )


if __name__ == "__main__":
    main()
