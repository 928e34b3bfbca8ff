"""Hostile servers and hostile links: every fetch ends in bounded time with a status and a message,
nothing reaches an address that did not pass the safety check, nothing private goes to the archive."""

from __future__ import annotations

import gzip
import socket
import subprocess
import sys
import time
from dataclasses import replace

import pytest

from hostile_servers import RawServer, trickled_body, trickled_headers
from scorer.fetch import fetch_articles
from scorer.settings import FetchSettings


@pytest.fixture
def raw_server():
    servers = []

    def start(handler):
        server = RawServer(handler)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def quick(tmp_path, **changes) -> FetchSettings:
    base = FetchSettings(cache_dir=str(tmp_path / "cache"), allow_private_hosts=True, rate_limit=0,
                         retry_backoff=0.01, connect_timeout=0.5, read_timeout=1.0)
    return replace(base, **changes)


@pytest.mark.parametrize("handler", [trickled_headers, trickled_body], ids=["headers", "body"])
def test_a_page_trickled_one_byte_a_second_stops_at_its_deadline(raw_server, tmp_path, handler):
    server = raw_server(handler)
    url = server.base + "/slow"
    started = time.monotonic()
    art = fetch_articles([url], quick(tmp_path))[url]
    elapsed = time.monotonic() - started
    assert art.status == "timeout" and "1.5 s" in art.message, art.message
    assert elapsed < 4.0


def test_the_page_timeout_bounds_a_page_however_its_requests_go(raw_server, tmp_path):
    server = raw_server(trickled_body)
    url = server.base + "/slow"
    started = time.monotonic()
    art = fetch_articles([url], quick(tmp_path, read_timeout=30.0, page_timeout=1.0))[url]
    assert art.status == "timeout" and time.monotonic() - started < 3.0


def test_the_run_deadline_stops_every_fetch_and_says_so(raw_server, tmp_path):
    server = raw_server(trickled_body)
    urls = [f"{server.base}/slow/{i}" for i in range(12)]
    started = time.monotonic()
    got = fetch_articles(urls, quick(tmp_path, read_timeout=30.0, page_timeout=60.0, deadline=1.0, max_workers=4))
    assert time.monotonic() - started < 3.5
    assert {a.status for a in got.values()} == {"timeout"}
    assert all("deadline" in a.message for a in got.values())


def test_scorer_fetch_with_timeout_2_on_a_trickling_server_ends(raw_server, tmp_path):
    server = raw_server(trickled_headers)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "scorer", "fetch", server.base + "/slow", "--timeout", "2",
                           "--allow-private-hosts", "--cache-dir", str(tmp_path)], capture_output=True, text=True,
                          timeout=60)
    assert time.monotonic() - started < 12
    assert done.returncode == 1 and "timeout" in done.stdout and "Traceback" not in done.stderr


def test_half_a_gzip_stream_is_not_a_page(raw_server, tmp_path):
    body = gzip.compress(b"<html><body><article><p>" + b"Synthetic words. " * 2000 + b"</p></article></body></html>")

    def half(path, conn, server):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                     b"Connection: close\r\n\r\n" + body[: len(body) // 2])

    server = raw_server(half)
    art = fetch_articles([server.base + "/half"], quick(tmp_path))[server.base + "/half"]
    assert art.status == "error" and "truncated" in art.message


def test_a_short_body_against_its_content_length_is_not_a_page(raw_server, tmp_path):
    def short(path, conn, server):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n"
                     b"Connection: close\r\n\r\n<html><body><p>Synthetic.</p>")

    server = raw_server(short)
    art = fetch_articles([server.base + "/short"], quick(tmp_path))[server.base + "/short"]
    assert art.status == "error" and art.text == ""


def test_a_dns_answer_that_changes_after_the_check_is_not_followed(local_server, fetch_settings, monkeypatch):
    """DNS rebinding: the check sees a 'public' address, a second look-up would give 127.0.0.1."""
    from scorer.fetch import safety

    real_getaddrinfo = socket.getaddrinfo

    def rebinding(host, port, *args, **kwargs):
        if host == "rebind.example.com":
            address = "127.0.0.2" if port is None else "127.0.0.1"  # the check asks with no port
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port or 0))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    real_forbidden = safety.forbidden
    monkeypatch.setattr(safety, "forbidden", lambda a: None if a == "127.0.0.2" else real_forbidden(a))
    local_server.server.expect_request("/page").respond_with_data("<p>Synthetic secret.</p>", content_type="text/html")
    url = f"http://rebind.example.com:{local_server.server.port}/page"
    art = fetch_articles([url], replace(fetch_settings, allow_private_hosts=False, retries=0))[url]
    assert art.status == "error" and "connection failed" in art.message
    assert local_server.hits() == 0  # nothing reached the service on 127.0.0.1


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:{port}/gone",  # a private address (allowed for fetching, never sent on)
    "http://site.test/gone?token=s3cret",  # a credential in the query string
    "http://site.test/gone?api_key=1&x=2",
    "http://user:pw@site.test/gone",
])
def test_dead_links_that_would_leak_are_never_sent_to_the_archive(local_server, fetch_settings, url):
    url = url.format(port=local_server.server.port)
    local_server.server.expect_request("/gone").respond_with_data("gone", status=404)
    local_server.server.expect_request("/wayback/available").respond_with_json({"archived_snapshots": {}})
    art = fetch_articles([url], fetch_settings)[url]
    assert art.status == "http_404"
    assert local_server.hits("/wayback/available") == 0


def test_a_public_dead_link_still_goes_to_the_archive(local_server, fetch_settings):
    local_server.server.expect_request("/gone").respond_with_data("gone", status=404)
    local_server.server.expect_request("/wayback/available").respond_with_json({"archived_snapshots": {}})
    fetch_articles(["http://site.test/gone?page=2"], fetch_settings)
    assert local_server.hits("/wayback/available") == 1
