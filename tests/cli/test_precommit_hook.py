"""The pre-commit hook, run for real with `pre-commit try-repo` on a temporary repository of drafts."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "drafts" / "kim-jong-un-seeks-friends.md"


def _pre_commit() -> list[str] | None:
    exe = Path(sys.executable).with_name("pre-commit")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pre-commit")
    return [found] if found else None


pytestmark = pytest.mark.skipif(_pre_commit() is None, reason="pre-commit is not installed (pip install pre-commit)")


def test_hook_definition():
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "scorer" and hook["language"] == "python" and hook["entry"] == "scorer check"
    assert set(hook["types_or"]) == {"markdown", "text"}


def test_try_repo_on_a_temporary_repository(tmp_path):
    repo = tmp_path / "newsroom"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.test", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.test",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "SCORER_NO_FETCH": "1"}  # a hook run in a test must not reach an outlet
    env.pop("SCORER_CONFIG", None)
    # try-repo installs what a repository has committed: snapshot the working tree (new files included)
    # so the hook under test is the code under test, whatever state the checkout is in
    project = tmp_path / "scorer-snapshot"
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            env=env, check=True, capture_output=True, text=True).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, project / name, follow_symlinks=False)
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "snapshot"]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)
    shutil.copy(SEED, repo / "story.md")
    (repo / "empty.md").write_text("")
    (repo / "code.py").write_text("print('not a draft')\n")
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "drafts"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    def try_repo(*files):
        return subprocess.run([*_pre_commit(), "try-repo", str(project), "scorer", "--verbose", "--files", *files],
                              cwd=repo, env=env, capture_output=True, text=True, timeout=540)

    passed = try_repo("empty.md", "code.py")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout

    failed = try_repo("story.md")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout and "weak-sourcing" in failed.stdout
    assert "Traceback" not in failed.stdout + failed.stderr
