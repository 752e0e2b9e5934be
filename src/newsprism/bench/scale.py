"""Ingest at scale: articles per second and memory as the store grows.

Articles are synthesised from real PolNeAR sentences: most are new combinations of
sentences, one in five is an edited copy of an earlier one (the syndication the
near-duplicate index must catch). Throughput is measured over the first and the last tenth
of each run: if the near-duplicate lookup or the clusterer scanned the store, the last
tenth would be slower.

The HTML runs time ``newsprism ingest`` itself (reading, extraction in worker processes,
near-duplicates, clustering on) from files: the real pages of the article-extraction set;
real news articles (PolNeAR, DUC 2004) set in a small news page with the usual navigation,
scripts, related links and footer around them; and the same articles set in the real
pages of the article-extraction set in place of each page's own article, so a thousand
distinct articles come with real-world page weight (navigation, scripts, ad markup).
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.bench.common import peak_rss_mb
from newsprism.errors import NewsprismError
from newsprism.model import Article, stable_id

SIZES = (1_000, 10_000, 100_000)  # storage and near-duplicates only
CLUSTERED_SIZES = (1_000, 10_000)  # with clustering: the main process's cost per article


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


_NAV = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
_SCRIPT = "var cfg = {" + ",".join(f'"k{i}": "{"x" * 40}"' for i in range(120)) + "};"


def news_page(title: str, paragraphs: list[str], index: int) -> str:
    """A news page around an article: what extraction has to cut through."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    related = "".join(
        f'<li><a href="/story/{index}-{i}">Related story number {i} you may like</a></li>'
        for i in range(15)
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}"
        f" | The Daily Example</title><meta property='og:site_name' content='The Daily"
        f" Example'><script>{_SCRIPT}</script></head><body><header><nav><ul>{_NAV}</ul>"
        f"</nav></header><main><article><h1>{html.escape(title)}</h1><div class='byline'>"
        f"By Staff Reporter</div>{body}<div class='promo'>Sign up for our newsletter to get"
        f" the day's top stories.</div></article><aside><h2>Most read</h2><ul>{related}"
        f"</ul></aside><section class='comments'>Comments are closed.</section></main>"
        f"<footer><p>Copyright The Daily Example. All rights reserved.</p><ul>{_NAV}</ul>"
        f"</footer><script>{_SCRIPT}</script></body></html>"
    )


def article_texts(data: Path, limit: int | None = None) -> list[list[str]]:
    """PolNeAR (then DUC 2004) articles as lines: a title, then the paragraphs."""
    texts: list[list[str]] = []
    for path in sorted((data / "polnear").glob("*/text/*.txt")):
        texts.append([line for line in path.read_text("utf-8").splitlines() if line.strip()])
    for path in sorted((data / "duc2004" / "docs").glob("*/*")):
        texts.append([line for line in path.read_text("utf-8").splitlines() if line.strip()])
    texts = [t for t in texts if len(t) >= 2][:limit]
    if not texts:
        raise NewsprismError(f"no PolNeAR or DUC 2004 text under {data}")
    return texts


def write_news_pages(data: Path, folder: Path, limit: int | None = None) -> int:
    """Pages for PolNeAR (then DUC 2004) articles in ``folder``; returns how many."""
    texts = article_texts(data, limit)
    for i, lines in enumerate(texts):
        (folder / f"page-{i:05d}.html").write_text(news_page(lines[0], lines[1:], i), "utf-8")
    return len(texts)


_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML text


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}


@dataclass
class Shell:
    """A real page whose article paragraphs can be swapped for another article's."""

    tree: Any  # lxml.html.HtmlElement, the whole page
    body: Any  # the element holding most of the article's paragraphs
    paragraphs: list[Any]  # the page's own article paragraphs, wherever they sit


def page_shell(page: bytes, article_body: str, min_paragraphs: int = 2) -> Shell | None:
    """The page with its article paragraphs located through the data set's ground truth:
    ``<p>`` elements of five words or more whose 4-word shingles are mostly the truth's.
    None when fewer than ``min_paragraphs`` of them share a parent, or they cover less than
    half of the truth (text in ``<div>``s or ``<br>``-separated lines: no clean swap)."""
    import lxml.html

    tree = lxml.html.document_fromstring(page)
    truth = _shingles(article_body)
    if not truth:
        return None
    paragraphs, covered = [], 0
    for element in tree.iter("p"):
        own = _shingles(element.text_content())
        shared = len(own & truth)
        if own and shared >= 0.7 * len(own):
            paragraphs.append(element)
            covered += shared
    parents = Counter(p.getparent() for p in paragraphs)
    if not parents or covered < 0.5 * len(truth):
        return None
    body, count = parents.most_common(1)[0]
    if count < min_paragraphs:
        return None
    return Shell(tree=tree, body=body, paragraphs=paragraphs)


def shell_page(shell: Shell, title: str, paragraphs: list[str], index: int) -> bytes:
    """The shell's page with ``paragraphs`` in place of its own article, ``title`` as its
    title and a URL of its own (a shared canonical URL would make every page one article)."""
    import copy

    import lxml.html

    tree = copy.deepcopy(shell.tree)
    # deepcopy keeps document order: find the copies of the body and paragraphs by position.
    order = {id(e): i for i, e in enumerate(shell.tree.iter())}
    elements = list(tree.iter())
    body = elements[order[id(shell.body)]]
    old = [elements[order[id(p)]] for p in shell.paragraphs]
    first = next(p for p in old if p.getparent() is body)
    for text in paragraphs:
        element = lxml.html.Element("p")
        element.text = _CONTROL.sub("", text)
        first.addprevious(element)
    for p in old:
        p.drop_tree()
    title = _CONTROL.sub("", title)
    for element in tree.iter("title", "h1"):
        element.text, element[:] = title, []
    for meta in tree.iter("meta"):
        name = meta.get("property") or meta.get("name") or ""
        if name in {"og:title", "twitter:title"}:
            meta.set("content", title)
        elif name in {"og:url", "twitter:url"}:
            meta.set("content", f"https://news.example.org/story/{index}")
    for link in tree.iter("link"):
        if link.get("rel") == "canonical":
            link.set("href", f"https://news.example.org/story/{index}")
    for script in tree.iter("script"):
        if script.get("type") == "application/ld+json" and "articleBody" in (script.text or ""):
            script.drop_tree()  # the page's own article again, in structured data
    result: bytes = lxml.html.tostring(tree, encoding="utf-8", doctype="<!DOCTYPE html>")
    return result


