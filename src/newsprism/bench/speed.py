"""Throughput, latency and peak memory of each stage on a corpus of real articles.

The corpus is built from the shared data sets (HTML pages of article-extraction, PolNeAR
article text, DUC 2004 newswire), read through newsprism's ingest. Two kinds of stage:

* per-article stages (extraction, cleaning, NLP parse, entities, quotes) run over every
  article, in chunks of ``STORY_SIZE`` consecutive articles, as ``build_brief`` would get them
  (a chunk's parses are dropped once its entities and quotes are found, so memory stays flat);
* story-level stages: clustering runs once over all articles; the full brief runs on a sample
  of the stories clustering forms (``BRIEF_STORIES`` of them, spread over the story sizes,
  each cut to ``STORY_SIZE`` articles), since one brief costs tens of seconds on 2 cores.

trafilatura alone (every HTML page) and spaCy alone (every ``SPACY_SAMPLE_EVERY``-th chunk,
with our NLP stage's time on the same chunks beside it) are the reference points. Peak memory
is the process's peak resident set size after each stage (it only grows). Each stage prints a
line to stderr when it ends, and the long loops show a progress bar there, so a run is never
silent; ``--json`` output on stdout stays one object.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsprism.bench.common import BenchDataError, BenchResult, Stopwatch, peak_rss_mb
from newsprism.model import Article, RawDocument

STORY_SIZE = 10
BRIEF_STORIES = 4
SPACY_SAMPLE_EVERY = 10

T = TypeVar("T")


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


class Report:
    """Per-stage figures, and a line on stderr as each stage ends."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.stages: dict[str, dict[str, float]] = {}
        self.started = time.perf_counter()

    def stage(self, name: str, n: int, seconds: float, unit: str = "articles") -> None:
        figures: dict[str, float] = {
            "articles": n,
            "seconds": round(seconds, 3),
            "articles_per_s": round(n / seconds, 2) if seconds > 0 else 0.0,
            "ms_per_article": round(1000 * seconds / n, 2) if n else 0.0,
            "peak_rss_mb": round(peak_rss_mb(), 1),
        }
        self.stages[name] = figures
        self.console.print(
            f"[{time.perf_counter() - self.started:6.0f} s] {name}: {n} {unit}, "
            f"{figures['seconds']:.1f} s, {figures['ms_per_article']:.1f} ms/article, "
            f"peak {figures['peak_rss_mb']:.0f} MiB",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


@contextmanager
def _progress(console: Console, what: str, total: int) -> Iterator[Callable[[int], None]]:
    """A transient progress bar on a terminal; elsewhere (a log, CI) a line per tenth done."""
    if not console.is_terminal:
        done, next_line, started = 0, max(total // 10, 1), time.perf_counter()

        def advance_lines(n: int = 1) -> None:
            nonlocal done, next_line
            done += n
            if done >= next_line and done < total:
                console.print(
                    f"speed: {what} {done}/{total} ({time.perf_counter() - started:.0f} s)",
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
                next_line += max(total // 10, 1)

        yield advance_lines
        return
    with Progress(
        TextColumn(f"speed: {what}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(what, total=total)

        def advance_bar(n: int = 1) -> None:
            progress.advance(task, n)

        yield advance_bar


def chunks(items: Sequence[T], size: int) -> list[list[T]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def sample_stories(labels: list[int], count: int, size: int) -> list[list[int]]:
    """``count`` stories of two or more articles, spread from the largest to the smallest.

    Each is cut to its first ``size`` articles (a brief is built on at most that many here).
    Without any story of two, the first ``size`` articles stand in as one pseudo-story.
    """
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    stories = sorted((m for m in members.values() if len(m) > 1), key=lambda m: (-len(m), m[0]))
    if not stories:
        return [list(range(min(size, len(labels))))] if labels else []
    if len(stories) > count:
        step = (len(stories) - 1) / max(count - 1, 1)
        stories = [stories[round(k * step)] for k in range(count)]
    return [m[:size] for m in stories]


def run(data: Path, limit: int | None = None) -> dict[str, Any]:
    if not data.is_dir():
        raise BenchDataError(f"--data {data}: no such folder")
    console = Console(stderr=True)
    cpu_started = time.process_time()
    report = Report(console)
    watch = Stopwatch()
    docs = load_corpus(data, limit)
    result = BenchResult(task="speed", items=len(docs))
    console.print(f"speed: {len(docs)} documents", markup=False, highlight=False)

    with watch.time("model loading"):
        _warm_up()
    report.stage("model loading (once)", 0, watch.seconds["model loading"], "articles")

    articles, skipped, n_pages = _ingest(docs, report, watch, console)
    if skipped:
        result.notes.append(f"{skipped} documents had no article text after ingest")

    chunk_seconds = _per_article_stages(articles, report, watch, console)
    labels = _clustering(articles, report, watch)
    stories = sample_stories(labels, BRIEF_STORIES, STORY_SIZE)
    brief_failures = _briefs(articles, stories, report, watch, console)
    if brief_failures:
        result.notes.append(
            f"build_brief raised on {len(brief_failures)} of {len(stories)} stories "
            f"(first: {brief_failures[0]})"
        )

    per_article = ("extraction", "cleaning", "nlp", "entities", "quotes", "clustering")
    total = sum(watch.seconds.get(k, 0.0) for k in per_article)
    brief_articles = sum(len(s) for s in stories)
    result.ours = {
        "articles_per_s": round(len(articles) / total, 2) if total else 0.0,
        "ms_per_article": round(1000 * total / max(len(articles), 1), 2),
        "brief_ms_per_article": round(1000 * watch.seconds["brief"] / max(brief_articles, 1), 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    result.seconds["ours"] = total

    _trafilatura(docs, report, watch, result)
    sample = _spacy(articles, chunk_seconds, report, watch, result)

    n_clustered = len(set(labels))
    result.notes += [
        f"{n_pages} HTML pages and {len(docs) - n_pages} text documents, "
        f"{len(articles)} articles after ingest",
        f"extraction: build_article on the {n_pages} HTML pages (extraction, cleaning, "
        f"metadata); cleaning: build_article on the {len(docs) - n_pages} text documents, "
        f"then the cross-article clean-up; nlp, entities, quotes: all {len(articles)} "
        f"articles in chunks of {STORY_SIZE}; clustering: all articles "
        f"({n_clustered} stories formed)",
        f"brief (every stage of build_brief): {len(stories)} sampled stories "
        f"({brief_articles} articles; sizes {[len(s) for s in stories]})",
        "ours: extraction through quotes plus clustering over all articles; the brief's "
        "story-level cost is brief_ms_per_article",
        f"spaCy parse only: {sample} articles (every {SPACY_SAMPLE_EVERY}th chunk); "
        f"our nlp stage on the same articles is 'nlp (spaCy sample)'",
    ]
    wall = time.perf_counter() - report.started
    result.notes.append(
        f"whole run: {wall:.0f} s wall, {time.process_time() - cpu_started:.0f} s of process "
        f"CPU time (CPU below wall means the cores were shared with other work)"
    )
    result.extra["stages"] = report.stages
    return result.to_dict()


def _warm_up() -> None:
    """Load the models and imports every stage needs: a one-off cost, not a per-article one.

    Without it the first stage to touch trafilatura, spaCy, MiniLM or WordLlama is charged
    seconds of loading (the first extraction run measured 250 ms/page against trafilatura's
    47).
    """
    from newsprism.ingest.extract import extract_html
    from newsprism.nlp.embeddings import embed, embed_fast
    from newsprism.nlp.pipeline import load_nlp

    load_nlp()
    embed(["A sentence warms the encoder up."])  # the stages' own path to the cached model
    embed_fast(["A lead warms the static embeddings up."])
    extract_html("<html><body><article><p>A first page warms the extractor up.</p>"
                 "</article></body></html>")


def _ingest(
    docs: list[RawDocument], report: Report, watch: Stopwatch, console: Console
) -> tuple[list[Article], int, int]:
    """Every document through ``build_article``, the path ingest takes.

    "extraction" is ``build_article`` on the HTML pages (trafilatura's extraction, then the
    same cleaning and metadata a text gets); "cleaning" is ``build_article`` on the text
    documents and the cross-article clean-up of all of them.
    """
    from newsprism.ingest import UnreadableFile, build_article, clean_articles

    built: list[Article | None] = []
    n_pages = sum(1 for d in docs if d.html is not None)

    def build(doc: RawDocument) -> None:
        try:
            built.append(build_article(doc))
        except UnreadableFile:
            built.append(None)

    with _progress(console, "extraction", n_pages) as advance, watch.time("extraction"):
        for doc in docs:
            if doc.html is not None:
                build(doc)
                advance(1)
    report.stage("extraction", n_pages, watch.seconds.get("extraction", 0.0), "HTML pages")

    n_texts = len(docs) - n_pages
    with _progress(console, "cleaning", n_texts) as advance, watch.time("cleaning"):
        for doc in docs:
            if doc.html is None:
                build(doc)
                advance(1)
        articles = clean_articles([a for a in built if a is not None])
    report.stage("cleaning", n_texts, watch.seconds["cleaning"], "text documents")
    return articles, built.count(None), n_pages


def _per_article_stages(
    articles: list[Article], report: Report, watch: Stopwatch, console: Console
) -> list[float]:
    """Parse, entities and quotes of every article, a chunk at a time; nlp seconds per chunk."""
    from newsprism.analysis.entities import resolve_entities
    from newsprism.analysis.quotes import extract_quotes
    from newsprism.nlp.pipeline import parse_story

    nlp_seconds: list[float] = []
    batches = chunks(articles, STORY_SIZE)
    with _progress(console, "nlp, entities, quotes", len(articles)) as advance:
        for batch in batches:
            before = watch.seconds.get("nlp", 0.0)
            story = watch.call("nlp", parse_story, batch)
            nlp_seconds.append(watch.seconds["nlp"] - before)
            entities = watch.call("entities", resolve_entities, story)
            watch.call("quotes", extract_quotes, story, entities)
            advance(len(batch))
    for name in ("nlp", "entities", "quotes"):
        report.stage(name, len(articles), watch.seconds.get(name, 0.0))
    return nlp_seconds


def _clustering(articles: list[Article], report: Report, watch: Stopwatch) -> list[int]:
    """Story clustering of the whole corpus at once; a story label per article."""
    from newsprism.stories.cluster import (
        DocumentFrequencies,
        batch_cluster,
        entity_key,
        extract_features,
    )

    with watch.time("clustering"):
        features = extract_features(articles)
        df = DocumentFrequencies()
        for f in features:
            df.add([*f.terms, *(entity_key(name) for name in f.entities)])
        labels = batch_cluster(features, df)
    report.stage("clustering", len(articles), watch.seconds["clustering"])
    return labels


def _briefs(
    articles: list[Article],
    stories: list[list[int]],
    report: Report,
    watch: Stopwatch,
    console: Console,
) -> list[str]:
    """``build_brief`` on each sampled story; the brief's own per-stage timings."""
    from newsprism.brief import StageTimer, build_brief

    timer = StageTimer()
    failures: list[str] = []
    n = sum(len(s) for s in stories)
    with _progress(console, "brief", n) as advance, watch.time("brief"):
        for members in stories:
            try:
                build_brief([articles[i] for i in members], timer=timer)
            except Exception as exc:  # a stage's bug is reported, the other stories still run
                failures.append(f"{type(exc).__name__}: {exc}")
            advance(len(members))
    for name, seconds in timer.seconds.items():
        report.stage(f"brief: {name}", n, seconds)
    report.stage("brief (all stages)", n, watch.seconds["brief"])
    return failures


def _trafilatura(
    docs: list[RawDocument], report: Report, watch: Stopwatch, result: BenchResult
) -> None:
    import trafilatura

    pages = [d.html for d in docs if d.html is not None]
    with watch.time("trafilatura"):
        for html in pages:
            trafilatura.extract(html)
    report.stage("trafilatura (reference)", len(pages), watch.seconds["trafilatura"], "pages")
    name = "trafilatura (extraction only)"
    result.peers[name] = _rates(report.stages["trafilatura (reference)"])
    result.seconds[name] = watch.seconds["trafilatura"]


def _spacy(
    articles: list[Article],
    nlp_seconds: list[float],
    report: Report,
    watch: Stopwatch,
    result: BenchResult,
) -> int:
    """Plain ``nlp.pipe`` on every k-th chunk, beside our nlp stage's time on those chunks."""
    from newsprism.nlp.pipeline import load_nlp

    batches = chunks(articles, STORY_SIZE)[::SPACY_SAMPLE_EVERY]
    texts = [a.text for batch in batches for a in batch]
    nlp = load_nlp()
    with watch.time("spacy"):
        for _ in nlp.pipe(texts, batch_size=16):
            pass
    ours = sum(nlp_seconds[::SPACY_SAMPLE_EVERY])
    report.stage("nlp (spaCy sample)", len(texts), ours)
    report.stage("spaCy parse only (reference)", len(texts), watch.seconds["spacy"])
    name = "spaCy parse only"
    result.peers[name] = _rates(report.stages["spaCy parse only (reference)"])
    result.seconds[name] = watch.seconds["spacy"]
    return len(texts)


def _rates(stage: dict[str, float]) -> dict[str, float]:
    return {k: stage[k] for k in ("articles_per_s", "ms_per_article", "peak_rss_mb")}
