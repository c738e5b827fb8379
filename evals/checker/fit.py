"""Fit the checker's calibration on the fit files only, and write briefing/check/checker.json.

    flock /tmp/briefing-model.lock python evals/checker/fit.py [--slice N] [--only-features]

Features (judge probabilities included) of every fit row are computed once by the checker
on the embedded model and kept in evals/checker/features/<file>; a re-run only refits.
The test files are never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing.check import calibration as cal
from briefing.check.checker import CROSSED, Checker
from briefing.eval.checker_eval import read_features, read_rows, run_rows, stratified_slice

HERE = Path(__file__).parent
FIT_FILES = ("fit.jsonl", "xling-fit.jsonl")
FEATURES = [
    "judge_logit",
    "values_missing",
    "names_missing",
    "negation_mismatch",
    "overlap",
    "embed_sim",
    "part_sim",
    "xling",
    *(f"x_{name}" for name in CROSSED),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=HERE / "data")
    ap.add_argument("--features-dir", type=Path, default=HERE / "features")
    ap.add_argument("--slice", type=int, default=0, help="rows per fit file (0 = all)")
    ap.add_argument("--only-features", action="store_true")
    ap.add_argument(
        "--file",
        dest="files",
        action="append",
        help=f"a fit file in --data (repeatable; default: {', '.join(FIT_FILES)}). "
        "mqm-fit.jsonl is not in the default: fitted with it, the weights lose on "
        "xling-test (README)",
    )
    ap.add_argument(
        "--available",
        action="store_true",
        help="fit on the rows whose features are already kept (no model run)",
    )
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument(
        "--consistency", action="store_true", help="fit consistency.json (no judge, no model)"
    )
    args = ap.parse_args()
    if args.consistency:
        fit_consistency(args)
        return
    rows = []
    per_file: dict[str, int] = {}
    checker = None
    files = tuple(args.files or FIT_FILES)
    for name in files:
        data = read_rows(args.data / name)
        if args.slice:
            data = stratified_slice(data, args.slice)
        cache = args.features_dir / name
        have = set(read_features(cache)) if cache.exists() else set()
        if args.available:
            data = [r for r in data if r["id"] in have]
        if checker is None and any(r["id"] not in have for r in data):
            checker = make_checker()
        rows += run_rows(checker, data, cache, lambda m: print(m, file=sys.stderr))  # type: ignore[arg-type]
        per_file[name] = len(data)
    if args.only_features:
        return
    fitted = cal.fit([r["features"] for r in rows], [r["label"] for r in rows], FEATURES, args.l2)
    fitted.meta = {
        "fitted_on": [f"evals/checker/data/{n}" for n in files],
        "rows": len(rows),
        "rows_per_file": per_file,
        "slice_per_file": args.slice or None,
        "only_rows_with_kept_features": args.available,
        "l2": args.l2,
        "threshold_rule": "max balanced accuracy on the fit rows",
        "script": "evals/checker/fit.py",
    }
    fitted.save()
    print(json.dumps(fitted.to_json(), indent=2))


CONSISTENCY = ["values_missing", "names_missing", "negation_mismatch", "overlap", "embed_sim"]


def fit_consistency(args: argparse.Namespace) -> None:
    """Judge-free signals of the cross-lingual fit pairs (a sentence vs its translation, or
    the translation perturbed) -> `briefing/check/consistency.json`."""
    from briefing.check.consistency import WEIGHTS_FILE

    name = "xling-fit.jsonl"
    data = read_rows(args.data / name)
    rows = run_rows(Checker(None), data, args.features_dir / f"nojudge-{name}")
    fitted = cal.fit([r["features"] for r in rows], [r["label"] for r in rows], CONSISTENCY)
    fitted.meta = {
        "fitted_on": [f"evals/checker/data/{name}"],
        "rows": len(rows),
        "threshold_rule": "max balanced accuracy on the fit rows",
        "script": "evals/checker/fit.py --consistency",
    }
    fitted.save(WEIGHTS_FILE)
    print(json.dumps(fitted.to_json(), indent=2))


def make_checker() -> Checker:
    from briefing.core.config import resolve
    from briefing.llm.registry import build_llm

    return Checker(build_llm(resolve({"backend": "embedded"}), judge=True))


if __name__ == "__main__":
    main()
