"""Readers, HTML extraction, metadata and boilerplate cleaning: files in, Articles out.

``read_documents`` finds the documents, ``build_article`` turns one into a clean
:class:`Article`, ``clean_articles`` cuts what recurs across one outlet's articles;
``read_articles`` runs all three. The store and stream code reuse the parts one article at
a time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.config import DEFAULT, Settings
from newsprism.errors import NoReadableInput
from newsprism.ingest.clean import clean_text
from newsprism.ingest.extract import extract_html
from newsprism.ingest.metadata import canonical_outlet, detect_language, outlet_from_url
from newsprism.ingest.readers import UnreadableFile, read_documents
from newsprism.model import Article, PublishedSource, RawDocument, stable_id

__all__ = [
    "ReadResult",
    "UnreadableFile",
    "build_article",
    "clean_articles",
    "read_articles",
    "read_documents",
]


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each, naming the file


def build_article(raw: RawDocument, settings: Settings = DEFAULT) -> Article:
    """One clean Article from one document; raises UnreadableFile when no text is left."""
    title, url, published, site = raw.title, raw.url, raw.published, raw.outlet
    if raw.html is not None:
        page = extract_html(raw.html, raw.url, settings)
        body = page.text
        title = title or page.title
        url = url or page.url
        published = published or page.published
        site = site or page.site_name
    else:
        body = raw.text or ""
    cleaned = clean_text(
        body[: settings.max_parse_chars * 2], known_title=title, find_title=title is None, url=url
    )
    if not cleaned.text.strip():
        raise UnreadableFile("no article text found")
    url = url or cleaned.url
    published_source: PublishedSource | None = "metadata" if published else None
    if published is None and cleaned.published is not None:
        published, published_source = cleaned.published, "text"

    site_name = canonical_outlet(site) if site else outlet_from_url(url)
    outlet: str | None
    if cleaned.original_outlet is not None:
        host = cleaned.republished_by or site_name
        outlet = cleaned.original_outlet
        if host and host != outlet:
            outlet = f"{outlet} (republished by {host})"
    else:
        outlet = site_name or cleaned.named_outlet

    language = detect_language(cleaned.text)
    return Article(
        id=stable_id("a", raw.file or raw.source, raw.text or raw.html or ""),
        file=raw.file,
        url=url,
        outlet=outlet,
        title=title or cleaned.title,
        published=published,
        published_source=published_source,
        language=language[0] if language else "und",
        text=cleaned.text,
        removed=cleaned.removed,
    )


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def clean_articles(articles: list[Article], max_words: int = 40) -> list[Article]:
    """Cut short paragraphs that recur in different articles of the same outlet.

    A promo or footer the line rules missed repeats across an outlet's pages; two versions
    of one story (sharing most paragraphs) are left alone. One article comes back unchanged.
    """
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        if article.outlet:
            by_outlet[article.outlet].append(i)
    recurring: dict[int, set[str]] = defaultdict(set)
    for members in by_outlet.values():
        if len(members) < 2:
            continue
        sets = {
            i: {" ".join(p.lower().split()) for p in _paragraphs(articles[i].text)} for i in members
        }
        for a in members:
            for b in members:
                if a >= b:
                    continue
                shared = sets[a] & sets[b]
                if not shared or len(shared) > 0.5 * min(len(sets[a]), len(sets[b])):
                    continue
                short = {p for p in shared if len(p.split()) <= max_words}
                recurring[a] |= short
                recurring[b] |= short
    result = []
    for i, article in enumerate(articles):
        cut = recurring.get(i)
        if not cut:
            result.append(article)
            continue
        kept: list[str] = []
        removed = list(article.removed)
        for paragraph in _paragraphs(article.text):
            (removed if " ".join(paragraph.lower().split()) in cut else kept).append(paragraph)
        if not kept:  # never empty an article on this signal alone
            result.append(article)
            continue
        result.append(article.model_copy(update={"text": "\n\n".join(kept), "removed": removed}))
    return result


def read_articles(paths: list[Path], settings: Settings = DEFAULT) -> ReadResult:
    """Articles from files and folders (read recursively); problems name their file."""
    docs, problems = read_documents(paths, settings)
    articles: list[Article] = []
    seen: set[str] = set()
    # (outlet, title, words) of each article read -> where it was read from
    texts: dict[tuple[str | None, str | None, str], str] = {}
    for raw in docs:
        try:
            article = build_article(raw, settings)
        except UnreadableFile as exc:
            problems.append(f"{raw.source}: skipped, {exc}")
            continue
        if article.id in seen:
            problems.append(f"{raw.source}: skipped, the same article was already read")
            continue
        # A copy of one outlet's article under another name would count its quotes and
        # claims twice; the same text from two outlets is syndication, and both carry it.
        key = (article.outlet, article.title, " ".join(article.text.casefold().split()))
        if key in texts:
            problems.append(f"{raw.source}: skipped, the same text as {texts[key]}")
            continue
        texts[key] = raw.source
        seen.add(article.id)
        articles.append(article)
    if not articles:
        given = ", ".join(map(str, paths)) or "(nothing)"
        why = "; ".join(problems[:3])
        if len(problems) > 3:
            why += f"; and {len(problems) - 3} more"
        raise NoReadableInput(f"no readable articles in {given}" + (f" ({why})" if why else ""))
    return ReadResult(articles=clean_articles(articles), problems=problems)
