"""From attributions to checked sources: which pages each claim rests on, fetched once, then verified.

1. A claim's pages are the links on it, on its quoted block's tag, or on the report a back-reference
   ("the report") names.
2. A quoted block tagged with an outlet but no link is looked up with the outlet's own search.
3. A claim with quotes or figures that its own pages do not bear out is cross-checked against the
   other outlets the draft cites, through their search: a figure that differs there is a finding.
Fetching goes through `scorer.fetch`, which never raises for a failed page: a claim whose page failed
is "unfetched" with the reason, and the run goes on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scorer.settings import FetchSettings
from scorer.types import Article, Attribution, Claim, Draft, Verification

_MAX_CROSS_CHECKS = 12  # searches per run; each costs a request per outlet
_STOP = frozenset("a an the of to in on and or for with by from at as is are was were that this it its".split())
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class _Search:
    """A page to find through an outlet's own search, for a claim whose source has no link."""

    outlet: str
    phrase: str


def verify_all(items: Sequence[tuple[Draft, tuple[Claim, ...], tuple[Attribution, ...]]],
               settings: FetchSettings, *, progress: bool = False,
               notes: list[list[str]] | None = None) -> list[dict[int, Verification]]:
    """Verifications per draft; `notes`, when given, receives per draft what the run left undone (a cap)."""
    from scorer.fetch import FetchSession

    plans = [_plan(draft, claims, atts) for draft, claims, atts in items]
    caps = _Caps(settings)
    plans = [caps.apply(plan) for plan in plans]
    if notes is not None:
        notes[:] = caps.notes
    dates = [draft.date for draft, _, _ in items if draft.date]
    # one session for the whole run: its pages and its searches share one cache and one polite client;
    # a dead link is looked up in the archive nearest the earliest draft's date
    with FetchSession(settings, draft_date=min(dates) if dates else None) as session:
        return _verify(items, plans, session, progress)


@dataclass(frozen=True)
class _Skipped:
    """A page left unfetched by a cap: the claim says so instead of waiting on 20,000 links."""

    ref: str | _Search
    why: str


class _Caps:
    """At most max_pages_per_draft pages and searches per draft, max_pages_per_run in all (first come first
    served, in the draft's order); what is over is stated in the output, per claim and per draft."""

    def __init__(self, settings: FetchSettings):
        self.per_draft = settings.max_pages_per_draft
        self.per_run = settings.max_pages_per_run
        self.taken: set = set()
        self.notes: list[list[str]] = []

    def apply(self, plan: dict[int, list]) -> dict[int, list]:
        mine: set = set()
        skipped_draft = skipped_run = 0
        out: dict[int, list] = {}
        for index, refs in plan.items():
            kept: list = []
            for ref in refs:
                if ref in mine:
                    kept.append(ref)
                elif len(mine) >= self.per_draft:
                    skipped_draft += 1
                    kept.append(_Skipped(ref, f"the draft cites more than {self.per_draft} pages "
                                              "(fetch.max_pages_per_draft)"))
                elif ref not in self.taken and len(self.taken) >= self.per_run:
                    skipped_run += 1
                    kept.append(_Skipped(ref, f"the run cites more than {self.per_run} pages "
                                              "(fetch.max_pages_per_run)"))
                else:
                    mine.add(ref)
                    self.taken.add(ref)
                    kept.append(ref)
            out[index] = kept
        notes = []
        if skipped_draft:
            notes.append(f"fetch cap reached: {skipped_draft} page reference(s) beyond the first {self.per_draft} "
                         "of this draft were not fetched (raise fetch.max_pages_per_draft)")
        if skipped_run:
            notes.append(f"fetch cap reached: {skipped_run} page reference(s) beyond the run's first {self.per_run} "
                         "were not fetched (raise fetch.max_pages_per_run)")
        self.notes.append(notes)
        return out


