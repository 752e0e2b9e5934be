"""Ingest revises its online decisions: the recent window is re-clustered as it grows."""

from __future__ import annotations

from collections import defaultdict

from newsprism.bench.cluster import bcubed, load_ecbplus
from newsprism.config import DEFAULT
from newsprism.store.db import open_store
from newsprism.store.ingest import ingest_articles
from newsprism.store.repository import article_story_ids
from tests.conftest import shared_path


def three_events(per_event: int = 5) -> tuple[list, list[str]]:
    """Two rehab stories of topic 1 (two celebrities) and one other event, interleaved."""
    groups: dict[str, list] = defaultdict(list)
    for article, gold in load_ecbplus(shared_path("data", "ecbplus")):
        if gold in ("1/ecb", "1/ecbplus", "3/ecb") and len(groups[gold]) < per_event:
            groups[gold].append(article)
    chosen = sorted(
        ((a, gold) for gold, arts in groups.items() for a in arts), key=lambda p: p[0].id
    )
    return [a for a, _ in chosen], [g for _, g in chosen]


def stories_of(url: str, articles: list) -> list[str | None]:
    store = open_store(url)
    found = article_story_ids(store, [a.id for a in articles])
    store.close()
    return [found.get(a.id) for a in articles]


def test_window_reclustering_splits_what_the_online_pass_glued(db_url: str) -> None:
    articles, _ = three_events()
    # A threshold this low glues every article into the first story ...
    glue = DEFAULT.model_copy(update={"cluster_threshold": 0.0, "cluster_window": 0})
    store = open_store(db_url)
    ingest_articles(store, articles, settings=glue)
    store.close()
    assert len(set(stories_of(db_url, articles))) == 1


def test_window_reclustering_runs_during_and_after_ingest(db_url: str) -> None:
    articles, gold = three_events()
    # ... and the window re-clustering, every 4 articles and at the end, takes it apart.
    settings = DEFAULT.model_copy(update={"cluster_threshold": 0.0, "cluster_refresh_every": 4})
    store = open_store(db_url)
    ingest_articles(store, articles, settings=settings, batch_size=4)
    store.close()
    labels = stories_of(db_url, articles)
    precision, recall, f1 = bcubed(gold, labels)
    assert precision >= 0.9 and f1 >= 0.85, (precision, recall, labels)
    # Every story named by an article exists, and no story is left without articles.
    store = open_store(db_url)
    from sqlalchemy import select

    from newsprism.store.models import StoryRow

    with store.session() as session:
        rows = {r.id: r.size for r in session.scalars(select(StoryRow))}
    store.close()
    assert set(rows) == set(labels)
    assert all(size > 0 for size in rows.values())
