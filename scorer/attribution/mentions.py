"""A sentence's own source mentions: the tagger's spans plus the rules that are plainly right (a quoted
block's closing tag, a dateline's outlet, links), each turned into a typed `Source` with its offsets.

What a pronoun or "the report" refers to is decided later (`resolve.py`): it needs the sentences before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scorer.attribution import cues, lexicon
from scorer.attribution.tokens import TITLE_ABBREVIATIONS, tokenize
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
    r"(?:\s*,[^,]{0,80},)?\s+(?:also\s+|has\s+|have\s+|had\s+)?(?:did\s+not|didn[’']t|does\s+not|doesn[’']t|do\s+not"
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
_NEWS_HEADS = lexicon.MEDIA - frozenset("agency service site reporter paper station network".split())
_BODY_WORDS = lexicon.INSTITUTION | lexicon.MEDIA | frozenset(("the",))
_ACRONYM = re.compile(r"^(?:[A-Z]{2,8}|(?:[A-Z]\.){2,})$")
_SPOKES = frozenset("spokesman spokeswoman spokesperson spokespeople representative representatives".split())
_ROLE_WORDS = lexicon.TITLES | frozenset("adviser advisor secretary-general chief head".split())


def _name_after_role(words: list[str]) -> int | None:
    """Index of the first word of a name that ends the phrase after a role word, or None."""
    i = len(words)
    while i > 0 and words[i - 1][:1].isupper() and words[i - 1].lower().strip(".,") not in _BODY_WORDS:
        i -= 1
    if len(words) - i >= 2 and i > 0 and words[i - 1].lower().strip(",") in _ROLE_WORDS:
        return i
    return None
_DECLINED_WORDS = frozenset("not declined refused didn't couldn't wouldn't doesn't unable failed".split())
# the subject of a non-response: the words after the last clause break before it
_CLAUSE = re.compile(r"[.;:!?“”\"(),—–]")
_UNCONFIRMED_SUBJECT = re.compile(
    r"\s+(?:has|have|had|was|were|is|are|could|can|cannot)\s*(?:not|n[’']t)?\s+(?:yet\s+)?(?:been\s+|be\s+)?"
    r"(?:independently\s+)?(?:confirmed|verified|corroborated)\b",
    re.I,
)
_RESPONSE_WORDS = frozenset(
    "respond comment reply return confirm verify say answer elaborate reached specify identify address".split()
)
# A sentence is tagged only if it has a reporting, communicative or action verb, a hedge, "according" or "by",
# a name the registry knows, or a bracket (tags, datelines): a third of all sentences have none of these,
# and the tagger finds under 1 % of the corpus's spans in them.
_TRIGGERS = (lexicon.SPEECH | lexicon.COMMUNICATIVE | lexicon.ACTION | lexicon.HEDGE
             | frozenset("according by".split()))
_HAS_QUOTE = re.compile("[“”\"„«»]")
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
    lows = [t[2].lower() for t in tokens]
    lowered = set(lows)
    names = registry.find_names(text)
    tagged = names or not lowered.isdisjoint(_TRIGGERS) or "(" in text or "[" in text
    quote_at = quote_spans(text) if _HAS_QUOTE.search(text) else []
    spans = tagger.tag(text, tokens, names, quote_at) if tagged and tokens else []
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
    if not lowered.isdisjoint(_TITLE_TOKENS):
        spans = _titled_names(tokens, spans)
    titles = {}
    if not lowered.isdisjoint(_TITLED_HEADS) and ("“" in text or '"' in text):
        spans, titles = _titled_documents(text, spans)
    if "by" in lowered and not lowered.isdisjoint(_PASSIVE_VERBS):
        spans = _passive_agents(text, spans)
    if not lowered.isdisjoint(_HEARSAY_WORDS) or (not lowered.isdisjoint(_AUX) and _aux_participle(lows)):
        spans = _agentless(text, spans)
    if not lowered.isdisjoint(_SAID_WORDS):
        spans = _named_speakers(text, tokens, lows, spans)
        if not lowered.isdisjoint(_INVERTED_HINTS):
            spans = _inverted_and_definite(text, spans)
    masked = None
    own.quotes = quoted_spans(text, quote_at) if quote_at else ()
    may_decline = not lowered.isdisjoint(_DECLINED_WORDS) and not lowered.isdisjoint(_RESPONSE_WORDS)
    may_unconfirm = not lowered.isdisjoint(_UNVERIFIED_WORDS)
    for a, b, kind in spans:
        mention = _mention(text, a, b, kind, names, registry, tokens)
        if mention is None:
            continue
        if (a, b) in titles:  # "The study, titled “Rivers at Risk,”": the document by its name
            mention.source = _with(mention.source, name=titles[(a, b)], named=True)
        src = mention.source
        if may_unconfirm and _UNCONFIRMED_SUBJECT.match(text, src.end):
            continue  # "The figure has not been confirmed": what is unconfirmed, not who sources it
        if ((may_decline and _NON_RESPONSE.match(text, src.end, src.end + 120))
                or (may_unconfirm and _NOT_CONFIRMED_BY.search(text[max(0, a - 60):a]))):
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
        if hit is None and outlet is not None:  # "HRW has documented ... read [here](hrw.org/...)"
            hit = next((m for m in own.mentions if m.source.outlet == outlet.key and not m.source.url), None)
        if hit is not None:
            extra = {"url": link.url, "domain": domain, "named": None, "role": None}  # recomputed: a linked report is named
            if outlet is not None and hit.source.outlet is None and hit.source.kind in ("outlet", "organization"):
                extra.update(outlet=outlet.key, reliability=outlet.reliability, outlet_kind=outlet.kind)
            hit.source = _with(hit.source, **extra)
        else:
            cue = f"link to {domain}"
            own.links.append(outlet_source(outlet, cue, url=link.url, domain=domain) if outlet
                             else Source(domain, "document", cue, domain=domain, url=link.url))
        own.signals.append(f"links to {domain}")
    if not any(m.source.kind == "anonymous" for m in own.mentions) and not lowered.isdisjoint(cues.ANONYMITY_TRIGGERS):
        span = _unnamed_speaker(text)
        if span is not None:
            mention = _mention(text, span[0], span[1], "anonymous", names, registry, tokens)
            if mention is not None and not any(m.source.start is not None and m.source.start < span[1]
                                               and span[0] < m.source.end for m in own.mentions):
                own.mentions.append(mention)
            elif mention is not None:  # the tagger read the speaker as named: the anonymity clause says otherwise
                own.mentions = [m for m in own.mentions if not (m.source.start is not None
                                and m.source.start < span[1] and span[0] < m.source.end)] + [mention]
    if (not any(m.source.kind in ("vague", "anonymous") for m in own.mentions)
            and not lowered.isdisjoint(cues.VAGUE_TRIGGERS)):
        masked = masked if masked is not None else mask_quotes(text)
        vague = cues.VAGUE.search(masked)  # "Reports suggest ...", "it is believed": an agentless attribution
        if vague is not None and not any(m.source.start is not None and m.source.start < vague.end()
                                         and vague.start() < m.source.end for m in own.mentions):
            mention = _mention(text, vague.start(), vague.end(), "vague", names, registry, tokens)
            if mention is not None:
                own.mentions.append(mention)
    if names and own.mentions:
        _affiliations(text, own, names)
    if may_decline or (may_unconfirm and "by" in lowered):
        _declined_subjects(text, own, registry, names)
    if may_unconfirm and UNVERIFIED.search(text):
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


_BEFORE_ANONYMITY = re.compile(r"[,\s]*(?:who|which)?\s*(?:spoke|speaking|talked|talking|asked|requested|declined|was|were"
                               r"|is|are|not)?\s*$", re.I)
_NP_STOP = frozenset("said says told that and but while as because when".split())


def _unnamed_speaker(text: str) -> tuple[int, int] | None:
    """The person an anonymity clause is about: "A city official, who spoke on condition of anonymity, said ..."
    (offsets of "A city official"). Up to five words before the clause, back to a verb, conjunction or stop."""
    m = cues.ANONYMITY_PHRASES.search(text)
    if m is None or m.group(0).lower().startswith(("a source", "the source", "sources", "insider", "people familiar")):
        return None  # the phrase names its own unnamed speaker; the tagger reads those
    head = text[: m.start()]
    end = _BEFORE_ANONYMITY.search(head).start()
    if head[end - 1:end] == ",":
        end -= 1
    start = end
    words = 0
    for w in reversed(list(re.finditer(r"[^\s,;:.“”\"()]+", head[:end]))):
        if w.end() < start - 1 or w.group().lower() in _NP_STOP or words == 5:
            break
        start, words = w.start(), words + 1
    return (start, end) if words else None


_NEGATED = re.compile(
    r"\b(?:did\s+not|didn[’']t|does\s+not|do\s+not|would\s+not|could\s+not|has\s+not|have\s+not|had\s+not|declined"
    r"|refused|failed|was\s+unable|were\s+unable)\b(?:\s+to)?(?:\s+(?:immediately|independently|yet|publicly|further))?"
    r"\s+(?:respond|comment|reply|return|confirm|verify|say\s+whether|answer|elaborate|be\s+reached)",
    re.I,
)
_BY_AGENT = re.compile(r"\s*((?:the\s+)?[^,.;:“”\"()]{2,60})")


def _declined_subjects(text: str, own: Own, registry, names) -> None:
    """ "Acme did not respond", "Acme declined to comment", "Baker did not say whether", "has not been
    confirmed by the ministry": who is named there, as a mention that does not source the claim."""
    found = []
    for m in _NEGATED.finditer(text):
        head = _CLAUSE.split(text[:m.start()])[-1]
        words = head.split()
        while words and words[0].lower() in ("and", "but", "or", "while", "although", "though"):
            words.pop(0)
        while words and words[-1].lower() in ("also", "has", "have", "had", "so", "far", "still"):
            words.pop()
        if 0 < len(words) <= 6:
            found.append(" ".join(words))
    for m in _NOT_CONFIRMED_BY_ANY.finditer(text):
        agent = _BY_AGENT.match(text, m.end())
        if agent:
            found.append(" ".join(agent.group(1).split()[:6]))
    for phrase in found:
        if any(d.name == phrase or phrase in d.cue for d in own.declined):
            continue
        hit = [n for n in names if text[n[0]:n[1]] in phrase]
        if hit:
            src = outlet_source(hit[0][2], phrase, unconfirmed=True)
        else:
            kind = ("anonymous" if phrase.lower().split()[-1] in lexicon.ANONYMOUS
                    else "person" if phrase[:1].isupper() and len(phrase.split()) in (2, 3)
                    and not any(w.lower() in _BODY_WORDS for w in phrase.split()) else "organization")
            src = Source(phrase, kind, phrase, unconfirmed=True)
        own.declined.append(src)
    # the same name is no source of this claim either
    if own.declined:
        names_declined = {d.name for d in own.declined} | {d.cue for d in own.declined}
        own.mentions = [mn for mn in own.mentions
                        if not any(mn.source.name in x or mn.surface in x for x in names_declined)]


