"""The words that show what a sentence rests on. Patterns only; `attribute.py` decides what they mean.

Kept general on purpose: the same cues must work on wire copy, NGO releases and blogs the model
never saw, not just on the seed draft's wording.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

SPEECH_VERBS = (
    "said|says|say|saying|told|tells|tell|telling|reported|reports|reporting|stated|states"
    "|added|adds|noted|notes|wrote|writes|confirmed|confirms|confirm|denied|denies|revealed|reveals"
    "|explained|explains|insisted|insists|warned|warns|estimated|estimates|indicated|indicates"
    "|announced|announces|announce|declared|declares|claimed|claims|claim|cited|cites|cite|documented"
    "|alleged|alleges|accused|accuses|acknowledged|acknowledges|admitted|admits|argued|argues|asserted|asserts"
    "|described|describes|tweeted|testified|disclosed|discloses|quoted|quotes|suggested|suggests|concluded|concludes"
    "|learned|informed|briefed|commented|responded|replied|recalled|recounts|recounted|believes|believe|stressed"
    "|emphasi[sz]ed|maintained|contended|observed|remarked|predicted|speculated|conceded|affirmed|reiterated"
    "|confirming|denying|claiming|insisting|warning|stating|announcing|citing|describing|alleging|think|thought"
    "|admitting|acknowledging|revealing|suggesting|noting|adding|explaining|arguing|asserting|estimating"
)
# Actions that attribute only when an organisation, outlet or document does them ("the report found").
ACTION_VERBS = (
    "found|finds|showed|shows|show|released|published|issued|signed|ordered|unveiled|broadcast|aired|carried"
    "|identified|recorded|counted|verified|analy[sz]ed|compiled|monitored|estimated"
)
# Communicative acts: a named person or body doing them speaks for itself ("Kwon proposed talks").
COMMUNICATIVE_VERBS = (
    "called|calls|urged|urges|pledged|pledges|promised|promises|vowed|vows|posted|criticized|criticised"
    "|condemned|welcomed|hailed|blamed|charged|detailed|outlined|highlighted|proposed|proposes|offered|offers"
    "|demanded|demands|rejected|rejects|refused|agreed|agrees|threatened|threatens|boasted|bragged|denounced"
    "|praised|dismissed|pushed\\s+back|requested|asked|invited|expressed|shared|plans|planned|aims|seeks|sought"
    "|pressed|appealed|protested|apologi[sz]ed|defended|questioned|challenged|disputed|decried|lamented"
    "|seek|brief|briefs|discussed|discusses|proposed|accused|accuses|threatening|vowing|urging|calling|pledging"
)


def _word_set(alternation: str) -> frozenset[str]:
    words = set()
    for w in alternation.replace("\\s+", " ").split("|"):
        w = w.split()[0]  # "pushed back" -> "pushed"
        if "[sz]" in w:
            words.update({w.replace("[sz]", "s"), w.replace("[sz]", "z")})
        else:
            words.add(w)
    return frozenset(words)


# Verb look-ups by word: much faster than alternation regexes, which Python scans position by position.
SPEECH_WORDS = _word_set(SPEECH_VERBS)
ACTION_WORDS = _word_set(ACTION_VERBS) - SPEECH_WORDS
COMMUNICATIVE_WORDS = _word_set(COMMUNICATIVE_VERBS) - SPEECH_WORDS
_TOKEN = re.compile(r"[A-Za-z]+")


def words(text: str) -> list[tuple[int, str]]:
    """(start, word) of every word: tokenised once per sentence and shared by the look-ups below."""
    return [(m.start(), m.group()) for m in _TOKEN.finditer(text)]



ACCORDING_TO = re.compile(r"\baccording\s+to\s+", _I)
# "said X" after a quotation or comma: "…,” said Phil Robertson, deputy Asia Director.
INVERTED = re.compile(
    r"[,”\"’]\s*(?:as\s+)?(?:said|says|added|adds|told|asked|wrote|writes|noted|explained|continued|stated|warned|insisted"
    r"|reports|reported|claimed|claims|quoted\s+by|reported\s+by|according\s+to)"
    r"\s+((?:the\s+)?[^,.;:!?“”\"]{2,80})",
    _I,
)
# Words one of which every INVERTED match contains.
INVERTED_TRIGGERS = frozenset(
    """said says added adds told asked wrote writes noted explained continued stated warned insisted reports
    reported claimed claims quoted according""".split()
)
# An unnamed speaker doing the telling: "a source in Yangkang Province reported", "sources indicate".
ANONYMOUS_HEAD = re.compile(
    r"\b(?:sources?|insiders?|informants?|escapees|defectors|residents?|witnesses|eyewitnesses|officials|diplomats"
    r"|investigators|authorities|observers|analysts|people|individuals|contacts|researchers|experts)\b",
    _I,
)
# Words one of which every ANONYMOUS_HEAD match is: a sentence with none skips anonymous_speaker().
ANONYMOUS_HEAD_WORDS = frozenset(
    """source sources insider insiders informant informants escapees defectors resident residents witnesses
    eyewitnesses officials diplomats investigators authorities observers analysts people individuals contacts
    researchers experts""".split()
)
ANONYMOUS_VERB = re.compile(
    r"[^.;:“”\"]{0,60}?\b(?:said|say|says|told|tell|reported|report|indicate[sd]?|revealed?|claim(?:ed|s)?"
    r"|suggest(?:ed|s)?|noted?|added|explained|confirmed?|believe[sd]?|disclosed?|warned|described|recounted|recalled)\b",
    _I,
)


def anonymous_speaker(text: str) -> str | None:
    """An unnamed speaker doing the telling: "a source in Yangkang Province reported", "sources indicate"."""
    for m in ANONYMOUS_HEAD.finditer(text):
        verb = ANONYMOUS_VERB.match(text, m.end())
        if verb:
            lead = re.split(r"[,;:“”\"()]", text[max(0, m.start() - 40): m.start()])[-1].split()[-4:]
            while lead and lead[0].lower() in ("and", "but", "or", "while", "as", "that"):
                lead.pop(0)  # "... and officials said": the conjunction is not part of the speaker
            # the speaker as named: up to the first comma or relative clause ("who spoke on condition ...")
            tail = re.split(r",|\s(?:who|which|that)\s", text[m.start(): verb.end()], maxsplit=1)[0]
            words = tail.split()
            if len(words) > 1 and text[m.start(): verb.end()] == tail:
                words.pop()  # the match ends with its verb
            return " ".join((lead + words)[:12])
    return None


ANONYMITY_PHRASES = re.compile(
    r"\b(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|spoke\s+anonymously|declined\s+to\s+be\s+(?:named|identified)"
    r"|asked\s+not\s+to\s+be\s+(?:named|identified)|requested\s+anonymity|not\s+authori[sz]ed\s+to\s+(?:speak|talk)"
    r"|unnamed|anonymous|identified\s+only\s+(?:as|by)|(?:with\s+)?the\s+surname|who\s+(?:goes|went)\s+by"
    r"|people\s+familiar\s+with|sources?\s+(?:said|say|told|close)|a\s+source\b|the\s+source\b"
    r"|the\s+(?:second|first|other)\s+source|insiders?\s+(?:said|say)|has\s+learned|continues\s+to\s+hear"
    r"|escapees?\b|defectors?\s+(?:said|say|told)|residents?\s+(?:said|say|told))",
    _I,
)
# Words one of which every ANONYMITY_PHRASES match contains: most sentences have none and skip the regex.
ANONYMITY_TRIGGERS = frozenset(
    """condition anonymously anonymity declined asked requested authorized authorised unnamed anonymous identified
    surname goes went familiar source sources insider insiders learned hear escapee escapees defector defectors
    resident residents""".split()
)
# Every VAGUE match contains one of these words; a sentence with none skips the regex.
VAGUE_TRIGGERS = frozenset(
    """report reports reporting reported believed said thought rumored rumoured rumor rumors rumour rumours
    understood alleged word say believe claim claimed read heard unconfirmed known appear appears seems suggested
    according critics""".split()
)
VAGUE = re.compile(
    r"\b(?:reports?\s+(?:suggest(?:s|ing|ed)?|say|said|indicate[sd]?|claim(?:s|ed)?)|it\s+is\s+(?:believed|said|thought|rumou?red|reported|understood|alleged)"
    r"|(?:is|are|was|were)\s+(?:said|rumou?red|thought|understood)\s+to|according\s+to\s+(?:media\s+)?reports|media\s+reports"
    r"|rumou?rs?\s+(?:say|said|suggest\w*|that|have\s+it|had\s+it)|according\s+to\s+rumou?rs|word\s+(?:is|has\s+it)|some\s+(?:say|believe|claim)|many\s+(?:say|believe)|it\s+has\s+been\s+(?:reported|said|claimed)"
    r"|a\s+series\s+of\s+reports|reporting\s+(?:last|this)\s+\w+|widely\s+(?:reported|believed)|there\s+are\s+reports"
    r"|we\s+read|i\s+(?:have\s+)?heard|people\s+said|(?:has|have)\s+been\s+reported|unconfirmed"
    r"|it\s+(?:was|has\s+been|had\s+been)\s+(?:claimed|reported|alleged|said|rumou?red|suggested)"
    r"|(?:is|are|was|were)\s+known\s+to|it\s+would\s+appear|it\s+seems|it\s+appears|reports\s+(?:have|had)\s+(?:said|suggested|claimed)"
    r"|according\s+to\s+(?:some|several|various|local|unconfirmed|other|multiple)\b|critics\s+(?:say|have|said)"
    r"|^rumou?rs?\b|the\s+rumou?r\s+is|rumou?rs?\s+(?:like|such\s+as)\s+this)\b",
    _I,
)
HEDGES = re.compile(
    r"\b(?:reportedly|purportedly|allegedly|presumably|apparently|supposedly|ostensibly|seemingly|possibly"
    r"|probably|likely|unlikely|perhaps|maybe|rumou?red|unconfirmed|(?:is|are|was|were|been)\s+believed\s+to"
    r"|believed\s+to\s+(?:be|have)|thought\s+to\s+(?:be|have)|may\s+have|might\s+have|could\s+have|appears?\s+to"
    r"|appeared\s+to|seems?\s+to|seemed\s+to|probable|suspected|estimated\s+to|is\s+said\s+to|are\s+said\s+to"
    r"|(?:is|are|was|were)\s+reported\s+to|would\s+appear|it\s+seems|seems\s+that|is\s+known\s+to|are\s+known\s+to|could\s+be|may\s+be|might\s+be)\b",
    _I,
)
# Every hedge contains one of these words; most sentences contain none, so HEDGES rarely has to run.
HEDGE_WORDS = frozenset(
    """reportedly purportedly allegedly presumably apparently supposedly ostensibly seemingly possibly probably likely
    unlikely perhaps maybe rumored rumoured unconfirmed believed thought may might could appears appear appeared seems
    seem seemed probable suspected estimated said known would reported""".split()
)


def hedges(text: str, lowered: set[str]) -> list[str]:
    if not lowered & HEDGE_WORDS:
        return []
    return [m.group(0).lower() for m in HEDGES.finditer(text)]


# Words one of which every DATE match contains, unless the match is a bare year (digits: check those apart).
DATE_WORDS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr jun
    jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday yesterday today week month
    year""".split()
)
# The author's own voice; case kept so that "US" (the country) is not "us".
FIRST_PERSON_WORDS = frozenset("I me my mine myself we We our Our ours us My Me".split())
# The author's opinion, looked up by word (as fast as a set, where one regex of alternatives was the
# slowest step of featurising): single words, and a few short phrases ("I doubt", "of course").
_OPINION_SINGLE = frozenset(
    """certainly clearly obviously surely should ought must imagine hopefully unfortunately fortunately ironically
    sadly dumb stupid idiot idiots absurd ridiculous creepy dubious pathetic bizarre outrageous shameful""".split()
)
_I_VERBS = frozenset("think believe doubt suspect guess hope wonder feel expect suppose".split())
_PHRASES = {("of", "course"), ("need", "to"), ("needs", "to"), ("let", "us"), ("let", "s")}


