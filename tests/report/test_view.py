"""What the reports show: outlet counts, plurals, and which quotes are one statement.

The snippets are from NewsWCL50's event 2 (North Korea suspends nuclear tests, April 2018), the
NewsWCL50 Comey memo event and the seed story, each article cut to the sentences a test needs.
"""

from __future__ import annotations

from datetime import date

import pytest
from lxml import html as lxml_html

from newsprism.model import Article, Brief, Claim, Quote, StoryInfo, TimelineEvent, stable_id
from newsprism.report.html import to_html
from newsprism.report.markdown import to_markdown
from newsprism.report.view import QuoteGroupView, build_view, counted

NYT_KIM = (
    "SEOUL, South Korea — North Korea's leader, Kim Jong-un, announced early Saturday that his "
    "country no longer needed to test nuclear weapons or long-range missiles and would close a "
    "nuclear test site.\n"
    '"The nuclear test site has done its job," Mr. Kim said in a statement carried by North '
    "Korea's state media.\n"
    "The defense minister, Itsunori Onodera, who was visiting Washington when Mr. Kim announced "
    'the suspension of nuclear and missile tests, said the move was "not sufficient".\n'
    "In a statement after a meeting of the Central Committee of his ruling Workers' Party, Mr. "
    "Kim said his country required no further nuclear and long-range missile tests because it "
    "had already achieved a nuclear deterrent.\n"
    '"From April 21, North Korea will stop nuclear tests and launches of intercontinental '
    'ballistic missiles," the Korean Central News Agency said, quoting Mr. Kim.\n'
    "To officials and analysts in South Korea, Mr. Kim's decision to shut down his country's "
    "only known nuclear test site, in Punggye-ri in northeastern North Korea, and his "
    'moratorium on long-range missile tests, are some of the "trust-building steps".\n'
    '"North Korea has agreed to suspend all Nuclear Tests and close up a major test site," the '
    "president said in a Twitter message.\n"
    '"This is very good news for North Korea and the World — big progress!"'
)
HUFFPOST = (
    "North Korea will suspend its nuclear and missile tests, North Korean state media reported "
    "Saturday morning local time.\n"
    'North Korean dictator Kim Jong Un said the country "will join international efforts" to '
    'halt "the nuclear test altogether."\n'
    "The Korean Central News Agency said that the country was halting nuclear tests and "
    "intercontinental ballistic missile launches as of that day, according to The Associated "
    "Press.\n"
    'North Korean dictator Kim Jong Un said the country "will join international efforts" to '
    'halt "the nuclear test altogether."\n'
    "President Donald Trump commended North Korea's suspension of the tests in a tweet about 7 "
    'p.m. Friday EDT, calling it "very good news."'
)
USA_TODAY = (
    "North Korean leader Kim Jong Un announced he will suspend nuclear and long-range missile "
    "tests and plans to close a nuclear test site.\n"
    '"As the weaponisation of nuclear weapons has been verified, it is not necessary for us to '
    "conduct any more nuclear tests,\" Kim said at a meeting of the Worker's Party of Korea, "
    'adding "the northern nuclear test site has completed its mission."\n'
    'After the announcement, President Trump posted on Twitter that the move was "very good '
    'news."\n'
    '"North Korea has agreed to suspend all Nuclear Tests and close up a major test site," he '
    "said.\n"
    '"This is very good news for North Korea and the World - big progress!"'
)
BREITBART = (
    "Various reports in American and South Korean state media Friday evening indicated that "
    "North Korean dictator Kim Jong-un announced the halt of nuclear and missile tests in his "
    "country."
)
NYT_COMEY = (
    "When the director replied that it was, the White House chief of staff asked whether the "
    "F.B.I. had ever wiretapped Mr. Flynn."
)
USA_TODAY_COMEY = (
    "In an interview with USA TODAY published earlier this week, Comey said Trump was "
    '"morally unfit" to be president and believed that it was possible that Russia held '
    "compromising information on the president."
)
SPUTNIK_WSJ = (
    "The WSJ also claimed that the withdrawal of Russian advisers was an “embarrassment” for "
    "President Nicolas Maduro."
)
MT_WSJ = (
    "The Journal cited the people familiar with Rostec's thinking as noting that economic "
    "liabilities outweigh the political benefits of supporting President Nicolas Maduro."
)

TRUMP = "Donald Trump"
KIM = "Kim Jong Un"


def _article(n: int, text: str, outlet: str | None) -> Article:
    return Article(id=f"a-{n}", file=f"{n:03d}.txt", outlet=outlet, text=text)