_NOT_CONFIRMED_BY_ANY = re.compile(
    r"\b(?:not|never)\s+(?:been\s+|be\s+)?(?:independently\s+)?(?:confirmed|verified|corroborated)\s+(?:by|with)\b",
    re.I,
)


_PASSIVE_VERBS = frozenset(
    """reported disclosed announced confirmed revealed released published quoted cited stated broadcast carried
    documented compiled provided obtained issued distributed shared posted aired supplied""".split()
)


def _passive_agents(text: str, spans):
    """ "was disclosed on Monday by the state news agency", "photos released by the ministry": the agent of
    a reporting passive, when the tagger left it out and what it is can be told from its words."""
    for pattern in (cues.PASSIVE_AGENT, cues.PARTICIPLE_AGENT):
        for m in pattern.finditer(text):
            a = m.start(1)
            np = re.split(r"[,;:“”\"()]|\s+(?:which|who|that|and|but|while|on|in|at|after|before|last|this)\s",
                          m.group(1), maxsplit=1)[0].rstrip(" .")
            b = a + len(np)
            if not np or any(sp[0] < b and a < sp[1] for sp in spans):
                continue
            words = np.lower().split()
            kind = ("outlet" if not set(words).isdisjoint(lexicon.MEDIA)
                    else "organization" if not set(words).isdisjoint(lexicon.INSTITUTION)
                    else "anonymous" if words[-1] in lexicon.ANONYMOUS
                    else "document" if words[-1] in lexicon.DOCUMENT
                    else "organization" if np[:1].isupper() and len(words) <= 5 else None)
            if kind:
                spans = [*spans, (a, b, kind)]
    return spans


