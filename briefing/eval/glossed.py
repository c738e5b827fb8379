"""Measure verify's code checks on English over Icelandic sentences (issue 23, item 3).

A fact only an Icelandic outlet reports reaches English readers as a verified statement
only if `stages.verify` lets the English through; a backend that reads Icelandic writes
good English, and code must neither drop it nor pass a wrong one. The eval cases give
each such fact in English, written by people (`text` of a point whose evidence is all
Icelandic): those must pass `verify.problems` against their cited sentences, and copies
with one defect (`eval.perturb`: a swapped actor, a negation, a changed number or date,
an invented addition, an unrelated citation) must not. No model is asked: this is what
code decides before the support checker's judge sees a statement.
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.core import ids
from briefing.core.models import Briefing
from briefing.eval.cases import Case
from briefing.eval.perturb import KINDS, variants
from briefing.eval.scorers import Context
from briefing.stages.reading import read
from briefing.stages.verify import problems


def measure(cases: list[Case], progress: Callable[[str], None] = lambda _: None) -> dict:
    """Per kind, how many English statements over Icelandic sentences code accepts."""
    rows = []
    for case in cases:
        sources = case.sources()
        language = {s.id: s.language for s in sources}
        if "is" not in language.values():
            continue
        progress(f"{case.name}: reading {len(sources)} articles")
        reading = read(sources)
        ctx = Context.of(Briefing(languages=case.languages, sources=sources))
        for v in variants(case, ctx):
            icelandic = all(language.get(ids.source_of(e)) == "is" for e in v.evidence)
            if v.language != "en" or not icelandic:
                continue
            found = problems(v.text, v.evidence, reading)
            rows.append({**v.__dict__, "accepted": not found, "problems": found})
    groups = {kind: [r for r in rows if r["kind"] == kind] for kind in ("untouched", *KINDS)}
    groups["corrupted"] = [r for r in rows if r["kind"] != "untouched"]
    return {"summary": {kind: _share(group) for kind, group in groups.items()}, "rows": rows}


def _share(rows: list[dict]) -> dict:
    """How many of `rows` verify accepted, and their share (None of none)."""
    accepted = sum(r["accepted"] for r in rows)
    share = accepted / len(rows) if rows else None
    return {"n": len(rows), "accepted": accepted, "acceptance": share}
