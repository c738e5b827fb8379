"""The model's answer shapes: validators and per-call schema narrowing."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from briefing.stages.answers import Extraction, constrained_schema


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


def test_extraction_rejects_an_actor_not_in_the_list() -> None:
    raw = '{"facts": [{"kind": "position", "actor": "%s", "text": "abc", "ids": [1]}]}'
    context = {"ids": {1}, "actors": {"Anna Jónsdóttir", "Pétur Berg", "none"}}
    with pytest.raises(ValidationError, match=r"actor 'Anna' is not listed; choose one of"):
        Extraction.model_validate_json(raw % "Anna", context=context)
    for actor in ("Anna Jónsdóttir", "none"):
        ok = Extraction.model_validate_json(raw % actor, context=context)
        assert ok.facts[0].actor == actor
    # without a list (a backend asked outside the pipeline) any actor is accepted
    assert Extraction.model_validate_json(raw % "Anna").facts[0].actor == "Anna"


def test_constrained_schema_limits_ids_and_sizes() -> None:
    schema = constrained_schema(Extraction, ids=[1, 2, 3], max_items=4)
    fact = schema["$defs"]["Fact"]["properties"]
    assert fact["ids"]["items"] == {"type": "integer", "enum": [1, 2, 3]}
    assert schema["properties"]["facts"]["maxItems"] == 4
