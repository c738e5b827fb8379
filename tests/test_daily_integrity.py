"""`briefing daily`'s output folder stays whole whatever the articles say: a story never
takes the front page's name, a title never restructures a page, and two runs into one
folder take turns instead of writing over each other's front page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import briefing
from briefing.cli import app
from briefing.core.lock import Busy, folder_lock
from briefing.ingest.article import Article
from briefing.llm.fake_server import FakeOpenAIServer
from briefing.stages.daily import RESERVED_SLUGS, FrontPage, assign_slugs
from briefing.stages.stories import Story

runner = CliRunner()
ARTICLES = Path(__file__).parent / "fixtures" / "daily" / "articles"
DAY = "2026-11-24"
HOSTILE = "Jazz\n## Injected heading\x00 and \u202eevil\u202c"


def retitled(folder: Path, titles: dict[str, str | None]) -> Path:
    """The fixture articles named by stem, with new titles (YAML escapes, so a newline or
    a NUL in a title needs no such byte in the file)."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem, title in titles.items():
        text = (ARTICLES / f"{stem}.md").read_text(encoding="utf-8")
        old = next(line for line in text.splitlines() if line.startswith("title:"))
        new = old if title is None else f"title: {json.dumps(title)}"
        (folder / f"{stem}.md").write_text(text.replace(old, new), encoding="utf-8")
    return folder


def daily(*args: str | Path) -> Any:
    command = ["daily", "--date", DAY, "-q", "--backend", "fake", *map(str, args)]
    return runner.invoke(app, command)


def test_a_story_called_frontpage_and_a_hostile_title_are_written_whole(tmp_path: Path) -> None:
    titles = {"en-busline-review": "Frontpage", "en-jazz-wire": HOSTILE, "en-strike-wire": None}
    folder = retitled(tmp_path / "in", titles)
    out = tmp_path / "out"
    first = daily(folder, "-o", out)
    assert first.exit_code == 0, first.output
    day = out / DAY
    page = FrontPage.model_validate_json((day / "frontpage.json").read_bytes())
    slugs = sorted(s.slug for s in page.stories)
    assert slugs[:2] == ["frontpage-2", "jazz-injected-heading-and-evil"] and len(slugs) == 3
    assert all(s.status == "ok" for s in page.stories)
    assert (day / "frontpage.md").read_text().startswith("# Daily briefing")
    for slug in slugs:
        assert json.loads((day / f"{slug}.json").read_text())["sources"]
    titles = {a.title for s in page.stories for a in s.articles}
    assert "Jazz ## Injected heading and evil" in titles  # a title is one plain line from ingest on
    for markdown in day.glob("*.md"):
        text = markdown.read_text()
        assert "\x00" not in text and "\u202e" not in text, markdown
        assert not any(line.startswith("## Injected") for line in text.splitlines()), markdown
    assert "Jazz ## Injected heading and evil" in (day / "frontpage.md").read_text()

    before = {p.name: p.read_bytes() for p in day.iterdir() if p.is_file()}
    again = daily(folder, "-o", out)
    assert again.exit_code == 0 and "· 0 LLM calls ·" in again.stderr
    assert {p.name: p.read_bytes() for p in day.iterdir() if p.is_file()} == before


def test_slugs_never_take_a_reserved_name_or_each_others() -> None:
    titles = [*sorted(RESERVED_SLUGS), "Index", "index-2", "x"]
    stories = [
        Story((Article(f"{n}.md", title, "en", f"text {n}"),)) for n, title in enumerate(titles)
    ]
    slugs = assign_slugs(stories, [])
    assert len(set(slugs)) == len(slugs) and not set(slugs) & RESERVED_SLUGS
    assert slugs[-3:] == ["index-3", "index-2-2", "x"]


def test_a_front_page_naming_a_reserved_or_unsafe_slug_is_not_trusted(tmp_path: Path) -> None:
    folder = retitled(tmp_path / "in", {"en-jazz-wire": "Jazz", "en-strike-wire": None})
    out = tmp_path / "out"
    assert daily(folder, "-o", out).exit_code == 0
    path = out / DAY / "frontpage.json"
    good = json.loads(path.read_text())
    for slug in ("frontpage", "../escape", "Jazz"):
        good["stories"][0]["slug"] = slug
        path.write_text(json.dumps(good))
        rerun = daily(folder, "-o", out)
        assert rerun.exit_code == 0, rerun.output
        assert json.loads(path.read_text())["stories"][0]["slug"] == "jazz"
    assert not (out / "escape.md").exists()


def test_the_folder_lock_waits_then_gives_up_with_one_line(tmp_path: Path) -> None:
    heard: list[str] = []
    day = tmp_path / "day"
    busy = pytest.raises(Busy, match=r"another run is writing .*day; gave up after 0.3 s")
    with folder_lock(day), busy, folder_lock(day, wait=0.3, notice=heard.append):
        pass
    assert heard == [f"waiting for another run writing {day}"]
    with folder_lock(day, wait=0):  # released with its holder
        pass


def test_two_concurrent_runs_take_turns_and_lose_no_story(tmp_path: Path) -> None:
    """The second run waits for the first, then finds every story briefed: no call, and
    the front page lists every story with its files."""
    folder = tmp_path / "in"
    folder.mkdir()
    for stem in ("en-busline-review", "en-jazz-wire", "en-strike-wire"):
        shutil.copy(ARTICLES / f"{stem}.md", folder)
    out = tmp_path / "out"
    released = threading.Event()

    def hold(_body: dict[str, Any]) -> float:
        released.wait(120)  # answers wait until the second run has met the lock
        return 0.0

    env = {**os.environ, "PYTHONPATH": str(Path(briefing.__file__).parents[1])}
    with FakeOpenAIServer(delay=hold, lifetime=240) as server:
        command = [
            sys.executable, "-c", "from briefing.cli import main; main()", "daily", str(folder),
            "-o", str(out), "--date", DAY, "-q", "--backend", "openai", "--model", "m",
            "--base-url", server.base_url,
        ]  # fmt: skip
        logs = [tmp_path / "first.err", tmp_path / "second.err"]
        first = subprocess.Popen(command, env=env, stderr=logs[0].open("w"))
        _until(lambda: bool(server.requests) or first.poll() is not None)
        second = subprocess.Popen(command, env=env, stderr=logs[1].open("w"))
        _until(lambda: "waiting for another run" in logs[1].read_text() or bool(second.poll()))
        released.set()
        codes = [p.wait(timeout=180) for p in (first, second)]
    errors = [log.read_text() for log in logs]
    assert codes == [0, 0], errors
    assert "waiting for another run" in errors[1] and "· 0 LLM calls ·" in errors[1], errors
    page = json.loads((out / DAY / "frontpage.json").read_text())
    assert len(page["stories"]) == 3 and {s["status"] for s in page["stories"]} == {"ok"}
    for story in page["stories"]:
        assert (out / DAY / story["briefing"]).is_file()


def _until(done: Any, deadline: float = 120.0) -> None:
    """Poll `done()` until true; a generous deadline only proves nothing hangs."""
    end = time.monotonic() + deadline
    while not done():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.1)
