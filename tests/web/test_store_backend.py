"""The web app over the real SQL store: the seeds in through the API, their brief out."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.model import RawDocument
from newsprism.report.jsonout import validate_brief_json
from newsprism.web.app import create_app
from newsprism.web.backend import StoryQuery
from newsprism.web.store_backend import StoreBackend
from tests.web.conftest import AUTH, TOKEN, seed_files


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, StoreBackend]]:
    """One store holding the seeds, uploaded once through the API."""
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'web.db'}"
    backend = StoreBackend(url)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSPRISM_TOKEN", TOKEN)
        with TestClient(create_app(backend=backend)) as client:
            files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in seed_files()]
            response = client.post("/api/articles/upload", files=files, headers=AUTH)
            assert response.status_code == 201, response.text
            yield client, backend
    backend.close()


def test_seeds_form_one_story_whose_brief_lists_conflicts(
    seeded: tuple[TestClient, StoreBackend],
) -> None:
    client, _ = seeded
    listing = client.get("/api/stories").json()
    assert listing["total"] == 1
    story = listing["items"][0]
    assert story["size"] == 5 and len(story["outlets"]) >= 2 and story["updated"]
    brief = client.get(f"/api/stories/{story['id']}/brief").json()
    validate_brief_json(brief)
    ids = {a["id"] for a in brief["articles"]}
    assert len(ids) == 5
    assert brief["conflicts"], "the seeds disagree; the stored story's brief must say where"
    for conflict in brief["conflicts"]:
        for side in (conflict["a"], conflict["b"]):
            assert side["text"] and side["article_ids"]
            assert set(side["article_ids"]) <= ids


def test_brief_is_cached_until_the_story_changes(seeded: tuple[TestClient, StoreBackend]) -> None:
    _, backend = seeded
    [row] = backend.stories(StoryQuery()).items
    assert backend.brief(row.id) is backend.brief(row.id)
    assert backend.brief("s-unknown") is None


def test_uploading_the_same_files_again_stores_nothing_new(
    seeded: tuple[TestClient, StoreBackend],
) -> None:
    client, backend = seeded
    [before] = backend.stories(StoryQuery()).items
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in seed_files()]
    response = client.post("/api/articles/upload", files=files, headers=AUTH)
    assert response.status_code == 201
    assert response.json()["stories"] == [before.id]
    assert len(set(response.json()["articles"])) == 5
    [after] = backend.stories(StoryQuery()).items
    assert after.size == before.size


def test_article_detail_carries_its_own_quotes_and_claims(
    seeded: tuple[TestClient, StoreBackend],
) -> None:
    client, backend = seeded
    [row] = backend.stories(StoryQuery()).items
    brief = backend.brief(row.id)
    assert brief is not None
    quoted = next(q.article_id for q in brief.quotes)
    detail = client.get(f"/api/articles/{quoted}").json()
    assert detail["story_id"] == row.id
    assert detail["quotes"] and all(q["article_id"] == quoted for q in detail["quotes"])
    assert all(quoted in c["article_ids"] for c in detail["claims"])


def test_filters_by_outlet_entity_and_dates(seeded: tuple[TestClient, StoreBackend]) -> None:
    _, backend = seeded
    [row] = backend.stories(StoryQuery()).items
    assert row.first_seen and row.last_seen
    outlet = row.outlets[0]
    assert backend.stories(StoryQuery(outlet=outlet.upper())).total == 1
    assert backend.stories(StoryQuery(outlet="No Such Outlet")).total == 0
    assert backend.stories(StoryQuery(since=row.first_seen, until=row.last_seen)).total == 1
    assert backend.stories(StoryQuery(since=date(row.last_seen.year + 1, 1, 1))).total == 0
    assert backend.stories(StoryQuery(until=date(row.first_seen.year - 1, 1, 1))).total == 0
    assert backend.stories(StoryQuery(entity="zzqx no such name")).total == 0
    assert row.headline
    headline_word = max(row.headline.split(), key=len)
    assert backend.stories(StoryQuery(text=headline_word.lower())).total == 1
    assert backend.stories(StoryQuery(text="%")).total == 0  # LIKE wildcards are literal


def _doc(i: int, topic: str) -> RawDocument:
    return RawDocument(
        source=f"test:{i}",
        title=f"{topic} report {i}",
        outlet=f"Outlet {i}",
        text=(
            f"The {topic} council met on Tuesday in Springfield. Mayor Ann Lee said the "
            f"{topic} budget would rise by {i + 3} percent next year, according to a statement."
        ),
        published=date(2021, 3, 1 + i),
    )


def test_filters_and_pagination_in_sql(db_url: str) -> None:
    backend = StoreBackend(db_url)
    try:
        topics = ["harbour", "railway", "vaccine", "orchestra", "wildfire"]
        outcome = backend.ingest([_doc(i, t) for i, t in enumerate(topics)])
        assert len(outcome.article_ids) == 5 and not outcome.problems
        everything = backend.stories(StoryQuery(limit=200))
        assert everything.total == len(outcome.story_ids) >= 1
        pages = [backend.stories(StoryQuery(limit=1, offset=i)) for i in range(everything.total)]
        assert [p.items[0].id for p in pages] == [r.id for r in everything.items]
        assert all(p.total == everything.total for p in pages)
        assert backend.stories(StoryQuery(limit=5, offset=everything.total)).items == []
        named = backend.stories(StoryQuery(entity="springfield", limit=200))
        assert 1 <= named.total <= everything.total
        assert backend.stories(StoryQuery(entity="atlantis", limit=200)).total == 0
        # Every word must begin a word of a name, case and spacing aside, never mid-word.
        for words in ("ann lee", "Lee", "ANN  LEE", "spring"):
            assert backend.stories(StoryQuery(entity=words)).total >= 1, words
        for words in ("nn lee", "ann atlantis", "pringfield"):
            assert backend.stories(StoryQuery(entity=words)).total == 0, words
        # Text search: whole words from the full-text index, every word required.
        assert backend.stories(StoryQuery(text="Orchestra")).total == 1
        assert backend.stories(StoryQuery(text="orchestra budget, percent!")).total == 1
        for words in ("orchestr", "orchestra volcano", "%", "   "):
            assert backend.stories(StoryQuery(text=words)).total == 0, words
        assert backend.stories(StoryQuery(outlet="outlet 3")).total == 1
    finally:
        backend.close()


def test_unreadable_documents_store_nothing(tmp_path: Path) -> None:
    backend = StoreBackend(f"sqlite:///{tmp_path / 'web.db'}")
    try:
        outcome = backend.ingest([RawDocument(source="test:empty", text="   \n ")])
        assert outcome.article_ids == [] and outcome.problems
        assert backend.stories(StoryQuery()).total == 0
    finally:
        backend.close()


def test_brief_is_stored_and_rebuilt_when_an_article_joins(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stored brief outlives the process; a new member article makes a new one."""
    import newsprism.web.store_backend as store_backend
    from newsprism.ingest import read_documents

    docs, _ = read_documents(seed_files())
    first = StoreBackend(db_url)
    try:
        [story_id] = first.ingest(docs[:4]).story_ids
        built = first.brief(story_id)
        assert built is not None and len(built.articles) == 4
    finally:
        first.close()

    builds: list[int] = []
    real_build = store_backend.build_brief

    def counting_build(articles: list, settings: object) -> object:
        builds.append(len(articles))
        return real_build(articles, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(store_backend, "build_brief", counting_build)
    second = StoreBackend(db_url)
    try:
        stored = second.brief(story_id)
        assert stored == built and builds == []  # read back from the store, not rebuilt
        assert second.ingest(docs[4:]).story_ids == [story_id]
        rebuilt = second.brief(story_id)
        assert rebuilt is not None and len(rebuilt.articles) == 5 and builds == [5]
        assert second.brief(story_id) is rebuilt and builds == [5]
    finally:
        second.close()


def test_upgrade_indexes_the_entity_words_of_stories_stored_before(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    from newsprism.store.db import upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", "newsprism.store:migrations")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO stories (id, size, origins, outlets, centroid_terms, "
                "centroid_entities, updated_at) VALUES ('s-old', 1, 1, '[]', '{}', "
                "'{\"marco rubio\": 1.0}', '2024-01-01 00:00:00')"
            )
        )
    upgrade(engine)
    engine.dispose()
    backend = StoreBackend(url)
    try:
        assert [r.id for r in backend.stories(StoryQuery(entity="rubio")).items] == ["s-old"]
    finally:
        backend.close()


