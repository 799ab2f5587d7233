"""URL fetching through an injected httpx transport and resolver: never the network."""

from __future__ import annotations

import httpx
import pytest

from frontlines.errors import FetchError
from frontlines.ingest.fetch import fetch_url

PAGE = (
    b"<html><head><title>Clashes near Kunduz</title></head><body><article><h1>Clashes near Kunduz</h1>"
    b"<p>Fighting between Taliban fighters and government forces continued near Kunduz on Sunday, "
    b"residents said, as families fled towards the city centre.</p></article></body></html>"
)


def public_resolver(host: str, port: int) -> list[str]:
    return ["93.184.215.14"]


def client_for(handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler))


def test_an_ok_page():
    client = client_for(lambda req: httpx.Response(200, content=PAGE, headers={"content-type": "text/html"}))
    page = fetch_url("https://news.example.org/a", client, resolver=public_resolver)
    assert page.status == 200 and page.content == PAGE and page.content_type == "text/html"


def test_not_found_is_an_error():
    client = client_for(lambda req: httpx.Response(404))
    with pytest.raises(FetchError, match="404"):
        fetch_url("https://news.example.org/missing", client, resolver=public_resolver)


def test_a_timeout_is_an_error():
    def handler(request):
        raise httpx.ReadTimeout("read timed out", request=request)

    with pytest.raises(FetchError, match="timed out"):
        fetch_url("https://slow.example.org/", client_for(handler), resolver=public_resolver)


def test_a_page_over_the_cap_is_refused_while_streaming():
    def chunks():
        for _ in range(100):
            yield b"x" * 1024

    # No content-length: the cap must hold while reading.
    client = client_for(lambda req: httpx.Response(200, content=chunks()))
    with pytest.raises(FetchError, match="larger than"):
        fetch_url("https://big.example.org/", client, resolver=public_resolver, max_bytes=10 * 1024)


def test_a_declared_length_over_the_cap_is_refused_at_once():
    client = client_for(
        lambda req: httpx.Response(200, content=b"x" * 2048, headers={"content-length": "2048"})
    )
    with pytest.raises(FetchError, match="larger than"):
        fetch_url("https://big.example.org/", client, resolver=public_resolver, max_bytes=1024)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://10.0.0.5/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/"],
)
def test_internal_addresses_are_refused_before_any_request(url):
    requests = []
    client = client_for(lambda req: requests.append(req) or httpx.Response(200, content=b"secret"))
    with pytest.raises(FetchError, match="refused"):
        fetch_url(url, client, resolver=public_resolver)
    assert requests == []


def test_a_hostname_resolving_to_a_private_address_is_refused():
    requests = []
    client = client_for(lambda req: requests.append(req) or httpx.Response(200, content=b"secret"))
    with pytest.raises(FetchError, match="private"):
        fetch_url("http://intranet.example.org/", client, resolver=lambda host, port: ["192.168.1.20"])
    assert requests == []


def test_a_redirect_to_an_internal_address_is_refused():
    seen = []

    def handler(request):
        seen.append(str(request.url))
        return httpx.Response(302, headers={"location": "http://169.254.169.254/latest/meta-data/"})

    with pytest.raises(FetchError, match="refused"):
        fetch_url("https://news.example.org/r", client_for(handler), resolver=public_resolver)
    assert seen == ["https://news.example.org/r"]


def test_public_redirects_are_followed_hop_by_hop():
    def handler(request):
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "/new"})
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})

    page = fetch_url("https://news.example.org/old", client_for(handler), resolver=public_resolver)
    assert page.url == "https://news.example.org/new"


def test_other_schemes_are_refused():
    with pytest.raises(FetchError, match="only http and https"):
        fetch_url("file:///etc/passwd", client_for(lambda req: httpx.Response(200)), resolver=public_resolver)
