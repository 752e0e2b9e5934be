"""A ``db_url`` fixture over SQLite and, when NEWSPRISM_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL = os.environ.get("NEWSPRISM_TEST_PG_URL")


def reset_postgres(url: str) -> None:
    """Drop every table, so each test starts from an empty database and a fresh migration."""
    from sqlalchemy import create_engine, text

    from newsprism.store.db import normalise_url

    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        for table in ("minhash_bands", "articles", "stories", "term_df", "meta", "alembic_version"):
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
