"""A bounded load test of the web app's read endpoints over a real store.

``newsprism bench web-load --db URL`` reads an existing store; without ``--db`` the
articles in ``--data`` (text, HTML or JSON Lines files) are ingested into a temporary
SQLite store first. ``newsprism serve`` serves it in its own process on 127.0.0.1 only,
and a few client threads send a fixed number of GET requests under a time cap, cycling
through every read endpoint: the story list, searches by words, outlet, entity and date, a
story, its brief (JSON), its page (HTML), and an article (JSON and page). Reports requests
per second and latency percentiles overall and per endpoint. Briefs of the sampled stories
are built (or found in the store) and their pages requested once before timing starts, so
the figures are those of a warm server; how long that took is reported beside them.
"""

from __future__ import annotations

import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlencode

import numpy as np

from newsprism.bench.common import BenchDataError, BenchResult
from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from newsprism.model import RawDocument
    from newsprism.web.store_backend import StoreBackend

DEFAULT_REQUESTS = 2000
THREADS = 4
TIME_CAP_S = 120.0
REQUEST_TIMEOUT_S = 30.0
SAMPLE_STORIES = 40
START_TIMEOUT_S = 60.0
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
    return float(np.percentile(values, 100 * fraction, method="inverted_cdf"))


@dataclass
class Sample:
    """What the requests ask for: real ids, words, outlets, entities and dates of the store."""

    story_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)
    stories: int = 0
    articles: int = 0


