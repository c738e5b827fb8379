"""The compact shape the model writes: a label, an actor and one short statement.

On a backend that continues answers the model fills it in as a cloze (`stages.extract`:
kind and actor from label probabilities, only the text generated). Elsewhere it writes
the whole of it, and field descriptions are prompt text that reach the model through the
JSON Schema; per call `point_schema()` narrows the actor to the names code found and
caps the text, and the validator checks the same for backends that cannot constrain.
The sentence is chosen by code, so the model cites nothing.
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

_STRICT = ConfigDict(extra="forbid")


PointKind = Literal["development", "agreement", "open_issue", "position", "background"]


class Point(BaseModel):
    """What one of the sentences asked for reports, as one short English statement."""

    model_config = _STRICT

    kind: PointKind = Field(
        description="development: what happened, reported as fact; agreement: agreed or "
        "decided together; open_issue: unresolved or disputed; position: what one actor "
        "said, wants or claims; background: context or history, not news."
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
