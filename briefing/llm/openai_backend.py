"""Any OpenAI-compatible chat server (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp)
through the `openai` SDK, behind the same `complete(Request) -> Response` interface.

Structured output uses the best convention the server offers (see `strategies`); with
`structured="auto"` the first that the server does not reject as unsupported is
remembered. The SDK's own retries are off: `RetryPolicy` retries 429s, 5xx, timeouts
and dropped connections, and the last failure becomes one line saying what to do.
Nothing the server sends reaches the rest of the program with the API key in it: every
answer's text (in `_post`) and every error (in `complete`) passes the `Redactor` first.
The server's URL (`endpoint`, without credentials) is part of each answer's cache key.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import openai

from briefing.core.errors import BriefingError, InputError, LLMError
from briefing.llm.base import Request, Response
from briefing.llm.redact import Redactor
from briefing.llm.retry import RETRY_STATUSES, Retryable, RetryPolicy, retry_after
from briefing.llm.strategies import AUTO_ORDER, Strategy, make_strategy

OPENAI_URL = "https://api.openai.com/v1"
_TOP_LOGPROBS = 20  # the most OpenAI's API returns
# A 400/422 that names these is the server refusing the response_format, not the prompt.
_UNSUPPORTED = re.compile(
    r"response_format|json_schema|json_object|not supported|unsupported", re.IGNORECASE
)


class Unsupported(Exception):
    """The server rejected this structured-output convention."""


def display_url(url: str) -> str:
    """`url` without user:password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def checked_url(url: str) -> str:
    """`url` if it can name an HTTP server; else one line now, since no retry could fix it
    (a URL without a scheme was retried five times over 21 s as a connection failure)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as err:
        raise InputError(f"--base-url {display_url_safe(url)!r} is malformed: {err}") from None
    if parts.scheme not in ("http", "https"):
        raise InputError(
            f"--base-url {display_url_safe(url)!r} must start with http:// or https://"
        )
    if not parts.hostname:
        raise InputError(f"--base-url {display_url_safe(url)!r} names no host")
    return url


def display_url_safe(url: str) -> str:
    """`display_url`, or the text before any '@' when the URL does not even parse."""
    try:
        return display_url(url)
    except ValueError:
        return url.rsplit("@", 1)[-1]


def server_message(err: openai.APIStatusError, limit: int = 160) -> str:
    """The server's own error text, short: OpenAI's `error.message`, FastAPI's `detail`..."""
    body: Any = err.body
    text = ""
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            text = str(inner.get("message") or inner.get("detail") or "")
        else:
            text = str(inner)
    if not text:
        text = str(body or err.message or "")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class OpenAILLM:
    """A model on an OpenAI-compatible server; many calls may run at once."""

    name = "openai"
    max_concurrency = 64

    def __init__(
        self,
        model: str | None,
        base_url: str | None = None,
        api_key: str | None = None,
        structured: str = "auto",
        timeout: float = 120.0,
        retries: int = 4,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        client: openai.OpenAI | None = None,
        reads: tuple[str, ...] | None = None,
    ) -> None:
        if not model:
            raise InputError(
                "the openai backend needs a model: pass --model NAME, set BRIEFING_MODEL, "
                'or put model = "NAME" in briefing.toml'
            )
        if not api_key and base_url is None:
            raise InputError(
                "the openai backend needs an API key for api.openai.com: set OPENAI_API_KEY, "
                "or pass --base-url for a server that needs none"
            )
        self.model = model
        self.reads = reads  # None: a server model is trusted to read every language
        self.base_url = checked_url(base_url) if base_url is not None else OPENAI_URL
        self.endpoint = display_url(self.base_url)
        self.timeout = timeout
        self._redact = Redactor(api_key or "")
        self._client = client or openai.OpenAI(
            api_key=api_key or "no-key", base_url=self.base_url, timeout=timeout, max_retries=0
        )
        self.policy = RetryPolicy(tries=retries + 1, backoff=backoff, sleep=sleep)
        self._auto = structured == "auto"
        self.strategy: Strategy | None = None if self._auto else make_strategy(structured)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"OpenAILLM(model={self.model!r}, endpoint={self.endpoint!r})"

    def complete(self, request: Request) -> Response:
        """The answer; an error's message with the API key redacted, whatever its source."""
        try:
            return self._complete(request)
        except BriefingError as err:
            message = self._redact(str(err))
            if message == str(err):
                raise
            raise type(err)(message) from None

    def _complete(self, request: Request) -> Response:
        if request.choices is not None:
            return self._choice_probs(request)
        chosen = self.strategy
        if chosen is not None or request.schema is None:
            return self._send(chosen or make_strategy(AUTO_ORDER[0]), request)
        for name in AUTO_ORDER:
            strategy = make_strategy(name)
            try:
                response = self._send(strategy, request, probing=True)
            except Unsupported:
                continue
            with self._lock:
                self.strategy = strategy
            return response
        raise LLMError(
            f"{self.endpoint}: the server supports none of json_schema, json_object or "
            "JSON mode; use another server or model"
        )

    def _send(self, strategy: Strategy, request: Request, probing: bool = False) -> Response:
        body = strategy.prepare(request)
        start = time.perf_counter()
        try:
            completion = self.policy.run(lambda: self._post(body, request, strategy, probing))
        except Retryable as err:
            raise LLMError(
                f"{self.endpoint}: {err} after {self.policy.tries} tries; {err.hint}"
            ) from None
        seconds = time.perf_counter() - start
        choices = getattr(completion, "choices", None) or []
        if not choices:
            raise LLMError(f"{self.endpoint}: the answer had no choices; is this a chat model?")
        choice = choices[0]
        text = getattr(choice.message, "content", None) or ""
        finish = choice.finish_reason or "stop"
        usage = getattr(completion, "usage", None)
        return Response(
            text=strategy.parse(text, request) if finish == "stop" else text,
            finish_reason=finish,
            prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
            completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
            seconds=seconds,
            extra={"structured": strategy.name},
        )

    def _choice_probs(self, request: Request) -> Response:
        """One token with `logprobs`: each choice's probability from the top alternatives,
        as the embedded backend gives it, by the choice's first token (0 where no
        alternative begins the choice). A server that returns no logprobs gives
        `choice_probs=None`, and the caller falls back to votes."""
        import dataclasses
        import math

        one = dataclasses.replace(request, max_tokens=1, schema=None)
        body = {"messages": request.messages, "logprobs": True, "top_logprobs": _TOP_LOGPROBS}
        start = time.perf_counter()
        try:
            completion = self.policy.run(
                lambda: self._post(body, one, make_strategy("json"), False)
            )
        except Retryable as err:
            raise LLMError(
                f"{self.endpoint}: {err} after {self.policy.tries} tries; {err.hint}"
            ) from None
        choices = getattr(completion, "choices", None) or []
        if not choices:
            raise LLMError(f"{self.endpoint}: the answer had no choices; is this a chat model?")
        choice = choices[0]
        usage = getattr(completion, "usage", None)
        content = getattr(getattr(choice, "logprobs", None), "content", None) or []
        probs: dict[str, float] | None = None
        if content:
            top = getattr(content[0], "top_logprobs", None) or []
            seen = {t.token: math.exp(t.logprob) for t in top}
            seen.setdefault(content[0].token, math.exp(content[0].logprob))
            probs = {c: round(_first_token_prob(c, seen), 6) for c in request.choices or ()}
        return Response(
            text=getattr(choice.message, "content", None) or "",
            finish_reason="stop",
            prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
            completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
            seconds=time.perf_counter() - start,
            extra={"logprobs": probs is not None},
            choice_probs=probs,
        )

    def _post(
        self, body: dict[str, Any], request: Request, strategy: Strategy, probing: bool
    ) -> Any:
        try:
            completion = self._client.chat.completions.create(
                model=self.model,
                max_tokens=request.max_tokens,
                temperature=request.temperature,
                seed=request.seed,
                **body,
            )
        except openai.APIStatusError as err:
            status = err.status_code
            detail = server_message(err)
            if "response_format" in body and _rejects_format(status, detail):
                if probing:
                    raise Unsupported(detail) from None
                raise LLMError(
                    f"{self.endpoint}: the server rejects --structured {strategy.name} "
                    f"(HTTP {status}: {detail}); try --structured auto"
                ) from None
            if status in RETRY_STATUSES or status >= 500:
                hint = (
                    "the server is rate-limiting: lower --concurrency or retry later"
                    if status == 429
                    else "retry later, or check the server's logs"
                )
                raise Retryable(
                    f"HTTP {status} ({detail})", retry_after(err.response.headers), hint
                ) from None
            raise LLMError(f"{self.endpoint}: HTTP {status} ({detail}); {_hint(status)}") from None
        except openai.APITimeoutError:
            raise Retryable(
                f"no answer within {self.timeout:g} s",
                None,
                "raise --timeout, or send smaller chunks (--chunk-tokens)",
            ) from None
        except openai.APIConnectionError as err:
            reason = str(err.__cause__ or err)
            raise Retryable(
                f"connection failed ({reason})",
                None,
                "check --base-url and that the server is running",
            ) from None
        except (openai.APIResponseValidationError, ValueError) as err:
            raise Retryable(
                f"malformed response ({type(err).__name__})",
                None,
                "check that --base-url points at an OpenAI-compatible /v1",
            ) from None
        for choice in getattr(completion, "choices", None) or []:  # before anything reads it
            message = getattr(choice, "message", None)
            if isinstance(getattr(message, "content", None), str):
                message.content = self._redact(message.content)
        return completion


def _rejects_format(status: int, detail: str) -> bool:
    """A refusal of the response_format (llama-cpp-python's server says so with a 500)."""
    return status in (400, 422, 500) and bool(_UNSUPPORTED.search(detail))


def _hint(status: int) -> str:
    if status in (401, 403):
        return "the server refused the credentials: check OPENAI_API_KEY"
    if status == 404:
        return "check --model and --base-url (it usually ends in /v1)"
    return "check the request settings (--model, --structured, --chunk-tokens)"


def _first_token_prob(choice: str, seen: dict[str, float]) -> float:
    """The probability of the likeliest alternative token that begins `choice`:
    "agreement" may come as "ag", the way the embedded backend scores it."""
    begins = [p for token, p in seen.items() if token.strip() and choice.startswith(token.strip())]
    return max(begins, default=0.0)
