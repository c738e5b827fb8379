"""The checker: is a claim supported by its evidence? A calibrated score, not a label.

    checker = Checker(llm)                      # llm: any backend; None = code checks only
    verdict = checker.check("Talks ended on Friday.", "en", [("Viðræðum lauk á föstudag.", "is")])
    verdict.score, verdict.supported, verdict.threshold, verdict.reason, verdict.parts

Per claim: the evidence is glossed into English sentence by sentence (`check.evidence`),
the claim is split into its facts (`check.decompose`), and for each fact the judge's
probability of "yes, supported" is read from the label tokens' log-probabilities (one
prompt evaluation, no generated tokens; votes where the backend returns no logprobs).
Code signals (typed values, names through lemmas, negation, overlap) and the multilingual
embedding similarity join it in a logistic regression (`check.calibration`, weights in
`check/checker.json`); the weakest fact decides, and the reason names it.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from briefing.check import calibration as cal
from briefing.check.decompose import decompose
from briefing.check.evidence import Sentence, glossed, select
from briefing.check.features import signals
from briefing.core.memo import FLOATS, remembered
from briefing.lang.embed import Embedder, cosine, default_embedder
from briefing.lang.gloss import gloss
from briefing.llm.base import LLM, Request
from briefing.prompts import PromptSet

YES, NO = ("yes", "Yes"), ("no", "No")
CHOICES = (*YES, *NO)
LOGIT_CAP = 8.0


@dataclass
class Part:
    """One fact of the claim and how it fared."""

    text: str
    judge_p: float | None
    signals: dict[str, Any]
    score: float = 0.0


@dataclass
class Verdict:
    """The checker's answer: `score` in [0, 1], `supported` = score >= `threshold`."""

    score: float
    supported: bool
    threshold: float
    reason: str
    parts: list[Part] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)
    evidence_shown: list[int] = field(default_factory=list)
    judge_mode: str = "logprobs"  # or "votes" (no logprobs from the server) or "none"

    def record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Usage:
    calls: int = 0
    cached_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0


