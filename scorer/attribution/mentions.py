"""A sentence's own source mentions: the tagger's spans plus the rules that are plainly right (a quoted
block's closing tag, a dateline's outlet, links), each turned into a typed `Source` with its offsets.

What a pronoun or "the report" refers to is decided later (`resolve.py`): it needs the sentences before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scorer.attribution import cues, lexicon
from scorer.attribution.tokens import tokenize
from scorer.draft.blocks import trailing_tag
from scorer.outlets import registrable_domain
from scorer.quoting import mask_quotes, quote_spans, quoted_spans
from scorer.types import Block, Claim, Source

# "SEOUL (Reuters) —", "Lahore [Pakistan], May 7 (ANI):", "(AP) —": the outlet a dateline names
DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z./ ,\[\]-]{1,60}?(?:,\s*\w+\.?\s+\d{1,2})?\s*)?\((?P<name>[A-Z][\w .&-]{0,30}?)\)\s*(?::|-|–|—|--)"
)
VIA = re.compile(r",?\s+via\s+")
_PERSON_PRONOUNS = frozenset("he she him her his hers i me my we us our they them their".split())
_THING_PRONOUNS = frozenset("it its".split())
_FIRST_PERSON = frozenset("i me my we us our".split())
_DETERMINERS = frozenset("the this that these those its their his her same".split())
_BACK_HEADS = frozenset(
    "report reports study survey analysis statement release article story document paper findings".split()
)
_HEARSAY = frozenset("reportedly allegedly purportedly supposedly rumoredly reputedly".split())
# "X did not respond", "X declined to comment", "X did not say whether": X does not source the claim
_NON_RESPONSE = re.compile(
    r"^(?:\s*,[^,]{0,80},)?\s+(?:also\s+|has\s+|have\s+|had\s+)?(?:did\s+not|didn[’']t|does\s+not|doesn[’']t|do\s+not"
    r"|would\s+not|wouldn[’']t|could\s+not|couldn[’']t|was\s+not|were\s+not|has\s+not|have\s+not|had\s+not|declined|refused"
    r"|failed|was\s+unable|were\s+unable)\b(?:\s+to)?(?:\s+(?:immediately|independently|yet|publicly|further))?"
    r"\s+(?:respond|comment|reply|return|confirm|verify|say|answer|elaborate|disclose|provide|be\s+reached"
    r"|immediately|specify|identify|address)",
    re.I,
)
# "has not been confirmed by X", "could not be verified by X"
_NOT_CONFIRMED_BY = re.compile(
    r"\b(?:not|never)\s+(?:been\s+|be\s+)?(?:independently\s+)?(?:confirmed|verified|corroborated)\s+(?:by|with)\s+$",
    re.I,
)
# the claim itself is flagged as not confirmed
UNVERIFIED = re.compile(
    r"\b(?:could|can|cannot|has|have|had|was|were|is|are)\s*(?:not|n[’']t)\s+(?:be(?:en)?\s+)?(?:independently\s+)?"
    r"(?:verified|confirmed|verify|confirm|corroborated)\b|\bunable\s+to\s+(?:independently\s+)?(?:verify|confirm)"
    r"|\bunconfirmed\b|\bnot\s+(?:been\s+)?independently\s+(?:verified|confirmed)",
    re.I,
)
# "told Radio Free Asia", "said in an interview with Yonhap": the outlet received the words
_RECIPIENT = re.compile(r"\b(?:told|(?:reported|said|spoke|speaking|talked|wrote|explained)\s+to|interview\s+with)\s+(?:the\s+)?$",
                        re.I)
_UNVERIFIED_WORDS = frozenset("verified confirmed verify confirm corroborated unconfirmed".split())


@dataclass
class Mention:
    """A source mention in the sentence, before resolution."""

    source: Source
    ref: str | None = None  # "person" / "thing" (a pronoun), "body" (the ministry), "report" (the report), "author"
    surface: str = ""


@dataclass
class Own:
    mentions: list[Mention] = field(default_factory=list)
    links: list[Source] = field(default_factory=list)
    declined: list[Source] = field(default_factory=list)  # mentions that do not source the claim
    unconfirmed: bool = False
    hedges: list[str] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)
    quotes: tuple[str, ...] = ()
    tag_span: tuple[int, int] | None = None  # the closing tag's name in this sentence


def outlet_source(outlet, cue: str, **extra) -> Source:
    """A source the registry knows: a news outlet, or an organisation (NGO, agency) speaking for itself."""
    fields = {"domain": outlet.domains[0] if outlet.domains else None, **extra}
    return Source(outlet.name, "outlet" if outlet.is_news else "organization", cue, outlet=outlet.key,
                  reliability=outlet.reliability, outlet_kind=outlet.kind, **fields)


def own_mentions(claim: Claim, block: Block, registry, tagger) -> Own:
    text = claim.text
    own = Own()
    tokens = tokenize(text)
    names = registry.find_names(text)
    spans = tagger.tag(text, tokens, names) if tokens else []
    # rules kept where they are plainly right: the closing tag of a quoted block, a dateline's outlet
    if block.tag is not None:
        tag = trailing_tag(text)
        if tag is not None:
            inner = text.find(tag[0], tag[1])
            if inner >= 0:
                own.tag_span = (inner, inner + len(tag[0]))
                spans = [s for s in spans if s[1] <= tag[1]]
    if "(" in text[:80]:
        dateline = DATELINE.match(text)
        if dateline:
            a, b = dateline.span("name")
            if not any(s[0] < b and a < s[1] for s in spans):
                spans = [(a, b, "outlet"), *spans]
            else:
                spans = [(a, b, "outlet") if s[0] < b and a < s[1] else s for s in spans]
    masked = None
    own.quotes = quoted_spans(text)
    for a, b, kind in spans:
        mention = _mention(text, a, b, kind, names, registry, tokens)
        if mention is None:
            continue
        src = mention.source
        after = text[src.end:src.end + 120]
        if _NON_RESPONSE.match(after) or _NOT_CONFIRMED_BY.search(text[max(0, a - 60):a]):
            own.declined.append(_with(src, unconfirmed=True))
            continue
        if mention.ref == "author":
            masked = masked if masked is not None else mask_quotes(text)
            if masked[a:b].strip():  # the author's own voice, not a quoted speaker's
                own.signals.append("the author's own earlier reporting")
                continue
            mention.ref = "person"
        own.mentions.append(mention)
        if src.kind == "outlet" and _RECIPIENT.search(text[max(0, src.start - 40):src.start]):
            own.signals.append(f"reported to {src.name}")
    # links on the sentence name their outlet by domain; a link on a mentioned name gives that mention a URL
    for link in claim.links:
        if link.url == block.tag_url:
            continue  # the tag closing the quote already names this source
        outlet = registry.by_domain(link.url)
        domain = registrable_domain(link.url) or link.url
        la, lb = link.start - claim.block_start, link.end - claim.block_start
        hit = next((m for m in own.mentions if m.source.start is not None and m.source.start < lb
                    and la < m.source.end), None)
        if hit is not None:
            extra = {"url": link.url, "domain": domain}
            if outlet is not None and hit.source.outlet is None and hit.source.kind in ("outlet", "organization"):
                extra.update(outlet=outlet.key, reliability=outlet.reliability, outlet_kind=outlet.kind)
            hit.source = _with(hit.source, **extra)
        else:
            cue = f"link to {domain}"
            own.links.append(outlet_source(outlet, cue, url=link.url, domain=domain) if outlet
                             else Source(domain, "document", cue, domain=domain, url=link.url))
        own.signals.append(f"links to {domain}")
    lowered = {t[2].lower() for t in tokens}
    if not lowered.isdisjoint(_UNVERIFIED_WORDS) and UNVERIFIED.search(text):
        own.unconfirmed = True
    if own.declined:
        own.unconfirmed = True
    own.hedges = cues.hedges(text, lowered)
    if own.hedges:
        own.signals.append("hedged: " + ", ".join(dict.fromkeys(own.hedges)))
    if not lowered.isdisjoint(_HEARSAY):
        masked = masked if masked is not None else mask_quotes(text)
        hearsay = [(t[0], t[1]) for t in tokens if t[2].lower() in _HEARSAY and masked[t[0]:t[1]].strip()]
        if hearsay:
            for m in own.mentions:
                s = m.source
                if any(abs(h0 - s.end) < 30 or abs(s.start - h1) < 30 for h0, h1 in hearsay):
                    m.source = _with(s, hedged=True)
    return own


def _with(s: Source, **changes) -> Source:
    from dataclasses import replace

    return replace(s, **changes)


def _mention(text: str, a: int, b: int, kind: str, names, registry, tokens) -> Mention | None:
    a, b = _trim(text, a, b)
    if a >= b:
        return None
    surface = text[a:b]
    words = surface.split()
    low = [w.lower().strip(".,") for w in words]
    ref = None
    if len(words) == 1 and low[0] in _FIRST_PERSON:
        ref = "author"
    elif len(words) == 1 and low[0] in _PERSON_PRONOUNS:
        ref = "person"
    elif len(words) == 1 and low[0] in _THING_PRONOUNS:
        ref = "thing"
    elif low[0] in _DETERMINERS and len(words) <= 4 and all(w[:1].islower() for w in words[1:]):
        # "the report", "the same report", "the ministry", "the newspaper": a reference back, not a name
        if low[-1] in _BACK_HEADS:
            ref = "report"
        elif low[-1] in lexicon.INSTITUTION or low[-1] in lexicon.MEDIA:
            ref = "body"
    cue = _cue(text, a, b, tokens, surface)
    if kind == "person" and ref is None:
        a, surface = _strip_title(text, a, b)
    found = [n for n in names if n[0] < b and a < n[1]]
    if found and kind in ("outlet", "organization", "person") and ref is None:
        n0, n1, outlet = found[0]
        if (n1 - n0) >= 0.5 * (b - a) or kind != "person":
            src = outlet_source(outlet, cue, start=a, end=b)
            return Mention(src, None, surface)
    src = Source(" ".join(surface.split()), kind, cue, start=a, end=b,
                 named=False if ref is not None or kind in ("anonymous", "vague") else None)
    if kind == "vague":
        src = _with(src, hedged=True)
    return Mention(src, ref, surface)


_EDGE = " \t\n,.;:!?\"“”‘’'()[]—–-"


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE and not (text[b - 1] == "." and b - a > 1 and text[b - 2].isupper()):
        b -= 1
    if text[a:b].endswith(("’s", "'s")):
        b -= 2
    return a, b


def _strip_title(text: str, a: int, b: int) -> tuple[int, str]:
    """'Dr. Maria Lopez' -> 'Maria Lopez': a person's span is the name, without title or rank."""
    parts = [(m.start() + a, m.group()) for m in re.finditer(r"\S+", text[a:b])]
    while len(parts) > 1 and parts[0][1].lower().rstrip(".") in lexicon.TITLES and parts[1][1][:1].isupper():
        parts.pop(0)
    start = parts[0][0]
    return start, " ".join(text[start:b].split())


