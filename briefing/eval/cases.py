"""Eval cases: a folder of articles, the points a good briefing must make, and thresholds.

Layout: `<case>/articles/*.txt|md` and `<case>/case.json` with
`{"languages": [...], "expected": [{"text", "evidence", "actor"?}], "must_not": [...],
"relevant": [extra ids]?, "thresholds": {metric: floor}}`. Sentence ids are the ingest
code's (sources A1, A2 in sorted path order). Coverage and citation precision are code
metrics over those annotations, so they cost no judge calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field

from briefing.check import details as checks
from briefing.core.errors import InputError
from briefing.core.ids import outlets, source_of
from briefing.core.jsontext import loads
from briefing.core.models import SECTIONS, Briefing, Item, Source
from briefing.eval.metrics import CASE_METRICS, check_floor, metrics
from briefing.eval.scorers import Score, samples
from briefing.lang import lexicon
from briefing.lang.names import same_person


@dataclass
class Point:
    text: str
    evidence: list[str]
    actor: str | None = None
    text_is: str | None = None
    section: str | None = None  # where a good briefing files it: developments, ...


@dataclass
class MustNot:
    text: str
    patterns: list[str] = field(default_factory=list)


@dataclass
class Case:
    name: str
    path: Path
    languages: list[str]
    expected: list[Point]
    must_not: list[MustNot]
    relevant: set[str]
    thresholds: dict[str, float]

    @property
    def articles(self) -> Path:
        return self.path / "articles"

    def sources(self) -> list[Source]:
        from briefing.ingest.read import load_sources

        return load_sources([self.articles])


def load_case(path: Path) -> Case:
    """Read `<path>/case.json`; a malformed file is an InputError naming it."""
    spec_path = path / "case.json"
    try:
        spec = loads(spec_path.read_text(encoding="utf-8"))
        expected = [
            Point(
                p["text"], list(p["evidence"]), p.get("actor"), p.get("text_is"), p.get("section")
            )
            for p in spec["expected"]
        ]
        must_not = [
            MustNot(m) if isinstance(m, str) else MustNot(m["text"], list(m.get("patterns", [])))
            for m in spec.get("must_not", [])
        ]
        thresholds = {k: check_floor(float(v)) for k, v in spec.get("thresholds", {}).items()}
    except FileNotFoundError:
        raise InputError(f"{spec_path} not found") from None
    except (ValueError, KeyError, TypeError) as err:
        raise InputError(f"{spec_path}: invalid case ({err})") from None
    unknown = sorted(set(thresholds) - set(CASE_METRICS))
    if unknown:
        raise InputError(f"{spec_path}: unknown threshold {unknown[0]!r}")
    relevant = {e for p in expected for e in p.evidence} | set(spec.get("relevant", []))
    return Case(
        path.name,
        path,
        list(spec.get("languages", ["en"])),
        expected,
        must_not,
        relevant,
        thresholds,
    )


def shipped_cases() -> Path:
    """The cases that ship with briefing: in the wheel, or `evals/cases` in a checkout."""
    from briefing.core.resources import data_dir

    return data_dir("evals/cases")


def find_cases(root: Path, only: list[str] | None = None) -> list[Case]:
    """Every folder under `root` holding a case.json, sorted by name."""
    if (root / "case.json").is_file():
        dirs = [root]
    else:
        if not root.is_dir():
            raise InputError(f"eval cases folder not found: {root}")
        dirs = sorted(p.parent for p in root.rglob("case.json"))
    cases = [load_case(d) for d in dirs if not only or d.name in only]
    if not cases:
        raise InputError(f"no eval cases (folders with case.json) under {root}")
    return cases


def _faithful_items(briefing: Briefing, scores: list[Score]) -> list[Item]:
    """Items none of whose language versions failed the support check."""
    failed = {s.target for s in scores if s.check == "support" and s.value == 0}
    return [s.item for s in samples(briefing) if not any(c.id in failed for c in s.claims)]


def coverage(case: Case, briefing: Briefing, scores: list[Score]) -> tuple[float | None, list[str]]:
    """Share of expected points restated by a faithful item citing one of their sentences."""
    if not case.expected:
        return None, []
    items = _faithful_items(briefing, scores)
    missed = [
        p.text for p in case.expected if not any(set(p.evidence) & set(i.evidence) for i in items)
    ]
    return 1 - len(missed) / len(case.expected), missed


def verified_in(item: Item, lang: str) -> bool:
    """The item's line in `lang` is verified in that language: the statement checked in
    it, or a cited sentence of that language quoted; not a stand-in in another language."""
    origin = item.origin.get(lang, "statement" if lang in item.text else "")
    return origin == "statement" or origin.startswith("quote:")


def column_coverage(case: Case, briefing: Briefing, scores: list[Score]) -> dict[str, float | None]:
    """Coverage per output column, counting only lines verified in that language
    (`coverage_en`, `coverage_is`), and the same over the points only a non-English
    outlet reports (`is_only_en`, `is_only_is`): a fact the Icelandic outlet alone has
    must reach the Icelandic column as Icelandic, and English readers as English."""
    items = _faithful_items(briefing, scores)
    language = {s.id: s.language for s in briefing.sources}
    only_is = [
        p
        for p in case.expected
        if p.evidence and all(language.get(source_of(e)) == "is" for e in p.evidence)
    ]

    def share(points: list[Point], lang: str) -> float | None:
        if not points or lang not in briefing.languages:
            return None
        hit = sum(
            any(set(p.evidence) & set(i.evidence) and verified_in(i, lang) for i in items)
            for p in points
        )
        return hit / len(points)

    return {
        "coverage_en": share(case.expected, "en"),
        "coverage_is": share(case.expected, "is"),
        "is_only_en": share(only_is, "en"),
        "is_only_is": share(only_is, "is"),
    }


def section_accuracy(case: Case, briefing: Briefing, scores: list[Score]) -> float | None:
    """Of the expected points with a section that some faithful item covers, the share
    covered by an item filed in that section."""
    faithful = {id(i) for i in _faithful_items(briefing, scores)}
    filed = [
        (section, i)
        for section in SECTIONS
        if section != "disagreements"  # both sides shown: it files the point nowhere
        for i in getattr(briefing, section)
        if id(i) in faithful
    ]
    placed = [
        {section for section, i in filed if set(p.evidence) & set(i.evidence)}
        for p in case.expected
        if p.section
    ]
    wanted = [p.section for p in case.expected if p.section]
    judged = [(want, got) for want, got in zip(wanted, placed, strict=True) if got]
    return sum(want in got for want, got in judged) / len(judged) if judged else None


def _covering(
    case: Case, briefing: Briefing, scores: list[Score], whole: bool = False
) -> list[tuple[Point, list[Item]]]:
    """Each expected point with the faithful items citing one of its sentences; `whole`:
    a disagreement counted once, with both sides' sentences (`_fact_items`)."""
    items = _fact_items(briefing, scores) if whole else _faithful_items(briefing, scores)
    return [(p, [i for i in items if set(p.evidence) & set(i.evidence)]) for p in case.expected]


