"""The store's tables (SQLAlchemy 2 declarative); the schema itself lives in the migrations.

One schema for SQLite and PostgreSQL. Article identity is enforced by the database, not by
the program: a unique content hash and a unique URL make a repeated or resumed ingest keep
one row whatever the interruption.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ENTITY_WORD_LENGTH = 200
# Byte-order comparison on PostgreSQL too, so a prefix range means the same on both.
ENTITY_WORD = String(ENTITY_WORD_LENGTH).with_variant(
    String(ENTITY_WORD_LENGTH, collation="C"), "postgresql"
)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str | None] = mapped_column(Text, unique=True)
    file: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    published_source: Mapped[str | None] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(16), default="en")
    text: Mapped[str] = mapped_column(Text)
    removed: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[str | None] = mapped_column(Text)  # where ingest found it
    # Hash of the raw input (HTML or text), so a restart skips what it stored without
    # extracting it again.
    raw_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The earliest copy of a syndicated or republished text; NULL for an original.
    origin_id: Mapped[str | None] = mapped_column(ForeignKey("articles.id"), index=True)
    story_id: Mapped[str | None] = mapped_column(String(64), index=True)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    entities: Mapped[dict[str, float] | None] = mapped_column(JSON)
    terms: Mapped[dict[str, float] | None] = mapped_column(JSON)
    vector: Mapped[bytes | None] = mapped_column(LargeBinary)  # float32 unit embedding


# Covering indexes for the web app's filters (migration 0002): an article's story by id,
# and by outlet compared case-insensitively, without reading the article's large row.
Index("ix_articles_id_story", ArticleRow.id, ArticleRow.story_id)
Index("ix_articles_outlet_lower", func.lower(ArticleRow.outlet), ArticleRow.story_id)

# Full-text search over title and text (migration 0002): on SQLite the contentless FTS5
# table ``articles_fts(title, text)`` whose rowids ``articles_fts_ids(fts_rowid, article_id)``
# maps to articles, both kept by triggers; on PostgreSQL a GIN index on this expression,
# which a query must spell the same to use the index.
# A story's articles oldest first: dated ones by date, then undated ones; ties by ingest
# time, then id, so every reader (brief, headline, re-clustering) sees one order.
ARTICLE_ORDER = (
    ArticleRow.published.is_(None),
    ArticleRow.published,
    ArticleRow.ingested_at,
    ArticleRow.id,
)

PG_TEXT_DOCUMENT = (
    "to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || left(text, 200000))"
)


class StoryRow(Base):
    __tablename__ = "stories"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    headline: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[date | None] = mapped_column(Date)
    last_seen: Mapped[date | None] = mapped_column(Date)
    size: Mapped[int] = mapped_column(Integer, default=0)
    origins: Mapped[int] = mapped_column(Integer, default=0)  # independent texts, not copies
    outlets: Mapped[list[str]] = mapped_column(JSON, default=list)
    centroid_terms: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    centroid_entities: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    centroid_vector: Mapped[bytes | None] = mapped_column(LargeBinary)  # float32 sum
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class MinhashBand(Base):
    """One LSH band of an article's MinHash: equal (band, hash) means a near-duplicate candidate."""

    __tablename__ = "minhash_bands"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    hash: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_minhash_bands_hash", "hash"),)


class TermFrequency(Base):
    """Document frequencies of words and entities, for the stream's growing IDF."""

    __tablename__ = "term_df"

    term: Mapped[str] = mapped_column(String(200), primary_key=True)
    df: Mapped[int] = mapped_column(Integer, default=0)


class Meta(Base):
    """Counters kept with the data (the number of documents behind ``term_df``)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class StoryBrief(Base):
    """A story's brief as built from its articles, kept until its articles change.

    ``version`` digests the member article ids and the pipeline that built it, so a brief
    is rebuilt when an article joins or leaves the story or newsprism is upgraded.
    """

    __tablename__ = "story_briefs"

    story_id: Mapped[str] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[str] = mapped_column(String(64))
    brief: Mapped[str] = mapped_column(Text)  # the brief's JSON
    built_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StoryEntityWord(Base):
    """The words of the entity names in a story's centroid, for the web app's entity filter:
    a prefix range on the indexed ``word`` finds the stories naming an entity by any word."""

    __tablename__ = "story_entity_words"

    story_id: Mapped[str] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
    )
    word: Mapped[str] = mapped_column(ENTITY_WORD, primary_key=True)

    __table_args__ = (Index("ix_story_entity_words_word", "word"),)


def entity_words(names: Iterable[str]) -> set[str]:
    """The rows of :class:`StoryEntityWord` for a centroid's entity names (numbers, which
    the clusterer keeps beside the names as ``#26``, are no names)."""
    return {
        word[:ENTITY_WORD_LENGTH]
        for name in names
        if not name.startswith("#")
        for word in name.removeprefix("ent:").lower().split()
    }
