"""The registry's outlet key for a URL (the registry lives in scorer.outlets; we only ask it)."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit


@lru_cache(maxsize=4096)
def _by_host(host: str, url: str) -> str | None:
    try:
        from scorer.outlets import get_registry
    except ImportError:  # the registry is not there (yet): every page gets the generic extractor
        return None
    outlet = get_registry().by_domain(url)
    return getattr(outlet, "key", None) if outlet else None


def outlet_key(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    return _by_host(host, f"https://{host}/") if host else None
