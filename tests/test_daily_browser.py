"""The daily site in a real browser: `briefing daily --backend fake -o DIR` on the fixture
web (tests/daily_site.py), DIR served by a real HTTP server on 127.0.0.1 and opened in
Debian's headless Chromium. Links resolve, both languages show, a citation opens on
its sentence, nothing is logged to the console, the layout holds at phone and desktop
widths; the feeds parse, keep their ids across re-runs, and a re-run with one new
article rewrites only that story and the pages and feeds that show it."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import pytest
from daily_site import DAY, Site, serve
from lxml import html as lxml_html
from PIL import Image
from typer.testing import CliRunner

from briefing.cli import app
from briefing.core.models import Briefing

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),  # CI installs it (make system-deps)
    reason="Debian's chromium is not installed: sudo apt-get install -y chromium",
)
GROWN = "reykjavik-approves-first-borgarlina-bus-line"  # the story the later article joins
BAR, PAPER = (0x1D, 0x23, 0x30), (0xFB, 0xF8, 0xF1)  # prompts/site/style.css
PHONE, DESKTOP = (390, 844), (1280, 900)


@dataclass
class Run:
    root: Path  # served at /; the site is root/out
    base: str
    fixture: Site
    first: dict[str, bytes]  # the site after the first run
    again: dict[str, bytes]  # after the same run again
    after: dict[str, bytes]  # after one more article arrived
    outputs: list[Any]
    requests: list[tuple[str, int]]

    @property
    def out(self) -> Path:
        return self.root / "out"


def site_files(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.relative_to(out).parts[0] not in ("sources", ".embeddings.json")
    }


def file_server(root: Path, log: list[tuple[str, int]]) -> ThreadingHTTPServer:
    class Handler(SimpleHTTPRequestHandler):
        def log_request(self, code: Any = "-", size: Any = "-") -> None:
            log.append((self.path, int(code)))

        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=root))
    Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    root = tmp_path_factory.mktemp("served")
    out = root / "out"
    fixture = Site()
    news, news_thread = serve(fixture)
    log: list[tuple[str, int]] = []
    server = file_server(root, log)
    outputs, snapshots = [], []
    with pytest.MonkeyPatch.context() as env:
        config = tmp_path_factory.mktemp("config") / "briefing.toml"
        config.write_text("")
        env.setenv("BRIEFING_CONFIG", str(config))
        env.setenv("BRIEFING_ANSWER_CACHE", str(tmp_path_factory.mktemp("answers")))
        feeds = fixture.feed_list(tmp_path_factory.mktemp("feeds"))
        for later in (False, False, True):
            fixture.later = later
            fixture.build()
            result = CliRunner().invoke(app, [
                "daily", str(feeds), "-o", str(out), "--date", DAY, "--backend", "fake",
                "--allow-private", "-q",
            ])  # fmt: skip
            assert result.exit_code == 0, result.output
            outputs.append(result)
            snapshots.append(site_files(out))
    base = f"http://127.0.0.1:{server.server_address[1]}/out/"
    yield Run(root, base, fixture, *snapshots, outputs, log)
    server.shutdown()
    news.shutdown()
    news_thread.join(5)


def chromium(url: str, *flags: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None, "CI must install Debian's chromium (make system-deps)"
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--hide-scrollbars", f"--user-data-dir={profile}",
        "--enable-logging=stderr", "--v=0", *flags, url,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    assert not console, console  # the pages have no script: the console stays silent
    return done


def dom(url: str, profile: Path) -> Any:
    page = chromium(url, "--virtual-time-budget=3000", "--dump-dom", profile=profile)
    return lxml_html.fromstring(page.stdout)


def text(node: Any) -> str:
    return " ".join(node.text_content().split())


def check_links(run: Run, url: str, page: Any) -> int:
    """Every link on the page leads to a file of the site or to a fixture article."""
    links = page.xpath("//a/@href | //link/@href")
    for href in links:
        if href.startswith("data:"):
            continue
        target = urljoin(url, href)
        if target.startswith(run.base):
            path = run.out / unquote(urlsplit(target).path.removeprefix("/out/"))
            assert path.is_file(), (url, href)
        else:
            assert urlsplit(target).path in run.fixture.routes, (url, href)
    return len(links)


def test_a_rerun_with_one_new_article_rewrites_only_its_story_and_what_shows_it(run: Run) -> None:
    assert run.again == run.first and "· 0 LLM calls ·" in run.outputs[1].stderr
    changed = {name for name in run.after if run.after[name] != run.first.get(name)}
    assert changed == {
        f"{DAY}/{GROWN}.html", f"{DAY}/{GROWN}.md", f"{DAY}/{GROWN}.json",
        f"{DAY}/frontpage.md", f"{DAY}/frontpage.json", f"{DAY}/.site.json",
        f"{DAY}.html", f"{DAY}.mail.html", "index.html", "feed.en.xml", "feed.is.xml",
        "archive.html",  # the story gained an outlet: it ranks higher
    }  # fmt: skip
    new = run.fixture.articles()[-1]
    assert new.stem == "is-borgarlina-gagnryni"
    page = run.after[f"{DAY}/{GROWN}.html"].decode()
    assert f"{run.fixture.base}{new.path}" in page  # the new source is on the story's page
    assert new.outlet in run.after["index.html"].decode()


def test_feeds_parse_and_keep_their_ids_and_dates_across_reruns(run: Run) -> None:
    for lang in ("en", "is"):
        name = f"feed.{lang}.xml"
        first, after = (feedparser.parse(snap[name]) for snap in (run.first, run.after))
        assert not first.bozo and not after.bozo, after.get("bozo_exception")
        assert first.feed.language == lang and len(first.entries) == 5
        assert {e.id for e in after.entries} == {e.id for e in first.entries}
        for entry in first.entries:
            assert entry.id.startswith(f"tag:briefing,{DAY}:") and entry.id.endswith(f"/{lang}")
        old = {e.id: e.updated for e in first.entries}
        moved = {e.id for e in after.entries if e.updated != old[e.id]}
        assert moved == {f"tag:briefing,{DAY}:{GROWN}/{lang}"}
        assert after.entries[0].id == f"tag:briefing,{DAY}:{GROWN}/{lang}"  # newest first
        served = feedparser.parse(run.base + name)  # relative links resolve against the feed
        for entry in served.entries:
            path = urlsplit(entry.link).path.removeprefix("/out/")
            assert (run.out / path).is_file(), entry.link


def test_front_page_in_chromium_shows_every_story_in_both_languages(run: Run, tmp_path) -> None:
    url = run.base + "index.html"
    page = dom(url, tmp_path)
    stories = page.xpath("//li[contains(@class, 'story')]")
    assert len(stories) == 5
    for story in stories:
        for lang in ("en", "is"):
            (block,) = story.xpath(f"./div[@class='pair']/div[@lang='{lang}']")
            assert text(block.xpath(".//h2")[0]), lang
        assert " outlet" in text(story) and "languages:" in text(story)
    assert check_links(run, url, page) > 10
    assert ("/out/style.css", 200) in run.requests
    assert not [r for r in run.requests if r[1] >= 400], run.requests


def test_story_page_in_chromium_opens_a_citation_on_its_quoted_sentence(run: Run, tmp_path) -> None:
    briefing = Briefing.model_validate_json(run.after[f"{DAY}/{GROWN}.json"])
    sentences = briefing.sentence_index()
    url = f"{run.base}{DAY}/{GROWN}.html"
    page = dom(url, tmp_path)
    assert check_links(run, url, page) > 5
    items = page.xpath("//li[@class='item']")
    assert items
    for item in items:
        assert all(text(p) for p in item.xpath(".//p[@class='statement']"))
        assert {p.get("lang") for p in item.xpath(".//p[@class='statement']")} == {"en", "is"}
        assert not item.xpath(".//details[@open]")  # folded until asked
    cite_id = items[-1].xpath(".//li[@class='cite-item']/@id")[-1]
    opened = dom(f"{url}#{cite_id}", tmp_path)  # a link to one citation opens it
    (details,) = opened.xpath(f"//li[@id='{cite_id}']/ancestor::details")
    assert details.get("open") is not None
    quote = text(details.xpath(f".//li[@id='{cite_id}']/blockquote")[0])
    sentence = sentences[cite_id.rsplit("-", 1)[1]]
    assert quote == " ".join(sentence.text.split())
    assert len(opened.xpath("//details[@open]")) == 1
    sources = page.xpath("//section[@id='sources']//li")
    assert {s.get("lang") for s in sources} == {"en", "is"} and len(sources) == 3


def near(pixel: Any, colour: tuple[int, int, int]) -> bool:
    return max(abs(a - b) for a, b in zip(pixel, colour, strict=True)) <= 3


MIN_TEXT_ROWS = 30  # of 4 pixels: a dozen lines of text at least


def layout_problems(png: Path, size: tuple[int, int]) -> list[str]:
    """What is wrong with a screenshot of a site page (no golden image): its size, the
    stylesheet's bar and background, and text spread down the page."""
    image = Image.open(png).convert("RGB")
    problems = []
    if image.size != size:
        problems.append(f"size {image.size}")
    if not near(image.getpixel((2, 2)), BAR):
        problems.append("no navigation bar (stylesheet not applied?)")
    if not near(image.getpixel((2, size[1] // 2)), PAPER):
        problems.append("no page background (stylesheet not applied?)")
    grey = image.convert("L")
    width, height = grey.size
    pixels = grey.load()
    # text spread down the part of the page it fills: a page whose briefings are short
    # ends early on a wide screen, which is no broken layout; text piled in a few rows is
    rows = [y for y in range(80, height, 4) if any(pixels[x, y] < 110 for x in range(0, width, 2))]
    filled = range(80, rows[-1] + 1, 4) if rows else range(80, height, 4)
    if len(rows) < MIN_TEXT_ROWS or len(rows) < 0.3 * len(filled):
        problems.append(f"little text: {len(rows)} of {len(filled)} rows")
    return problems


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_layout_holds_at_phone_and_desktop_widths(run: Run, tmp_path, size) -> None:
    for name in ("index.html", f"{DAY}/{GROWN}.html"):
        shot = tmp_path / f"{Path(name).stem}-{size[0]}.png"
        chromium(run.base + name, f"--screenshot={shot}", f"--window-size={size[0]},{size[1]}",
                 profile=tmp_path / "profile")  # fmt: skip
        assert layout_problems(shot, size) == [], name
    # the same check fails on a broken page: the stylesheet missing
    broken = run.root / "broken" / "index.html"
    broken.parent.mkdir(exist_ok=True)
    broken.write_bytes(run.after["index.html"])
    shot = tmp_path / "broken.png"
    chromium(run.base.replace("/out/", "/broken/index.html"), f"--screenshot={shot}",
             f"--window-size={size[0]},{size[1]}", profile=tmp_path / "profile")  # fmt: skip
    assert "no navigation bar (stylesheet not applied?)" in layout_problems(shot, size)
