"""Reading and writing the store: stories, their articles and the clusterer's state."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

import numpy as np
from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from newsprism.config import DEFAULT, FAST_DIMENSIONS, Settings
from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.store.db import Store
from newsprism.store.models import (
    ARTICLE_ORDER,
    ArticleRow,
    Meta,
    StoryEntityWord,
    StoryRow,
    TermFrequency,
    entity_words,
)
from newsprism.store.summary import StorySummary
from newsprism.stories.cluster import DocumentFrequencies, Features, Story

N_DOCS = "n_docs"


def now() -> datetime:
    return datetime.now(UTC)


def vector_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def vector_from(data: bytes | None) -> np.ndarray:
    """A stored clustering vector; empty when missing or made by another model (an older
    newsprism), so it is recomputed or left out instead of compared across models."""
    if not data or len(data) != FAST_DIMENSIONS * 4:
        return np.zeros(0, dtype=np.float32)
    return np.frombuffer(data, dtype="<f4").astype(np.float32)


def article_from_row(row: ArticleRow) -> Article:
    return Article(
        id=row.id,
        file=row.file,
        url=row.url,
        outlet=row.outlet,
        title=row.title,
        published=row.published,
        published_source=row.published_source,  # type: ignore[arg-type]
        language=row.language,
        text=row.text,
        removed=list(row.removed or []),
    )


def features_from_row(row: ArticleRow) -> Features | None:
    if row.terms is None or row.entities is None or not vector_from(row.vector).size:
        return None
    return Features(
        terms=dict(row.terms),
        entities=dict(row.entities),
        vector=vector_from(row.vector),
        published=row.published,
    )


def story_from_row(row: StoryRow) -> Story:
    return Story(
        id=row.id,
        size=row.origins,
        terms=Counter(row.centroid_terms or {}),
        entities=Counter(row.centroid_entities or {}),
        vector_sum=vector_from(row.centroid_vector),
        first_seen=row.first_seen,
        last_seen=row.last_seen,
    )


def load_frequencies(session: Session) -> DocumentFrequencies:
    n_docs = session.scalar(select(Meta.value).where(Meta.key == N_DOCS)) or 0
    counts = Counter(
        {t: df for t, df in session.execute(select(TermFrequency.term, TermFrequency.df))}
    )
    return DocumentFrequencies(n_docs=int(n_docs), counts=counts)


def load_active_stories(session: Session, settings: Settings = DEFAULT) -> tuple[list[Story], int]:
    """The stories new articles may still join: the most recently updated ones, latest
    first (ties by id, the later id first, as :func:`save_stories` stamps them).

    Also returns how many of those were left out because their centroid has no vector of
    the current model: a store written by an older newsprism (MiniLM's 384 dimensions)
    holds such stories until ``newsprism recluster`` rebuilds them, and comparing or merging
    across models is meaningless. This is the one place such vectors are met: articles'
    vectors of another size read as missing features (:func:`features_from_row`).
    """
    rows = session.scalars(
        select(StoryRow)
        .order_by(StoryRow.updated_at.desc(), StoryRow.id.desc())
        .limit(settings.cluster_active_stories)
    )
    stories = [story_from_row(r) for r in rows]
    usable = [s for s in stories if s.vector_sum.size]
    return usable, len(stories) - len(usable)


def add_frequencies(session: Session, increments: Counter[str], documents: int) -> None:
    """Add document counts with one upsert per term (works the same in SQLite and PostgreSQL)."""
    if session.bind is None:
        raise RuntimeError("session without a bind")
    dialect = session.bind.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    if increments:
        rows = [{"term": t[:200], "df": c} for t, c in sorted(increments.items())]
        table = cast(Table, TermFrequency.__table__)  # Core: no ORM work per row
        statement = insert(table)
        session.execute(
            statement.on_conflict_do_update(
                index_elements=["term"], set_={"df": table.c.df + statement.excluded.df}
            ),
            rows,
        )
    meta = insert(Meta).values(key=N_DOCS, value=documents)
    session.execute(
        meta.on_conflict_do_update(index_elements=["key"], set_={"value": Meta.value + documents})
    )


_CHUNK = 500  # values per IN list: far below any database's parameter limit
T = TypeVar("T")


def id_chunks(ids: Sequence[T]) -> Iterable[list[T]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def save_stories(session: Session, stories: Sequence[Story], settings: Settings = DEFAULT) -> None:
    """Write stories' centroids; sizes, outlets and headlines come from their articles.

    All of a batch's stories in a few statements: ingest touches a story per article.
    """
    ids = sorted({story.id for story in stories})
    # One stamp for the batch: its stories were updated together, and ties in
    # ``updated_at`` are broken by id wherever stories are ordered by it.
    stamp = now()
    rows: dict[str, StoryRow] = {}
    for chunk in id_chunks(ids):
        found = session.scalars(select(StoryRow).where(StoryRow.id.in_(chunk)))
        rows.update((r.id, r) for r in found)
    for story in stories:
        row = rows.get(story.id)
        if row is None:
            row = StoryRow(id=story.id, size=0, origins=0, outlets=[], updated_at=stamp)
            session.add(row)
            rows[story.id] = row
        row.centroid_terms = dict(story.terms)
        row.centroid_entities = dict(story.entities)
        row.centroid_vector = vector_bytes(story.vector_sum) if story.vector_sum.size else None
        row.first_seen, row.last_seen = story.first_seen, story.last_seen
        row.updated_at = stamp
    session.flush()  # the stories before the index rows that refer to them
    save_entity_words_of(session, {story.id: list(story.entities) for story in stories})
    refresh_story_summaries(session, [rows[i] for i in ids])


def save_entity_words_of(session: Session, names_by_story: dict[str, list[str]]) -> None:
    """Bring stories' rows in the entity-word index up to date.

    A centroid changes by a few names per article: only the difference is written, not
    each story's hundreds of words again (Core statements: no ORM bookkeeping per row).
    """
    table = cast(Table, StoryEntityWord.__table__)
    stored: dict[str, set[str]] = {story_id: set() for story_id in names_by_story}
    for chunk in id_chunks(sorted(names_by_story)):
        for story_id, word in session.execute(
            select(table.c.story_id, table.c.word).where(table.c.story_id.in_(chunk))
        ):
            stored[story_id].add(word)
    added: list[dict[str, str]] = []
    for story_id, names in sorted(names_by_story.items()):
        words = entity_words(names)
        if gone := sorted(stored[story_id] - words):
            session.execute(
                delete(table).where(table.c.story_id == story_id, table.c.word.in_(gone))
            )
        added.extend({"story_id": story_id, "word": w} for w in sorted(words - stored[story_id]))
    if added:
        session.execute(insert(table), added)


def refresh_story_summaries(session: Session, rows: Sequence[StoryRow]) -> None:
    """Size, independent origins, outlets and headline of stories from their articles."""
    members: dict[str, list[Any]] = {row.id: [] for row in rows}
    for chunk in id_chunks(sorted(members)):
        for member in session.execute(
            select(
                ArticleRow.story_id,
                ArticleRow.id,
                ArticleRow.title,
                ArticleRow.outlet,
                ArticleRow.origin_id,
            )
            .where(ArticleRow.story_id.in_(chunk))
            .order_by(*ARTICLE_ORDER)
        ):
            members[member.story_id].append(member)
    for row in rows:
        found = members[row.id]
        row.size = len(found)
        row.origins = sum(1 for m in found if m.origin_id is None)
        row.outlets = sorted({m.outlet for m in found if m.outlet})
        originals = [m for m in found if m.origin_id is None] or found
        if originals:
            first = originals[0]
            headline = first.title
            if not headline:  # only an untitled first article's text is read: texts are large
                text = session.scalar(select(ArticleRow.text).where(ArticleRow.id == first.id))
                headline = (text or "").strip().split("\n", 1)[0][:200]
            row.headline = headline


def merge_stories(session: Session, into: str, gone: Iterable[str]) -> None:
    gone = list(gone)
    if not gone:
        return
    session.execute(update(ArticleRow).where(ArticleRow.story_id.in_(gone)).values(story_id=into))
    session.execute(delete(StoryRow).where(StoryRow.id.in_(gone)))


def list_stories(store: Store, min_size: int = 1) -> list[StorySummary]:
    """Stories, biggest first; undated stories show when their articles were ingested."""
    with store.session() as session:
        rows = session.scalars(
            select(StoryRow)
            .where(StoryRow.size >= min_size)
            .order_by(StoryRow.origins.desc(), StoryRow.size.desc(), StoryRow.id)
        ).all()
        return story_summaries(session, rows)


def story_summaries(session: Session, stories: Sequence[StoryRow]) -> list[StorySummary]:
    """The stories' one-line summaries, as ``newsprism stories`` prints them: the stored
    headline as it is (None when there is none), and for a story whose articles carry no
    date, the days its articles were ingested."""
    undated = [s.id for s in stories if s.first_seen is None or s.last_seen is None]
    ingested: dict[str, tuple[datetime, datetime]] = {}
    for chunk in id_chunks(undated):
        for story_id, first, last in session.execute(
            select(
                ArticleRow.story_id,
                func.min(ArticleRow.ingested_at),
                func.max(ArticleRow.ingested_at),
            )
            .where(ArticleRow.story_id.in_(chunk))
            .group_by(ArticleRow.story_id)
        ):
            ingested[story_id] = (first, last)
    summaries = []
    for story in stories:
        first, last = ingested.get(story.id, (None, None))
        summaries.append(
            StorySummary(
                id=story.id,
                headline=story.headline,
                size=story.size,
                origins=story.origins,
                outlets=list(story.outlets or []),
                first_seen=story.first_seen or (first.date() if first else None),
                last_seen=story.last_seen or (last.date() if last else None),
                updated=story.updated_at.isoformat() if story.updated_at else None,
            )
        )
    return summaries


def story_articles(store: Store, story_id: str) -> list[Article]:
    """The articles of a stored story, oldest first; a clear error for an unknown id."""
    with store.session() as session:
        if session.get(StoryRow, story_id) is None:
            raise NewsprismError(f"no story {story_id!r} in the store (see `newsprism stories`)")
        rows = session.scalars(
            select(ArticleRow)
            .where(ArticleRow.story_id == story_id)
            .order_by(*ARTICLE_ORDER)
        ).all()
        return [article_from_row(r) for r in rows]


def article_story_ids(store: Store, article_ids: Sequence[str]) -> dict[str, str | None]:
    with store.session() as session:
        return dict(
            session.execute(
                select(ArticleRow.id, ArticleRow.story_id).where(ArticleRow.id.in_(article_ids))
            )
            .tuples()
            .all()
        )


def count_articles(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(ArticleRow)) or 0)
