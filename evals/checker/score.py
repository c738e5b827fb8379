"""The `briefing eval checker` report from kept features only: no model, no judge calls.

    python evals/checker/score.py [--slice N] [--weights FILE] mqm-test.jsonl xling-test.jsonl

Rows whose features are not kept in evals/checker/features/<file> are left out (the count
is printed); `briefing eval checker --features-dir evals/checker/features` computes them.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from briefing.check import calibration as cal
from briefing.eval import checker_eval as ce

HERE = Path(__file__).parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="+")
    ap.add_argument("--data", type=Path, default=HERE / "data")
    ap.add_argument("--features-dir", type=Path, default=HERE / "features")
    ap.add_argument("--slice", type=int, default=0)
    ap.add_argument("--weights", type=Path, default=cal.WEIGHTS_FILE)
    ap.add_argument("--report-json", type=Path)
    args = ap.parse_args()
    calibration = cal.load(args.weights)
    report = {"weights": str(args.weights), "threshold": calibration.threshold}
    for name in args.files:
        rows = ce.read_rows(args.data / name)
        if args.slice:
            rows = ce.stratified_slice(rows, args.slice)
        kept = ce.read_features(args.features_dir / name)
        have = [r for r in rows if r["id"] in kept]
        done = [{**ce._meta(r), **kept[r["id"]]} for r in have]
        summary = ce.summarise(ce.score_rows(done, calibration), calibration.threshold)
        report[name] = summary
        print(f"({len(have)} of {len(rows)} rows have kept features)")
        for line in ce.table(f"{name} (threshold {calibration.threshold:.3f})", summary):
            print(line)
    if args.report_json:
        args.report_json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
