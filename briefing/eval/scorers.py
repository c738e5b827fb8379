"""Samples, scorers and scores, after inspect_ai's shape: sample -> scorer -> Score.

A sample is one briefing item (a disagreement gives one per side) with its claims; a
claim is one language version of it. Every scorer has the same contract,
`(sample, context, judge) -> list[Score]`; metrics over the scores live in
`briefing.eval.metrics`. The code checks run first and
a claim that fails them is already unsupported, so the judge is not asked: that saves
generated tokens, which are the cost on the embedded model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from briefing.check import details as checks
from briefing.check.judge import UNSCORED, Judge
from briefing.core.languages import PIVOT
from briefing.core.models import SECTIONS, Briefing, Item
from briefing.stages.quoted import SAID


@dataclass
class Claim:
    """One statement to check: an item's text in one language, with what it cites."""

    id: str
    text: str
    language: str
    evidence: list[str]
    actor: str | None = None
    section: str = ""


class Score(BaseModel):
    """One check's outcome: value 1 pass, 0 fail, None unscored."""

    model_config = ConfigDict(extra="forbid")

    check: str = Field(description="The scorer: support, consistency, attribution, voice or plain.")
    target: str = Field(description="The claim or item scored: positions[2].is, positions[2].")
    label: str
    value: float | None
    explanation: str
    metadata: dict[str, Any] = Field(default_factory=dict)


def score(
    check: str,
    target: str,
    label: str,
    value: float | None,
    explanation: str,
    metadata: dict[str, Any],
) -> Score:
    return Score(
        check=check,
        target=target,
        label=label,
        value=value,
        explanation=explanation,
        metadata=metadata,
    )


@dataclass
class Sample:
    """One briefing item to score: its id, the item, and its per-language claims."""

    id: str
    item: Item
    claims: list[Claim]


@dataclass
class Context:
    """What every scorer needs from the briefing: sentences, their languages, known names."""

    sentences: dict[str, str]
    languages: dict[str, str]
    known: set[str]
    order: list[str]
    source_of: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, briefing: Briefing) -> Context:
        sentences, languages, order, source_of = {}, {}, [], {}
        for src in briefing.sources:
            for s in src.sentences:
                sentences[s.id] = s.text
                languages[s.id] = src.language
                source_of[s.id] = s.source_id
                order.append(s.id)
        known = checks.known_names(sentences.values())
        return cls(sentences, languages, known, order, source_of)

    def cited(self, ids: list[str]) -> list[tuple[str, str]]:
        return [(i, self.sentences[i]) for i in ids if i in self.sentences]

    def with_context(self, ids: list[str], before: int = 2) -> list[tuple[str, str]]:
        """The cited sentences with the sentences before each, to resolve 'he said'."""
        wanted: list[str] = []
        for i in ids:
            if i not in self.sentences:
                continue
            at = self.order.index(i)
            for j in self.order[max(0, at - before) : at + 1]:
                if self.source_of[j] == self.source_of[i] and j not in wanted:
                    wanted.append(j)
        return [(j, self.sentences[j]) for j in wanted]


def samples(briefing: Briefing) -> list[Sample]:
    """Every item with its per-language claims, claim ids like `positions[2].is`."""
    out = []
    for section in SECTIONS:
        for n, whole in enumerate(getattr(briefing, section), start=1):
            # A disagreement's sides are claims of their own, each with its evidence.
            parts = [
                (
                    f"{section}[{n}].{side.source}",
                    Item(text=side.text, origin=side.origin, evidence=side.evidence),
                )
                for side in whole.sides
            ] or [(f"{section}[{n}]", whole)]
            out += [_sample(item_id, item, section, briefing.languages) for item_id, item in parts]
    return out


