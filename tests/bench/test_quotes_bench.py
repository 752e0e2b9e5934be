"""The quote benchmark on PolNeAR: result shape, and real gold attributions found."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.bench.quotes import _ours, load_documents, run, score_document
from newsprism.nlp.pipeline import load_nlp

POLNEAR = Path(__file__).parents[2] / ".." / "shared" / "data" / "polnear"
pytestmark = pytest.mark.skipif(
    not (POLNEAR / "dev" / "text").is_dir(), reason="../shared/data/polnear is not present"
)


def test_run_returns_scores_for_us_and_textacy() -> None:
    result = run(POLNEAR, limit=3)
    assert result["task"] == "quotes" and result["items"] == 3
    for scores in (result["ours"], result["peers"]["textacy"]):
        assert set(scores) == {"f1", "precision", "recall", "source_accuracy"}
        assert all(0.0 <= v <= 1.0 for v in scores.values())
    assert set(result["seconds"]) == {"ours", "textacy"}


def test_real_document_attributions_found_with_their_sources() -> None:
    name, text, gold = load_documents(POLNEAR / "dev", limit=1)[0]
    assert name.startswith("breitbart_2016-09-12_stealth-over-health")
    predicted, entities = _ours(name, text, load_nlp()(text))
    # "The New York Post reports that ...", "..., a source said", "..., another source said"
    for content_words, source in (
        ("emergency room following her medical scare", "The New York Post"),
        ("campaign operative decided to change course", "a source"),
        ("Secret Service whisked her away", "another source"),
    ):
        match = [p for p in predicted if content_words in text[p.content[0][0] : p.content[0][1]]]
        assert match, content_words
        s, e = match[0].source[0]
        assert text[s:e] == source
    scores = score_document(text, gold, predicted, entities)
    assert scores["matched"] >= 4 and scores["source_right"] >= 4


def test_a_quotation_interrupted_by_its_cue_is_one_attribution() -> None:
    from newsprism.bench.quotes import attributions
    from newsprism.model import Quote

    def quote(start: int, end: int, rule: str) -> Quote:
        return Quote(
            id=f"q{start}",
            speaker="Pat Caddell",
            cue="said",
            text="x",
            kind="direct",
            article_id="a",
            span=(start, end),
            speaker_span=(140, 147),
            rule=rule,
        )

    merged = attributions([quote(0, 134, "direct-adjacent"), quote(149, 239, "continuation")])
    assert len(merged) == 1 and merged[0].content == [(0, 134), (149, 239)]
    apart = attributions([quote(0, 134, "direct-adjacent"), quote(149, 239, "ccomp")])
    assert len(apart) == 2
