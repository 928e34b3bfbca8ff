"""A polite HTTP client: one GET with safety checks, robots, rate limit, retries, redirects and limits.

Redirects are followed by hand so that every hop passes the same safety and robots checks as the
first URL; the body is read raw and decompressed here so that a size limit also stops a gzip bomb.
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

    def __init__(self, status: str, message: str, *, dead: bool = False):
        super().__init__(message)
        self.status = status
        self.message = message
        self.dead = dead  # 404/410/unresolvable: the archive may still have it


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

    def wait(self, host: str) -> None:
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, 0.0))
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


class Client:
    def __init__(self, settings: FetchSettings, robots=None):
        self.settings = settings
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

            session = requests.Session()
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
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            target, extra = self.connect_url(current)
            try:
                safety.check_url(target, self.settings.allow_private_hosts)
            except safety.Refused as exc:
                raise FetchError("refused", str(exc)) from None
            except safety.Unresolvable as exc:
                raise FetchError("error", str(exc), dead=True) from None
            if check_robots and self.robots is not None and not self.robots.allowed(current):
                raise FetchError("blocked_by_robots", f"robots.txt of {urlsplit(current).netloc} disallows {current}")
            resp = self._send(target, extra)
            location = resp.headers.get("Location")
            if resp.status_code in (301, 302, 303, 307, 308) and location:
                resp.close()
                current = urljoin(current, location.strip())
                continue
            return self._finish(url, current, resp)
        raise FetchError("error", f"more than {self.settings.max_redirects} redirects (a redirect loop?)")

    def _send(self, target: str, extra: dict[str, str]):
        import requests

        s = self.settings
        host = urlsplit(target).netloc
        for attempt in range(s.retries + 1):
            last = attempt == s.retries
            self.limiter.wait(host)
            try:
                resp = self._session().get(
                    target,
                    headers=extra,
                    stream=True,
                    allow_redirects=False,
                    timeout=(s.connect_timeout, s.read_timeout),
                )
            except requests.exceptions.ReadTimeout:
                raise FetchError("timeout", f"no answer within {s.read_timeout:g} s") from None
            except (requests.exceptions.ConnectionError, requests.exceptions.ConnectTimeout) as exc:
                if last:
                    raise FetchError("error", f"connection failed: {_short(exc)}") from None
                time.sleep(s.retry_backoff * 2**attempt)
                continue
            except requests.exceptions.RequestException as exc:
                raise FetchError("error", _short(exc)) from None
            if resp.status_code == 429 or resp.status_code >= 500:
                wait = retry_after_seconds(resp.headers.get("Retry-After"))
                if wait is None:
                    wait = s.retry_backoff * 2**attempt
                if not last and wait <= s.max_retry_after:
                    resp.close()
                    time.sleep(wait)
                    continue
            return resp
        raise AssertionError("unreachable")

    def _finish(self, url: str, final_url: str, resp) -> Response:
        code = resp.status_code
        if code >= 400:
            resp.close()
            raise FetchError(f"http_{code}", f"the server answered {code} {resp.reason or ''}".strip(), dead=code in (404, 410))
        ctype_full = resp.headers.get("Content-Type", "")
        ctype = ctype_full.split(";")[0].strip().lower()
        if ctype and ctype not in ALLOWED_TYPES and not ctype.endswith("+json"):
            resp.close()
            raise FetchError("not_html", f"content type {ctype} is not a web page")
        body = self._read_body(resp)
        headers = dict(resp.headers)
        return Response(url, final_url, code, ctype or "text/html", headers, body, decode_body(body, ctype_full))

    def _read_body(self, resp) -> bytes:
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
        deadline = time.monotonic() + self.settings.connect_timeout + self.settings.read_timeout
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
                if time.monotonic() > deadline:
                    raise FetchError("timeout", "the page took too long to arrive")
        except FetchError:
            resp.close()
            raise
        except zlib.error as exc:
            resp.close()
            raise FetchError("error", f"bad compressed body: {exc}") from None
        except Exception as exc:  # urllib3 timeouts and protocol errors while streaming
            resp.close()
            name = type(exc).__name__
            status = "timeout" if "Timeout" in name else "error"
            raise FetchError(status, f"reading the page failed: {_short(exc)}") from None
        resp.close()
        return b"".join(parts)


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."
