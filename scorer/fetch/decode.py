"""Bytes to text: the charset from the headers, else from a meta tag, else detected; bad bytes replaced."""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:\-]+)""", re.I)


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def charset_of(body: bytes, content_type: str = "") -> str:
    match = _HEADER_CHARSET.search(content_type or "")
    found = _known(match.group(1)) if match else None
    if found:
        return found
    if body.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    match = _META_CHARSET.search(body[:4096])
    found = _known(match.group(1).decode("ascii", "replace")) if match else None
    if found:
        return found
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(body[:65536]).best()
    return _known(best.encoding if best else None) or "utf-8"


def decode_body(body: bytes, content_type: str = "") -> str:
    return body.decode(charset_of(body, content_type), errors="replace")
