"""One input row to an article the scorer can read, or the reason it cannot be one.

Inputs only read rows; what makes a row good or bad is decided here, once, for every input kind, so
a JSON Lines file and a CSV file with the same content fail the same rows with the same reasons.
Runs on the workers: validation is spread with the scoring.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from scorer.errors import InputError

FIELDS = ("id", "text", "markdown", "url", "date", "outlet", "section")


@dataclass(frozen=True, slots=True)
class RawRow:
    """A row as read: `row` counts rows of the input from 0; `line` is where it starts, when the input has lines."""

    row: int
    fields: dict = field(default_factory=dict)
    line: int | None = None
    error: str | None = None  # the reader could not even make fields of it (not JSON, wrong field count)


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    id: str
    row: int
    text: str
    format: str  # "markdown" or "text"
    url: str | None = None
    date: str | None = None  # ISO date
    outlet: str | None = None
    section: str | None = None
    warnings: tuple[str, ...] = ()


class BadRow(Exception):
    """A row that cannot be scored; the message says why, `id` is the row's id when it has a usable one."""

    def __init__(self, message: str, id: str | None = None):
        super().__init__(message)
        self.id = id


def to_record(raw: RawRow) -> ArticleRecord:
    fields = raw.fields
    article_id = _usable_id(fields.get("id"))
    if raw.error:
        raise BadRow(raw.error, article_id)
    if article_id is None:
        value = fields.get("id")
        raise BadRow("no id" if _blank(value) else f"id must be a string or an integer, not {_type(value)}")
    if "data" in fields:  # a draft file from a folder: bytes, decoded the way `scorer check` decodes them
        text, fmt, warnings = _decode_draft(fields["data"], article_id, fields.get("format", "markdown"))
    else:
        text, fmt = _text(fields, article_id)
        warnings = ()
    if not text.strip():
        raise BadRow("empty text", article_id)
    date = _date(fields.get("date"), article_id)
    return ArticleRecord(
        id=article_id, row=raw.row, text=text, format=fmt, url=_optional_str(fields, "url", article_id),
        date=date, outlet=_optional_str(fields, "outlet", article_id),
        section=_optional_str(fields, "section", article_id), warnings=warnings,
    )


def _usable_id(value) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if isinstance(value, str) and value.strip() and _valid_unicode(value):
        return value.strip()
    return None


def _text(fields: dict, article_id: str) -> tuple[str, str]:
    given = {}
    for name in ("markdown", "text"):
        value = _string(fields.get(name), name, article_id)
        if value is not None and value.strip():
            given[name] = value
    if len(given) == 2:
        raise BadRow("has both text and markdown; give one", article_id)
    if not given:
        raise BadRow("empty text", article_id)
    (name, value), = given.items()
    return value, "markdown" if name == "markdown" else "text"


def _decode_draft(data: bytes, article_id: str, fmt: str) -> tuple[str, str, tuple[str, ...]]:
    from scorer.draft.decode import decode

    try:
        text, _encoding, warnings = decode(data, article_id)
    except InputError as exc:
        raise BadRow(str(exc).removeprefix(f"{article_id}: "), article_id) from None
    return text, fmt, warnings


def _string(value, name: str, article_id: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):  # a binary column, or a string column read as bytes to catch bad UTF-8
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRow(f"{name}: invalid UTF-8", article_id) from None
    if not isinstance(value, str):
        raise BadRow(f"{name} must be a string, not {_type(value)}", article_id)
    if not _valid_unicode(value):
        # lone surrogates: bytes that were not UTF-8 (read with surrogateescape) or a JSON "\\ud800" escape
        raise BadRow(f"{name}: invalid UTF-8", article_id)
    return value


def _optional_str(fields: dict, name: str, article_id: str) -> str | None:
    value = _string(fields.get(name), name, article_id)
    return value.strip() or None if value is not None else None


def _date(value, article_id: str) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _string(value, "date", article_id)
    if text is None or not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10]).isoformat()
    except ValueError:
        raise BadRow(f"date must be an ISO date (YYYY-MM-DD), not {text.strip()[:40]!r}", article_id) from None


def _valid_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _type(value) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)