def _sample(item_id: str, item: Item, section: str, languages: list[str]) -> Sample:
    """Only lines the tool wrote are claims: a verbatim quote of a cited sentence and the
    marked English fallback (the English claim again) are not scored as claims."""
    langs = [lang for lang in languages if lang in item.text] or list(item.text)
    langs = [lang for lang in langs if item.origin.get(lang, "statement") == "statement"]
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
    return Sample(item_id, item, claims)


MAX_VALUE_WORDS = 3  # "35 megawatts", "in April", "five hours"


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
        return score("support", claim.id, "not_supported", 0.0, "; ".join(problems), meta)
    if _quoted_as_written(claim, cited, ctx):
        why = "a cited sentence says it word for word (code); whose it is, attribution checks"
        return score("support", claim.id, "supported", 1.0, why, meta)
    if _value_alone(claim, ctx):
        why = "a value alone, its number or date and its words in a cited sentence (code)"
        return score("support", claim.id, "supported", 1.0, why, meta)
    if judge is None:
        return score("support", claim.id, "unjudged", None, "passed the code checks", meta)
    verdict = judge.support(claim.text, cited, claim.id)
    meta["judge"] = verdict.record()
    value = None if verdict.label == UNSCORED else float(verdict.label == "supported")
    return score("support", claim.id, verdict.label, value, verdict.reason, meta)


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
    return score("consistency", item_id, label, float(verdict.same), verdict.reason, meta)


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
        return score("attribution", item_id, "yes", 1.0, f"{item.actor} is named", meta)
    if status == "absent" or judge is None:
        why = f"the actor '{item.actor}' is not named in the cited sentences"
        if status == "pronoun":
            return score("attribution", item_id, "unclear", None, why + " (he/she said)", meta)
        return score("attribution", item_id, "no", 0.0, why, meta)
    verdict = judge.attribution(item.actor, claim, ctx.with_context(item.evidence), item_id)
    meta["judge"] = verdict.record()
    value = None if verdict.label in (UNSCORED, "unclear") else float(verdict.label == "yes")
    return score("attribution", item_id, verdict.label, value, verdict.reason, meta)


def score_voice(claim: Claim) -> Score:
    """The claim in the briefing's own voice: no outlet's loaded word outside quotation
    marks ("the dictator", "supposedly") and no opening connective that points outside
    it ("In response,"), as `stages.voice` defines both; code only, no judge."""
    from briefing.stages.voice import dangling, in_own_voice

    loaded = in_own_voice(claim.text, claim.language)
    opener = dangling(claim.text, claim.language)
    meta: dict[str, Any] = {
        "text": claim.text,
        "loaded": loaded,
        "dangling": [opener] if opener else [],
    }
    found = [*(repr(w) for w in loaded), *([f"opens with {opener!r}"] if opener else [])]
    if found:
        return score("voice", claim.id, "outlet", 0.0, ", ".join(found), meta)
    return score("voice", claim.id, "own", 1.0, "in the briefing's own voice", meta)


def score_plain(claim: Claim, ctx: Context) -> Score | None:
    """An English line resting on sentences of another language is English, not the rough
    gloss: no word left untranslated (`stages.verify.untranslated`) nor spelled in Latin
    letters from another script (`transliterated`), and under `GLOSS_COPY` of its words
    in the gloss's own order; code only. None for a claim
    that cites no other-language sentence (nothing to gloss)."""
    from briefing.lang.gloss import gloss
    from briefing.stages.verify import GLOSS_COPY, copy_share, transliterated, untranslated

    if claim.language != PIVOT:
        return None
    foreign = [i for i in claim.evidence if ctx.languages.get(i, PIVOT) != PIVOT]
    if not foreign or _value_alone(claim, ctx):
        return None
    originals = [ctx.sentences[i] for i in claim.evidence if i in ctx.sentences]
    glossed = [ctx.sentences[i] for i in foreign]
    glosses = [
        g
        for lang in dict.fromkeys(ctx.languages[i] for i in foreign)
        for g in gloss([ctx.sentences[i] for i in foreign if ctx.languages[i] == lang], lang)
        if g
    ]
    left = untranslated(claim.text, originals, glossed, glosses)
    left += transliterated(claim.text, glossed)
    share = max((copy_share(claim.text, g) for g in glosses), default=0.0)
    meta: dict[str, Any] = {"untranslated": left, "gloss_copy": round(share, 3)}
    if left or share >= GLOSS_COPY:
        found = [
            *(repr(w) for w in left),
            *([f"{share:.0%} the gloss's words"] * (share >= GLOSS_COPY)),
        ]
        return score("plain", claim.id, "gloss", 0.0, ", ".join(found), meta)
    return score("plain", claim.id, "english", 1.0, "plain English", meta)


