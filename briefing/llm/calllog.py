"""Every model call recorded in SQLite, so the prompt behind a bad statement can be read.

Why: the answer cache keeps answers by hash, without the messages, the stage or what was
parsed; nobody could see what the model was shown. `LoggedLLM` wraps the backend where
the registry builds it (outside the answer cache), and writes one row per call: time,
backend, model, stage, label and the sentence ids in it, the messages, the raw answer,
the answer parsed as JSON where it is JSON, usage and seconds. An answer the cache served
is logged too, with `cached = 1`: the row still says which messages it answers. A run
the run memo serves whole makes no call and logs nothing; its briefing keeps the log id
of the run that made its answers. A failed call is logged with its one-line error.

Rows pass a `Redactor` first, and the schema has no column for headers or keys, so the
API key cannot reach the file. One process is one run (`run_id()`); the schema carries a
version (`PRAGMA user_version`) and numbered migrations, as simonw/llm's log does.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.core.errors import BriefingError
from briefing.llm.base import LLM, Request, Response
from briefing.llm.redact import Redactor

if TYPE_CHECKING:
    import sqlite3

# Migration n (1-based) takes the file from user_version n-1 to n; never edit one, add one.
MIGRATIONS = (
    """
    CREATE TABLE runs (id TEXT PRIMARY KEY, started TEXT NOT NULL);
    CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs(id),
        time TEXT NOT NULL,
        backend TEXT NOT NULL,
        model TEXT NOT NULL,
        stage TEXT NOT NULL,
        label TEXT NOT NULL,
        sentences TEXT NOT NULL,
        messages TEXT NOT NULL,
        schema TEXT,
        prefix TEXT NOT NULL,
        choices TEXT,
        answer TEXT,
        parsed TEXT,
        choice_probs TEXT,
        finish_reason TEXT,
        prompt_tokens INTEGER NOT NULL DEFAULT 0,
        completion_tokens INTEGER NOT NULL DEFAULT 0,
        seconds REAL NOT NULL DEFAULT 0,
        cached INTEGER NOT NULL DEFAULT 0,
        error TEXT
    );
    CREATE INDEX calls_run ON calls(run_id);
    CREATE INDEX calls_stage ON calls(stage);
    """,
)
SENTENCE_ID = re.compile(r"\bA\d+\.S\d+\b")

_run: str | None = None


def run_id() -> str:
    """This run's id: UTC time to the second and 6 random hex digits, sortable and short."""
    global _run
    if _run is None:
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
        _run = f"{stamp}-{secrets.token_hex(3)}"
    return _run


def new_run() -> None:
    """Start a new run: each CLI invocation is one (tests invoke many in one process)."""
    global _run
    _run = None


def connect(path: Path) -> sqlite3.Connection:
    """The log at `path`, created or migrated to the newest schema."""
    import sqlite3

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=10, check_same_thread=False, isolation_level=None)
        db.row_factory = sqlite3.Row
        # The write lock is taken before the version is read, so two runs that open a new
        # log at once migrate it once: the second waits and then finds it current.
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise BriefingError(f"{path} is from a newer briefing (log schema {version})")
            for number in range(version + 1, len(MIGRATIONS) + 1):
                for statement in MIGRATIONS[number - 1].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    except sqlite3.Error as err:
        raise BriefingError(f"cannot open the call log {path}: {err}") from None
    return db


class CallLog:
    """One run's rows in the log file, opened on the first call (a memo-served run that
    makes none writes nothing); safe to share between threads."""

    def __init__(self, path: Path, run: str, redact: Redactor) -> None:
        self.path = path
        self.run = run
        self._redact = redact
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def add(
        self, llm: LLM, request: Request, response: Response | None, error: str, seconds: float
    ) -> None:
        row = {
            "run_id": self.run,
            "time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds"),
            "backend": llm.name,
            "model": llm.model,
            "stage": request.stage,
            "label": request.label,
            "sentences": " " + " ".join(SENTENCE_ID.findall(request.label)) + " ",
            "messages": self._json(request.messages),
            "schema": self._json(request.schema) if request.schema is not None else None,
            "prefix": self._redact(request.prefix),
            "choices": self._json(list(request.choices)) if request.choices else None,
            "error": self._redact(error) or None,
            "seconds": round(seconds, 4),
        }
        if response is not None:
            row |= {
                "answer": self._redact(response.text),
                "parsed": _parsed(request.prefix + self._redact(response.text)),
                "choice_probs": self._json(response.choice_probs)
                if response.choice_probs is not None
                else None,
                "finish_reason": response.finish_reason,
                "prompt_tokens": response.prompt_tokens,
                "completion_tokens": response.completion_tokens,
                "cached": int(response.cached),
            }
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        with self._lock:
            db = self._open()
            db.execute(f"INSERT INTO calls ({columns}) VALUES ({marks})", list(row.values()))

    def _open(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = connect(self.path)
            self._db.execute(
                "INSERT OR IGNORE INTO runs (id, started) VALUES (?, ?)",
                (self.run, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
            )
        return self._db

    def _json(self, value: Any) -> str:
        return self._redact(json.dumps(value, ensure_ascii=False))


def _parsed(text: str) -> str | None:
    """The answer as canonical JSON when it is JSON (a cloze answer with its prefix)."""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        return None


class LoggedLLM:
    """`inner` with every call written to `log`; everything else is the inner backend's."""

    def __init__(self, inner: LLM, log: CallLog) -> None:
        self.inner = inner
        self.log = log
        self.name = inner.name
        self.model = inner.model
        self.max_concurrency = inner.max_concurrency

    def __getattr__(self, name: str) -> Any:  # sha256, endpoint, continues, hits...
        return getattr(self.inner, name)

    def complete(self, request: Request) -> Response:
        started = time.perf_counter()
        try:
            response = self.inner.complete(request)
        except BriefingError as err:
            self.log.add(self.inner, request, None, str(err), time.perf_counter() - started)
            raise
        self.log.add(self.inner, request, response, "", time.perf_counter() - started)
        return response
