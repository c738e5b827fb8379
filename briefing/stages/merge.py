"""Reduce stage: fold duplicate statements into one and pair up contradictions.

The model only names point numbers (`same` groups, `conflicts` pairs); code does the
folding, so a merged item's evidence is exactly the union of its members' evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.core.models import Source
from briefing.llm.base import LLM
from briefing.llm.structured import AskOptions, Recorder, ask
from briefing.prompts import PromptSet
from briefing.stages.answers import MergePlan, constrained_schema
from briefing.stages.extract import Found


@dataclass
class Conflict:
    """Two statements from different sources that contradict each other."""

    first: int
    second: int


def merge(
    found: list[Found],
    sources: list[Source],
    llm: LLM,
    prompts: PromptSet,
    *,
    max_attempts: int = 3,
    record: Recorder | None = None,
) -> tuple[list[Found], list[Conflict]]:
    """Return the deduplicated statements and conflicts as indexes into that list."""
    found = fold_identical(found)
    if len(found) < 2:
        return list(found), []
    labels = {s.id: s.outlet or s.title for s in sources}  # names the model can tell apart
    points = [
        {
            "n": n,
            "source": labels[f.source_id],
            "section": f.section.replace("_", " "),
            "actor": f.actor,
            "text": f.text,
        }
        for n, f in enumerate(found, start=1)
    ]
    messages = [
        {"role": "system", "content": prompts.render("merge.system")},
        {"role": "user", "content": prompts.render("merge.user", points=points)},
    ]
    numbers = list(range(1, len(found) + 1))
    schema = constrained_schema(MergePlan, max_items=max(2, len(found) // 2))
    for key in ("same", "conflicts"):
        schema["properties"][key]["items"] = {
            "type": "array",
            "items": {"type": "integer", "enum": numbers},
            "minItems": 2,
            "maxItems": 2 if key == "conflicts" else min(len(found), 6),
        }
    plan = ask(
        llm,
        messages,
        MergePlan,
        AskOptions(
            schema=schema,
            context={"count": len(found)},
            max_tokens=16 + 8 * len(found),
            stage="merge",
            label="merge",
            max_attempts=max_attempts,
            reask=lambda errors: prompts.render("reask", errors=errors),
            record=record,
        ),
    )
    return apply_plan(found, plan)


def fold_identical(found: list[Found]) -> list[Found]:
    """Statements worded identically are one statement: code folds them, no LLM needed."""
    kept: dict[tuple[str, str, str], Found] = {}
    for item in found:
        key = (item.section, (item.actor or "").casefold(), " ".join(item.text.casefold().split()))
        if key in kept:
            kept[key].evidence += [e for e in item.evidence if e not in kept[key].evidence]
        else:
            kept[key] = Found(
                item.section, item.text, list(item.evidence), item.source_id, item.actor
            )
    return list(kept.values())


def apply_plan(found: list[Found], plan: MergePlan) -> tuple[list[Found], list[Conflict]]:
    """Fold each `same` group into its first member; keep conflicts across sources only."""
    leader: dict[int, int] = {}
    for group in plan.same:
        ordered = sorted(group)
        for n in ordered:
            leader[n - 1] = ordered[0] - 1
    merged: list[Found] = []
    position: dict[int, int] = {}
    for i, item in enumerate(found):
        head = leader.get(i, i)
        if head != i:
            target = merged[position[head]]
            target.evidence += [e for e in item.evidence if e not in target.evidence]
            continue
        position[i] = len(merged)
        merged.append(
            Found(item.section, item.text, list(item.evidence), item.source_id, item.actor)
        )
    conflicts: list[Conflict] = []
    seen: set[tuple[int, int]] = set()
    for a, b in plan.conflicts:
        ia, ib = position[leader.get(a - 1, a - 1)], position[leader.get(b - 1, b - 1)]
        key = (min(ia, ib), max(ia, ib))
        if ia == ib or key in seen or found[a - 1].source_id == found[b - 1].source_id:
            continue
        seen.add(key)
        conflicts.append(Conflict(*key))
    return merged, conflicts
