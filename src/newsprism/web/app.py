"""The web app: a JSON API for stories, briefs and articles, and server-rendered pages.

Read endpoints are open; write endpoints need ``Authorization: Bearer $NEWSPRISM_TOKEN`` and
are refused (403) when that variable is unset. Errors are JSON ``{"error": {"message": ...}}``.
Nothing from a request names a file: uploads are read in memory, bounded in size and count.
"""

from __future__ import annotations

import hmac
import os
import re
import threading
from collections import OrderedDict
from datetime import date
from functools import cache
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from starlette.datastructures import UploadFile as StarletteUpload
from starlette.exceptions import HTTPException

from newsprism.ingest.readers import decode, is_binary, sniff
from newsprism.model import Brief, RawDocument
from newsprism.report.view import build_view, counted, safe_url
from newsprism.web.backend import Backend, StoryQuery, open_backend

TOKEN_ENV = "NEWSPRISM_TOKEN"
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FILES = 50
MAX_JSON_BYTES = 20 * 1024 * 1024
# Every file at its limit, plus room for the multipart boundaries and headers.
MAX_UPLOAD_BYTES = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024
_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "properties": {
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "text or HTML files",
                        }
                    },
                }
            }
        },
    }
}
_ID = r"^[A-Za-z0-9_.:-]{1,128}$"
_CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


class ApiError(HTTPException):
    """An HTTP error with a message for the JSON body."""


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"message": message, **extra}}, status_code=status)


class ArticleIn(BaseModel):
    """One article to ingest: its text or its HTML, and what is known about it."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, max_length=MAX_FILE_BYTES)
    html: str | None = Field(None, max_length=MAX_FILE_BYTES)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=4000)
    outlet: str | None = Field(None, max_length=300)
    published: date | None = None
    file: str | None = Field(None, max_length=300)

    @model_validator(mode="after")
    def _has_body(self) -> ArticleIn:
        if not (self.text or self.html):
            raise ValueError("each article needs 'text' or 'html'")
        return self


class ArticlesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_FILES)


def require_token(request: Request) -> None:
    expected = os.environ.get(TOKEN_ENV)
    if not expected:
        raise ApiError(403, f"writing is disabled: set {TOKEN_ENV} on the server to enable it")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise ApiError(401, "missing token: send 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(401, "wrong token")


@cache
def page_env() -> Environment:
    env = Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("newsprism.web", "templates"),
                PackageLoader("newsprism.report", "templates"),
            ]
        ),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["safe_url"] = safe_url
    env.filters["counted"] = counted
    return env


def _check_length(request: Request, limit: int, *, required: bool = False) -> None:
    """Refuse a body declared too large before reading any of it."""
    size = request.headers.get("content-length")
    if size is None and required:
        raise ApiError(411, "send the upload with a Content-Length header")
    if size is not None and (not size.isdigit() or int(size) > limit):
        raise ApiError(413, f"request body over {limit // 1_048_576} MB")


async def _bounded_body(request: Request, limit: int) -> bytes:
    """The request body, read until it passes ``limit`` bytes (chunked bodies declare none)."""
    _check_length(request, limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"request body over {limit // 1_048_576} MB")
        chunks.append(chunk)
    return b"".join(chunks)


class RenderedPages:
    """Story pages as rendered from a brief, while the backend hands out that same brief.

    A big story's page takes seconds to lay out; the backend returns one Brief object for
    as long as the story is unchanged, so the object's identity says whether a page is
    still current. Bounded by characters, not pages: one page can be megabytes.
    """

    def __init__(self, max_chars: int = 64 * 1024 * 1024) -> None:
        self.max_chars = max_chars
        self._pages: OrderedDict[str, tuple[Brief, str]] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()

    def get(self, story_id: str, brief: Brief) -> str | None:
        with self._lock:
            found = self._pages.get(story_id)
            if found is None or found[0] is not brief:
                return None
            self._pages.move_to_end(story_id)
            return found[1]

    def put(self, story_id: str, brief: Brief, html: str) -> None:
        with self._lock:
            old = self._pages.pop(story_id, None)
            self._chars -= len(old[1]) if old else 0
            self._pages[story_id] = (brief, html)
            self._chars += len(html)
            while self._chars > self.max_chars and len(self._pages) > 1:
                _, (_, dropped) = self._pages.popitem(last=False)
                self._chars -= len(dropped)


def _safe_name(name: str | None, fallback: str) -> str:
    """A label for an uploaded file: its base name, printable characters only, never a path."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .")[:120]
    return base or fallback


