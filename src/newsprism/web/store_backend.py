"""The web app's :class:`~newsprism.web.backend.Backend` over the SQL story store.

Ingest goes through the store's own :class:`~newsprism.store.ingest.Ingester` (exact and
near-duplicate checks, syndication links, online clustering); reads are plain queries. A
story's brief is built from its stored articles and cached until the story changes (its
size or update time), since building one runs the whole NLP pipeline.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import datetime

from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from newsprism.brief import build_brief
from newsprism.config import DEFAULT, Settings
from newsprism.model import Article, Brief, RawDocument
from newsprism.store.db import open_store
from newsprism.store.ingest import Ingester, Pending, raw_hash
from newsprism.store.models import ArticleRow
from newsprism.store.models import StoryRow as StoredStory
from newsprism.store.repository import article_from_row
from newsprism.web.backend import ArticleDetail, IngestOutcome, StoryPage, StoryQuery, StoryRow

BRIEF_CACHE_SIZE = 64
ENTITY_PREFIX = "ent:"

_ORDER = (StoredStory.updated_at.desc(), StoredStory.id)


def _contains(column: InstrumentedAttribute[str | None], words: str) -> ColumnElement[bool]:
    """Case-insensitive substring match, with LIKE wildcards in ``words`` taken literally."""
    return func.lower(column).contains(words.lower(), autoescape=True)


def _row(story: StoredStory) -> StoryRow:
    return StoryRow(
        id=story.id,
        headline=story.headline or "",
        outlets=list(story.outlets or []),
        size=story.size,
        first_seen=story.first_seen,
        last_seen=story.last_seen,
        updated=story.updated_at.isoformat() if story.updated_at else None,
    )


def _names_entity(story: StoredStory, wanted: str) -> bool:
    names = (n.removeprefix(ENTITY_PREFIX).lower() for n in (story.centroid_entities or {}))
    return any(wanted in name for name in names)


class StoreBackend:
    """Stories, briefs and articles from the store at ``db_url`` (SQLite or PostgreSQL)."""

    def __init__(self, db_url: str, settings: Settings = DEFAULT) -> None:
        self.store = open_store(db_url)
        self.settings = settings
        # One writer at a time in this process: the clusterer reads and writes story centroids.
        self._ingest_lock = threading.Lock()
        self._brief_lock = threading.Lock()
        self._briefs: OrderedDict[str, tuple[tuple[int, datetime | None], Brief]] = OrderedDict()

    def close(self) -> None:
        self.store.close()

    # ---- writing ---------------------------------------------------------------------

    def ingest(self, documents: list[RawDocument]) -> IngestOutcome:
        from newsprism.ingest import UnreadableFile, build_article

        outcome = IngestOutcome()
        pending: list[Pending] = []
        for doc in documents:
            try:
                article = build_article(doc, self.settings)
            except UnreadableFile as exc:
                outcome.problems.append(f"{doc.source}: skipped, {exc}")
                continue
            key = raw_hash(doc.html if doc.html is not None else doc.text or "")
            pending.append(Pending(article=article, source=doc.source, raw_hash=key))
        if not pending:
            return outcome
        with self._ingest_lock:
            Ingester(self.store, self.settings).add(pending)
        with self.store.session() as session:
            for item in pending:
                stored = self._stored_copy(session, item)
                if stored is None:  # cannot happen after a committed add; say so if it does
                    outcome.problems.append(f"{item.source}: not stored")
                    continue
                article_id, story_id = stored
                if article_id not in outcome.article_ids:
                    outcome.article_ids.append(article_id)
                if story_id and story_id not in outcome.story_ids:
                    outcome.story_ids.append(story_id)
        return outcome

    @staticmethod
    def _stored_copy(session: Session, item: Pending) -> tuple[str, str | None] | None:
        """The stored article for a pending one: itself, or the same text or URL stored before."""
        a = item.article
        match = [ArticleRow.id == a.id, ArticleRow.content_hash == item.hash]
        if a.url:
            match.append(ArticleRow.url == a.url)
        row = session.execute(
            select(ArticleRow.id, ArticleRow.story_id).where(or_(*match)).limit(1)
        ).first()
        return (row.id, row.story_id) if row is not None else None

    # ---- reading ---------------------------------------------------------------------

    def _filtered(self, query: StoryQuery) -> Select[tuple[StoredStory]]:
        statement = select(StoredStory).where(StoredStory.size > 0)
        if query.text:
            in_articles = exists().where(
                ArticleRow.story_id == StoredStory.id,
                or_(
                    _contains(ArticleRow.title, query.text), _contains(ArticleRow.text, query.text)
                ),
            )
            statement = statement.where(
                or_(_contains(StoredStory.headline, query.text), in_articles)
            )
        if query.outlet:
            statement = statement.where(
                exists().where(
                    ArticleRow.story_id == StoredStory.id,
                    func.lower(ArticleRow.outlet) == query.outlet.lower(),
                )
            )
        if query.since:
            statement = statement.where(StoredStory.last_seen >= query.since)
        if query.until:
            statement = statement.where(StoredStory.first_seen <= query.until)
        return statement

    def stories(self, query: StoryQuery) -> StoryPage:
        statement = self._filtered(query)
        with self.store.session() as session:
            if query.entity:
                # Entity names live in a JSON column: filter them here, the rest in SQL.
                wanted = query.entity.lower()
                found = [
                    s
                    for s in session.scalars(statement.order_by(*_ORDER))
                    if _names_entity(s, wanted)
                ]
                page = found[query.offset : query.offset + query.limit]
                return StoryPage(len(found), [_row(s) for s in page])
            total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
            rows = session.scalars(
                statement.order_by(*_ORDER).offset(query.offset).limit(query.limit)
            )
            return StoryPage(int(total), [_row(s) for s in rows])

    def story(self, story_id: str) -> StoryRow | None:
        with self.store.session() as session:
            found = session.get(StoredStory, story_id)
            return _row(found) if found is not None and found.size > 0 else None

    def _articles(self, session: Session, story_id: str) -> list[Article]:
        rows = session.scalars(
            select(ArticleRow)
            .where(ArticleRow.story_id == story_id)
            .order_by(ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.ingested_at)
        )
        return [article_from_row(r) for r in rows]

    def brief(self, story_id: str) -> Brief | None:
        with self.store.session() as session:
            found = session.get(StoredStory, story_id)
            if found is None or found.size == 0:
                return None
            version = (found.size, found.updated_at)
            with self._brief_lock:
                cached = self._briefs.get(story_id)
                if cached is not None and cached[0] == version:
                    self._briefs.move_to_end(story_id)
                    return cached[1]
            articles = self._articles(session, story_id)
        if not articles:
            return None
        brief = build_brief(articles, self.settings)
        with self._brief_lock:
            self._briefs[story_id] = (version, brief)
            self._briefs.move_to_end(story_id)
            while len(self._briefs) > BRIEF_CACHE_SIZE:
                self._briefs.popitem(last=False)
        return brief

    def article(self, article_id: str) -> ArticleDetail | None:
        with self.store.session() as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                return None
            article, story_id = article_from_row(row), row.story_id
        # An article stored without clustering has no story: its own brief stands in.
        brief = self.brief(story_id) if story_id else build_brief([article], self.settings)
        if brief is None:
            return ArticleDetail(article=article, story_id=story_id)
        return ArticleDetail(
            article=article,
            story_id=story_id,
            quotes=[q for q in brief.quotes if q.article_id == article_id],
            claims=[c for c in brief.claims if article_id in c.article_ids],
        )
