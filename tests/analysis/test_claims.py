"""Claims and coverage on the seed story and on small snippets; the gold conflicts loop."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsprism.analysis.assertions import split_clauses
from newsprism.analysis.claims import build_coverage
from newsprism.model import Article, Brief, Claim, ConflictSide, stable_id
from newsprism.nlp.pipeline import load_nlp, parse_story
from tests.conftest import SEEDS_GOLD


def test_coordinated_clauses_become_separate_assertions() -> None:
    doc = load_nlp()(
        "Work is being carried out in accordance with existing obligations, and "
        "there is no talk of any cuts."
    )
    pieces = [p.text for p in split_clauses(doc[:])]
    assert pieces == [
        "Work is being carried out in accordance with existing obligations",
        "there is no talk of any cuts."[:-1],
    ]


def test_coverage_counts_an_unknown_outlet_by_its_file_name() -> None:
    articles = [
        Article(id="a1", file="x.txt", outlet="RT", text="t"),
        Article(id="a2", file="y.txt", outlet=None, text="t"),
        Article(id="a3", file="z.txt", outlet="Sputnik", text="t"),
    ]
    story = parse_story(articles)
    claim = Claim(id=stable_id("c", "1"), text="t", speaker=None, article_ids=["a1", "a2"])
    [row] = build_coverage(story, [claim])
    assert row.outlets == ["RT", "y.txt"] and row.missing_from == ["Sputnik"]


def _gold_conflicts() -> list[dict[str, Any]]:
    """The gold conflicts, or none (and so no cases) when ../shared is absent."""
    if not SEEDS_GOLD.exists():
        return []
    conflicts: list[dict[str, Any]] = json.loads(SEEDS_GOLD.read_text("utf-8"))["conflicts"]
    return conflicts


def _mentions(text: str, words: list[str]) -> bool:
    low = text.casefold()
    return all(any(f.casefold() in low for f in group.split("|")) for group in words)


def _matches(side: ConflictSide, expected: dict[str, Any]) -> bool:
    return side.speaker == expected["speaker"] and _mentions(side.text, expected["must_mention"])


@pytest.mark.parametrize("expected", _gold_conflicts(), ids=lambda c: c["id"])
def test_every_gold_conflict_is_found_either_way_round(seed_brief: Brief, expected) -> None:
    found = [
        c
        for c in seed_brief.conflicts
        if (_matches(c.a, expected["a"]) and _matches(c.b, expected["b"]))
        or (_matches(c.b, expected["a"]) and _matches(c.a, expected["b"]))
    ]
    assert found, [
        (c.kind, c.a.speaker, c.a.text[:60], c.b.speaker, c.b.text[:60])
        for c in seed_brief.conflicts
    ]
    assert all(c.explanation.strip() for c in found)


def test_seed_claims_group_the_staff_cut_across_outlets(seed_brief: Brief) -> None:
    cut = [
        c
        for c in seed_brief.claims
        if any("few dozen" in t and "1,000" in t for t in [c.text, *c.variants])
    ]
    assert cut and max(len(c.article_ids) for c in cut) >= 2
    assert all(c.speaker != "Rostec" for c in cut)


def test_seed_conflicts_list_each_dispute_once(seed_brief: Brief) -> None:
    pairs = [frozenset((c.a.claim_id, c.b.claim_id)) for c in seed_brief.conflicts]
    assert len(pairs) == len(set(pairs))
    assert not any(
        c.kind in ("contradiction", "numeric", "denial") and "300" in c.a.text + c.b.text
        for c in seed_brief.conflicts
    )


def test_quoted_content_without_a_clause_of_its_own_is_claimed_in_its_sentence() -> None:
    from newsprism.analysis.assertions import extract_assertions
    from newsprism.analysis.entities import resolve_entities
    from newsprism.analysis.quotes import extract_quotes

    text = (
        "In a statement, Mr. Parscale accused Democrats of filing the lawsuit to drum up "
        "donations for the party.\n\n"
        'Brad Parscale called the D.N.C. allegations a "sham lawsuit about a bogus Russian '
        'collusion claim."\n\n'
        "Mr. Perez said the lawsuit had been taking shape for months."
    )
    story = parse_story([Article(id="a", text=text)])
    entities = resolve_entities(story)
    quoted = [a for a in extract_assertions(story, extract_quotes(story, entities), entities)]
    texts = [a.text for a in quoted if a.quote_id]
    assert any(
        t.startswith("In a statement, Mr. Parscale accused Democrats of filing") for t in texts
    )
    assert not [t for t in texts if t.startswith(("of filing", "the D.N.C. allegations"))]
    assert "the lawsuit had been taking shape for months" in texts  # a clause stays itself


def test_what_may_be_and_what_is_are_two_claims() -> None:
    # FNC-1 bodies on the Jordanian king and the airstrikes
    from newsprism.analysis.claims import build_claims
    from newsprism.analysis.entities import resolve_entities
    from newsprism.analysis.quotes import extract_quotes

    texts = {
        "a": "Reports said the king was personally flying a plane over Raqqa.",
        "b": "Reports said the king may fly a plane over Raqqa himself on Thursday.",
        "c": "Reports said the king personally flew a plane over Raqqa.",
    }
    story = parse_story([Article(id=k, outlet=k.upper(), text=t) for k, t in texts.items()])
    entities = resolve_entities(story)
    claims = build_claims(story, extract_quotes(story, entities), entities)
    groups = sorted(sorted(c.article_ids) for c in claims if "plane" in c.text)
    assert groups == [["a", "c"], ["b"]]


def test_an_open_question_or_what_was_not_said_is_no_claim() -> None:
    # DUC 2004 wire story on Libya's parliament and the Lockerbie suspects
    from newsprism.analysis.claims import build_claims
    from newsprism.analysis.entities import resolve_entities
    from newsprism.analysis.quotes import extract_quotes

    text = (
        "Libyan radio reported that the Parliament had been called to meet Tuesday in Sirte "
        "but did not say whether the Lockerbie issue would be discussed. Reporters asked "
        "whether the suspects would be handed over. Officials did not say that talks had "
        "failed."
    )
    story = parse_story([Article(id="a", outlet="AP", text=text)])
    entities = resolve_entities(story)
    claims = [c.text for c in build_claims(story, extract_quotes(story, entities), entities)]
    assert any("Parliament had been called to meet" in c for c in claims)
    assert not [c for c in claims if "Lockerbie issue" in c or "handed over" in c]
    assert not [c for c in claims if "talks had failed" in c]
