"""The HTTP API over an in-memory store: ingest, read, and clear JSON errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsprism.model import Brief
from newsprism.report.jsonout import validate_brief_json
from newsprism.web.app import RenderedPages
from newsprism.web.backend import Backend
from tests.web.conftest import AUTH, TOKEN, MemoryBackend, seed_files, stored_articles


def _upload_seeds(client: TestClient) -> dict:
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in seed_files()]
    response = client.post("/api/articles/upload", files=files, headers=AUTH)
    assert response.status_code == 201, response.text
    return response.json()


def test_ingest_seeds_and_read_the_story_brief(client: TestClient) -> None:
    result = _upload_seeds(client)
    assert len(result["articles"]) == 5
    [story_id] = result["stories"]
    listing = client.get("/api/stories").json()
    assert listing["total"] == 1 and listing["limit"] == 20 and listing["offset"] == 0
    assert listing["items"][0]["id"] == story_id
    assert listing["items"][0]["size"] == 5
    assert "1 story, showing 1–1" in client.get("/").text  # singular on the stories page
    brief = client.get(f"/api/stories/{story_id}/brief").json()
    validate_brief_json(brief)
    assert {a["file"] for a in brief["articles"]} == {p.name for p in seed_files()}
    article = client.get(f"/api/articles/{result['articles'][0]}").json()
    assert article["story_id"] == story_id
    assert article["article"]["text"]
    assert all(q["article_id"] == article["article"]["id"] for q in article["quotes"])


def test_ingest_json_articles_and_search(client: TestClient) -> None:
    body = {
        "articles": [
            {
                "text": "The ministry said on Monday that the bridge would reopen in May.",
                "title": "Bridge to reopen",
                "outlet": "Daily Example",
                "url": "https://example.org/bridge",
            }
        ]
    }
    response = client.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    assert client.get("/api/stories", params={"q": "bridge"}).json()["total"] == 1
    assert client.get("/api/stories", params={"q": "volcano"}).json()["total"] == 0
    assert client.get("/api/stories", params={"outlet": "Daily Example"}).json()["total"] == 1


@pytest.mark.parametrize(
    ("headers", "status", "words"),
    [({}, 401, "missing token"), ({"Authorization": "Bearer nope"}, 401, "wrong token")],
)
def test_writes_need_the_token(
    client: TestClient, backend: Backend, headers: dict, status: int, words: str
) -> None:
    response = client.post("/api/articles", json={"articles": [{"text": "x"}]}, headers=headers)
    assert response.status_code == status
    assert words in response.json()["error"]["message"]
    assert stored_articles(backend) == 0


def test_writes_disabled_without_server_token(
    backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsprism.web.app import create_app

    monkeypatch.delenv("NEWSPRISM_TOKEN", raising=False)
    client = TestClient(create_app(backend=backend))
    response = client.post("/api/articles", json={"articles": [{"text": "x"}]}, headers=AUTH)
    assert response.status_code == 403
    assert "NEWSPRISM_TOKEN" in response.json()["error"]["message"]
    assert client.get("/api/stories").status_code == 200  # reading stays open


def test_malformed_json_is_a_clear_400(client: TestClient, backend: Backend) -> None:
    response = client.post(
        "/api/articles",
        content=b'{"articles": [',
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("malformed JSON")
    assert stored_articles(backend) == 0


@pytest.mark.parametrize(
    "body",
    [{"articles": []}, {"articles": [{"title": "no text"}]}, {"stuff": 1}, [1, 2]],
)
def test_invalid_articles_are_422(client: TestClient, backend: Backend, body: object) -> None:
    response = client.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 422
    assert response.json()["error"]["message"]
    assert stored_articles(backend) == 0


def test_huge_and_too_many_uploads_refused(client: TestClient, backend: Backend) -> None:
    big = b"word " * (1_100_000)
    response = client.post(
        "/api/articles/upload", files=[("files", ("big.txt", big, "text/plain"))], headers=AUTH
    )
    assert response.status_code == 413
    assert "over 5 MB" in response.json()["error"]["message"]
    many = [("files", (f"{i}.txt", b"A sentence.", "text/plain")) for i in range(51)]
    response = client.post("/api/articles/upload", files=many, headers=AUTH)
    assert response.status_code == 413
    assert "too many files" in response.json()["error"]["message"]
    assert stored_articles(backend) == 0


def test_upload_names_never_reach_the_file_system(client: TestClient) -> None:
    files = [("files", ("../../etc/passwd", b"The mayor said the road is open.", "text/plain"))]
    response = client.post("/api/articles/upload", files=files, headers=AUTH)
    assert response.status_code == 201
    article = client.get(f"/api/articles/{response.json()['articles'][0]}").json()["article"]
    assert article["file"] == "passwd"


def test_binary_upload_is_refused(client: TestClient, backend: Backend) -> None:
    files = [("files", ("x.bin", b"\x00\x01\x02" * 100, "application/octet-stream"))]
    response = client.post("/api/articles/upload", files=files, headers=AUTH)
    assert response.status_code == 422
    assert "binary" in response.json()["error"]["message"]
    assert stored_articles(backend) == 0


@pytest.mark.parametrize(
    "path",
    [
        "/api/stories/s-unknown",
        "/api/stories/s-unknown/brief",
        "/api/articles/a-nope",
        "/api/articles/..%2F..%2Fetc",
        "/api/nothing",
    ],
)
def test_unknown_ids_are_404_json(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["error"]["message"]


def test_bad_query_parameters(client: TestClient) -> None:
    response = client.get("/api/stories", params={"limit": 0})
    assert response.status_code == 422
    assert "limit" in response.json()["error"]["message"]
    response = client.get("/api/stories", params={"since": "2019-06-05", "until": "2019-06-01"})
    assert response.status_code == 422
    response = client.get("/api/stories", params={"since": "yesterday"})
    assert response.status_code == 422


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}/brief", "/api/articles"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/stories" in docs.text
    assert "cdn" not in docs.text.lower()
    assert "default-src 'none'" in docs.headers["content-security-policy"]


def test_upload_limits_hold_before_the_body_is_read(client: TestClient, backend: Backend) -> None:
    files = [("files", ("a.txt", b"The mayor said the road is open.", "text/plain"))]
    assert client.post("/api/articles/upload", files=files).status_code == 401
    declared = {**AUTH, "Content-Type": "multipart/form-data; boundary=x"}
    response = client.post(
        "/api/articles/upload", content=b"--x--", headers={**declared, "Content-Length": str(10**9)}
    )
    assert response.status_code == 413
    response = client.post("/api/articles/upload", files={"other": "field"}, headers=AUTH)
    assert response.status_code == 422 and "'files'" in response.json()["error"]["message"]

    def chunks():  # no Content-Length: the JSON body is counted as it arrives
        yield b'{"articles": [{"text": "'
        for _ in range(21):
            yield b"a" * 1_048_576
        yield b'"}]}'

    response = client.post(
        "/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 413 and "over 20 MB" in response.json()["error"]["message"]
    assert stored_articles(backend) == 0


def test_reads_are_served_while_an_upload_is_ingested(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest runs in a worker thread: the event loop answers a read meanwhile."""
    import asyncio
    import threading

    import httpx

    from newsprism.model import RawDocument
    from newsprism.web.app import create_app
    from newsprism.web.backend import IngestOutcome, StoryPage, StoryQuery
    from tests.web.conftest import TOKEN, MemoryBackend

    class SlowIngest(MemoryBackend):
        def __init__(self) -> None:
            super().__init__()
            self.ingest_started = threading.Event()
            self.read_served = threading.Event()
            self.read_seen_during_ingest = False

        def ingest(self, documents: list[RawDocument]) -> IngestOutcome:
            self.ingest_started.set()
            self.read_seen_during_ingest = self.read_served.wait(timeout=5)
            return super().ingest(documents)

        def stories(self, query: StoryQuery) -> StoryPage:
            self.read_served.set()
            return super().stories(query)

    monkeypatch.setenv("NEWSPRISM_TOKEN", TOKEN)
    backend = SlowIngest()
    transport = httpx.ASGITransport(app=create_app(backend=backend))

    async def both() -> tuple[int, int]:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:

            async def read_once_ingest_runs() -> httpx.Response:
                while not backend.ingest_started.is_set():
                    await asyncio.sleep(0.01)
                return await c.get("/api/stories")

            files = [("files", ("a.txt", b"The mayor said the road is open.", "text/plain"))]
            upload = c.post("/api/articles/upload", files=files, headers=AUTH)
            up, rd = await asyncio.gather(upload, read_once_ingest_runs())
            return up.status_code, rd.status_code

    assert asyncio.run(both()) == (201, 200)
    assert backend.read_seen_during_ingest


