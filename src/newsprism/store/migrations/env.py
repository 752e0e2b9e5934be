"""Alembic environment: runs on the connection that ``open_store`` hands over."""

from __future__ import annotations

from alembic import context

from newsprism.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("newsprism migrations run through newsprism.store.db.open_store")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
