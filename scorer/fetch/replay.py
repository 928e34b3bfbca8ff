"""Fill the cache from recorded pages (a manifest of URL -> file + headers), as if fetched live.

Used by `scorer cache import` for the offline main job, and by tests to serve the same pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from scorer.errors import InputError
from scorer.types import Article


@dataclass(frozen=True)
class Recorded:
    url: str
    path: Path
    status: int = 200
    headers: dict = field(default_factory=dict)
    kind: str = "page"  # "page", or "search" for an outlet search answer (kept raw)

    @property
    def body(self) -> bytes:
        return self.path.read_bytes()

    @property
    def content_type(self) -> str:
        return next((v for k, v in self.headers.items() if k.lower() == "content-type"), "text/html")


def read_manifest(path: str | Path) -> list[Recorded]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read manifest {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise InputError(f"manifest {path} is not valid JSON: {exc}") from None
    except RecursionError:
        raise InputError(f"manifest {path} is nested too deeply to be a manifest") from None
    entries = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(f'manifest {path} has no "pages" list')
    out = []
    for i, entry in enumerate(entries):
        where = f"manifest {path}: entry {i + 1}"
        if not isinstance(entry, dict) or not entry.get("url") or not entry.get("file"):
            raise InputError(f'{where} needs "url" and "file"')
        for key, kind, name in (("url", str, "a string"), ("file", str, "a string"), ("status", int, "a whole number"),
                                ("headers", dict, "an object of header: value"), ("kind", str, "a string")):
            value = entry.get(key)
            if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
                raise InputError(f'{where}: "{key}" must be {name}, not {json.dumps(value)[:60]}')
        headers = entry.get("headers") or {}
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in headers.items()):
            raise InputError(f'{where}: "headers" must map names to strings')
        if "\x00" in entry["file"]:
            raise InputError(f'{where}: "file" contains a NUL byte')
        try:
            file = (path.parent / entry["file"]).resolve()
            present = file.is_file()
        except (OSError, RuntimeError, ValueError) as exc:
            raise InputError(f"{where}: cannot use file {entry['file']}: {exc}") from None
        if not present:
            raise InputError(f"{where}: no file {entry['file']}")
        out.append(Recorded(entry["url"], file, entry.get("status", 200), dict(headers), entry.get("kind") or "page"))
    return out


def import_manifest(path: str | Path, settings) -> list[Article]:
    """Store every recorded page in the cache; returns the articles stored (in manifest order)."""
    from scorer.fetch.decode import decode_body
    from scorer.fetch.fetcher import Fetcher
    from scorer.fetch.outlet import outlet_key
    from scorer.fetch.pages import build_article

    entries = read_manifest(path)
    fetcher = Fetcher(settings)
    stored = []
    try:
        for rec in entries:
            if rec.status != 200:
                continue  # only answers a live fetch would cache
            raw = rec.kind == "search"
            ctype_full = rec.content_type
            ctype = ctype_full.split(";")[0].strip().lower()
            article = build_article(
                rec.url, rec.url, decode_body(rec.body, ctype_full), ctype, outlet=outlet_key(rec.url), raw=raw
            )
            fetcher.cache.put(rec.url if raw else fetcher.key_of(rec.url), article)
            stored.append(article)
    finally:
        fetcher.close()
    return stored