_ONE_FILE = (
    b"--x\r\n"
    b'Content-Disposition: form-data; name="files"; filename="a.txt"\r\n'
    b"Content-Type: text/plain\r\n\r\n"
    b"The mayor said the road is open again after the floods.\r\n"
    b"--x--\r\n"
)


def test_upload_without_content_length_is_411(client: TestClient, backend: Backend) -> None:
    """A chunked upload declares no size, so it is refused before a byte is read."""
    headers = {**AUTH, "Content-Type": "multipart/form-data; boundary=x"}
    response = client.post("/api/articles/upload", content=iter([_ONE_FILE]), headers=headers)
    assert response.status_code == 411
    assert "Content-Length" in response.json()["error"]["message"]
    assert stored_articles(backend) == 0
    # The same body with its length declared is a good upload.
    response = client.post("/api/articles/upload", content=_ONE_FILE, headers=headers)
    assert response.status_code == 201, response.text
    assert stored_articles(backend) == 1


def _brief_stub() -> Brief:
    """A stand-in brief: the page cache only compares briefs by identity."""
    return Brief.model_construct()


def test_rendered_pages_serve_a_page_only_for_the_brief_it_was_rendered_from() -> None:
    pages = RenderedPages()
    brief = _brief_stub()
    assert pages.get("s-1", brief) is None
    pages.put("s-1", brief, "<p>one</p>")
    assert pages.get("s-1", brief) == "<p>one</p>"
    assert pages.get("s-1", _brief_stub()) is None  # a rebuilt brief, even if equal
    assert pages.get("s-2", brief) is None


