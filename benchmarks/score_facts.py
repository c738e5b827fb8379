"""Score a story's briefing against the key facts a reader lists for it (`facts.json`,
an eval case's `expected` points): the eval suite's case metrics (coverage per column,
sections, actors, single items, outlets merged) on a briefing `briefing generate` wrote,
with code's checks only (no judge, no model call). A story is no eval case (no floors,
no CI), so this is how a change is read against the stories' facts.

Run: .venv/bin/python benchmarks/score_facts.py STORY_DIR BRIEFING_JSON [--points]
(`--points`: each fact with the sections and first-cited sentences of the items citing it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from briefing.core.models import SECTIONS
from briefing.eval.cases import Case, Point, case_metrics
from briefing.eval.runner import load_briefing
from briefing.eval.scorers import evaluate


def load_facts(story: Path) -> Case:
    spec = json.loads((story / "facts.json").read_text(encoding="utf-8"))
    expected = [
        Point(p["text"], list(p["evidence"]), p.get("actor"), p.get("text_is"), p.get("section"))
        for p in spec["expected"]
    ]
    relevant = {e for p in expected for e in p.evidence}
    return Case(story.name, story, ["en", "is"], expected, [], relevant, {})


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    story, out = Path(argv[0]), Path(argv[1])
    case, briefing = load_facts(story), load_briefing(out)
    scores = evaluate(briefing, None)
    result = case_metrics(case, briefing, scores)
    shown = {k: round(v, 2) for k, v in result.metrics.items() if isinstance(v, float)}
    print(story.name, json.dumps(shown))
    if "--points" in argv:
        filed = [(s, i) for s in SECTIONS for i in getattr(briefing, s)]
        for point in case.expected:
            items = [(s, i.evidence[0]) for s, i in filed if set(point.evidence) & set(i.evidence)]
            print(f"- [{point.section}] {point.text[:70]}\n    {items}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
