"""Settings that flow from defaults, config files, the environment and flags into the library.

`scorer.config` (files and environment) and the CLI build these; the library only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scorer.draft import MAX_DRAFT_BYTES


@dataclass(frozen=True)
class FetchSettings:
    enabled: bool = True  # False with --no-fetch: nothing is fetched, verification is not_applicable/unfetched
    offline: bool = False  # answer only from the cache, send no request at all
    refresh: bool = False  # ignore cached entries (and overwrite them)
    cache_dir: str | None = None  # None: the user's cache directory (platformdirs)
    allow_private_hosts: bool = False
    connect_timeout: float = 5.0
    read_timeout: float = 15.0  # per read; one request (connect, headers, body) gets connect + read in all
    page_timeout: float = 30.0  # one page in all: redirects, retries and their waits included
    deadline: float = 0.0  # seconds the run's fetching may take (--deadline); 0 means no limit
    max_pages_per_draft: int = 100  # pages and searches one draft may cause; the rest are reported unfetched
    max_pages_per_run: int = 1000
    rate_limit: float = 1.0  # requests a second, per host
    max_workers: int = 8  # global concurrency
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    retries: int = 3
    cache_ttl_days: float = 7.0
    # Base URLs are settings so tests can point them at a local server.
    dailynk_base: str = "https://www.dailynk.com/english"
    hrw_base: str = "https://www.hrw.org"
    koreaherald_base: str = "https://www.koreaherald.com"
    yonhap_base: str = "https://en.yna.co.kr"
    archive_api: str = "https://archive.org/wayback/available"
    archive_base: str = "https://web.archive.org/web"
    # Host name -> base URL actually connected to (like curl --resolve), keeping the URL's own host in the
    # Host header: lets tests and replays serve real outlet URLs from a local server without real DNS.
    host_map: tuple[tuple[str, str], ...] = ()
    retry_backoff: float = 0.5  # seconds before the first retry, doubled each time
    max_retry_after: float = 60.0  # longest Retry-After we wait for; longer ones fail the URL instead


@dataclass(frozen=True)
class CheckSettings:
    threshold: float = 0.5
    fetch: FetchSettings = field(default_factory=FetchSettings)
    model_path: str | None = None  # None: models/sourcing-model.json
    max_draft_bytes: int = MAX_DRAFT_BYTES  # larger drafts are refused up front (0: no limit)
