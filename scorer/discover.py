"""Which drafts a run checks: named files, directories, globs, include/exclude, and Git changes.

Exclude patterns apply to every file, named or found, because pre-commit and CI pass file
names explicitly and an `exclude` that those bypass is the classic linter complaint.
Include patterns pick files when a directory or a glob is searched; a file named outright is
checked whatever its extension.
"""

from __future__ import annotations

import glob
import os
import re
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from scorer.errors import InputError

DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt")
# Never worth searching: tool state and dependencies, not drafts.
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})
_MAGIC = re.compile(r"[*?\[]")


@lru_cache(maxsize=256)
def _pattern_regex(pattern: str) -> re.Pattern[str]:
    """A glob over '/'-separated relative paths: `**` spans directories, `*` and `?` do not."""
    pattern = pattern.strip().lstrip("/").rstrip("/")
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                out.append(re.escape("["))
                i += 1
            else:
                body = pattern[i + 1:end]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    # A pattern naming a directory covers everything below it.
    return re.compile("".join(out) + r"(?:/.*)?\Z")


def matches(pattern: str, relpath: str) -> bool:
    """gitignore-like: a pattern without '/' matches a file or directory name at any depth."""
    relpath = relpath.replace(os.sep, "/")
    if "/" not in pattern.strip().rstrip("/"):
        regex = _pattern_regex(pattern)
        return any(regex.match(part) for part in relpath.split("/"))
    return bool(_pattern_regex(pattern).match(relpath))


def _relative(path: Path, root: Path) -> str:
    resolved = path.resolve()
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _walk(directory: Path, include: Sequence[str]) -> Iterable[Path]:
    for current, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(files):
            # A pipe or device named like a draft would block the read: only regular files are drafts.
            if any(matches(p, name) for p in include) and (Path(current) / name).is_file():
                yield Path(current) / name


def changed_files(ref: str, cwd: Path | None = None) -> set[Path]:
    """Resolved paths of files changed against `ref` (committed, staged, unstaged), plus untracked ones."""
    cwd = cwd or Path.cwd()

    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
        except FileNotFoundError:
            raise InputError("--changed-since needs git, which was not found on PATH") from None
        if done.returncode != 0:
            detail = (done.stderr.strip().splitlines() or ["git failed"])[-1]
            raise InputError(f"--changed-since {ref}: {detail}")
        return done.stdout

    top = Path(git("rev-parse", "--show-toplevel").strip())
    try:
        git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except InputError:
        raise InputError(f"--changed-since {ref}: not a commit, branch or tag in this repository") from None
    names = git("diff", "--name-only", "-z", "--diff-filter=d", ref, "--").split("\0")
    names += git("ls-files", "--others", "--exclude-standard", "-z", "--full-name", ":/").split("\0")
    return {(top / name).resolve() for name in names if name}


def _expand(arg: str, include: Sequence[str]) -> list[Path]:
    """The drafts one command-line argument names: a file, a directory's drafts, or a glob's hits."""
    path = Path(arg)
    if path.is_dir():
        drafts = list(_walk(path, include))
        if not drafts:
            raise InputError(f"no drafts found in {arg} (looked for {', '.join(include)})")
        return drafts
    if path.is_file():
        return [path]
    if path.exists():
        # A FIFO, socket or device: reading it would block or never end.
        raise InputError(f"{arg}: not a regular file (a pipe, socket or device), not a draft")
    if _MAGIC.search(arg):
        # A glob is a search, like a directory: its hits are filtered by `include` too.
        hits = []
        for hit in map(Path, sorted(glob.glob(arg, recursive=True))):
            if hit.is_dir():
                hits += list(_walk(hit, include))
            elif hit.is_file() and any(matches(p, hit.name) for p in include):
                hits.append(hit)
        if not hits:
            raise InputError(f"no drafts match {arg} (looked for {', '.join(include)})")
        return hits
    raise InputError(f"no such file or directory: {arg}")


def discover(
    paths: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    root: Path | None = None,
    changed_since: str | None = None,
) -> list[Path]:
    """Drafts to check, in the order given (directories sorted), each once.

    Raises InputError for a path that does not exist, a glob that matches nothing, or a
    directory holding no drafts at all.
    """
    root = (root or Path.cwd()).resolve()
    found: list[Path] = []
    for arg in paths:
        try:
            found += _expand(arg, include)
        except PermissionError as exc:  # stat() of a path under a directory we may not search
            raise InputError(f"{arg}: cannot be read ({exc.strerror})") from None

    seen: set[Path] = set()
    out: list[Path] = []
    for path in found:
        key = path.resolve()
        if key in seen or any(matches(p, _relative(path, root)) for p in exclude):
            continue
        seen.add(key)
        out.append(path)
    if changed_since is not None:
        changed = changed_files(changed_since)
        out = [p for p in out if p.resolve() in changed]
    return out
