"""The FNC-1 score and the split that keeps every test body out of training."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.bench.stance import _baseline_features, fnc_score, load_split, stance_metrics

DATA = Path(__file__).parents[2] / ".." / "shared" / "data" / "fnc-1"


def test_fnc_score_by_hand() -> None:
    gold = ["agree", "unrelated", "discuss", "disagree"]
    predicted = ["agree", "unrelated", "agree", "unrelated"]
    # agree right: 0.25 + 0.5 + 0.25; unrelated right: 0.25; discuss as agree: both
    # related, 0.25; disagree as unrelated: 0. Best possible: 1 + 0.25 + 1 + 1.
    assert fnc_score(gold, predicted) == pytest.approx(100 * 1.5 / 3.25)
    assert fnc_score(gold, gold) == pytest.approx(100.0)
    assert fnc_score(["unrelated"] * 3, ["discuss"] * 3) == 0.0


def test_metrics_per_class() -> None:
    gold = ["agree", "agree", "disagree", "unrelated"]
    predicted = ["agree", "discuss", "disagree", "unrelated"]
    metrics = stance_metrics(gold, predicted)
    assert metrics["f1_agree"] == pytest.approx(2 / 3, abs=1e-4)
    assert metrics["f1_disagree"] == 1.0 and metrics["f1_unrelated"] == 1.0
    assert metrics["f1_discuss"] == 0.0
    assert 0 < metrics["score"] < 100


def test_baseline_features_see_refuting_headlines() -> None:
    plain = _baseline_features("Bank robbed in Paris", "Robbers took cash from a Paris bank.")
    refuting = _baseline_features("Bank robbery in Paris was a hoax", "Robbers took cash.")
    assert len(plain) == len(refuting)
    assert sum(refuting[1:16]) == 1 and sum(plain[1:16]) == 0


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data/fnc-1 is absent")
def test_split_by_body_is_disjoint_and_deterministic() -> None:
    split = load_split(DATA)
    train_bodies = {p.body_id for p in split.train}
    test_bodies = {p.body_id for p in split.test}
    assert train_bodies and test_bodies and not train_bodies & test_bodies
    assert 0.1 < len(split.test) / (len(split.train) + len(split.test)) < 0.3
    again = load_split(DATA)
    assert [p.headline for p in again.test[:50]] == [p.headline for p in split.test[:50]]
    small = load_split(DATA, limit=3)
    assert len(small.test) == 3 and len({p.body_id for p in small.train}) <= 90
