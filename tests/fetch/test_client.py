"""The polite, safe client: safety rule, robots, retries, limits, charsets (real client, local server)."""

from __future__ import annotations

import gzip
import time
from dataclasses import replace

from werkzeug import Response

from scorer.fetch import fetch_articles
from scorer import PROJECT_URL, __version__


def one(url, settings):
    return fetch_articles([url], settings)[url]


def html(body: str) -> str:
    return f"<html><head><title>Synthetic</title></head><body><article><p>{body}</p></article></body></html>"


# -- safety -----------------------------------------------------------------------------------------
def test_loopback_refused_without_the_flag_and_allowed_with_it(local_server, fetch_settings):
    local_server.server.expect_request("/page").respond_with_data(html("Synthetic local page."), content_type="text/html")
    url = local_server.base + "/page"
    refused = one(url, replace(fetch_settings, allow_private_hosts=False))
    assert refused.status == "refused" and "loopback" in refused.message and "--allow-private-hosts" in refused.message
    assert local_server.hits() == 0
    assert one(url, fetch_settings).status == "ok"


def test_private_ipv6_and_non_http_urls_are_refused(fetch_settings):
    settings = replace(fetch_settings, allow_private_hosts=False)
    got = fetch_articles(["http://10.0.0.1/x", "http://[::1]/x", "file:///etc/passwd", "http://169.254.169.254/"], settings)
    assert got["http://10.0.0.1/x"].status == "refused" and "private" in got["http://10.0.0.1/x"].message
    assert got["http://[::1]/x"].status == "refused" and "loopback" in got["http://[::1]/x"].message
    assert got["file:///etc/passwd"].status == "refused" and "file" in got["file:///etc/passwd"].message
    assert got["http://169.254.169.254/"].status == "refused"


def test_redirect_hop_checked_like_the_first_url(local_server, fetch_settings, monkeypatch):
    from scorer.fetch import safety

    # Treat 10.0.0.1 as the only forbidden address, as if the local server were a public host.
    real = safety.forbidden
    monkeypatch.setattr(safety, "forbidden", lambda a: real(a) if a != "127.0.0.1" else None)
    local_server.server.expect_request("/jump").respond_with_data(
        "", status=302, headers={"Location": "http://10.0.0.1/internal"}
    )
    art = one("http://site.test/jump", replace(fetch_settings, allow_private_hosts=False))
    assert art.status == "refused" and "10.0.0.1" in art.message
    assert local_server.hits("/jump") == 1


# -- robots, redirects ------------------------------------------------------------------------------
def test_robots_disallow_is_honoured_and_fetched_once(local_server, fetch_settings):
    local_server.robots["blocked.test"] = "User-agent: *\nDisallow: /private/\n"
    local_server.server.expect_request("/open").respond_with_data(html("Synthetic open page."), content_type="text/html")
    got = fetch_articles(
        ["http://blocked.test/private/a", "http://blocked.test/private/b", "http://blocked.test/open"], fetch_settings
    )
    assert got["http://blocked.test/private/a"].status == "blocked_by_robots"
    assert got["http://blocked.test/private/b"].status == "blocked_by_robots"
    assert got["http://blocked.test/open"].status == "ok"
    robots = [r for r, _ in local_server.server.log if r.path == "/robots.txt"]
    assert len(robots) == 1
    assert local_server.hits() == 1


def test_redirects_are_followed_and_a_loop_stops(local_server, fetch_settings):
    local_server.server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    local_server.server.expect_request("/new").respond_with_data(html("Synthetic moved page."), content_type="text/html")
    local_server.server.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    got = fetch_articles(["http://site.test/old", "http://site.test/loop"], fetch_settings)
    assert got["http://site.test/old"].final_url == "http://site.test/new"
    loop = got["http://site.test/loop"]
    assert loop.status == "error" and "redirects" in loop.message
    assert local_server.hits("/loop") == 6  # the first request and 5 redirects


# -- retries -----------------------------------------------------------------------------------------
def test_429_waits_for_retry_after(local_server, fetch_settings):
    srv = local_server.server
    srv.expect_oneshot_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": "1"})
    srv.expect_request("/busy").respond_with_data(html("Synthetic after waiting."), content_type="text/html")
    start = time.monotonic()
    art = one("http://site.test/busy", fetch_settings)
    assert art.status == "ok" and time.monotonic() - start >= 0.9
    assert local_server.hits("/busy") == 2


