"""The model's answer shapes: validators and per-call schema narrowing."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from briefing.stages.answers import Extraction, MergePlan, Translation, constrained_schema
from briefing.stages.extract import Found
from briefing.stages.merge import apply_plan


def test_extraction_rejects_ids_outside_the_excerpt() -> None:
    raw = '{"facts": [{"kind": "position", "actor": "Xu", "text": "abc", "ids": [2, 7]}]}'
    with pytest.raises(ValidationError, match=r"\[7\] is not in this excerpt"):
        Extraction.model_validate_json(raw, context={"ids": {1, 2, 3}})
    ok = Extraction.model_validate_json(raw.replace("7", "2"), context={"ids": {1, 2, 3}})
    assert ok.facts[0].ids == [2]


def test_extraction_needs_at_least_one_fact_and_a_known_kind() -> None:
    with pytest.raises(ValidationError):
        Extraction.model_validate_json('{"facts": []}')
    with pytest.raises(ValidationError):
        Extraction.model_validate_json(
            '{"facts": [{"kind": "rumour", "actor": "X", "text": "abc", "ids": [1]}]}'
        )


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        ({"same": [[1]], "conflicts": []}, "one point"),
        ({"same": [[1, 2], [2, 3]], "conflicts": []}, "in two groups"),
        ({"same": [[1, 9]], "conflicts": []}, "does not exist"),
        ({"same": [], "conflicts": [[2, 2]]}, "two different points"),
    ],
)
def test_merge_plan_validation(plan: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        MergePlan.model_validate(plan, context={"count": 3})


def test_translation_count_must_match() -> None:
    with pytest.raises(ValidationError, match="exactly 2"):
        Translation.model_validate({"t": ["a"]}, context={"count": 2})


def test_constrained_schema_limits_ids_and_sizes() -> None:
    schema = constrained_schema(Extraction, ids=[1, 2, 3], max_items=4)
    fact = schema["$defs"]["Fact"]["properties"]
    assert fact["ids"]["items"] == {"type": "integer", "enum": [1, 2, 3]}
    assert schema["properties"]["facts"]["maxItems"] == 4
    translation = constrained_schema(Translation, exact_items=3, max_chars=50)
    assert (
        translation["properties"]["t"]["minItems"]
        == translation["properties"]["t"]["maxItems"]
        == 3
    )


def test_translation_strings_can_be_capped_one_by_one() -> None:
    t = constrained_schema(Translation, exact_items=2, max_chars=[20, 90])["properties"]["t"]
    assert "items" not in t  # a grammar builder takes `items` over `prefixItems`
    assert [item["maxLength"] for item in t["prefixItems"]] == [20, 90]
    assert t["minItems"] == t["maxItems"] == 2


def test_apply_plan_unions_evidence_and_keeps_cross_source_conflicts() -> None:
    found = [
        Found("agreements", "a", ["A1.S1"], "A1"),
        Found("positions", "b", ["A1.S2"], "A1", "X"),
        Found("agreements", "a again", ["A2.S1"], "A2"),
        Found("positions", "not b", ["A2.S4"], "A2", "X"),
        Found("positions", "same source", ["A1.S5"], "A1", "Y"),
    ]
    merged, conflicts = apply_plan(found, MergePlan(same=[[3, 1]], conflicts=[[2, 4], [2, 5]]))
    assert [m.text for m in merged] == ["a", "b", "not b", "same source"]
    assert merged[0].evidence == ["A1.S1", "A2.S1"]
    assert [(c.first, c.second) for c in conflicts] == [(1, 2)]


def test_identical_statements_fold_without_the_llm() -> None:
    from briefing.stages.merge import fold_identical

    found = [
        Found("positions", "Trump said  no deal.", ["A2.S4"], "A2", "Trump"),
        Found("positions", "trump said no deal.", ["A2.S5", "A2.S4"], "A2", "trump"),
        Found("agreements", "Trump said no deal.", ["A2.S6"], "A2", "Trump"),
    ]
    folded = fold_identical(found)
    assert [(f.section, f.evidence) for f in folded] == [
        ("positions", ["A2.S4", "A2.S5"]),
        ("agreements", ["A2.S6"]),
    ]
    assert found[0].evidence == ["A2.S4"]
