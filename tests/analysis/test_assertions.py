"""What a statement's negation denies, on sentences from FNC-1 stories and the seeds."""

from __future__ import annotations

import pytest

from newsprism.analysis.assertions import Assertion, annotate
from newsprism.analysis.entities import EntityIndex
from newsprism.nlp.pipeline import DocIndex, load_nlp


def negated_event(sentence: str) -> bool:
    doc = load_nlp()(sentence)
    assertion = Assertion("a", 0, len(sentence), sentence, None, "narration")
    return annotate(assertion, doc[:], EntityIndex(), DocIndex(doc)).negated_event


@pytest.mark.parametrize(
    "sentence",
    [
        "There is no talk of any cuts.",
        "He did not die in the attack.",
        "Moscow has not withdrawn its advisers.",
    ],
)
def test_a_negation_that_denies_an_event(sentence: str) -> None:
    assert negated_event(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # saying nothing of it
        "Without indicating the locations of the attacks, the statement said the militants "
        "aimed at the army's morale.",
        "The group said both were killed, but not specifying exactly where they died.",
        # not knowing of it
        "We aren't aware of any chlorine attacks against the Iraqi forces.",
        # more, not less
        "The death will call not only for the death of his killers, but also their families.",
        "We will not do the air strikes alone.",
        # where, and what it is said of
        "He had not been at the site of the raid.",
        "The death of the pilot will not be in vain.",
        # what an adverbial clause takes as given
        "We didn't hear anything until we got a letter saying she'd been picked.",
    ],
)
def test_a_negation_that_denies_no_event(sentence: str) -> None:
    assert not negated_event(sentence)
