"""Throughput, latency and peak memory of each stage on a corpus of real articles.

The corpus is built from the shared data sets (HTML pages of article-extraction, PolNeAR
article text, DUC 2004 newswire), read through newsprism's ingest. The brief's stages run
on pseudo-stories of ``STORY_SIZE`` consecutive articles, as ``build_brief`` runs them.
trafilatura alone and spaCy alone on the same articles are the reference points.
Peak memory is the process's peak resident set size after each stage (it only grows).
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from newsprism.bench.common import BenchDataError, BenchResult, Stopwatch, peak_rss_mb
from newsprism.model import Article, RawDocument

STORY_SIZE = 10


def load_corpus(data: Path, limit: int | None = None) -> list[RawDocument]:
    """Raw documents from the data sets found under ``data``, HTML pages first."""
    docs: list[RawDocument] = []
    for page in sorted((data / "article-extraction" / "html").glob("*.html.gz")):
        with gzip.open(page, "rt", encoding="utf-8", errors="replace") as f:
            docs.append(RawDocument(source=str(page), file=page.name, html=f.read()))
    texts = sorted((data / "polnear").glob("*/text/*.txt"))
    texts += sorted((data / "duc2004" / "docs").glob("*/*"))
    for path in texts:
        if path.is_file():
            text = path.read_text("utf-8", errors="replace")
            docs.append(RawDocument(source=str(path), file=path.name, text=text))
    if not docs:
        raise BenchDataError(
            f"--data {data}: no article-extraction/html, polnear/*/text or duc2004/docs inside "
            "(give the folder that holds the data sets)"
        )
    if limit:
        # Keep the mix of HTML and text in small runs: every k-th document.
        step = max(len(docs) // limit, 1)
        docs = docs[::step][:limit]
    return docs


def _stage(name: str, n: int, seconds: float) -> dict[str, float]:
    return {
        "articles": n,
        "seconds": round(seconds, 3),
        "articles_per_s": round(n / seconds, 2) if seconds > 0 else 0.0,
        "ms_per_article": round(1000 * seconds / n, 2) if n else 0.0,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def run(data: Path, limit: int | None = None) -> dict[str, Any]:
    from newsprism.brief import StageTimer, build_brief
    from newsprism.ingest import UnreadableFile, build_article, clean_articles
    from newsprism.ingest.clean import clean_text
    from newsprism.ingest.extract import extract_html
    from newsprism.nlp.pipeline import load_nlp

    if not data.is_dir():
        raise BenchDataError(f"--data {data}: no such folder")
    docs = load_corpus(data, limit)
    pages = [d for d in docs if d.html is not None]
    result = BenchResult(task="speed", items=len(docs))
    stages: dict[str, dict[str, float]] = {}
    watch = Stopwatch()
    load_nlp()  # model loading is a one-off cost, not a per-article one

    extracted: dict[str, str] = {}
    with watch.time("extraction"):
        for page in pages:
            extracted[page.source] = extract_html(page.html or "").text
    stages["extraction"] = _stage("extraction", len(pages), watch.seconds.get("extraction", 0.0))

    with watch.time("cleaning"):
        for doc in docs:
            clean_text(extracted.get(doc.source, doc.text or ""))
    stages["cleaning"] = _stage("cleaning", len(docs), watch.seconds["cleaning"])

    articles: list[Article] = []
    skipped = 0
    with watch.time("ingest"):
        for doc in docs:
            try:
                articles.append(build_article(doc))
            except UnreadableFile:
                skipped += 1
        articles = clean_articles(articles)
    stages["ingest (extract+clean+metadata)"] = _stage("ingest", len(docs), watch.seconds["ingest"])
    if skipped:
        result.notes.append(f"{skipped} documents had no article text after ingest")

    timer = StageTimer()
    stories = [articles[i : i + STORY_SIZE] for i in range(0, len(articles), STORY_SIZE)]
    failures: list[str] = []
    with watch.time("brief"):
        for story in stories:
            try:
                build_brief(story, timer=timer)
            except Exception as exc:  # a stage's bug is reported, the other stories still run
                failures.append(f"{type(exc).__name__}: {exc}")
    if failures:
        result.notes.append(
            f"build_brief raised on {len(failures)} of {len(stories)} pseudo-stories "
            f"(first: {failures[0]})"
        )
    for name, seconds in timer.seconds.items():
        stages[name] = _stage(name, len(articles), seconds)
    stages["brief (all stages)"] = _stage("brief", len(articles), watch.seconds["brief"])

    cluster_note = _clustering(articles, stages, watch)
    if cluster_note:
        result.notes.append(cluster_note)

    total = sum(watch.seconds.get(k, 0.0) for k in ("ingest", "brief", "clustering"))
    result.ours = {
        "articles_per_s": round(len(articles) / total, 2) if total else 0.0,
        "ms_per_article": round(1000 * total / max(len(articles), 1), 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    result.seconds["ours"] = total

    import trafilatura

    with watch.time("trafilatura"):
        for page in pages:
            trafilatura.extract(page.html or "")
    peer = _stage("trafilatura", len(pages), watch.seconds.get("trafilatura", 0.0))
    result.peers["trafilatura (extraction only)"] = _rates(peer)
    result.seconds["trafilatura (extraction only)"] = peer["seconds"]

    nlp = load_nlp()
    with watch.time("spacy"):
        for _ in nlp.pipe([a.text for a in articles], batch_size=16):
            pass
    peer = _stage("spacy", len(articles), watch.seconds["spacy"])
    result.peers["spaCy parse only"] = _rates(peer)
    result.seconds["spaCy parse only"] = peer["seconds"]

    result.notes.append(
        f"{len(pages)} HTML pages and {len(docs) - len(pages)} text documents; "
        f"brief stages on {len(stories)} pseudo-stories of up to {STORY_SIZE} articles"
    )
    result.extra["stages"] = stages
    return result.to_dict()


def _rates(stage: dict[str, float]) -> dict[str, float]:
    return {k: stage[k] for k in ("articles_per_s", "ms_per_article", "peak_rss_mb")}


def _clustering(articles: list[Article], stages: dict[str, dict[str, float]],
                watch: Stopwatch) -> str | None:
    """Story clustering of the whole corpus at once, when the clustering module exists."""
    try:
        from newsprism.stories.cluster import (
            DocumentFrequencies,
            batch_cluster,
            entity_key,
            extract_features,
        )
    except ImportError:
        return "clustering skipped: newsprism.stories.cluster is not available"
    with watch.time("clustering"):
        features = extract_features(articles)
        df = DocumentFrequencies()
        for f in features:
            df.add([*f.terms, *(entity_key(name) for name in f.entities)])
        batch_cluster(features, df)
    stages["clustering"] = _stage("clustering", len(articles), watch.seconds["clustering"])
    return None
