"""Reading documents for ingest, in worker processes: same results, in input order."""

from __future__ import annotations

import gzip

from newsprism.model import RawDocument
from newsprism.store.prepare import prepare_all, prepare_chunk
from tests.conftest import shared_path


def real_pages(n: int) -> list[RawDocument]:
    folder = shared_path("data", "article-extraction", "html")
    docs = []
    for path in sorted(folder.glob("*.html.gz"))[:n]:
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            docs.append(RawDocument(source=str(path), file=path.name, html=f.read()))
    return docs


def test_a_page_gives_an_article_and_features_a_broken_one_a_problem() -> None:
    broken = RawDocument(source="empty.html", file="empty.html", html="<html><body></body></html>")
    page, problem = prepare_chunk([*real_pages(1), broken])
    assert page.article is not None and len(page.article.text.split()) > 40
    assert page.features is not None and page.features.vector.shape == (256,)
    assert page.features.terms and page.features.entities
    assert len(page.hash) == 64 and page.minhash and page.bands
    assert problem.article is None and problem.problem and "empty.html" in problem.problem


def test_features_are_left_out_without_clustering() -> None:
    (page,) = prepare_chunk(real_pages(1), cluster=False)
    assert page.article is not None and page.features is None


def test_worker_processes_give_the_same_articles_in_order() -> None:
    docs = real_pages(8)
    chunks = [docs[i : i + 2] for i in range(0, len(docs), 2)]
    alone = [p for chunk in prepare_all(chunks, workers=1) for p in chunk]
    pooled = [p for chunk in prepare_all(chunks, workers=2) for p in chunk]
    assert [p.article.id for p in pooled if p.article] == [p.article.id for p in alone if p.article]
    assert [p.article.text for p in pooled if p.article] == [
        p.article.text for p in alone if p.article
    ]
