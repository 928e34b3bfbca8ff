"""Finding drafts: files, directories, globs, include/exclude, and --changed-since in a real Git repository."""

import os
import subprocess
from pathlib import Path

import pytest

from scorer.discover import changed_files, discover, matches
from scorer.errors import InputError


def touch(path: Path, text: str = "A claim.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path, monkeypatch):
    for name in ("drafts/a.md", "drafts/b.txt", "drafts/c.markdown", "drafts/notes.json", "drafts/old/d.md",
                 "drafts/.hidden/e.md", "drafts/node_modules/f.md"):
        touch(tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def names(paths):
    return [p.as_posix() for p in paths]


def test_directory_search_sorted_and_filtered(tree):
    assert names(discover(["drafts"])) == ["drafts/a.md", "drafts/b.txt", "drafts/c.markdown", "drafts/old/d.md"]


def test_exclude_patterns(tree):
    assert names(discover(["drafts"], exclude=["old"])) == ["drafts/a.md", "drafts/b.txt", "drafts/c.markdown"]
    assert names(discover(["drafts"], exclude=["*.txt", "drafts/c.*"])) == ["drafts/a.md", "drafts/old/d.md"]
    assert names(discover(["drafts"], exclude=["drafts/**/d.md"])) == [
        "drafts/a.md", "drafts/b.txt", "drafts/c.markdown"]


def test_exclude_applies_to_named_files_too(tree):
    assert discover(["drafts/old/d.md"], exclude=["old/"]) == []


def test_include_patterns(tree):
    assert names(discover(["drafts"], include=["*.md"])) == ["drafts/a.md", "drafts/old/d.md"]


def test_named_file_any_extension_and_dedup(tree):
    assert names(discover(["drafts/notes.json", "drafts/a.md", "drafts", "./drafts/a.md"])) == [
        "drafts/notes.json", "drafts/a.md", "drafts/b.txt", "drafts/c.markdown", "drafts/old/d.md"]


def test_globs(tree):
    # A glob is the user's explicit choice: it reaches where directory search does not (node_modules).
    assert names(discover(["drafts/**/*.md"])) == ["drafts/a.md", "drafts/node_modules/f.md", "drafts/old/d.md"]
    assert names(discover(["drafts/*.txt"])) == ["drafts/b.txt"]
    assert names(discover(["drafts/*"])) == ["drafts/a.md", "drafts/b.txt", "drafts/c.markdown",
                                             "drafts/node_modules/f.md", "drafts/old/d.md"]  # not notes.json
    with pytest.raises(InputError, match=r"no drafts match drafts/\*.rst"):
        discover(["drafts/*.rst"])
    with pytest.raises(InputError, match=r"no drafts match drafts/\*.json"):
        discover(["drafts/*.json"])


def test_missing_path_and_empty_directory(tree):
    with pytest.raises(InputError, match="no such file or directory: nope.md"):
        discover(["nope.md"])
    (tree / "empty").mkdir()
    touch(tree / "empty" / "image.png")
    with pytest.raises(InputError, match="no drafts found in empty"):
        discover(["empty"])


@pytest.mark.parametrize("pattern, path, expected", [
    ("*.md", "a/b/c.md", True),
    ("archive", "drafts/archive/x.md", True),
    ("drafts/*.md", "drafts/x.md", True),
    ("drafts/*.md", "drafts/sub/x.md", False),
    ("drafts/**/*.md", "drafts/sub/deep/x.md", True),
    ("drafts/**/*.md", "drafts/x.md", True),
    ("/drafts/", "drafts/x.md", True),
    ("x[!a].md", "xb.md", True),
])
def test_matches(pattern, path, expected):
    assert matches(pattern, path) is expected


def git(cwd, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.test", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.test", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    git(tmp_path, "init", "-q", "-b", "main")
    touch(tmp_path / "drafts" / "kept.md")
    touch(tmp_path / "drafts" / "edited.md")
    touch(tmp_path / "drafts" / "gone.md")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_changed_since_in_a_real_repository(repo):
    assert discover(["drafts"], changed_since="HEAD") == []
    touch(repo / "drafts" / "edited.md", "A changed claim.\n")
    touch(repo / "drafts" / "new.md")  # untracked: new drafts count as changed
    (repo / "drafts" / "gone.md").unlink()
    git(repo, "add", "drafts/edited.md")
    git(repo, "commit", "-q", "-m", "edit")
    assert names(discover(["drafts"], changed_since="HEAD~1")) == ["drafts/edited.md", "drafts/new.md"]
    sub = repo / "drafts"
    os.chdir(sub)  # paths from git are relative to the top level, not the working directory
    assert names(discover(["."], changed_since="HEAD~1")) == ["edited.md", "new.md"]
    assert {p.name for p in changed_files("HEAD~1")} == {"edited.md", "new.md"}


def test_changed_since_bad_ref_and_not_a_repo(repo, tmp_path_factory):
    with pytest.raises(InputError, match="--changed-since nosuchref: not a commit"):
        discover(["drafts"], changed_since="nosuchref")
    elsewhere = tmp_path_factory.mktemp("plain")
    touch(elsewhere / "a.md")
    os.chdir(elsewhere)
    with pytest.raises(InputError, match="--changed-since HEAD: .*not a git repository"):
        discover(["a.md"], changed_since="HEAD")


def test_a_fifo_is_refused_when_named_and_skipped_when_searched(tree):
    # Reading a named pipe blocks until something writes to it: `scorer check` would hang for ever.
    os.mkfifo(tree / "drafts" / "pipe.md")
    with pytest.raises(InputError, match="drafts/pipe.md: not a regular file"):
        discover(["drafts/pipe.md"])
    assert "drafts/pipe.md" not in names(discover(["drafts"]))
    assert "drafts/pipe.md" not in names(discover(["drafts/*.md"]))


def test_a_path_that_cannot_be_examined_is_an_input_error(tree, monkeypatch):
    # What a directory without search permission does to stat() (tests run as root, so chmod would not).
    real_stat = Path.stat

    def stat(self, *args, **kwargs):
        if "locked" in self.parts:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    with pytest.raises(InputError, match="locked/a.md: cannot be read \\(Permission denied\\)"):
        discover(["locked/a.md"])


def test_changed_since_counts_a_renamed_draft_under_its_new_name(repo):
    git(repo, "mv", "drafts/kept.md", "drafts/moved.md")
    git(repo, "commit", "-q", "-m", "rename")
    assert names(discover(["drafts"], changed_since="HEAD~1")) == ["drafts/moved.md"]
    with pytest.raises(InputError, match="no such file or directory: drafts/kept.md"):
        discover(["drafts/kept.md"], changed_since="HEAD~1")
