"""Claims to Attributions: who or what each sentence rests on, its own cues first, then its frame.

A sentence's own attribution wins; a sentence without one takes the frame of its paragraph or quoted
block (the other sentences' sources, the tag closing the quote, a lead-in paragraph that introduces
the quote), never another paragraph's. "The report", "the source" are resolved to what they name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from scorer.attribution import cues
from scorer.draft.blocks import trailing_tag
from scorer.outlets import label_for, registrable_domain
from scorer.quoting import mask_quotes, quote_spans, quoted_spans
from scorer.types import Attribution, Block, Claim, Draft, Source


@dataclass
class _Own:
    sources: list[Source] = field(default_factory=list)
    frame: list[Source] = field(default_factory=list)  # speech-like attributions that cover the paragraph
    hedges: list[str] = field(default_factory=list)
    pronoun_cue: str = ""
    pronoun_fallback: Source | None = None
    pronoun_speech: str | None = None  # "person" ("he said") or "institution" ("the ministry said", "it plans")
    signals: list[str] = field(default_factory=list)
    quotes: tuple[str, ...] = ()


def attribute(draft: Draft, claims: tuple[Claim, ...], registry=None) -> tuple[Attribution, ...]:
    if registry is None:
        from scorer.outlets import get_registry

        registry = get_registry()
    own = [_own_cues(c, draft.blocks[c.block_index], registry) for c in claims]
    by_block: dict[int, list[int]] = {}
    for c in claims:
        by_block.setdefault(c.block_index, []).append(c.index)
    tag_sources = _quote_tags(draft, registry)
    lead_ins = _lead_ins(draft, own, by_block)

    out = []
    recent: list[Source] = []  # named reports and outlets seen so far, for "the report" back-references
    speaker: Source | None = None  # the last speaker named, for "he said"
    speaker_block = -1
    institution: Source | None = None  # the last organisation named, for "the ministry said" anywhere later
    block_frames: dict[int, list[tuple[Source, set[int]]]] = {}
    for c in claims:
        mine = own[c.index]
        block = draft.blocks[c.block_index]
        sources = [_resolve(s, recent) for s in mine.sources]
        signals = list(mine.signals)
        if not sources:
            referred, why = _referred(c, mine, speaker, institution)
            sources += [referred] if referred else []
            signals += [why] if why else []
        frame: list[Source] = []
        if c.quote_id is not None and c.quote_id in tag_sources:
            frame.extend(tag_sources[c.quote_id])
        elif c.quote_id is not None and c.quote_id in lead_ins:
            frame.extend(lead_ins[c.quote_id])
        elif block.text.rstrip().endswith(":") and c.position_in_block == len(by_block[c.block_index]) - 1:
            # "That trend continues:" introduces the quote that follows it and rests on it
            nxt = _next_quote_id(draft, block.index)
            if nxt is not None and nxt in tag_sources:
                frame.extend(tag_sources[nxt])
        if c.block_index not in block_frames:
            block_frames[c.block_index] = _block_frame(by_block[c.block_index], own, recent)
        # the paragraph's attributions made by its other sentences
        frame.extend(src for src, by in block_frames[c.block_index] if len(by) > 1 or c.index not in by)
        sources = _dedupe(sources + [_inherited(s) for s in frame])
        if c.quote_id is not None and c.quote_id in tag_sources:
            signals.append(f"quoted block tagged [{draft.blocks[c.block_index].tag}]")
        for s in sources:
            if s.kind in ("outlet", "document") and s.name[:1].isupper() and (s.via or not s.inherited):
                recent.append(s)
        if c.block_index > speaker_block + 2:
            speaker = None  # pronouns reach back two paragraphs at most (a lede names the speaker later)
        for s in sources:
            if not s.inherited and s.kind in ("person", "anonymous", "organization"):
                speaker, speaker_block = s, c.block_index
            if not s.inherited and s.kind == "organization" and s.name[:1].isupper():
                institution = s
        signals.extend(_summary_signals(sources, mine))
        out.append(Attribution(c.index, tuple(sources), tuple(mine.hedges), tuple(dict.fromkeys(signals)),
                               mine.quotes))
    return tuple(out)


def _referred(claim: Claim, mine: _Own, speaker: Source | None,
              institution: Source | None) -> tuple[Source | None, str | None]:
    """What a sentence with no source of its own points back to, and why: "he said" (the last speaker),
    "the ministry said" (the last institution named), or a quotation running on from an earlier sentence."""
    referent = institution if mine.pronoun_speech == "institution" else speaker
    if mine.pronoun_speech and referent is not None:
        return (replace(referent, inherited=False, cue="refers to " + referent.name),
                f"“{mine.pronoun_cue}” resolved to {referent.name}")
    if mine.pronoun_fallback is not None:  # "the government said" with no government named before
        return mine.pronoun_fallback, None
    if speaker is not None and _continues_quotation(claim):
        return (replace(speaker, inherited=True, cue="quotation continued from " + speaker.name),
                f"continues the quotation of {speaker.name}")
    return None, None


def _continues_quotation(claim: Claim) -> bool:
    """The sentence is all quotation: it opens with a quotation mark or runs on from one."""
    text = claim.text.lstrip("([ ")
    spans = quote_spans(text)
    return text[:1] in "“\"" or (bool(spans) and spans[0][0] == 0)


def _outlet_source(outlet, cue: str, **extra) -> Source:
    """A source the registry knows: a news outlet, or an organisation (NGO, agency) speaking for itself."""
    fields = {"domain": outlet.domains[0] if outlet.domains else None, **extra}
    return Source(outlet.name, "outlet" if outlet.is_news else "organization", cue, outlet=outlet.key,
                  reliability=outlet.reliability, outlet_kind=outlet.kind, **fields)


def _summary_signals(sources: list[Source], mine: _Own) -> list[str]:
    """Why the sources weigh what they weigh, in words a reader can check."""
    out = []
    if not sources:
        return ["no attribution found"]
    if all(s.inherited for s in sources):
        out.append("inherits its paragraph's or quote's attribution")
    for s in sources:
        if s.kind == "person" and not s.inherited and mine.quotes:
            out.append(f"direct quote of a named speaker: {s.name}")
        elif s.kind in ("person", "organization") and not s.inherited:
            out.append(f"named {s.kind}: {s.name}")
        elif s.kind == "document" and s.name[:1].isupper():
            out.append(f"named document: {s.name}")
        if s.via:
            out.append(f"{s.name} via {s.via}")
        if s.reliability is not None and s.kind in ("outlet", "organization"):
            out.append(f"outlet reliability: {label_for(s.reliability)} ({s.name})")
    return out


def _key(s: Source):
    # one unnamed source stands for all: "a source", "the source", "a second source" are not three
    return s.outlet or (s.kind if s.kind in ("anonymous", "vague") else (s.kind, s.name.lower()))


def _block_frame(members: list[int], own: list[_Own], recent: list[Source]) -> list[tuple[Source, set[int]]]:
    """Each distinct attribution a paragraph's sentences make, with the sentences that make it.

    Built once per paragraph (a paragraph of n sentences costs n, not n squared) and capped: a paragraph
    citing more sources than this is a list of attributions, not one frame.
    """
    found: dict = {}
    for j in members:
        for src in own[j].frame:
            src = _inherited(_resolve(src, recent))
            key = _key(src)
            if key in found:
                found[key][1].add(j)
            elif len(found) < _MAX_FRAME:
                found[key] = (src, {j})
    return list(found.values())


def _dedupe(sources: list[Source]) -> list[Source]:
    """One entry per source; the sentence's own mention wins over an inherited one."""
    seen: set = set()
    out = []
    for s in sources:
        key = _key(s)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _inherited(s: Source) -> Source:
    return s if s.inherited else replace(s, inherited=True)


