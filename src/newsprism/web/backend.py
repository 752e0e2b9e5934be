"""What the web app needs from storage, as one small interface.

The routes only call :class:`Backend`; :func:`open_backend` binds it to the SQL store
(``newsprism.store``). Tests may pass any object with these methods to ``create_app``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from newsprism.errors import NewsprismError
from newsprism.model import Article, Brief, Claim, Quote, RawDocument
from newsprism.store.summary import StorySummary


@dataclass
class StoryQuery:
    text: str | None = None  # words in headline, titles or text
    outlet: str | None = None
    entity: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int = 20
    offset: int = 0


# A listed story is the store's own one-line summary, so the API and `newsprism stories
# --json` describe a story with the same fields.
StoryRow = StorySummary


@dataclass
class StoryPage:
    total: int
    items: list[StoryRow]


@dataclass
class ArticleDetail:
    article: Article
    story_id: str | None
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


@dataclass
class IngestOutcome:
    article_ids: list[str] = field(default_factory=list)
    story_ids: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Backend(Protocol):
    def ingest(self, documents: list[RawDocument]) -> IngestOutcome: ...

    def stories(self, query: StoryQuery) -> StoryPage: ...

    def story(self, story_id: str) -> StoryRow | None: ...

    def brief(self, story_id: str) -> Brief | None: ...

    def article(self, article_id: str) -> ArticleDetail | None: ...


def open_backend(db_url: str) -> Backend:
    """The SQL store at ``db_url`` behind the web app's interface."""
    try:
        from newsprism.web.store_backend import StoreBackend
    except ImportError as exc:  # the store package is not installed in this build
        raise NewsprismError(f"the story store is not available: {exc}") from exc
    return StoreBackend(db_url)
