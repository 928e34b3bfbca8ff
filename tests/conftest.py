"""Shared test fixtures: a local HTTP server on 127.0.0.1 that stands in for the outlets.

`local_server` wraps pytest-httpserver: outlet host names (www.dailynk.com, www.hrw.org, ...) and
`.test` hosts are mapped onto it through FetchSettings.host_map, so real outlet URLs are served
locally with no DNS look-up; it answers robots.txt (allow all unless a test says otherwise) and
counts the requests it gets.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from scorer.settings import FetchSettings

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch):
    """A user's SCORER_* settings (SCORER_OFFLINE, SCORER_CONFIG, ...) or colour settings in the shell must not
    change what a test sees: each test starts without them and sets what it needs."""
    import os

    for name in list(os.environ):
        if name.startswith("SCORER_") or name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "COLUMNS"):
            monkeypatch.delenv(name, raising=False)

MAPPED_HOSTS = (
    "www.dailynk.com",
    "dailynk.com",
    "en.yna.co.kr",
    "english.yonhapnews.co.kr",
    "www.koreaherald.com",
    "m.koreaherald.com",
    "www.hrw.org",
    "archive.org",
    "web.archive.org",
    "site.test",
    "other.test",
    "blocked.test",
)


class LocalServer:
    def __init__(self, httpserver):
        from werkzeug import Response

        self.server = httpserver
        self.base = f"http://127.0.0.1:{httpserver.port}"
        self.robots: dict[str, str] = {}  # host -> robots.txt text; absent: allow everything

        def robots(request):
            host = request.headers.get("Host", "").split(":")[0]
            return Response(self.robots.get(host, "User-agent: *\nDisallow:\n"), content_type="text/plain")

        httpserver.expect_request("/robots.txt").respond_with_handler(robots)

    def settings(self, cache_dir, **changes) -> FetchSettings:
        """Settings for the local server: private hosts allowed, no rate limit, quick retries."""
        base = FetchSettings(
            cache_dir=str(cache_dir),
            allow_private_hosts=True,
            rate_limit=0,
            retry_backoff=0.01,
            connect_timeout=2.0,
            read_timeout=3.0,
            host_map=tuple((host, self.base) for host in MAPPED_HOSTS),
        )
        return replace(base, **changes)

    def serve_manifest(self, manifest: Path = PAGES / "manifest.json") -> list[dict]:
        """Serve every recorded page of the manifest at its own path and query string.

        A recorded search answer (`"kind": "search"`) is served for any query on its path: the test
        server stands in for the outlet's search engine without ranking anything itself.
        """
        from urllib.parse import parse_qsl, urlsplit

        entries = json.loads(manifest.read_text(encoding="utf-8"))["pages"]
        for entry in entries:
            parts = urlsplit(entry["url"])
            body = (manifest.parent / entry["file"]).read_bytes()
            exact = parts.query and entry.get("kind") != "search"
            self.server.expect_request(
                parts.path, query_string=dict(parse_qsl(parts.query)) if exact else None
            ).respond_with_data(body, status=entry.get("status", 200), headers=entry.get("headers", {}))
        return entries

    def requests(self, path: str | None = None) -> list:
        """Requests the server got (robots.txt excluded), optionally only those for one path."""
        return [
            req for req, _resp in self.server.log
            if req.path != "/robots.txt" and (path is None or req.path == path)
        ]

    def hits(self, path: str | None = None) -> int:
        return len(self.requests(path))


@pytest.fixture
def local_server(httpserver) -> LocalServer:
    return LocalServer(httpserver)


@pytest.fixture
def fetch_settings(local_server, tmp_path) -> FetchSettings:
    return local_server.settings(tmp_path / "cache")
