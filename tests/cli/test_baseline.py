"""Baseline round trip: findings recorded today do not come back when their lines move."""

import json

import pytest

from cli_factory import make_file, make_report
from scorer.baseline import load_baseline, new_findings, write_baseline
from scorer.fileio import write_atomic
from scorer.errors import ConfigError
from scorer.rules import evaluate

OLD = "Exports fell by a third last year.\n\nA source said prices doubled.\n"
OLD_SPECS = [("Exports fell by a third last year.", dict(confidence=0.1)),
             ("A source said prices doubled.", dict(confidence=0.2))]


def test_round_trip_with_moved_lines(tmp_path):
    before = evaluate(make_report(make_file(OLD, OLD_SPECS)))
    path = tmp_path / "baseline.json"
    write_baseline(path, before)
    doc = json.loads(path.read_text())
    assert doc["version"] == 1 and len(doc["findings"]) == len(before)

    moved = ("# A new heading\n\nA brand new unsourced claim appeared.\n\nA source said  prices doubled.\n\n"
             "Exports fell by a third last year.\n")
    after = evaluate(make_report(make_file(moved, [
        ("A brand new unsourced claim appeared.", dict(confidence=0.1)),
        ("A source said  prices doubled.", dict(confidence=0.2)),
        ("Exports fell by a third last year.", dict(confidence=0.1)),
    ])))
    fresh = new_findings(after, load_baseline(path))
    assert {f.text for f in fresh} == {"A brand new unsourced claim appeared."}
    assert not new_findings(before, load_baseline(path)).items


def test_duplicate_sentence_counts(tmp_path):
    path = tmp_path / "b.json"
    write_baseline(path, evaluate(make_report(make_file("Same claim.\n", [("Same claim.", dict(confidence=0.1))]))))
    twice = make_file("Same claim.\n\nSame claim.\n", [("Same claim.", dict(confidence=0.1))] * 2)
    fresh = new_findings(evaluate(make_report(twice)), load_baseline(path))
    assert {f.claim_index for f in fresh} == {1}


@pytest.mark.parametrize("content, message", [
    (None, "baseline file not found"),
    ("{not json", "is not valid JSON"),
    ('{"version": 9, "findings": []}', "is not a scorer baseline"),
    ('{"version": 1, "findings": [{"rule": "x"}]}', "entry without a fingerprint"),
])
def test_bad_baseline(tmp_path, content, message):
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_baseline(path)


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out.sarif"
    target.write_text("old")
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.sarif"]
    plain = tmp_path / "plain"
    plain.write_text("x")
    assert target.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777  # not mkstemp's 0600


def test_write_atomic_through_a_symlink_keeps_the_link(tmp_path):
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "latest.sarif"
    real.write_text("old")
    link = tmp_path / "scorer.sarif"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text() == "new\n"


def test_write_atomic_to_a_pipe_writes_into_it(tmp_path):
    # `--output /dev/stdout` in a CI job running as root: renaming over it would replace the device node.
    import os
    import threading

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()), daemon=True)
    reader.start()
    write_atomic(fifo, "report\n")
    reader.join(5)
    assert got == ["report\n"]
    assert fifo.is_fifo()
