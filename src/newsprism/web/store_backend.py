"""The web app's :class:`~newsprism.web.backend.Backend` over the SQL store.

Ingest goes through the store's own :class:`~newsprism.store.ingest.Ingester` (exact and
near-duplicate checks, syndication links, online clustering); reads are plain queries on
indexed columns. Building a brief runs the whole NLP pipeline, so a story's brief is built
once and kept in the store (``story_briefs``) under a version that digests its member
articles and the pipeline: any article joining or leaving the story makes a new version.
A small in-process cache in front saves parsing the stored JSON on every request.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, String, and_, false, func, or_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, load_only

from newsprism import __version__
from newsprism.brief import build_brief
from newsprism.config import DEFAULT, Settings
from newsprism.model import SCHEMA_VERSION, Article, Brief, RawDocument
from newsprism.store.db import open_store
from newsprism.store.ingest import Ingester, Pending, raw_hash
from newsprism.store.models import (
    ARTICLE_ORDER,
    PG_TEXT_DOCUMENT,
    ArticleRow,
    StoryBrief,
    StoryEntityWord,
)
from newsprism.store.models import StoryRow as StoredStory
from newsprism.store.repository import article_from_row, now, story_summaries
from newsprism.web.backend import ArticleDetail, IngestOutcome, StoryPage, StoryQuery, StoryRow

BRIEF_CACHE_SIZE = 64

_ORDER = (StoredStory.updated_at.desc(), StoredStory.id)
_LISTED = load_only(
    StoredStory.id,
    StoredStory.headline,
    StoredStory.size,
    StoredStory.origins,
    StoredStory.outlets,
    StoredStory.first_seen,
    StoredStory.last_seen,
    StoredStory.updated_at,
)


def _has_words(dialect: str, words: str) -> ColumnElement[bool]:
    """Stories with an article whose title or text holds every word (whole words, any
    case), through the full-text index of migration 0002."""
    tokens = re.findall(r"\w+", words.lower())
    if not tokens:
        return false()
    if dialect == "postgresql":
        matching = select(ArticleRow.story_id).where(
            text(f"{PG_TEXT_DOCUMENT} @@ plainto_tsquery('simple'::regconfig, :words)").bindparams(
                words=" ".join(tokens)
            )
        )
    else:
        phrase = " ".join(f'"{t}"' for t in tokens)  # each a quoted term, all required
        found = text(
            "SELECT story_id FROM articles INDEXED BY ix_articles_id_story WHERE id IN "
            "(SELECT article_id FROM articles_fts_ids WHERE fts_rowid IN "
            "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH :phrase))"
        )
        matching = found.bindparams(phrase=phrase).columns(story_id=String).subquery().select()
    return StoredStory.id.in_(matching)


def _names_entity(wanted: str) -> ColumnElement[bool]:
    """Stories naming an entity with these words: each word of ``wanted`` begins a word of
    one of the story's entity names (``"rub"`` and ``"marco rubio"`` find "marco rubio"),
    by prefix ranges on the indexed entity-word column."""
    found = []
    for word in wanted.lower().split():
        after = word[:-1] + chr(ord(word[-1]) + 1)
        found.append(
            StoredStory.id.in_(
                select(StoryEntityWord.story_id).where(
                    StoryEntityWord.word >= word, StoryEntityWord.word < after
                )
            )
        )
    return and_(*found)


def _brief_version(pipeline: str, article_ids: Iterable[str]) -> str:
    digest = hashlib.sha256(pipeline.encode())
    for article_id in sorted(article_ids):
        digest.update(b"\0" + article_id.encode())
    return digest.hexdigest()


@dataclass
class _Build:
    """The lock one story's brief is built under, and how many threads hold or await it."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    users: int = 0


