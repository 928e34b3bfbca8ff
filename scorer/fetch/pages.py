"""A fetched body to an Article: the outlet's adapter first, the generic extractor for the rest.

Live responses and replayed fixtures both come through here, so a recorded page yields exactly
the Article a live fetch of it would.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from scorer.fetch.extract import (
    Extracted, generic_extract, merge, preview_cut, soup_extract, soup_of, strip_truncation,
)
from scorer.fetch.sites import adapter_for
from scorer.types import Article

RAW_TYPES = ("application/json", "text/plain", "application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
PARTIAL_NOTE = "partial copy: the page ends with a truncation marker"
# An HTML page with no article text is not a page that was read: its own status, a failed fetch downstream.
EMPTY_STATUS = "empty"
EMPTY_NOTE = "no article text found on the page"


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def extract_html(html: str, url: str, outlet: str | None) -> Extracted:
    adapter = adapter_for(outlet)
    own = adapter.extract(soup_of(html), url) if adapter.key else None  # the generic one has no markup of its own
    if own is not None and own.title and own.text:
        # The outlet's markup gave the essentials: fill gaps from explicit metadata only, never a guessed date.
        merged = merge(own, soup_extract(html, url))
    else:
        merged = merge(own, generic_extract(html, url))
    if not merged.published:
        merged = replace(merged, published=adapter.date_from_url(url))
    text, partial = strip_truncation(adapter.clean_text(_without_title(merged.text, merged.title)))
    note = PARTIAL_NOTE if partial else preview_cut(text, merged.paywalled)
    return adapter.finish(replace(merged, text=text, partial=bool(note), note=note), url)


def _without_title(text: str, title: str | None) -> str:
    """Extractors often repeat the headline as the first paragraph; it is not body text."""
    first, _, rest = text.partition("\n\n")
    return rest if title and first.strip() == title.strip() else text


def build_article(
    url: str,
    final_url: str,
    body_text: str,
    content_type: str,
    *,
    outlet: str | None,
    raw: bool = False,
    archived: str | None = None,
    message: str | None = None,
) -> Article:
    """`url` is what was asked for; `final_url` what answered (after redirects, or the archive's copy)."""
    if raw or content_type in RAW_TYPES or content_type.endswith("+json"):
        return Article(
            url=url, status="ok", final_url=final_url, outlet=outlet, text=body_text,
            fetched_at=now_iso(), archived=archived, message=message,
        )
    # Adapters read dates from the outlet's URL, so give them the outlet's URL, not the archive's.
    ex = extract_html(body_text, url if archived else final_url, outlet)
    empty = not ex.text.strip()
    notes = [n for n in (message, EMPTY_NOTE if empty else ex.note) if n]
    return Article(
        url=url,
        status=EMPTY_STATUS if empty else "ok",
        final_url=final_url,
        outlet=outlet,
        title=ex.title,
        authors=ex.authors,
        published=ex.published,
        text=ex.text,
        fetched_at=now_iso(),
        archived=archived,
        message="; ".join(notes) or None,
        origin=ex.origin,
        partial=ex.partial,
    )