def _cue(text: str, a: int, b: int, tokens, surface: str) -> str:
    """The mention with the verb that makes it a source: "Kim said", "said Kim", "according to Kim"."""
    before = text[max(0, a - 20):a].split()
    after = text[b:b + 40].split()
    for w in after[:3]:
        w0 = w.strip(",.;:”\"").lower()
        if w0 in lexicon.SPEECH or w0 in lexicon.COMMUNICATIVE or w0 in lexicon.ACTION:
            return f"{surface} {w0}"
    if before and before[-1].lower() == "to" and len(before) > 1 and before[-2].lower() == "according":
        return f"according to {surface}"
    if before and before[-1].strip(",").lower() in lexicon.SPEECH:
        return f"{before[-1].strip(',').lower()} {surface}"
    return surface


def quote_tag_sources(draft, registry) -> dict[int, list[Source]]:
    """quote_id -> the sources its closing tag names ("Yonhap, via the Korea Herald": origin and carrier)."""
    tags: dict[int, list[Source]] = {}
    for block in draft.blocks:
        if block.quote_id is None or block.tag is None or block.quote_id in tags:
            continue
        origin_name, carrier_name = (part.strip() for part in (VIA.split(block.tag, maxsplit=1) + [""])[:2])
        origin = registry.by_name(origin_name)
        carrier = registry.by_name(carrier_name) if carrier_name else None
        via = carrier.name if carrier else (carrier_name or None)
        url = block.tag_url
        if origin:
            src = outlet_source(origin, f"[{block.tag}]", url=url, via=via, inherited=True)
        else:
            src = Source(origin_name, "outlet", f"[{block.tag}]", url=url, via=via, inherited=True)
        tags[block.quote_id] = [src]
    return tags


def continues_quotation(claim: Claim) -> bool:
    """The sentence is all quotation: it opens with a quotation mark or runs on from one."""
    text = claim.text.lstrip("([ ")
    spans = quote_spans(text)
    return text[:1] in "“\"" or (bool(spans) and spans[0][0] == 0)
