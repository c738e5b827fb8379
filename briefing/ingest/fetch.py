"""Fetch one URL with httpx, bounded in every way a hostile or broken server could abuse.

The daily briefing reads from the open web, so a fetch has a timeout, a size cap (read
in chunks, never trusting Content-Length alone), a limit on redirects and a check that
the content type is one we can read. Each failure is a `FetchError` with one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.core.errors import InputError

if TYPE_CHECKING:
    import httpx

__all__ = ["FEED_TYPES", "HTML_TYPES", "FetchError", "Fetched", "Fetcher"]

USER_AGENT = f"briefing/{__version__} (+https://github.com/briefing; daily news briefings)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
     "application/rdf+xml", "application/feed+xml"}
)  # fmt: skip


class FetchError(InputError):
    """A URL that could not be read: unreachable, an HTTP error, too big or the wrong type."""


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

    The client, and httpx itself (0.05 s to import), come with the first fetch: a run over
    local folders, such as `daily --plan` on an archive, never pays for them.
    """

    def __init__(
        self, timeout: float = 15.0, max_bytes: int = 2_000_000, max_redirects: int = 5
    ) -> None:
        self.max_bytes, self._timeout, self._max_redirects = max_bytes, timeout, max_redirects
        self._client: httpx.Client | None = None

    def _http(self) -> httpx.Client:
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                timeout=httpx.Timeout(self._timeout),
                follow_redirects=True,
                max_redirects=self._max_redirects,
                headers={"User-Agent": USER_AGENT},
            )
        return self._client

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()

    def fetch(self, url: str, accept: frozenset[str] = HTML_TYPES | FEED_TYPES) -> Fetched:
        """The body of `url` if it answers 200 with an accepted type within the size cap."""
        import httpx

        try:
            with self._http().stream("GET", url) as response:
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
                    if len(body) > self.max_bytes:
                        raise FetchError(f"{url}: larger than {self.max_bytes} bytes")
                return Fetched(url, str(response.url), media, bytes(body))
        except httpx.TooManyRedirects:
            raise FetchError(f"{url}: too many redirects") from None
        except httpx.TimeoutException:
            raise FetchError(f"{url}: timed out") from None
        except httpx.HTTPError as err:
            raise FetchError(f"{url}: cannot fetch ({type(err).__name__}: {err})") from None
