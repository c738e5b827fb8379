"""Scorers (claim -> Score) and metrics (scores -> number), after inspect_ai's shape.

A claim is one language version of one briefing item. The code checks run first and
a claim that fails them is already unsupported, so the judge is not asked: that saves
generated tokens, which are the cost on the embedded model.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from briefing.check import details as checks
from briefing.check.judge import UNSCORED, Judge
from briefing.core.models import Briefing, Item


@dataclass
class Claim:
    """One statement to check: an item's text in one language, with what it cites."""

    id: str
    text: str
    language: str
    evidence: list[str]
    actor: str | None = None
    section: str = ""


@dataclass
class Score:
    """One check's outcome: value 1 pass, 0 fail, None unscored."""

    check: str
    target: str
    label: str
    value: float | None
    explanation: str
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Context:
    """What every scorer needs from the briefing: sentences, their languages, known names."""

    sentences: dict[str, str]
    languages: dict[str, str]
    known: set[str]
    order: list[str]

    @classmethod
    def of(cls, briefing: Briefing) -> Context:
        sentences, languages, order = {}, {}, []
        for src in briefing.sources:
            for s in src.sentences:
                sentences[s.id] = s.text
                languages[s.id] = src.language
                order.append(s.id)
        return cls(sentences, languages, checks.known_names(sentences.values()), order)

    def cited(self, ids: list[str]) -> list[tuple[str, str]]:
        return [(i, self.sentences[i]) for i in ids if i in self.sentences]

    def with_context(self, ids: list[str], before: int = 2) -> list[tuple[str, str]]:
        """The cited sentences with the sentences before each, to resolve 'he said'."""
        wanted: list[str] = []
        for i in ids:
            if i not in self.sentences:
                continue
            at = self.order.index(i)
            src = i.split(".", 1)[0]
            for j in self.order[max(0, at - before) : at + 1]:
                if j.split(".", 1)[0] == src and j not in wanted:
                    wanted.append(j)
        return [(j, self.sentences[j]) for j in wanted]


def claims_of(briefing: Briefing) -> list[tuple[str, Item, list[Claim]]]:
    """Every item with its per-language claims, ids like `positions[2].is`."""
    out = []
    for section in ("agreements", "open_issues", "positions", "disagreements"):
        for n, whole in enumerate(getattr(briefing, section), start=1):
            # A disagreement's sides are claims of their own, each with its evidence.
            parts = [
                (f"{section}[{n}].{side.source}", Item(text=side.text, evidence=side.evidence))
                for side in whole.sides
            ] or [(f"{section}[{n}]", whole)]
            out += [_claims(item_id, item, section, briefing.languages) for item_id, item in parts]
    return out


def _claims(
    item_id: str, item: Item, section: str, languages: list[str]
) -> tuple[str, Item, list[Claim]]:
    langs = [lang for lang in languages if lang in item.text] or list(item.text)
    claims = [
        Claim(
            f"{item_id}.{lang}",
            item.text[lang],
            lang,
            list(item.evidence),
            item.actor,
            section,
        )
        for lang in langs
    ]
    return item_id, item, claims


def score_support(claim: Claim, ctx: Context, judge: Judge | None) -> Score:
    """Citations exist, details are in the cited sentences, then the judge's label."""
    bad_citations = checks.citation_problems(claim.evidence, set(ctx.sentences))
    cited = ctx.cited(claim.evidence)
    translated = any(ctx.languages[i] != claim.language for i, _ in cited)
    details = (
        checks.detail_problems(
            claim.text, [t for _, t in cited], translated=translated, known=ctx.known
        )
        if cited
        else []
    )  # nothing to compare with: the citation problem says it all
    meta: dict[str, Any] = {
        "text": claim.text,
        "language": claim.language,
        "evidence": claim.evidence,
        "citation_problems": bad_citations,
        "detail_problems": details,
        "judge": None,
    }
    problems = bad_citations + details
    if problems or not cited:
        return Score("support", claim.id, "not_supported", 0.0, "; ".join(problems), meta)
    if judge is None:
        return Score("support", claim.id, "unjudged", None, "passed the code checks", meta)
    verdict = judge.support(claim.text, cited, claim.id)
    meta["judge"] = verdict.record()
    value = None if verdict.label == UNSCORED else float(verdict.label == "supported")
    return Score("support", claim.id, verdict.label, value, verdict.reason, meta)


