"""End to end in headless Chromium: a live server on loopback, seeds ingested through the API,
the story page shows every conflict of the brief, links reach an article, no injected script
runs."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from newsprism.web.app import create_app
from tests.report.test_browser import CHROMIUM, CHROMIUM_ARGS
from tests.web.conftest import AUTH, TOKEN, MemoryBackend, seed_files

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    mp = pytest.MonkeyPatch()
    mp.setenv("NEWSPRISM_TOKEN", TOKEN)
    port = _free_port()
    config = uvicorn.Config(
        create_app(backend=MemoryBackend()), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield base
    srv.should_exit = True
    thread.join(5)
    mp.undo()


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 900})
        yield pg
        browser.close()


def _post_files(server: str, files: list[tuple[str, bytes]]) -> dict:
    response = httpx.post(
        f"{server}/api/articles/upload",
        files=[("files", (name, data, "text/plain")) for name, data in files],
        headers=AUTH,
        timeout=120,
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_story_page_shows_every_conflict_and_reaches_articles(server: str, page) -> None:
    result = _post_files(server, [(p.name, p.read_bytes()) for p in seed_files()])
    [story_id] = result["stories"]
    brief = httpx.get(f"{server}/api/stories/{story_id}/brief", timeout=120).json()

    page.goto(server + "/")
    page.locator("a.story-link").first.click()
    page.wait_for_url(f"**/stories/{story_id}")
    assert page.locator("#conflicts").is_visible()
    cards = page.locator("#conflicts article.conflict")
    assert cards.count() == len(brief["conflicts"])
    shown = page.locator("#conflicts").inner_text()
    for conflict in brief["conflicts"]:
        assert " ".join(conflict["a"]["text"].split()) in " ".join(shown.split())
        assert " ".join(conflict["b"]["text"].split()) in " ".join(shown.split())
    if not brief["conflicts"]:
        assert "No conflicts found" in shown

    page.locator("#article-1 > summary").click()
    page.locator("#article-1 a.article-link").click()
    page.wait_for_url("**/articles/*")
    first = brief["articles"][0]
    assert page.locator("h1").inner_text() == (first["title"] or "(untitled)")


def test_link_to_a_folded_section_opens_it(server: str, page) -> None:
    """The report's own script, served at /report.js under the app's CSP, unfolds the
    <details> a #fragment points into, on load and on later hash changes."""
    _post_files(server, [(p.name, p.read_bytes()) for p in seed_files()])
    story_id = httpx.get(f"{server}/api/stories", timeout=120).json()["items"][0]["id"]
    page.goto(f"{server}/stories/{story_id}#article-1")
    page.wait_for_function("document.getElementById('article-1').open")
    assert page.locator("#article-1").evaluate("e => e.open")
    assert not page.locator("#article-2").evaluate("e => e.open")
    page.evaluate("location.hash = 'article-2'")
    page.wait_for_function("document.getElementById('article-2').open")


def test_script_in_ingested_articles_never_runs(server: str, page) -> None:
    evil = '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">'
    dialogs: list[str] = []

    def dismiss(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    response = httpx.post(
        f"{server}/api/articles",
        json={
            "articles": [
                {
                    "title": f"Title {evil}",
                    "text": f"The mayor said {evil} today.",
                    "url": "javascript:window.__pwned=1",
                }
            ]
        },
        headers=AUTH,
        timeout=120,
    )
    assert response.status_code == 201, response.text
    article_id = response.json()["articles"][0]
    [story_id] = response.json()["stories"]
    for path in ("/", f"/stories/{story_id}", f"/articles/{article_id}"):
        page.goto(server + path)
        page.wait_for_load_state("load")
        for details in page.locator("details").all():
            details.evaluate("e => e.open = true")
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("img").count() == 0
    assert dialogs == []
    assert "<script>" in page.locator("h1").inner_text()


def test_screenshot_of_the_story_page(server: str, page, tmp_path: Path) -> None:
    stories = httpx.get(f"{server}/api/stories", timeout=120).json()["items"]
    page.goto(f"{server}/stories/{stories[0]['id']}")
    shot = tmp_path / "story.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
