"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Columns count Unicode code points (as Claim columns do), declared with `columnKind`. URIs are
relative to the repository root (option `relpath` from the CLI) under the `%SRCROOT%` base.
`partialFingerprints` hash the rule and the normalised claim text, so an alert keeps its
identity when the paragraph moves.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from scorer import PROJECT_URL, __version__
from scorer.report.base import Reporter
from scorer.report.common import findings_for
from scorer.rules import RULES, resolve_levels
from scorer.types import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "scorerClaimText/v1"


def rule_descriptors(levels: dict[str, str]) -> list[dict]:
    out = []
    for rule in RULES.values():
        level = levels.get(rule.id, rule.level)
        out.append({
            "id": rule.id,
            "name": "".join(part.capitalize() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.short},
            "fullDescription": {"text": rule.full},
            "help": {"text": rule.help},
            "defaultConfiguration": {"level": "none" if level == "off" else level,
                                     "enabled": level != "off"},
        })
    return out


def artifact_uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/")


class SarifReporter(Reporter):
    def render(self, report: Report) -> str:
        findings = findings_for(report, self.options)
        levels = resolve_levels(self.options.get("levels"))
        relative = self.options.get("relpath") or (lambda p: p)
        rule_index = {rule_id: i for i, rule_id in enumerate(RULES)}
        results = []
        for f in findings:
            if f.level == "off":
                continue
            results.append({
                "ruleId": f.rule,
                "ruleIndex": rule_index[f.rule],
                "level": f.level,
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(relative(f.path)), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               # Claim end columns are inclusive; SARIF's endColumn is the one after.
                               "endLine": f.end_line, "endColumn": f.end_column + 1,
                               "snippet": {"text": f.text}},
                }}],
                "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
            })
        notifications = [
            {"level": "warning", "message": {"text": warning},
             "locations": [{"physicalLocation": {"artifactLocation": {
                 "uri": artifact_uri(relative(fr.path)), "uriBaseId": "%SRCROOT%"}}}]}
            for fr in report.files for warning in fr.warnings
        ]
        run = {
            "tool": {"driver": {
                "name": "scorer",
                "version": __version__,
                "informationUri": PROJECT_URL,
                "rules": rule_descriptors(levels),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
            "properties": {"threshold": report.threshold},
        }
        root_uri = self.options.get("root_uri")
        if root_uri:
            run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": root_uri}}
        document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        # Compact: machines read SARIF, and without `indent` json uses its C encoder (10x faster on big runs).
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
