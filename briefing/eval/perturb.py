"""Measure the checker: perturb the eval cases' expected points and count what it catches.

Each expected point (in English, and in Icelandic when the case gives `text_is`) is a
true, cited claim. Copies of it get one defect each: a swapped actor, a negation, a
changed number, a changed date, an invented addition, or a citation of an unrelated
sentence. The report gives, per kind, the share the checker flags (caught), and the
share of the untouched points it flags (false alarms).

    briefing eval perturb evals/cases                       # code checks only
    briefing eval perturb evals/cases --judge-backend embedded --json reports/perturb.json
    briefing eval perturb evals/cases --judge-backend embedded --judge-prompts my-judge-prompts/
    briefing eval perturb evals/cases --checker        # the calibrated checker (issue 11)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing.check import details as checks
from briefing.check.checker import Checker
from briefing.check.judge import Judge
from briefing.core import ids
from briefing.core.models import Briefing, Item
from briefing.eval.cases import Case, Point
from briefing.eval.scorers import Claim, Context, score_attribution, score_support
from briefing.lang import lexicon
from briefing.lang.calendar import month_names, weekday_names
from briefing.lang.names import same_person

KINDS = (
    "swapped_actor",
    "negation",
    "changed_number",
    "changed_date",
    "invented_addition",
    "unrelated_citation",
)
MONTHS_EN = [names[0] for names in month_names("en")]
MONTHS_IS = [names[0] for names in month_names("is")]
WEEKDAYS = [names[0] for names in weekday_names("en")]
ADDITIONS = {
    "en": [
        ", and 300 new jobs will be created.",
        ", a decision that all the parties welcomed.",
        ", according to a report by the European Commission.",
        ", and the costs will be shared equally.",
    ],
    "is": [
        " og 300 ný störf verða til.",
        " og fögnuðu allir aðilar þeirri niðurstöðu.",
        " samkvæmt skýrslu framkvæmdastjórnar Evrópusambandsins.",
        " og kostnaðinum verður skipt jafnt.",
    ],
}
_AUX = "|".join(lexicon.alternation(k, "en") for k in ("grammar.copulas", "grammar.modals"))
AUX_EN = re.compile(rf"\b({_AUX})\b")
FINITE_IS = re.compile(rf"\b({lexicon.alternation('grammar.finite', 'is')})\b")


@dataclass
class Variant:
    case: str
    point: int
    language: str
    kind: str
    text: str
    evidence: list[str]
    actor: str | None


def negate(text: str, language: str) -> str | None:
    """Flip the claim's polarity: drop a negation it has, else add one."""
    if language == "is":
        if re.search(r"\bekki\b", text):
            return re.sub(r"\s*\bekki\b", "", text, count=1)
        m = FINITE_IS.search(text)
        at = m.end() if m else len(" ".join(text.split()[:2]))
        return text[:at] + " ekki" + text[at:]
    m = re.search(r"\bdid not (\w+)", text)
    if m:
        verb = m.group(1)
        return text[: m.start()] + verb + ("d" if verb.endswith("e") else "ed") + text[m.end() :]
    if re.search(r"\b(not|n't)\b", text):
        return re.sub(r"\s*\bnot\b|n't\b", "", text, count=1)
    m = AUX_EN.search(text)
    if m:
        return text[: m.end()] + " not" + text[m.end() :]
    m = re.search(r"\bsaid\b", text)
    if m:
        return text[: m.start()] + "denied that" + text[m.end() :]
    return None


def change_number(text: str, _language: str) -> str | None:
    for m in re.finditer(r"\d+(?:[.,]\d+)?", text):
        whole = m.group()
        head = re.match(r"\d+", whole).group()  # type: ignore[union-attr]
        if len(head) == 4 and 1900 <= int(head) <= 2100:
            continue  # a year: that is a date
        new = str(int(head) + max(2, round(int(head) * 0.3)))
        return text[: m.start()] + new + whole[len(head) :] + text[m.end() :]
    return None


def change_date(text: str, language: str) -> str | None:
    months = MONTHS_IS if language == "is" else MONTHS_EN
    for n, name in enumerate(months):
        m = re.search(rf"\b{name}\b", text)
        if m:
            return text[: m.start()] + months[(n + 2) % 12] + text[m.end() :]
    for n, day in enumerate(WEEKDAYS):
        if day in text:
            return text.replace(day, WEEKDAYS[(n + 2) % 7], 1)
    m = re.search(r"\b(19|20)\d\d\b", text)
    if m:
        return text[: m.start()] + str(int(m.group()) + 2) + text[m.end() :]
    return None


def add_invention(text: str, language: str, n: int) -> str:
    options = ADDITIONS.get(language, ADDITIONS["en"])
    return text.rstrip(". ") + options[n % len(options)]


def swap_actor(
    text: str, point: Point, pool: list[str], known: set[str], actors: list[str]
) -> tuple[str, str] | None:
    """Replace the person in the claim (the point's actor, else a full name) with another."""
    people = [p for p in pool if not point.actor or not same_person(p, point.actor)]
    for name in checks.names(text, known):
        is_actor = point.actor is not None and same_person(name.text, point.actor)
        is_person = len(name.key) >= 2 or any(same_person(name.text, p) for p in actors)
        if (is_actor or is_person) and people:
            other = next((p for p in people if not same_person(p, name.text)), None)
            if other:
                return text.replace(name.text, other, 1), other
    return None


