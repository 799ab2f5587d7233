"""Fetching a report by URL, safely.

- only ``http`` and ``https``;
- every hop of a redirect is checked again (scheme, address) before it is followed, at most 5 hops;
- the host name is resolved first and refused when any address it resolves to is private, loopback,
  link-local (cloud metadata at 169.254.169.254), multicast, reserved or unspecified, so a URL in a feed
  cannot reach inside the network;
- connect/read timeouts, and a size cap enforced while streaming (a server that lies about its length or
  sends no length still stops at the cap).

Tests inject an ``httpx.Client`` with a ``MockTransport`` and a ``resolver``; nothing here needs the network
at test time.

Known limit: the address is checked on our resolution, then httpx resolves again when it connects (a DNS
rebinding server could answer differently the second time).  Pinning the connection to the checked address
would need a custom transport; for a news reader the check as it is blocks the ordinary mistakes and abuse.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from frontlines.errors import FetchError
from frontlines.version import __version__

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
USER_AGENT = f"Frontlines/{__version__} (+https://github.com/frontlines; conflict monitor)"

Resolver = Callable[[str, int], Iterable[str]]


@dataclass
class Fetched:
    """A fetched page: the final URL (after redirects), its bytes and content type."""

    url: str
    content: bytes
    content_type: str | None
    status: int


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r} ({exc.strerror})", source=host) from None
    return sorted({str(info[4][0]) for info in infos})


def is_public(address: str) -> bool:
    """Whether an IP address is on the public internet (not private, loopback, link-local, reserved...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def check_url(url: str, resolver: Resolver = system_resolver) -> None:
    """Raise :class:`FetchError` unless ``url`` is http(s) and its host resolves only to public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(
            f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'!r}", source=url
        )
    host = parts.hostname
    if not host:
        raise FetchError("the URL has no host", source=url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError("the URL has an invalid port", source=url) from None
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        addresses = list(resolver(host, port))
    if not addresses:
        raise FetchError(f"host {host!r} resolves to no address", source=url)
    for address in addresses:
        if not is_public(address):
            raise FetchError(
                f"refused: {host} resolves to a private, loopback, link-local or reserved address ({address})",
                source=url,
            )


def fetch_url(
    url: str,
    client: httpx.Client | None = None,
    *,
    resolver: Resolver = system_resolver,
    max_bytes: int = MAX_BYTES,
) -> Fetched:
    """Fetch ``url`` (following checked redirects) and return its body; :class:`FetchError` on any problem."""
    own = client is None
    if client is None:
        client = httpx.Client(timeout=TIMEOUT, headers={"User-Agent": USER_AGENT})
    try:
        return _fetch(client, url, resolver, max_bytes)
    finally:
        if own:
            client.close()


def _fetch(client: httpx.Client, url: str, resolver: Resolver, max_bytes: int) -> Fetched:
    original = url
    for _hop in range(MAX_REDIRECTS + 1):
        check_url(url, resolver)
        try:
            # follow_redirects=False: each hop is checked above before it is requested.
            with client.stream("GET", url, follow_redirects=False, timeout=TIMEOUT) as response:
                if response.is_redirect:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(
                            f"HTTP {response.status_code} redirect without a Location", source=url
                        )
                    url = urljoin(url, location)
                    continue
                if response.status_code >= 400:
                    raise FetchError(
                        f"HTTP {response.status_code} {response.reason_phrase}".strip(), source=url
                    )
                body = _read_capped(response, url, max_bytes)
                return Fetched(
                    str(response.url), body, response.headers.get("content-type"), response.status_code
                )
        except httpx.TimeoutException:
            raise FetchError("timed out", source=url) from None
        except httpx.HTTPError as exc:
            raise FetchError(f"could not be fetched ({type(exc).__name__}: {exc})", source=url) from None
    raise FetchError(f"more than {MAX_REDIRECTS} redirects", source=original)


def _read_capped(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    limit_mb = max_bytes / 1024 / 1024
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"the page is larger than the {limit_mb:g} MB limit", source=url)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"the page is larger than the {limit_mb:g} MB limit", source=url)
        chunks.append(chunk)
    return b"".join(chunks)