def _own_cues(claim: Claim, block: Block, registry) -> _Own:
    text = claim.text
    dateline = _DATELINE.match(text) if "(" in text[:80] else None
    if dateline:
        text = text[dateline.end():]  # "SEOUL (Reuters) -": the publisher, not a source
    if block.tag is not None:
        tag = trailing_tag(text)
        if tag is not None:
            text = text[: tag[1]]  # the closing tag speaks for the whole quote, not for this sentence
    own = _Own()
    own.quotes = quoted_spans(text)
    full = text  # hedges and hearsay count inside a quote ("I have heard ..."); attributions do not
    text = mask_quotes(text)
    # links on the sentence name their outlet by domain
    for link in claim.links:
        if link.url == block.tag_url:
            continue  # the tag closing the quote already names this source
        outlet = registry.by_domain(link.url)
        domain = registrable_domain(link.url) or link.url
        cue = f"link to {domain}"
        own.sources.append(_outlet_source(outlet, cue, url=link.url, domain=domain) if outlet
                           else Source(domain, "document", cue, domain=domain, url=link.url))
        own.signals.append(f"links to {domain}")
    # named outlets and organisations in an attribution role
    tokens = cues.words(text)
    lowered = {w.lower() for _, w in tokens}
    attributive = bool(lowered & cues.SPEECH_WORDS) or bool(cues.ACCORDING_TO.search(text))
    names = registry.find_names(text)
    carrier = cues.RECIPIENT.search(text) if names else None
    for start, end, outlet in names:
        if not (attributive or _is_speaker_position(text, start, end)):
            continue
        is_recipient = carrier is not None and carrier.start(1) <= start < carrier.end(1)
        src = _outlet_source(outlet, text[start:end])
        own.sources.append(src)
        if attributive:
            own.frame.append(src)
        if is_recipient:
            own.signals.append(f"reported to {outlet.name}")
    # the agents of reporting verbs
    for agent, cue, verb in _agents(text, cues.verbs(tokens)):
        if re.match(r"(?:I|we)\b", agent):
            own.signals.append("the author's own earlier reporting")
            continue
        if _PRONOUN_SUBJECT.match(agent) and verb != "action":
            own.pronoun_speech = "person" if agent.lower() in ("he", "she", "they") else "institution"
            own.pronoun_cue = f"{agent} {cue}"
            own.pronoun_fallback = _classify(agent, cue, registry, verb, names, text)  # "the government said"
            continue
        src = _classify(agent, cue, registry, verb, names, text)
        if src is not None and not any(s.name == src.name for s in own.sources):
            own.sources.append(src)
            if verb == "speech":
                own.frame.append(src)
    phrase = cues.anonymous_speaker(text)
    if phrase and not any(s.kind == "anonymous" for s in own.sources):
        src = Source(_anon_name(phrase), "anonymous", phrase)
        own.sources.append(src)
        own.frame.append(src)
        own.signals.append(f"anonymous source: “{phrase}”")
    for m in (cues.ANONYMITY_PHRASES.finditer(text) if not lowered.isdisjoint(cues.ANONYMITY_TRIGGERS) else ()):
        if not any(s.kind == "anonymous" for s in own.sources):
            src = Source(_anon_name(m.group(0)), "anonymous", m.group(0))
            own.sources.append(src)
            own.frame.append(src)
        own.signals.append(f"anonymous source: “{m.group(0)}”")
        break
    full_lowered = {w.lower() for _, w in cues.words(full)} if full is not text else lowered
    for m in (cues.VAGUE.finditer(full) if not full_lowered.isdisjoint(cues.VAGUE_TRIGGERS) else ()):
        src = Source("unnamed reports", "vague", m.group(0))
        own.sources.append(src)
        own.frame.append(src)
        own.signals.append(f"vague attribution: “{m.group(0)}”")
        break
    for m in cues.NAMED_DOCUMENT.finditer(text):
        if not any(s.name == m.group(0) for s in own.sources):
            own.sources.append(Source(m.group(0), "document", m.group(0)))
    own.hedges = cues.hedges(full, full_lowered)
    if own.hedges:
        own.signals.append("hedged: " + ", ".join(dict.fromkeys(own.hedges)))
    return own


