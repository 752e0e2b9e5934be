"""A bounded load test of the web app's read endpoints over a real store.

The articles in ``data`` (text or HTML files) are ingested into a temporary SQLite store,
the app is served by uvicorn on 127.0.0.1 only, and a few threads send a fixed number of
GET requests (story list, search, story, brief, article) under a time cap. Reports
requests per second and latency percentiles; briefs are built once before timing starts,
so the figures are those of a warm server.
"""

from __future__ import annotations

import math
import socket
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from newsprism.bench.common import BenchDataError, BenchResult
from newsprism.errors import NewsprismError

DEFAULT_REQUESTS = 400
THREADS = 4
TIME_CAP_S = 60.0
REQUEST_TIMEOUT_S = 30.0
HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


def _paths(story_ids: list[str], article_ids: list[str], word: str) -> list[str]:
    """The read requests, cycled through: every endpoint for every story and article."""
    paths = ["/api/stories", f"/api/stories?q={word}", "/api/stories?limit=5&offset=0"]
    for sid in story_ids:
        paths += [f"/api/stories/{sid}", f"/api/stories/{sid}/brief"]
    paths += [f"/api/articles/{aid}" for aid in article_ids]
    return paths


def run(
    data: Path,
    limit: int | None = None,
    threads: int = THREADS,
    time_cap_s: float = TIME_CAP_S,
) -> dict[str, Any]:
    """Serve the articles in ``data`` and time ``limit`` read requests against them."""
    import httpx
    import uvicorn

    from newsprism.ingest import read_documents
    from newsprism.web.app import create_app
    from newsprism.web.backend import StoryQuery
    from newsprism.web.store_backend import StoreBackend

    if not data.is_dir():
        raise BenchDataError(f"--data {data}: no such folder (a folder of article files)")
    total = limit or DEFAULT_REQUESTS
    docs, problems = read_documents(sorted(p for p in data.iterdir() if p.is_file()))
    if not docs:
        raise BenchDataError(f"--data {data}: no readable article files")
    with tempfile.TemporaryDirectory(prefix="newsprism-web-load-") as folder:
        backend = StoreBackend(f"sqlite:///{Path(folder) / 'store.db'}")
        server: uvicorn.Server | None = None
        thread: threading.Thread | None = None
        try:
            ingest_start = time.perf_counter()
            outcome = backend.ingest(docs)
            ingest_s = time.perf_counter() - ingest_start
            if not outcome.article_ids:
                raise NewsprismError("no article could be stored: " + "; ".join(outcome.problems))
            story_ids = [r.id for r in backend.stories(StoryQuery(limit=200)).items]
            warm_start = time.perf_counter()
            for sid in story_ids:
                backend.brief(sid)
            brief_s = time.perf_counter() - warm_start
            first = backend.story(story_ids[0]) if story_ids else None
            word = max((first.headline if first else "news").split() or ["news"], key=len)
            paths = _paths(story_ids, outcome.article_ids, word.strip(".,;:'\"").lower())

            port = _free_port()
            config = uvicorn.Config(
                create_app(backend=backend), host=HOST, port=port, log_level="warning"
            )
            server = uvicorn.Server(config)
            thread = threading.Thread(target=server.run, daemon=True)
            thread.start()
            base = f"http://{HOST}:{port}"
            deadline = time.monotonic() + 10
            while not server.started:
                if time.monotonic() > deadline or not thread.is_alive():
                    raise NewsprismError("the web server did not start")
                time.sleep(0.05)

            latencies: list[float] = []
            failures: list[str] = []
            lock = threading.Lock()
            stop_at = time.monotonic() + time_cap_s

            def worker(worker_index: int) -> None:
                with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT_S) as client:
                    for i in range(worker_index, total, threads):
                        if time.monotonic() > stop_at:
                            return
                        path = paths[i % len(paths)]
                        start = time.perf_counter()
                        try:
                            response = client.get(path)
                            ok = response.status_code == 200
                            problem = f"{path}: HTTP {response.status_code}"
                        except httpx.HTTPError as exc:
                            ok, problem = False, f"{path}: {exc}"
                        elapsed = time.perf_counter() - start
                        with lock:
                            latencies.append(elapsed)
                            if not ok:
                                failures.append(problem)

            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=threads) as pool:
                list(pool.map(worker, range(threads)))
            wall = time.perf_counter() - started
        finally:
            if server is not None:
                server.should_exit = True
            if thread is not None:
                thread.join(timeout=10)
            backend.close()

    done = len(latencies)
    result = BenchResult(task="web_load", items=done)
    result.ours = {
        "requests_per_s": round(done / wall, 1) if wall else 0.0,
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 2),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 2),
        "max_ms": round(max(latencies, default=0.0) * 1000, 2),
        "errors": float(len(failures)),
    }
    result.seconds = {"ours": wall, "ingest": ingest_s, "first_briefs": brief_s}
    result.notes = [
        f"{len(outcome.article_ids)} articles in {len(story_ids)} stories, "
        f"{threads} threads, {len(paths)} distinct GET paths, 127.0.0.1 only",
        *([f"stopped at the {time_cap_s:.0f} s cap"] if done < total else []),
        *problems[:3],
        *failures[:3],
    ]
    return result.to_dict()


def main() -> None:
    """``python -m newsprism.bench.web_load [FOLDER] [REQUESTS]``."""
    import json
    import sys

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("..", "shared", "corpus", "seeds")
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else None
    try:
        print(json.dumps(run(folder, requests), indent=2))
    except NewsprismError as exc:
        print(f"newsprism: {exc}", file=sys.stderr)
        raise SystemExit(getattr(exc, "exit_code", 1)) from None


if __name__ == "__main__":
    main()
