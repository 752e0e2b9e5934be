"""``newsprism bench TASK --data FOLDER [--limit N] [--json]``: newsprism beside its peers.

Each task lives in ``newsprism.bench.<task>`` with ``run(data, limit) -> dict`` and is
imported only when asked for, so ``newsprism --help`` stays instant and a task whose module
is missing is reported as not available instead of breaking the others.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Annotated, Any

import typer

from newsprism.errors import NewsprismError

bench_app = typer.Typer(
    help="Benchmarks on real data sets, newsprism and its peers on the same items in one run.",
    no_args_is_help=True,
)

# task -> (folder name under ../shared/data, entries that folder must hold, what it measures)
TASKS: dict[str, tuple[str, list[str], str]] = {
    "extract": ("article-extraction", ["ground-truth.json", "html"], "HTML to article text"),
    "summarize": ("duc2004", ["docs", "models-txt"], "multi-document summaries (ROUGE)"),
    "cluster": ("ecbplus", [], "story clustering (B-cubed, ARI) on ECB+ or FNC-1"),
    "quotes": ("polnear", [], "quotes and their sources"),
    "stance": ("fnc-1", ["train_bodies.csv", "train_stances.reconstructed.csv"], "FNC-1 stance"),
    "speed": ("", [], "throughput, latency and memory of each stage"),
    "scale": ("", [], "ingest throughput and memory as the store grows"),
    "web-load": ("../corpus/seeds", [], "the web app's read endpoints under load"),
}
# Tasks that can read an existing store (--db URL) instead of their --data folder.
STORE_TASKS = {"web-load"}

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="The data set's folder (default: ../shared/data/<set> from the current directory).",
    ),
]
LimitOption = Annotated[
    int | None, typer.Option("--limit", min=1, help="Use only the first N items (quick runs).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object, not a table.")]
DbOption = Annotated[
    str | None,
    typer.Option("--db", help=f"An existing store to read ({', '.join(sorted(STORE_TASKS))})."),
]


def default_data(task: str) -> Path:
    folder = TASKS[task][0]
    return Path("..", "shared", "data", folder) if folder else Path("..", "shared", "data")


def check_data(task: str, data: Path | None) -> Path:
    """The folder to read, or a clear error (exit code 2) when it is missing or wrong."""
    from newsprism.bench.common import BenchDataError, require_layout

    folder, required, _ = TASKS[task]
    set_name = folder or "shared data"
    if data is None:
        data = default_data(task)
        if not data.is_dir():
            raise BenchDataError(
                f"no --data given and {data} does not exist: pass --data FOLDER "
                f"(a folder in the layout of {set_name})"
            )
    require_layout(data, required, set_name)
    if task == "cluster" and not (
        (data / "ECB+").is_dir() or (data / "train_bodies.csv").is_file()
    ):
        raise BenchDataError(
            f"--data {data}: neither the ecbplus layout (ECB+/) nor fnc-1's (train_bodies.csv)"
        )
    if task == "quotes" and not any((data / part).is_dir() for part in ("train", "dev")):
        raise BenchDataError(f"--data {data}: not in the polnear layout (no train/ or dev/)")
    return data


def run_task(
    task: str, data: Path | None, limit: int | None, as_json: bool, db: str | None = None
) -> dict[str, Any]:
    """Import the task's module, run it, and print its table or JSON."""
    from newsprism.bench.common import BenchDataError

    if db is not None and task not in STORE_TASKS:
        raise BenchDataError(f"bench {task} reads no store: --db is for {', '.join(STORE_TASKS)}")
    folder = check_data(task, data) if db is None else data
    module_name = f"newsprism.bench.{task.replace('-', '_')}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise NewsprismError(
                f"bench {task} is not available: it needs {exc.name!r}, which is not installed"
            ) from exc
        raise NewsprismError(
            f"bench {task} is not available yet (no module {module_name})"
        ) from exc
    store = {"db": db} if db is not None else {}
    result: dict[str, Any] = module.run(folder, limit=limit, **store)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        from newsprism.bench.common import print_table

        print_table(result)
    return result


def _command(task: str) -> None:
    def command(
        data: DataOption = None,
        limit: LimitOption = None,
        as_json: JsonOption = False,
        db: DbOption = None,
    ) -> None:
        try:
            run_task(task, data, limit, as_json, db)
        except NewsprismError as exc:
            typer.echo(f"newsprism bench {task}: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None

    what = TASKS[task][2]
    command.__doc__ = f"{what[0].upper()}{what[1:]} on {TASKS[task][0] or 'the shared data'}."
    bench_app.command(name=task)(command)


for _task in TASKS:
    _command(_task)
