"""The stance classifier: features that read the cues, and a model trained on FNC-1 data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.analysis.stance import StanceFeatures, StanceModel, sentences

DATA = Path(__file__).parents[2] / ".." / "shared" / "data" / "fnc-1"

HEADLINE = "Apple to buy music streaming service Beats for $3 billion"
AGREEING = (
    "Apple has agreed to buy Beats Electronics, the headphone maker and music streaming "
    "service, for $3 billion, the company said on Wednesday. The deal is Apple's largest."
)
DENYING = (
    "A spokesman for Beats denied reports that Apple would buy the company. "
    "The rumour of a $3 billion deal is false, he said, and no talks were held."
)
UNRELATED = (
    "Heavy rain flooded streets in the city centre on Tuesday, and the fire brigade "
    "pumped water out of dozens of basements."
)


def _features() -> StanceFeatures:
    return StanceFeatures(lsa_dimensions=2).fit([HEADLINE, AGREEING, DENYING, UNRELATED])


def test_related_body_is_closer_than_unrelated() -> None:
    x = _features().transform([HEADLINE] * 3, [AGREEING, DENYING, UNRELATED])
    assert x.shape == (3, StanceFeatures.N_FEATURES)
    tfidf_cos = x[:, 0]
    assert tfidf_cos[0] > tfidf_cos[2] and tfidf_cos[1] > tfidf_cos[2]
    assert np.isfinite(x).all()


def test_denial_near_headline_terms_is_counted() -> None:
    features = _features()
    x = features.transform([HEADLINE] * 2, [AGREEING, DENYING])
    near_denial = StanceFeatures.N_FEATURES - 5  # the first of the three "near" features
    assert x[1, near_denial] > x[0, near_denial]


def test_sentences_split_on_ends_and_lines() -> None:
    parts = sentences("First claim was made today by officials. Second one followed it.\nThird")
    assert parts[0].startswith("First") and parts[1].startswith("Second")


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data/fnc-1 is absent")
def test_model_trained_on_a_slice_beats_always_unrelated() -> None:
    from newsprism.bench.stance import fnc_score, load_split

    split = load_split(DATA, limit=4)  # the pairs of 120 train bodies
    heads = [p.headline for p in split.train]
    bodies = [split.bodies[p.body_id] for p in split.train]
    model = StanceModel(max_iter=60).fit(heads, bodies, [p.stance for p in split.train])
    test = load_split(DATA).test[::40]
    predicted = model.predict_many(
        [p.headline for p in test], [split.bodies[p.body_id] for p in test]
    )
    gold = [p.stance for p in test]
    assert set(predicted) <= {"agree", "disagree", "discuss", "unrelated"}
    assert fnc_score(gold, predicted) > fnc_score(gold, ["unrelated"] * len(gold)) + 20
    assert model.predict(test[0].headline, split.bodies[test[0].body_id]) == predicted[0]
