"""The compact shapes the model writes: sentence numbers and short statements, no quotes.

Field descriptions are prompt text: they reach the model through the JSON Schema.
Per call, `constrained_schema()` narrows the schema to the sentence numbers that exist
in the excerpt, so constrained decoding cannot even write a citation that is not there;
the validators check the same for backends that cannot constrain.
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

_STRICT = ConfigDict(extra="forbid")


def _check_ids(ids: list[int], info: ValidationInfo) -> list[int]:
    allowed = (info.context or {}).get("ids")
    if allowed is not None:
        for n in ids:
            if n not in allowed:
                raise ValueError(
                    f"sentence [{n}] is not in this excerpt; cite only numbers shown in brackets"
                )
    return list(dict.fromkeys(ids))


Kind = Literal["agreement", "open_issue", "position"]


class Fact(BaseModel):
    """One thing the excerpt reports, who it concerns, and the sentences that state it."""

    model_config = _STRICT

    kind: Kind = Field(
        description="agreement: agreed or decided together; open_issue: unresolved or "
        "disputed; position: what one actor said, wants or claims."
    )
    actor: str = Field(
        min_length=2, description='Who said it or holds it: one of the actors listed, or "none".'
    )
    text: str = Field(min_length=3, description="The point in one short sentence of your own.")
    ids: list[int] = Field(min_length=1, description="Numbers of the sentences that state it.")

    _ids = field_validator("ids")(_check_ids)

    @field_validator("actor")
    @classmethod
    def _listed_actor(cls, actor: str, info: ValidationInfo) -> str:
        allowed = (info.context or {}).get("actors")
        if allowed is not None and actor not in allowed:
            raise ValueError(f"actor {actor!r} is not listed; choose one of: {', '.join(allowed)}")
        return actor


class Extraction(BaseModel):
    """The main points of one excerpt, most important first."""

    model_config = _STRICT

    facts: list[Fact] = Field(min_length=1, description="The excerpt's main points.")


class MergePlan(BaseModel):
    """Which numbered points say the same thing, and which contradict each other."""

    model_config = _STRICT

    same: list[list[int]] = Field(description="Groups of points that state the same fact.")
    conflicts: list[list[int]] = Field(
        description="Pairs of points from different sources that contradict each other."
    )

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> MergePlan:
        count = (info.context or {}).get("count")
        seen: set[int] = set()
        for group in self.same:
            if len(group) < 2:
                raise ValueError(f"group {group} has one point; list only groups of two or more")
            for n in group:
                if count is not None and not 1 <= n <= count:
                    raise ValueError(f"point {n} does not exist; points are numbered 1 to {count}")
                if n in seen:
                    raise ValueError(f"point {n} is in two groups; put each point in one group")
                seen.add(n)
        for pair in self.conflicts:
            if len(pair) != 2 or pair[0] == pair[1]:
                raise ValueError(f"conflict {pair} must name two different points")
            for n in pair:
                if count is not None and not 1 <= n <= count:
                    raise ValueError(f"point {n} does not exist; points are numbered 1 to {count}")
        return self


class Translation(BaseModel):
    """The numbered statements translated, in the same order."""

    model_config = _STRICT

    t: list[str] = Field(description="One translation per numbered statement, in order.")

    @field_validator("t")
    @classmethod
    def _same_count(cls, value: list[str], info: ValidationInfo) -> list[str]:
        count = (info.context or {}).get("count")
        if count is not None and len(value) != count:
            raise ValueError(
                f"give exactly {count} translations, one per statement; got {len(value)}"
            )
        if any(not v.strip() for v in value):
            raise ValueError("a translation is empty; translate every statement")
        return value


PointKind = Literal["agreement", "open_issue", "position", "background"]


class Point(BaseModel):
    """What one of the sentences asked for reports, as one short English statement."""

    model_config = _STRICT

    kind: PointKind = Field(
        description="agreement: agreed or decided together; open_issue: unresolved or "
        "disputed; position: what one actor said, wants or claims; background: none of these."
    )
    actor: str = Field(
        min_length=2, description='Who said it or holds it: one of the actors listed, or "none".'
    )
    text: str = Field(min_length=3, description="What the sentence says, in one short sentence.")

    @field_validator("actor")
    @classmethod
    def _listed_actor(cls, actor: str, info: ValidationInfo) -> str:
        allowed = (info.context or {}).get("actors")
        if allowed is not None and actor not in allowed:
            raise ValueError(f"actor {actor!r} is not listed; choose one of: {', '.join(allowed)}")
        return actor


def point_schema(actors: list[str], max_chars: int) -> dict[str, Any]:
    """`Point` for one call: the actor from the list, a short text.

    Under constrained decoding the model cannot invent an actor or write a paragraph.
    """
    schema = copy.deepcopy(Point.model_json_schema())
    schema["properties"]["actor"] = {"type": "string", "enum": actors}
    schema["properties"]["text"] = {"type": "string", "minLength": 3, "maxLength": max_chars}
    return schema


def _walk(schema: dict[str, Any], fn: Any) -> None:
    fn(schema)
    for value in schema.values():
        if isinstance(value, dict):
            _walk(value, fn)
        elif isinstance(value, list):
            for v in value:
                if isinstance(v, dict):
                    _walk(v, fn)


def constrained_schema(
    model: type[BaseModel],
    *,
    ids: list[int] | None = None,
    max_items: int | None = None,
    max_chars: int | list[int] | None = None,
    exact_items: int | None = None,
) -> dict[str, Any]:
    """`model`'s JSON Schema narrowed for one call: allowed ids, list sizes, string lengths.

    These bounds turn into grammar rules under constrained decoding, which is what keeps
    the embedded model from wandering: it cannot cite a sentence that is not in the
    excerpt, nor write a paragraph where a clause will do.
    """
    schema = copy.deepcopy(model.model_json_schema())

    def narrow(node: dict[str, Any]) -> None:
        props = node.get("properties", {})
        for key, prop in props.items():
            if key == "ids" and ids is not None:
                prop["items"] = {"type": "integer", "enum": ids}
                prop["maxItems"] = min(4, len(ids))
            elif prop.get("type") == "array" and exact_items is not None and key == "t":
                prop["minItems"] = prop["maxItems"] = exact_items
                if isinstance(max_chars, list):  # one cap per string, by position
                    prop.pop("items", None)
                    prop["prefixItems"] = [
                        {"type": "string", "minLength": 1, "maxLength": cap} for cap in max_chars
                    ]
                elif max_chars:
                    prop["items"] = {"type": "string", "minLength": 1, "maxLength": max_chars}
            elif prop.get("type") == "array" and max_items is not None and key != "ids":
                prop["maxItems"] = max_items

    _walk(schema, narrow)
    return schema
