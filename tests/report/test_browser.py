"""The HTML brief in a real headless Chromium: it renders offline, leads with the conflicts,
and no script from article text runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.model import Brief
from newsprism.report.html import to_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _open(browser, tmp_path: Path, brief: Brief, fragment: str = "", js: bool = True):
    path = tmp_path / "brief.html"
    path.write_text(to_html(brief), encoding="utf-8")
    context = browser.new_context(java_script_enabled=js, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    events: dict[str, list[str]] = {"dialogs": [], "requests": [], "console": []}

    def dismiss(dialog) -> None:
        events["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.on("request", lambda r: events["requests"].append(r.url))
    page.on("console", lambda m: events["console"].append(m.text))
    page.goto(path.as_uri() + fragment)
    page.wait_for_load_state("load")
    return page, events


def test_renders_with_conflicts_visible_and_styled(browser, tmp_path: Path, brief: Brief) -> None:
    page, events = _open(browser, tmp_path, brief)
    conflicts = page.locator("#conflicts")
    assert conflicts.is_visible()
    cards = page.locator("#conflicts article.conflict")
    assert cards.count() == 4
    assert cards.first.is_visible()
    # The inline stylesheet is allowed by the CSP hash: the contradiction border is red.
    colour = cards.first.evaluate("e => getComputedStyle(e).borderLeftColor")
    assert colour == "rgb(198, 40, 40)"
    box = page.locator("#conflicts").bounding_box()
    assert box is not None and box["y"] < 400  # the first thing under the header
    # Only the file itself was loaded; no CSP violation was reported.
    assert all(url.startswith("file://") for url in events["requests"])
    assert not [m for m in events["console"] if "Content Security Policy" in m]
    page.context.close()


def test_citation_opens_the_article_and_its_quote(browser, tmp_path: Path, brief: Brief) -> None:
    page, _ = _open(browser, tmp_path, brief)
    assert not page.locator("#article-2").evaluate("e => e.open")
    page.locator("#quotes a.qtext", has_text="no talk of any cuts").click()
    page.wait_for_function("document.getElementById('article-2').open")
    assert page.locator("#quote-3").is_visible()
    page.context.close()


def test_readable_without_javascript(browser, tmp_path: Path, brief: Brief) -> None:
    page, _ = _open(browser, tmp_path, brief, js=False)
    assert page.locator("#conflicts article.conflict").first.is_visible()
    page.locator("#article-1 > summary").click()
    assert page.locator("#article-1 .text").is_visible()
    page.context.close()


def test_no_script_from_article_text_runs(browser, tmp_path: Path, hostile_brief: Brief) -> None:
    page, events = _open(browser, tmp_path, hostile_brief)
    # Open every article so the hostile text is laid out (an <img> would load and fail now).
    for details in page.locator("details").all():
        details.evaluate("e => e.open = true")
    page.wait_for_timeout(300)
    for link in page.locator("a[href]").all():
        href = link.get_attribute("href") or ""
        assert href.startswith(("#", "http://", "https://")), href
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert events["dialogs"] == []
    assert page.locator("img").count() == 0
    assert "<script>window.__pwned=1</script>" in page.locator("h1").inner_text()
    page.context.close()
