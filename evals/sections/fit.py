"""Fit the kind classifier on the `fit` articles only and write briefing/stages/kinds.json.

    python evals/sections/fit.py [--data evals/sections/labels.jsonl]

The L2 penalty is chosen by leaving one fit article out at a time; the `sure` threshold
is the lowest probability from which the left-out predictions are right at least
`--sure-precision` of the time. The test articles are never read here.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np

from briefing.check.calibration import Calibration, fit_logistic
from briefing.eval.kinds_eval import Row, places, read_rows
from briefing.lang.embed import default_embedder
from briefing.stages.kinds import KINDS, WEIGHTS_FILE, Kinds, cues_sha256, features

HERE = Path(__file__).parent
L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)


def fit_kinds(rows: list[dict[str, float]], labels: list[str], l2: float) -> dict[str, Calibration]:
    names = sorted(rows[0])
    x = np.array([[r[f] for f in names] for r in rows])
    mean, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    scale = {f: (float(m), float(s)) for f, m, s in zip(names, mean, sd, strict=True)}
    out = {}
    for kind in KINDS:
        y = np.array([float(label == kind) for label in labels])
        w, b = fit_logistic((x - mean) / sd, y, l2)
        out[kind] = Calibration(names, [float(v) for v in w], b, 0.5, scale)
    return out


def left_out(
    fit_rows: list[Row], feats: list[dict[str, float]], l2: float
) -> list[tuple[str, float, bool]]:
    """(kind, probability, right) of each fit row, predicted with its article left out."""
    out: list[tuple[str, float, bool]] = [("", 0.0, False)] * len(fit_rows)
    for article in sorted({r.article for r in fit_rows}):
        inside = [i for i, r in enumerate(fit_rows) if r.article != article]
        model = Kinds(
            fit_kinds([feats[i] for i in inside], [fit_rows[i].kind for i in inside], l2), 1.0, {}
        )
        for i, r in enumerate(fit_rows):
            if r.article == article:
                got = model.classify(feats[i])
                out[i] = (got.kind, got.probability, got.kind == r.kind)
    return out


def sure_threshold(predictions: list[tuple[str, float, bool]], precision: float) -> float:
    """The lowest probability from which predictions are right at least `precision`."""
    ranked = sorted(predictions, key=lambda p: -p[1])
    best, right = 1.0, 0
    for n, (_, probability, ok) in enumerate(ranked, 1):
        right += ok
        if right / n >= precision:
            best = probability
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=HERE / "labels.jsonl")
    ap.add_argument("--sure-precision", type=float, default=0.95)
    ap.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    args = ap.parse_args()
    fit_rows = read_rows(args.data, "fit")
    texts = [(r.text, r.lang) for r in fit_rows]
    feats = features(texts, default_embedder(), places(fit_rows, fit_rows))
    scored = {}
    for l2 in L2_GRID:
        predictions = left_out(fit_rows, feats, l2)
        scored[l2] = (sum(ok for _, _, ok in predictions) / len(predictions), predictions)
        print(f"l2 {l2:>6}: left-one-article-out accuracy {scored[l2][0]:.3f}")
    l2 = max(L2_GRID, key=lambda v: (scored[v][0], v))
    accuracy, predictions = scored[l2]
    sure = sure_threshold(predictions, args.sure_precision)
    sure_share = sum(p >= sure for _, p, _ in predictions) / len(predictions)
    model = Kinds(
        fit_kinds(feats, [r.kind for r in fit_rows], l2),
        sure,
        {
            "fitted_on": f"{args.data.name} fit split: {len(fit_rows)} sentences, "
            f"{len({r.article for r in fit_rows})} articles",
            "data_sha256": hashlib.sha256(args.data.read_bytes()).hexdigest()[:16],
            "l2": l2,
            "left_out_accuracy": round(accuracy, 4),
            "sure_precision": args.sure_precision,
            "sure_share_left_out": round(sure_share, 4),
            "embedder": default_embedder().name,
            "cues_sha256": cues_sha256(),
            "command": "python evals/sections/fit.py",
        },
    )
    model.save(args.out)
    print(f"l2 {l2}, sure from {sure:.3f} ({sure_share:.0%} of left-out rows) -> {args.out}")


if __name__ == "__main__":
    main()