def _fact_items(briefing: Briefing, scores: list[Score]) -> list[Item]:
    """Faithful items with each disagreement whole: one fact two outlets tell differently
    is one item citing both ("March" against "April"), not two items of one outlet each."""
    failed = {s.target for s in scores if s.check == "support" and s.value == 0}
    out, parted, broken = [], set(), set()
    for sample in samples(briefing):
        side = sample.id.startswith("disagreements[") and not sample.item.sides
        faithful = not any(c.id in failed for c in sample.claims)
        if side:
            (parted if faithful else broken).add(int(sample.id.split("[")[1].split("]")[0]))
        elif faithful:
            out.append(sample.item)
    return out + [briefing.disagreements[n - 1] for n in sorted(parted - broken)]


def actor_accuracy(case: Case, briefing: Briefing, scores: list[Score]) -> float | None:
    """Of the expected positions some faithful item covers, the share covered by an item
    whose actor is the point's holder (the same person, or no one for a joint one)."""
    positions = {id(i) for i in briefing.positions}
    judged = [
        (p, held)
        for p, items in _covering(case, briefing, scores)
        if p.section == "positions" and (held := [i for i in items if id(i) in positions])
    ]
    if not judged:
        return None
    right = sum(
        any(
            (i.actor is None and p.actor is None)
            or (i.actor is not None and p.actor is not None and same_person(i.actor, p.actor))
            for i in held
        )
        for p, held in judged
    )
    return right / len(judged)


def single_items(case: Case, briefing: Briefing, scores: list[Score]) -> float | None:
    """Of the covered points, the share that at most one item is drawn from (its first
    cited sentence is one of the point's; later ones may only name a speaker): two items
    for one fact are a reader's time spent twice, usually in two outlets' words."""
    covered = [(p, items) for p, items in _covering(case, briefing, scores, whole=True) if items]
    if not covered:
        return None
    return sum(sum(i.evidence[0] in p.evidence for i in items) <= 1 for p, items in covered) / len(
        covered
    )


def merged_outlets(case: Case, briefing: Briefing, scores: list[Score]) -> float | None:
    """Of the covered points that two or more outlets report, the share with an item
    citing two or more of them: one item per fact, with every outlet that reports it."""

    def outlets(ids: list[str]) -> set[str]:
        return {source_of(e) for e in ids}

    shared = [
        (p, items)
        for p, items in _covering(case, briefing, scores, whole=True)
        if items and len(outlets(p.evidence)) > 1
    ]
    if not shared:
        return None
    return sum(
        any(len(outlets(i.evidence) & outlets(p.evidence)) > 1 for i in items)
        for p, items in shared
    ) / len(shared)


def own_words(briefing: Briefing) -> float | None:
    """Of the statements the tool wrote, in any language, the share that is not one cited
    sentence copied whole: a briefing, not a list of one outlet's sentences."""
    index = briefing.sentence_index()
    written = [
        (text, item.evidence)
        for section in SECTIONS
        for item in getattr(briefing, section)
        for lang, text in item.text.items()
        if item.origin.get(lang, "statement") == "statement"
    ]
    if not written:
        return None

    def copied(text: str, evidence: list[str]) -> bool:
        said = " ".join(text.split())
        return any(" ".join(index[e].text.split()) == said for e in evidence if e in index)

    return sum(not copied(text, evidence) for text, evidence in written) / len(written)