def test_rendered_pages_evict_the_least_recently_read_by_size() -> None:
    pages = RenderedPages(max_chars=10)
    a, b, c = _brief_stub(), _brief_stub(), _brief_stub()
    pages.put("a", a, "aaaa")
    pages.put("b", b, "bbbb")
    assert pages.get("a", a) == "aaaa"  # read: now the most recent
    pages.put("c", c, "cccc")  # 12 characters: the least recently read goes
    assert pages.get("b", b) is None
    assert pages.get("a", a) == "aaaa" and pages.get("c", c) == "cccc"
    # Replacing a page counts its characters once.
    pages.put("a", a, "aaaaaa")
    pages.put("a", a, "aaaaaa")
    assert pages.get("a", a) == "aaaaaa"
    assert pages.get("c", c) == "cccc"  # 6 + 4 characters: both fit
    # A page bigger than the whole budget is still kept, on its own.
    pages.put("huge", a, "h" * 50)
    assert pages.get("huge", a) == "h" * 50
    assert pages.get("a", a) is None and pages.get("c", c) is None


def test_story_page_is_rendered_once_per_brief(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.web.app as web_app

    renders: list[str] = []
    real_view = web_app.build_view

    def counting_view(brief: Brief, **kwargs: object) -> object:
        renders.append(brief.story.headline)
        return real_view(brief, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(web_app, "build_view", counting_view)
    monkeypatch.setenv("NEWSPRISM_TOKEN", TOKEN)
    backend = MemoryBackend()
    with TestClient(web_app.create_app(backend=backend)) as client:
        article = {
            "text": "Mayor Ann Lee said the bridge would reopen on Monday.",
            "title": "Bridge",
        }
        assert client.post("/api/articles", json={"articles": [article]}, headers=AUTH).is_success
        first = client.get(f"/stories/{backend.story_id}")
        again = client.get(f"/stories/{backend.story_id}")
        assert first.status_code == again.status_code == 200
        assert again.text == first.text and len(renders) == 1
        more = {"text": "The council said the bridge repairs cost 2 million dollars."}
        assert client.post("/api/articles", json={"articles": [more]}, headers=AUTH).is_success
        changed = client.get(f"/stories/{backend.story_id}")
        assert changed.status_code == 200 and len(renders) == 2
        assert "2 million" in changed.text and "2 million" not in first.text
