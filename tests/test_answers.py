"""The model's answer shape: the validator and the per-call schema narrowing."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from briefing.stages.answers import Point, point_schema


def test_a_point_needs_a_known_kind() -> None:
    with pytest.raises(ValidationError):
        Point.model_validate_json('{"kind": "rumour", "actor": "none", "text": "abc"}')
    ok = Point.model_validate_json('{"kind": "background", "actor": "none", "text": "abc"}')
    assert ok.kind == "background"


def test_a_point_rejects_an_actor_not_in_the_list() -> None:
    raw = '{"kind": "position", "actor": "%s", "text": "abc"}'
    context = {"actors": {"Anna Jónsdóttir", "Pétur Berg", "none"}}
    with pytest.raises(ValidationError, match=r"actor 'Anna' is not listed; choose one of"):
        Point.model_validate_json(raw % "Anna", context=context)
    for actor in ("Anna Jónsdóttir", "none"):
        assert Point.model_validate_json(raw % actor, context=context).actor == actor
    # without a list (a backend asked outside the pipeline) any actor is accepted
    assert Point.model_validate_json(raw % "Anna").actor == "Anna"


def test_point_schema_lists_the_actors_and_caps_the_text() -> None:
    schema = point_schema(["Anna Jónsdóttir", "none"], max_chars=120)
    props = schema["properties"]
    assert props["actor"] == {"type": "string", "enum": ["Anna Jónsdóttir", "none"]}
    assert props["text"]["maxLength"] == 120 and props["text"]["minLength"] == 3
    assert set(schema["required"]) == {"kind", "actor", "text"}
