"""The article-extraction score, checked by hand on tiny pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.bench.common import shingle_counts, shingle_scores
from newsprism.bench.extract import load_pages, score

DATA = Path(__file__).parents[2] / ".." / "shared" / "data" / "article-extraction"


def test_shingles_of_a_cut_short_page() -> None:
    # true shingles: (The cat sat on), (cat sat on the); predicted: only the first.
    counts = shingle_counts("The cat sat on the", "The cat sat on")
    assert counts == pytest.approx((0.5, 0.0, 0.5))
    scores = shingle_scores([counts])
    assert scores["precision"] == pytest.approx(1.0)
    assert scores["recall"] == pytest.approx(0.5)
    assert scores["f1"] == pytest.approx(2 / 3)


def test_scores_average_over_pages_then_combine() -> None:
    pages = [
        shingle_counts("one two three four five", "one two three four five"),  # perfect
        shingle_counts("alpha beta gamma delta", "menu login alpha beta gamma delta"),
    ]
    # Page 2: 3 predicted shingles, 1 right: tp=1, fp=2, fn=0 -> precision 1/3, recall 1.
    scores = shingle_scores(pages)
    assert scores["precision"] == pytest.approx((1 + 1 / 3) / 2)
    assert scores["recall"] == pytest.approx(1.0)
    p, r = scores["precision"], scores["recall"]
    assert scores["f1"] == pytest.approx(2 * p * r / (p + r))


def test_empty_texts_follow_the_benchmark() -> None:
    # Nothing extracted from a page with a body: recall 0, precision undefined (left out).
    assert shingle_scores([shingle_counts("a real body of text", "")]) == {
        "f1": 0.0, "precision": 0.0, "recall": 0.0,
    }
    # Both empty: the page counts for neither average.
    both_empty = shingle_counts("", "")
    assert both_empty == (0.0, 0.0, 0.0)
    perfect = shingle_counts("a b c d", "a b c d")
    assert shingle_scores([both_empty, perfect])["f1"] == pytest.approx(1.0)
    # Tokens are case-sensitive word runs, as in the benchmark's evaluate.py.
    assert shingle_counts("Hello world", "hello world") == pytest.approx((0.0, 0.5, 0.5))
    # Punctuation and spacing do not matter.
    assert shingle_counts("Hello, world!", "Hello world") == pytest.approx((1.0, 0.0, 0.0))


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data/article-extraction is absent")
def test_ground_truth_scores_perfectly_against_itself() -> None:
    ids, html, truth = load_pages(DATA, limit=3)
    assert len(ids) == 3 and all(html[i].lstrip().startswith("<") for i in ids)
    perfect = score(ids, truth, {i: truth[i]["articleBody"] for i in ids})
    assert perfect == {"f1": 1.0, "precision": 1.0, "recall": 1.0}
    whole_page = score(ids, truth, html)
    assert whole_page["precision"] < 0.5
