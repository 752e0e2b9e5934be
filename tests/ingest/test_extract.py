"""page_metadata: trafilatura's metadata step, less what an Article does not use."""

from __future__ import annotations

import gzip
import warnings

from trafilatura import extract_metadata
from trafilatura.utils import load_html

from newsprism.ingest.extract import page_metadata
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
