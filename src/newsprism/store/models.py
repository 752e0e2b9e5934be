"""The store's tables (SQLAlchemy 2 declarative); the schema itself lives in the migrations.

One schema for SQLite and PostgreSQL. Article identity is enforced by the database, not by
the program: a unique content hash and a unique URL make a repeated or resumed ingest keep
one row whatever the interruption.
"""

from __future__ import annotations

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
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


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
