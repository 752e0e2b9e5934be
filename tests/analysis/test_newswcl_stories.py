"""Claims and conflicts on real multi-outlet stories other than the seeds (NewsWCL50).

Each NewsWCL50 event is one story told by five US outlets from far left to far right. Every
expectation below was checked by reading the articles; the sentences are quoted beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from newsprism.analysis.claims import build_claims
from newsprism.analysis.conflicts import find_conflicts
from newsprism.analysis.entities import resolve_entities
from newsprism.analysis.quotes import extract_quotes
from newsprism.model import Article, Claim, Conflict
from newsprism.nlp.pipeline import parse_story
from tests.analysis.newswcl_loader import load_event
from tests.conftest import DATA

NEWSWCL = DATA / "newswcl50"


@cache
def _story(event: int) -> tuple[list[Article], list[Claim], list[Conflict]]:
    articles = load_event(NEWSWCL, event)
    story = parse_story(articles)
    entities = resolve_entities(story)
    quotes = extract_quotes(story, entities)
    claims = build_claims(story, quotes, entities)
    return articles, claims, find_conflicts(story, claims, quotes, entities)


Story = Callable[[int], tuple[list[Article], list[Claim], list[Conflict]]]


@pytest.fixture
def story() -> Story:
    if not (NEWSWCL / "NewsWCL50.conll").exists():
        pytest.skip(f"{NEWSWCL} is not available (../shared/data must sit beside the repo)")
    return _story


def _outlets(articles: list[Article], claim: Claim) -> set[str]:
    by_id = {a.id: a.outlet for a in articles}
    return {str(by_id[i]) for i in claim.article_ids}


def _carrying(claims: list[Claim], *words: str) -> list[Claim]:
    return [
        c
        for c in claims
        if any(all(w.casefold() in t.casefold() for w in words) for t in [c.text, *c.variants])
    ]


def test_event0_trump_five_summit_locations_is_one_claim_with_its_number(story: Story) -> None:
    # HuffPost: "Trump told reporters on Tuesday that five locations were being considered
    #   for the summit, but that none of them were in the United States, according to CNN."
    # Fox News: "Trump, ... said five locations for the potential summit are under
    #   consideration."
    articles, claims, _ = story(0)
    found = _carrying(claims, "five locations")
    grouped = [c for c in found if {"HuffPost", "Fox News"} <= _outlets(articles, c)]
    assert grouped, [(c.text, _outlets(articles, c)) for c in found]
    quantities = [(q.value, q.unit) for q in grouped[0].quantities]
    assert (5.0, "location") in quantities
    assert grouped[0].speaker == "Donald Trump"


def test_event0_pompeo_meeting_kim_is_grouped_across_outlets(story: Story) -> None:
    # HuffPost: "Central Intelligence Agency Director Mike Pompeo met with North Korean
    #   leader Kim Jong Un over Easter weekend, according to media reports Tuesday."
    # Fox News: "CIA Director Mike Pompeo met with North Korean dictator Kim Jong Un over
    #   Easter weekend in an effort to lay the groundwork for a summit ..."
    articles, claims, _ = story(0)
    found = _carrying(claims, "Pompeo", "met with", "Kim Jong Un")
    assert any(len(_outlets(articles, c)) >= 2 for c in found), [
        (c.text, _outlets(articles, c)) for c in found
    ]


def test_event0_direct_talks_at_extremely_high_levels_in_three_outlets(story: Story) -> None:
    # NYT: "... the United States was in direct talks with North Korea at "extremely high
    #   levels," ..."; USA Today: "we have had direct talks at very high levels, extremely
    #   high levels, with North Korea."; Fox News: "... the U.S. and North Korea are holding
    #   direct talks at "extremely high levels" in preparation for ..."
    articles, claims, _ = story(0)
    found = _carrying(claims, "direct talks", "extremely high level")
    assert max((len(_outlets(articles, c)) for c in found), default=0) >= 3


def test_event1_comey_memo_line_is_one_claim_and_not_a_denial_of_comey(story: Story) -> None:
    # NYT: ""The president said ‘ the hookers thing ' is nonsense, but that Putin had told
    #   him, ‘ We have some of the most beautiful hookers in the world, '" Mr. Comey wrote."
    # HuffPost: ""The President said ' the hookers thing ' is nonsense but that Putin had
    #   told him ' we have some of the most beautiful hookers in the world. '""
    # The memo reports what Trump said; "nonsense" judges "the hookers thing" only, so it is
    # no denial of anything else Comey wrote (earlier versions linked it to Comey's account
    # of Flynn and of the "Golden Shower Thing").
    articles, claims, conflicts = story(1)
    found = _carrying(claims, "hookers thing", "nonsense")
    assert any(len(_outlets(articles, c)) >= 2 for c in found)
    assert not [c for c in conflicts if "hookers thing" in c.a.text + c.b.text]


def test_event1_trump_tweet_is_grouped_and_no_one_disputes_himself(story: Story) -> None:
    # Fox News: "“James Comey Memos just out show clearly that there was NO COLLUSION and NO
    #   OBSTRUCTION."; Breitbart: ""James Comey Memos just out and show clearly that there
    #   was NO COLLUSION and NO OBSTRUCTION," Trump wrote on Twitter."
    articles, claims, conflicts = story(1)
    found = _carrying(claims, "NO COLLUSION and NO OBSTRUCTION")
    assert any({"Fox News", "Breitbart"} <= _outlets(articles, c) for c in found)
    assert all(c.a.speaker != c.b.speaker for c in conflicts if c.kind != "quote-variant")


def test_event4_open_question_is_no_contradiction(story: Story) -> None:
    # USA Today: ""We'll see," he said, "whether or not it will be possible to do a new deal
    #   with solid foundations"": "whether or not" asks, it negates nothing, so it cannot
    #   contradict Trump's "the U.S. and France were "beginning to understand each other"".
    _, _, conflicts = story(4)
    assert not [c for c in conflicts if "whether or not" in c.a.text + c.b.text]
