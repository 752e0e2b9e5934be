"""Boilerplate cleaning and metadata cues on short real-style snippets."""

from __future__ import annotations

from datetime import date

from newsprism.ingest import build_article, clean_articles
from newsprism.ingest.clean import clean_text, is_credit, split_link_line
from newsprism.ingest.metadata import outlet_from_url
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
    text = "\n\n".join([
        "# Talks to continue next week",
        "March 5, 2021",
        "Jane Doe / Reuters / Getty Images",
        "The minister [said](#) the talks were **useful** and would go on.",
        "**Read more:** [Why the talks stalled last year](#)",
        PARA,
        "Sign up for our Daily Brief newsletter to get the news in your inbox.",
        "Original url:",
        "<https://www.example-news.com/2021/03/05/talks>",
    ])
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
    text = "\n".join([
        PARA,
        "Example Hedge’s mission is to widen the scope of financial information. "
        "Visit https://www.examplehedge.com",
        "This post has been republished with implied permission from a publicly-available RSS "
        "feed found on Example Hedge. The views expressed by the original author(s) do not "
        "necessarily reflect the opinions or views of The Freedom Blog, its owners or "
        "administrators.",
    ])
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
        build_article(RawDocument(source=f"{i}.txt", text=f"{body}\n\n{footer}",
                                  outlet="Example Daily"))
        for i, body in enumerate(stories)
    ]
    single = clean_articles(articles[:1])
    assert footer in single[0].text
    cleaned = clean_articles(articles)
    for article, body in zip(cleaned, stories, strict=True):
        assert footer not in article.text and footer in article.removed
        assert article.text == body