_AFFILIATION = re.compile(r"^,\s+(?:an?\s+|the\s+)?[^,.;:“”\"]{0,60}?\b(?:at|of|for|with|from)\s+(?:the\s+)?$")


def _affiliations(text: str, own: Own, names) -> None:
    """ "said Phil Robertson, deputy Asia director at Human Rights Watch": the body a named person speaks for,
    when the registry knows it. Not a mention of its own (the rubric marks the name only), so no offsets."""
    for m in list(own.mentions):
        s = m.source
        if s.kind != "person" or m.ref is not None:
            continue
        for n0, n1, outlet in names:
            if n0 > s.end and n0 - s.end <= 90 and _AFFILIATION.match(text[s.end:n0]):
                own.links.append(outlet_source(outlet, f"{s.name}, of {outlet.name}"))
                break


_TITLED_HEADS = frozenset(
    "report study survey paper analysis review book film documentary assessment audit investigation".split()
)
# "reportedly", "is believed to", "it was reported that": an unattributed report (RUBRIC.md: vague); the agent,
# when there is one ("was reported by Reuters"), is a source of its own
_AGENTLESS = re.compile(
    r"\b(?:reportedly|purportedly|rumou?red|supposedly)\b"
    r"|\b(?:(?:[Ii]t)\s+)?(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:also\s+|widely\s+|often\s+|now\s+"
    r"|long\s+|generally\s+)?(?:believed|said|thought|rumou?red|reported|understood|known)\b(?!\s+(?:by|for|as)\b)",
)


