"""The HTML report in a real headless browser: Debian's chromium, driven by Playwright.

`.ci/run` installs chromium when it is missing; these tests skip, saying why, only where there is no
browser to drive. The seed is scored offline against its recorded pages, so nothing here reaches a host.
Set SCORER_SCREENSHOT_DIR to keep the screenshots (the README's picture is made that way).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from report_factory import NumberCheck, Source, Verification, make_file, make_report
from scorer.fetch.replay import import_manifest
from scorer.pipeline import score_file, score_text
from scorer.report import get_reporter
from scorer.settings import CheckSettings, FetchSettings

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'")

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "drafts" / "kim-jong-un-seeks-friends.md"
MANIFEST = ROOT / "fixtures" / "pages" / "manifest.json"
CHROMIUM = os.environ.get("SCORER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no chromium browser at {CHROMIUM}: .ci/run installs Debian's (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    """The seed's report as HTML on disk, and the JSON report of the same run."""
    tmp = tmp_path_factory.mktemp("seed")
    fetch = FetchSettings(cache_dir=str(tmp / "cache"), offline=True)
    import_manifest(MANIFEST, fetch)
    report = make_report(score_file(SEED, CheckSettings(fetch=fetch)))
    path = tmp / "report.html"
    path.write_text(get_reporter("html").render(report), encoding="utf-8")
    return path, json.loads(get_reporter("json").render(report))


class Watched:
    """A page with every console error, uncaught exception, dialog and request it causes written down."""

    def __init__(self, browser, path: Path, width: int = 1280, height: int = 860) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.url = path.as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def dismiss(dialog):
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        self.page.on("dialog", dismiss)
        self.page.goto(self.url)

    def others(self) -> list[str]:
        return [url for url in self.requests if url.split("#")[0] != self.url]

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def open_page(browser):
    pages = []

    def opener(path: Path, **size) -> Watched:
        pages.append(Watched(browser, path, **size))
        return pages[-1]

    yield opener
    for page in pages:
        page.close()


def claims(doc: dict) -> list[dict]:
    return [c for c in doc["files"][0]["claims"] if c["check_worthy"]]


def is_visible(page, selector: str) -> bool:
    return page.locator(selector).is_visible()


def test_seed_report_opens_with_no_console_error_and_no_request(seed, open_page):
    path, doc = seed
    watched = open_page(path)
    page = watched.page
    for claim in claims(doc)[:5]:  # the script runs (its CSP hash is right) and still asks for nothing
        page.click(f"#f0-{claim['id']}")
        assert is_visible(page, f"#d-f0-{claim['id']}")
    page.click(".weakest a")
    assert watched.errors == [] and watched.dialogs == []
    assert watched.others() == []


def test_highlighted_claims_match_the_json_counts(seed, open_page):
    path, doc = seed
    page = open_page(path).page
    summary = doc["files"][0]["summary"]
    assert page.locator(".claim:visible").count() == summary["check_worthy"] == len(claims(doc))
    for strength in ("strong", "moderate", "weak", "none"):
        assert page.locator(f'.claim[data-strength="{strength}"]:visible').count() == summary[strength]
    shown = page.eval_on_selector_all(".claim", "els => els.map(e => e.id)")
    assert shown == [f"f0-{c['id']}" for c in claims(doc)]


def test_clicking_a_weak_claim_opens_its_panel_with_its_sources(seed, open_page):
    path, doc = seed
    page = open_page(path).page
    weak = [c for c in claims(doc) if c["strength"] == "weak" and len(c["sources"]) >= 2]
    first, second = weak[0], weak[1]
    assert not is_visible(page, f"#d-f0-{first['id']}")
    page.click(f"#f0-{first['id']}")
    detail = page.locator(f"#d-f0-{first['id']}")
    assert detail.is_visible()
    assert page.get_attribute(f"#f0-{first['id']}", "aria-expanded") == "true"
    text = detail.inner_text()
    for source in first["sources"]:
        assert source["name"] in text
    for finding in first["findings"]:
        assert finding["rule"] in text
    page.click(f"#f0-{second['id']}")
    assert not detail.is_visible() and is_visible(page, f"#d-f0-{second['id']}")