def _is_speaker_position(text: str, start: int, end: int) -> bool:
    """A name that opens the sentence as its subject ("Human Rights Watch has documented ...")."""
    if start > 4:
        return False
    head = text[end:end + 60].split()[:4]
    return any(w.lower().endswith("ed") or w.strip(",").lower() in cues.REPORTING_WORDS for w in head)


def _agents(text: str, verbs: list[tuple[int, str]]):
    """(agent phrase, cue) pairs: 'according to X', 'X said', '..., said X'."""
    for m in cues.ACCORDING_TO.finditer(text):
        np = re.split(r"[,.;:“”\"]", text[m.end():], maxsplit=1)[0]
        yield " ".join(np.split()[:8]), m.group(0).strip(), "speech"
    for pattern in (cues.PASSIVE_AGENT, cues.PARTICIPLE_AGENT, cues.AS_REPORTED):
        for m in pattern.finditer(text):
            np = re.split(r"[;:“”\"]|,\s+(?:which|who|and|but|while)\b", m.group(1), maxsplit=1)[0]
            yield " ".join(np.split()[:10]), m.group(0).split()[0] + " … by", "speech"
    for m in cues.INVERTED.finditer(text):
        agent = m.group(1)
        if agent[:1].isupper() or agent.lower().startswith(("the ", "a ", "an ")):
            yield " ".join(agent.split()[:8]), m.group(0).strip(" ,”\"’"), "speech"
    for start, verb in verbs:
        before = text[max(0, start - 160): start]  # a subject sits close to its verb
        segs = re.split(r"[.;:“”\"(),—–]", before)
        words = _strip_adverbs(segs[-1].split())
        if not words and len(segs) >= 3:
            # an appositive between subject and verb: "Kim, 33, also called for ..."
            words = _strip_adverbs(segs[-3].split())
        if 0 < len(words) <= 9:
            kind = cues.verb_kind(verb)
            agent = " ".join(words)
            yield agent, f"{agent} {verb}", kind