class Checker:
    """Checks claims against evidence sentences in any languages; see the module doc."""

    def __init__(
        self,
        llm: LLM | None,
        prompts: PromptSet | None = None,
        calibration: cal.Calibration | None = None,
        embedder: Embedder | None = None,
        threshold: float | None = None,
    ) -> None:
        self.llm = llm
        self.prompts = prompts or PromptSet()
        self.calibration = calibration or cal.load()
        self.threshold = self.calibration.threshold if threshold is None else threshold
        self._embedder = embedder
        self.usage = Usage()
        self.record: Callable[[str, Any], None] | None = None  # e.g. a Meter's, stage "check"

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = default_embedder()
        return self._embedder

    def provenance(self) -> dict[str, Any]:
        info: dict[str, Any] = {
            "threshold": self.threshold,
            "weights": self.calibration.to_json(),
            "prompts": self.prompts.provenance("score"),
            "embedder": getattr(self._embedder, "name", None),
        }
        if self.llm is not None:
            info.update(backend=self.llm.name, model=self.llm.model)
        return info

    def check(
        self, claim: str, claim_lang: str, evidence: Sequence[tuple[str, str]], label: str = ""
    ) -> Verdict:
        """Is `claim` (in `claim_lang`) supported by `evidence`, a list of (text, lang)?"""
        sentences = _gloss_all(evidence)
        parts = decompose(claim)
        part_glosses = _gloss_claims([claim, *parts], claim_lang)
        claim_gloss, part_glosses = part_glosses[0], part_glosses[1:]
        shown_ids = select([g or p for p, g in zip(parts, part_glosses, strict=True)], sentences)
        shown = [sentences[i] for i in shown_ids]
        results: list[Part] = []
        mode = "logprobs" if self.llm is not None else "none"
        for n, (text, text_gloss) in enumerate(zip(parts, part_glosses, strict=True)):
            sig = signals(text, claim_lang, text_gloss, sentences, shown)
            p, how = self._judge(text, text_gloss, shown, f"{label}#{n + 1}")
            if how == "votes":
                mode = "votes"
            results.append(Part(text, p, {**asdict(sig)}))
        claim_level = self._features(claim, claim_gloss, claim_lang, shown, results)
        for part in results:
            part.score = round(self.calibration.score(_part_features(part, claim_level)), 4)
        # The weakest fact decides: each signal at its worst over the parts.
        features = _worst([_part_features(p, claim_level) for p in results])
        score = round(self.calibration.score(features), 4)
        supported = score >= self.threshold
        weakest = min(results, key=lambda r: r.score)
        return Verdict(
            score=score,
            supported=supported,
            threshold=self.threshold,
            reason=_reason(weakest, results, supported, mode),
            parts=results,
            features=features,
            evidence_shown=shown_ids,
            judge_mode=mode,
        )

    def check_source(
        self, source: str, claim: str, source_lang: str, claim_lang: str, label: str = ""
    ) -> Verdict:
        """`check` against a whole document: its sentences are the candidate evidence."""
        from briefing.ingest.segment import segment

        sentences = [s.text for s in segment(source, "A1", source_lang)] or [source]
        return self.check(claim, claim_lang, [(s, source_lang) for s in sentences], label)

    def check_many(
        self, items: Sequence[tuple[str, str, Sequence[tuple[str, str]]]]
    ) -> list[Verdict]:
        """`check` over (claim, claim_lang, evidence) triples, in order."""
        return [self.check(c, lang, ev, label=str(i)) for i, (c, lang, ev) in enumerate(items)]

    # -- signals ---------------------------------------------------------------------

    def _judge(
        self, claim: str, claim_gloss: str | None, shown: Sequence[Sentence], label: str
    ) -> tuple[float | None, str]:
        if self.llm is None:
            return None, "none"
        user = self.prompts.render(
            "score.user",
            sentences=[(f"S{i + 1}", s.text, s.shown_gloss) for i, s in enumerate(shown)],
            claim=claim,
            claim_gloss=claim_gloss if claim_gloss and claim_gloss != claim else None,
        )
        messages = [
            {"role": "system", "content": self.prompts.render("score.system")},
            {"role": "user", "content": user},
        ]
        request = Request(
            messages=messages, choices=CHOICES, max_tokens=1, stage="judge", label=label
        )
        start = time.perf_counter()
        response = self.llm.complete(request)
        self._count(response, start)
        probs = response.choice_probs
        if probs and sum(probs.values()) > 0:
            yes = sum(probs.get(c, 0.0) for c in YES)
            return yes / sum(probs.values()), "logprobs"
        return self._votes(messages, label), "votes"

    def _votes(self, messages: list[dict[str, str]], label: str, n: int = 3) -> float:
        """Fallback for servers without logprobs: the share of n sampled one-word answers."""
        yes = 0
        for seed in range(n):
            request = Request(
                messages=messages, max_tokens=2, temperature=0.0 if seed == 0 else 0.7,
                seed=seed, stage="judge", label=label,
            )  # fmt: skip
            start = time.perf_counter()
            response = self.llm.complete(request)  # type: ignore[union-attr]
            self._count(response, start)
            yes += response.text.strip().lower().startswith("yes")
        return yes / n

    def _count(self, response: Any, start: float) -> None:
        if self.record is not None:
            self.record("check", response)
        if response.cached:
            self.usage.cached_calls += 1
            return
        self.usage.calls += 1
        self.usage.prompt_tokens += response.prompt_tokens
        self.usage.completion_tokens += response.completion_tokens
        self.usage.seconds += time.perf_counter() - start

    def _features(
        self, claim: str, claim_gloss: str | None, claim_lang: str,
        shown: Sequence[Sentence], parts: list[Part],
    ) -> dict[str, float]:  # fmt: skip
        """Claim-level features: embedding similarity of the whole claim and of its least
        similar part (an added clause is far from every sentence), cross-lingual flag."""
        sim = part_sim = 0.0
        if shown:
            texts = [s.text for s in shown]
            unique = dict.fromkeys([claim, *(p.text for p in parts)])
            sims = self._similarities(list(unique), texts)
            sim, part_sim = sims[0], min(sims[1:] or sims)
        xling = float(any(s.lang != claim_lang for s in shown))
        return {"embed_sim": round(sim, 4), "part_sim": round(part_sim, 4), "xling": xling}

    def _similarities(self, claims: list[str], texts: list[str]) -> list[float]:
        """Each claim's best cosine to a shown sentence, all embedded in one call and
        remembered per embedder and texts: embedding them was most of a re-run's time
        (0.2 s idle, seconds on busy cores)."""

        def compute(_: str) -> list[float]:
            vectors = self.embedder.embed([*claims, *texts])
            shown = vectors[len(claims) :]
            return [float(max(cosine(v, e) for e in shown)) for v in vectors[: len(claims)]]

        key = json.dumps([claims, texts], ensure_ascii=False)
        kind = f"checker-sims-{self.embedder.name}"
        return remembered(kind, key, compute, FLOATS, len(claims))