def test_tab_reaches_every_claim_and_enter_opens_it(seed, open_page):
    path, doc = seed
    page = open_page(path).page
    wanted = [f"f0-{c['id']}" for c in claims(doc)]
    focusable = page.locator("a[href], button, [tabindex='0']").count()  # hidden ones too: an upper bound
    reached = []
    for _ in range(focusable + 2):
        page.keyboard.press("Tab")
        here = page.evaluate("document.activeElement.id || document.activeElement.outerHTML.slice(0, 80)")
        if reached and here == reached[0]:
            break  # round once
        reached.append(here)
    assert [i for i in reached if i in wanted] == wanted  # every claim, once, in reading order
    target = wanted[len(wanted) // 2]
    page.focus(f"#{target}")
    page.keyboard.press("Enter")
    assert is_visible(page, f"#d-{target}")
    page.keyboard.press("Escape")
    assert not is_visible(page, f"#d-{target}")
    assert page.evaluate("document.activeElement.id") == target  # focus goes back to the claim


def test_script_injection_in_a_draft_or_a_page_runs_nothing(tmp_path, open_page):
    plain = ("Officials said <script>window.pwned = 1; alert(1)</script> the port reopened last week. "
             "A source said <img src=x onerror=\"window.pwned = 2\"> trade fell by a third.\n")
    markdown = "A source said trade fell, [per the notice](javascript:window.pwned=3) of the ministry.\n"
    files = [score_text(plain, path="hostile.txt", settings=CheckSettings(fetch=FetchSettings(enabled=False))),
             score_text(markdown, path="hostile.md", settings=CheckSettings(fetch=FetchSettings(enabled=False)))]
    evil = Source(name='<img src=y onerror="window.pwned=4">', kind="outlet", cue="<svg onload=alert(5)>",
                  url="javascript:window.pwned=6", domain="evil.test")
    ver = Verification(status="altered", url="javascript:window.pwned=7",
                       passage="<script>window.pwned=8</script> the port", quotes=(),
                       numbers=(NumberCheck("<b>1</b>", "<iframe src=z>", "different"),))
    sentence = "The port reopened <script>window.pwned=9</script> on Monday."
    files.append(make_file(sentence + "\n", [(sentence, dict(sources=[evil], verification=ver,
                                                            signals=['<img src=w onerror="alert(10)">']))],
                           path="hand.md"))
    path = tmp_path / "hostile.html"
    path.write_text(get_reporter("html").render(make_report(*files)), encoding="utf-8")
    watched = open_page(path)
    page = watched.page
    page.locator("article").get_by_text("per the notice").click()
    for claim in page.locator(".claim").all():  # the hand-made one last: its panel stays open
        claim.click()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert watched.dialogs == [] and watched.others() == []
    text = page.inner_text("body")
    assert "<script>window.pwned = 1; alert(1)</script>" in text and '<img src=y onerror="window.pwned=4">' in text
    assert page.locator("main script, aside script, main img, aside img, iframe").count() == 0


def test_phone_width_has_no_horizontal_scroll(seed, open_page):
    path, doc = seed
    page = open_page(path, width=390, height=844).page
    width = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    scroll, client = page.evaluate(width)
    assert client == 390 and scroll <= client
    long_url = next(c for c in claims(doc) if c["verification"] and c["verification"]["url"]
                    and c["verification"]["status"] == "altered")
    page.click(f"#f0-{long_url['id']}")
    assert is_visible(page, "#panel") and is_visible(page, f"#d-f0-{long_url['id']}")
    scroll, client = page.evaluate(width)
    assert scroll <= client
    assert page.evaluate("(p => p.scrollWidth <= p.clientWidth)(document.getElementById('panel'))")
    # the sheet does not hide the claim it describes
    claim_box = page.locator(f"#f0-{long_url['id']}").bounding_box()
    panel_box = page.locator("#panel").bounding_box()
    assert claim_box["y"] < panel_box["y"]


def test_screenshots_of_the_seed_report(seed, open_page, tmp_path):
    path, doc = seed
    out = Path(os.environ.get("SCORER_SCREENSHOT_DIR") or tmp_path)
    # a claim whose panel shows the most: altered verification, weak if there is one
    candidates = [c for c in claims(doc) if c["verification"] and c["verification"]["status"] == "altered"]
    weak = next((c for c in candidates if c["strength"] == "weak"), candidates[0])
    for name, size in (("html-report.png", dict(width=1280, height=1000)),
                       ("html-report-phone.png", dict(width=390, height=844))):
        page = open_page(path, **size).page
        page.click(f"#f0-{weak['id']}")
        page.evaluate(f"document.getElementById('f0-{weak['id']}').scrollIntoView({{block: 'center'}})")
        if size["width"] < 500:
            page.evaluate(f"window.scrollBy(0, document.getElementById('f0-{weak['id']}')"
                          ".getBoundingClientRect().top - 12)")
        page.screenshot(path=str(out / name))
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
