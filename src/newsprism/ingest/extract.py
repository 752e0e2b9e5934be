"""Article text and metadata from HTML, through trafilatura.

lxml's HTML parser never loads external entities or DTDs, and ``<script>``/``<style>``
content never reaches the text: trafilatura prunes them, and the fallback for fragments
(feed summaries too small for trafilatura) drops them with lxml_html_clean.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import date

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

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=settings.extract_include_tables,
            favor_precision=settings.extract_favor_precision,
            fast=settings.extract_fast,
            # Only dates the page marks up or puts in its URL; no search through the text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    found = doc.as_dict() if doc is not None and not isinstance(doc, dict) else (doc or {})
    if not found.get("text"):
        return Extracted(text=html_to_text(html), url=url)
    site = found.get("sitename")
    if site and site.lower() in {(found.get("hostname") or "").lower(), hostname(url)}:
        site = None  # trafilatura falls back to the host name: not a name the page gave
    return Extracted(
        text=str(found["text"]),
        title=found.get("title") or None,
        url=found.get("url") or url,
        site_name=site or None,
        published=parse_date(found.get("date")),
    )


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