def _verify(items, plans, session, progress: bool) -> list[dict[int, Verification]]:
    from scorer.fetch.sites import ADAPTERS
    from scorer.verify import verify_claim

    searchable = {key for key, adapter in ADAPTERS.items() if adapter.supports_search}
    urls = [r for plan in plans for refs in plan.values() for r in refs if isinstance(r, str)]
    articles: dict[str, Article] = session.fetch_all(urls, progress=progress) if urls else {}
    searched: dict[_Search, Article] = {}

    def lookup(ref: str | _Search | _Skipped) -> Article:
        if isinstance(ref, _Skipped):
            url = ref.ref if isinstance(ref.ref, str) else ""
            return Article(url=url, status="skipped", message=f"not fetched: {ref.why}")
        if isinstance(ref, str):
            return articles.get(ref) or Article(url=ref, status="error", message="not fetched")
        if ref not in searched:
            searched[ref] = session.find(ref.outlet, ref.phrase)
        return searched[ref]

    out: list[dict[int, Verification]] = []
    cross_checks = 0
    for (draft, claims, atts), plan in zip(items, plans):
        cited = list(dict.fromkeys(s.outlet for a in atts for s in a.sources if s.outlet in searchable))
        verified: dict[int, Verification] = {}
        for claim in claims:
            att = atts[claim.index]
            refs = plan.get(claim.index, [])
            if not refs:
                continue
            found = [lookup(r) for r in refs]
            v = verify_claim(claim, att, found, draft.date)
            # The budget goes to claims that can be searched for, not to drafts citing no searchable outlet.
            phrase = search_phrase(att, claim) if cited and _worth_cross_checking(claim, att, v) else ""
            if phrase and cross_checks < _MAX_CROSS_CHECKS:
                cross_checks += 1
                extra = [lookup(_Search(o, phrase)) for o in cited]
                extra = [a for a in extra if a.ok and a.url not in {f.url for f in found}]
                if extra:
                    v2 = verify_claim(claim, att, found + extra, draft.date)
                    if v2.numbers or v2.status in ("verified", "altered"):
                        v = v2
            verified[claim.index] = v
        out.append(verified)
    return out


def _plan(draft: Draft, claims: tuple[Claim, ...],
          atts: tuple[Attribution, ...]) -> dict[int, list[str | _Search]]:
    """claim index -> the pages (URLs, or outlet searches) it should be checked against."""
    plan: dict[int, list[str | _Search]] = {}
    # One search per tagged quote, from its first sentence with words to search for ("[….]" has none).
    block_phrase: dict[int, str] = {}
    for claim in claims:
        if claim.quote_id is not None and claim.quote_id not in block_phrase:
            phrase = search_phrase(atts[claim.index], claim)
            if phrase:
                block_phrase[claim.quote_id] = phrase
    for claim in claims:
        att = atts[claim.index]
        refs: list[str | _Search] = [s.url for s in att.sources if s.url]
        if not refs and claim.quote_id in block_phrase:
            tag = next((s for s in att.sources if s.cue.startswith("[") and s.outlet), None)
            if tag is not None:
                refs = [_Search(tag.outlet, block_phrase[claim.quote_id])]
        if refs and (att.quotes or claim.quote_id is not None or _NUMBER.search(claim.text)):
            plan[claim.index] = list(dict.fromkeys(refs))
    return plan


def _worth_cross_checking(claim: Claim, att: Attribution, v: Verification) -> bool:
    return v.status in ("not_found", "unfetched", "partial_source") and bool(att.quotes) and bool(_NUMBER.search(claim.text))


def search_phrase(att: Attribution, claim: Claim, words: int = 6) -> str:
    """A distinctive run of words to search for: the start of the longest quote, else of the sentence."""
    from scorer.verify.text import ELLIPSIS, strip_source_tag

    # A source tag or an ellipsis marker is the draft's markup, not the outlet's words.
    text = max(att.quotes, key=len) if att.quotes else strip_source_tag(claim.text)
    text = ELLIPSIS.sub(" ", text)
    text = text.replace("’", "'").replace("‘", "'").replace("“", "").replace("”", "").replace('"', "")
    tokens = [t for t in re.findall(r"[\w'$.%-]+", text) if re.search(r"[^\W_]", t)]  # "." or "-" is no word
    while tokens and tokens[0].lower() in _STOP:
        tokens.pop(0)
    return " ".join(tokens[:words])
