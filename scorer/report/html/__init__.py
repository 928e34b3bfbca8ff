"""`--format html`: one self-contained page per run: each draft as written, its claims lit up by strength,
a panel with what each claim rests on and why it scored as it did.

Everything from a draft or a fetched page is untrusted: the Jinja2 template escapes every value
(autoescaping), links are made live only for http(s) and mailto, and a Content-Security-Policy meta tag
allows nothing but the page's own inline style and script, named by their SHA-256 hashes, so an
injected `<script>` or event handler would not run even if escaping failed. The page loads nothing
from any host. jinja2 is imported here only, and this module only when the html format is chosen.
"""

from __future__ import annotations

import base64
import hashlib
from importlib import resources

from scorer import __version__
from scorer.report.base import Reporter
from scorer.report.common import file_summary, findings_for, report_summary
from scorer.report.html.details import claim_view
from scorer.report.html.layout import layout
from scorer.types import STRENGTHS, Report

WEAKEST = 5  # claims under the threshold listed at the top of each draft's section
STRENGTH_TEXT = {  # the rubric's classes (fixtures/corpus/RUBRIC.md), in a line each
    "strong": "a named, on-the-record primary source",
    "moderate": "a named outlet or report that is itself second-hand",
    "weak": "only anonymous or vague sources, or heavily hedged",
    "none": "no attribution at all",
}


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _environment():
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, "templates"),
        autoescape=True,  # every value, whatever the template's name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["fixed"] = lambda value, digits=2: "—" if value is None else f"{value:.{digits}f}"
    return env, Markup


def _file_context(number: int, file_report, threshold: float, findings) -> dict:
    views = {}
    for result in file_report.results:
        if result.score.check_worthy:
            views[result.claim.index] = claim_view(result, f"f{number}-{result.claim.id}", file_report.path,
                                                   findings)
    # The claims that fail the bar, weakest first: a passing claim is nobody's first thing to fix.
    under = sorted((v for v in views.values()
                    if not v.suppressed and v.confidence is not None and v.confidence < threshold),
                   key=lambda v: (v.confidence, v.result.claim.index))
    return {
        "number": number,
        "path": file_report.path,
        "date": file_report.draft.date,
        "summary": file_summary(file_report, threshold, findings),
        "groups": layout(file_report),
        "views": views,
        "ordered_views": [views[i] for i in sorted(views)],
        "weakest": under[:WEAKEST],
        "more_under": max(len(under) - WEAKEST, 0),
        "warnings": list(file_report.warnings),
    }


class HtmlReporter(Reporter):
    def render(self, report: Report) -> str:
        findings = findings_for(report, self.options)
        env, markup = _environment()
        css, js = _asset("report.css"), _asset("report.js")
        files = [_file_context(n, fr, report.threshold, findings) for n, fr in enumerate(report.files)]
        total = report_summary(report, findings)
        csp = ("default-src 'none'; "
               f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
               "img-src data:; base-uri 'none'; form-action 'none'")
        page = env.get_template("report.html.j2").render(
            css=markup(css), js=markup(js), csp=csp, files=files, total=total, threshold=report.threshold,
            strengths=STRENGTHS, strength_text=STRENGTH_TEXT, version=__version__,
            errors=findings.count("error"), warnings=findings.count("warning"), notes=findings.count("note"),
        )
        return page.rstrip("\n") + "\n"
