"""Ingest of the seed story against seeds-gold.json: boilerplate cut, content kept, metadata."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsprism.ingest import read_articles
from newsprism.model import Article
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(shared_path("corpus", "seeds-gold.json").read_text("utf-8"))["articles"]


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    result = read_articles([shared_path("corpus", "seeds")])
    assert result.problems == []
    return {a.file: a for a in result.articles if a.file}


def test_every_gold_article_is_read(gold: dict, articles: dict[str, Article]) -> None:
    assert set(gold) == set(articles)


def test_boilerplate_cut_and_content_kept(gold: dict, articles: dict[str, Article]) -> None:
    for name, expected in gold.items():
        article = articles[name]
        removed = "\n".join(article.removed)
        for item in expected["boilerplate"]:
            assert item not in article.text, f"{name}: boilerplate left in text: {item}"
            assert item in removed, f"{name}: boilerplate not recorded as removed: {item}"
        for item in expected["must_keep"]:
            assert item in article.text, f"{name}: content lost: {item}"
            assert item not in removed, f"{name}: content cut: {item}"


def test_outlet_title_date_url(gold: dict, articles: dict[str, Article]) -> None:
    for name, expected in gold.items():
        article = articles[name]
        assert article.outlet == expected["outlet"], name
        if "title" in expected:
            assert article.title == expected["title"], name
        if expected["published"] is None:
            assert article.published is None, name
        else:
            assert article.published == date.fromisoformat(expected["published"]), name
            assert article.published_source == "text", name
        if "url" in expected:
            assert article.url == expected["url"], name
        assert article.language == "en", name
