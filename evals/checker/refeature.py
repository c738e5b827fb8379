"""Recompute the kept features of labelled rows after a change of the code signals, no model.

    python evals/checker/refeature.py mqm-test.jsonl mqm-fit.jsonl [--check]

A row's judge probabilities (`part_judge_p`, one per part of the claim) are kept in
evals/checker/features/<file>; the code signals and the embedding similarities are
recomputed here by the checker without a judge, and the judge features are put back from
the kept probabilities (the weakest part's logit, as `Checker.check` takes it). The parts
come from `decompose`, which the signals do not change, so the merged row is the one a
full model run would write. `--check` only counts the rows whose features would change.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from briefing.check.checker import LOGIT_CAP, Checker, crossed
from briefing.eval.checker_eval import read_features, read_rows, run_rows

HERE = Path(__file__).parent


def judge_logit(probs: list[float | None]) -> float:
    logits = []
    for p in probs:
        if p is None:
            logits.append(0.0)
            continue
        p = min(max(p, 1e-6), 1 - 1e-6)
        logits.append(max(-LOGIT_CAP, min(LOGIT_CAP, math.log(p / (1 - p)))))
    return round(min(logits), 4) if logits else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="+")
    ap.add_argument("--data", type=Path, default=HERE / "data")
    ap.add_argument("--features-dir", type=Path, default=HERE / "features")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    checker = Checker(None)
    for name in args.files:
        cache = args.features_dir / name
        kept = read_features(cache)
        rows = [r for r in read_rows(args.data / name) if r["id"] in kept]
        fresh = {r["id"]: r for r in run_rows(checker, rows)}
        changed = 0
        lines = []
        for rid, old in kept.items():
            if rid not in fresh:
                lines.append(old)
                continue
            features = dict(fresh[rid]["features"])
            features["judge_logit"] = judge_logit(old.get("part_judge_p") or [])
            features.update(crossed(features))
            features = {k: features[k] for k in old["features"]} | features
            if any(abs(features[k] - v) > 1e-3 for k, v in old["features"].items()):
                changed += 1
            lines.append({**old, "features": features, "reason": fresh[rid]["reason"]})
        print(f"{name}: {len(kept)} kept rows, {changed} with other features")
        if not args.check:
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)
            cache.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
