"""A fake OpenAI-compatible chat server on 127.0.0.1, for tests, demos and benchmarks.

It answers `/v1/chat/completions` like a scripted model (by default `echo_answer`, the
pipeline stage read off the answer schema) and can be told to misbehave, one fault per
request, in order: rate-limit, fail, send garbage, answer too slowly, hang up. It runs
in a daemon thread, holds at most `slots` answers in progress at once (like a server's
parallel slots), and shuts itself down after `lifetime` seconds whatever happens. A
scripted answer may echo the request's credentials (`ECHOED`), as a careless server does.
"""

from __future__ import annotations

import base64
import json
import math
import threading
import time
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

from briefing.llm.base import Request, Response
from briefing.llm.fake import echo_answer

FAULTS = ("429", "500", "malformed", "garbled", "invalid", "slow", "drop", "401", "ok")
Responder = Callable[[Request], Any]
Delay = float | Callable[[dict[str, Any]], float]


def request_schema(body: dict[str, Any]) -> dict[str, Any] | None:
    """The schema in any of the three `response_format` shapes (or None)."""
    fmt = body.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        return (fmt.get("json_schema") or {}).get("schema")
    return fmt.get("schema")


# Placeholders a scripted answer may hold, filled from the request's Authorization header.
ECHOED = ("{key}", "{key_url}", "{key_b64}", "{auth_b64}", "{key_prefix}")
JUDGE_CHOICES = ("yes", "Yes", "no", "No")  # what a judge asking for logprobs may answer


def infer_stage(schema: dict[str, Any] | None) -> str:
    """The pipeline stage an answer schema belongs to, from its top-level properties."""
    props = (schema or {}).get("properties", {})
    if {"kind", "actor", "text"} <= set(props):
        return "extract"
    return "llm"


