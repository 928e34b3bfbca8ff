"""Rules: stable ids, default levels, per-rule levels, and the finding each result yields."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "report"))

from report_factory import ANON, OUTLET, NumberCheck, Verification, make_file, make_report  # noqa: E402
from scorer.rules import ALL_RULES, RULES, evaluate, evaluate_file, fingerprint, normalise  # noqa: E402
from scorer.types import Source  # noqa: E402

TEXT = "Exports fell by a third last year.\n"
SENTENCE = TEXT.strip()


def rules_of(**kw):
    fr = make_file(TEXT, [(SENTENCE, kw)])
    return [f.rule for f in evaluate_file(fr, 0.5)]


def test_rule_ids_are_stable_and_levels_default():
    assert list(RULES) == ["weak-sourcing", "unsourced-claim", "anonymous-source", "misquote", "figure-mismatch",
                           "dead-link", "source-after-draft"]
    assert RULES["weak-sourcing"].level == "error"
    assert all(r.level == "warning" for r in RULES.values() if r.id != "weak-sourcing")


def test_weak_and_unsourced():
    assert rules_of(confidence=0.2) == ["weak-sourcing", "unsourced-claim"]
    assert rules_of(confidence=0.5, strength="moderate", sources=[OUTLET]) == []  # at the threshold passes


def test_not_check_worthy_has_no_sourcing_findings():
    assert rules_of(check_worthy=False, sources=[ANON]) == []


def test_anonymous_and_vague():
    vague = Source(name="reports", kind="vague", cue="reports suggest")
    fr = make_file(TEXT, [(SENTENCE, dict(confidence=0.9, sources=[ANON, vague]))])
    (finding,) = evaluate_file(fr, 0.5)
    assert finding.rule == "anonymous-source"
    assert finding.message == 'rests on anonymous source "a source in the capital", vague source "reports suggest"'


def test_verification_rules():
    def with_ver(**kw):
        return rules_of(confidence=0.9, sources=[OUTLET], verification=Verification(**kw))

    assert with_ver(status="altered") == ["misquote"]
    from scorer.types import QuoteCheck

    altered = Verification(status="altered", url="https://ledger.test/a",
                           quotes=(QuoteCheck("we will act now", "altered", 90.0, "we will act soon", ("now → soon",)),))
    (finding,) = evaluate_file(make_file(TEXT, [(SENTENCE, dict(confidence=0.9, sources=[OUTLET],
                                                                verification=altered))]), 0.5)
    assert finding.message == "quote altered from the source in https://ledger.test/a (now → soon)"
    assert with_ver(status="not_found") == ["misquote"]
    assert with_ver(status="verified") == []
    assert with_ver(status="partial_source") == []  # a truncated copy is not a misquote
    assert with_ver(status="verified", numbers=(NumberCheck("2.4 percent", "2.79 percent", "different"),
                                                 NumberCheck("2014", "2014", "same"))) == ["figure-mismatch"]
    assert with_ver(status="unfetched", reason="http_404: Not Found", source_status="http_404") == ["dead-link"]
    assert with_ver(status="unfetched", source_status="http_410") == ["dead-link"]
    assert with_ver(status="unfetched", reason="timeout", source_status="timeout") == []
    assert with_ver(status="verified", archived=True) == ["dead-link"]
    assert with_ver(status="unfetched", reason="timeout") == []  # a run never fails because a source did
    assert with_ver(status="verified", published_after_draft=True, source_published="2016-01-01") == [
        "source-after-draft"]


def test_levels_and_off():
    fr = make_file(TEXT, [(SENTENCE, dict(confidence=0.2))])
    findings = evaluate_file(fr, 0.5, {"weak-sourcing": "warning", "unsourced-claim": "off"})
    assert [(f.rule, f.level) for f in findings] == [("weak-sourcing", "warning")]


def test_suppressed_and_disabled():
    fr = make_file(TEXT, [(SENTENCE, dict(confidence=0.2))])
    assert evaluate_file(fr, 0.5, disabled={0: ALL_RULES}) == ()
    assert [f.rule for f in evaluate_file(fr, 0.5, disabled={0: frozenset({"weak-sourcing"})})] == ["unsourced-claim"]


def test_failed_only_on_error_level():
    report = make_report(make_file(TEXT, [(SENTENCE, dict(confidence=0.2))]))
    assert evaluate(report).failed
    assert not evaluate(report, {"weak-sourcing": "warning"}).failed


def test_fingerprint_ignores_layout_case_and_quote_style():
    a = fingerprint("misquote", "He said “it is  done”\nyesterday.")
    b = fingerprint("misquote", 'he said "it is done" yesterday.')
    assert a == b
    assert fingerprint("weak-sourcing", "x") != fingerprint("misquote", "x")
    assert fingerprint("misquote", "He said it is done.") != fingerprint("misquote", "He said it is not done.")
    assert normalise("  A\u00a0B — c ") == "a b - c"


def test_weak_message_never_shows_the_threshold_itself():
    fr = make_file(TEXT, [(SENTENCE, dict(confidence=0.49996, sources=[OUTLET]))])
    (finding,) = evaluate_file(fr, 0.5)
    assert finding.message == "sourcing confidence 0.49996 is under the threshold 0.5 (strength: weak)"
