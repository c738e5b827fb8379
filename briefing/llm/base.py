"""The one narrow interface every backend implements: `complete(Request) -> Response`.

Backends know how to run a model and how to make it follow a JSON Schema; they know
nothing of briefings. Validation and re-asking live in `briefing.llm.structured`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

Message = dict[str, str]


@dataclass(frozen=True)
class Request:
    """One chat completion: messages, an optional JSON Schema to constrain the answer."""

    messages: list[Message]
    schema: dict[str, Any] | None = None
    max_tokens: int = 512
    temperature: float = 0.0
    seed: int | None = 0
    stage: str = "llm"
    label: str = ""
    # When set, no text is generated: the backend returns in `Response.choice_probs` the
    # probability of each choice's first token as the next token of the answer (one
    # prompt evaluation). Backends that cannot return it leave `choice_probs` None.
    choices: tuple[str, ...] | None = None
    # The answer's beginning, which the model continues (a cloze such as '{"kind": "').
    # Only backends that declare `continues = True` are sent one (see `continues()`).
    prefix: str = ""

    def sampling(self) -> dict[str, Any]:
        return {"temperature": self.temperature, "seed": self.seed, "max_tokens": self.max_tokens}


@dataclass
class Response:
    """What came back, with the accounting the run report needs."""

    text: str
    finish_reason: str = "stop"
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cached: bool = False
    engine_seconds: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # choice -> probability of its first token over the whole vocabulary (not renormalised)
    choice_probs: dict[str, float] | None = None


@runtime_checkable
class LLM(Protocol):
    """A backend. `name` is the backend kind, `model` the model it runs."""

    name: str
    model: str
    max_concurrency: int

    def complete(self, request: Request) -> Response: ...


def model_sha256(llm: LLM) -> str | None:
    """The weights' SHA-256 when the backend knows it (the embedded one does)."""
    return getattr(llm, "sha256", None)


def server(llm: LLM) -> str | None:
    """The server a remote backend talks to (`endpoint`: its URL without credentials),
    for cache keys: None for a backend that runs in this process."""
    endpoint = getattr(llm, "endpoint", None)
    return endpoint.rstrip("/") if isinstance(endpoint, str) else None


def reads(llm: LLM) -> frozenset[str] | None:
    """The languages the model reads well enough to state their news in the pivot
    language, None for any. A backend that declares `reads` gets only those sentences to
    phrase; the others it labels (one prompt evaluation), and their facts are shown as
    their own sentences: English it writes from a rough gloss of Icelandic is mostly false
    (`stages.extract`, `stages.originals`)."""
    declared = getattr(llm, "reads", None)
    return frozenset(declared) if declared is not None else None


def continues(llm: LLM) -> bool:
    """Whether the backend can continue an answer from `Request.prefix`."""
    return bool(getattr(llm, "continues", False))


def llm_info(llm: LLM) -> dict[str, Any]:
    return {"backend": llm.name, "model": llm.model, "model_sha256": model_sha256(llm)}


def sampling(max_tokens: int | None = None) -> dict[str, Any]:
    """The sampling every call uses; `max_tokens` only where it is one fixed value."""
    params = Request(messages=[]).sampling()
    if max_tokens is None:
        params.pop("max_tokens")
    else:
        params["max_tokens"] = max_tokens
    return params
