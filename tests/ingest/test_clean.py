"""Boilerplate cleaning and metadata cues on short real-style snippets."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.ingest import build_article, clean_articles
from newsprism.ingest.clean import clean_text, is_credit, split_link_line
from newsprism.ingest.metadata import date_from_line, outlet_from_url
from newsprism.model import RawDocument

PARA = (
    "Officials in the capital said on Monday that the talks would continue next week, "
    "adding that both delegations had agreed on an agenda."
)


def test_glued_link_line_keeps_the_real_sentence() -> None:
    line = (
        "Also on example.com Inflation hits record as prices soar across the region last "
        "yearThe ministry explained that it sends groups of specialists from time to time."
    )
    head, rest = split_link_line(line) or ("", "")
    assert head.startswith("Also on example.com") and head.endswith("last year")
    assert rest == "The ministry explained that it sends groups of specialists from time to time."
    cleaned = clean_text(PARA + "\n" + line)
    assert "The ministry explained" in cleaned.text
    assert "Also on" not in cleaned.text
    assert cleaned.named_outlet == "Example"


def test_promos_credits_markdown_and_dates() -> None:
    text = "\n\n".join(
        [
            "# Talks to continue next week",
            "March 5, 2021",
            "Jane Doe / Reuters / Getty Images",
            "The minister [said](#) the talks were **useful** and would go on.",
            "**Read more:** [Why the talks stalled last year](#)",
            PARA,
            "Sign up for our Daily Brief newsletter to get the news in your inbox.",
            "Original url:",
            "<https://www.example-news.com/2021/03/05/talks>",
        ]
    )
    cleaned = clean_text(text, url="https://www.example-news.com/2021/03/05/talks")
    assert cleaned.title == "Talks to continue next week"
    assert cleaned.published == date(2021, 3, 5)
    assert cleaned.url == "https://www.example-news.com/2021/03/05/talks"
    assert cleaned.text.split("\n\n") == [
        "The minister said the talks were useful and would go on.",
        PARA,
    ]
    assert "Jane Doe / Reuters / Getty Images" in cleaned.removed
    assert any(line.startswith("Read more:") for line in cleaned.removed)
    assert any("newsletter" in line for line in cleaned.removed)


def test_credit_lines_are_not_sentences() -> None:
    assert is_credit("Martin Mejia / AP / TASS")
    assert is_credit("Photo: Reuters")
    assert not is_credit("Sales rose 5% / year on year, the company said.")
    assert not is_credit("Moscow and Caracas signed the deal")


def test_trailing_widget_in_another_script_is_cut_but_quotes_stay() -> None:
    quote = "Он сказал, что переговоры продолжатся на следующей неделе."
    text = "\n\n".join([PARA, PARA, quote, PARA, PARA, "Комментарии", "Добавить"])
    cleaned = clean_text(text)
    assert quote in cleaned.text
    assert cleaned.removed == ["Комментарии", "Добавить"]


def test_republished_post_names_original_and_republisher() -> None:
    text = "\n".join(
        [
            PARA,
            "Example Hedge’s mission is to widen the scope of financial information. "
            "Visit https://www.examplehedge.com",
            "This post has been republished with implied permission from a publicly-available RSS "
            "feed found on Example Hedge. The views expressed by the original author(s) do not "
            "necessarily reflect the opinions or views of The Freedom Blog, its owners or "
            "administrators.",
        ]
    )
    article = build_article(RawDocument(source="post.txt", file="post.txt", text=text))
    assert article.outlet == "Example Hedge (republished by The Freedom Blog)"
    assert article.text == PARA
    assert len(article.removed) == 2


def test_dateline_names_the_agency_and_unknown_stays_null() -> None:
    dated = build_article(RawDocument(source="a.txt", text="PARIS (AFP): " + PARA))
    assert dated.outlet == "AFP"
    plain = build_article(RawDocument(source="b.txt", text=PARA))
    assert plain.outlet is None
    assert plain.published is None and plain.published_source is None
    assert plain.id == build_article(RawDocument(source="b.txt", text=PARA)).id


def test_outlet_names_from_domains() -> None:
    assert outlet_from_url("https://www.reuters.com/world/x") == "Reuters"
    assert outlet_from_url("https://edition.cnn.com/2019/06/03/x") == "CNN"
    assert outlet_from_url("https://www.themoscowtimes.com/2019/06/03/x") == "The Moscow Times"
    assert outlet_from_url("https://news.example-daily.co.uk/a") == "Example Daily"
    assert outlet_from_url(None) is None


def test_lines_recurring_in_one_outlets_articles_are_cut() -> None:
    footer = "Our reporters cover the region from three bureaus"
    stories = [
        "The parliament voted on the budget late on Thursday after a long debate.\n\n"
        "The opposition said the spending plan ignored the rural regions.",
        "Floods closed two highways in the north of the country on Friday morning.\n\n"
        "Rescue teams evacuated hundreds of residents from low-lying villages.",
    ]
    articles = [
        build_article(
            RawDocument(source=f"{i}.txt", text=f"{body}\n\n{footer}", outlet="Example Daily")
        )
        for i, body in enumerate(stories)
    ]
    single = clean_articles(articles[:1])
    assert footer in single[0].text
    cleaned = clean_articles(articles)
    for article, body in zip(cleaned, stories, strict=True):
        assert footer not in article.text and footer in article.removed
        assert article.text == body


@pytest.mark.parametrize(
    ("line", "day"),
    [
        (
            "Posted: Apr 02, 2009 11:06 PM CEST Updated: Apr 02, 2009 11:06 PM CEST",
            date(2009, 4, 2),
        ),
        ("Thursday, Apr 2, 2009 | Updated 1:32 PM PDT", date(2009, 4, 2)),
        ("10:55 P.M. FEB. 2, 2009", date(2009, 2, 2)),
        ("2 A.M. FEB. 4, 2009", date(2009, 2, 4)),
        ("First Published: June 13, 2013 4:59 PM EDT", date(2013, 6, 13)),
        ("May 3, 2013 at 7:31 AM ET Updated 5:40 p.m. ET", date(2013, 5, 3)),
        (
            "Published: 09 Sep 2013 11:25 GMT+02:00 Updated: 09 Sep 2013 11:25 GMT+02:00",
            date(2013, 9, 9),
        ),
        ("11:39am UK, Monday 09 September 2013", date(2013, 9, 9)),
        ("Fri., May. 3, 2013 11:45 AM PDT", date(2013, 5, 3)),
        ("17 September 2013 - 21:29", date(2013, 9, 17)),
        ("on Feb. 04, 2009", date(2009, 2, 4)),
        ("Posted: Apr 02, 2009 11: 06 PM CEST", date(2009, 4, 2)),  # tokenised spacing
        ("May 2, 2013 Lindsay Lohan checked into rehab.", None),
        ("On May 2, 2013 the court ruled against her.", None),
        ("Updated May 3, 2013 and again later today", None),
    ],
)
def test_datelines_as_news_sites_write_them(line: str, day: date | None) -> None:
    """A line that only dates the article gives its date; a sentence that opens with a
    date is text."""
    assert date_from_line(line) == day


def test_dateline_with_update_time_dates_the_article_and_leaves_the_text() -> None:
    text = "Thursday, Apr 2, 2009 | Updated 1:32 PM PDT\n\n" + PARA
    article = build_article(RawDocument(source="a.txt", text=text))
    assert article.published == date(2009, 4, 2)
    assert article.text == PARA
