"""Shared fixtures: ../shared material, one brief of the seed story, and the stores to test on.

``db_url`` runs a test on SQLite and, when NEWSPRISM_TEST_PG_URL is set, on PostgreSQL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_GOLD = SHARED / "corpus" / "seeds-gold.json"
DATA = SHARED / "data"

PG_URL = os.environ.get("NEWSPRISM_TEST_PG_URL")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip when that material is not beside the repository."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared must sit beside the repository)")
    return path


@pytest.fixture(scope="session")
def seed_brief():
    """The brief of the five seed articles, built once for all tests that read it."""
    from newsprism.brief import build_brief
    from newsprism.ingest import read_articles

    result = read_articles([shared_path("corpus", "seeds")])
    return build_brief(result.articles)


def reset_postgres(url: str) -> None:
    """Drop every table, so each test starts from an empty database and a fresh migration."""
    from sqlalchemy import create_engine, text

    from newsprism.store.db import normalise_url

    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        tables = ("story_briefs", "story_entity_words", "minhash_bands", "articles", "stories")
        for table in (*tables, "term_df", "meta", "alembic_version"):
            connection.execute(text(f"DROP TABLE IF EXISTS {table} CASCADE"))
    engine.dispose()


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    if not PG_URL:
        pytest.skip("NEWSPRISM_TEST_PG_URL is not set (run scripts/start-postgres.sh, see .ci/run)")
    reset_postgres(PG_URL)
    yield PG_URL
    reset_postgres(PG_URL)
