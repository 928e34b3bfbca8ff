"""Dead links: the Internet Archive's snapshot closest to the draft's date, in its raw form."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode


def closest_snapshot(client, settings, url: str, draft_date: str | None) -> tuple[str, str] | None:
    """(timestamp, raw snapshot URL) or None when the archive has nothing (or cannot be asked)."""
    from scorer.fetch.client import FetchError

    query = {"url": url}
    if draft_date and re.match(r"\d{4}-\d{2}-\d{2}", draft_date):
        query["timestamp"] = draft_date[:10].replace("-", "")
    try:
        resp = client.get(f"{settings.archive_api}?{urlencode(query)}")
        closest = json.loads(resp.text).get("archived_snapshots", {}).get("closest") or {}
    except (FetchError, ValueError, AttributeError):
        return None
    if not isinstance(closest, dict):  # a busy or changed API answers junk: no snapshot, the link stays dead
        return None
    timestamp = str(closest.get("timestamp") or "")
    if not closest.get("available") or not timestamp.isdigit() or not str(closest.get("status", "200")).startswith("2"):
        return None
    # "id_" asks for the page as archived, without the archive's toolbar and rewritten links.
    return timestamp, f"{settings.archive_base.rstrip('/')}/{timestamp}id_/{url}"
