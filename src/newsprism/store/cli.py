"""Typer commands for the store (``ingest``, ``stories``, ``recluster``), added to the main
app by :func:`register`. Heavy imports stay inside the commands."""

from __future__ import annotations

from typing import Annotated

import typer

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        help="Store URL: sqlite:///FILE (default sqlite:///newsprism.db) or postgresql://...",
    ),
]
DEFAULT_DB = "sqlite:///newsprism.db"


def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(help="Files, folders, JSON Lines, WARC, RSS/Atom feeds, or URLs."),
    ],
    db: DbOption = DEFAULT_DB,
    cluster: Annotated[
        bool, typer.Option("--cluster/--no-cluster", help="Cluster into stories as they arrive.")
    ] = True,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per transaction.")
    ] = 32,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress bar; warnings and the summary print."),
    ] = False,
) -> None:
    """Store articles: duplicates kept once, syndicated copies linked, stories clustered."""
    from newsprism.store.commands import ingest as run_ingest

    counts = run_ingest(sources, db, cluster=cluster, batch_size=batch_size, quiet=quiet)
    if counts.new == 0 and counts.duplicate == 0:
        raise typer.Exit(2)


def stories(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List stored stories: headline, size, independent origins, outlets, first/last seen."""
    from newsprism.store.commands import stories_text
    from newsprism.store.db import open_store

    store = open_store(db)
    try:
        typer.echo(stories_text(store, as_json))
    finally:
        store.close()


def recluster(db: DbOption = DEFAULT_DB) -> None:
    """Re-cluster every stored article at once (agglomerative, the online similarity)."""
    from newsprism.report.view import counted
    from newsprism.store.db import open_store
    from newsprism.store.ingest import recluster as run_recluster
    from newsprism.store.repository import count_articles

    store = open_store(db)
    try:
        n = run_recluster(store)
        articles = count_articles(store)
        typer.echo(
            f"newsprism: {counted(articles, 'article')} in {counted(n, 'story', 'stories')}",
            err=True,
        )
    finally:
        store.close()


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(stories)
    app.command()(recluster)
