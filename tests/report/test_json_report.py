import json

from report_factory import make_file, make_report, sample_file, sample_report  # noqa: F401 (fixture)
from scorer.report import get_reporter
from scorer.rules import evaluate

CLAIM_KEYS = ["id", "line", "column", "end_line", "end_column", "text", "check_worthy", "strength", "confidence",
              "sources", "signals", "verification", "suppressed", "findings", "why"]
SUMMARY_KEYS = ["files", "claims", "check_worthy", "strong", "moderate", "weak", "none", "below_threshold", "passed"]


def render(report, **options):
    return json.loads(get_reporter("json", **options).render(report))


def test_contract_shape(sample_report):
    doc = render(sample_report)
    assert list(doc) == ["version", "threshold", "files", "summary"]
    assert doc["version"] == 1 and doc["threshold"] == 0.5
    assert list(doc["summary"]) == SUMMARY_KEYS
    (f,) = doc["files"]
    assert list(f) == ["path", "summary", "claims"]
    assert f["path"] == "drafts/story.md"
    assert list(f["summary"]) == SUMMARY_KEYS[1:]
    for claim in f["claims"]:
        assert list(claim) == CLAIM_KEYS
    texts = [c["text"] for c in f["claims"]]
    assert texts[0] == "Harbour figures" and texts[-1].startswith("Officials")  # every sentence, in order


def test_claim_values(sample_report):
    claims = render(sample_report)["files"][0]["claims"]
    heading, ledger, anon, opinion, quote = claims
    assert heading["check_worthy"] is False and heading["strength"] is None and heading["confidence"] is None
    assert ledger["confidence"] == 0.912  # rounded to 3 decimals
    assert ledger["line"] == 7 and ledger["column"] == 1  # front matter counts
    assert ledger["sources"] == [{"name": "Example Ledger", "kind": "outlet", "outlet": "ledger",
                                  "domain": "ledger.test", "url": "https://ledger.test/a",
                                  "cue": "[Example Ledger]", "via": None, "start": None, "end": None}]
    assert ledger["verification"] is None and ledger["findings"] == [] and ledger["suppressed"] is False
    assert [f["rule"] for f in anon["findings"]] == ["weak-sourcing", "anonymous-source"]
    assert anon["findings"][0] == {"rule": "weak-sourcing", "level": "error",
                                   "message": "sourcing confidence 0.2 is under the threshold 0.5 (strength: weak)"}
    assert quote["verification"] == {
        "status": "altered", "url": "https://ledger.test/a", "archived": False, "quote_score": 0.812,
        "passage": "confirmed it", "numbers": [{"claim": "4.2 million", "source": "4.6 million", "status": "different"}],
        "source_published": "2015-02-21", "corroborated_by": ["wire.test"], "reason": None}
    assert {f["rule"] for f in quote["findings"]} == {"misquote", "figure-mismatch", "source-after-draft"}


def test_summary_counts(sample_report):
    doc = render(sample_report)
    assert doc["summary"] == {"files": 1, "claims": 5, "check_worthy": 3, "strong": 1, "moderate": 1, "weak": 1,
                              "none": 0, "below_threshold": 1, "passed": False}
    assert doc["files"][0]["summary"]["passed"] is False


def test_findings_given_by_cli_win(sample_report):
    levels = {"weak-sourcing": "warning"}
    doc = render(sample_report, findings=evaluate(sample_report, levels), levels=levels)
    assert doc["summary"]["passed"] is True
    assert doc["summary"]["below_threshold"] == 1


def test_empty_report():
    doc = render(make_report())
    assert doc["files"] == [] and doc["summary"]["passed"] is True and doc["summary"]["files"] == 0


def test_non_ascii_kept():
    fr = make_file("Le port a traité 4,2 millions de tonnes — selon le Registre.\n",
                   [("Le port a traité 4,2 millions de tonnes — selon le Registre.", dict(confidence=0.9))])
    text = get_reporter("json").render(make_report(fr))
    assert "traité" in text and text.endswith("\n")
