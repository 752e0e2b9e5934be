"""Shared fixtures: paths to ../shared material and one brief of the seed story per session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_GOLD = SHARED / "corpus" / "seeds-gold.json"
DATA = SHARED / "data"


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
