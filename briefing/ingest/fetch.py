"""Fetch one URL with httpx, bounded in every way a hostile or broken server could abuse.

The daily briefing reads from the open web, so a fetch has a deadline over the whole
response (a page that trickles a byte at a time ends with it), a size cap (read in chunks,
never trusting Content-Length alone), a byte budget shared by the run, at most five
redirects, each checked like the first URL (`ingest.targets`), and a check that the
content type is one we can read. Each failure is a `FetchError` with one line.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.core.errors import InputError
from briefing.ingest.targets import DEFAULT_PORTS, check_redirect, check_scheme, resolve

if TYPE_CHECKING:
    import httpx

__all__ = ["FEED_TYPES", "HTML_TYPES", "FetchError", "Fetched", "Fetcher", "RunLimit"]

USER_AGENT = f"briefing/{__version__} (+https://github.com/briefing; daily news briefings)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
     "application/rdf+xml", "application/feed+xml"}
)  # fmt: skip


class FetchError(InputError):
    """A URL that could not be read: unreachable, an HTTP error, too big or the wrong type."""


class RunLimit(InputError):
    """A limit of the whole run reached (bytes, articles): the rest is not read."""


@dataclass(frozen=True)
class Fetched:
    """The body of one response, with the URL it finally came from and its media type."""

    url: str
    final_url: str
    media_type: str
    body: bytes

    @property
    def is_feed(self) -> bool:
        return self.media_type in FEED_TYPES

    @property
    def is_html(self) -> bool:
        return self.media_type in HTML_TYPES


class Fetcher:
    """One httpx client shared by a run's fetches (connection reuse, one set of limits).

    `timeout` is the wall-clock deadline of one fetch, redirects and body included;
    `total_bytes` the budget of the run, shared by threads. The client, and httpx itself
    (0.05 s to import), come with the first fetch: a run over local folders, such as
    `daily --plan` on an archive, never pays for them.
    """

    def __init__(
        self,
        timeout: float = 20.0,
        max_bytes: int = 2_000_000,
        max_redirects: int = 5,
        *,
        total_bytes: int = 50_000_000,
        allow_private: bool = False,
    ) -> None:
        self.max_bytes, self._timeout, self._max_redirects = max_bytes, timeout, max_redirects
        self._total, self._spent, self._lock = total_bytes, 0, threading.Lock()
        self._allow_private = allow_private
        self._client: httpx.Client | None = None

    def _http(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                import httpx

                self._client = httpx.Client(
                    follow_redirects=False,  # each hop is checked by `fetch`
                    headers={"User-Agent": USER_AGENT},
                )
            return self._client

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()

    def fetch(self, url: str, accept: frozenset[str] = HTML_TYPES | FEED_TYPES) -> Fetched:
        """The body of `url` if it answers 200 with an accepted type within the limits."""
        import httpx

        self._spend(0)
        deadline = time.monotonic() + self._timeout
        here = url
        try:
            for _ in range(self._max_redirects + 1):
                response = self._send(url, here, deadline)
                try:
                    if not response.is_redirect:
                        media, body = self._read(url, response, accept, deadline)
                        return Fetched(url, here, media, body)
                    there = httpx.URL(here).join(response.headers["location"])
                    check_redirect(url, _place(httpx.URL(here)), _place(there))
                    here = str(there)
                finally:
                    response.close()
            raise FetchError(f"{url}: more than {self._max_redirects} redirects")
        except httpx.TimeoutException:
            raise FetchError(f"{url}: timed out after {self._timeout:g} s") from None
        except httpx.InvalidURL as err:
            raise FetchError(f"{url}: not a valid URL ({err})") from None
        except httpx.HTTPError as err:
            raise FetchError(f"{url}: cannot fetch ({type(err).__name__}: {err})") from None

    def _send(self, url: str, here: str, deadline: float) -> httpx.Response:
        """`here` requested from an address its host was checked to have.

        Plain http connects to the checked address itself, with the name in the Host
        header, trying each in turn; https connects by name, as its certificate must
        match the name: a DNS answer rebound to another address fails the handshake
        before any request is sent.
        """
        import httpx

        target = httpx.URL(here)
        check_scheme(url, target.scheme)
        host = target.raw_host.decode("ascii")
        addresses = resolve(url, host, _place(target)[2], self._allow_private)
        if target.scheme == "https":
            tries = [(target, {})]
        else:
            name = {"Host": target.netloc.decode("ascii")}
            tries = [(target.copy_with(host=address), name) for address in addresses]
        client = self._http()
        for n, (address, headers) in enumerate(tries, 1):
            left = max(deadline - time.monotonic(), 0.01)
            request = client.build_request(
                "GET", address, headers=headers, timeout=httpx.Timeout(left)
            )
            try:
                return client.send(request, stream=True)
            except httpx.ConnectError:
                if n == len(tries):
                    raise
        raise AssertionError("unreachable: resolve returns at least one address")

    def _read(
        self, url: str, response: httpx.Response, accept: frozenset[str], deadline: float
    ) -> tuple[str, bytes]:
        """The media type and body, read in chunks against the size cap, the run's byte
        budget and the deadline (checked between chunks: the read timeout, set to what
        was left of the deadline, ends a server that stops sending)."""
        if response.status_code != 200:
            raise FetchError(f"{url}: HTTP {response.status_code}")
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if media not in accept:
            raise FetchError(f"{url}: unsupported content type {media or '(none)'!r}")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url}: larger than {self.max_bytes} bytes")
        body = bytearray()
        for part in response.iter_bytes():
            body += part
            self._spend(len(part))
            if len(body) > self.max_bytes:
                raise FetchError(f"{url}: larger than {self.max_bytes} bytes")
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: not complete after {self._timeout:g} s")
        return media, bytes(body)

    def _spend(self, n: int) -> None:
        """Count `n` more bytes against the run's budget (0: is any left?); a `RunLimit`
        once it is spent."""
        with self._lock:
            self._spent += n
            spent = self._spent > self._total if n else self._spent >= self._total
            if spent:
                raise RunLimit(
                    f"stopped after {self._total} bytes fetched, the limit per run "
                    "(--max-total-bytes); the rest is not read"
                )


def _place(url: httpx.URL) -> tuple[str, str, int]:
    """(scheme, host, port), the port filled in for the scheme's default."""
    return url.scheme, url.host, url.port or DEFAULT_PORTS.get(url.scheme, 0)
