"""Extraction + cleaning on real pages of the article-extraction benchmark (../shared/data)."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from newsprism.ingest import build_article
from newsprism.ingest.clean import classify_line
from newsprism.model import RawDocument
from tests.conftest import shared_path

# Five news pages of different sites and layouts.
PAGES = ["042bb7b5fe", "d605bdef2c", "08f7937627", "7dfc3e359d", "624fcd903d"]


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


def shingle_f1(predicted: str, gold: str) -> float:
    p, g = shingles(predicted), shingles(gold)
    if not p or not g:
        return 0.0
    common = len(p & g)
    return 2 * common / (len(p) + len(g))


@pytest.fixture(scope="module")
def truth() -> dict:
    folder = shared_path("data", "article-extraction")
    return json.loads((folder / "ground-truth.json").read_text("utf-8"))


@pytest.mark.parametrize("prefix", PAGES)
def test_page_text_matches_ground_truth(truth: dict, prefix: str) -> None:
    (page_id,) = [k for k in truth if k.startswith(prefix)]
    path = shared_path("data", "article-extraction", "html", f"{page_id}.html.gz")
    html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
    url = truth[page_id]["url"]
    article = build_article(RawDocument(source=path.name, file=path.name, html=html, url=url))
    assert shingle_f1(article.text, truth[page_id]["articleBody"]) > 0.8
    for line in article.text.split("\n"):
        assert classify_line(line) is None, line
        assert not re.match(r"(?i)^(subscribe|sign up|read more|advertisement)\b", line), line
    assert article.outlet
