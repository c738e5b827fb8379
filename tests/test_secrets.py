"""A server that echoes the API key, in answers and in errors, in the forms a careless
server or proxy uses: none of them reaches a file, the caches, the call log or the
terminal."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import quote

from typer.testing import CliRunner

from briefing.cli import app
from briefing.core.paths import cache_root
from briefing.llm.base import Request
from briefing.llm.fake import echo_answer
from briefing.llm.fake_server import ECHOED, FakeOpenAIServer, write_articles
from briefing.llm.redact import RUN, Redactor

KEY = "sk-test/ECHO+KEY=0123456789abcdef"  # "/", "+", "=": its URL-encoded form differs
runner = CliRunner()


def forms(key: str) -> list[str]:
    """The key as echoed; of a base64 form of "PREFIX key", the part the key alone decides
    (after the prefix's characters, before the padding's)."""
    raw = key.encode()
    return [
        key,
        quote(key, safe=""),
        base64.b64encode(raw).decode()[:-4],
        base64.b64encode(b"Bearer " + raw).decode()[10:-4],
        base64.b64encode(b"user:" + raw).decode()[7:-4],
        base64.urlsafe_b64encode(b"u:" + raw).decode()[3:-4],
        raw.hex(),
    ]


def leaks(text: str) -> list[str]:
    """Every run of RUN characters of a form of the key found in `text`."""
    return [
        form[i : i + RUN]
        for form in forms(KEY)
        for i in range(len(form) - RUN + 1)
        if form[i : i + RUN] in text
    ]


def echoing(request: Request) -> Any:
    """The echoing answer: each statement carries one echoed form of the key."""
    answer = echo_answer(request)
    if request.stage == "extract" and request.choices is None:
        n = sum(map(ord, answer["text"])) % len(ECHOED)
        answer["text"] = f"{' '.join(answer['text'].split()[:6])} {ECHOED[n]}"
    return answer


def test_the_redactor_masks_every_cheap_form() -> None:
    redact = Redactor(KEY)
    for form in forms(KEY):
        assert not leaks(redact(f"said {form} today")), form
    assert redact(f"x {KEY[:9]} y {KEY[4:13]}") == "x *** y ***"  # prefixes, fragments
    for start in range(len(KEY)):
        for end in range(start + RUN, len(KEY) + 1):
            assert redact(f"<{KEY[start:end]}>") == "<***>"
    assert redact("nothing secret here") == "nothing secret here"
    assert Redactor("abc")("abc") == "abc"  # too short to tell from words


def test_an_echoed_key_reaches_no_file_no_cache_and_no_terminal(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news", 3)
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "OPENAI_API_KEY": KEY}
    with FakeOpenAIServer(echoing, lifetime=60) as server:
        args = [
            "generate", str(folder), "--backend", "openai", "--base-url", server.base_url,
            "--model", "m", "-q", "-o", str(out / "b.md"), "--json", str(out / "b.json"),
        ]  # fmt: skip
        runs = [runner.invoke(app, args, env=env) for _ in range(2)]  # fresh, then cached
        sent = [v for h in server.headers for k, v in h.items() if k.lower() == "authorization"]
        assert sent and all(v == f"Bearer {KEY}" for v in sent)  # it was sent
    with FakeOpenAIServer(faults=["401"], lifetime=60) as refusing:
        args[args.index("--base-url") + 1] = refusing.base_url
        refused = runner.invoke(app, [*args, "--no-cache"], env=env)
    assert [r.exit_code for r in runs] == [0, 0] and refused.exit_code == 3, runs[0].output
    assert "Incorrect API key provided: *** (" in refused.stderr
    dropped = json.loads((out / "b.json").read_text())["dropped"]
    assert any("***" in d["text"] for d in dropped)  # the echoed answers did arrive
    for result in (*runs, refused):
        assert not leaks(result.stdout + result.stderr)

    log = Path(os.environ["BRIEFING_LOG_DB"])  # every call, the 401 too, in the call log
    folders = [out, Path(os.environ["BRIEFING_ANSWER_CACHE"]), cache_root() / "memo", log.parent]
    assert list(Path(os.environ["BRIEFING_ANSWER_CACHE"]).glob("runs/??/*.json"))
    assert b"Incorrect API key provided: ***" in log.read_bytes()
    for form in forms(KEY):
        found = subprocess.run(
            ["grep", "-rlsF", form, *map(str, folders)], capture_output=True, text=True
        )  # -s: the shared memo folder's temp files come and go
        assert not found.stdout, (form, found.stdout)
    for path in (p for folder in folders for p in folder.rglob("*") if p.is_file()):
        with contextlib.suppress(FileNotFoundError):  # a temp file gone meanwhile
            assert not leaks(path.read_text(errors="replace")), path
