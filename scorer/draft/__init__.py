"""Readers: a draft file to a Draft of blocks, every span mapped back to line:column."""

from __future__ import annotations

from pathlib import Path

from scorer.draft.decode import decode
from scorer.errors import InputError
from scorer.types import Draft

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
DRAFT_SUFFIXES = (*MARKDOWN_SUFFIXES, ".txt", ".text")


def parse_text(text: str, *, path: str = "<text>", fmt: str | None = None, encoding: str = "utf-8") -> Draft:
    """Parse already-decoded text. `fmt` is "markdown" or "text"; by default chosen from the path."""
    if fmt is None:
        fmt = "text" if path.lower().endswith((".txt", ".text")) else "markdown"
    if fmt == "markdown":
        from scorer.draft.markdown import parse_markdown

        return parse_markdown(text, path=path, encoding=encoding)
    if fmt == "text":
        from scorer.draft.plaintext import parse_plaintext

        return parse_plaintext(text, path=path, encoding=encoding)
    raise InputError(f"unknown draft format {fmt!r} (use markdown or text)")


MAX_DRAFT_BYTES = 500_000  # a long feature is 50 KB; past this, scoring takes minutes and gigabytes


def read_draft(path: str | Path, *, max_bytes: int | None = MAX_DRAFT_BYTES) -> tuple[Draft, tuple[str, ...]]:
    """Read and parse a draft file; returns the Draft and any warnings (e.g. the encoding guessed).

    A file over `max_bytes` is refused before it is read (None or 0: no limit)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file or directory")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a draft")
    try:
        size = p.stat().st_size
        if max_bytes and size > max_bytes:
            raise InputError(f"{p}: {size:,} bytes is over the {max_bytes:,}-byte limit for a draft; "
                             "raise it with --max-draft-bytes (or max_draft_bytes in the configuration)")
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    text, encoding, warnings = decode(data, str(p))
    return parse_text(text, path=str(p), encoding=encoding), warnings


__all__ = ["DRAFT_SUFFIXES", "MARKDOWN_SUFFIXES", "MAX_DRAFT_BYTES", "parse_text", "read_draft"]
