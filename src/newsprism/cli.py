"""The ``newsprism`` command. Thin: each command parses its options and calls one stage.

Heavy modules (spaCy, ONNX, SQLAlchemy, FastAPI) are imported inside the commands so that
``newsprism --help`` stays instant.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsprism.bench.cli import bench_app
from newsprism.errors import NewsprismError
from newsprism.store.cli import register as register_store_commands

if TYPE_CHECKING:
    from newsprism.brief import StageTimer
    from newsprism.model import Article, Brief

app = typer.Typer(
    name="newsprism",
    help="One news story through every source that covers it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(bench_app, name="bench")
register_store_commands(app)


class OutputFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"


def warn(message: str) -> None:
    typer.echo(f"newsprism: {message}", err=True)


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NewsprismError(f"cannot write {output}: {exc.strerror}") from exc


@app.command()
def brief(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders (read recursively) of one story's articles."),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    timings: Annotated[
        bool, typer.Option("--timings", help="Print seconds per stage to stderr.")
    ] = False,
    story: Annotated[
        str | None, typer.Option("--story", help="A stored story's id (see `newsprism stories`).")
    ] = None,
    db: Annotated[
        str, typer.Option("--db", help="Store URL for --story.")
    ] = "sqlite:///newsprism.db",
) -> None:
    """Write the brief of one story: entities, quotes, claims, conflicts, timeline, framing."""
    from newsprism.brief import StageTimer
    from newsprism.ingest import read_articles
    from newsprism.report import render

    if not paths and story is None:
        raise NewsprismError("give at least one file or folder of articles, or --story ID")
    timer = StageTimer()
    with timer.stage("ingest"):
        if story is not None:
            from newsprism.store.commands import story_articles_for_brief

            articles = story_articles_for_brief(db, story)
        else:
            result = read_articles(paths or [])
            articles = result.articles
            for problem in result.problems:
                warn(problem)
    story_brief = _brief_with_progress(articles, timer)
    with timer.stage("render"):
        text = render(story_brief, output_format.value)
    write_output(text, output)
    if timings:
        for name, seconds in timer.seconds.items():
            warn(f"{name:<10} {seconds:7.3f} s")
        warn(f"{'total':<10} {sum(timer.seconds.values()):7.3f} s")


def _brief_with_progress(articles: list[Article], timer: StageTimer) -> Brief:
    """The brief, with a progress line on a terminal: a large story takes minutes."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from newsprism.brief import STAGES, build_brief

    console = Console(stderr=True)
    columns = (
        SpinnerColumn(),
        TextColumn(f"brief of {len(articles)} article(s): {{task.description}}"),
        BarColumn(),
        TimeElapsedColumn(),
    )
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as bar:
        task = bar.add_task("reading", total=len(STAGES))

        def started(name: str) -> None:
            if name in STAGES:
                bar.update(task, description=name, completed=STAGES.index(name))

        timer.on_start = started
        try:
            return build_brief(articles, timer=timer)
        finally:
            timer.on_start = None


@app.command()
def schema() -> None:
    """Print the JSON Schema of the brief."""
    from newsprism.report.jsonout import brief_schema

    typer.echo(json.dumps(brief_schema(), indent=2, ensure_ascii=False))


@app.command()
def serve(
    db: Annotated[
        str, typer.Option("--db", help="Store URL (sqlite:///file.db or postgresql://...).")
    ] = "sqlite:///newsprism.db",
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """Start the web app and JSON API (writes need NEWSPRISM_TOKEN set)."""
    import uvicorn

    from newsprism.web.app import create_app

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


def main() -> None:
    try:
        app()
    except NewsprismError as exc:
        warn(str(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        warn("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