def _quote(article: Article, speaker: str | None, part: str, occurrence: int = 0) -> Quote:
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(part, start + 1)
    return Quote(
        id=stable_id("q", article.id, part, str(occurrence)),
        speaker=speaker,
        text=part,
        article_id=article.id,
        span=(start, start + len(part)),
        kind="direct",
    )


def _brief(articles: list[Article], quotes: list[Quote], **kw: object) -> Brief:
    return Brief(
        story=StoryInfo(headline="North Korea suspends nuclear and missile tests"),
        articles=articles,
        quotes=quotes,
        **kw,  # type: ignore[arg-type]
    )


def _groups(brief: Brief, speaker: str = TRUMP) -> list[QuoteGroupView]:
    return next(s.groups for s in build_view(brief).speakers if s.speaker == speaker)


def _texts(groups: list[QuoteGroupView]) -> list[list[str]]:
    return [[r.text for r in g.renderings] for g in groups]


TWEET = "North Korea has agreed to suspend all Nuclear Tests and close up a major test site"


def test_articles_of_unknown_outlets_count_as_separate_outlets() -> None:
    nyt, usa = _article(1, NYT_KIM, None), _article(2, USA_TODAY, None)
    brief = _brief([nyt, usa], [_quote(nyt, TRUMP, TWEET), _quote(usa, TRUMP, TWEET)])
    view = build_view(brief)
    [group] = _groups(brief)
    assert group.outlets == ["Unknown outlet [1]", "Unknown outlet [2]"]
    assert group.outlets == view.outlets == [c.label for c in view.columns]
    assert "- Carried by 2 outlets (same wording):" in to_markdown(brief)


def test_one_outlet_and_one_of_each_count_are_singular() -> None:
    # HuffPost's page repeats the paragraph with Kim's words: one outlet carries them twice.
    huffpost = _article(1, HUFFPOST, "HuffPost")
    join = 'the country "will join international efforts" to halt "the nuclear test altogether'
    brief = _brief(
        [huffpost],
        [_quote(huffpost, KIM, join), _quote(huffpost, KIM, join, occurrence=1)],
        claims=[
            Claim(
                id="c-1",
                text="North Korea will suspend its nuclear and missile tests",
                speaker=None,
                article_ids=[huffpost.id],
            )
        ],
        timeline=[
            TimelineEvent(
                date=date(2018, 4, 21),
                precision="day",
                text="North Korea suspends nuclear and missile tests.",
                article_ids=[huffpost.id],
                basis="'Saturday' in the text",
            )
        ],
    )
    md = to_markdown(brief)
    # The page repeats the paragraph: one rendering, not a statement "carried by 1 outlet".
    said = md.split("## Who said what")[1].split("\n## ")[0]
    assert said.count("will join international efforts") == 1 and "Carried by" not in md
    assert "1 article from 1 source: HuffPost." in md
    assert "0 conflicts, 1 quote, 1 claim." in md

    doc = lxml_html.fromstring(to_html(brief))
    stats = [" ".join(li.text_content().split()) for li in doc.xpath("//ul[@class='stats']/li")]
    assert stats == ["0 conflicts", "1 quote", "1 claim", "1 dated event"]
    meta = " ".join(doc.xpath("//header/div[@class='meta']")[0].text_content().split())
    assert meta.startswith("1 article from 1 source")
    assert "from 1 article." in doc.xpath("//footer")[0].text_content()


def test_two_quotes_of_one_article_are_two_statements() -> None:
    # Word sets where one holds the other: token-set ratio 100, yet two different statements.
    nyt = _article(1, NYT_KIM, "The New York Times")
    suspension = "the suspension of nuclear and missile tests"
    deterrent = (
        "his country required no further nuclear and long-range missile tests because it had "
        "already achieved a nuclear deterrent"
    )
    brief = _brief([nyt], [_quote(nyt, KIM, suspension), _quote(nyt, KIM, deterrent)])
    assert _texts(_groups(brief, KIM)) == [[suspension], [deterrent]]


def test_links_through_another_outlet_do_not_join_two_quotes_of_one_article() -> None:
    nyt, usa = _article(1, NYT_KIM, "The New York Times"), _article(2, USA_TODAY, "USA Today")
    no_longer = (
        "that his country no longer needed to test nuclear weapons or long-range missiles and "
        "would close a nuclear test site"
    )
    shut_down = "to shut down his country's only known nuclear test site"
    suspend = (
        "he will suspend nuclear and long-range missile tests and plans to close a nuclear test "
        "site"
    )
    brief = _brief(
        [nyt, usa],
        [_quote(nyt, KIM, no_longer), _quote(nyt, KIM, shut_down), _quote(usa, KIM, suspend)],
    )
    # USA Today's sentence reads like each of the Times' two; it joins the closer one only.
    assert _texts(_groups(brief, KIM)) == [[no_longer, suspend], [shut_down]]


