"""`briefing daily` against a hostile web on 127.0.0.1: a page that trickles or stalls, a
10,000-item feed, redirects to another port or scheme, private addresses, bad feed lists.
Each case ends well within a bound (a hang fails the test, it does not block it), costs
exactly one warning line, and the source after it is still read."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from daily_site import DAY, fixtures, page, rss
from typer.testing import CliRunner

from briefing.cli import app
from briefing.core.errors import InputError
from briefing.ingest import targets
from briefing.ingest.feeds import load_feed_list
from briefing.ingest.fetch import Fetcher
from briefing.ingest.targets import Refused

GOOD = fixtures("articles")
FARM = page(GOOD[0])  # every item of the big feed: fetched, then counted once
BOUND = 60.0  # seconds: far above any case's deadline, far below "hangs"


class Hostile:
    """A threaded server whose routes misbehave, counting the requests it gets."""

    def __init__(self, other_port: int = 0) -> None:
        self.hits: list[str] = []
        self.stop = threading.Event()
        self.other_port = other_port
        hostile = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hostile.hits.append(self.path)
                hostile.answer(self)

            def log_message(self, *args: object) -> None:
                return None

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                return None  # the client hung up: that is the point

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()

    def answer(self, h: BaseHTTPRequestHandler) -> None:
        redirects = {
            "/hop/port": f"http://127.0.0.1:{self.other_port}/good/0.html",
            "/hop/file": "file:///etc/passwd",
            "/hop/ftp": f"ftp://127.0.0.1:{self.port}/x",
            "/hop/loop": "/hop/loop",
            "/hop/same": "/good/1.html",
        }
        if h.path in redirects:
            h.send_response(302)
            h.send_header("Location", redirects[h.path])
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        if h.path in ("/trickle.html", "/silent.html"):
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.end_headers()
            while h.path == "/trickle.html" and not self.stop.is_set():
                h.wfile.write(b"<p>one more line</p>\n")
                h.wfile.flush()
                self.stop.wait(2)
            self.stop.wait(BOUND)
            return
        if h.path.startswith("/good/"):
            self._send(h, "text/html", page(GOOD[int(h.path[6:].split(".")[0])]))
        elif h.path.startswith("/item/"):
            self._send(h, "text/html", FARM)
        elif h.path == "/big.rss":
            items = [(f"Item {n}", f"{self.base}/item/{n}.html", DAY) for n in range(10_000)]
            self._send(h, "application/rss+xml", rss("Big feed", items))
        elif h.path == "/dead.rss":
            items = [(f"Gone {n}", f"{self.base}/gone/{n}.html", DAY) for n in range(5)]
            self._send(h, "application/rss+xml", rss("Dead links", items))
        else:
            h.send_error(404)

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, mime: str, body: bytes) -> None:
        h.send_response(200)
        h.send_header("Content-Type", mime)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)


@pytest.fixture
def web() -> Iterator[tuple[Hostile, Hostile]]:
    """The hostile server and another one on another port of the same host."""
    other = Hostile()
    main = Hostile(other.port)
    yield main, other
    main.close()
    other.close()


def daily(*args: str | Path) -> tuple[Any, float]:
    """`daily --plan` in a thread: its result and seconds, or a failure after BOUND."""
    box: dict[str, Any] = {}
    argv = ["daily", "--date", DAY, "-q", "--plan", *map(str, args)]
    started = time.monotonic()
    thread = threading.Thread(
        target=lambda: box.update(result=CliRunner().invoke(app, argv)), daemon=True
    )
    thread.start()
    thread.join(BOUND)
    assert not thread.is_alive(), f"daily still running after {BOUND} s"
    return box["result"], time.monotonic() - started


def planned(plan: Path) -> list[str]:
    return [a["source"] for s in json.loads(plan.read_text())["stories"] for a in s["articles"]]


CASES = {  # path: (the one warning says, extra flags)
    "/trickle.html": ("/trickle.html: not complete after 3 s", ["--fetch-timeout", "3"]),
    "/silent.html": ("/silent.html: timed out after 3 s", ["--fetch-timeout", "3"]),
    "/hop/port": ("/hop/port: refused: redirect to another port", []),
    "/hop/file": ("/hop/file: refused: only http and https URLs are fetched, not file:", []),
    "/hop/ftp": ("/hop/ftp: refused: only http and https URLs are fetched, not ftp:", []),
    "/hop/loop": ("/hop/loop: more than 5 redirects", []),
    "/big.rss": ("/big.rss: 10000 items, only the first 50 read (--max-feed-items)", []),
    "/dead.rss": ("/dead.rss: 5 of 5 items not read: http://127.0.0.1:", []),
}


@pytest.mark.parametrize("path", list(CASES))
def test_a_hostile_source_costs_one_line_and_the_next_is_read(
    path: str, web: tuple[Hostile, Hostile], tmp_path: Path
) -> None:
    main, other = web
    said, flags = CASES[path]
    plan = tmp_path / "plan.json"
    result, seconds = daily(
        f"{main.base}{path}", f"{main.base}/good/2.html", "--allow-private", "--json", plan,
        *flags,
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and said in lines[0], result.stderr
    assert f"{main.base}/good/2.html" in planned(plan)
    assert seconds < 30, seconds
    assert other.hits == []  # the other port was never asked
    if path == "/big.rss":
        assert sum(hit.startswith("/item/") for hit in main.hits) == 50
        assert planned(plan).count(f"{main.base}/item/0.html") == 1  # one text, one article


def test_a_redirect_on_the_same_port_is_followed(web: tuple[Hostile, Hostile]) -> None:
    main, _ = web
    with Fetcher(allow_private=True) as fetcher:
        fetched = fetcher.fetch(f"{main.base}/hop/same")
    assert fetched.final_url == f"{main.base}/good/1.html"
    assert fetched.body == page(GOOD[1])


def test_a_private_address_is_refused_unless_allowed(
    web: tuple[Hostile, Hostile], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main, _ = web
    local = tmp_path / "notes"
    local.mkdir()
    (local / "note.md").write_text(f"---\ntitle: A note\n---\n\n{GOOD[3].text}\n")
    plan = tmp_path / "plan.json"

    result, _ = daily(f"{main.base}/good/2.html", local, "--json", plan)
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (
        f"warning: {main.base}/good/2.html: refused: 127.0.0.1 is a loopback address "
        "(127.0.0.1); --allow-private fetches it"
    )
    assert planned(plan) == [str(local / "note.md")] and main.hits == []

    alone, _ = daily(f"{main.base}/good/2.html")  # nothing else: nothing to brief
    assert alone.exit_code == 2
    assert alone.stderr.strip().splitlines()[-1] == (
        "error: no articles to brief (see the warnings above)"
    )

    config = tmp_path / "briefing.toml"
    config.write_text("allow_private = true\n")
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    allowed, _ = daily(f"{main.base}/good/2.html", "--json", plan)
    assert allowed.exit_code == 0, allowed.output
    assert planned(plan) == [f"{main.base}/good/2.html"]


@pytest.mark.parametrize(
    "address",
    ["10.0.0.7", "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1", "::ffff:127.0.0.1",
     "fe80::1", "fd00::1", "100.64.0.1", "224.0.0.1"],
)  # fmt: skip
def test_every_kind_of_non_public_address_is_refused(address: str) -> None:
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(Refused, match=r"refused: .* address"), Fetcher() as fetcher:
        fetcher.fetch(f"http://{host}:8080/admin")


def test_a_name_is_refused_when_any_of_its_addresses_is_private(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = [(2, 1, 6, "", ("93.184.215.14", 80)), (2, 1, 6, "", ("10.0.0.1", 80))]
    monkeypatch.setattr(targets.socket, "getaddrinfo", lambda *a, **k: answers)
    with pytest.raises(Refused, match=r"news\.example is a private address \(10\.0\.0\.1\)"):
        targets.resolve("http://news.example/", "news.example", 80, allow_private=False)
    assert targets.resolve("http://news.example/", "news.example", 80, allow_private=True) == [
        "93.184.215.14", "10.0.0.1"
    ]  # fmt: skip


def test_plain_http_connects_to_the_address_that_was_checked(
    web: tuple[Hostile, Hostile], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name is resolved once, by the check; the connection goes to that address with
    the name in the Host header, so a second, rebound DNS answer is never asked for."""
    main, _ = web
    asked: list[str] = []

    def resolver(host: str, *args: object, **kwargs: object) -> list[Any]:
        asked.append(host)
        return [(2, 1, 6, "", ("127.0.0.1", main.port))]

    monkeypatch.setattr(targets.socket, "getaddrinfo", resolver)
    with Fetcher(allow_private=True) as fetcher:
        fetched = fetcher.fetch(f"http://rebind.invalid:{main.port}/good/1.html")
    assert fetched.body == page(GOOD[1])
    assert asked.count("rebind.invalid") == 1  # then httpx looks up "127.0.0.1", a literal


