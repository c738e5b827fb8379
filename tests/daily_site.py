"""A real HTTP server on 127.0.0.1 serving the daily fixtures as a small news web:
article pages wrapped in navigation and footers, RSS and Atom feeds per outlet, and the
broken things the open web serves (404s, images, huge pages, malformed feeds)."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import frontmatter

FIXTURES = Path(__file__).parent / "fixtures" / "daily"
DAY = "2026-11-24"
FEEDS = {  # outlet -> (path, kind)
    "North Atlantic Wire": ("/feeds/wire.rss", "rss"),
    "Reykjavík Review": ("/feeds/review.atom", "atom"),
    "Morgunfréttir": ("/feeds/morgun.rss", "rss"),
    "Vikublaðið": ("/feeds/viku.atom", "atom"),
}
HUGE_BYTES = 3_000_000


@dataclass
class Fixture:
    stem: str
    title: str
    outlet: str
    language: str
    story: str
    text: str

    @property
    def path(self) -> str:
        return f"/{self.language}/{self.stem}.html"


def fixtures(*folders: str) -> list[Fixture]:
    found = []
    for folder in folders:
        for path in sorted((FIXTURES / folder).glob("*.md")):
            post = frontmatter.load(path)
            found.append(
                Fixture(path.stem, post["title"], post["outlet"], post["language"],
                        post["story"], post.content)
            )  # fmt: skip
    return found


def page(item: Fixture) -> bytes:
    sentences = item.text.replace(". ", ".\n").splitlines()
    paragraphs = "\n".join(
        f"<p>{escape(' '.join(sentences[i : i + 2]))}</p>" for i in range(0, len(sentences), 2)
    )
    html = f"""<!doctype html>
<html lang="{item.language}"><head><meta charset="utf-8">
<title>{escape(item.title)} | {escape(item.outlet)}</title>
<meta property="og:site_name" content="{escape(item.outlet)}">
<meta property="og:title" content="{escape(item.title)}">
<meta property="article:published_time" content="{DAY}T08:00:00+00:00">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
<a href="/weather">Weather</a> <a href="/subscribe">Subscribe for 1 krona</a></nav></header>
<main><article><h1>{escape(item.title)}</h1>
<p class="byline">Staff reporters · {DAY}</p>
{paragraphs}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Ten soups for the winter</a></li>
<li><a href="/b">Storm warning for the weekend</a></li></ul></aside></main>
<footer><p>© 2026 {escape(item.outlet)}. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> · <a href="/cookies">Cookies</a></p>
</footer></body></html>"""
    return html.encode("utf-8")


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{link}</link>"
        f"<pubDate>{format_datetime(datetime.fromisoformat(d).replace(tzinfo=timezone.utc))}"
        "</pubDate></item>"
        for t, link, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.invalid/</link>"
        f"<description>News</description>{entries}</channel></rss>"
    ).encode()


def atom(title: str, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f'<entry><title>{escape(t)}</title><link href="{link}"/><id>{link}</id>'
        f"<updated>{d}T08:00:00Z</updated><published>{d}T08:00:00Z</published></entry>"
        for t, link, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:feed</id><updated>{DAY}T09:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


@dataclass
class Site:
    """The routes; `later` adds the article that arrives after the first run."""

    base: str = ""
    later: bool = False
    routes: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    def articles(self) -> list[Fixture]:
        return fixtures("articles", *(["later"] if self.later else []))

    def build(self) -> None:
        routes: dict[str, tuple[str, bytes]] = {}
        for item in self.articles():
            routes[item.path] = ("text/html; charset=utf-8", page(item))
        for outlet, (path, kind) in FEEDS.items():
            items = [(a.title, self.base + a.path, DAY) for a in self.articles()
                     if a.outlet == outlet]  # fmt: skip
            body = rss(outlet, items) if kind == "rss" else atom(outlet, items)
            mime = "application/rss+xml" if kind == "rss" else "application/atom+xml"
            routes[path] = (mime, body)
        mackerel = routes["/en/en-mackerel-wire.html"]
        routes["/syndicated/mackerel.html"] = mackerel  # same text, another URL
        routes["/feeds/broken.rss"] = ("application/rss+xml", b"<rss><channel><item><titl")
        routes["/feeds/old.rss"] = (
            "application/rss+xml",
            rss("Old news", [("Last month", self.base + "/en/old.html", "2026-10-01")]),
        )
        routes["/photo.png"] = ("image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        routes["/huge.html"] = ("text/html", b"<html><body><p>" + b"x" * HUGE_BYTES + b"</p>")
        self.routes = routes

    def feed_list(self, folder: Path) -> Path:
        lines = []
        for outlet, (path, _) in FEEDS.items():
            language = "is" if outlet in ("Morgunfréttir", "Vikublaðið") else "en"
            lines += ["[[feed]]", f'url = "{self.base}{path}"', f'outlet = "{outlet}"',
                      f'language = "{language}"', ""]  # fmt: skip
        target = folder / "feeds.toml"
        target.write_text("\n".join(lines), encoding="utf-8")
        return target


def serve(site: Site) -> tuple[ThreadingHTTPServer, threading.Thread]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = site.routes.get(self.path)
            if found is None:
                self.send_error(404)
                return
            mime, body = found
            self.send_response(200)
            self.send_header("Content-Type", mime)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return None

    class Server(ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            return None  # a client that stops reading (the size cap) is not news

    server = Server(("127.0.0.1", 0), Handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    site.build()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


def closed_port() -> int:
    """A port nothing listens on: bound, then released."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
