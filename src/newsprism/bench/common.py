"""What every benchmark task shares: the result type, timing, peak memory, scores, the table.

A task's ``run(data, limit)`` returns :meth:`BenchResult.to_dict`: one JSON object
``{"task", "items", "ours", "peers", "seconds", "notes"}`` so that newsprism and its peers,
run on the same items in the same process, are printed side by side.
"""

from __future__ import annotations

import re
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from newsprism.errors import NewsprismError

T = TypeVar("T")


class BenchDataError(NewsprismError):
    """The --data folder is missing or is not in the layout the task reads."""

    exit_code = 2


def require_layout(data: Path, required: list[str], set_name: str) -> Path:
    """Fail with a clear message unless ``data`` is a folder holding every required entry."""
    if not data.is_dir():
        raise BenchDataError(f"--data {data}: no such folder (expected the {set_name} data set)")
    missing = [name for name in required if not (data / name).exists()]
    if missing:
        raise BenchDataError(
            f"--data {data}: not in the {set_name} layout (missing {', '.join(missing)})"
        )
    return data


@dataclass
class BenchResult:
    task: str
    items: int = 0
    ours: dict[str, float] = field(default_factory=dict)
    peers: dict[str, dict[str, float]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # "ours" or a peer's name
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # task-specific detail for --json

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "task": self.task,
            "items": self.items,
            "ours": self.ours,
            "peers": self.peers,
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }
        if self.notes:
            out["notes"] = self.notes
        out.update(self.extra)
        return out


class Stopwatch:
    """Seconds spent per named system, summed over calls, so peers are timed like ours."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def time(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

    def call(self, name: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self.time(name):
            return fn(*args, **kwargs)


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# Article-body scoring as in the Scrapinghub article-extraction benchmark (evaluate.py):
# tokens are ``\w+`` runs, shingles are 4-token n-grams counted as a multiset, each page's
# tp/fp/fn are normalised to sum to 1, precision and recall are averaged over the pages
# where they are defined, and F1 is the harmonic mean of those two averages.
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Counted n-token shingles; a text shorter than n tokens is one short shingle."""
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def shingle_counts(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page's predicted body against its true body."""
    true_sh, pred_sh = shingles(true, n), shingles(pred, n)
    tp = sum((true_sh & pred_sh).values())
    fp = sum((pred_sh - true_sh).values())
    fn = sum((true_sh - pred_sh).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def shingle_scores(pages: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision, recall and F1 over pages of (tp, fp, fn), as the benchmark averages them."""
    precisions = [_precision(*p) for p in pages if p[0] + p[1] > 0]
    recalls = [_recall(*p) for p in pages if p[0] + p[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def print_table(result: dict[str, Any]) -> None:
    """Ours first, then each peer, one column per metric and the seconds each took."""
    from rich.console import Console
    from rich.table import Table

    ours: dict[str, Any] = result.get("ours", {})
    peers: dict[str, dict[str, Any]] = result.get("peers", {})
    seconds: dict[str, float] = result.get("seconds", {})
    metrics = list(ours)
    for values in peers.values():
        metrics += [m for m in values if m not in metrics]
    table = Table(title=f"newsprism bench {result.get('task')}: {result.get('items')} items")
    table.add_column("system")
    for metric in metrics:
        table.add_column(metric, justify="right")
    table.add_column("seconds", justify="right")
    rows = [("newsprism", ours, seconds.get("ours"))]
    rows += [(name, values, seconds.get(name)) for name, values in peers.items()]
    for name, values, secs in rows:
        cells = [_cell(values.get(m)) for m in metrics]
        table.add_row(name, *cells, "" if secs is None else f"{secs:.2f}")
    console = Console()
    console.print(table)
    stages: dict[str, dict[str, Any]] = result.get("stages", {})
    if stages:
        columns = list(next(iter(stages.values())))
        per_stage = Table(title="newsprism per stage")
        per_stage.add_column("stage")
        for column in columns:
            per_stage.add_column(column, justify="right")
        for name, values in stages.items():
            per_stage.add_row(name, *(_cell(values.get(c)) for c in columns))
        console.print(per_stage)
    for note in result.get("notes", []):
        console.print(f"note: {note}", markup=False, highlight=False)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) <= 1 else f"{value:.2f}"
    return str(value)
