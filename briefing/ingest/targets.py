"""Which URLs a fetch may reach: http(s) on public addresses, unless the user allows more.

A feed is someone else's list of links, and a page can redirect anywhere: without these
checks a feed could point the fetcher at the machine's own services (127.0.0.1:6379),
the local network or a cloud metadata address (169.254.169.254). A host name is resolved
here and every address it has must be public; `Fetcher` then connects to one of those
addresses, so a DNS answer that changes between the check and the connection (DNS
rebinding) is not followed.
"""

from __future__ import annotations

import ipaddress
import socket

from briefing.core.errors import InputError

__all__ = ["DEFAULT_PORTS", "Refused", "check_redirect", "check_scheme", "resolve"]

DEFAULT_PORTS = {"http": 80, "https": 443}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class Refused(InputError):
    """A URL the fetcher will not reach: another scheme, a private address, a port hop."""


def _kind(ip: Address) -> str | None:
    """Why `ip` is not a public address ('a loopback'...), None when it is one."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return _kind(embedded)
    for kind, flag in (
        ("an unspecified", ip.is_unspecified),
        ("a loopback", ip.is_loopback),
        ("a link-local", ip.is_link_local),
        ("a multicast", ip.is_multicast),
        ("a private", ip.is_private),
        ("a reserved", ip.is_reserved),
        ("a non-public", not ip.is_global),
    ):
        if flag:
            return kind
    return None


def check_scheme(url: str, scheme: str) -> None:
    if scheme not in DEFAULT_PORTS:
        raise Refused(f"{url}: refused: only http and https URLs are fetched, not {scheme}:")


def check_redirect(url: str, here: tuple[str, str, int], there: tuple[str, str, int]) -> None:
    """A redirect from `here` to `there` (scheme, host, port) goes to http(s), and on the
    same host to the same port (or between http's and https's default ports): another
    port of the same host is another service, which a page has no business sending the
    fetcher to."""
    check_scheme(url, there[0])
    defaults = {DEFAULT_PORTS[here[0]], DEFAULT_PORTS[there[0]]} == {here[2], there[2]}
    if here[1] == there[1] and here[2] != there[2] and not defaults:
        raise Refused(f"{url}: refused: redirect to another port ({there[2]}) of {there[1]}")


def resolve(url: str, host: str, port: int, allow_private: bool) -> list[str]:
    """The addresses `host` resolves to, in the resolver's order; unless `allow_private`,
    a `Refused` when any of them is not public (one bad answer is enough to distrust it)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as err:
        raise InputError(f"{url}: cannot resolve {host} ({err})") from None
    found = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not allow_private:
        for address in found:
            kind = _kind(ipaddress.ip_address(address.split("%")[0]))
            if kind is not None:
                raise Refused(
                    f"{url}: refused: {host} is {kind} address ({address}); "
                    "--allow-private fetches it"
                )
    return found
