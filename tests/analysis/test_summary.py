"""Summaries: the story's extractive summary and headline, and the DUC-style function."""

from __future__ import annotations

import pytest

from newsprism.analysis.summary import summarize, summarize_documents, trim_sentence
from newsprism.config import Settings
from newsprism.model import Article
from newsprism.nlp.pipeline import parse_story
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def seed_summary():
    from newsprism.ingest import read_articles

    articles = read_articles([shared_path("corpus", "seeds")]).articles
    story = parse_story(articles)
    return articles, summarize(story, [], Settings(summary_sentences=6))


def test_seed_summary_is_cited_non_redundant_and_readable(seed_summary):
    articles, (headline, summary) = seed_summary
    assert headline in {a.title for a in articles if a.title}
    assert 5 <= len(summary) <= 8
    ids = {a.id for a in articles}
    texts = [s.text for s in summary]
    assert len(set(texts)) == len(texts)
    for sentence in summary:
        assert sentence.article_ids and set(sentence.article_ids) <= ids
        first = sentence.text.split()[0].lower()
        assert first not in {"he", "she", "it", "they", "but", "however"}
        assert sentence.text.count('"') % 2 == 0  # no piece of a running quotation
    # the story's core fact is covered, and carried by several articles
    staff = [s for s in summary if "Wall Street Journal" in s.text or "Rostec" in s.text]
    assert staff and max(len(s.article_ids) for s in staff) >= 2


def test_headline_without_titles_is_a_lead_sentence():
    articles = [
        Article(
            id="a",
            text="The city council approved a new budget for public schools on "
            "Tuesday after a long debate.\nCritics said it was too small.",
        ),
        Article(
            id="b",
            text="A new budget for public schools was approved by the city council "
            "after hours of debate.\nTeachers welcomed it.",
        ),
    ]
    headline, summary = summarize(parse_story(articles), [])
    assert "budget" in headline
    assert summary and all(s.article_ids for s in summary)


def test_a_title_that_only_dates_the_page_is_no_headline():
    # ECB+ pages on the Qeshm earthquake open with their dateline
    text = "An earthquake with a magnitude of 5.9 hit southern Iran on Sunday, killing 10."
    articles = [
        Article(id="a", title="November 28th, 2005, 09: 11 GMT", text=text),
        Article(id="b", title="Posted 11 / 27 / 2005 7: 21 AM", text=text),
        Article(id="c", title="Powerful Quake in Iran Kills 10", text=text),
    ]
    headline, _ = summarize(parse_story(articles), [])
    assert headline == "Powerful Quake in Iran Kills 10"
    dated = [Article(id=k, title="27 NOVEMBER, 2005", text=text) for k in "ab"]
    assert "earthquake" in summarize(parse_story(dated), [])[0]


def test_empty_story_gives_no_summary():
    headline, summary = summarize(parse_story([Article(id="a", text="")]), [])
    assert summary == [] and headline


def test_trim_drops_parentheses_weekdays_and_trailing_attribution():
    assert trim_sentence("Hun Sen (the premier) rejected talks on Friday, officials said.") == (
        "Hun Sen rejected talks."
    )


def test_summarize_documents_respects_the_word_limit_and_shared_content():
    docs = [
        "Floods hit the northern province of Kaleria after three days of heavy rain.\n"
        f"Rescue teams evacuated {n} hundred residents from flooded villages near the river.\n"
        f"A local bakery reopened on the {n}th street after repairs."
        for n in ("two", "three", "four", "five", "six")
    ]
    summary = summarize_documents(docs, max_words=20)
    assert len(summary.split()) <= 20
    assert "Floods hit the northern province of Kaleria" in summary


def test_summarize_documents_fills_the_last_words_with_what_survives_the_cut():
    docs = [
        "Floods hit the northern province of Kaleria after three days of heavy rain.\n"
        "Rescue teams evacuated two hundred residents from flooded villages near the river.\n"
        "Late in the week, as the weather cleared, workers from the regional power company "
        "restored electricity to the pumping station and the hospital."
        for _ in range(5)
    ]
    summary = summarize_documents(docs, max_words=20)
    # The long sentence shares more in all, but its first seven words carry little of it.
    assert summary.startswith("Floods hit the northern province of Kaleria")
    assert "Rescue teams evacuated two hundred residents" in summary
    assert "Late in the week" not in summary


def test_a_first_person_sentence_outside_quotation_marks_is_not_summary_material():
    # Comey's memos, quoted at length by every outlet: "I replied ..." is the memo's writer,
    # whom a reader of the summary cannot see.
    memo = "I replied that he would always get honesty from me, at the dinner in January."
    articles = [
        Article(id=k, text=f"{lead}\n{memo}")
        for k, lead in [
            ("a", "The memos describe a dinner in January where the president asked for loyalty."),
            ("b", "Comey wrote that the president asked for his loyalty at a dinner in January."),
            ("c", "According to the memos, the president demanded loyalty over a January dinner."),
        ]
    ]
    _, summary = summarize(parse_story(articles), [], Settings(summary_sentences=3))
    assert summary and not [s for s in summary if s.text.startswith("I ")]
