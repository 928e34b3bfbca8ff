"""Every suppression form, as a writer would type it in a draft."""

from cli_factory import make_file, make_report
from scorer import suppress
from scorer.rules import ALL_RULES, evaluate

WEAK = dict(confidence=0.1)


def run(text, sentences, fmt="markdown"):
    fr = make_file(text, [(s, WEAK) for s in sentences], fmt=fmt)
    fr, disabled, warnings = suppress.apply(fr)
    findings = evaluate(make_report(fr), disabled={fr.path: disabled})
    flagged = sorted({f.claim_index for f in findings if f.rule == "weak-sourcing"})
    return fr, flagged, disabled, warnings


def test_ignore_on_own_line_covers_next_paragraph():
    text = ("First claim here.\n\n<!-- scorer: ignore -->\nSecond claim here. Third claim here.\n\n"
            "Fourth claim here.\n")
    fr, flagged, _, _ = run(text, ["First claim here.", "Second claim here.", "Third claim here.",
                                   "Fourth claim here."])
    assert flagged == [0, 3]
    assert [r.suppressed for r in fr.results] == [False, True, True, False]


def test_ignore_inline_covers_next_sentence_only():
    text = "First claim here. <!-- scorer: ignore --> Second claim here. Third claim here.\n"
    fr, flagged, _, _ = run(text, ["First claim here.", "Second claim here.", "Third claim here."])
    assert flagged == [0, 2]


def test_ignore_next_line():
    text = "Line one claim.\n<!-- scorer: ignore-next-line -->\nLine three claim.\nLine four claim.\n"
    _, flagged, _, _ = run(text, ["Line one claim.", "Line three claim.", "Line four claim."])
    assert flagged == [0, 2]


def test_disable_enable_region_and_to_end_of_file():
    text = ("Before claim.\n\n<!-- scorer: disable -->\n\nInside claim.\n\n<!-- scorer: enable -->\n\n"
            "After claim.\n\n<!-- scorer: disable -->\n\nTail claim.\n")
    fr, flagged, _, _ = run(text, ["Before claim.", "Inside claim.", "After claim.", "Tail claim."])
    assert flagged == [0, 2]
    assert [r.suppressed for r in fr.results] == [False, True, False, True]


def test_disable_named_rules_only():
    text = "<!-- scorer: disable weak-sourcing -->\nA claim here.\n<!-- scorer: enable weak-sourcing -->\nLater one.\n"
    fr, flagged, disabled, _ = run(text, ["A claim here.", "Later one."])
    assert flagged == [1]
    assert disabled[0] == frozenset({"weak-sourcing"})
    assert not fr.results[0].suppressed  # other rules still apply: unsourced-claim is reported
    findings = evaluate(make_report(fr), disabled={fr.path: disabled})
    assert [f.rule for f in findings.for_claim(fr.path, 0)] == ["unsourced-claim"]


def test_ignore_with_rules_and_comma_list():
    text = "<!-- scorer: ignore weak-sourcing, unsourced-claim -->\nA claim here.\n"
    fr, flagged, disabled, _ = run(text, ["A claim here."])
    assert disabled[0] == frozenset({"weak-sourcing", "unsourced-claim"})
    assert flagged == [] and not fr.results[0].suppressed


def test_enable_one_rule_inside_disable_all():
    text = "<!-- scorer: disable -->\n<!-- scorer: enable weak-sourcing -->\nA claim here.\n"
    _, flagged, disabled, _ = run(text, ["A claim here."])
    assert flagged == [0] and "unsourced-claim" in disabled[0]


def test_unknown_rule_warns_and_does_not_silence_everything():
    text = "<!-- scorer: ignore weak-source -->\nA claim here.\n"
    fr, flagged, _, warnings = run(text, ["A claim here."])
    assert flagged == [0]
    assert warnings and "unknown rule weak-source" in warnings[0] and ":1:" in warnings[0]


def test_directives_in_fenced_code_are_examples():
    text = "```\n<!-- scorer: disable -->\n```\n\nA claim here.\n"
    _, flagged, _, _ = run(text, ["A claim here."])
    assert flagged == [0]


def test_spacing_and_case_tolerated_and_text_drafts():
    text = "<!--scorer:IGNORE-->\nA claim here.\n\nAnother claim.\n"
    _, flagged, _, _ = run(text, ["A claim here.", "Another claim."], fmt="text")
    assert flagged == [1]


def test_suppressed_claim_in_json_and_run_passes():
    import json

    from scorer.report import get_reporter

    text = "<!-- scorer: ignore -->\nA claim here.\n"
    fr, _, disabled, _ = run(text, ["A claim here."])
    report = make_report(fr)
    findings = evaluate(report, disabled={fr.path: disabled})
    doc = json.loads(get_reporter("json", findings=findings).render(report))
    claim = doc["files"][0]["claims"][0]
    assert claim["suppressed"] is True and claim["findings"] == []
    assert doc["summary"]["passed"] is True and doc["summary"]["below_threshold"] == 0
    assert disabled[0] == ALL_RULES


def test_ignore_on_its_own_line_inside_a_blockquote_or_list_item_covers_the_paragraph():
    # "> <!-- scorer: ignore -->" is the comment alone on its line, as far as the writer can tell.
    text = ("Intro claim.\n\n> <!-- scorer: ignore -->\n> First quoted claim.\n> Second quoted claim.\n\n"
            "- <!-- scorer: ignore -->\n  First item claim. Second item claim.\n\nAfter claim.\n")
    fr, flagged, _, _ = run(text, ["Intro claim.", "First quoted claim.", "Second quoted claim.",
                                   "First item claim.", "Second item claim.", "After claim."])
    assert flagged == [0, 5]