def unrelated(point: Point, case: Case, ctx: Context) -> list[str] | None:
    """The sentence sharing the fewest words with the point, outside every expected point."""
    key = {w for w in checks.words(point.text) if w not in checks.STOPWORDS and len(w) > 2}
    candidates = [i for i in ctx.order if i not in point.evidence and ids.sentence_number(i) != 1]
    if not candidates:
        return None

    def overlap(i: int | str) -> int:
        have = checks.words(ctx.sentences[str(i)])
        return sum(any(checks.word_matches(k, h) for h in have) for k in key)

    return [min(candidates, key=lambda i: (overlap(i), i))]


def variants(case: Case, ctx: Context) -> list[Variant]:
    pool = list(
        dict.fromkeys(
            [p.actor for p in case.expected if p.actor]
            + sorted(
                {n.text for s in ctx.sentences.values() for n in checks.names(s) if len(n.key) >= 2}
            )
        )
    )
    out: list[Variant] = []
    for n, point in enumerate(case.expected):
        for lang, text in (("en", point.text), ("is", point.text_is)):
            if text is None:
                continue
            out += _variants_of(case.name, n, point, lang, text, pool, ctx, case)
    return out


def _variants_of(
    name: str, n: int, point: Point, lang: str, text: str, pool: list[str], ctx: Context, case: Case
) -> list[Variant]:
    evidence = list(point.evidence)
    out = [Variant(name, n, lang, "untouched", text, evidence, point.actor)]
    actors = [p.actor for p in case.expected if p.actor]
    swapped = swap_actor(text, point, [a for a in pool if a != point.actor], ctx.known, actors)
    changed: list[tuple[str, str | None, str | None]] = [
        (
            "swapped_actor",
            swapped[0] if swapped else None,
            swapped[1] if swapped and point.actor else point.actor,
        ),
        ("negation", negate(text, lang), point.actor),
        ("changed_number", change_number(text, lang), point.actor),
        ("changed_date", change_date(text, lang), point.actor),
        ("invented_addition", add_invention(text, lang, n), point.actor),
    ]
    for kind, new, actor in changed:
        if new is not None and new != text:
            out.append(Variant(name, n, lang, kind, new, evidence, actor))
    cited = unrelated(point, case, ctx)
    if cited:
        out.append(Variant(name, n, lang, "unrelated_citation", text, cited, point.actor))
    return out


def flagged(v: Variant, ctx: Context, judge: Judge | None) -> tuple[bool | None, list[str]]:
    """True when any check fails the variant; None when the judge could not answer."""
    claim = Claim(
        f"{v.case}#{v.point}.{v.language}.{v.kind}", v.text, v.language, v.evidence, v.actor
    )
    scores = [score_support(claim, ctx, judge)]
    if v.actor:
        item = Item(text={v.language: v.text}, evidence=v.evidence, actor=v.actor)
        att = score_attribution(claim.id, item, ctx, judge)
        if att is not None:
            scores.append(att)
    why = [f"{s.check}:{s.label}: {s.explanation}" for s in scores if s.value == 0]
    if why:
        return True, why
    if any(s.value is None and s.label not in ("unjudged",) for s in scores):
        return None, [f"{s.check}:{s.label}" for s in scores if s.value is None]
    return False, []


def flagged_by_checker(v: Variant, ctx: Context, checker: Checker) -> tuple[bool, list[str]]:
    """The calibrated checker's decision on the variant against its cited sentences."""
    evidence = [(ctx.sentences[i], ctx.languages[i]) for i in v.evidence if i in ctx.sentences]
    if not evidence:
        return True, ["cites no sentence of the sources"]
    verdict = checker.check(v.text, v.language, evidence, label=f"{v.case}#{v.point}.{v.kind}")
    return (not verdict.supported), [f"score {verdict.score:.3f}: {verdict.reason}"]


def measure(
    cases: list[Case],
    judge: Judge | None,
    languages: list[str] | None = None,
    progress: Callable[[str], None] = lambda _: None,
    checker: Checker | None = None,
) -> dict:
    rows = []
    for case in cases:
        sources = case.sources()
        ctx = Context.of(Briefing(languages=case.languages, sources=sources))
        for v in variants(case, ctx):
            if languages and v.language not in languages:
                continue
            if checker is not None:
                caught, why = flagged_by_checker(v, ctx, checker)
            else:
                caught, why = flagged(v, ctx, judge)
            rows.append({**v.__dict__, "flagged": caught, "why": why})
            progress(f"{v.case} #{v.point} {v.language} {v.kind}: {caught}")
    summary: dict[str, dict] = {}
    for kind in ("untouched", *KINDS):
        sel = [r for r in rows if r["kind"] == kind]
        scored = [r for r in sel if r["flagged"] is not None]
        rate = sum(bool(r["flagged"]) for r in scored) / len(scored) if scored else None
        summary[kind] = {
            "n": len(sel),
            "unscored": len(sel) - len(scored),
            "false_alarm_rate" if kind == "untouched" else "caught": rate,
        }
    return {"summary": summary, "rows": rows}