def _searched(backend: StoreBackend, words: str) -> list[str]:
    return [r.id for r in backend.stories(StoryQuery(text=words, limit=200)).items]


def test_full_text_search_follows_updated_and_deleted_articles(db_url: str) -> None:
    """The full-text index (SQLite triggers, PostgreSQL expression index) forgets a changed
    article's old words and a deleted article's words, even once its row number is reused."""
    from sqlalchemy import delete, update

    from newsprism.store.models import ArticleRow

    backend = StoreBackend(db_url)
    try:
        harbour, railway = backend.ingest([_doc(0, "harbour"), _doc(1, "railway")]).article_ids
        with backend.store.session() as session:
            row = session.get(ArticleRow, harbour)
            assert row is not None
            story_id = row.story_id
            session.execute(
                update(ArticleRow)
                .where(ArticleRow.id == harbour)
                .values(title="glacier report", text=row.text.replace("harbour", "glacier"))
            )
            session.commit()
        assert _searched(backend, "glacier") == [story_id]
        assert _searched(backend, "harbour") == []

        with backend.store.session() as session:
            session.execute(delete(ArticleRow).where(ArticleRow.id == railway))
            session.commit()
        assert _searched(backend, "railway") == []
        # The next article stored takes the deleted one's place in the index's row numbers.
        [volcano] = backend.ingest([_doc(2, "volcano")]).story_ids
        assert _searched(backend, "volcano") == [volcano]
        assert _searched(backend, "railway") == []
        assert _searched(backend, "glacier") == [story_id]
    finally:
        backend.close()