def _part_features(part: Part, claim_level: dict[str, float]) -> dict[str, float]:
    p = part.judge_p
    if p is None:
        logit = 0.0
    else:
        p = min(max(p, 1e-6), 1 - 1e-6)
        logit = max(-LOGIT_CAP, min(LOGIT_CAP, math.log(p / (1 - p))))
    s = part.signals
    own = {
        "judge_logit": round(logit, 4),
        "values_missing": float(s["values_missing"] > 0),
        "names_missing": float(s["names_missing"] > 0),
        "negation_mismatch": float(s["negation_mismatch"]),
        "overlap": float(s["overlap"]),
        **claim_level,
    }
    return {**own, **crossed(own)}


CROSSED = ("judge_logit", "values_missing", "names_missing", "negation_mismatch", "overlap",
           "embed_sim", "part_sim")  # fmt: skip


def crossed(features: dict[str, float]) -> dict[str, float]:
    """Each signal again as `x_<name>`, zero unless claim and evidence differ in language:
    the regression then weighs a signal differently across languages (a gloss makes word
    overlap low and the judge unsure even for a true translation)."""
    flag = features.get("xling", 0.0)
    return {f"x_{name}": round(features.get(name, 0.0) * flag, 4) for name in CROSSED}


WORST = {
    "judge_logit": min,
    "overlap": min,
    "x_judge_logit": min,
    "x_overlap": min,
}  # the rest: max (a problem in any part counts)


def _worst(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: WORST.get(k, max)(r[k] for r in rows) for k in rows[0]}


def _gloss_all(evidence: Sequence[tuple[str, str]]) -> list[Sentence]:
    """Gloss evidence per language in one call each, order kept."""
    by_lang: dict[str, list[int]] = {}
    for i, (_, lang) in enumerate(evidence):
        by_lang.setdefault(lang, []).append(i)
    out: list[Sentence | None] = [None] * len(evidence)
    for lang, ids in by_lang.items():
        for i, s in zip(ids, glossed([evidence[i][0] for i in ids], lang), strict=True):
            out[i] = s
    return [s for s in out if s is not None]


def _gloss_claims(texts: list[str], lang: str) -> list[str | None]:
    if lang == "en":
        return [None] * len(texts)
    return gloss(texts, lang)


def _reason(weakest: Part, parts: list[Part], supported: bool, mode: str) -> str:
    judge = "" if weakest.judge_p is None else f"judge p(supported)={weakest.judge_p:.2f}"
    if mode == "votes":
        judge += " (votes: the server returned no logprobs)"
    problems = "; ".join(weakest.signals.get("problems", []))
    detail = "; ".join(x for x in (problems, judge) if x)
    if len(parts) == 1:
        head = "supported" if supported else "not supported"
        return f"{head}: {detail}" if detail else head
    n = parts.index(weakest) + 1
    if supported:
        return f"all {len(parts)} parts supported; weakest part {n}: {detail}"
    return f"part {n} of {len(parts)} not supported ({weakest.text[:80]!r}): {detail}"
