"""Ask for an answer that validates against a Pydantic model, re-asking with the error,
or for the likeliest of a few choices (`choose`).

The loop follows instructor: the model's answer and the validation error go back as
new messages, at most `max_attempts` times in all. Transport retries belong to the
backend; a truncated answer is its own error so the caller can split the work instead
of asking the same too-long question again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError, ValidationInfo, field_validator

from briefing.core.errors import TruncatedAnswer, ValidationFailed
from briefing.llm.base import LLM, Message, Request, Response

T = TypeVar("T", bound=BaseModel)
Recorder = Callable[[str, Response], None]


def format_errors(err: ValidationError, limit: int = 6) -> str:
    """Validation errors as short lines the model can act on."""
    lines = []
    for e in err.errors()[:limit]:
        where = ".".join(str(p) for p in e["loc"]) or "answer"
        msg = e["msg"].removeprefix("Value error, ")
        lines.append(f"- {where}: {msg}")
    more = len(err.errors()) - limit
    if more > 0:
        lines.append(f"- ... and {more} more")
    return "\n".join(lines)


@dataclass(frozen=True)
class AskOptions:
    """How to ask: the token budget, names for the log and errors, and the re-ask loop.

    `schema` defaults to the answer type's; `context` reaches its validators; `reask`
    turns validation errors into the follow-up message; `record` sees every response.
    """

    max_tokens: int
    stage: str
    label: str
    schema: dict[str, Any] | None = None
    context: dict[str, Any] | None = None
    max_attempts: int = 3
    reask: Callable[[str], str] | None = None
    record: Recorder | None = None


def ask(llm: LLM, messages: list[Message], answer_type: type[T], options: AskOptions) -> T:
    """Return the first answer that parses and validates; raise after `max_attempts`."""
    max_tokens, stage, label = options.max_tokens, options.stage, options.label
    context, max_attempts = options.context, options.max_attempts
    reask, record = options.reask, options.record
    schema = options.schema if options.schema is not None else answer_type.model_json_schema()
    history = list(messages)
    last_error = ""
    for _attempt in range(max_attempts):
        request = Request(
            messages=history, schema=schema, max_tokens=max_tokens, stage=stage, label=label
        )
        response = llm.complete(request)
        if record is not None:
            record(stage, response)
        if response.finish_reason == "length":
            raise TruncatedAnswer(
                f"{label}: the answer hit the {max_tokens}-token limit before it was complete"
            )
        try:
            return answer_type.model_validate_json(response.text, context=context)
        except ValidationError as err:
            last_error = format_errors(err)
        feedback = reask(last_error) if reask else f"Your answer was invalid:\n{last_error}"
        history = [
            *history,
            {"role": "assistant", "content": response.text},
            {"role": "user", "content": feedback},
        ]
    first = last_error.splitlines()[0].removeprefix("- ") if last_error else "invalid answer"
    raise ValidationFailed(
        f"{label}: the model's answer failed validation {max_attempts} times ({first})"
    )


class _Choice(BaseModel):
    answer: str

    @field_validator("answer")
    @classmethod
    def _offered(cls, answer: str, info: ValidationInfo) -> str:
        offered = (info.context or {}).get("choices") or ()
        if answer not in offered:
            raise ValueError(f"{answer!r} is not one of: {', '.join(offered)}")
        return answer


def choose(
    llm: LLM,
    messages: list[Message],
    choices: Sequence[str],
    options: AskOptions,
    prefix: str = "",
) -> str:
    """The most probable of `choices` to come next (`rank`'s first)."""
    return rank(llm, messages, choices, options, prefix)[0]


def rank(
    llm: LLM,
    messages: list[Message],
    choices: Sequence[str],
    options: AskOptions,
    prefix: str = "",
) -> list[str]:
    """`choices` from most to least probable to come next, after the answer's `prefix`
    where the backend continues answers: one prompt evaluation, no generated token. Ties
    go to the earlier choice. A backend that returns no probabilities answers a one-field
    schema whose only values are the choices instead, and only that answer is ranked. A
    single choice is no question: no call."""
    if len(choices) == 1:
        return [choices[0]]
    request = Request(
        messages=messages,
        choices=tuple(choices),
        max_tokens=1,
        stage=options.stage,
        label=options.label,
        prefix=prefix,
    )
    response = llm.complete(request)
    if options.record is not None:
        options.record(options.stage, response)
    probs = response.choice_probs
    if probs and sum(probs.values()) > 0:
        return sorted(choices, key=lambda c: -probs.get(c, 0.0))  # stable: ties keep order
    schema = {
        "type": "object",
        "properties": {"answer": {"type": "string", "enum": list(choices)}},
        "required": ["answer"],
        "additionalProperties": False,
    }
    fallback = dataclasses.replace(
        options, schema=schema, context={"choices": tuple(choices)}, max_tokens=16
    )
    return [ask(llm, messages, _Choice, fallback).answer]
