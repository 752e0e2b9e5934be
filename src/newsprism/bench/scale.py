"""Ingest at scale: articles per second and memory as the store grows.

Articles are synthesised from real PolNeAR sentences: most are new combinations of
sentences, one in five is an edited copy of an earlier one (the syndication the
near-duplicate index must catch). Throughput is measured over the first and the last tenth
of each run: if the near-duplicate lookup or the clusterer scanned the store, the last
tenth would be slower.
"""

from __future__ import annotations

import random
import re
import resource
import tempfile
import time
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.model import Article, stable_id

SIZES = (1_000, 10_000)
CLUSTERED_SIZE = 1_000  # clustering runs NER and MiniLM per article: measured on 1k only


def sentences_of(data: Path) -> list[str]:
    folder = data / "polnear" if (data / "polnear").is_dir() else data
    files = sorted(folder.glob("*/text/*.txt"))
    if not files:
        raise NewsprismError(f"no PolNeAR text under {folder} (expected */text/*.txt)")
    out: list[str] = []
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            out.extend(s for s in re.split(r"(?<=[.!?])\s+", line) if len(s.split()) >= 6)
    return list(dict.fromkeys(out))


def synthesise(sentences: list[str], n: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    articles: list[Article] = []
    for i in range(n):
        if articles and rng.random() < 0.2:
            base = rng.choice(articles).text.split("\n")
            if len(base) > 3:
                base.pop(rng.randrange(len(base)))
            text = "\n".join([*base, "This story was first published by a partner outlet."])
        else:
            text = "\n".join(rng.sample(sentences, rng.randint(5, 12)))
        articles.append(Article(id=stable_id("a", str(i), text), title=f"Item {i}", text=text))
    return articles


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(articles: list[Article], cluster: bool) -> dict:
    from newsprism.store.db import open_store
    from newsprism.store.ingest import ingest_articles

    marks: list[tuple[int, float]] = []

    def on_batch(counts: object) -> None:
        done = counts.new + counts.duplicate  # type: ignore[attr-defined]
        marks.append((done, time.perf_counter()))

    with tempfile.TemporaryDirectory(prefix="newsprism-scale-") as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'scale.db'}")
        rss_before = _peak_rss_mb()
        start = time.perf_counter()
        counts = ingest_articles(store, articles, cluster=cluster, on_batch=on_batch)
        seconds = time.perf_counter() - start
        store.close()
        db_mb = sum(f.stat().st_size for f in Path(folder).iterdir()) / 2**20
    n = len(articles)
    tenth = max(n // 10, 1)

    def rate(lo: int, hi: int) -> float:
        points = [(d, t) for d, t in [(0, start), *marks] if lo <= d <= hi]
        if len(points) < 2:
            return 0.0
        (d0, t0), (d1, t1) = points[0], points[-1]
        return round((d1 - d0) / max(t1 - t0, 1e-9), 1)

    return {
        "articles": n,
        "cluster": cluster,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 1),
        "first_tenth_per_s": rate(0, tenth + 32),
        "last_tenth_per_s": rate(n - tenth - 32, n),
        "new": counts.new,
        "syndicated": counts.syndicated,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "rss_growth_mb": round(_peak_rss_mb() - rss_before, 1),
        "store_mb": round(db_mb, 1),
    }


def run(data: Path, limit: int | None = None) -> dict:
    """Ingest 1k and 10k synthesised articles (``limit`` caps the sizes) into SQLite."""
    sentences = sentences_of(data)
    sizes = [min(s, limit) for s in SIZES] if limit else list(SIZES)
    runs = [measure(synthesise(sentences, n), cluster=False) for n in dict.fromkeys(sizes)]
    clustered = min(CLUSTERED_SIZE, limit or CLUSTERED_SIZE)
    runs.append(measure(synthesise(sentences, clustered, seed=11), cluster=True))
    ours: dict[str, float] = {}
    seconds: dict[str, float] = {}
    for r in runs:
        key = f"{r['articles']}{'_clustered' if r['cluster'] else ''}"
        seconds[key] = r["seconds"]
        for metric in ("articles_per_s", "first_tenth_per_s", "last_tenth_per_s", "peak_rss_mb"):
            ours[f"{key}_{metric}"] = r[metric]
    return {
        "task": "scale",
        "items": sum(r["articles"] for r in runs),
        "ours": ours,
        "peers": {},
        "seconds": {"ours": round(sum(seconds.values()), 2), **seconds},
        "runs": runs,
    }
