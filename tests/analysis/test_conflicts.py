"""Conflicts on small real-style snippets: each kind found, and no false conflict."""

from __future__ import annotations

from newsprism.analysis.claims import build_claims
from newsprism.analysis.conflicts import find_conflicts
from newsprism.analysis.entities import EntityIndex
from newsprism.model import Article, Quote, stable_id
from newsprism.nlp.pipeline import parse_story


def quote(article: Article, text: str, speaker: str, cue: str = "said") -> Quote:
    start = article.text.index(text)
    return Quote(
        id=stable_id("q", article.id, text),
        speaker=speaker,
        cue=cue,
        text=text,
        kind="direct",
        article_id=article.id,
        span=(start, start + len(text)),
    )


def article(name: str, outlet: str, text: str) -> Article:
    return Article(id=stable_id("a", name), file=name, outlet=outlet, text=text)


def run(articles: list[Article], quotes: list[Quote]):
    story = parse_story(articles)
    index = EntityIndex()
    claims = build_claims(story, quotes, index)
    return claims, find_conflicts(story, claims, quotes, index)


def test_stability_statement_contradicts_a_reported_cut() -> None:
    a = article(
        "a.txt",
        "Daily",
        "The ministry has cut its staff in the region from about 800 "
        "to just a few dozen, the newspaper said, citing officials.",
    )
    b = article(
        "b.txt",
        "Wire",
        'The company rejected the report. "The number of our staff '
        'there has not changed for several years," the company said in a statement.',
    )
    quotes = [
        quote(
            a,
            "The ministry has cut its staff in the region from about 800 to just a few dozen",
            "The Daily",
        ),
        quote(b, "The number of our staff there has not changed for several years", "The company"),
    ]
    _, conflicts = run([a, b], quotes)
    kinds = {(c.kind, c.a.speaker, c.b.speaker) for c in conflicts}
    assert ("contradiction", "The Daily", "The company") in kinds


def test_quote_rendered_with_different_multipliers_is_a_quote_variant() -> None:
    a = article(
        "a.txt",
        "One",
        '"The figures in the report have been exaggerated tens of times," the press service said.',
    )
    b = article(
        "b.txt",
        "Two",
        'The press service said the report had "overestimated the figures by several times."',
    )
    quotes = [
        quote(a, "The figures in the report have been exaggerated tens of times", "Agency"),
        quote(b, "overestimated the figures by several times", "Agency"),
    ]
    _, conflicts = run([a, b], quotes)
    assert [c.kind for c in conflicts] == ["quote-variant"]


def test_same_figure_in_two_outlets_is_one_claim_not_a_conflict() -> None:
    a = article(
        "a.txt",
        "One",
        "Police said at least 12 people were killed in the blast in the city centre.",
    )
    b = article(
        "b.txt",
        "Two",
        "Police said 12 people were killed in the blast in the city centre on Friday.",
    )
    quotes = [
        quote(a, "at least 12 people were killed in the blast in the city centre", "Police"),
        quote(b, "12 people were killed in the blast in the city centre on Friday", "Police"),
    ]
    claims, conflicts = run([a, b], quotes)
    assert conflicts == []
    assert len(claims) == 1 and len(claims[0].article_ids) == 2


def test_casualty_figures_from_two_sources_are_a_numeric_conflict() -> None:
    a = article(
        "a.txt", "One", "Police said 12 people were killed in the blast in the city centre."
    )
    b = article(
        "b.txt",
        "Two",
        "Hospital officials said 40 people were killed in the blast in the city centre.",
    )
    quotes = [
        quote(a, "12 people were killed in the blast in the city centre", "Police"),
        quote(b, "40 people were killed in the blast in the city centre", "Hospital officials"),
    ]
    _, conflicts = run([a, b], quotes)
    assert [c.kind for c in conflicts] == ["numeric"]


def test_unrelated_negation_is_not_a_conflict() -> None:
    a = article(
        "a.txt", "One", "The minister said the government will build 300 new schools in the north."
    )
    b = article(
        "b.txt", "Two", "The mayor said the city does not plan to raise local taxes this year."
    )
    quotes = [
        quote(a, "the government will build 300 new schools in the north", "The minister"),
        quote(b, "the city does not plan to raise local taxes this year", "The mayor"),
    ]
    _, conflicts = run([a, b], quotes)
    assert conflicts == []
