"""The acceptance test: the brief of the seed story holds every item of seeds-gold.json.

Items are matched by meaning, as the gold file asks: speakers by canonical name, texts by the
gold's ``must_mention`` words (``a|b`` means either), articles by file name. Nothing here
feeds the pipeline: it only reads the brief the pipeline wrote.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from newsprism.model import Brief
from newsprism.report.jsonout import validate_brief_json
from tests.conftest import shared_path


@cache
def gold() -> dict[str, Any]:
    return json.loads(shared_path("corpus", "seeds-gold.json").read_text("utf-8"))


def mentions(text: str, words: list[str]) -> bool:
    """Every gold word group occurs in ``text``; a group ``a|b`` needs one of its forms."""
    low = text.casefold()
    return all(any(form.casefold() in low for form in group.split("|")) for group in words)


def article_by_file(brief: Brief, name: str):
    return next(a for a in brief.articles if a.file == name)


def test_brief_validates_against_shipped_schema(seed_brief: Brief) -> None:
    validate_brief_json(json.loads(seed_brief.model_dump_json()))


@pytest.mark.parametrize("name", sorted(gold()["articles"]))
def test_article_metadata_and_cleaning(seed_brief: Brief, name: str) -> None:
    expected = gold()["articles"][name]
    article = article_by_file(seed_brief, name)
    assert article.outlet == expected["outlet"]
    published = article.published.isoformat() if article.published else None
    assert published == expected["published"]
    for key in ("title", "url"):
        if key in expected:
            assert getattr(article, key) == expected[key]
    for line in expected["boilerplate"]:
        assert line not in article.text, f"boilerplate left in {name}: {line!r}"
        assert any(line in removed for removed in article.removed), f"not in removed: {line!r}"
    for line in expected["must_keep"]:
        assert line in article.text, f"real content lost from {name}: {line!r}"


@pytest.mark.parametrize("speaker", gold()["speakers"], ids=lambda s: s["name"])
def test_speaker_entities_merge_their_spellings(seed_brief: Brief, speaker: dict[str, Any]) -> None:
    entity = next((e for e in seed_brief.entities if e.name == speaker["name"]), None)
    assert entity is not None, f"no entity named {speaker['name']!r}"
    corpus = "\n".join(a.text for a in seed_brief.articles)
    forms = [entity.name, *entity.aliases]
    for alias in speaker["aliases"]:
        proper = all(word[:1].isupper() for word in alias.split())
        if proper and alias in corpus and alias not in {e.name for e in seed_brief.entities} - {
            entity.name
        }:
            assert any(form in alias for form in forms), f"{alias!r} not merged into {entity.name}"


@pytest.mark.parametrize("expected", gold()["quotes"], ids=lambda q: q["must_mention"][0])
def test_gold_quotes_have_their_speakers(seed_brief: Brief, expected: dict[str, Any]) -> None:
    for name in expected["in"]:
        article = article_by_file(seed_brief, name)
        found = [
            q
            for q in seed_brief.quotes
            if q.article_id == article.id and mentions(q.text, expected["must_mention"])
        ]
        assert found, f"no quote mentioning {expected['must_mention']} in {name}"
        speakers = {q.speaker for q in found}
        assert expected["speaker"] in speakers, f"{name}: attributed to {speakers}"


def test_quote_spans_point_into_the_clean_text(seed_brief: Brief) -> None:
    texts = {a.id: a.text for a in seed_brief.articles}
    for quote in seed_brief.quotes:
        start, end = quote.span
        assert 0 <= start < end <= len(texts[quote.article_id])


def side_matches(side, expected: dict[str, Any]) -> bool:
    return side.speaker == expected["speaker"] and mentions(side.text, expected["must_mention"])


ACCEPTED_KINDS = {"contradiction": {"contradiction", "denial", "numeric"}}


@pytest.mark.parametrize("expected", gold()["conflicts"], ids=lambda c: c["id"])
def test_gold_conflicts_are_found(seed_brief: Brief, expected: dict[str, Any]) -> None:
    kinds = ACCEPTED_KINDS.get(expected["kind"], {expected["kind"]})
    found = [
        c
        for c in seed_brief.conflicts
        if c.kind in kinds
        and (
            (side_matches(c.a, expected["a"]) and side_matches(c.b, expected["b"]))
            or (side_matches(c.b, expected["a"]) and side_matches(c.a, expected["b"]))
        )
    ]
    assert found, f"conflict {expected['id']} not found among {len(seed_brief.conflicts)}"
    assert all(c.explanation.strip() for c in found)


def test_scope_difference_is_shown_not_called_a_contradiction(seed_brief: Brief) -> None:
    scoped = [c for c in seed_brief.conflicts if c.kind == "scope-difference"]
    assert any("300" in c.a.text + c.b.text for c in scoped)
    for conflict in seed_brief.conflicts:
        if conflict.kind in {"contradiction", "numeric", "denial"}:
            assert "300" not in conflict.a.text + conflict.b.text


@pytest.mark.parametrize("expected", gold()["timeline"], ids=lambda t: t["date"])
def test_gold_timeline_dates(seed_brief: Brief, expected: dict[str, Any]) -> None:
    on_day = [e for e in seed_brief.timeline if e.date.isoformat() == expected["date"]]
    assert any(mentions(e.text, expected["must_mention"]) for e in on_day), on_day
    assert all(e.basis for e in on_day)


@pytest.mark.parametrize("expected", gold()["framing"], ids=lambda f: "+".join(f["outlets"]))
def test_gold_framing_terms(seed_brief: Brief, expected: dict[str, Any]) -> None:
    for outlet in expected["outlets"]:
        terms = [f.term.casefold() for f in seed_brief.framing if f.outlet == outlet]
        assert any(t.casefold() in term for t in expected["terms"] for term in terms), (
            outlet,
            terms,
        )


def test_summary_is_cited_and_of_useful_length(seed_brief: Brief) -> None:
    assert 5 <= len(seed_brief.summary) <= 8
    ids = {a.id for a in seed_brief.articles}
    for sentence in seed_brief.summary:
        assert sentence.article_ids and set(sentence.article_ids) <= ids
    assert seed_brief.story.headline


def test_coverage_names_every_outlet_once_per_claim(seed_brief: Brief) -> None:
    claim_ids = {c.id for c in seed_brief.claims}
    for row in seed_brief.coverage:
        assert row.claim_id in claim_ids
        assert not set(row.outlets) & set(row.missing_from)
