"""What the web app reads fast: stored briefs, and indexes for its story filters.

``story_briefs`` keeps each story's brief; ``story_entity_words`` indexes the words of the
entity names in story centroids; an article's story is found by id or outlet from
covering indexes; and the articles' title and
text get a full-text index (an FTS5 table kept by triggers on SQLite, a GIN index over
``to_tsvector('simple', ...)`` on PostgreSQL).

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

WORD_LENGTH = 200


def _entity_words(names: Iterable[str]) -> set[str]:
    """The words of a centroid's entity names, as ``StoryEntityWord`` rows hold them."""
    return {
        word[:WORD_LENGTH]
        for name in names
        if not name.startswith("#")
        for word in name.removeprefix("ent:").lower().split()
    }


# The PostgreSQL text-search document; queries must spell it the same to use the index.
PG_DOCUMENT = "to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || left(text, 200000))"
# SQLite: a contentless FTS5 table (no second copy of the text) whose rowids are those of
# ``articles_fts_ids``, an INTEGER PRIMARY KEY that VACUUM keeps, unlike articles' rowids.
_FTS_ROW = "SELECT fts_rowid FROM articles_fts_ids WHERE article_id = {}.id"
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='')",
    "CREATE TABLE articles_fts_ids "
    "(fts_rowid INTEGER PRIMARY KEY, article_id VARCHAR(64) NOT NULL UNIQUE)",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts_ids (article_id) VALUES (new.id); "
    f"INSERT INTO articles_fts (rowid, title, text) VALUES (({_FTS_ROW.format('new')}), "
    "new.title, new.text); "
    "END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, text ON articles BEGIN "
    "INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES "
    f"('delete', ({_FTS_ROW.format('old')}), old.title, old.text); "
    "UPDATE articles_fts_ids SET article_id = new.id WHERE article_id = old.id; "
    f"INSERT INTO articles_fts (rowid, title, text) VALUES (({_FTS_ROW.format('new')}), "
    "new.title, new.text); "
    "END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES "
    f"('delete', ({_FTS_ROW.format('old')}), old.title, old.text); "
    "DELETE FROM articles_fts_ids WHERE article_id = old.id; "
    "END",
    "INSERT INTO articles_fts_ids (article_id) SELECT id FROM articles ORDER BY rowid",
    "INSERT INTO articles_fts (rowid, title, text) SELECT i.fts_rowid, a.title, a.text "
    "FROM articles AS a JOIN articles_fts_ids AS i ON i.article_id = a.id",
]


def upgrade() -> None:
    # Covering indexes: an article's story without reading its row, whose large text comes
    # before story_id (SQLite walks the text's overflow pages to reach a later column).
    op.create_index("ix_articles_id_story", "articles", ["id", "story_id"])
    op.create_index(
        "ix_articles_outlet_lower", "articles", [sa.text("lower(outlet)"), sa.text("story_id")]
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_articles_fulltext ON articles USING gin (({PG_DOCUMENT}))")
    else:
        for statement in SQLITE_FTS:
            op.execute(statement)
    op.create_table(
        "story_briefs",
        sa.Column(
            "story_id",
            sa.String(64),
            sa.ForeignKey("stories.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("brief", sa.Text(), nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True), nullable=False),
    )
    words = op.create_table(
        "story_entity_words",
        sa.Column(
            "story_id",
            sa.String(64),
            sa.ForeignKey("stories.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "word",
            sa.String(WORD_LENGTH).with_variant(
                sa.String(WORD_LENGTH, collation="C"), "postgresql"
            ),
            primary_key=True,
        ),
    )
    op.create_index("ix_story_entity_words_word", "story_entity_words", ["word"])
    # Stories stored before this revision: index the entity words of their centroids.
    stories = sa.table("stories", sa.column("id"), sa.column("centroid_entities", sa.JSON()))
    bind = op.get_bind()
    rows: list[dict[str, str]] = []
    for story_id, entities in bind.execute(sa.select(stories.c.id, stories.c.centroid_entities)):
        if isinstance(entities, str):
            entities = json.loads(entities)
        found = sorted(_entity_words(entities or {}))
        rows.extend({"story_id": story_id, "word": w} for w in found)
    if rows:
        op.bulk_insert(words, rows)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_articles_fulltext", "articles")
    else:
        for name in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER articles_fts_{name}")
        op.execute("DROP TABLE articles_fts")
        op.execute("DROP TABLE articles_fts_ids")
    op.drop_index("ix_articles_outlet_lower", "articles")
    op.drop_index("ix_articles_id_story", "articles")
    op.drop_index("ix_story_entity_words_word", "story_entity_words")
    op.drop_table("story_entity_words")
    op.drop_table("story_briefs")
