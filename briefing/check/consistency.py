"""Do two language versions of a statement say the same? Meaning, not words.

No judge: each version is read against the other, in both directions, with the checker's
code signals (typed values, names through lemmas, negation, content-word overlap through
the English gloss) and the multilingual embedding similarity of the two texts, combined by
a logistic regression fitted on the cross-lingual fit pairs (a sentence and its reference
translation vs. the same translation with one perturbation), weights in `consistency.json`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from briefing.check import calibration as cal
from briefing.check.evidence import glossed
from briefing.check.features import signals
from briefing.lang.embed import Embedder, cosine, default_embedder

WEIGHTS_FILE = Path(__file__).with_name("consistency.json")


@dataclass
class Consistency:
    same: bool
    score: float
    threshold: float
    reason: str


def consistency(
    versions: Sequence[tuple[str, str]],
    embedder: Embedder | None = None,
    calibration: cal.Calibration | None = None,
) -> Consistency:
    """`versions` as (language, text); the least consistent pair with the first decides."""
    calibration = calibration or cal.load(WEIGHTS_FILE)
    embedder = embedder or default_embedder()
    first_lang, first = versions[0]
    worst: tuple[float, str] = (1.0, "")
    for lang, text in versions[1:]:
        a = glossed([first], first_lang)[0]
        b = glossed([text], lang)[0]
        va, vb = embedder.embed([first, text])
        sim = round(cosine(va, vb), 4)
        for claim, evidence in ((b, a), (a, b)):
            sig = signals(claim.text, claim.lang, claim.gloss, [evidence])
            features = {**asdict(sig), "embed_sim": sim}
            features = {k: float(v) for k, v in features.items() if k != "problems"}
            features = {k: min(v, 1.0) if k.endswith(("missing", "mismatch")) else v
                        for k, v in features.items()}  # fmt: skip
            score = calibration.score(features)
            if score < worst[0]:
                why = "; ".join(sig.problems) or f"meaning differs (similarity {sim:.2f})"
                worst = (score, f"{claim.lang} vs {evidence.lang}: {why}")
    same = worst[0] >= calibration.threshold
    reason = "same facts" if same else worst[1]
    return Consistency(same, round(worst[0], 4), calibration.threshold, reason)
