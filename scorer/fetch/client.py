"""A polite HTTP client: one GET with safety checks, robots, rate limit, retries, redirects and limits.

Redirects are followed by hand so that every hop passes the same safety and robots checks as the
first URL, and each connection goes to the address that passed the check (scorer.fetch.transport); the
body is read raw and decompressed here so that a size limit also stops a gzip bomb. Time is bounded three
ways: each request (connect, headers and body) by connect + read timeout, each page (redirects and
retries included) by `page_timeout`, the run by its deadline (`until`), all enforced inside reads.
"""

from __future__ import annotations

import email.utils
import threading
import time
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from scorer.fetch import safety
from scorer.fetch.decode import decode_body
from scorer.settings import FetchSettings

ALLOWED_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "application/json",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
)
_CHUNK = 16_384


def user_agent() -> str:
    from scorer import PROJECT_URL, __version__

    return f"scorer/{__version__} (+{PROJECT_URL})"


class FetchError(Exception):
    """A URL that could not be fetched; `status` is the Article status to report."""

    def __init__(self, status: str, message: str, *, dead: bool = False, public: bool = True):
        super().__init__(message)
        self.status = status
        self.message = message
        self.dead = dead  # 404/410/unresolvable: the archive may still have it
        self.public = public  # False: a private or unresolvable host, whose URL must not go to the archive


@dataclass(frozen=True)
class Response:
    url: str  # the URL asked for
    final_url: str  # after redirects, as the outlet names it (not the local test address)
    status_code: int
    content_type: str
    headers: dict[str, str]
    body: bytes
    text: str


class HostRateLimiter:
    """At most `rate` requests a second to each host; 0 or less means no limit.

    The next free slot of each host is shared by every limiter of the process: fetch_articles and each
    find_article build their own client, and a run that fetches an outlet's pages and then searches it
    must still space its requests to that host.
    """

    _lock = threading.Lock()
    _next: dict[str, float] = {}

    def __init__(self, rate: float):
        self.interval = 1.0 / rate if rate > 0 else 0.0

    def wait(self, host: str, until: float = float("inf")) -> None:
        """Sleep until the host's next free slot; a slot after `until` is not taken (the caller gives up)."""
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, 0.0))
            if slot >= until:
                time.sleep(max(0.0, until - now))
                return
            self._next[host] = slot + self.interval
        if slot > now:
            time.sleep(slot - now)


def retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class _PageClock:
    """The time one page may take in all; starts with its first request, not while it waits its turn."""

    def __init__(self, budget: float, until: float | None):
        self.budget = budget
        self.until = until
        self.at: float | None = None

    def start(self) -> None:
        if self.at is None:
            self.at = time.monotonic() + self.budget
            if self.until is not None:
                self.at = min(self.at, self.until)

    def end(self) -> float:
        """When this page's time is up (before it starts: the run's end, if any)."""
        if self.at is not None:
            return self.at
        return self.until if self.until is not None else float("inf")


