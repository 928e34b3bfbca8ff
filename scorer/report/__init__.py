"""Output formats: one module per format behind `Reporter`, registered by name below."""

from __future__ import annotations

import importlib

from scorer.report.base import Reporter

# name -> "module:Class"; imported only when chosen, so `check` loads one format.
FORMATS: dict[str, str] = {
    "table": "scorer.report.table:TableReporter",
    "line": "scorer.report.line:LineReporter",
    "json": "scorer.report.json:JsonReporter",
    "github": "scorer.report.github:GithubReporter",
    "sarif": "scorer.report.sarif:SarifReporter",
    "markdown": "scorer.report.markdown:MarkdownReporter",
    "html": "scorer.report.html:HtmlReporter",
}


def get_reporter(name: str, **options) -> Reporter:
    module_name, _, class_name = FORMATS[name].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls(**options)


__all__ = ["FORMATS", "Reporter", "get_reporter"]
