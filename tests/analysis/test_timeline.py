"""Timeline: dates found in the text, resolved against the article's or the story's date."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.analysis.dates import find_date_mentions, resolve, resolve_weekdays
from newsprism.analysis.entities import EntityIndex
from newsprism.analysis.timeline import build_timeline, story_anchor
from newsprism.model import Article
from newsprism.nlp.pipeline import parse_story
from tests.conftest import shared_path

MON, TUE, FRI, SUN = 0, 1, 4, 6
ANCHOR = date(2019, 6, 3)  # a Monday


def _resolved(text: str, anchor: date = ANCHOR):
    mention = find_date_mentions(text)[0]
    return resolve(mention, anchor)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal was signed on June 3, 2019 in Caracas.", (date(2019, 6, 3), "day")),
        ("It happened on 3 June at noon.", (date(2019, 6, 3), "day")),
        ("Talks resumed December 12 after a pause.", (date(2018, 12, 12), "day")),
        ("The crisis began earlier this year.", (date(2019, 1, 1), "year")),
        ("Inflation hit a record last year.", (date(2018, 1, 1), "year")),
        ("Payments stopped by the end of last year.", (date(2018, 12, 1), "month")),
        ("Troops arrived in March.", (date(2019, 3, 1), "month")),
        ("Protests have gone on since late January.", (date(2019, 1, 1), "month")),
        ("A month ago the talks collapsed.", (date(2019, 5, 1), "month")),
        ("Planes landed in Caracas this spring.", (date(2019, 3, 1), "month")),
    ],
)
def test_date_expressions_resolve_against_the_anchor(text, expected):
    assert _resolved(text) == expected


def test_last_and_next_step_a_weekday_from_the_day():
    last, coming = find_date_mentions("It began last Friday and ends this coming Monday.")
    assert (last.text, last.step, last.weekday) == ("last Friday", "last", FRI)
    assert (coming.step, coming.weekday) == ("next", MON)


def test_may_the_verb_is_not_a_month():
    assert find_date_mentions("Officials said they may return.") == []


def test_weekdays_of_a_dated_article_are_on_or_before_its_date():
    assert resolve_weekdays([SUN, MON], ANCHOR, anchor_is_own=True) == {
        SUN: date(2019, 6, 2),
        MON: date(2019, 6, 3),
    }


def test_weekdays_of_an_undated_article_keep_their_order():
    # "denied on Tuesday ... contrary to Trump's assertion on Monday", anchored on a Monday:
    # Monday is the anchor day and Tuesday the day after it, not the Tuesday before.
    assert resolve_weekdays([TUE, MON], ANCHOR, anchor_is_own=False) == {
        MON: date(2019, 6, 3),
        TUE: date(2019, 6, 4),
    }
    # Friday then Monday runs across the weekend.
    assert resolve_weekdays([FRI, MON], ANCHOR, anchor_is_own=False) == {
        FRI: date(2019, 5, 31),
        MON: date(2019, 6, 3),
    }


def test_anchor_is_the_most_common_published_date():
    articles = [
        Article(id="a", text="x", published=date(2019, 6, 3)),
        Article(id="b", text="x", published=date(2019, 6, 3)),
        Article(id="c", text="x", published=date(2019, 6, 5)),
        Article(id="d", text="x"),
    ]
    anchor = story_anchor(articles)
    assert anchor is not None
    when, article = anchor
    assert when == date(2019, 6, 3) and article.id == "a"
    assert story_anchor([Article(id="d", text="x")]) is None


@pytest.fixture(scope="module")
def seed_timeline():
    from newsprism.ingest import read_articles

    articles = read_articles([shared_path("corpus", "seeds")]).articles
    # Only 003 states its date ("June 03, 2019"); set it in case metadata extraction missed it.
    articles = [
        a.model_copy(update={"published": a.published or date(2019, 6, 3)})
        if a.file and a.file.startswith("003")
        else a
        for a in articles
    ]
    return articles, build_timeline(parse_story(articles), [], EntityIndex())


def test_seed_timeline_matches_the_gold_dates(seed_timeline):
    _, timeline = seed_timeline
    assert [t.date for t in timeline] == sorted(t.date for t in timeline)
    by_date: dict[str, list] = {}
    for event in timeline:
        by_date.setdefault(event.date.isoformat(), []).append(event)
    wsj = by_date["2019-06-02"]
    assert any("Wall Street Journal" in e.text for e in wsj)
    assert len({a for e in wsj for a in e.article_ids}) >= 3  # told by RT, Sputnik and MT
    assert any("Rostec" in e.text for e in by_date["2019-06-03"])
    tuesday = by_date["2019-06-04"]
    assert any("Kremlin" in e.text for e in tuesday)
    assert all("anchored to 2019-06-03" in e.basis for e in tuesday)


def test_events_without_any_date_give_an_empty_timeline():
    story = parse_story([Article(id="a", text="Officials met to discuss the plan.")])
    assert build_timeline(story, [], EntityIndex()) == []


def test_an_undated_story_still_places_dates_that_name_their_year():
    # NewsWCL50's DNC lawsuit story carries no published dates: "on Friday" cannot be placed,
    # "on July 22, 2016" can.
    text = (
        "The Democratic National Committee filed a lawsuit on Friday against the Russian "
        "government and the Trump campaign.\n\n"
        "WikiLeaks published the first archives of stolen Democratic National Committee emails "
        "on July 22, 2016."
    )
    story = parse_story([Article(id="a", outlet="The New York Times", text=text)])
    [event] = build_timeline(story, [], EntityIndex())
    assert event.date == date(2016, 7, 22) and event.precision == "day"
    assert "WikiLeaks published" in event.text and event.basis.startswith("explicit date")


def test_an_event_told_in_a_that_clause_is_written_without_the_that():
    # ECB+ story on the Qeshm earthquake
    text = "The governor said that flights had resumed after being halted on Sunday."
    story = parse_story([Article(id="a", text=text, published=date(2005, 11, 28))])
    [event] = build_timeline(story, [], EntityIndex())
    assert event.date == date(2005, 11, 27)
    assert event.text == "flights had resumed after being halted on Sunday"


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # DUC 2004 wire story on Cambodia, dated Friday 1998-11-13
        ("The ailing king leaves Saturday for medical treatment in Beijing, officials said.", 14),
        ("The king will leave for medical treatment in Beijing on Saturday, officials said.", 14),
        ("Parliament is scheduled to vote on the new government Tuesday.", 17),
        ("The king said he would leave for Beijing next Monday.", 16),
        ("The king will meet him next Friday.", 20),
        ("The king will meet the prime minister later Friday.", 13),
        # the past, however it is told
        ("The king left for medical treatment in Beijing on Saturday.", 7),
        ("Police say the man was arrested Saturday in the capital.", 7),
        ("Hun Sen says the opposition agreed Tuesday to join the coalition.", 10),
        ("Spain has 40 days from last Friday to apply for extradition.", 6),
        (
            "Before he can hope to win, he said in an interview Wednesday, Republicans need to "
            "change.",
            11,
        ),
    ],
)
def test_a_weekday_still_to_come_is_the_first_such_day_from_the_articles_date(
    sentence: str, day: int
) -> None:
    article = Article(id="a", text=sentence, published=date(1998, 11, 13))
    [event] = build_timeline(parse_story([article]), [], EntityIndex())
    assert event.date == date(1998, 11, day)
