"""A small logistic regression over the checker's signals, and its weights file.

Fitted by `evals/checker/fit.py` on the fit files only; the weights, the feature names, the
decision threshold and how they were obtained ship in `briefing/check/checker.json`.
Plain numpy: Newton steps with an L2 penalty, so the fit is deterministic and needs no
library beyond what the package already depends on. Scoring is plain Python, and numpy
is imported by the fitting functions only, so loading the checker does not load numpy.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

WEIGHTS_FILE = Path(__file__).with_name("checker.json")


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50
) -> tuple[np.ndarray, float]:
    """Weights and bias maximising the L2-penalised log-likelihood (bias not penalised)."""
    import numpy as np

    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -40, 40)))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def best_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    """The threshold with the highest balanced accuracy (midpoint between scores)."""
    import numpy as np

    s = np.unique(np.round(scores, 6))
    cuts = np.concatenate([[0.0], (s[1:] + s[:-1]) / 2 if len(s) > 1 else s, [1.0]])
    pos, neg = y == 1, y == 0

    def bacc(t: float) -> float:
        tpr = float(np.mean(scores[pos] >= t)) if pos.any() else 0.0
        tnr = float(np.mean(scores[neg] < t)) if neg.any() else 0.0
        return (tpr + tnr) / 2

    return float(max(cuts, key=lambda t: (bacc(t), -abs(t - 0.5))))


@dataclass
class Calibration:
    """Feature names, their weights, the bias and the decision threshold."""

    features: list[str]
    weights: list[float]
    bias: float
    threshold: float
    scale: dict[str, tuple[float, float]] = field(default_factory=dict)  # name -> (mean, sd)
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, values: dict[str, float]) -> float:
        z = self.bias
        for name, w in zip(self.features, self.weights, strict=True):
            mean, sd = self.scale.get(name, (0.0, 1.0))
            z += w * (float(values.get(name, 0.0)) - mean) / (sd or 1.0)
        return sigmoid(z)

    def to_json(self) -> dict[str, Any]:
        return {
            "features": self.features,
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 6),
            "scale": {k: [round(a, 6), round(b, 6)] for k, (a, b) in self.scale.items()},
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Calibration:
        return cls(
            features=list(data["features"]),
            weights=[float(w) for w in data["weights"]],
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            scale={k: (float(v[0]), float(v[1])) for k, v in data.get("scale", {}).items()},
            meta=dict(data.get("meta", {})),
        )

    def save(self, path: Path = WEIGHTS_FILE) -> None:
        path.write_text(json.dumps(self.to_json(), indent=2) + "\n", encoding="utf-8")


def load(path: Path = WEIGHTS_FILE) -> Calibration:
    return Calibration.from_json(json.loads(path.read_text(encoding="utf-8")))


def fit(rows: list[dict[str, float]], labels: list[int], features: list[str], l2: float = 1.0):
    """A `Calibration` fitted on `rows` (feature dicts), threshold by balanced accuracy."""
    import numpy as np

    x = np.array([[float(r.get(f, 0.0)) for f in features] for r in rows])
    y = np.array(labels, dtype=float)
    mean, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    w, b = fit_logistic((x - mean) / sd, y, l2)
    cal = Calibration(
        features, [float(v) for v in w], b, 0.5,
        {f: (float(m), float(s)) for f, m, s in zip(features, mean, sd, strict=True)},
    )  # fmt: skip
    scores = np.array([cal.score(r) for r in rows])
    cal.threshold = best_threshold(scores, y)
    return cal
