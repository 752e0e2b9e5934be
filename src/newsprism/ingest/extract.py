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
from functools import cache
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

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = load_page(html)
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


# Characters XML forbids, which trafilatura deletes before parsing (utils.INVALID_XML_CHARS):
# as UTF-8 bytes the control characters, and the two noncharacters as text.
_XML_INVALID_BYTES = bytes(range(0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20))


def _has_invalid_xml_chars(html: str) -> bool:
    """Whether trafilatura's parse would delete characters: ``bytes.translate`` scans a
    large page several times faster than its regular expression."""
    data = html.encode("utf-8", "surrogatepass")
    return (
        len(data.translate(None, _XML_INVALID_BYTES)) != len(data)
        or "\ufffe" in html
        or "\uffff" in html
    )


@cache
def _html_parser() -> Any:
    """trafilatura's HTML parser settings, with lxml's element classes picked in C.

    ``lxml.html`` asks a Python function for the class of every element it hands out
    (forms and their fields get their own classes, which neither trafilatura nor the
    metadata readers use); on a large page that is a tenth of the extraction.
    """
    from lxml import etree, html

    parser = html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=html.HtmlElement,
            comment=html.HtmlComment,
            pi=html.HtmlProcessingInstruction,
            entity=html.HtmlEntity,
        )
    )
    return parser


def load_page(html: str) -> Any:
    """The page's tree as trafilatura's ``load_html`` builds it, or None, for less work.

    Its repairs run on the page's first lines only, when the page holds no character
    they would delete (they touch nothing past the first line after character 4096);
    anything unusual (such characters, a failed or suspect parse) goes to ``load_html``.
    """
    from lxml.html import fromstring
    from trafilatura.utils import load_html, repair_faulty_html

    if _has_invalid_xml_chars(html):
        return load_html(html)
    beginning = html[:50].lower()
    cut = html.find("\n", 4096) + 1 or len(html)
    page = repair_faulty_html(html[:cut], beginning) + html[cut:]
    try:
        tree = fromstring(page, parser=_html_parser())
    except Exception:  # lxml's errors for an empty or broken document
        return load_html(html)
    # load_html's checks: a root with content, two children where no "html" starts the page
    if tree is None or len(tree) < (1 if "html" in beginning else 2):
        return load_html(html)
    return tree


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
