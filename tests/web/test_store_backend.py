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


def test_entity_filter_and_pagination(tmp_path: Path) -> None:
    backend = StoreBackend(f"sqlite:///{tmp_path / 'web.db'}")
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
