"""The story clustering benchmark on ECB+ and FNC-1 slices, and its scoring."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.bench.cluster import bcubed, load_fnc_stories, run
from newsprism.cli import app
from tests.conftest import shared_path

METRICS = {"bcubed_f1", "bcubed_precision", "bcubed_recall", "ari", "clusters"}


@pytest.mark.parametrize(("folder", "limit"), [("ecbplus", 2), ("fnc-1", 3)])
def test_run_scores_ours_both_modes_and_the_peers(folder: str, limit: int) -> None:
    result = run(shared_path("data", folder), limit=limit)
    assert result["task"] == "cluster" and result["items"] > 2 * limit
    assert result["stories"] == (2 * limit if folder == "ecbplus" else limit)
    systems = [result["ours"], result["ours_batch"], *result["peers"].values()]
    assert set(result["peers"]) == {"agglomerative_tfidf_k_given", "kmeans_tfidf_k_given"}
    for scores in systems:
        assert set(scores) == METRICS
        assert 0.0 < scores["bcubed_f1"] <= 1.0 and scores["clusters"] >= 1
    assert result["ours"]["bcubed_precision"] > 0.8  # a few stories: none glued together


def test_fnc_stories_are_the_bodies_linked_by_related_headlines() -> None:
    items = load_fnc_stories(shared_path("data", "fnc-1"))
    sizes = Counter(story for _, story in items)
    assert len(items) == len({a.id for a, _ in items})  # each body once
    assert all(a.text.strip() for a, _ in items)
    # Emergent's claims: about two hundred stories, a few large ones (dozens of bodies).
    assert 100 < len(sizes) < 400 and max(sizes.values()) >= 30


def test_bcubed_counts_each_item_by_its_cluster() -> None:
    gold = ["a", "a", "a", "b"]
    assert bcubed(gold, [1, 1, 1, 2]) == (1.0, 1.0, 1.0)
    precision, recall, _ = bcubed(gold, [1, 1, 1, 1])  # all glued: recall stays whole
    assert recall == 1.0 and precision == pytest.approx((3 * 3 / 4 + 1 / 4) / 4)


def test_cluster_refuses_a_folder_of_neither_layout(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a data set", encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "cluster", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "ECB+" in result.stderr and "train_bodies.csv" in result.stderr
