"""Migrations are frozen copies of what the models say; the copies must not drift."""

from __future__ import annotations

import importlib.util
from importlib import resources
from types import ModuleType

from newsprism.store.models import PG_TEXT_DOCUMENT


def _revision(name: str) -> ModuleType:
    path = resources.files("newsprism.store") / "migrations" / "versions" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"revision_{name}", str(path))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_full_text_document_of_0002_is_the_one_queries_spell() -> None:
    """PostgreSQL uses the GIN index only for a query spelling the indexed expression exactly."""
    assert _revision("0002_web_read_indexes").PG_DOCUMENT == PG_TEXT_DOCUMENT
