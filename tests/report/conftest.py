"""Briefs built by hand from short real article snippets, so report tests do not depend on the
analysis stages (which other tests cover) and can hold every section and every conflict kind."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.model import (
    Article,
    Brief,
    Claim,
    Conflict,
    ConflictSide,
    Coverage,
    FramingTerm,
    Quantity,
    Quote,
    StoryInfo,
    SummarySentence,
    TimelineEvent,
    stable_id,
)

RT_TEXT = (
    "In a Sunday story, the Wall Street Journal reported that Russian military and technical "
    "personnel had left Venezuela en masse, with the numbers diminishing from 1,000 to several "
    "dozen.\nOn Monday, the corporation itself dismissed the report.\n"
    '"The figures provided in the piece by the Wall Street Journal have been exaggerated tens '
    'of times. The numbers of our staff there has remained the same for many years," the press '
    "service of Rostec stated.\nThe US-backed attempt to oust President Nicolas Maduro and "
    "install self-proclaimed 'interim-president' Juan Guaido continues."
)
SPUTNIK_TEXT = (
    "Russian Ambassador to Venezuela Vladimir Zaemsky has refuted reports about the withdrawal "
    "of Russian military specialists.\n\n"
    "“This is another piece of ‘news’ which has absolutely nothing to do with reality. Work is "
    "being carried out in accordance with existing obligations, and there is no talk of any "
    "cuts,” Zaemsky said, speaking to Sputnik on Monday.\n\n"
    "According to Rostec, the number of its employees in Venezuela was overestimated by "
    "several times."
)
MT_TEXT = (
    'Russia\'s defense conglomerate has withdrawn "key" defense advisers from Venezuela, The '
    "Wall Street Journal reported Sunday.\n\nAnalyst Mark Galeotti estimated that some 300 "
    "Russian Defense Ministry and security officers remain in the country."
)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return (start, start + len(part))


def _quote(article: Article, speaker: str | None, part: str, **kw: object) -> Quote:
    return Quote(
        id=stable_id("q", article.id, part),
        speaker=speaker,
        text=part,
        article_id=article.id,
        span=_span(article.text, part),
        kind=kw.pop("kind", "direct"),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def make_brief(
    rt_title: str = "Rostec dismisses WSJ report",
    rt_text: str = RT_TEXT,
    rt_url: str | None = "https://www.rt.com/news/461046-russia-venezuela-specialists-wsj/",
) -> Brief:
    rt = Article(
        id="a-rt",
        file="000.txt",
        url=rt_url,
        outlet="RT",
        title=rt_title,
        text=rt_text,
        removed=["Subscribe to RT newsletter"],
    )
    sputnik = Article(
        id="a-sp",
        file="001.txt",
        outlet="Sputnik",
        title="Moscow speaks out on claim that it withdrew military advisers",
        text=SPUTNIK_TEXT,
    )
    mt = Article(
        id="a-mt",
        file="003.txt",
        outlet="The Moscow Times",
        url="https://www.themoscowtimes.com/2019/06/03/russia-slashes-a65839",
        title="Russia Slashes Number of Military Advisers in Venezuela, Reports Say",
        published=date(2019, 6, 3),
        published_source="text",
        text=MT_TEXT,
    )
    q_rt = _quote(
        rt,
        "Rostec",
        "The figures provided in the piece by the Wall Street Journal have been exaggerated "
        "tens of times.",
        cue="stated",
        speaker_description="press service",
    )
    q_sp = _quote(
        sputnik,
        "Rostec",
        "the number of its employees in Venezuela was overestimated by several times",
        kind="indirect",
        cue="according to",
    )
    q_z = _quote(
        sputnik,
        "Vladimir Zaemsky",
        "there is no talk of any cuts",
        cue="said",
        speaker_description="Russian Ambassador to Venezuela",
    )
    q_g = _quote(
        mt,
        "Mark Galeotti",
        "some 300 Russian Defense Ministry and security officers",
        kind="indirect",
        cue="estimated",
    )
    c_cut = Claim(
        id="c-cut",
        text="Rostec cut its staff in Venezuela from about 1,000 to a few dozen.",
        speaker="The Wall Street Journal",
        article_ids=["a-rt", "a-mt"],
        quantities=[Quantity(value=1000, approx=True, text="about 1,000")],
    )
    c_same = Claim(
        id="c-same",
        text="The number of Rostec staff in Venezuela has remained the same.",
        speaker="Rostec",
        article_ids=["a-rt"],
        quote_ids=[q_rt.id],
    )
    c_no = Claim(
        id="c-no",
        text="There is no talk of any cuts.",
        speaker="Vladimir Zaemsky",
        article_ids=["a-sp"],
        quote_ids=[q_z.id],
    )
    side = ConflictSide
    conflicts = [
        Conflict(
            id="x-1",
            kind="contradiction",
            a=side(
                speaker="The Wall Street Journal",
                text=c_cut.text,
                article_ids=["a-rt", "a-mt"],
                claim_id="c-cut",
            ),
            b=side(
                speaker="Rostec",
                text="The numbers of our staff there has remained the same",
                article_ids=["a-rt"],
                claim_id="c-same",
            ),
            explanation="The WSJ says Rostec's staff fell; Rostec says it has not changed.",
        ),
        Conflict(
            id="x-2",
            kind="denial",
            a=side(
                speaker="The Wall Street Journal",
                text="Rostec withdrew key advisers",
                article_ids=["a-mt"],
            ),
            b=side(
                speaker="Vladimir Zaemsky", text=q_z.text, article_ids=["a-sp"], claim_id="c-no"
            ),
            explanation="The ambassador denies the cuts the WSJ reported.",
        ),
        Conflict(
            id="x-3",
            kind="quote-variant",
            a=side(speaker="Rostec", text="exaggerated tens of times", article_ids=["a-rt"]),
            b=side(speaker="Rostec", text="overestimated by several times", article_ids=["a-sp"]),
            explanation="RT and Sputnik render the same Rostec statement with different sizes.",
        ),
        Conflict(
            id="x-4",
            kind="scope-difference",
            a=side(speaker="Mark Galeotti", text="some 300 officers", article_ids=["a-mt"]),
            b=side(
                speaker="The Wall Street Journal",
                text="a few dozen Rostec staff",
                article_ids=["a-rt"],
            ),
            explanation="Galeotti counts defence and security officers, the WSJ Rostec staff.",
        ),
    ]
    return Brief(
        story=StoryInfo(
            headline="Russia denies pulling advisers out of Venezuela",
            first_seen=date(2019, 6, 3),
            last_seen=date(2019, 6, 3),
        ),
        articles=[rt, sputnik, mt],
        quotes=[q_rt, q_sp, q_z, q_g],
        claims=[c_cut, c_same, c_no],
        conflicts=conflicts,
        timeline=[
            TimelineEvent(
                date=date(2019, 6, 3),
                precision="day",
                text="Rostec dismisses the report.",
                article_ids=["a-rt"],
                basis="'On Monday' anchored on the dated article [3]",
            ),
            TimelineEvent(
                date=date(2019, 6, 2),
                precision="day",
                text="The Wall Street Journal reports the withdrawal.",
                article_ids=["a-rt", "a-mt"],
                basis="'Sunday' in the text",
            ),
        ],
        framing=[
            FramingTerm(
                outlet="RT",
                term="self-proclaimed",
                refers_to="Juan Guaido",
                others_say=["opposition leader"],
                article_ids=["a-rt"],
            ),
            FramingTerm(
                outlet="RT",
                term="US-backed attempt",
                refers_to="the opposition campaign",
                article_ids=["a-rt"],
            ),
        ],
        coverage=[
            Coverage(
                claim_id="c-cut", outlets=["RT", "The Moscow Times"], missing_from=["Sputnik"]
            ),
        ],
        summary=[
            SummarySentence(
                text="The WSJ reported that Rostec withdrew advisers from Venezuela.",
                article_ids=["a-rt", "a-mt"],
            ),
            SummarySentence(text="Russian officials denied any cuts.", article_ids=["a-sp"]),
        ],
    )


PAYLOADS = ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=1">')


def make_hostile_brief() -> Brief:
    """Every field that reaches the page carries script: titles, text, quotes, urls."""
    evil = " ".join(PAYLOADS)
    brief = make_brief(
        rt_title=f"Title {evil}",
        rt_text=RT_TEXT + f"\nEvil paragraph {evil} ends.",
        rt_url="javascript:window.__pwned=1",
    )
    rt = brief.articles[0]
    brief.articles[1].url = 'https://example.org/"><script>window.__pwned=1</script>'
    brief.quotes.append(_quote(rt, f"Speaker {PAYLOADS[1]}", f"Evil paragraph {evil}"))
    brief.conflicts[0].explanation = f"Explained {evil}"
    brief.claims[0].text = f"Claim {evil}"
    brief.framing[0].term = PAYLOADS[0]
    brief.summary[0].text = f"Summary {PAYLOADS[1]}"
    brief.story.headline = f"Headline {PAYLOADS[0]}"
    return brief


@pytest.fixture
def brief() -> Brief:
    return make_brief()


@pytest.fixture
def hostile_brief() -> Brief:
    return make_hostile_brief()


@pytest.fixture
def empty_brief() -> Brief:
    return Brief(
        story=StoryInfo(headline="A story with nothing found"),
        articles=[Article(id="a-1", text="Just one plain sentence.", outlet=None)],
    )