_SAID = ("said|says|told|tells|added|adds|wrote|writes|stated|noted|explained|warned|insisted|argued|claimed|announced"
         "|confirmed|denied|acknowledged|admitted|testified|reported|recalled|tweeted|urged|called|promised|pledged")
_SAID_WORDS = frozenset(_SAID.split("|"))
_NAME_LINKS = frozenset("of the de van von bin al".split())
_SPEAKER_FILLERS = frozenset("has had also later then previously".split())


def _named_speakers(text: str, tokens, lows: list[str], spans):
    """ "McMaster told reporters", "Nebenzia, Russia's envoy, said": a capitalised name as the subject of a
    speech verb, when the tagger left it out; what it is, from its words."""
    for v, low in enumerate(lows):
        if low not in _SAID_WORDS:
            continue
        j = v - 1
        while j >= 0 and lows[j] in _SPEAKER_FILLERS:
            j -= 1
        if j >= 0 and tokens[j][2] == "," and j >= 2:  # an appositive: "Nebenzia, Russia's envoy, said"
            k = j - 1
            while k >= 0 and tokens[k][2] != "," and j - k <= 12:
                k -= 1
            j = k - 1 if k >= 1 and tokens[k][2] == "," else j
        end = j
        while j >= 0 and (tokens[j][2][:1].isupper() or (lows[j] in _NAME_LINKS and j > 0
                                                           and tokens[j - 1][2][:1].isupper())):
            j -= 1
        start = j + 1
        if start > end or end - start >= 5 or (start > 0 and tokens[start - 1][2][-1:].isalnum()
                                                and lows[start - 1] not in ("and", "but", "as", "while")
                                                and not tokens[start - 1][2][:1].islower()):
            continue
        a, b = tokens[start][0], tokens[end][1]
        if any(sp[0] < b and a < sp[1] for sp in spans):
            continue
        words = lows[start:end + 1]
        if words[0] in lexicon.FUNCTION_WORDS or words[0] in lexicon.PRONOUNS \
                or not _ANON_OR_BODY_CHECK.isdisjoint(words) and any(w in lexicon.ANONYMOUS for w in words):
            continue
        if (any(w in lexicon.INSTITUTION or w in lexicon.MEDIA or w in lexicon.COUNTRIES for w in words)
                or (start == end and _ACRONYM.match(tokens[start][2]))):
            kind = "organization"
        else:
            kind = "person"
        spans = [*spans, (a, b, kind)]
    return spans


