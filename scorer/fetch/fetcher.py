"""One URL to one Article: cache, then the polite client, then the archive for a dead link.

Never raises for a URL that fails: the Article carries the status and the reason.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import replace
from datetime import datetime
from urllib.parse import urlsplit

from scorer.errors import ScorerError
from scorer.fetch.cache import ArticleCache
from scorer.fetch.outlet import outlet_key
from scorer.fetch.pages import build_article
from scorer.fetch.sites import adapter_for
from scorer.settings import FetchSettings
from scorer.types import Article


class Fetcher:
    def __init__(self, settings: FetchSettings, *, draft_date: str | None = None, cache: ArticleCache | None = None):
        self.settings = settings
        self.draft_date = draft_date
        self.cache = cache or ArticleCache.open(settings)
        self._client = None
        self._lock = threading.Lock()
        # The run's fetching ends here (--deadline): pages not fetched by then are reported, not waited for.
        self.until = time.monotonic() + settings.deadline if settings.deadline > 0 else None

    def close(self) -> None:
        self.cache.close()

    def abort(self) -> None:
        """Cut the requests in flight (Ctrl-C): their threads return at once instead of at their timeout."""
        from scorer.fetch.transport import abort_all

        self.until = time.monotonic()
        abort_all()

    @property
    def client(self):
        """Built on first use only: an offline run or an all-cached one never creates it."""
        with self._lock:
            if self._client is None:
                from scorer.fetch.client import Client
                from scorer.fetch.robots import Robots

                client = Client(self.settings, until=self.until)
                robots_client = Client(self.settings, until=self.until)
                robots_client.limiter = client.limiter  # a robots.txt request counts against the host's rate too
                client.robots = Robots(robots_client, self.cache)
                self._client = client
            return self._client

    # -- keys -----------------------------------------------------------------------------------
    def target_of(self, url: str) -> str:
        """What is fetched: the outlet's canonical form (an old Yonhap URL maps to its current address)."""
        return adapter_for(outlet_key(url)).canonical_url(url)

    def key_of(self, url: str) -> str:
        """The cache key: the canonical URL, http and https counted as one page."""
        try:
            target = self.target_of(url)
        except ValueError:  # "http://[::1": not a URL at all; fetch() refuses it, the key only has to exist
            return url
        return "https://" + target[len("http://"):] if target.startswith("http://") else target

    # -- the two halves of a fetch ------------------------------------------------------------------
    def from_cache(self, url: str, *, raw: bool = False) -> Article | None:
        """The cached article, unless --refresh; offline also serves expired entries (nothing fresher exists)."""
        if self.settings.refresh and not self.settings.offline:
            return None
        key = self.key_of(url) if not raw else url
        article = self.cache.get(key, allow_stale=self.settings.offline)
        if article is None:
            return None
        return replace(article, url=url)

    def fetch(self, url: str, *, raw: bool = False) -> Article:
        try:
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme not in ("http", "https"):  # refused even offline: no cache could ever hold it
                return Article(url=url, status="refused",
                               message=f"only http and https URLs are fetched, not {scheme or 'a relative URL'}:")
            malformed = _malformed(url)
            if malformed:
                return Article(url=url, status="refused", message=f"not a valid URL: {malformed}")
            cached = self.from_cache(url, raw=raw)
            if cached is not None:
                return cached
            outlet = outlet_key(url)
            if self.settings.offline:
                return Article(url=url, status="not_cached", outlet=outlet, message="not in the cache (offline)")
            if self.until is not None and time.monotonic() >= self.until:
                return Article(url=url, status="timeout", outlet=outlet,
                               message=f"not fetched: the run's deadline ({self.settings.deadline:g} s) was reached")
            return self._live(url, outlet, raw=raw)
        except ScorerError:  # a broken install (the extractor cannot load) fails every page: say so once
            raise
        except Exception as exc:  # a bug or an odd page must cost one URL, not the whole run
            return Article(url=url, status="error", message=f"{type(exc).__name__}: {exc}")

    def _live(self, url: str, outlet: str | None, *, raw: bool) -> Article:
        from scorer.fetch.client import FetchError

        key = url if raw else self.key_of(url)
        target = url if raw else self.target_of(url)
        try:
            resp = self.client.get(target)
        except FetchError as exc:
            mapped = (urlsplit(target).hostname or "").lower() in self.client.host_map
            if exc.dead and not raw and exc.public and archivable(url, mapped=mapped):
                archived = self._from_archive(url, outlet, exc)
                if archived is not None:
                    self.cache.put(key, archived)
                    return archived
            return Article(url=url, status=exc.status, outlet=outlet, message=exc.message)
        final_outlet = outlet or outlet_key(resp.final_url)
        article = build_article(url, resp.final_url, resp.text, resp.content_type, outlet=final_outlet, raw=raw)
        self.cache.put(key, article)
        return article

    def _from_archive(self, url: str, outlet: str | None, failure) -> Article | None:
        from scorer.fetch.archive import closest_snapshot
        from scorer.fetch.client import FetchError

        found = closest_snapshot(self.client, self.settings, url, self.draft_date)
        if found is None:
            return None
        timestamp, raw_url = found
        try:
            resp = self.client.get(raw_url)
        except FetchError:
            return None
        when = _ts_date(timestamp)
        message = f"{failure.message}; served from the Internet Archive snapshot of {when}"
        return build_article(
            url, raw_url, resp.text, resp.content_type, outlet=outlet, archived=timestamp, message=message
        )


# Query parameters that carry a credential: a URL holding one is never sent to a third party.
_SECRET_PARAM = re.compile(
    r"(?:^|[?&;])[^=&;]*(?:token|key|secret|passw|pwd|auth|session|sig|signature|credential|ticket|code)[^=&;]*=",
    re.IGNORECASE,
)
# Names no public archive can know: RFC 6761 and RFC 8375 special-use names, and common intranet suffixes.


def archivable(url: str, *, mapped: bool = False) -> bool:
    """May this dead link be looked up in the Internet Archive? Not with a credential in its query, not on
    an IP literal of a private range, not on a name that is local by definition (the caller also excludes
    hosts that did not resolve or resolved to private addresses). A host of FetchSettings.host_map stands
    in for the public site it names (tests, replays)."""
    from scorer.fetch.safety import PRIVATE_SUFFIXES, forbidden

    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    if not host or _SECRET_PARAM.search("?" + parts.query) or parts.username or parts.password:
        return False
    if mapped:
        return True
    try:
        import ipaddress

        ipaddress.ip_address(host.strip("[]"))
        return forbidden(host.strip("[]")) is None
    except ValueError:
        pass
    return "." in host and not host.endswith(PRIVATE_SUFFIXES)


def _malformed(url: str) -> str | None:
    """Why urllib cannot take the URL apart (a broken IPv6 literal, a port that is no number), or None."""
    try:
        urlsplit(url).port  # .port is what raises for "host:abc" and "host:99999"
    except ValueError as exc:
        return str(exc)
    return None


def _ts_date(timestamp: str) -> str:
    try:
        return datetime.strptime(timestamp[:8], "%Y%m%d").date().isoformat()
    except ValueError:
        return timestamp