def plain(sample: Sample, ctx: Context, judge: Judge | None) -> list[Score]:
    """One plain-English score per English claim that rests on another language."""
    return [s for claim in sample.claims if (s := score_plain(claim, ctx)) is not None]


def _value_alone(claim: Claim, ctx: Context) -> bool:
    """A disagreement's side that is one value worded by code ("35 megawatts", "in
    April": `stages.disagree.value_side`) is decided by code: its number or date is a
    cited sentence's (the details check, before this), and each other word is in that
    sentence or its English gloss. A two-word fragment leaves a judge nothing to weigh
    but its brevity (the small judge called "35 megawatts" unsupported), and it is no
    copy of a gloss either (`score_plain`)."""
    from briefing.lang.gloss import gloss
    from briefing.lang.values import values

    if len(claim.text.split()) > MAX_VALUE_WORDS or not values(claim.text, claim.language):
        return False
    words = checks.words(claim.text)  # its words, not its numbers
    for sid, text in ctx.cited(claim.evidence):
        english = gloss([text], ctx.languages[sid])[0] or ""
        seen = {w.rstrip("s") for w in checks.words(f"{text} {english}")}
        if all(w.rstrip("s") in seen for w in words):
            return True
    return False


def _quoted_as_written(claim: Claim, cited: list[tuple[str, str]], ctx: Context) -> bool:
    """Code decides `Speaker said: "line"` where the line is in a cited sentence of the
    claim's language word for word: what it says is what the sentence says, and the
    small judge called such lines contradicted (two of the alaska-summit case's three)."""
    said = SAID.match(claim.text.strip())
    if said is None:
        return False
    line = " ".join(checks.words(said.group("line")))
    return bool(line) and any(
        ctx.languages[i] == claim.language and f" {line} " in f" {' '.join(checks.words(text))} "
        for i, text in cited
    )


def support(sample: Sample, ctx: Context, judge: Judge | None) -> list[Score]:
    """One support score per language version of the item."""
    return [score_support(claim, ctx, judge) for claim in sample.claims]


def consistency(sample: Sample, ctx: Context, judge: Judge | None) -> list[Score]:
    """One consistency score when the item has two or more language versions."""
    score = score_consistency(sample.id, sample.claims, judge)
    return [score] if score else []


def attribution(sample: Sample, ctx: Context, judge: Judge | None) -> list[Score]:
    """One attribution score when the item names an actor."""
    score = score_attribution(sample.id, sample.item, ctx, judge)
    return [score] if score else []


def voice(sample: Sample, ctx: Context, judge: Judge | None) -> list[Score]:
    """One voice score per language version the tool wrote."""
    return [score_voice(claim) for claim in sample.claims]


Scorer = Callable[[Sample, Context, Judge | None], list[Score]]
SCORERS: tuple[Scorer, ...] = (support, consistency, attribution, voice, plain)


def evaluate(
    briefing: Briefing, judge: Judge | None, scorers: tuple[Scorer, ...] = SCORERS
) -> list[Score]:
    """Every scorer on every sample (item) of the briefing."""
    ctx = Context.of(briefing)
    return [
        s for sample in samples(briefing) for scorer in scorers for s in scorer(sample, ctx, judge)
    ]