class StoreBackend:
    """Stories, briefs and articles from the store at ``db_url`` (SQLite or PostgreSQL)."""

    def __init__(self, db_url: str, settings: Settings = DEFAULT) -> None:
        self.store = open_store(db_url)
        self.settings = settings
        # One writer at a time in this process: the clusterer reads and writes story centroids.
        self._ingest_lock = threading.Lock()
        self.pipeline = f"{__version__}/{SCHEMA_VERSION}/{settings.model_dump_json()}"
        # Parsed briefs by story (or unclustered article) id, with the version they are of.
        self._briefs: OrderedDict[str, tuple[str, Brief]] = OrderedDict()
        self._briefs_lock = threading.Lock()
        # One build per story at a time: concurrent first requests wait for it, not redo it.
        self._building: dict[str, _Build] = {}

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

    def _filters(self, query: StoryQuery) -> list[ColumnElement[bool]]:
        """The query as SQL conditions on stories, each one answered from an index."""
        where = [StoredStory.size > 0]
        if query.text:
            where.append(_has_words(self.store.dialect, query.text))
        if query.outlet:
            outlet = func.lower(ArticleRow.outlet) == query.outlet.lower()
            where.append(StoredStory.id.in_(select(ArticleRow.story_id).where(outlet)))
        if query.entity and query.entity.strip():
            where.append(_names_entity(query.entity))
        if query.since:
            where.append(StoredStory.last_seen >= query.since)
        if query.until:
            where.append(StoredStory.first_seen <= query.until)
        return where

    def stories(self, query: StoryQuery) -> StoryPage:
        where = self._filters(query)
        with self.store.session() as session:
            total = session.scalar(select(func.count(StoredStory.id)).where(*where)) or 0
            rows = session.scalars(
                select(StoredStory)
                .options(_LISTED)
                .where(*where)
                .order_by(*_ORDER)
                .offset(query.offset)
                .limit(query.limit)
            )
            return StoryPage(int(total), story_summaries(session, rows.all()))

    def story(self, story_id: str) -> StoryRow | None:
        with self.store.session() as session:
            found = session.scalars(
                select(StoredStory).options(_LISTED).where(StoredStory.id == story_id)
            ).first()
            if found is None or found.size == 0:
                return None
            return story_summaries(session, [found])[0]

    def _articles(self, session: Session, story_id: str) -> list[Article]:
        rows = session.scalars(
            select(ArticleRow)
            .where(ArticleRow.story_id == story_id)
            .order_by(*ARTICLE_ORDER)
        )
        return [article_from_row(r) for r in rows]

    def _remembered(self, key: str, version: str) -> Brief | None:
        with self._briefs_lock:
            cached = self._briefs.get(key)
            if cached is None or cached[0] != version:
                return None
            self._briefs.move_to_end(key)
            return cached[1]

    def _remember(self, key: str, version: str, brief: Brief) -> None:
        with self._briefs_lock:
            self._briefs[key] = (version, brief)
            self._briefs.move_to_end(key)
            while len(self._briefs) > BRIEF_CACHE_SIZE:
                self._briefs.popitem(last=False)

    def _story_version(self, session: Session, story_id: str) -> str | None:
        ids = session.scalars(select(ArticleRow.id).where(ArticleRow.story_id == story_id)).all()
        return _brief_version(self.pipeline, ids) if ids else None

    def brief(self, story_id: str) -> Brief | None:
        with self.store.session() as session:
            version = self._story_version(session, story_id)
        if version is None:
            return None
        brief = self._remembered(story_id, version)
        if brief is not None:
            return brief
        with self._briefs_lock:
            building = self._building.get(story_id)
            if building is None:
                building = self._building[story_id] = _Build()
            building.users += 1
        try:
            with building.lock:
                brief = self._remembered(story_id, version) or self._stored_brief(story_id, version)
                if brief is None:
                    built = self._build_and_store(story_id)
                    if built is not None:  # under the version it was built from
                        version, brief = built
                if brief is not None:
                    self._remember(story_id, version, brief)
        finally:
            with self._briefs_lock:  # the last user forgets the lock, never one still waiting
                building.users -= 1
                if building.users == 0:
                    del self._building[story_id]
        return brief

    def _stored_brief(self, story_id: str, version: str) -> Brief | None:
        with self.store.session() as session:
            stored = session.get(StoryBrief, story_id)
            if stored is None or stored.version != version:
                return None
            return Brief.model_validate_json(stored.brief)

    def _build_and_store(self, story_id: str) -> tuple[str, Brief] | None:
        """Build the brief from the story's articles as they are now, and store it."""
        with self.store.session() as session:
            articles = self._articles(session, story_id)
        if not articles:
            return None
        version = _brief_version(self.pipeline, (a.id for a in articles))
        brief = build_brief(articles, self.settings)
        with self.store.session() as session:
            row = session.get(StoryBrief, story_id) or StoryBrief(story_id=story_id)
            row.version, row.brief, row.built_at = version, brief.model_dump_json(), now()
            session.add(row)
            try:
                session.commit()
            except IntegrityError:  # another process stored it first, or the story is gone
                session.rollback()
        return version, brief

    def article(self, article_id: str) -> ArticleDetail | None:
        with self.store.session() as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                return None
            article, story_id = article_from_row(row), row.story_id
        if story_id:
            brief = self.brief(story_id)
        else:  # stored without clustering: its own brief stands in, kept in memory only
            version = _brief_version(self.pipeline, [article_id])
            brief = self._remembered(article_id, version)
            if brief is None:
                brief = build_brief([article], self.settings)
                self._remember(article_id, version, brief)
        if brief is None:
            return ArticleDetail(article=article, story_id=story_id)
        return ArticleDetail(
            article=article,
            story_id=story_id,
            quotes=[q for q in brief.quotes if q.article_id == article_id],
            claims=[c for c in brief.claims if article_id in c.article_ids],
        )