def score_consistency(item_id: str, claims: list[Claim], judge: Judge | None) -> Score | None:
    """The language versions of one item state the same facts: typed values, names, negation
    and embedding similarity, calibrated (`check.consistency`); no judge call."""
    if len(claims) < 2:
        return None
    meta: dict[str, Any] = {
        "text": " | ".join(f"{c.language}: {c.text}" for c in claims),
        "versions": {c.language: c.text for c in claims},
        "judge": None,
    }
    from briefing.check.consistency import consistency

    verdict = consistency([(c.language, c.text) for c in claims])
    meta["consistency"] = {"score": verdict.score, "threshold": verdict.threshold}
    label = "same" if verdict.same else "different"
    return Score("consistency", item_id, label, float(verdict.same), verdict.reason, meta)


def score_attribution(item_id: str, item: Item, ctx: Context, judge: Judge | None) -> Score | None:
    """A position's actor is named in its cited sentences, or the judge says it is theirs."""
    if not item.actor:
        return None
    cited = ctx.cited(item.evidence)
    status = checks.attribution(item.actor, [t for _, t in cited])
    claim = next(iter(item.text.values()), "")
    meta: dict[str, Any] = {
        "text": claim,
        "actor": item.actor,
        "code": status,
        "judge": None,
    }
    if status == "named":
        return Score("attribution", item_id, "yes", 1.0, f"{item.actor} is named", meta)
    if status == "absent" or judge is None:
        why = f"the actor '{item.actor}' is not named in the cited sentences"
        if status == "pronoun":
            return Score("attribution", item_id, "unclear", None, why + " (he/she said)", meta)
        return Score("attribution", item_id, "no", 0.0, why, meta)
    verdict = judge.attribution(item.actor, claim, ctx.with_context(item.evidence), item_id)
    meta["judge"] = verdict.record()
    value = None if verdict.label in (UNSCORED, "unclear") else float(verdict.label == "yes")
    return Score("attribution", item_id, verdict.label, value, verdict.reason, meta)


# Metrics: tiny functions over scores.
def mean(scores: list[Score], check: str) -> float | None:
    values = [s.value for s in scores if s.check == check and s.value is not None]
    return sum(values) / len(values) if values else None


def share(scores: list[Score], check: str, key: str) -> float | None:
    """Share of `check` scores whose metadata list `key` is empty (e.g. no bad citation)."""
    rows = [s for s in scores if s.check == check]
    return sum(not s.metadata.get(key) for s in rows) / len(rows) if rows else None


def faithfulness(scores: list[Score]) -> float | None:
    """Share of claims supported; n/a while any claim that passed the code checks went
    unjudged, since the mean of the failures alone would read as 0."""
    if any(s.check == "support" and s.label == "unjudged" for s in scores):
        return None
    return mean(scores, "support")


def metrics(scores: list[Score]) -> dict[str, float | None]:
    return {
        "faithfulness": faithfulness(scores),
        "citations": share(scores, "support", "citation_problems"),
        "details": share(scores, "support", "detail_problems"),
        "consistency": mean(scores, "consistency"),
        "attribution": mean(scores, "attribution"),
    }


def evaluate(briefing: Briefing, judge: Judge | None) -> list[Score]:
    """Every check on every claim and item of the briefing."""
    ctx = Context.of(briefing)
    scores: list[Score] = []
    for item_id, item, claims in claims_of(briefing):
        scores += [score_support(c, ctx, judge) for c in claims]
        for extra in (
            score_consistency(item_id, claims, judge),
            score_attribution(item_id, item, ctx, judge),
        ):
            if extra is not None:
                scores.append(extra)
    return scores
