"""Article text and metadata from HTML, through trafilatura.

lxml's HTML parser never loads external entities or DTDs, and ``<script>``/``<style>``
content never reaches the text: trafilatura prunes them, and the fallback for fragments
(feed summaries too small for trafilatura) drops them with lxml_html_clean.
"""

from __future__ import annotations

import warnings
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsprism.config import DEFAULT, Settings
from newsprism.ingest.metadata import hostname, parse_date


@dataclass
class Extracted:
    text: str
    title: str | None = None
    url: str | None = None
    site_name: str | None = None  # None when the page names no site (trafilatura's hostname)
    published: date | None = None


def extract_html(html: str, url: str | None = None, settings: Settings = DEFAULT) -> Extracted:
    """Main text (paragraphs on their own lines) and metadata of an HTML page."""
    import trafilatura
    from trafilatura.utils import load_html

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = load_html(html)
        if tree is None:
            return Extracted(text=html_to_text(html), url=url)
        meta = page_metadata(tree, url)
        # The page is parsed once: trafilatura copies the tree it is given and prunes that.
        doc = trafilatura.bare_extraction(
            tree,
            url=url or meta.url,
            with_metadata=False,
            include_comments=False,
            include_tables=settings.extract_include_tables,
            favor_precision=settings.extract_favor_precision,
            fast=settings.extract_fast,
        )
    found = doc.as_dict() if doc is not None and not isinstance(doc, dict) else (doc or {})
    if not found.get("text"):
        return Extracted(text=html_to_text(html), url=url)
    site = meta.sitename
    if site and site.lower() in {(meta.hostname or "").lower(), hostname(url)}:
        site = None  # trafilatura falls back to the host name: not a name the page gave
    return Extracted(
        text=str(found["text"]),
        title=meta.title or None,
        url=meta.url or url,
        site_name=site or None,
        published=parse_date(meta.date),
    )


def page_metadata(tree: Any, url: str | None = None) -> Any:
    """Title, URL, host, site name and date of a parsed page (a trafilatura ``Document``).

    trafilatura's own metadata step in the same order, less the author, categories, tags
    and license: an Article has no use for them, and they cost about a third of the
    extraction on a real page (the author search copies and prunes the whole tree).
    """
    from courlan import extract_domain
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )

    meta = examine_meta(tree)
    with suppress(Exception):  # trafilatura's JSON-LD reader can fail on odd markup
        meta = extract_meta_json(tree, meta)
    meta.title = meta.title or extract_title(tree)
    meta.url = meta.url or extract_url(tree, url)
    if meta.url:
        meta.hostname = extract_domain(meta.url, fast=True)
    # Only dates the page marks up or puts in its URL; no search through the text.
    meta.date = find_date(tree, url=meta.url, extensive_search=False, original_date=True)
    meta.sitename = meta.sitename or extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (match := META_URL.match(meta.url)):
        meta.sitename = match[1]
    meta.clean_and_trim()
    return meta


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, one block per line, scripts and styles removed."""
    import lxml.html
    from lxml.etree import ParserError
    from lxml_html_clean import Cleaner

    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return ""
    cleaner = Cleaner(scripts=True, javascript=True, style=True, comments=True,
                      processing_instructions=True, forms=True, embedded=True, frames=True)
    root = cleaner.clean_html(root)
    for block in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(" ".join(line.split()) for line in root.text_content().split("\n")).strip()
