"""Every input kind reads to the same articles, and every bad row is counted with its id and reason.

These runs use the in-process engine: what is tested is reading and validation, not Dask.
"""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from batch_archive import BAD_JSONL, write_csv, write_jsonl, write_parquet
from scorer.batch import run_batch
from scorer.errors import InputError, ScorerError


def read_errors(out) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


def claims(out) -> pa.Table:
    table = pq.read_table(out / "claims").sort_by([("row", "ascending"), ("claim_index", "ascending")])
    return table.drop_columns(["row"])  # rows are numbered per input: the bad JSON Lines rows shift them


def test_bad_rows_are_counted_and_named_and_the_batch_goes_on(tmp_path):
    archive = write_jsonl(tmp_path / "archive.jsonl", 20, bad=True)
    summary = run_batch(archive, tmp_path / "out", partition_size=6)

    total = 20 + len(BAD_JSONL)
    assert (summary.rows, summary.scored, summary.errors) == (total, 20, len(BAD_JSONL))
    errors = read_errors(tmp_path / "out")
    assert sorted((e["id"] or "") for e in errors) == sorted((i or "") for _line, i in BAD_JSONL)
    reasons = {e["id"]: e["error"] for e in errors}
    assert reasons["bad-empty"] == "empty text"
    assert reasons["bad-type"] == "markdown must be a string, not an integer"
    assert reasons["bad-utf8"] == "text: invalid UTF-8"
    assert reasons["bad-date"].startswith("date must be an ISO date")
    assert reasons["bad-json"].startswith("not valid JSON")
    # input rows = scored + errors, each row once: none dropped, none twice
    articles = pq.read_table(tmp_path / "out" / "articles.parquet")
    seen = sorted(articles.column("row").to_pylist() + [e["row"] for e in errors])
    assert seen == list(range(total))
    lines = archive.read_bytes().splitlines()
    assert all(lines[e["line"] - 1].startswith(b"{") or lines[e["line"] - 1].startswith(b"[") for e in errors)


def test_jsonl_csv_and_parquet_give_the_same_claims(tmp_path):
    outs = {}
    for name, write in (("jsonl", write_jsonl), ("csv", write_csv), ("parquet", write_parquet)):
        source = write(tmp_path / f"archive.{name}", 9)
        run_batch(source, tmp_path / name, partition_size=4)
        outs[name] = claims(tmp_path / name)
    assert outs["jsonl"].num_rows > 50
    assert outs["csv"].equals(outs["jsonl"])
    assert outs["parquet"].equals(outs["jsonl"])
    first = outs["jsonl"].slice(0, 1).to_pylist()[0]
    assert first["article_id"] == "art-000000" and first["outlet"] and first["section"] == "desk-a"


def test_claim_rows_carry_the_json_contract_fields(tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", 3)
    run_batch(source, tmp_path / "out")
    rows = claims(tmp_path / "out").to_pylist()
    anonymous = [r for r in rows if r["anonymous_source"]]
    assert anonymous, "the corpus has anonymous sources"
    assert all(r["check_worthy"] and any(s["kind"] in ("anonymous", "vague") for s in r["sources"])
               for r in anonymous)
    assert any(f["rule"] == "anonymous-source" for r in anonymous for f in r["findings"])
    worthy = [r for r in rows if r["check_worthy"]]
    assert {r["strength"] for r in worthy} <= {"strong", "moderate", "weak", "none"}
    assert all(0.0 <= r["confidence"] <= 1.0 for r in worthy)
    # fetching is off in batch unless asked: no verification at all
    assert {r["verification_status"] for r in rows} == {None}


def test_a_folder_of_drafts_reads_like_check_does(tmp_path):
    drafts = tmp_path / "drafts"
    (drafts / "2015").mkdir(parents=True)
    (drafts / "2015" / "one.md").write_text("---\ndate: 2015-02-17\nsection: world\n---\n"
                                           "Officials said the border was closed, a source told the paper.\n")
    (drafts / "two.txt").write_text("The ministry said prices rose 4 percent, according to Reuters.\n")
    (drafts / "empty.md").write_text("  \n")
    (drafts / "binary.md").write_bytes(b"\x00\x01\x02 not a draft")
    (drafts / ".hidden").mkdir()
    (drafts / ".hidden" / "skip.md").write_text("Not part of the archive, officials said.\n")
    (drafts / "notes.json").write_text("{}")

    summary = run_batch(drafts, tmp_path / "out")
    assert (summary.rows, summary.scored, summary.errors) == (4, 2, 2)
    articles = {r["article_id"]: r for r in pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()}
    assert set(articles) == {"2015/one.md", "two.txt"}
    assert articles["2015/one.md"]["date"] == "2015-02-17" and articles["2015/one.md"]["year"] == 2015
    assert articles["2015/one.md"]["section"] == "world"
    assert articles["two.txt"]["format"] == "text"
    assert {e["id"]: e["error"] for e in read_errors(tmp_path / "out")} == {
        "binary.md": "looks like a binary file, not a draft", "empty.md": "empty text"}


def test_csv_row_with_the_wrong_field_count_is_an_error(tmp_path):
    source = tmp_path / "a.csv"
    source.write_text('id,text,outlet\n1,"Officials said so, a source added.",X\n2,"Too many",X,extra\n'
                      '3,"The minister said it, in a statement.",Y\n', encoding="utf-8")
    summary = run_batch(source, tmp_path / "out")
    assert (summary.rows, summary.scored, summary.errors) == (3, 2, 1)
    assert read_errors(tmp_path / "out") == [
        {"row": 1, "line": 3, "id": "2", "error": "has 4 fields where the header has 3"}]


def test_parquet_bytes_that_are_not_utf8_fail_their_row_only(tmp_path):
    source = tmp_path / "a.parquet"
    pq.write_table(pa.table({"id": pa.array([1, 2], pa.int64()),
                             "text": pa.array([b"The minister said so.", b"caf\xe9 said a source"], pa.binary())}),
                   source)
    summary = run_batch(source, tmp_path / "out")
    assert (summary.scored, summary.errors) == (1, 1)
    assert read_errors(tmp_path / "out") == [{"row": 1, "line": None, "id": "2", "error": "text: invalid UTF-8"}]


@pytest.mark.parametrize("content, message", [
    ("name,body\nx,y\n", "needs an 'id' column and a 'text' or 'markdown' column"),
    ("", "empty CSV file"),
])
def test_a_csv_without_the_columns_is_refused_whole(tmp_path, content, message):
    source = tmp_path / "a.csv"
    source.write_text(content)
    with pytest.raises(InputError, match=message):
        run_batch(source, tmp_path / "out")


def test_output_that_is_not_a_batch_is_never_overwritten(tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", 2)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "thesis.docx").write_text("precious")
    with pytest.raises(ScorerError, match="holds no scorer batch"):
        run_batch(source, tmp_path / "out", force=True)
    assert (tmp_path / "out" / "thesis.docx").read_text() == "precious"