def test_500_then_200_is_retried(local_server, fetch_settings):
    srv = local_server.server
    srv.expect_oneshot_request("/flaky").respond_with_data("oops", status=500)
    srv.expect_request("/flaky").respond_with_data(html("Synthetic second try."), content_type="text/html")
    assert one("http://site.test/flaky", fetch_settings).status == "ok"
    assert local_server.hits("/flaky") == 2


def test_persistent_503_gives_http_503_after_the_retries(local_server, fetch_settings):
    local_server.server.expect_request("/down").respond_with_data("down", status=503)
    art = one("http://site.test/down", fetch_settings)
    assert art.status == "http_503"
    assert local_server.hits("/down") == fetch_settings.retries + 1


def test_one_failure_does_not_stop_the_others(local_server, fetch_settings):
    local_server.server.expect_request("/ok").respond_with_data(html("Synthetic fine page."), content_type="text/html")
    local_server.server.expect_request("/missing").respond_with_data("no", status=403)
    got = fetch_articles(["http://site.test/missing", "http://site.test/ok"], fetch_settings)
    assert got["http://site.test/missing"].status == "http_403"
    assert got["http://site.test/ok"].status == "ok"


# -- limits -----------------------------------------------------------------------------------------
def test_slower_than_the_timeout(local_server, fetch_settings):
    def slow(_request):
        time.sleep(1.5)
        return Response(html("Synthetic too late."), content_type="text/html")

    local_server.server.expect_request("/slow").respond_with_handler(slow)
    art = one("http://site.test/slow", replace(fetch_settings, read_timeout=0.5))
    assert art.status == "timeout"


def test_page_over_the_size_limit(local_server, fetch_settings):
    big = html("Synthetic filler. " * 20_000)
    local_server.server.expect_request("/big").respond_with_data(big, content_type="text/html")
    art = one("http://site.test/big", replace(fetch_settings, max_bytes=100_000))
    assert art.status == "too_large"


def test_gzip_bomb_is_cut_at_the_size_limit(local_server, fetch_settings):
    bomb = gzip.compress(b"<html><body>" + b"\0" * 50_000_000)  # 50 MB inflated from ~50 kB
    assert len(bomb) < 100_000
    local_server.server.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    art = one("http://site.test/bomb", replace(fetch_settings, max_bytes=1_000_000))
    assert art.status == "too_large"


def test_gzip_page_is_decompressed(local_server, fetch_settings):
    body = gzip.compress(html("Synthetic compressed page.").encode())
    local_server.server.expect_request("/gz").respond_with_data(
        body, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    assert "Synthetic compressed page." in one("http://site.test/gz", fetch_settings).text


def test_only_web_page_content_types(local_server, fetch_settings):
    local_server.server.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    local_server.server.expect_request("/data.json").respond_with_data('{"a": 1}', content_type="application/json")
    got = fetch_articles(["http://site.test/doc.pdf", "http://site.test/data.json"], fetch_settings)
    assert got["http://site.test/doc.pdf"].status == "not_html"
    assert got["http://site.test/data.json"].text == '{"a": 1}'


def test_user_agent_names_the_tool_and_project(local_server, fetch_settings):
    local_server.server.expect_request("/ua").respond_with_data(html("Synthetic."), content_type="text/html")
    one("http://site.test/ua", fetch_settings)
    agent = local_server.requests("/ua")[0].headers["User-Agent"]
    assert agent == f"scorer/{__version__} (+{PROJECT_URL})"


def test_per_host_rate_limit_spaces_requests(local_server, fetch_settings):
    from werkzeug import Response

    arrivals: list[float] = []

    def page(request):
        arrivals.append(time.monotonic())
        return Response(html("Synthetic."), content_type="text/html")

    for i in range(3):
        local_server.server.expect_request(f"/r{i}").respond_with_handler(page)
    fetch_articles([f"http://site.test/r{i}" for i in range(3)], replace(fetch_settings, rate_limit=5))
    # 3 pages on one host at 5 a second: each request at least 0.2 s after the one before
    assert len(arrivals) == 3
    assert all(b - a >= 0.19 for a, b in zip(sorted(arrivals), sorted(arrivals)[1:]))
