"""The web app over the real SQL store: the seeds in through the API, their brief out."""

from __future__ import annotations

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
