"""Initial schema: articles, stories, MinHash LSH bands, document frequencies, counters.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("url", sa.Text(), unique=True),
        sa.Column("file", sa.Text()),
        sa.Column("outlet", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("published_source", sa.String(16)),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("removed", sa.JSON(), nullable=False),
        sa.Column("source", sa.Text()),
        sa.Column("raw_hash", sa.String(64)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_id", sa.String(64), sa.ForeignKey("articles.id")),
        sa.Column("story_id", sa.String(64)),
        sa.Column("minhash", sa.LargeBinary()),
        sa.Column("entities", sa.JSON()),
        sa.Column("terms", sa.JSON()),
        sa.Column("vector", sa.LargeBinary()),
    )
    op.create_index("ix_articles_origin_id", "articles", ["origin_id"])
    op.create_index("ix_articles_story_id", "articles", ["story_id"])
    op.create_index("ix_articles_raw_hash", "articles", ["raw_hash"])
    op.create_table(
        "stories",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("headline", sa.Text()),
        sa.Column("first_seen", sa.Date()),
        sa.Column("last_seen", sa.Date()),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("origins", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.JSON(), nullable=False),
        sa.Column("centroid_terms", sa.JSON(), nullable=False),
        sa.Column("centroid_entities", sa.JSON(), nullable=False),
        sa.Column("centroid_vector", sa.LargeBinary()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_stories_updated_at", "stories", ["updated_at"])
    op.create_table(
        "minhash_bands",
        sa.Column(
            "article_id",
            sa.String(64),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("band", sa.Integer(), primary_key=True),
        sa.Column("hash", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_minhash_bands_hash", "minhash_bands", ["hash"])
    op.create_table(
        "term_df",
        sa.Column("term", sa.String(200), primary_key=True),
        sa.Column("df", sa.Integer(), nullable=False),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.BigInteger(), nullable=False),
    )


def downgrade() -> None:
    for table in ("meta", "term_df", "minhash_bands", "stories", "articles"):
        op.drop_table(table)
