"""page_metadata: trafilatura's metadata step, less what an Article does not use; load_page:
trafilatura's parse, cheaper."""

from __future__ import annotations

import gzip
import warnings

import pytest
from lxml import etree
from trafilatura import extract_metadata
from trafilatura.utils import load_html

from newsprism.ingest.extract import load_page, page_metadata
from tests.conftest import shared_path

FIELDS = ("title", "url", "sitename", "date")
# Measured: all 91 pages agree on every field; one page of slack per field.
MIN_AGREEMENT = 0.98


def test_page_metadata_agrees_with_trafilatura_on_real_pages() -> None:
    """The copied steps give what trafilatura's own ``extract_metadata`` gives, with the same
    date search (marked-up and URL dates only, ``extensive=False``)."""
    pages = sorted(shared_path("data", "article-extraction", "html").glob("*.html.gz"))
    assert pages
    agreeing = dict.fromkeys(FIELDS, 0)
    found = dict.fromkeys(FIELDS, 0)
    differing: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for page in pages:
            with gzip.open(page, "rt", encoding="utf-8", errors="replace") as f:
                html = f.read()
            ours = page_metadata(load_html(html))
            theirs = extract_metadata(load_html(html), extensive=False)
            for name in FIELDS:
                found[name] += bool(getattr(ours, name))
                if getattr(ours, name) == getattr(theirs, name):
                    agreeing[name] += 1
                else:
                    differing.append(f"{page.name} {name}: {getattr(ours, name)!r}")
    for name in FIELDS:
        assert agreeing[name] / len(pages) >= MIN_AGREEMENT, (name, differing[:5])
        # Agreeing on nothing found would prove nothing: most pages give every field.
        assert found[name] / len(pages) >= 0.9, (name, found[name])


def _same_tree(html: str) -> bool:
    ours, theirs = load_page(html), load_html(html)
    if ours is None or theirs is None:
        return ours is theirs
    return bool(etree.tostring(ours) == etree.tostring(theirs))


def test_load_page_parses_real_pages_as_trafilatura_does() -> None:
    pages = sorted(shared_path("data", "article-extraction", "html").glob("*.html.gz"))
    assert pages
    for page in pages:
        with gzip.open(page, "rt", encoding="utf-8", errors="replace") as f:
            html = f.read()
        assert _same_tree(html), page.name


BODY = "<body><h1>Talks resume</h1><p>The ministers met on Monday in Geneva.</p></body>"
PADDING = "<p>" + "Earlier reporting on the talks. " * 200 + "</p>\n"
XHTML = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "xhtml1-strict.dtd">'
CONTROL_BODY = BODY.replace("Monday", "Mon\x08day")


@pytest.mark.parametrize(
    "html",
    [
        f"<html>{BODY}</html>",
        # a doctype with a "/" in it, which trafilatura strips, on a first line past 4096
        f"{XHTML}<html>{PADDING.strip()}{BODY}</html>",
        f"{XHTML}\n<html>\n{PADDING}{BODY}</html>",
        f"<html/>\n{BODY}",  # a self-closed <html/> that trafilatura reopens
        f"<html>\x0c{CONTROL_BODY}\ufffe</html>",  # characters it deletes
        f"<html>{BODY}\n{PADDING * 30}<p>A late \x01 control character.</p></html>",
        BODY,  # no <html> at the start: kept only with enough children
        "<p>One paragraph alone.</p>",
        "<div><p>One paragraph in a box.</p></div>",  # one child: load_html rejects it
        "",
        "   ",
    ],
)
def test_load_page_matches_trafilatura_on_odd_pages(html: str) -> None:
    assert _same_tree(html)
