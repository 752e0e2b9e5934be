"""Real page shells for the scale bench: another article set in a real page's place."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsprism.bench.scale import page_shell, shell_page, write_shell_pages
from newsprism.ingest.extract import extract_html
from newsprism.ingest.readers import decode

DATA = Path(__file__).parents[2] / ".." / "shared" / "data"
SOURCE = DATA / "article-extraction"

ARTICLE = [
    "Harbour strike ends after council agrees new pay scale",
    "Dock workers in the northern port returned to work on Monday after the city council "
    "agreed to a new pay scale that ends a three-week strike over night-shift wages.",
    "The union said the agreement raises night-shift pay by nine percent and limits "
    "weekend shifts to two a month for each worker, starting in the new year.",
    "Shipping companies had diverted more than forty vessels to other ports during the "
    "strike, and the council said it expected the backlog to clear within ten days.",
]


def real_pages() -> list[tuple[bytes, str]]:
    if not (SOURCE / "ground-truth.json").is_file():
        pytest.skip(f"{SOURCE} is absent (../shared/data must sit beside the repository)")
    truth = json.loads((SOURCE / "ground-truth.json").read_text("utf-8"))
    pages = []
    for path in sorted((SOURCE / "html").glob("*.html.gz"))[:6]:
        body = truth[path.name.split(".")[0]]["articleBody"]
        pages.append((gzip.decompress(path.read_bytes()), body))
    return pages


def test_the_new_article_replaces_the_page_own() -> None:
    used = 0
    for page, truth in real_pages():
        shell = page_shell(page, truth)
        if shell is None:
            continue
        used += 1
        own = shell.paragraphs[0].text_content().strip()
        built = shell_page(shell, ARTICLE[0], ARTICLE[1:], index=7)
        found = extract_html(decode(built))
        for paragraph in ARTICLE[1:]:
            assert paragraph in found.text
        assert own not in found.text
        assert found.title == ARTICLE[0]
        # Still the real page around it: its weight, minus one article's text at most.
        assert len(built) > 0.5 * len(page)
        # The page's own URL would make every page built on this shell one article.
        assert found.url in (None, "https://news.example.org/story/7")
    assert used >= 4


def test_a_page_whose_text_is_not_in_paragraphs_gives_no_shell() -> None:
    page = b"<html><body><div>One long line of text<br>and another line</div></body></html>"
    assert page_shell(page, "One long line of text and another line") is None


def test_written_pages_are_distinct(tmp_path: Path) -> None:
    if not (DATA / "polnear").is_dir():
        pytest.skip(f"{DATA / 'polnear'} is absent")
    real_pages()
    pages, shells = write_shell_pages(DATA, tmp_path, limit=3)
    assert (pages, shells) == (3, 3)
    texts = {extract_html(decode(gzip.decompress(p.read_bytes()))).text
             for p in sorted(tmp_path.glob("*.html.gz"))}
    assert len(texts) == 3
