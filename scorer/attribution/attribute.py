"""Claims to Attributions: who or what each sentence rests on, its own mentions first, then its frame.

A sentence's own mentions (the span tagger's, with the quoted-block tag, dateline and link rules, see
`mentions.py`) win: it keeps only those, plus the tag of the quoted block it sits in (the carrier of the
whole excerpt). A sentence with none takes the frame the rubric gives it, in this order: its quoted
block's tag; the paragraph that leads into its quoted block (one ending in ":", or one whose last
sentence links the page the quote comes from); the nearest earlier sentence
of its own paragraph that has sources ("According to X, ..." covers the rest of its paragraph); the
speaker of a quotation it continues. Never a later sentence's sources, never another paragraph's.
"""

from __future__ import annotations

from dataclasses import replace

from scorer.attribution.mentions import Own, continues_quotation, own_mentions, quote_tag_sources
from scorer.attribution.resolve import History, resolve
from scorer.outlets import label_for
from scorer.types import Attribution, Claim, Draft, Source

_MAX_FRAME = 8  # sources one sentence passes on to the next: more is a list of attributions, not a frame


def attribute(draft: Draft, claims: tuple[Claim, ...], registry=None, tagger=None) -> tuple[Attribution, ...]:
    if registry is None:
        from scorer.outlets import get_registry

        registry = get_registry()
    if tagger is None:
        from scorer.attribution.tagger import default_tagger

        tagger = default_tagger()
    own = [own_mentions(c, draft.blocks[c.block_index], registry, tagger) for c in claims]
    tag_sources = quote_tag_sources(draft, registry)
    last_in_block: dict[int, int] = {}
    for c in claims:
        last_in_block[c.block_index] = c.index
    block_last: dict[int, list[Source]] = {}  # block -> the latest own sources of its sentences so far
    lead_ins: dict[int, list[Source]] = {}  # quote_id -> sources of the paragraph that leads into it
    history = History()
    out = []
    for c in claims:
        mine: Own = own[c.index]
        block = draft.blocks[c.block_index]
        signals: list[str] = []
        sources: list[Source] = []
        for m in mine.mentions:
            src, why = resolve(m, history, c.block_index)
            sources.append(src)
            history.note(src, c.block_index)  # "Obama suggested ... he said": the nearest name, even in this sentence
            if why:
                signals.append(why)
        # the quoted block's own frame: its closing tag, else the paragraph that led into it
        tag = (tag_sources.get(c.quote_id) or lead_ins.get(c.quote_id)) if c.quote_id is not None else None
        written_tag = []
        if mine.tag_span is not None and c.quote_id in tag_sources:
            # the tag frames the whole excerpt (inherited, as for its other sentences) and is written here
            a, b = mine.tag_span
            written_tag = [replace(tag_sources[c.quote_id][0], start=a, end=b)]
        own_sources = _dedupe(sources + mine.links)
        for s in mine.links:
            history.note(s, c.block_index)
        for s in tag or ():
            history.note(s, c.block_index)
        signals.extend(mine.signals)
        if own_sources:
            sources = _dedupe(own_sources + written_tag + (tag or []))
        else:
            frame: list[Source] = []
            if tag:
                frame += tag
            elif block.text.rstrip().endswith(":") and c.index == last_in_block[c.block_index]:
                # "That trend continues:" introduces the quote that follows it and rests on it
                nxt = _next_quote_id(draft, block.index)
                if nxt is not None and nxt in tag_sources:
                    frame += tag_sources[nxt]
            frame += block_last.get(c.block_index, [])
            if not frame and history.speaker is not None and continues_quotation(c) \
                    and c.block_index - history.speaker_block <= 1:
                speaker = history.speaker
                frame.append(replace(speaker, cue="quotation continued from " + speaker.name, start=None, end=None))
                signals.append(f"continues the quotation of {speaker.name}")
            sources = _dedupe(written_tag + [_inherited(s) for s in frame])
        if c.quote_id is not None and c.quote_id in tag_sources:
            signals.append(f"quoted block tagged [{block.tag}]")
        elif tag:
            signals.append("quoted block introduced by " + ", ".join(s.name for s in tag))
        if own_sources:
            block_last[c.block_index] = own_sources[:_MAX_FRAME]  # made inherited only when a sentence takes them
        if c.index == last_in_block[c.block_index] and (block.text.rstrip().endswith(":") or c.links):
            nxt = _next_quote_id(draft, block.index)
            lead = [_inherited(s) for s in block_last.get(c.block_index, []) if s.kind != "vague"]
            if nxt is not None and lead:
                lead_ins[nxt] = lead
        signals.extend(_summary_signals(sources, mine))
        out.append(Attribution(c.index, tuple(sources), tuple(mine.hedges), tuple(dict.fromkeys(signals)),
                               mine.quotes, mine.unconfirmed, tuple(mine.declined)))
    return tuple(out)


def _summary_signals(sources: list[Source], mine: Own) -> list[str]:
    """Why the sources weigh what they weigh, in words a reader can check."""
    out = []
    if mine.declined:
        out.append("not confirmed by " + ", ".join(s.name for s in mine.declined))
    elif mine.unconfirmed:
        out.append("stated as not confirmed")
    if not sources:
        out.append("no attribution found")
        return out
    if all(s.inherited for s in sources):
        out.append("inherits its paragraph's or quote's attribution")
    for s in sources:
        if s.kind == "person" and not s.inherited and mine.quotes and s.named:
            out.append(f"direct quote of a named speaker: {s.name}")
        elif s.kind in ("person", "organization") and not s.inherited and s.named:
            out.append(f"named {s.kind}: {s.name}")
        elif s.kind == "document" and s.named and not s.inherited:
            out.append(f"named document: {s.name}")
        elif s.kind == "anonymous" and not s.inherited:
            out.append(f"anonymous source: “{s.name}”")
        elif s.kind == "vague" and not s.inherited:
            out.append(f"vague attribution: “{s.name}”")
        if s.via:
            out.append(f"{s.name} via {s.via}")
        if s.reliability is not None and s.kind in ("outlet", "organization"):
            out.append(f"outlet reliability: {label_for(s.reliability)} ({s.name})")
    return out


def _key(s: Source):
    return s.outlet or (s.kind, s.name.lower())


def _dedupe(sources: list[Source]) -> list[Source]:
    """One entry per source; the first mention wins (own before inherited)."""
    seen: set = set()
    out = []
    for s in sources:
        key = _key(s)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _inherited(s: Source) -> Source:
    return s if s.inherited and s.start is None else replace(s, inherited=True, start=None, end=None)


def _next_quote_id(draft: Draft, block_index: int) -> int | None:
    if block_index + 1 < len(draft.blocks):
        return draft.blocks[block_index + 1].quote_id
    return None
