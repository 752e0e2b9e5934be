"""The API tests run twice: over an in-memory stand-in and over the real store.

The stand-in keeps every article in one story and builds the real brief with the real
pipeline, so the HTTP layer is tested on its own; the ``store`` run binds the same tests to
:class:`~newsprism.web.store_backend.StoreBackend` on a temporary SQLite file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.brief import build_brief
from newsprism.ingest import UnreadableFile, build_article
from newsprism.model import Article, Brief, RawDocument, stable_id
from newsprism.web.app import create_app
from newsprism.web.backend import (
    ArticleDetail,
    Backend,
    IngestOutcome,
    StoryPage,
    StoryQuery,
    StoryRow,
)
from newsprism.web.store_backend import StoreBackend

TOKEN = "test-token-123"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


class MemoryBackend:
    def __init__(self) -> None:
        self.articles: dict[str, Article] = {}
        self._brief: Brief | None = None

    @property
    def story_id(self) -> str:
        return stable_id("s", *sorted(self.articles))

    def ingest(self, documents: list[RawDocument]) -> IngestOutcome:
        outcome = IngestOutcome()
        for raw in documents:
            try:
                article = build_article(raw)
            except UnreadableFile as exc:
                outcome.problems.append(f"{raw.source}: {exc}")
                continue
            self.articles[article.id] = article
            outcome.article_ids.append(article.id)
        if outcome.article_ids:
            self._brief = None
            outcome.story_ids = [self.story_id]
        return outcome

    def _row(self) -> StoryRow:
        brief = self._get_brief()
        return StoryRow(
            id=self.story_id,
            headline=brief.story.headline,
            outlets=sorted({a.outlet for a in self.articles.values() if a.outlet}),
            size=len(self.articles),
            origins=len(self.articles),
            first_seen=brief.story.first_seen,
            last_seen=brief.story.last_seen,
        )

    def _get_brief(self) -> Brief:
        if self._brief is None:
            self._brief = build_brief(list(self.articles.values()))
        return self._brief

    def stories(self, query: StoryQuery) -> StoryPage:
        if not self.articles:
            return StoryPage(0, [])
        row = self._row()
        text = " ".join(a.text for a in self.articles.values()).lower()
        if query.text and query.text.lower() not in text:
            return StoryPage(0, [])
        if query.outlet and query.outlet not in row.outlets:
            return StoryPage(0, [])
        return StoryPage(1, [row][query.offset : query.offset + query.limit])

    def story(self, story_id: str) -> StoryRow | None:
        return self._row() if self.articles and story_id == self.story_id else None

    def brief(self, story_id: str) -> Brief | None:
        return self._get_brief() if self.articles and story_id == self.story_id else None

    def article(self, article_id: str) -> ArticleDetail | None:
        if article_id not in self.articles:
            return None
        brief = self._get_brief()
        return ArticleDetail(
            article=self.articles[article_id],
            story_id=self.story_id,
            quotes=[q for q in brief.quotes if q.article_id == article_id],
            claims=[c for c in brief.claims if article_id in c.article_ids],
        )


def seed_files() -> list[Path]:
    if not SEEDS.exists():
        pytest.skip(f"{SEEDS} is not available (../shared must sit beside the repository)")
    return sorted(SEEDS.glob("*.txt"))


def stored_articles(backend: Backend) -> int:
    """How many articles a backend holds, whichever kind it is."""
    if isinstance(backend, MemoryBackend):
        return len(backend.articles)
    if isinstance(backend, StoreBackend):
        from newsprism.store.repository import count_articles

        return count_articles(backend.store)
    raise TypeError(f"unknown backend {type(backend).__name__}")


@pytest.fixture(params=["memory", "store"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "memory":
        yield MemoryBackend()
        return
    store = StoreBackend(f"sqlite:///{tmp_path / 'web.db'}")
    yield store
    store.close()


@pytest.fixture
def client(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("NEWSPRISM_TOKEN", TOKEN)
    with TestClient(create_app(backend=backend)) as c:
        yield c


AUTH = {"Authorization": f"Bearer {TOKEN}"}
