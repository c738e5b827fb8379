"""Faults in the middle of a run lose nothing: a killed engine, Ctrl-C, a full disk, a
damaged answer-cache entry, two runs writing one output at once."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from helpers import serve
from typer.testing import CliRunner

from briefing.cli import app
from briefing.core import files
from briefing.core.errors import BriefingError
from briefing.llm.base import Request
from briefing.llm.cache import AnswerCache
from briefing.llm.fake import FakeLLM, echo_answer

FIXTURES = Path(__file__).parent / "fixtures" / "harbour"
OLD = "# the previous briefing\n"


class Scripted(FakeLLM):
    """A cacheable scripted backend (the built-in `fake` is never cached)."""

    name = "scripted"


def _generate(out: Path, *extra: str) -> Any:
    args = ["generate", str(FIXTURES), "--backend", "scripted", "-q", "-o", str(out), *extra]
    return CliRunner().invoke(app, args)


def _strays(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- The engine killed mid-run ---------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from briefing.cli import app
    from briefing.llm import registry
    from briefing.llm.fake import FakeLLM, echo_answer

    marker = Path(sys.argv[1])

    def answer(request):
        if request.stage == "judge":  # every extraction is answered (and cached) by now
            marker.write_text("extracted")
            time.sleep(600)
        return echo_answer(request)

    class Scripted(FakeLLM):
        name = "scripted"

    registry.register("scripted", lambda _s: Scripted(answer))
    app(["generate", *sys.argv[2:], "--backend", "scripted", "-q"])
    """
)


def test_killed_run_leaves_the_old_output_and_the_next_run_resumes(tmp_path: Path) -> None:
    out = tmp_path / "briefing.md"
    out.write_text(OLD)
    marker = tmp_path / "marker"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(marker), str(FIXTURES), "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
        assert time.monotonic() < deadline, "the child never reached the support checker"
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    assert out.read_text() == OLD and _strays(tmp_path) == []

    llm = serve(Scripted(echo_answer), "scripted")
    result = _generate(out)
    assert result.exit_code == 0, result.output
    stages = [r.stage for r in llm.requests]  # type: ignore[attr-defined]
    assert "extract" not in stages, "the extractions were asked again, not read from the cache"
    # only the support checker's judge calls are left; none of them was answered
    assert stages and set(stages) == {"judge"}
    assert out.read_text().startswith("# ")
    assert out.read_text() != OLD


# --- Ctrl-C ----------------------------------------------------------------------------


def _interrupt_at(stage: str) -> Any:
    def answer(request: Request) -> Any:
        if request.stage == stage:
            raise KeyboardInterrupt
        return echo_answer(request)

    return answer


@pytest.mark.parametrize("stage", ["extract", "judge"])  # judge: inside the support checker
def test_ctrl_c_says_interrupted_exits_130_and_writes_nothing(tmp_path: Path, stage: str) -> None:
    serve(Scripted(_interrupt_at(stage)), "scripted")
    out, js = tmp_path / "briefing.md", tmp_path / "briefing.json"
    out.write_text(OLD)
    result = _generate(out, "--json", str(js))
    assert result.exit_code == 130
    assert result.stderr.strip() == "interrupted"
    assert out.read_text() == OLD and not js.exists() and _strays(tmp_path) == []


