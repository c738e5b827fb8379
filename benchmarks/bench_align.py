"""Measure cross-source sentence links on the eval cases: how many, how many right.

A link is judged where both its sentences are cited by the case's expected points: right
when one point cites both (a report and its translation), wrong when they belong to
different points; links between sentences no point cites are counted, not judged. The
links are the merge links the pipeline uses: mutual best matches (`links`) less those
`one_speaker` cuts (two speakers, or two things one person said). Run
with `--whole` to link by whole-sentence embeddings only, without what sentences quote,
for comparison. Run: .venv/bin/python benchmarks/bench_align.py [--whole] [CASES_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefing.eval.cases import find_cases
from briefing.stages.align import SAME, links
from briefing.stages.reading import read
from briefing.stages.speakers import one_speaker

CASES = Path(__file__).resolve().parent.parent / "evals" / "cases"


def main() -> None:
    args = sys.argv[1:]
    whole = "--whole" in args
    if whole:
        args.remove("--whole")
    totals = [0, 0, 0]
    for case in find_cases(Path(args[0]) if args else CASES):
        reading = read(case.sources())
        if whole:
            reading.quoted.clear()
        points = [set(p.evidence) for p in case.expected]
        found = one_speaker(links(reading, SAME), reading)
        right = wrong = 0
        for link in found:
            holding = [p for p in points if link.a in p or link.b in p]
            if not any(link.a in p for p in holding) or not any(link.b in p for p in holding):
                continue  # a sentence no point cites: unjudged
            if any({link.a, link.b} <= p for p in points):
                right += 1
            else:
                wrong += 1
                print(f"  wrong: {link.a} {link.b} {link.score}", file=sys.stderr)
        print(f"{case.name:24} links {len(found):3}  right {right:3}  wrong {wrong:3}")
        totals = [totals[0] + len(found), totals[1] + right, totals[2] + wrong]
    links_n, right, wrong = totals
    judged = right + wrong
    precision = right / judged if judged else float("nan")
    print(
        f"{'all':24} links {links_n:3}  right {right:3}  wrong {wrong:3}  precision {precision:.2f}"
    )


if __name__ == "__main__":
    main()