def test_the_run_stops_at_its_article_and_byte_limits(
    web: tuple[Hostile, Hostile], tmp_path: Path
) -> None:
    main, _ = web
    pages = [f"{main.base}/good/{n}.html" for n in range(6)]
    plan = tmp_path / "plan.json"

    result, _ = daily(*pages, "--allow-private", "--max-articles", "3", "--json", plan)
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (
        "warning: stopped at 3 articles, the limit per run (--max-articles); the rest is not read"
    )
    assert sorted(planned(plan)) == pages[:3]

    budget = len(page(GOOD[0])) + len(page(GOOD[1])) + 10
    main.hits.clear()
    result, _ = daily(*pages, "--allow-private", "--max-total-bytes", str(budget), "--json", plan)
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (
        f"warning: stopped after {budget} bytes fetched, the limit per run "
        "(--max-total-bytes); the rest is not read"
    )
    assert sorted(planned(plan)) == pages[:2]
    assert main.hits == ["/good/0.html", "/good/1.html", "/good/2.html"]  # 2 went over


def test_a_bad_feed_entry_is_skipped_and_the_rest_read(
    web: tuple[Hostile, Hostile], tmp_path: Path
) -> None:
    main, _ = web
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(
        '[[feed]]\noutlet = "No URL"\n\n'
        "[[feed]]\nurl = 5\n\n"
        f'[[feed]]\nurl = "{main.base}/dead.rss"\ncolour = "red"\n\n'
        '[[feed]]\nurl = "ftp://example.com/feed"\n\n'
        f'[[feed]]\nurl = "{main.base}/big.rss"\noutlet = 7\n\n'
        f'[[feed]]\nurl = "{main.base}/big.rss"\noutlet = "Farm News"\nlanguage = "en"\n'
    )
    specs, skipped = load_feed_list(feeds)
    assert [s.url for s in specs] == [f"{main.base}/big.rss"]
    assert skipped == [
        f"{feeds}: feed 1 skipped: no url",
        f"{feeds}: feed 2 skipped: url is not a string",
        f"{feeds}: feed 3 skipped: unknown key 'colour' (known: language, outlet, url)",
        f"{feeds}: feed 4 skipped: url does not start with http:// or https://",
        f"{feeds}: feed 5 skipped: outlet is not a string",
    ]
    plan = tmp_path / "plan.json"
    result, _ = daily(feeds, "--allow-private", "--max-feed-items", "3", "--json", plan)
    assert result.exit_code == 0, result.output
    lines = result.stderr.strip().splitlines()
    assert lines[:5] == [f"warning: {line}" for line in skipped] and len(lines) == 6
    assert planned(plan) == [f"{main.base}/item/0.html"]


@pytest.mark.parametrize(
    ("there", "allowed"),
    [
        (("https", "news.example", 443), True),  # the usual upgrade to https
        (("http", "news.example", 80), True),
        (("http", "cdn.example", 8080), True),  # another host: its address is checked
        (("http", "news.example", 8080), False),
        (("https", "news.example", 8443), False),
        (("ftp", "news.example", 21), False),
    ],
)
def test_a_redirect_keeps_to_http_and_to_the_same_service(
    there: tuple[str, str, int], allowed: bool
) -> None:
    here = ("http", "news.example", 80)
    if allowed:
        targets.check_redirect("http://news.example/", here, there)
    else:
        with pytest.raises(Refused):
            targets.check_redirect("http://news.example/", here, there)
    with pytest.raises(Refused, match="another port"):  # nor to the default port from another
        targets.check_redirect("u", ("http", "news.example", 8080), ("http", "news.example", 80))


def test_a_feed_list_nested_too_deeply_is_one_line(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(InputError, match="nested too deeply"):
        load_feed_list(feeds)