def test_ctrl_c_while_writing_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve(Scripted(echo_answer), "scripted")
    out = tmp_path / "briefing.md"
    out.write_text(OLD)

    def interrupted(*_args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", interrupted)
    result = _generate(out)
    assert result.exit_code == 130 and result.stderr.strip() == "interrupted"
    assert out.read_text() == OLD and _strays(tmp_path) == []


# --- The disk full ---------------------------------------------------------------------


class _FullDisk:
    """A file whose writes fail as on a full disk, after the first few bytes."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def write(self, text: str) -> int:
        self._handle.write(text[:10])
        self._handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_disk_full_keeps_the_old_file_and_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve(Scripted(echo_answer), "scripted")
    out = tmp_path / "briefing.md"
    out.write_text(OLD)
    real_fdopen = os.fdopen
    monkeypatch.setattr(files.os, "fdopen", lambda *a, **k: _FullDisk(real_fdopen(*a, **k)))
    result = _generate(out)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: cannot write {out}: No space left on device"
    assert out.read_text() == OLD and _strays(tmp_path) == []


def test_write_atomic_on_a_full_disk_raises_a_briefing_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    real_fdopen = os.fdopen
    monkeypatch.setattr(files.os, "fdopen", lambda *a, **k: _FullDisk(real_fdopen(*a, **k)))
    with pytest.raises(BriefingError, match="No space left"):
        files.write_atomic(target, "x" * 1000)
    assert not target.exists() and _strays(tmp_path) == []


# --- A damaged answer-cache entry ------------------------------------------------------


@pytest.mark.parametrize("damage", [b'{"format": 1, "text": ', b"\xff\xfe\x00", b"[1, 2]", b""])
def test_damaged_cache_entry_is_ignored_and_rewritten(tmp_path: Path, damage: bytes) -> None:
    out = tmp_path / "briefing.md"
    first = serve(Scripted(echo_answer), "scripted")
    assert _generate(out).exit_code == 0
    calls = len(first.requests)  # type: ignore[attr-defined]
    cache = AnswerCache(Path(os.environ["BRIEFING_ANSWER_CACHE"]))
    entries = cache.files()
    assert len(entries) == calls
    victim = entries[0]
    victim.write_bytes(damage)

    second = serve(Scripted(echo_answer), "scripted")
    result = _generate(out)
    assert result.exit_code == 0, result.output
    assert len(second.requests) == 1  # type: ignore[attr-defined]  # only the damaged one
    rewritten = json.loads(victim.read_text(encoding="utf-8"))
    assert rewritten["format"] == 1 and rewritten["text"]


# --- Two runs writing one output at once -----------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from briefing.core.files import write_atomic

    path, letter = Path(sys.argv[1]), sys.argv[2]
    for n in range(200):
        write_atomic(path, letter * 200_000 + "\\n")
    """
)


def test_two_writers_never_interleave(tmp_path: Path) -> None:
    target = tmp_path / "briefing.md"
    target.write_text("A" * 200_000 + "\n")
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(target), letter])
        for letter in ("A", "B")
    ]
    seen: set[str] = set()
    while any(w.poll() is None for w in writers):
        text = target.read_text()
        assert len(text) == 200_001 and len(set(text[:-1])) == 1, "a torn or interleaved file"
        seen.add(text[0])
    assert [w.wait() for w in writers] == [0, 0]
    final = target.read_text()
    assert final in ("A" * 200_000 + "\n", "B" * 200_000 + "\n")
    assert _strays(tmp_path) == []


def test_two_generate_runs_to_one_output_leave_one_whole_briefing(tmp_path: Path) -> None:
    out = tmp_path / "briefing.md"
    env = {**os.environ, "BRIEFING_CACHE": "false"}
    cli = "import sys; from briefing.cli import app; app(sys.argv[1:])"
    args = ["generate", str(FIXTURES), "--backend", "fake", "-q", "-o", str(out)]
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", cli, *args, "--lang", lang],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for lang in ("en", "is")
    ]
    codes = [r.wait(timeout=120) for r in runs]
    assert codes == [0, 0], [r.stderr.read().decode() for r in runs if r.stderr]
    text = out.read_text()
    whole = [
        _generate_text(tmp_path, lang) for lang in ("en", "is")
    ]  # each run's briefing, made alone
    assert text in whole
    assert _strays(tmp_path) == []


def _generate_text(tmp_path: Path, lang: str) -> str:
    alone = tmp_path / f"alone-{lang}.md"
    args = ["generate", str(FIXTURES), "--backend", "fake", "-q", "-o", str(alone), "--lang", lang]
    assert CliRunner().invoke(app, args).exit_code == 0
    return alone.read_text()