def write_shell_pages(data: Path, folder: Path, limit: int | None = None) -> tuple[int, int]:
    """PolNeAR and DUC 2004 articles set in the real pages of the article-extraction set
    (``html/<id>.html.gz``, truth in ``ground-truth.json``), in turn, gzipped like the set's
    own pages; returns (pages written, shells used)."""
    source = data / "article-extraction"
    truth_file = source / "ground-truth.json"
    if not truth_file.is_file():
        raise NewsprismError(f"no article-extraction ground truth under {data}")
    truth = json.loads(truth_file.read_text("utf-8"))
    shells = []
    for path in sorted((source / "html").glob("*.html.gz")):
        key = path.name.split(".")[0]
        if key in truth and (shell := page_shell(
            gzip.decompress(path.read_bytes()), truth[key]["articleBody"]
        )):
            shells.append(shell)
            if limit is not None and len(shells) >= limit:
                break
    if not shells:
        raise NewsprismError(f"no page of {source / 'html'} has its article located")
    texts = article_texts(data, limit)
    for i, lines in enumerate(texts):
        page = shell_page(shells[i % len(shells)], lines[0], lines[1:], i)
        (folder / f"page-{i:05d}.html.gz").write_bytes(gzip.compress(page, compresslevel=1))
    return len(texts), len(shells)


def measure_html(sources: list[Path], label: str) -> dict:
    """Time ``newsprism ingest`` (the command's own code) on files, clustering on."""
    from newsprism.store.commands import ingest

    with tempfile.TemporaryDirectory(prefix="newsprism-scale-") as folder:
        rss_before = peak_rss_mb()
        start = time.perf_counter()
        counts = ingest(
            [str(s) for s in sources], f"sqlite:///{Path(folder) / 'html.db'}", quiet=True
        )
        seconds = time.perf_counter() - start
    n = counts.new + counts.duplicate + counts.skipped + counts.failed
    return {
        "articles": n,
        "input": label,
        "cluster": True,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 1),
        "new": counts.new,
        "syndicated": counts.syndicated,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "rss_growth_mb": round(peak_rss_mb() - rss_before, 1),
    }


def measure(articles: list[Article], cluster: bool) -> dict:
    from newsprism.store.db import open_store
    from newsprism.store.ingest import ingest_articles

    marks: list[tuple[int, float]] = []

    def on_batch(counts: object) -> None:
        done = counts.new + counts.duplicate  # type: ignore[attr-defined]
        marks.append((done, time.perf_counter()))

    with tempfile.TemporaryDirectory(prefix="newsprism-scale-") as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'scale.db'}")
        rss_before = peak_rss_mb()
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
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "rss_growth_mb": round(peak_rss_mb() - rss_before, 1),
        "store_mb": round(db_mb, 1),
    }


def run(data: Path, limit: int | None = None) -> dict:
    """Ingest 1k, 10k and 100k synthesised articles (1k and 10k with clustering; ``limit``
    caps the sizes) into SQLite, and HTML pages through ``newsprism ingest``."""
    sentences = sentences_of(data)
    sizes = [min(s, limit) for s in SIZES] if limit else list(SIZES)
    runs = [measure(synthesise(sentences, n), cluster=False) for n in dict.fromkeys(sizes)]
    clustered = [min(s, limit) for s in CLUSTERED_SIZES] if limit else list(CLUSTERED_SIZES)
    runs.extend(
        measure(synthesise(sentences, n, seed=11), cluster=True) for n in dict.fromkeys(clustered)
    )
    with tempfile.TemporaryDirectory(prefix="newsprism-pages-") as folder:
        write_news_pages(data, Path(folder), limit)
        runs.append(measure_html([Path(folder)], "html_news_pages"))
    if (data / "article-extraction" / "ground-truth.json").is_file():
        with tempfile.TemporaryDirectory(prefix="newsprism-pages-") as folder:
            _, shells = write_shell_pages(data, Path(folder), limit)
            runs.append(measure_html([Path(folder)], "html_real_shells") | {"shells": shells})
    real_pages = data / "article-extraction" / "html"
    if real_pages.is_dir():
        pages = sorted(real_pages.glob("*.html.gz"))[:limit]
        runs.append(measure_html(pages, "html_real_pages"))
    ours: dict[str, float] = {}
    seconds: dict[str, float] = {}
    for r in runs:
        key = r.get("input") or f"{r['articles']}{'_clustered' if r['cluster'] else ''}"
        seconds[key] = r["seconds"]
        for metric in ("articles_per_s", "first_tenth_per_s", "last_tenth_per_s", "peak_rss_mb"):
            if metric in r:
                ours[f"{key}_{metric}"] = r[metric]
    return {
        "task": "scale",
        "items": sum(r["articles"] for r in runs),
        "ours": ours,
        "peers": {},
        "seconds": {"ours": round(sum(seconds.values()), 2), **seconds},
        "runs": runs,
    }