_DATELINE = re.compile(
    r"^[A-Z][A-Za-z./ ,\[\]-]{1,60}?(?:,\s*\w+\.?\s+\d{1,2})?\s*\((?:[A-Z][\w ]{1,30})\)\s*(?::|-|–|—)\s*"
)
_VIA = re.compile(r",?\s+via\s+")  # "[Yonhap, via the Korea Herald]": origin, then carrier
_MAX_FRAME = 8  # distinct attributions one paragraph passes on to its sentences
_ADVERBS = frozenset("has have had also then later once recently previously first publicly reportedly further is was "
                     "not never already still repeatedly separately officially again just itself himself herself "
                     "themselves will would could may might can did does do".split())


def _strip_adverbs(words: list[str]) -> list[str]:
    while words and (words[-1].lower() in _ADVERBS or words[-1].lower().endswith("ly")):
        words.pop()
    return words


_ANON_HEAD = re.compile(
    r"\b(?:sources?|insiders?|informants?|escapees|defectors?|residents?|witnesses|officials?|diplomats|observers"
    r"|people|person|individuals?|contacts?|tipsters?|whistle-?blowers?|analysts|experts|partners?|correspondents?"
    r"|acquaintances?|reporters?|journalists?|neighbou?rs?|relatives?|students?|workers?|traders?|merchants?)\b",
    re.I,
)
_DOC_HEAD = re.compile(r"\b(?:report|study|survey|data|figures|statistics|records|documents|imagery|images|statement|order|analysis|estimates?|findings)\b", re.I)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|this|that|which|who)$", re.I)
_PRONOUN_SUBJECT = re.compile(
    r"^(?:he|she|they|it|the\s+(?:ministry|group|agency|organi[sz]ation|company|board|committee|council|commission"
    r"|department|government|office|court|police|military|firm|institute|party|union|embassy))$",
    re.I,
)
_STATE_SPEAKERS = re.compile(
    r"^(?:(?i:the)\s+North|(?i:the)\s+South|the\s+(?:North|South)\s+Korean\s+(?:regime|government|leadership|military|authorities)|North\s+Korea|South\s+Korea|China|Japan|Russia|the\s+United\s+States|the\s+U\.S\.|Washington|Seoul|Pyongyang"
    r"|Beijing|Tokyo|Moscow|the\s+(?:government|ministry|military|police|army|navy|regime|court|prosecutors?|FBI|Pentagon"
    r"|White\s+House|Kremlin|Congress|Senate|parliament|cabinet|embassy)|police|prosecutors|Congress)\b"
)


