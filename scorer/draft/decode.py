"""Bytes to text: UTF-8 first, a detected encoding only when the detector is confident."""

from __future__ import annotations

from scorer.errors import InputError

# A draft is prose: a NUL byte or many control characters mean it is not one.
_SNIFF_BYTES = 8192
_CONTROL = bytes(range(0, 9)) + bytes([11, 12]) + bytes(range(14, 32))
_MAX_CHAOS = 0.1  # charset-normalizer's "mess" score above which a guess is not trusted


def decode(data: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    """Return (text, encoding, warnings). Newlines are normalised to \\n (columns are unchanged)."""
    head = data[:_SNIFF_BYTES]
    if head[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        # Checked before UTF-16: the UTF-32 little-endian mark starts with the UTF-16 one.
        try:
            text = data.decode("utf-32")
        except UnicodeDecodeError:
            raise InputError(f"{path}: starts with a UTF-32 byte order mark but is not UTF-32") from None
        return text.replace("\r\n", "\n").replace("\r", "\n"), "utf-32", (f"{path}: not UTF-8; decoded as utf-32",)
    if _looks_utf16(head):
        # Half its bytes are NULs, so the binary sniff below would refuse it; the mark says what it is.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{path}: starts with a UTF-16 byte order mark but is not UTF-16") from None
        return text.replace("\r\n", "\n").replace("\r", "\n"), "utf-16", (f"{path}: not UTF-8; decoded as utf-16",)
    if b"\x00" in head:
        raise InputError(f"{path}: looks like a binary file, not a draft")
    if head and sum(head.count(bytes([c])) for c in _CONTROL) / len(head) > 0.05:
        raise InputError(f"{path}: looks like a binary file, not a draft")
    warnings: tuple[str, ...] = ()
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _detect(data, path)
        warnings = (f"{path}: not UTF-8; decoded as {encoding}",)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding, warnings


def _looks_utf16(head: bytes) -> bool:
    return head[:2] in (b"\xff\xfe", b"\xfe\xff")


def _detect(data: bytes, path: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise InputError(f"{path}: not UTF-8, and its encoding cannot be detected with confidence")
    return str(best), best.encoding
