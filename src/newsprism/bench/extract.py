"""Article text from HTML on the Scrapinghub article-extraction benchmark.

Ours is newsprism's whole ingest path for one page (trafilatura extraction, then our line
cleaning). The peers run live on the same pages in the same process (trafilatura with its
default settings, readability-lxml, newspaper4k and goose3 where installed), and every
``peer-output/<tool>.json`` shipped with the data set is scored too, as ``file:<tool>``.
"""

from __future__ import annotations

import gzip
import json
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsprism.bench.common import (
    BenchDataError,
    BenchResult,
    Stopwatch,
    require_layout,
    shingle_counts,
    shingle_scores,
)

Extractor = Callable[[str], str]


def load_pages(data: Path, limit: int | None = None) -> tuple[list[str], dict[str, str], dict]:
    """Page ids (sorted), their HTML, and the ground truth ``{id: {articleBody, url}}``."""
    require_layout(data, ["ground-truth.json", "html"], "article-extraction")
    try:
        truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise BenchDataError(f"{data / 'ground-truth.json'}: not readable JSON ({exc})") from exc
    ids = sorted(k for k in truth if (data / "html" / f"{k}.html.gz").is_file())
    if not ids:
        raise BenchDataError(f"--data {data}: no html/<id>.html.gz matches ground-truth.json")
    ids = ids[:limit] if limit else ids
    html = {}
    for page_id in ids:
        with gzip.open(data / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8",
                       errors="replace") as f:
            html[page_id] = f.read()
    return ids, html, truth


def newsprism_extractor() -> Extractor:
    from newsprism.ingest import UnreadableFile, build_article
    from newsprism.model import RawDocument

    def extract(html: str) -> str:
        try:
            return build_article(RawDocument(source="page.html", file="page.html", html=html)).text
        except UnreadableFile:
            return ""

    return extract


def _trafilatura() -> Extractor:
    import trafilatura

    return lambda html: trafilatura.extract(html) or ""


def _readability() -> Extractor:
    import lxml.html
    from readability import Document

    def extract(html: str) -> str:
        summary = Document(html).summary(html_partial=True)
        return " ".join(lxml.html.fromstring(summary).itertext()) if summary.strip() else ""

    return extract


def _newspaper() -> Extractor:
    import newspaper

    config = newspaper.Config()
    config.fetch_images = False  # it would go to the network for every image
    config.memorize_articles = False

    def extract(html: str) -> str:
        article = newspaper.Article(url="http://localhost/article", config=config)
        article.download(input_html=html)
        article.parse()
        return str(article.text or "")

    return extract


def _goose() -> Extractor:
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False})
    return lambda html: str(goose.extract(raw_html=html).cleaned_text or "")


LIVE_PEERS: dict[str, Callable[[], Extractor]] = {
    "trafilatura": _trafilatura,
    "readability-lxml": _readability,
    "newspaper4k": _newspaper,
    "goose3": _goose,
}


def score(ids: list[str], truth: dict, predicted: dict[str, str]) -> dict[str, float]:
    pages = [shingle_counts(truth[i].get("articleBody", ""), predicted.get(i, "")) for i in ids]
    return {k: round(v, 4) for k, v in shingle_scores(pages).items()}


def run_extractor(
    name: str, extract: Extractor, ids: list[str], html: dict[str, str], watch: Stopwatch
) -> tuple[dict[str, str], int]:
    """Text per page and how many pages raised (an error counts as an empty text)."""
    texts: dict[str, str] = {}
    failures = 0
    for page_id in ids:
        with watch.time(name), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                texts[page_id] = extract(html[page_id])
            except Exception:  # a peer failing on one page must not end the benchmark
                texts[page_id] = ""
                failures += 1
    return texts, failures


def run(data: Path, limit: int | None = None) -> dict[str, Any]:
    ids, html, truth = load_pages(data, limit)
    result = BenchResult(task="extract", items=len(ids))
    watch = Stopwatch()
    ours, failures = run_extractor("ours", newsprism_extractor(), ids, html, watch)
    result.ours = score(ids, truth, ours)
    if failures:
        result.notes.append(f"newsprism raised on {failures} pages")
    for name, make in LIVE_PEERS.items():
        try:
            extractor = make()
        except ImportError as exc:
            result.notes.append(f"{name} skipped: not installed ({exc.name})")
            continue
        texts, failures = run_extractor(name, extractor, ids, html, watch)
        result.peers[name] = score(ids, truth, texts)
        if failures:
            result.notes.append(f"{name} raised on {failures} pages (scored as empty)")
    for path in sorted((data / "peer-output").glob("*.json")):
        try:
            output = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            result.notes.append(f"{path.name} skipped: not readable JSON")
            continue
        predicted = {i: str((output.get(i) or {}).get("articleBody") or "") for i in ids}
        result.peers[f"file:{path.stem}"] = score(ids, truth, predicted)
    result.seconds = watch.seconds
    return result.to_dict()
