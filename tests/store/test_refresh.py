"""Ingest revises its online decisions: the recent window is re-clustered as it grows."""

from __future__ import annotations

from collections import defaultdict

import pytest

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


def test_a_large_story_is_revised_by_its_latest_articles_only(db_url: str) -> None:
    """The window holds at most ``cluster_window_per_story`` articles of each story, the
    latest ones, so re-clustering does not slow down as stories grow."""
    from newsprism.store.ingest import window_rows

    articles, _ = three_events()
    glue = DEFAULT.model_copy(update={"cluster_threshold": 0.0, "cluster_window": 0})
    store = open_store(db_url)
    ingest_articles(store, articles[:10], settings=glue)
    ingest_articles(store, articles[10:], settings=glue)
    (story,) = set(stories_of(db_url, articles))
    with store.session() as session:
        rows = window_rows(session, [story], per_story=4)
        assert [r.id for r in rows] == [a.id for a in articles[-4:]]
        assert len(window_rows(session, [story], per_story=100)) == len(articles)
        assert window_rows(session, ["no-such-story"], per_story=4) == []
    store.close()


def test_stories_stay_consistent_with_their_articles(db_url: str) -> None:
    """Through online merges, window re-clustering and syndicated copies, every copy sits
    in its origin's story and every story's size is the number of its articles."""
    from sqlalchemy import func, select

    from newsprism.model import Article, stable_id
    from newsprism.store.models import ArticleRow, StoryRow

    articles, _ = three_events(per_event=6)
    stream: list = []
    for i, article in enumerate(articles):
        stream.append(article)
        if i % 3 == 1:  # a republished copy with its own sign-off, a few articles later
            text = article.text + "\n\nThis story was republished with permission."
            stream.insert(max(len(stream) - 3, 0), Article(id=stable_id("copy", text), text=text))
    settings = DEFAULT.model_copy(update={"cluster_threshold": 0.1, "cluster_refresh_every": 5})
    store = open_store(db_url)
    ingest_articles(store, stream, settings=settings, batch_size=4)
    with store.session() as session:
        rows = session.scalars(select(ArticleRow)).all()
        story_of = {r.id: r.story_id for r in rows}
        copies = [r for r in rows if r.origin_id]
        assert copies and all(story_of[r.id] == story_of[r.origin_id] for r in copies)
        counted = dict(
            session.execute(
                select(ArticleRow.story_id, func.count()).group_by(ArticleRow.story_id)
            ).tuples().all()
        )
        sizes = {s.id: s.size for s in session.scalars(select(StoryRow))}
    store.close()
    assert None not in counted
    assert sizes == counted


def test_a_new_run_revises_the_latest_articles_of_the_previous_one(db_url: str) -> None:
    """The window is the latest originals in the store, not only this run's: a restarted
    ingest re-clusters what the interrupted one left glued together."""
    articles, gold = three_events()
    glue = DEFAULT.model_copy(update={"cluster_threshold": 0.0, "cluster_window": 0})
    store = open_store(db_url)
    ingest_articles(store, articles, settings=glue)
    assert len(set(stories_of(db_url, articles))) == 1
    # The next run brings one article of another event: it joins nothing glued before.
    other = next(a for a, g in load_ecbplus(shared_path("data", "ecbplus")) if g == "5/ecb")
    every_article = DEFAULT.model_copy(update={"cluster_refresh_every": 1})
    ingest_articles(store, [other], settings=every_article)
    store.close()
    precision, recall, _ = bcubed(gold, stories_of(db_url, articles))
    assert precision >= 0.9, (precision, recall)


def test_a_failed_batch_leaves_no_trace_in_the_clusterer(db_url: str, monkeypatch) -> None:
    """A batch whose transaction rolls back taught the clusterer stories that were never
    stored: the ingester forgets them and reads the store's state again."""
    import newsprism.store.ingest as ingest_module
    from newsprism.store.ingest import Ingester, Pending

    articles, _ = three_events()
    store = open_store(db_url)
    ingester = Ingester(store, DEFAULT)
    ingester.add([Pending(article=a) for a in articles[:4]])
    real_save = ingest_module.save_stories

    def failing_save(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest_module, "save_stories", failing_save)
    with pytest.raises(RuntimeError, match="disk full"):
        ingester.add([Pending(article=a) for a in articles[4:8]])
    monkeypatch.setattr(ingest_module, "save_stories", real_save)
    ingester.add([Pending(article=a) for a in articles[8:]])
    ingester.finish()
    with store.session() as session:
        stored = set(article_story_ids(store, [a.id for a in articles]))
        known = set(ingester.clusterer(session).stories)
    store.close()
    assert stored == {a.id for a in articles[:4] + articles[8:]}
    assert known <= set(stories_of(db_url, articles[:4] + articles[8:]))
