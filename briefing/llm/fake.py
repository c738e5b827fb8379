"""A scripted backend for tests and demos: queued answers, and a record of every request."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from briefing.llm.base import Request, Response

Answer = str | dict[str, Any] | Response | Callable[[Request], "str | dict[str, Any] | Response"]


class FakeLLM:
    """Answers from a queue (or a function of the request) and remembers what it was asked."""

    name = "fake"
    max_concurrency = 1
    continues = True  # answers scripted whole are served a cloze at a time (`point_step`)

    def __init__(
        self, answers: Iterable[Answer] | Callable[[Request], Any] = (), model: str = "fake-1"
    ) -> None:
        self.model = model
        self._responder = answers if callable(answers) else None
        self._queue: list[Answer] = [] if callable(answers) else list(answers)
        self.requests: list[Request] = []

    def complete(self, request: Request) -> Response:
        self.requests.append(request)
        if self._responder is not None:
            answer: Any = self._responder(request)
        elif self._queue:
            answer = self._queue.pop(0)
        else:
            raise AssertionError(f"FakeLLM has no answer left for request {len(self.requests)}")
        if callable(answer):
            answer = answer(request)
        if isinstance(answer, Response):
            return answer
        answer = point_step(answer, request)
        if request.choices is not None and isinstance(answer, dict):
            # scripted choice probabilities: {"yes": 0.9, "no": 0.1}
            probs = {c: float(answer.get(c, 0.0)) for c in request.choices}
            prompt_tokens = sum(len(m["content"].split()) for m in request.messages)
            best = max(probs, key=probs.__getitem__, default="")
            return Response(text=best, prompt_tokens=prompt_tokens, choice_probs=probs)
        text = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
        prompt_tokens = sum(len(m["content"].split()) for m in request.messages)
        return Response(
            text=text, prompt_tokens=prompt_tokens, completion_tokens=max(1, len(text) // 4)
        )


ASKED = re.compile(r"^Report sentence \[(\d+)\]: (.*)$", re.MULTILINE)


def point_step(answer: Any, request: Request) -> Any:
    """A whole scripted point ({"kind", "actor", "text"}) as the extract stage asks a
    backend that continues answers, one cloze at a time: the kind, then (for a position)
    the actor with its closing quote, each as label probabilities (or, where the backend
    was asked a one-field schema instead, as that field), then the statement as a JSON
    string. Any other answer, and a whole point asked at once, pass through."""
    if not (isinstance(answer, dict) and request.stage == "extract" and "kind" in answer):
        return answer
    schema = request.schema or {}
    if request.prefix and schema.get("type") == "string":
        return json.dumps(str(answer["text"]), ensure_ascii=False)
    offered = request.choices or (schema.get("properties", {}).get("answer") or {}).get("enum")
    if not offered:
        return answer
    value = answer["kind"] if answer["kind"] in offered else f'{answer["actor"]}"'
    return {value: 0.9} if request.choices is not None else {"answer": value}


def _cap(schema: dict[str, Any] | None) -> int | None:
    """The longest text an extraction schema allows (the statement's `maxLength`), if any."""
    schema = schema or {}
    cap = ((schema.get("properties") or {}).get("text") or schema).get("maxLength")
    return cap if isinstance(cap, int) else None


def _restate(sentence: str, cap: int | None) -> str:
    """The sentence itself, cut at a word to stay clear of the length cap (a text at
    the cap reads as cut off)."""
    if cap is None or len(sentence) < cap - 1:
        return sentence
    kept = ""
    for word in sentence.split():
        if len(f"{kept} {word}".strip()) >= cap - 1:
            break
        kept = f"{kept} {word}".strip()
    return kept or sentence[: cap - 2]


def echo_answer(request: Request) -> dict[str, Any]:
    """A plausible, valid answer for each pipeline stage, for demos and CLI tests.

    Extraction (a `Point`) restates the sentence asked (the user message's last line, after
    "Report sentence [n]: ") as an open issue with no actor, in that sentence's own
    words, so it passes the code checks.
    """
    if request.stage == "extract":
        # the last sentence asked, also when a re-ask appended the error after it
        shown = "\n".join(str(m.get("content", "")) for m in request.messages)
        asked = ASKED.findall(shown)
        sentence = asked[-1][1].strip() if asked else ""
        text = sentence or "The article reports an unresolved question."
        return {"kind": "open_issue", "actor": "none", "text": _restate(text, _cap(request.schema))}
    if request.choices is not None:  # a judge asking for label probabilities: "yes"
        return {
            choice: (0.9 if choice.lower().startswith("y") else 0.05) for choice in request.choices
        }
    raise AssertionError(f"echo_answer has no answer for stage {request.stage!r}")