class FakeOpenAIServer:
    """`with FakeOpenAIServer(faults=["429", "ok"]) as server: ... server.base_url`."""

    def __init__(
        self,
        responder: Responder = echo_answer,
        faults: Iterable[str] = (),
        delay: Delay = 0.0,
        slots: int = 4,
        retry_after: str = "2",
        slow_seconds: float = 5.0,
        reject_formats: Iterable[str] = (),
        reject_status: int = 400,
        lifetime: float = 120.0,
    ) -> None:
        self.responder = responder
        self.faults = list(faults)
        unknown = set(self.faults) - set(FAULTS)
        if unknown:
            raise ValueError(f"unknown faults {sorted(unknown)}; known: {FAULTS}")
        self.delay = delay
        self.retry_after = retry_after
        self.slow_seconds = slow_seconds
        self.reject_formats = set(reject_formats)
        self.reject_status = reject_status
        self.lifetime = lifetime
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.served: list[str] = []
        self._slots = threading.BoundedSemaphore(slots)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._watchdog = threading.Timer(lifetime, self.stop)
        self._watchdog.daemon = True

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def start(self) -> FakeOpenAIServer:
        self._thread.start()
        self._watchdog.start()
        return self

    def stop(self) -> None:
        if not self._stop.is_set():
            self._stop.set()
            self._watchdog.cancel()
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def next_fault(self) -> str:
        with self._lock:
            return self.faults.pop(0) if self.faults else "ok"

    def answer(self, body: dict[str, Any], authorization: str = "") -> dict[str, Any]:
        """A chat completion for `body` from the responder, echoing `authorization` where
        the answer holds an `ECHOED` placeholder."""
        schema = request_schema(body)
        request = Request(
            messages=body.get("messages", []),
            schema=schema,
            stage=infer_stage(schema),
            max_tokens=body.get("max_tokens") or 512,
            choices=JUDGE_CHOICES if body.get("logprobs") else None,
        )
        result = self.responder(request)
        if request.choices and isinstance(result, dict):  # scripted label probabilities
            probs = {str(k): float(v) for k, v in result.items()}
            result = Response(text=max(probs, key=probs.__getitem__), choice_probs=probs)
        if isinstance(result, Response):
            text, finish = result.text, result.finish_reason
        else:
            text = result if isinstance(result, str) else json.dumps(result, ensure_ascii=False)
            finish = "stop"
        text = echo(text, authorization)
        prompt_tokens = sum(len(str(m.get("content", "")).split()) for m in request.messages)
        out = completion(text, finish, prompt_tokens, max(1, len(text) // 4), body)
        probs = result.choice_probs if isinstance(result, Response) else None
        if body.get("logprobs") and probs:  # a server with logprobs: top alternatives
            top = [
                {"token": t, "logprob": math.log(p), "bytes": None}
                for t, p in sorted(probs.items(), key=lambda kv: -kv[1])
                if p > 0
            ]
            out["choices"][0]["logprobs"] = {"content": [{**top[0], "top_logprobs": top}]}
        return out

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        return type("Handler", (_Handler,), {"fake": self})


def echo(text: str, authorization: str) -> str:
    """`text` with each `ECHOED` placeholder replaced by a form of the request's key."""
    key = authorization.removeprefix("Bearer ")
    forms = {
        "{key}": key,
        "{key_url}": quote(key, safe=""),
        "{key_b64}": base64.b64encode(key.encode()).decode(),
        "{auth_b64}": base64.b64encode(authorization.encode()).decode(),
        "{key_prefix}": key[:12],
    }
    for placeholder, form in forms.items():
        text = text.replace(placeholder, form)
    return text


def completion(
    text: str, finish: str, prompt_tokens: int, completion_tokens: int, body: dict[str, Any]
) -> dict[str, Any]:
    """A minimal `chat.completion` object."""
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "fake"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": finish,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def write_articles(folder: Path, count: int) -> Path:
    """`count` tiny distinct articles in `folder`, to load the server with many calls."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        (folder / f"a{n:02d}.txt").write_text(
            f"Town {n} opened a new harbour on Monday. The mayor of town {n} said it cost "
            f"{n} million krónur. Critics in town {n} say the fee is still not settled.\n",
            encoding="utf-8",
        )
    return folder


class _Handler(BaseHTTPRequestHandler):
    """Serves one request for `fake`, the FakeOpenAIServer a subclass is bound to."""

    fake: FakeOpenAIServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:  # keep test output clean
        return None

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            self._json(200, {"object": "list", "data": [{"id": "fake", "object": "model"}]})
        else:
            self._json(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw)
        except ValueError:
            self._json(400, {"error": {"message": "request body is not JSON"}})
            return
        fault = self.fake.next_fault()
        with self.fake._lock:
            self.fake.requests.append(body)
            self.fake.headers.append(dict(self.headers.items()))
            self.fake.served.append(fault)
        fmt = (body.get("response_format") or {}).get("type")
        if fmt in self.fake.reject_formats:
            message = f"response_format {fmt} is not supported"
            self._json(self.fake.reject_status, {"error": {"message": message}})
            return
        with self.fake._slots:
            self._serve(fault, body)

    def _serve(self, fault: str, body: dict[str, Any]) -> None:
        delay = self.fake.delay(body) if callable(self.fake.delay) else self.fake.delay
        if delay and self.fake._stop.wait(delay):
            return
        if fault == "429":
            self._json(
                429,
                {"error": {"message": "Rate limit reached", "type": "rate"}},
                {"Retry-After": self.fake.retry_after},
            )
        elif fault == "500":
            self._json(500, {"error": {"message": "internal server error"}})
        elif fault == "401":
            auth = self.headers.get("Authorization", "")
            message = echo("Incorrect API key provided: {key} ({auth_b64}, {key_url})", auth)
            self._json(401, {"error": {"message": message}})
        elif fault == "malformed":
            self._raw(200, b'{"id": "x", "choices": [{"mess')
        elif fault == "drop":
            self.close_connection = True
            self.connection.shutdown(2)
        elif fault == "slow":
            if not self.fake._stop.wait(self.fake.slow_seconds):
                self._json(200, self.fake.answer(body, self.headers.get("Authorization", "")))
        elif fault == "garbled":
            self._json(200, completion("{'facts': [oops", "stop", 1, 1, body))
        elif fault == "invalid":
            self._json(200, completion('{"unexpected": true}', "stop", 1, 1, body))
        else:
            self._json(200, self.fake.answer(body, self.headers.get("Authorization", "")))

    def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        self._raw(status, json.dumps(data, ensure_ascii=False).encode(), headers)

    def _raw(self, status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up
            pass
