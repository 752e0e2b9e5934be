"""The DUC 2004 summarization benchmark runs end to end on two sets."""

from __future__ import annotations

from typing import Any

from newsprism.bench.summarize import RougeRecall, run
from tests.conftest import shared_path


def test_run_on_two_sets_scores_ours_and_every_peer():
    result: dict[str, Any] = run(shared_path("data", "duc2004"), limit=2)
    assert result["task"] == "summarize" and result["items"] == 2
    systems = [result["ours"], *result["peers"].values()]
    assert {"DPP", "ICSISumm", "Submodular", "Lead", "sumy-LexRank", "sumy-TextRank"} <= set(
        result["peers"]
    )
    for scores in systems:
        assert 10 < scores["rouge1"] < 70 and 0 < scores["rouge2"] < 35
    assert result["ours"]["rouge1"] > result["peers"]["Lead"]["rouge1"]
    assert set(result["seconds"]) >= {"ours"}


def test_rouge_recall_counts_clipped_ngrams_over_all_references():
    scorer = RougeRecall()
    refs = ["the cats sat on the mat", "a dog sat"]
    # unigrams: ref1 6 tokens, ref2 3 tokens; "the cat sat" hits the, cat(stemmed), sat + sat
    assert abs(scorer.recall("the cat sat", refs, 1) - 4 / 9) < 1e-9
    assert scorer.recall("", refs, 2) == 0.0
    assert scorer.recall("x " * 150 + "the cats sat", refs, 1) == 0.0  # cut at 100 words
