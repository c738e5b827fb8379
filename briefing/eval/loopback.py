"""A tiny web site on 127.0.0.1 for the evals: pages and feeds served from a dict.

The injection suite runs `daily` over pages and feeds as the open web serves them, so
it needs a real HTTP server, but one no one else can reach and that leaves nothing
behind: it listens on the loopback address, on a free port, only while in use.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["Site", "serve"]


class Site:
    """Routes (path -> (media type, body)) and the base URL they are served under."""

    def __init__(self) -> None:
        self.base = ""
        self.routes: dict[str, tuple[str, bytes]] = {}

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """`site` served on 127.0.0.1 (its `base` set) until the block ends."""

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

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
