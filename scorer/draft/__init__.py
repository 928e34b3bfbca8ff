"""Readers: a draft file to a Draft of blocks, every span mapped back to line:column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scorer.draft.decode import decode
from scorer.errors import InputError
from scorer.types import Draft

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DRAFT_SUFFIXES = (*MARKDOWN_SUFFIXES, *TEXT_SUFFIXES, *HTML_SUFFIXES)
FORMATS = ("markdown", "text", "html")
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class DraftBytes:
    """A draft that is not a file of its own (standard input): its name, for messages and its format, and bytes."""

    name: str
    data: bytes


def format_of(path: str, *, strict: bool = False) -> str:
    """"markdown", "text" or "html" from a file name; Markdown for a name without a known suffix unless strict."""
    suffix = Path(path).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES or not strict:
        return "markdown"
    known = "Markdown (.md, .markdown), plain text (.txt) and HTML (.html, .htm)"
    what = f"unsupported file type {suffix!r}" if suffix else "unknown file type (no extension)"
    raise InputError(f"{path}: {what}; scorer reads {known}")


def parse_text(text: str, *, path: str = "<text>", fmt: str | None = None, encoding: str = "utf-8") -> Draft:
    """Parse already-decoded text. `fmt` is "markdown", "text" or "html"; by default chosen from the path."""
    if fmt is None:
        fmt = format_of(path)
    if fmt == "markdown":
        from scorer.draft.markdown import parse_markdown

        return parse_markdown(text, path=path, encoding=encoding)
    if fmt == "text":
        from scorer.draft.plaintext import parse_plaintext

        return parse_plaintext(text, path=path, encoding=encoding)
    if fmt == "html":
        from scorer.draft.html import parse_html

        return parse_html(text, path=path, encoding=encoding)
    raise InputError(f"unknown draft format {fmt!r} (use markdown, text or html)")


MAX_DRAFT_BYTES = 500_000  # a long feature is 50 KB; past this, scoring takes minutes and gigabytes


def _check_size(name: str, size: int, max_bytes: int | None) -> None:
    if max_bytes and size > max_bytes:
        raise InputError(f"{name}: {size:,} bytes is over the {max_bytes:,}-byte limit for a draft; raise it with "
                         "--max-draft-bytes (or max_draft_bytes in the configuration)")


def read_draft(path: str | Path | DraftBytes, *, max_bytes: int | None = MAX_DRAFT_BYTES) -> tuple[Draft, tuple[str, ...]]:
    """Read and parse a draft file; returns the Draft and any warnings (e.g. the encoding guessed).

    A file whose extension is not a draft format's is refused: scoring an HTML page or a PDF as Markdown
    would report "0 claims, passed" for a draft that was never read. A file over `max_bytes` is refused before
    it is read (None or 0: no limit).
    """
    if isinstance(path, DraftBytes):
        _check_size(path.name, len(path.data), max_bytes)
        fmt = format_of(path.name, strict=True) if path.name != STDIN_NAME else "markdown"
        text, encoding, warnings = decode(path.data, path.name)
        return parse_text(text, path=path.name, fmt=fmt, encoding=encoding), warnings
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file or directory")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a draft")
    fmt = format_of(str(p), strict=True)
    try:
        _check_size(str(p), p.stat().st_size, max_bytes)
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    text, encoding, warnings = decode(data, str(p))
    return parse_text(text, path=str(p), fmt=fmt, encoding=encoding), warnings


__all__ = ["DRAFT_SUFFIXES", "MARKDOWN_SUFFIXES", "MAX_DRAFT_BYTES", "DraftBytes", "format_of", "parse_text", "read_draft"]