_ANON_OR_BODY_CHECK = lexicon.ANONYMOUS
_HEARSAY_WORDS = frozenset("reportedly purportedly rumored rumoured supposedly".split())
_AUX = frozenset("is are was were been".split())
_PARTICIPLES = frozenset("believed said thought rumored rumoured reported understood known".split())
_INVERTED_HINTS = frozenset(
    "newspaper paper agency ministry group company firm organization organisation government outlet broadcaster "
    "country council commission committee department office court police military party union embassy "
    "administration regime the a an one two three several some".split()
)


def _aux_participle(lows: list[str]) -> bool:
    for i, w in enumerate(lows[:-1]):
        if w in _AUX and (lows[i + 1] in _PARTICIPLES or (i + 2 < len(lows) and lows[i + 2] in _PARTICIPLES)):
            return True
    return False


_BODY_HEADS = (
    "newspaper|paper|agency|ministry|group|company|firm|organi[sz]ation|government|outlet|broadcaster|country"
    "|council|commission|committee|department|office|court|police|military|party|union|embassy|administration|regime"
)
# "the newspaper says", "the country reported": a definite description as the subject of a speech verb
_DEFINITE_SPEAKER = re.compile(
    r"\b([Tt]he\s+(?:[a-z][\w-]*\s+)?(?:" + _BODY_HEADS + r"))\s+(?:has\s+|had\s+|also\s+|further\s+|later\s+)?(?:"
    + _SAID + r"|says|claims|reports|reported|raised|estimated|found)\b"
)
# "..., said the people, who asked ...", "“...,” said the official": the speaker after an inverted verb
_INVERTED = re.compile(
    r"[,”\"’]\s*(?:said|says|added|told|wrote|explained|warned|noted)\s+((?:the|a|an|one|two|three|several|some)\s+"
    r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})(?=\s*[,.;:]|\s+(?:on|in|at|who|after|before|last|this)\b|$)"
)


def _inverted_and_definite(text: str, spans):
    for pattern in (_DEFINITE_SPEAKER, _INVERTED):
        for m in pattern.finditer(text):
            a, b = m.span(1)
            if any(sp[0] < b and a < sp[1] for sp in spans):
                continue
            low = m.group(1).lower().split()
            head = low[-1]
            kind = ("outlet" if head in _NEWS_HEADS or head in ("newspaper", "paper", "broadcaster", "outlet")
                    else "organization" if head in lexicon.INSTITUTION or head in ("country", "firm")
                    else "anonymous" if head in lexicon.ANONYMOUS
                    else "document" if head in lexicon.DOCUMENT else None)
            if kind:
                spans = [*spans, (a, b, kind)]
    return spans


def _agentless(text: str, spans):
    for m in _AGENTLESS.finditer(text):
        a, b = m.span()
        if not any(sp[0] < b and a < sp[1] for sp in spans):
            spans = [*spans, (a, b, "vague")]
    return spans


_RUN_CONNECTORS = frozenset("of the and for & de on in".split())
_TITLED_DOCUMENT = re.compile(
    r"\b((?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w-]+\s+){0,2}?(?:report|study|survey|paper|analysis"
    r"|review|book|film|documentary|assessment|audit|investigation))\s*,?\s*(?:(?:titled|entitled|called|named)\s+)?"
    r"[“\"]([^”\"]{3,120}?)[,.]?[”\"]"
)


def _titled_documents(text: str, spans):
    """ "The study, titled “Rivers at Risk,” found ...", "the report “Hidden Costs”": a document named by
    its title in quotes. Returns the spans (the noun phrase added when the tagger missed it) and the titles."""
    titles = {}
    for m in _TITLED_DOCUMENT.finditer(text):
        a, b = m.span(1)
        hit = next((sp for sp in spans if sp[0] < b and a < sp[1]), None)
        if hit is None:
            spans = [*spans, (a, b, "document")]
            hit = (a, b, "document")
        if hit[2] == "document":
            titles[(hit[0], hit[1])] = m.group(2).strip().rstrip(",.")
    return spans, titles


