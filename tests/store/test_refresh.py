"""Ingest revises its online decisions: the recent window is re-clustered as it grows."""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
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


def stories_of(url: str, articles: list) -> list[str]:
    store = open_store(url)
    found = article_story_ids(store, [a.id for a in articles])
    store.close()
    stories = [found.get(a.id) for a in articles]
    assert None not in stories, "an article was stored without a story"
    return [s for s in stories if s is not None]


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
        assert copies and all(
            r.origin_id and story_of[r.id] == story_of[r.origin_id] for r in copies
        )
        counted = dict(
            session.execute(select(ArticleRow.story_id, func.count()).group_by(ArticleRow.story_id))
            .tuples()
            .all()
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


def two_events_in_turn(first: int, second: int) -> list:
    """``first`` articles of one event (topic 1, a celebrity's rehab), then ``second`` of
    another (topic 3), dated two a day from 1 January 2019."""
    from datetime import date, timedelta

    wanted = {"1/ecb": first, "3/ecb": second}
    groups: dict[str, list] = defaultdict(list)
    for article, gold in load_ecbplus(shared_path("data", "ecbplus")):
        if len(groups[gold]) < wanted.get(gold, 0):
            groups[gold].append(article)
    stream = sorted(groups["1/ecb"], key=lambda a: a.id) + sorted(
        groups["3/ecb"], key=lambda a: a.id
    )
    return [
        a.model_copy(update={"published": date(2019, 1, 1) + timedelta(days=i // 2)})
        for i, a in enumerate(stream)
    ]


def assert_centroids_sum_their_articles(url: str) -> dict[str, list[str]]:
    """Every stored story's centroid, size and dates are those of its original articles
    (centroids untrimmed), and the clusterer loads the same sizes; returns the members."""
    from sqlalchemy import select

    from newsprism.store.models import ArticleRow, StoryRow
    from newsprism.store.repository import load_active_stories, vector_from

    store = open_store(url)
    with store.session() as session:
        originals = session.scalars(select(ArticleRow).where(ArticleRow.origin_id.is_(None)))
        members: dict[str, list] = defaultdict(list)
        for row in originals:
            assert row.story_id is not None
            members[row.story_id].append(row)
        stories = {s.id: s for s in session.scalars(select(StoryRow))}
        loaded, other_model = load_active_stories(session, DEFAULT)
    store.close()
    assert set(stories) == set(members) and other_model == 0
    for story_id, rows in members.items():
        story = stories[story_id]
        terms: Counter[str] = Counter()
        for row in rows:
            terms.update(row.terms)
        assert story.centroid_terms == pytest.approx(dict(terms)), story_id
        vectors = sum(vector_from(row.vector) for row in rows)
        assert np.allclose(vector_from(story.centroid_vector), vectors, atol=1e-4), story_id
        assert story.first_seen == min(row.published for row in rows)
        assert story.last_seen == max(row.published for row in rows)
        assert story.origins == len(rows)
    assert {s.id: s.size for s in loaded} == {i: len(rows) for i, rows in members.items()}
    return {story_id: [r.id for r in rows] for story_id, rows in members.items()}


@pytest.mark.parametrize(("first", "second"), [(6, 3), (5, 4)])
def test_a_story_keeps_its_older_part_when_its_window_is_reclustered(
    db_url: str, first: int, second: int
) -> None:
    """Everything glued into one story, whose window (its latest 4 articles) holds the
    other event: the re-clustering splits that event off and the older articles' share
    of the centroid, their size and their dates stay with the story they are in."""
    articles = two_events_in_turn(first, second)
    settings = DEFAULT.model_copy(
        update={
            "cluster_threshold": 0.0,  # the online pass glues everything together
            "cluster_window_per_story": 4,
            "cluster_refresh_every": 10_000,  # one re-clustering, when the ingest ends
            "cluster_centroid_terms": 100_000,  # untrimmed centroids: exact sums
        }
    )
    store = open_store(db_url)
    ingest_articles(store, articles, settings=settings)
    store.close()
    labels = stories_of(db_url, articles)
    assert len(set(labels)) > 1, "the re-clustering split nothing: the test shows nothing"
    # The first event stays one story, the older part's, and the other leaves it.
    assert len(set(labels[:first])) == 1
    assert labels[0] not in labels[first:]
    members = assert_centroids_sum_their_articles(db_url)
    assert sorted(members[labels[0]]) == sorted(a.id for a in articles[:first])


def as_older_newsprism_stored_it(url: str) -> None:
    """Give the store's articles and stories the 384-dimension MiniLM vectors that
    newsprism stored before its clustering moved to WordLlama's 256."""
    from sqlalchemy import select

    from newsprism.nlp.embeddings import embed
    from newsprism.store.models import ArticleRow, StoryRow
    from newsprism.store.repository import vector_bytes

    store = open_store(url)
    with store.session() as session, session.begin():
        rows = session.scalars(select(ArticleRow)).all()
        vectors = embed([f"{r.title}. {r.text[:600]}" for r in rows])
        sums: dict[str, np.ndarray] = {}
        for row, vector in zip(rows, vectors, strict=True):
            row.vector = vector_bytes(vector)
            assert row.story_id is not None
            sums[row.story_id] = sums.get(row.story_id, 0) + vector
        for story in session.scalars(select(StoryRow)):
            story.centroid_vector = vector_bytes(sums[story.id])
    store.close()


def write_texts(folder, articles: list) -> None:
    folder.mkdir()
    for article in articles:
        (folder / f"{article.id}.txt").write_text(f"{article.title}\n\n{article.text}", "utf-8")


def stories_by_file(url: str, folder) -> dict[str, str | None]:
    """The story of each article the command line stored from the files in ``folder``."""
    from sqlalchemy import select

    from newsprism.store.models import ArticleRow

    names = {path.name for path in folder.iterdir()}
    store = open_store(url)
    with store.session() as session:
        rows = session.execute(select(ArticleRow.file, ArticleRow.story_id)).tuples().all()
    store.close()
    found = {file: story for file, story in rows if file is not None and file in names}
    assert len(found) == len(names)
    return found


def test_a_store_of_an_older_newsprism_gives_one_warning_and_goes_on(tmp_path) -> None:
    """Stories whose centroids an older newsprism embedded with another model are left out
    of online clustering, with one warning naming the fix; `newsprism recluster` fixes it."""
    from typer.testing import CliRunner

    from newsprism.cli import app

    articles = two_events_in_turn(8, 3)
    old, new = articles[:5], articles[5:]
    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = open_store(url)
    ingest_articles(store, old)
    store.close()
    as_older_newsprism_stored_it(url)
    before = stories_of(url, old)
    write_texts(tmp_path / "new", new)
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(tmp_path / "new"), "--db", url, "-q"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    output = " ".join(result.output.split())  # unwrapped
    assert output.count("warning:") == 1, output
    assert "another embedding model" in output and "run `newsprism recluster`" in output
    # The old stories are as they were; the new articles are in stories of their own.
    assert stories_of(url, old) == before
    new_stories = set(stories_by_file(url, tmp_path / "new").values())
    assert None not in new_stories and not new_stories & set(before)
    assert runner.invoke(app, ["recluster", "--db", url]).exit_code == 0
    more = two_events_in_turn(10, 0)[8:]
    write_texts(tmp_path / "more", more)
    again = runner.invoke(app, ["ingest", str(tmp_path / "more"), "--db", url, "-q"])
    assert again.exit_code == 0 and "warning:" not in again.output, again.output


def test_recent_articles_without_features_give_one_warning(db_url: str) -> None:
    """A story holding articles stored without clustering features is not re-clustered,
    and the ingest says so once, however many re-clusterings meet it."""
    from sqlalchemy import update

    from newsprism.store.models import ArticleRow

    articles = two_events_in_turn(6, 4)
    store = open_store(db_url)
    ingest_articles(store, articles[:4])
    with store.session() as session, session.begin():
        session.execute(
            update(ArticleRow).where(ArticleRow.id == articles[0].id).values(terms=None)
        )
    every_batch = DEFAULT.model_copy(update={"cluster_refresh_every": 1})
    counts = ingest_articles(store, articles[4:], settings=every_batch, batch_size=2)
    store.close()
    assert counts.new == 6
    assert len(counts.notices) == 1 and "`newsprism recluster`" in counts.notices[0]
    assert "no clustering features" in counts.notices[0]


def test_clustering_a_store_ingested_without_it_gives_one_warning(db_url: str) -> None:
    articles = two_events_in_turn(4, 2)
    store = open_store(db_url)
    quiet = ingest_articles(store, articles[:3], cluster=False)
    counts = ingest_articles(store, articles[3:], batch_size=1)
    store.close()
    assert quiet.notices == []
    assert counts.notices == [
        "3 stored articles belong to no story (ingested with --no-cluster): new articles are "
        "not compared with them; run `newsprism recluster` to cluster the whole store"
    ]


def test_ties_in_time_are_broken_by_id_the_same_way_everywhere(db_url: str) -> None:
    """On a clock too coarse to order a batch, the later id counts as the later article or
    story: the re-clustering window's latest articles are the recent originals' latest, and
    the active stories are the latest updated."""
    from datetime import UTC, datetime

    from sqlalchemy import select, update

    from newsprism.store.ingest import Ingester, window_rows
    from newsprism.store.models import ArticleRow, StoryRow
    from newsprism.store.repository import load_active_stories

    articles, _ = three_events()
    glue = DEFAULT.model_copy(update={"cluster_threshold": 0.0, "cluster_window": 0})
    store = open_store(db_url)
    ingest_articles(store, articles[:6], settings=glue)
    ingest_articles(store, articles[6:], settings=DEFAULT.model_copy(update={"cluster_window": 0}))
    tick = datetime(2019, 6, 1, tzinfo=UTC)
    with store.session() as session, session.begin():
        session.execute(update(ArticleRow).values(ingested_at=tick))
        session.execute(update(StoryRow).values(updated_at=tick))
    with store.session() as session:
        (glued,) = set(stories_of(db_url, articles[:6]))
        window = [r.id for r in window_rows(session, [glued], per_story=3)]
        assert window == sorted(a.id for a in articles[:6])[-3:]
        latest = Ingester(store, DEFAULT.model_copy(update={"cluster_window": 3}))
        assert list(latest.recent_originals(session)) == sorted(a.id for a in articles)[-3:]
        stories = sorted(session.scalars(select(StoryRow.id)))
        active, _ = load_active_stories(
            session, DEFAULT.model_copy(update={"cluster_active_stories": 2})
        )
        assert [s.id for s in active] == stories[::-1][:2]
    store.close()
