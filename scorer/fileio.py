"""Writing the files a user asks for (reports, baselines, models) without ever leaving half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from scorer.errors import ScorerError


def write_atomic(path: str | Path, text: str) -> None:
    """Write to a temporary file in the same directory, then rename: readers never see half a file."""
    path = Path(path)
    if path.exists() and not path.is_file():
        # A pipe or device (`--output /dev/stdout`): renaming over it would replace the node itself.
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            raise ScorerError(f"cannot write {path}: {exc.strerror or exc}") from None
        return
    target = Path(os.path.realpath(path))  # through a symlink: replace what it points to, keep the link
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ScorerError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; the result should look like any other file
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ScorerError(f"cannot write {path}: {exc.strerror or exc}") from None