def test_web_story_rows_match_the_cli_listing(db_url: str) -> None:
    """`newsprism stories --json` and the API describe every story the same, an undated
    story (seen on the days it was ingested) and one without a headline included."""
    import json

    from sqlalchemy import update

    from newsprism.store.commands import stories_text
    from newsprism.store.models import StoryRow as StoredStory

    backend = StoreBackend(db_url)
    try:
        undated = RawDocument(
            source="test:undated",
            title="Dockworkers strike",
            text="Dockworkers in Rotterdam walked out, the union said, over new shift rules.",
        )
        outcome = backend.ingest([_doc(0, "harbour"), _doc(1, "orchestra"), undated])
        with backend.store.session() as session:
            session.execute(
                update(StoredStory)
                .where(StoredStory.id == outcome.story_ids[0])
                .values(headline=None)
            )
            session.commit()
        cli = {s["id"]: s for s in json.loads(stories_text(backend.store, as_json=True))}
        web = {s.id: s.to_json() for s in backend.stories(StoryQuery(limit=200)).items}
        assert web == cli and len(web) >= 2
        assert web[outcome.story_ids[0]]["headline"] is None
        assert all(s["first_seen"] and s["last_seen"] for s in web.values())
        for story_id in web:
            found = backend.story(story_id)
            assert found is not None and found.to_json() == cli[story_id]
    finally:
        backend.close()


def test_concurrent_requests_build_a_story_brief_one_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Requests arriving while a brief is built wait for that build; a request arriving
    after the first builder is done still finds the story's lock held by the second."""
    import threading

    from sqlalchemy import update

    import newsprism.web.store_backend as store_backend
    from newsprism.store.models import ArticleRow

    backend = StoreBackend(f"sqlite:///{tmp_path / 'web.db'}")
    first, second = backend.ingest([_doc(0, "harbour"), _doc(1, "harbour")]).article_ids
    with backend.store.session() as session:
        stored = session.get(ArticleRow, first)
        assert stored is not None and stored.story_id is not None
        story_id = stored.story_id
        session.execute(update(ArticleRow).where(ArticleRow.id == second).values(story_id=None))
        session.commit()

    real_build = store_backend.build_brief
    counting = threading.Lock()
    builds: list[int] = []
    running = [0, 0]  # now, most at once
    started = [threading.Event() for _ in range(3)]
    finish = [threading.Event() for _ in range(3)]
    finish[2].set()

    def gated_build(articles: list, settings: object) -> object:
        with counting:
            n = len(builds)
            builds.append(len(articles))
            running[0] += 1
            running[1] = max(running)
        started[n].set()
        finish[n].wait(timeout=30)
        try:
            return real_build(articles, settings)  # type: ignore[arg-type]
        finally:
            with counting:
                running[0] -= 1

    monkeypatch.setattr(store_backend, "build_brief", gated_build)
    versioned = threading.Event()
    real_version = backend._story_version

    def signalled_version(session: object, sid: str) -> str | None:
        found = real_version(session, sid)  # type: ignore[arg-type]
        if threading.current_thread().name == "second":
            versioned.set()
        return found

    monkeypatch.setattr(backend, "_story_version", signalled_version)
    results: dict[str, object] = {}

    def request(name: str) -> threading.Thread:
        thread = threading.Thread(
            target=lambda: results.__setitem__(name, backend.brief(story_id)), name=name
        )
        thread.start()
        return thread

    try:
        threads = [request("first")]
        assert started[0].wait(30)  # building from one article
        with backend.store.session() as session:  # a second article joins meanwhile
            session.execute(
                update(ArticleRow).where(ArticleRow.id == second).values(story_id=story_id)
            )
            session.commit()
        threads.append(request("second"))
        assert versioned.wait(30)
        time.sleep(0.3)  # the second request now waits for the first build
        finish[0].set()
        assert started[1].wait(30)  # the second finds a new version and builds it
        threads.append(request("third"))
        started[2].wait(timeout=2)  # a third build here would run beside the second
        finish[1].set()
        for thread in threads:
            thread.join(timeout=60)
        assert running[1] == 1, "two builds of one story ran at once"
        assert builds == [1, 2]
        assert [len(results[n].articles) for n in ("second", "third")] == [2, 2]  # type: ignore[attr-defined]
        assert backend._building == {}
    finally:
        for event in finish:
            event.set()
        backend.close()