def story_query(
    q: Annotated[str | None, Query(max_length=200, description="words to find")] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[date | None, Query(description="first day, ISO date")] = None,
    until: Annotated[date | None, Query(description="last day, ISO date")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> StoryQuery:
    if since and until and since > until:
        raise ApiError(422, "invalid request: 'since' is after 'until'")
    return StoryQuery(q or None, outlet or None, entity or None, since, until, limit, offset)


def create_app(db_url: str | None = None, *, backend: Backend | None = None) -> FastAPI:
    """The app over the store at ``db_url`` (or over ``backend``, for tests and embedding)."""
    if backend is None:
        if db_url is None:
            raise ValueError("give a database url or a backend")
        backend = open_backend(db_url)
    store: Backend = backend

    app = FastAPI(
        title="newsprism",
        summary="One news story through every source that covers it.",
        version="1",
        docs_url=None,
        redoc_url=None,
    )
    app.mount("/static", StaticFiles(packages=[("newsprism.web", "static")]), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and not isinstance(exc, ApiError):
            message = f"not found: {request.url.path}"
        if exc.status_code == 405:
            message = f"method {request.method} not allowed on {request.url.path}"
        if _wants_html(request):
            return _page(
                request,
                "error.html.j2",
                {"status": exc.status_code, "message": message},
                status=exc.status_code,
            )
        return _error(exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        first = problems[0] if problems else {"where": "", "problem": "invalid request"}
        message = f"invalid request: {first['where']}: {first['problem']}"
        return _error(422, message, problems=problems)

    def _wants_html(request: Request) -> bool:
        return not request.url.path.startswith(("/api", "/openapi")) and "text/html" in (
            request.headers.get("accept", "")
        )

    def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
        html = page_env().get_template(name).render(request=request, **context)
        return HTMLResponse(html, status_code=status)

    # ---- API: read -------------------------------------------------------------------

    @app.get("/api/stories", tags=["stories"])
    def list_stories(query: Annotated[StoryQuery, Depends(story_query)]) -> dict[str, Any]:
        """Stories, newest first; filter by words, outlet, entity and date range."""
        page = store.stories(query)
        return {
            "total": page.total,
            "limit": query.limit,
            "offset": query.offset,
            "items": [r.to_json() for r in page.items],
        }

    def _story_id(story_id: str) -> str:
        if not re.match(_ID, story_id):
            raise ApiError(404, f"no story {story_id!r}")
        return story_id

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def get_story(story_id: str) -> dict[str, Any]:
        row = store.story(_story_id(story_id))
        if row is None:
            raise ApiError(404, f"no story {story_id!r}")
        return row.to_json()

    @app.get(
        "/api/stories/{story_id}/brief",
        tags=["stories"],
        response_class=JSONResponse,
        responses={200: {"description": "The brief (`newsprism schema` prints its schema)."}},
    )
    def get_brief(story_id: str) -> Response:
        """The story's brief in the JSON contract (schema_version 1)."""
        brief = store.brief(_story_id(story_id))
        if brief is None:
            raise ApiError(404, f"no story {story_id!r}")
        # Serialised by pydantic directly: a big brief skips FastAPI's generic encoder.
        return Response(brief.model_dump_json(), media_type="application/json")

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(article_id: str) -> dict[str, Any]:
        """One article with the quotes and claims found in it."""
        detail = store.article(article_id) if re.match(_ID, article_id) else None
        if detail is None:
            raise ApiError(404, f"no article {article_id!r}")
        return {
            "article": detail.article.model_dump(mode="json"),
            "story_id": detail.story_id,
            "quotes": [q.model_dump(mode="json") for q in detail.quotes],
            "claims": [c.model_dump(mode="json") for c in detail.claims],
        }

    # ---- API: write ------------------------------------------------------------------

    @app.post(
        "/api/articles", status_code=201, tags=["articles"], dependencies=[Depends(require_token)]
    )
    async def post_articles(request: Request) -> dict[str, Any]:
        """Ingest articles sent as JSON: ``{"articles": [{"text" or "html", "title", ...}]}``."""
        body = await _bounded_body(request, MAX_JSON_BYTES)
        try:
            payload = ArticlesIn.model_validate_json(body)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            kind = "malformed JSON" if first.get("type") == "json_invalid" else "invalid article"
            status = 400 if first.get("type") == "json_invalid" else 422
            message = f"{kind}: {where}: {first.get('msg', '')}".replace(": :", ":")
            raise ApiError(status, message) from None
        docs = [
            RawDocument(
                source=f"api:{i}",
                file=_safe_name(a.file, f"article-{i}") if a.file else None,
                html=a.html,
                text=None if a.html else a.text,
                url=a.url,
                title=a.title,
                outlet=a.outlet,
                published=a.published,
            )
            for i, a in enumerate(payload.articles)
        ]
        return await run_in_threadpool(_ingest, docs)

    @app.post(
        "/api/articles/upload",
        status_code=201,
        tags=["articles"],
        dependencies=[Depends(require_token)],
        openapi_extra=_UPLOAD_BODY,
    )
    async def upload_articles(request: Request) -> dict[str, Any]:
        """Ingest uploaded files (plain text or HTML), at most 50 of 5 MB each.

        The form is parsed here, not by a declared parameter, so that the token and the
        declared size are checked before a byte of the upload is read or spooled to disk.
        """
        _check_length(request, MAX_UPLOAD_BYTES, required=True)
        try:
            form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES)
        except HTTPException as exc:
            if "too many files" in str(exc.detail).lower():
                raise ApiError(413, f"too many files (at most {MAX_FILES})") from None
            raise ApiError(400, f"malformed upload: {exc.detail}") from None
        try:
            docs, problems = await _read_uploads(form.getlist("files"))
        finally:
            await form.close()
        if not docs:
            raise ApiError(422, "no readable file: " + "; ".join(problems))
        # Extraction, NLP and clustering are slow CPU work: off the event loop, so reads go on.
        result = await run_in_threadpool(_ingest, docs)
        result["problems"] = problems + result["problems"]
        return result

    async def _read_uploads(uploads: list[Any]) -> tuple[list[RawDocument], list[str]]:
        files = [u for u in uploads if isinstance(u, StarletteUpload)]
        if not files:
            raise ApiError(422, "invalid request: send the files as multipart form field 'files'")
        docs: list[RawDocument] = []
        problems: list[str] = []
        for i, upload in enumerate(files):
            name = _safe_name(upload.filename, f"upload-{i}")
            data = await upload.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                raise ApiError(413, f"{name}: file over {MAX_FILE_BYTES // 1_048_576} MB")
            if is_binary(data):
                problems.append(f"{name}: skipped, binary file (not text)")
                continue
            text = decode(data)
            is_html = sniff(data) == "html" or name.lower().endswith((".html", ".htm"))
            docs.append(
                RawDocument(
                    source=f"upload:{name}",
                    file=name,
                    html=text if is_html else None,
                    text=None if is_html else text,
                )
            )
        return docs, problems

    def _ingest(docs: list[RawDocument]) -> dict[str, Any]:
        outcome = store.ingest(docs)
        if not outcome.article_ids:
            raise ApiError(422, "no article could be read: " + "; ".join(outcome.problems))
        return {
            "articles": outcome.article_ids,
            "stories": outcome.story_ids,
            "problems": outcome.problems,
        }

    # ---- pages -----------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def story_list_page(
        request: Request, query: Annotated[StoryQuery, Depends(story_query)]
    ) -> Response:
        page = store.stories(query)
        return _page(request, "stories.html.j2", {"page": page, "query": query})

    rendered = RenderedPages()

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> Response:
        brief = store.brief(_story_id(story_id))
        if brief is None:
            raise ApiError(404, f"no story {story_id!r}")
        html = rendered.get(story_id, brief)
        if html is None:
            from newsprism.web.sentences import claim_sentences

            context = {
                "view": build_view(brief, columns_by="article"),
                "story_id": story_id,
                "sentences": claim_sentences(brief),
            }
            html = page_env().get_template("story.html.j2").render(request=request, **context)
            rendered.put(story_id, brief, html)
        return HTMLResponse(html)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> Response:
        detail = store.article(article_id) if re.match(_ID, article_id) else None
        if detail is None:
            raise ApiError(404, f"no article {article_id!r}")
        return _page(
            request, "article.html.j2", {"d": detail, "link": safe_url(detail.article.url)}
        )

    # The report's own stylesheet and script, served from the one copy the HTML report
    # inlines (and hashes for its CSP), so pages and reports never drift apart.
    @app.get("/report.css", include_in_schema=False)
    def report_stylesheet() -> Response:
        from newsprism.report.html import report_css

        return Response(report_css(), media_type="text/css")

    @app.get("/report.js", include_in_schema=False)
    def report_script() -> Response:
        from newsprism.report.html import report_js

        return Response(report_js(), media_type="text/javascript")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page(request: Request) -> Response:
        """The API reference from the OpenAPI document, rendered here (no CDN)."""
        return _page(request, "docs.html.j2", {"spec": app.openapi()})

    return app