class Client:
    def __init__(self, settings: FetchSettings, robots=None, *, until: float | None = None):
        self.settings = settings
        self.until = until  # time.monotonic() when the run's fetching must stop (--deadline), or None
        self.limiter = HostRateLimiter(settings.rate_limit)
        self.robots = robots  # scorer.fetch.robots.Robots or None (robots.txt itself is fetched without)
        self.host_map = {host.lower(): base for host, base in settings.host_map}
        self._local = threading.local()
        self.user_agent = user_agent()

    # -- plumbing -------------------------------------------------------------------------------
    def _session(self):
        session = getattr(self._local, "session", None)
        if session is None:
            import requests

            from scorer.fetch.transport import adapter

            session = requests.Session()
            session.mount("http://", adapter())
            session.mount("https://", adapter())
            session.headers.update(
                {
                    "User-Agent": self.user_agent,
                    "Accept": "text/html,application/xhtml+xml,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5",
                    "Accept-Encoding": "gzip, deflate",  # only what _read_body can decompress under a limit
                }
            )
            self._local.session = session
        return session

    def connect_url(self, url: str) -> tuple[str, dict[str, str]]:
        """Where to connect for `url`, and extra headers (Host) when the host is mapped."""
        parts = urlsplit(url)
        base = self.host_map.get((parts.hostname or "").lower())
        if not base:
            return url, {}
        b = urlsplit(base)
        return urlunsplit((b.scheme, b.netloc, parts.path or "/", parts.query, "")), {"Host": parts.netloc}

    # -- public ---------------------------------------------------------------------------------
    def get(self, url: str, *, check_robots: bool = True) -> Response:
        from scorer.fetch import transport

        clock = _PageClock(self.settings.page_timeout, self.until)
        current = url
        try:
            for _hop in range(self.settings.max_redirects + 1):
                target, extra = self.connect_url(current)
                try:
                    addresses = safety.check_url(target, self.settings.allow_private_hosts)
                except safety.Refused as exc:
                    raise FetchError("refused", str(exc), public=False) from None
                except safety.Unresolvable as exc:
                    raise FetchError("error", str(exc), dead=True, public=False) from None
                if check_robots and self.robots is not None and not self.robots.allowed(current):
                    raise FetchError("blocked_by_robots", f"robots.txt of {urlsplit(current).netloc} disallows {current}")
                transport.pin(urlsplit(target).hostname, addresses)
                # A mapped host (tests, replays) stands in for the public site its name says it is.
                public = target != current or not any(safety.forbidden(a) for a in addresses)
                try:
                    return self._hop(url, current, target, extra, clock)
                except FetchError as exc:
                    exc.public = exc.public and public
                    raise
                except _Redirect as hop:
                    current = hop.location
        finally:
            transport.pin(None, None)
        raise FetchError("error", f"more than {self.settings.max_redirects} redirects (a redirect loop?)")

    def _hop(self, url: str, current: str, target: str, extra: dict[str, str], clock: _PageClock) -> Response:
        """One request of the page (retries included), read to the end within its deadline."""
        from scorer.fetch import transport

        s = self.settings
        host = urlsplit(target).netloc
        for attempt in range(s.retries + 1):
            last = attempt == s.retries
            self._wait_turn(host, clock)
            clock.start()
            at = min(time.monotonic() + s.connect_timeout + s.read_timeout, clock.end())
            with transport.Deadline(at) as deadline:
                try:
                    resp = self._send(target, extra, deadline)
                except _ConnectionFailed as exc:
                    wait = s.retry_backoff * 2**attempt
                    if last or time.monotonic() + wait >= clock.end():
                        raise FetchError("error", exc.message) from None
                    time.sleep(wait)
                    continue
                if resp.status_code == 429 or resp.status_code >= 500:
                    wait = retry_after_seconds(resp.headers.get("Retry-After"))
                    if wait is None:
                        wait = s.retry_backoff * 2**attempt
                    fits = time.monotonic() + wait < clock.end()
                    if not last and wait <= s.max_retry_after and fits:
                        resp.close()
                        time.sleep(wait)
                        continue
                location = resp.headers.get("Location")
                if resp.status_code in (301, 302, 303, 307, 308) and location:
                    resp.close()
                    raise _Redirect(urljoin(current, location.strip()))
                return self._finish(url, current, resp, deadline)
        raise AssertionError("unreachable")

    def _wait_turn(self, host: str, clock: _PageClock) -> None:
        """The host's rate limit, unless the turn would come after the page's or the run's time is up."""
        end = clock.end()
        if end != float("inf") and time.monotonic() >= end:
            raise self._out_of_time()
        self.limiter.wait(host, until=end)
        if time.monotonic() >= end:
            raise self._out_of_time()

    def _out_of_time(self) -> FetchError:
        if self.until is not None and time.monotonic() >= self.until:
            return FetchError("timeout", "not fetched: the run's deadline (--deadline) was reached")
        return FetchError("timeout", f"the page took longer than {self.settings.page_timeout:g} s in all")

    def _timed_out(self) -> FetchError:
        if self.until is not None and time.monotonic() >= self.until - 0.05:
            return FetchError("timeout", "stopped: the run's deadline (--deadline) was reached during the fetch")
        s = self.settings
        return FetchError("timeout", f"the page did not arrive in time (connect, headers and body within "
                                     f"{min(s.connect_timeout + s.read_timeout, s.page_timeout):g} s)")

    def _send(self, target: str, extra: dict[str, str], deadline):
        import requests

        s = self.settings
        left = max(0.05, deadline.remaining())
        try:
            return self._session().get(
                target,
                headers=extra,
                stream=True,
                allow_redirects=False,
                timeout=(min(s.connect_timeout, left), min(s.read_timeout, left)),
            )
        except requests.exceptions.ReadTimeout:
            if deadline.expired:
                raise self._timed_out() from None
            raise FetchError("timeout", f"no answer within {s.read_timeout:g} s") from None
        except (requests.exceptions.ConnectionError, requests.exceptions.ConnectTimeout) as exc:
            if deadline.expired:
                raise self._timed_out() from None
            raise _ConnectionFailed("error", f"connection failed: {_short(exc)}") from None
        except requests.exceptions.RequestException as exc:
            if deadline.expired:
                raise self._timed_out() from None
            raise FetchError("error", _short(exc)) from None

    def _finish(self, url: str, final_url: str, resp, deadline) -> Response:
        code = resp.status_code
        if code >= 400:
            resp.close()
            raise FetchError(f"http_{code}", f"the server answered {code} {resp.reason or ''}".strip(), dead=code in (404, 410))
        ctype_full = resp.headers.get("Content-Type", "")
        ctype = ctype_full.split(";")[0].strip().lower()
        if ctype and ctype not in ALLOWED_TYPES and not ctype.endswith("+json"):
            resp.close()
            raise FetchError("not_html", f"content type {ctype} is not a web page")
        body = self._read_body(resp, deadline)
        headers = dict(resp.headers)
        return Response(url, final_url, code, ctype or "text/html", headers, body, decode_body(body, ctype_full))

    def _read_body(self, resp, deadline) -> bytes:
        limit = self.settings.max_bytes
        too_large = FetchError("too_large", f"the page is larger than {limit} bytes")
        length = resp.headers.get("Content-Length", "")
        encoding = resp.headers.get("Content-Encoding", "identity").strip().lower()
        if encoding in ("", "identity") and length.isdigit() and int(length) > limit:
            resp.close()
            raise too_large
        if encoding in ("gzip", "x-gzip"):
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            inflater = zlib.decompressobj()
        elif encoding in ("", "identity"):
            inflater = None
        else:
            resp.close()
            raise FetchError("error", f"unsupported content encoding {encoding}")
        parts: list[bytes] = []
        size = 0
        try:
            while True:
                chunk = resp.raw.read(_CHUNK, decode_content=False)
                if not chunk:
                    break
                if inflater is not None:
                    # max_length caps what one compressed chunk may expand to: a bomb stops at the limit.
                    data = inflater.decompress(chunk, limit + 1 - size)
                    chunk = data
                size += len(chunk)
                parts.append(chunk)
                if size > limit or (inflater is not None and inflater.unconsumed_tail):
                    raise too_large
            if deadline.expired:  # the watchdog's shutdown reads as a clean end of a body of no stated length
                raise self._timed_out()
            if inflater is not None and not inflater.eof:
                raise FetchError("error", "the compressed page ends early: a truncated copy, not the page")
        except FetchError:
            resp.close()
            raise
        except zlib.error as exc:
            resp.close()
            raise FetchError("error", f"bad compressed body: {exc}") from None
        except Exception as exc:  # urllib3 timeouts and protocol errors while streaming
            resp.close()
            if deadline.expired:
                raise self._timed_out() from None
            name = type(exc).__name__
            status = "timeout" if "Timeout" in name else "error"
            raise FetchError(status, f"reading the page failed: {_short(exc)}") from None
        resp.close()
        return b"".join(parts)


class _ConnectionFailed(FetchError):
    """Worth another attempt (a refused or reset connection), time permitting."""


class _Redirect(Exception):
    def __init__(self, location: str):
        self.location = location


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."