def _classify(agent: str, cue: str, registry, verb: str = "speech", names=None, text: str = "") -> Source | None:
    agent = agent.strip(" ,.;:")
    if not agent or _PRONOUN.match(agent):
        return None
    low = agent.lower()
    head = low.split()
    if _DOC_HEAD.search(agent) and head and (head[0] in ("the", "a", "an", "this", "that", "its", "their", "new")
                                             or re.match(r"\w+\s+(?:from|by|of)\s", low)):
        return Source(agent, "document", cue)
    if re.match(r"(?:those|some|many|several|others|people|one|two|three|four|five)\b", low):
        return Source(_anon_name(agent), "anonymous", cue)  # "those sent back have reported ..."
    if _ANON_HEAD.search(agent) and not cues.NAME.search(agent.split(maxsplit=1)[-1] if " " in agent else ""):
        return Source(_anon_name(agent), "anonymous", cue)
    # the sentence's name matches, when given, spare a second scan of the agent
    found = [n for n in names if text[n[0]:n[1]] in agent] if names is not None else registry.find_names(agent)
    if found:
        return _outlet_source(found[0][2], cue)
    # an outlet the registry does not know, named by what it is: "news service Edaily", "state media"
    if cues.MEDIA_WORDS.search(agent) and (agent[:1].isupper() or low.startswith(("the ", "a ", "an "))
                                          or "state" in low or "media" in low):
        kind = "state media" if re.search(r"\bstate(?:-run|-controlled)?\b", low) else "news outlet"
        return Source(agent, "outlet", cue, outlet_kind=kind)
    if _STATE_SPEAKERS.search(agent) or cues.INSTITUTION.search(agent):
        return Source(agent, "organization", cue)
    words = agent.split()
    if words and words[-1].strip("’'s,") in cues.COUNTRIES:
        # a state speaking for itself: "Pakistan reported", "After his defection North Korea called him"
        name = " ".join(words[-2:]) if len(words) >= 2 and words[-2][:1].isupper() else words[-1]
        return Source(name, "organization", cue)
    if verb == "action":
        return None  # "X signed", "X found": an action, not a statement, unless a body or document did it
    if re.fullmatch(r"(?:the\s+)?[A-Z]{2,6}", agent):
        return Source(agent, "organization", cue)  # an acronym ("CNBC said") is a body, not a person
    name = _person_name(agent)
    if name:
        return Source(name, "person", cue)
    if _DOC_HEAD.search(agent):
        return Source(agent, "document", cue)
    return None


def _person_name(agent: str) -> str | None:
    for m in cues.NAME.finditer(agent):
        words = m.group(0).split()
        while words and words[0] in cues.NOT_NAME_WORDS:
            words.pop(0)
        if len(words) >= 2 and not any(w in cues.NOT_NAME_WORDS for w in words[1:]):
            return " ".join(words)
    # a single surname after a title or alone ("said Kim", "Robertson said")
    tokens = agent.split()
    last = re.sub(r"[’']s$", "", tokens[-1]).strip("’',") if tokens else ""
    if (len(tokens) <= 3 and len(last) >= 3 and last[:1].isupper() and re.fullmatch(r"[A-Za-z’'-]+", last)
            and last not in cues.NOT_NAME_WORDS):
        return last  # "O’Brien said", "Jones said"
    return None


def _anon_name(phrase: str) -> str:
    phrase = " ".join(phrase.split())
    return phrase[:80]


def _resolve(s: Source, recent: list[Source]) -> Source:
    """'the report' -> the report named earlier; 'the source' stays anonymous."""
    if s.kind == "document" and cues.BACK_REFERENCE.search(s.name) and recent:
        return replace(recent[-1], cue=s.cue, inherited=False)
    return s


def _quote_tags(draft: Draft, registry) -> dict[int, list[Source]]:
    """quote_id -> the sources its closing tag names ("Yonhap, via the Korea Herald": origin and carrier)."""
    tags: dict[int, list[Source]] = {}
    for block in draft.blocks:
        if block.quote_id is None or block.tag is None or block.quote_id in tags:
            continue
        origin_name, carrier_name = (part.strip() for part in (_VIA.split(block.tag, maxsplit=1) + [""])[:2])
        origin = registry.by_name(origin_name)
        carrier = registry.by_name(carrier_name) if carrier_name else None
        via = carrier.name if carrier else (carrier_name or None)
        url = block.tag_url
        sources = []
        if origin:
            sources.append(_outlet_source(origin, f"[{block.tag}]", url=url, via=via, inherited=True))
        else:
            sources.append(Source(origin_name, "outlet", f"[{block.tag}]", url=url, via=via, inherited=True))
        tags[block.quote_id] = sources
    return tags


def _lead_ins(draft: Draft, own: list[_Own], by_block: dict[int, list[int]]) -> dict[int, list[Source]]:
    """An untagged quote inherits the named sources of the paragraph that introduces it."""
    lead: dict[int, list[Source]] = {}
    for i, block in enumerate(draft.blocks):
        if block.quote_id is None or block.quote_id in lead or i == 0:
            continue
        prev = draft.blocks[i - 1]
        if prev.quote_id is not None:
            continue
        srcs = [s for j in by_block.get(prev.index, []) for s in own[j].sources
                if s.kind in ("outlet", "organization", "person", "document")]
        if srcs:
            lead[block.quote_id] = srcs
    return lead


def _next_quote_id(draft: Draft, block_index: int) -> int | None:
    if block_index + 1 < len(draft.blocks):
        return draft.blocks[block_index + 1].quote_id
    return None