@pytest.mark.parametrize(
    ("speaker", "first", "first_text", "second", "second_text"),
    [
        # Unattributed: no speaker ties the two, however alike the words.
        (
            None,
            "North Korea will suspend its nuclear and missile tests",
            HUFFPOST,
            "that North Korean dictator Kim Jong-un announced the halt of nuclear and missile "
            "tests in his country",
            BREITBART,
        ),
        # Only stop words shared: "that it was" is inside the other quote.
        (
            "James Comey",
            "that it was",
            NYT_COMEY,
            "that it was possible that Russia held compromising information on the president",
            USA_TODAY_COMEY,
        ),
        # Only names shared.
        (
            "The Wall Street Journal",
            "that the withdrawal of Russian advisers was an “embarrassment” for President "
            "Nicolas Maduro",
            SPUTNIK_WSJ,
            "that economic liabilities outweigh the political benefits of supporting President "
            "Nicolas Maduro",
            MT_WSJ,
        ),
    ],
    ids=["unattributed", "stop-words-only", "names-only"],
)
def test_different_statements_in_two_outlets_stay_apart(
    speaker: str | None, first: str, first_text: str, second: str, second_text: str
) -> None:
    a, b = _article(1, first_text, "One"), _article(2, second_text, "Two")
    brief = _brief([a, b], [_quote(a, speaker, first), _quote(b, speaker, second)])
    assert _texts(_groups(brief, speaker or "Unattributed")) == [[first], [second]]


@pytest.mark.parametrize(
    ("speaker", "first", "second"),
    [
        # The same tweet, one dash apart.
        (
            TRUMP,
            "This is very good news for North Korea and the World — big progress!",
            "This is very good news for North Korea and the World - big progress!",
        ),
        # The KCNA announcement, quoted by the Times and paraphrased by HuffPost.
        (
            "The Korean Central News Agency",
            "From April 21, North Korea will stop nuclear tests and launches of "
            "intercontinental ballistic missiles",
            "that the country was halting nuclear tests and intercontinental ballistic missile "
            "launches as of that day, according to The Associated Press",
        ),
        # Two translations of one sentence of Kim's.
        (
            KIM,
            "The nuclear test site has done its job",
            "the northern nuclear test site has completed its mission.",
        ),
    ],
    ids=["near-identical", "paraphrase", "translation"],
)
def test_one_quote_rendered_by_two_outlets_is_one_statement(
    speaker: str, first: str, second: str
) -> None:
    nyt = _article(1, NYT_KIM, "The New York Times")
    other = _article(2, USA_TODAY if second in USA_TODAY else HUFFPOST, "Other")
    brief = _brief([nyt, other], [_quote(nyt, speaker, first), _quote(other, speaker, second)])
    [group] = _groups(brief, speaker)
    assert [r.text for r in group.renderings] == [first, second]
    assert group.outlets == ["The New York Times", "Other"]


def test_a_fragment_of_the_words_joins_its_fuller_rendering() -> None:
    huffpost, usa = _article(1, HUFFPOST, "HuffPost"), _article(2, USA_TODAY, "USA Today")
    brief = _brief(
        [huffpost, usa],
        [
            _quote(huffpost, TRUMP, 'it "very good news'),
            _quote(usa, TRUMP, 'that the move was "very good news'),
        ],
    )
    assert _texts(_groups(brief)) == [['it "very good news', 'that the move was "very good news']]


def test_unnamed_speakers_are_described_quote_by_quote_not_as_one() -> None:
    huffpost = _article(1, HUFFPOST, "HuffPost")
    reported = "North Korea will suspend its nuclear and missile tests"
    halting = "the country was halting nuclear tests"
    quotes = [
        _quote(huffpost, None, reported).model_copy(
            update={"speaker_description": "North Korean state media"}
        ),
        _quote(huffpost, None, halting).model_copy(
            update={"speaker_description": "The Korean Central News Agency"}
        ),
    ]
    md = to_markdown(_brief([huffpost], quotes))
    assert "### Unattributed\n" in md  # no one description for all of them
    assert "source: North Korean state media" in md
    assert "source: The Korean Central News Agency" in md
    html = to_html(_brief([huffpost], quotes))
    assert "source: North Korean state media" in html


def test_counts_read_singular_and_plural() -> None:
    assert [counted(n, "outlet") for n in (0, 1, 2)] == ["0 outlets", "1 outlet", "2 outlets"]
    assert (
        counted(3, "story", "stories") == "3 stories"
        and counted(1, "story", "stories") == "1 story"
    )
