"""Fit the kind classifier on the `fit` articles only and write briefing/stages/kinds.json.

    python evals/sections/fit.py [--data evals/sections/labels.jsonl]

The L2 penalty is chosen by leaving one fit article out at a time, on the kind code
settles the left-out predictions to (`kinds_eval.settle`, what the pipeline files); the
`sure` threshold is the lowest probability from which the left-out predictions are right
at least `--sure-precision` of the time. The left-out accuracy is printed per language and
per kind: it is the figure to develop against (the test articles are never read here, and
`briefing eval kinds --split fit` scores weights fitted on the rows it reads).
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np

from briefing.check.calibration import Calibration, fit_logistic
from briefing.eval.kinds_eval import Row, glosses, places, read_rows, settle
from briefing.lang.embed import default_embedder
from briefing.stages.kinds import KINDS, WEIGHTS_FILE, Kind, Kinds, cues_sha256, features

HERE = Path(__file__).parent
L2_GRID = (10.0, 20.0, 30.0, 50.0, 100.0)


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


def left_out(fit_rows: list[Row], feats: list[dict[str, float]], l2: float) -> list[Kind]:
    """The kind of each fit row, predicted with its article left out."""
    out: list[Kind | None] = [None] * len(fit_rows)
    for article in sorted({r.article for r in fit_rows}):
        inside = [i for i, r in enumerate(fit_rows) if r.article != article]
        model = Kinds(
            fit_kinds([feats[i] for i in inside], [fit_rows[i].kind for i in inside], l2), 1.0, {}
        )
        for i, r in enumerate(fit_rows):
            if r.article == article:
                out[i] = model.classify(feats[i])
    return [k for k in out if k is not None]


def report(fit_rows: list[Row], settled: list[str]) -> None:
    """The left-out accuracy after settling, per language and per kind (recall and
    precision): the figures README.md gives."""
    right = [r.kind == k for r, k in zip(fit_rows, settled, strict=True)]
    for lang in sorted({r.lang for r in fit_rows}):
        oks = [ok for r, ok in zip(fit_rows, right, strict=True) if r.lang == lang]
        print(f"  {lang}: {sum(oks) / len(oks):.1%} of {len(oks)}")
    for kind in KINDS:
        gold = [ok for r, ok in zip(fit_rows, right, strict=True) if r.kind == kind]
        said = [ok for k, ok in zip(settled, right, strict=True) if k == kind]
        print(
            f"  {kind}: recall {sum(gold) / max(1, len(gold)):.1%} of {len(gold)}, "
            f"precision {sum(said) / max(1, len(said)):.1%}"
        )


def sure_threshold(predictions: list[tuple[float, bool]], precision: float) -> float:
    """The lowest probability from which predictions are right at least `precision`."""
    ranked = sorted(predictions, key=lambda p: -p[0])
    best, right = 1.0, 0
    for n, (probability, ok) in enumerate(ranked, 1):
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
    feats = features(texts, default_embedder(), places(fit_rows, fit_rows), glosses(fit_rows))
    scored = {}
    for l2 in L2_GRID:
        kinds = left_out(fit_rows, feats, l2)
        settled = settle(fit_rows, kinds, fit_rows)
        raw = sum(k.kind == r.kind for k, r in zip(kinds, fit_rows, strict=True)) / len(kinds)
        accuracy = sum(k == r.kind for k, r in zip(settled, fit_rows, strict=True)) / len(kinds)
        scored[l2] = (accuracy, raw, kinds, settled)
        print(f"l2 {l2:>6}: left-one-article-out accuracy {accuracy:.3f} settled ({raw:.3f} raw)")
    l2 = max(L2_GRID, key=lambda v: (scored[v][0], v))
    accuracy, raw, kinds, settled = scored[l2]
    print(f"l2 {l2}, left out and settled:")
    report(fit_rows, settled)
    predictions = [(k.probability, k.kind == r.kind) for k, r in zip(kinds, fit_rows, strict=True)]
    sure = sure_threshold(predictions, args.sure_precision)
    sure_share = sum(p >= sure for p, _ in predictions) / len(predictions)
    model = Kinds(
        fit_kinds(feats, [r.kind for r in fit_rows], l2),
        sure,
        {
            "fitted_on": f"{args.data.name} fit split: {len(fit_rows)} sentences, "
            f"{len({r.article for r in fit_rows})} articles",
            "data_sha256": hashlib.sha256(args.data.read_bytes()).hexdigest()[:16],
            "l2": l2,
            "left_out_accuracy": round(raw, 4),
            "left_out_settled": round(accuracy, 4),
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
