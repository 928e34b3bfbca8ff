"""General vocabularies the span tagger reads as features: kinds of words, never particular names.

Each set is a class of word a news writer uses around a source ("officials", "records", "Dr.", "said").
The tagger learns from the labelled corpus what the classes mean in context; the sets only let it carry
what it learned to words it never saw. Changing a set changes the feature schema (its hash is stamped
in the tagger's model file).
"""

from __future__ import annotations

from scorer.attribution import cues

SPEECH = cues.SPEECH_WORDS | frozenset(
    "say says said tell tells told according quoted quoting cited citing show shows showed shown".split()
)
ACTION = cues.ACTION_WORDS
COMMUNICATIVE = cues.COMMUNICATIVE_WORDS
# Titles and ranks written before a name; the name span leaves them out.
TITLES = frozenset(
    """dr mr mrs ms miss prof professor gov governor sen senator rep representative gen general col colonel lt
    lieutenant capt captain sgt sergeant adm admiral maj major cmdr commander rev reverend sir dame lord lady
    president vice pres minister premier chancellor secretary ambassador mayor judge justice chairman chairwoman
    chair director chief king queen prince princess sheikh pope cardinal bishop father sister brother officer
    inspector detective superintendent commissioner attorney lawyer spokesman spokeswoman spokesperson
    representative envoy deputy assistant ceo cfo coo founder leader supreme marshal premier speaker mp""".split()
)
# Unnamed people: "officials", "sources", "experts".
ANONYMOUS = frozenset(
    """source sources insider insiders official officials expert experts analyst analysts critic critics resident
    residents witness witnesses eyewitness eyewitnesses people person persons individual individuals diplomat
    diplomats observer observers defector defectors escapee escapees refugee refugees informant informants
    contact contacts researcher researchers scientist scientists worker workers trader traders merchant merchants
    student students employee employees staff staffer staffers aide aides activist activists investigator
    investigators prosecutor prosecutors lawmaker lawmakers legislator legislators member members opponent
    opponents supporter supporters villager villagers citizen citizens soldier soldiers victim victims relative
    relatives neighbour neighbours neighbor neighbors acquaintance acquaintances whistleblower whistleblowers
    journalist journalists reporter reporters correspondent correspondents partner partners someone somebody
    familiar anonymity anonymous unnamed unidentified condition""".split()
)
# Things that show or state: "records show", "a filing", "the report".
DOCUMENT = frozenset(
    """report reports record records document documents filing filings data dataset statement statements study
    studies survey surveys poll polls figure figures statistics stats analysis analyses estimate estimates
    review imagery image images footage video videos photo photos photograph photographs picture pictures memo
    memos letter letters email emails release releases communique transcript transcripts testimony complaint
    lawsuit indictment ruling affidavit order decree resolution law act bill treaty agreement declaration index
    census registry register database log logs minutes notice bulletin paper papers article articles story
    post posts tweet tweets blog research findings evidence map maps chart charts cable cables leak leaks
    dossier file files audit assessment briefing""".split()
)
# News media: "the newspaper", "state media", "the broadcaster".
MEDIA = frozenset(
    """newspaper newspapers paper broadcaster broadcasters agency news media outlet outlets tv television radio
    daily weekly times post journal magazine tabloid wire channel network station press herald tribune gazette
    telegraph guardian chronicle reporter website site portal service ledger courier examiner sentinel inquirer
    dispatch observer monitor mirror express standard bulletin wire""".split()
)
# Bodies that speak for themselves: "the ministry", "police", "the company".
INSTITUTION = frozenset(
    """government ministry military police army navy court prosecutors agency office department council authority
    authorities administration regulator watchdog tribunal coalition alliance federation league bank exchange
    hospital commission committee parliament assembly embassy company board command cabinet legislature
    congress senate party bureau institute foundation university union organization organisation group state
    regime leadership junta secretariat directorate forces mission consulate firm corporation inc corp ltd llc
    co association society center centre council ngo charity team club school college network fund programme
    program unit division headquarters treasury pentagon kremlin interpol""".split()
)
PRONOUNS = frozenset("he she they it we i you him her them his its their one".split())
HEDGE = frozenset(
    """reportedly purportedly allegedly supposedly rumored rumoured rumor rumors rumour rumours believed thought
    understood alleged unconfirmed apparently seemingly widely known said seen""".split()
)
NEGATION = frozenset("not no never declined refused unable failed without n't didn't couldn't wasn't".split())
DEMONYMS = frozenset(
    """american british chinese japanese korean russian french german iranian iraqi israeli palestinian syrian
    turkish indian pakistani afghan ukrainian european african asian canadian mexican brazilian australian
    italian spanish polish swiss swedish dutch belgian egyptian saudi emirati qatari vietnamese thai filipino
    indonesian malaysian mongolian taiwanese nigerian kenyan ethiopian south north western eastern foreign
    local state federal regional national international""".split()
)
COUNTRIES = frozenset(w.lower() for w in cues.COUNTRIES)
MONTHS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split()
)

# Words that are not names even when capitalised (a sentence's first word): kept as themselves.
FUNCTION_WORDS = frozenset(
    """the a an this that these those it its his her their our my your he she they we i you one some many
    several other another in on at for from to of by with as after before since while when if but and or
    according also meanwhile however last earlier later yet still there here both each all no not""".split()
)

# (feature name, word set) in a fixed order: part of the schema.
CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("speech", SPEECH),
    ("action", ACTION),
    ("comm", COMMUNICATIVE),
    ("title", TITLES),
    ("anon", ANONYMOUS),
    ("doc", DOCUMENT),
    ("media", MEDIA),
    ("inst", INSTITUTION),
    ("pron", PRONOUNS),
    ("hedge", HEDGE),
    ("neg", NEGATION),
    ("demonym", DEMONYMS),
    ("country", COUNTRIES),
    ("month", MONTHS),
    ("func", FUNCTION_WORDS),
)