def sample_store(backend: StoreBackend, n_stories: int = SAMPLE_STORIES) -> Sample:
    """Stories spread over the whole store (the biggest and a seeded random rest), one
    article of each, and the words, outlets, entity names and dates found in them."""
    from sqlalchemy import func, select

    from newsprism.store.models import ArticleRow, StoryEntityWord, StoryRow

    rng = random.Random(7)
    out = Sample()
    with backend.store.session() as session:
        out.articles = int(session.scalar(select(func.count()).select_from(ArticleRow)) or 0)
        rows = session.execute(
            select(StoryRow.id, StoryRow.headline, StoryRow.first_seen, StoryRow.last_seen)
            .where(StoryRow.size > 0)
            .order_by(StoryRow.size.desc(), StoryRow.id)
        ).all()
        rows = list(rows)
        out.stories = len(rows)
        biggest, rest = rows[: n_stories // 4], rows[n_stories // 4 :]
        chosen = biggest + rng.sample(rest, min(len(rest), n_stories - len(biggest)))
        out.story_ids = [r.id for r in chosen]
        for story_id in out.story_ids:
            first = session.scalar(
                select(ArticleRow.id).where(ArticleRow.story_id == story_id).limit(1)
            )
            if first:
                out.article_ids.append(first)
        for row in chosen:
            words = [w.strip(".,;:'\"!?()").lower() for w in (row.headline or "").split()]
            out.words += [w for w in words if len(w) >= 6][:1]
            if row.first_seen and row.last_seen:
                out.dates.append((row.first_seen.isoformat(), row.last_seen.isoformat()))
        out.outlets = [
            o
            for o in session.scalars(
                select(ArticleRow.outlet)
                .where(ArticleRow.outlet.is_not(None))
                .group_by(ArticleRow.outlet)
                .order_by(func.count().desc())
                .limit(8)
            )
            if o
        ]
        names = session.scalars(
            select(StoryEntityWord.word)
            .where(StoryEntityWord.story_id.in_(out.story_ids))
            .order_by(StoryEntityWord.word)
        ).all()
        out.entities = rng.sample(list(names), min(len(names), 12))
    return out


def request_plan(sample: Sample) -> list[tuple[str, str]]:
    """(endpoint, path) pairs, interleaved so every endpoint is hit all through the run."""

    def query(**params: str) -> str:
        return "/api/stories?" + urlencode(params)

    by_endpoint: dict[str, list[str]] = {
        "story list": ["/api/stories", "/api/stories?limit=50&offset=20", "/"],
        "search: words": [query(q=w) for w in sample.words] or [query(q="the")],
        "search: outlet": [query(outlet=o) for o in sample.outlets],
        "search: entity": [query(entity=e) for e in sample.entities],
        "search: dates": [query(since=a, until=b) for a, b in sample.dates],
        "story JSON": [f"/api/stories/{s}" for s in sample.story_ids],
        "brief JSON": [f"/api/stories/{s}/brief" for s in sample.story_ids],
        "story page": [f"/stories/{s}" for s in sample.story_ids],
        "article JSON": [f"/api/articles/{a}" for a in sample.article_ids],
        "article page": [f"/articles/{a}" for a in sample.article_ids],
    }
    lists = {k: v for k, v in by_endpoint.items() if v}
    longest = max(len(v) for v in lists.values())
    return [(name, paths[i % len(paths)]) for i in range(longest) for name, paths in lists.items()]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _figures(latencies: list[float], wall: float | None = None) -> dict[str, float]:
    figures = {
        "requests": float(len(latencies)),
        "p50_ms": _ms(percentile(latencies, 0.50)),
        "p95_ms": _ms(percentile(latencies, 0.95)),
        "p99_ms": _ms(percentile(latencies, 0.99)),
        "max_ms": _ms(max(latencies, default=0.0)),
    }
    if wall is not None:
        figures = {"requests_per_s": round(len(latencies) / wall, 1) if wall else 0.0, **figures}
    return figures


def run(
    data: Path | None,
    limit: int | None = None,
    threads: int = THREADS,
    time_cap_s: float = TIME_CAP_S,
    db: str | None = None,
) -> dict[str, Any]:
    """Serve the store at ``db`` (or the articles in ``data``) and time ``limit`` reads."""
    from newsprism.web.store_backend import StoreBackend

    total = limit or DEFAULT_REQUESTS
    with tempfile.TemporaryDirectory(prefix="newsprism-web-load-") as folder:
        ingest_s = 0.0
        problems: list[str] = []
        url = db or f"sqlite:///{Path(folder) / 'store.db'}"
        docs: list[RawDocument] = []
        if db is None:
            docs, problems = _read(data)
        backend = StoreBackend(url)
        try:
            if docs:
                ingest_start = time.perf_counter()
                outcome = backend.ingest(docs)
                ingest_s = time.perf_counter() - ingest_start
                if not outcome.article_ids:
                    raise NewsprismError("no article stored: " + "; ".join(outcome.problems))
            sample = sample_store(backend)
            if not sample.story_ids:
                raise BenchDataError(f"the store {db} holds no stories (ingest with clustering)")
            # Built once and kept in the store, where the server finds them.
            warm_start = time.perf_counter()
            for story_id in sample.story_ids:
                backend.brief(story_id)
            warm_s = time.perf_counter() - warm_start
        finally:
            backend.close()
        plan = request_plan(sample)
        latencies, failures, wall, warm_pages_s = _load(url, plan, total, threads, time_cap_s)

    done = sum(len(v) for v in latencies.values())
    result = BenchResult(task="web-load", items=done)
    everything = [t for v in latencies.values() for t in v]
    result.ours = {**_figures(everything, wall), "errors": float(len(failures))}
    result.seconds = {
        "ours": wall,
        "ingest": ingest_s,
        "warm_briefs": warm_s,
        "warm_story_pages": warm_pages_s,
    }
    endpoints = {name: _figures(values) for name, values in latencies.items()}
    result.extra = {"endpoints": endpoints}
    result.notes = [
        f"store: {sample.articles} articles in {sample.stories} stories; "
        f"{len(sample.story_ids)} stories sampled, {threads} client threads, "
        f"{len({p for _, p in plan})} distinct GET paths; `newsprism serve` on 127.0.0.1",
        *[
            f"{name}: {int(f['requests'])} req, p50 {f['p50_ms']} ms, p95 {f['p95_ms']} ms"
            for name, f in endpoints.items()
        ],
        *([f"stopped at the {time_cap_s:.0f} s cap"] if done < total else []),
        *problems[:3],
        *failures[:3],
    ]
    return result.to_dict()


def _read(data: Path | None) -> tuple[list[RawDocument], list[str]]:
    from newsprism.ingest import read_documents

    if data is None or not data.is_dir():
        raise BenchDataError(f"--data {data}: no such folder (a folder of article files)")
    docs, problems = read_documents(sorted(p for p in data.iterdir() if p.is_file()))
    if not docs:
        raise BenchDataError(f"--data {data}: no readable article files")
    return docs, problems


def _serve(url: str, port: int, log: IO[bytes]) -> subprocess.Popen[bytes]:
    """``newsprism serve`` in its own process, as deployed: client threads here share no
    interpreter lock with it. Its messages go to ``log``: a pipe nobody reads would stall
    the server once full."""
    command = [sys.executable, "-m", "newsprism.cli", "serve", "--db", url]
    command += ["--host", HOST, "--port", str(port)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)


def _load(
    url: str, plan: list[tuple[str, str]], total: int, threads: int, time_cap_s: float
) -> tuple[dict[str, list[float]], list[str], float, float]:
    """Serve the store and send ``total`` GETs from ``plan``: latencies by endpoint, failures,
    the seconds they took and the seconds the first story pages took before them."""
    import httpx

    port = _free_port()
    base = f"http://{HOST}:{port}"
    log = tempfile.TemporaryFile()  # noqa: SIM115  (the server writes to it until the end)
    server = _serve(url, port, log)
    latencies: dict[str, list[float]] = defaultdict(list)
    failures: list[str] = []
    lock = threading.Lock()
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                server.wait()
                log.seek(0)
                stderr = log.read().decode(errors="replace")
                raise NewsprismError(f"the web server did not start: {stderr[-500:]}")
            try:
                if httpx.get(base + "/api/stories?limit=1", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        # Each story page laid out once, as the briefs were built once: a warm server.
        warm_start = time.perf_counter()
        for _, path in {(e, p) for e, p in plan if e == "story page"}:
            httpx.get(base + path, timeout=REQUEST_TIMEOUT_S)
        warm_pages_s = time.perf_counter() - warm_start
        stop_at = time.monotonic() + time_cap_s

        def worker(worker_index: int) -> None:
            with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT_S) as client:
                for i in range(worker_index, total, threads):
                    if time.monotonic() > stop_at:
                        return
                    endpoint, path = plan[i % len(plan)]
                    start = time.perf_counter()
                    try:
                        response = client.get(path, headers={"accept": "text/html"})
                        problem = f"{path}: HTTP {response.status_code}"
                        ok = response.status_code == 200
                    except httpx.HTTPError as exc:
                        ok, problem = False, f"{path}: {exc}"
                    elapsed = time.perf_counter() - start
                    with lock:
                        latencies[endpoint].append(elapsed)
                        if not ok:
                            failures.append(problem)

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(worker, range(threads)))
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    return dict(latencies), failures, wall, warm_pages_s