def _titled_names(tokens, spans):
    """ "said Dr. Maria Lopez", "Gov. Tom Brandt said": a titled name next to a speech verb is a person
    (the tagger, which rarely saw a title after "said", is not trusted to find it alone)."""
    n = len(tokens)
    for i, (ta, tb, tok) in enumerate(tokens):
        if not (tok.endswith(".") and tok[:-1] in _TITLE_WORDS and i + 1 < n and tokens[i + 1][2][:1].isupper()):
            continue
        j = i + 1
        while j < n and tokens[j][2][:1].isupper() and j - i <= 4:
            j += 1
        before = {t[2].lower() for t in tokens[max(0, i - 2):i]}
        after = {t[2].lower() for t in tokens[j:j + 2]}
        if (before | after).isdisjoint(lexicon.SPEECH):
            continue
        a, b = tokens[i + 1][0], tokens[j - 1][1]
        if not any(s[0] < b and a < s[1] for s in spans):
            spans = [*spans, (a, b, "person")]
    return spans


_TITLE_WORDS = frozenset(TITLE_ABBREVIATIONS.split("|"))
_TITLE_TOKENS = frozenset(w.lower() + "." for w in _TITLE_WORDS)


def _with(s: Source, **changes) -> Source:
    from dataclasses import replace

    return replace(s, **changes)


def _extend_left(text: str, a: int) -> int:
    """ "Friends of [the Marsh]": a name cut after its "of" is given its head back."""
    m = _NAME_HEAD.search(text, max(0, a - 60), a)
    return m.start() if m else a


_NAME_HEAD = re.compile(r"(?:[A-Z][\w’'&.-]*\s+){1,4}of\s+(?:the\s+)?$")


def _mention(text: str, a: int, b: int, kind: str, names, registry, tokens) -> Mention | None:
    a, b = _trim(text, a, b)
    if kind in ("organization", "outlet") and (text[a:a + 1].isupper() or text.startswith("the ", a)):
        a = _extend_left(text, a)
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
    if kind in ("organization", "person") and ref is None and low[-1] in _NEWS_HEADS and surface[:1].isupper():
        kind = "outlet"  # "The Millbrook Ledger", "Harbor Daily": a news title, not a body or a person
    if kind == "anonymous" and ref is None and len(words) >= 2 and all(
            w[:1].isupper() for w, lw in zip(words, low) if lw not in _RUN_CONNECTORS):
        kind = "organization"  # "Friends of the Marsh": a body's name, not unnamed people
    if kind in ("person", "anonymous") and not _SPOKES.isdisjoint(low):
        kind = "organization"  # "a White House spokesman": the body speaking, unnamed (RUBRIC.md "Spans")
    elif kind == "organization" and ref is None and len(words) >= 3:
        name_at = _name_after_role(words)
        if name_at is not None:  # "National Security Adviser H.R. McMaster": the person, by name
            kind = "person"
            a = a + len(" ".join(words[:name_at])) + 1 if text[a:b].startswith(" ".join(words[:name_at])) else a
    if kind == "person" and ref is None:
        if all(w.lower().strip(".,") in _BODY_WORDS for w in words) or (len(words) == 1 and _ACRONYM.match(surface)):
            kind = "organization"  # "Treasury said", "CNBC said": a body, not a person
        else:
            a, surface = _strip_title(text, a, b)
    found = [n for n in names if n[0] < b and a < n[1]]
    if found and kind in ("outlet", "organization", "person") and ref is None:
        n0, n1, outlet = found[0]
        if (n1 - n0) >= 0.5 * (b - a) or kind != "person":
            src = outlet_source(outlet, cue, start=a, end=b)
            return Mention(src, None, surface)
    src = Source(" ".join(surface.split()), kind, cue, start=a, end=b, hedged=kind == "vague",
                 named=False if ref is not None or kind in ("anonymous", "vague") else None)
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
