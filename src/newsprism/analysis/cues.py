"""Word lists for attribution: general English, nothing specific to one story."""

from __future__ import annotations

# Verbs that attribute content to a source ("X said", "X denied that", "X estimates").
CUE_LEMMAS = frozenset(
    """
    say tell state add declare stress deny claim note report estimate refute dismiss write
    announce explain insist argue warn confirm suggest acknowledge admit assert maintain contend
    recall reply respond answer tweet post observe comment remark emphasize emphasise underline
    reiterate predict promise vow pledge threaten urge ask allege accuse charge complain concede
    caution conclude testify mention signal hint speculate reveal indicate show find believe
    think disclose brief inform quote cite learn describe counter retort agree acknowledge
    admit boast lament question wonder point object protest reject rebut contest call praise
    thank want support prefer propose criticize criticise accuse demand seek oppose endorse blame
    slam attack favor favour vote repeat offer refuse hope fear worry feel expect recommend
    dub label characterize characterise condemn welcome applaud decry defend
    """.split()
)
# Cues of stance or judgement whose complement (not a clause) is the content:
# "called him a total stiff", "thanked Obama for taking these steps".
STANCE_LEMMAS = frozenset(
    """
    call praise thank want support prefer propose criticize criticise accuse demand seek oppose
    endorse blame slam attack favor favour vote offer refuse urge describe dub label
    characterize characterise condemn welcome applaud decry defend promise vow pledge threaten
    """.split()
)
# Cues whose object alone can be the reported content: "denied the reports about X".
OBJECT_CONTENT_LEMMAS = frozenset(
    {"deny", "refute", "dismiss", "reject", "rebut", "contest", "confirm", "announce", "claim"}
)
# Cues by which one outlet relays another source's words.
RELAY_LEMMAS = frozenset({"report", "write", "cite", "quote", "publish", "learn"})
# Heads of a noun phrase that name a source without naming it: "a person close to ...".
UNNAMED_SOURCE_NOUNS = frozenset(
    """
    source sources person people official officials insider insiders aide aides diplomat
    diplomats expert experts analyst analysts observer observers witness witnesses someone
    spokesperson representative representatives employee employees staffer staffers member
    members adviser advisers advisor advisors
    """.split()
)
# Heads of a noun phrase that refer to a news outlet: "the newspaper", "the outlet".
MEDIA_NOUNS = frozenset(
    """
    newspaper paper outlet daily publication magazine agency broadcaster network channel
    website site tabloid weekly journal
    """.split()
)
# Nouns for a piece of reporting; "the report said" speaks for the outlet behind it.
REPORT_NOUNS = frozenset({"report", "story", "article", "piece", "investigation", "reporting"})
# Words in an organisation's name that make it a news outlet.
MEDIA_NAME_WORDS = frozenset(
    """
    journal times post news herald gazette tribune telegraph guardian press agency tv radio
    television daily mail observer chronicle reuters bloomberg magazine wire broadcasting
    """.split()
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
OTHER_PRONOUNS = frozenset({"they", "them", "it"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