def is_opinion(words: list[str]) -> bool:
    """`words`: the letter runs of the author's own words, in order ("can’t" gives "can", "t")."""
    low = [w.lower() for w in words]
    if not _OPINION_SINGLE.isdisjoint(low):
        return True
    for a, b, c in zip(low, low[1:], low[2:] + [""]):
        if (a, b) in _PHRASES or (a == "in" and b == "my" and c in ("view", "opinion")):
            return True
        if a == "i" and (b in _I_VERBS or (b in ("can", "don") and c == "t")):
            return True
    return False


MODAL_WORDS = frozenset("will would could might may can shall won wouldn".split())
MODAL_FUTURE = re.compile(r"\b(?:will|would|could|might|may|can|shall|won’t|won't|wouldn’t|wouldn't)\b", _I)
DATE = re.compile(
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
    r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{4}|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:last|this|next)\s+(?:week|month|year)|yesterday|today)\b"
)
# "was disclosed on Saturday by the state news agency, KCNA": the agent of a passive report
PASSIVE_AGENT = re.compile(
    r"\b(?:was|were|been|is|are|being)\s+(?:first\s+|also\s+|later\s+)?(?:reported|disclosed|announced|confirmed|revealed"
    r"|released|published|quoted|cited|stated|broadcast|carried|documented|compiled|provided|obtained|analy[sz]ed"
    r"|held|given|delivered|made|written|issued|signed|presented|told)"
    r"\s+(?:[\w,]+\s+){0,5}?by\s+((?:the\s+)?[^.;:“”\"]{2,80})",
    _I,
)
# "photos released by the agency", "figures compiled on Monday by the ministry": a participle with its agent
PARTICIPLE_AGENT = re.compile(
    r"\b(?:released|published|issued|carried|provided|broadcast|compiled|obtained|quoted|cited|distributed|shared"
    r"|posted|aired|shown|supplied|reported)\s+(?:(?:today|yesterday|earlier|later|first|also|on\s+\w+|last\s+\w+)\s+)?"
    r"by\s+((?:the\s+)?[^.;:“”\"]{2,80})",
    _I,
)
COUNTRIES = frozenset(
    """Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bangladesh Belarus Belgium Bolivia
    Brazil Bulgaria Burma Cambodia Cameroon Canada Chile China Colombia Congo Croatia Cuba Cyprus Denmark Egypt
    Estonia Ethiopia Finland France Georgia Germany Ghana Greece Guatemala Hungary India Indonesia Iran Iraq Ireland
    Israel Italy Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Laos Latvia Lebanon Libya Lithuania Malaysia Mexico
    Mongolia Morocco Myanmar Nepal Netherlands Nigeria Norway Pakistan Palestine Panama Peru Philippines Poland Portugal
    Qatar Romania Russia Rwanda Serbia Singapore Slovakia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Thailand
    Tunisia Turkey Uganda Ukraine Uruguay Uzbekistan Venezuela Vietnam Yemen Zimbabwe America Britain Europe
    Washington Seoul Pyongyang Beijing Tokyo Moscow London Paris Berlin Brussels Tehran Kyiv Delhi Islamabad Hanoi
    Taipei Manila Jakarta Bangkok Canberra Ottawa Geneva Hong Kong Macau Kremlin Pentagon""".split()
)

# Hedges that say the writer is passing on what others say, not what a source said on the record.
HEARSAY_HEDGES = frozenset(
    "reportedly purportedly allegedly supposedly rumored rumoured unconfirmed".split()
)