def outlets_per_item(briefing: Briefing) -> float | None:
    """The mean number of outlets an item cites: one item per fact, with all who report it."""
    items = [i for section in SECTIONS for i in getattr(briefing, section)]
    if not items:
        return None
    return sum(outlets(i.evidence) for i in items) / len(items)


def citation_precision(case: Case, briefing: Briefing) -> float | None:
    """Share of citations that point at a sentence the case marks as relevant."""
    cited = [e for s in samples(briefing) for e in dict.fromkeys(s.item.evidence)]
    if not cited:
        return None
    return sum(e in case.relevant for e in cited) / len(cited)


_NEGATION = re.compile(
    rf"\b({lexicon.alternation('negations.words', 'en', 'is', 'de')})\b|n't\b", re.IGNORECASE
)


def states(text: str, claim: MustNot) -> bool:
    """Does `text` make the forbidden claim? Patterns if given, else most content words."""
    folded = checks.fold(text)
    if claim.patterns:
        return any(re.search(checks.fold(p), folded) for p in claim.patterns)
    key = [w for w in checks.words(claim.text) if w not in checks.STOPWORDS and len(w) > 2]
    if not key:
        return False
    have = checks.words(text)
    hits = sum(any(checks.word_matches(k, h) for h in have) for k in key)
    same_polarity = bool(_NEGATION.search(text)) == bool(_NEGATION.search(claim.text))
    return hits / len(key) >= 0.75 and same_polarity


def must_not_hits(case: Case, briefing: Briefing) -> list[tuple[str, str]]:
    """(claim id, forbidden claim) for every briefing claim that states a forbidden one."""
    return [
        (c.id, m.text)
        for sample in samples(briefing)
        for c in sample.claims
        for m in case.must_not
        if states(c.text, m)
    ]


class CaseMetrics(BaseModel):
    """Every metric of one case, with the expected points missed and the forbidden hits."""

    metrics: dict[str, float | None]
    missed: list[str]
    must_not_hits: list[tuple[str, str]] = Field(description="(claim id, forbidden claim)")


def case_metrics(case: Case, briefing: Briefing, scores: list[Score]) -> CaseMetrics:
    """The checker's metrics plus the case's own: coverage, citation precision, must_not."""
    out = dict(metrics(scores))
    out["coverage"], missed = coverage(case, briefing, scores)
    out.update(column_coverage(case, briefing, scores))
    out["sections"] = section_accuracy(case, briefing, scores)
    out["actors"] = actor_accuracy(case, briefing, scores)
    out["single_items"] = single_items(case, briefing, scores)
    out["merged_outlets"] = merged_outlets(case, briefing, scores)
    out["own_words"] = own_words(briefing)
    out["outlets_per_item"] = outlets_per_item(briefing)
    out["citation_precision"] = citation_precision(case, briefing)
    hits = must_not_hits(case, briefing)
    forbidden = len(case.must_not)
    out["must_not"] = 1.0 - len({m for _, m in hits}) / forbidden if forbidden else None
    return CaseMetrics(metrics=out, missed=missed, must_not_hits=hits)


def scaffold(articles: Path, target: Path) -> tuple[Case, list[tuple[str, str]]]:
    """A new case at `target` from a folder of articles: the articles copied into
    `target/articles`, and a `case.json` with no expected point yet, default floors, and
    every sentence by id (`sentences`, which the loader ignores) to cite from. Returns the
    case and its (id, sentence) list. An existing `target` is never overwritten."""
    import json
    import shutil

    from briefing.ingest.read import SUFFIXES, load_sources

    if target.exists():
        raise InputError(f"{target} exists already: choose a new case folder")
    if not articles.is_dir():
        raise InputError(f"{articles} is not a folder of articles")
    load_sources([articles])  # refuse a folder that would not load before writing anything
    staging = target.with_name(f".{target.name}.new")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        shutil.copytree(
            articles,
            staging / "articles",
            ignore=lambda _d, names: [
                n
                for n in names
                if n.startswith(".") or ("." in n and Path(n).suffix not in SUFFIXES)
            ],
        )
        sources = load_sources([staging / "articles"])
        listed = [(s.id, s.text) for source in sources for s in source.sentences]
        spec = {
            "description": "",
            "languages": ["en", *sorted({s.language for s in sources} - {"en"})],
            "expected": [],
            "must_not": [],
            "thresholds": {"faithfulness": 0.8, "coverage": 0.8, "citation_precision": 0.8},
            "sentences": dict(listed),
        }
        text = json.dumps(spec, ensure_ascii=False, indent=2) + "\n"
        (staging / "case.json").write_text(text, encoding="utf-8")
        staging.rename(target)
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise InputError(f"cannot write {target}: {err}") from None
    return load_case(target), listed
