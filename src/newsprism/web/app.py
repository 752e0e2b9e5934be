"""The web app: a JSON API for stories, briefs and articles, and server-rendered pages.

Read endpoints are open; write endpoints need ``Authorization: Bearer $NEWSPRISM_TOKEN`` and
are refused (403) when that variable is unset. Errors are JSON ``{"error": {"message": ...}}``.
Nothing from a request names a file: uploads are read in memory, bounded in size and count.
"""

from __future__ import annotations

import hmac
import os
import re
from datetime import date
from functools import cache
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from starlette.exceptions import HTTPException

from newsprism.ingest.readers import decode, is_binary, sniff
from newsprism.model import RawDocument
from newsprism.report.view import build_view, safe_url
from newsprism.web.backend import Backend, StoryQuery, open_backend

TOKEN_ENV = "NEWSPRISM_TOKEN"
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FILES = 50
MAX_JSON_BYTES = 20 * 1024 * 1024
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
    return env


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
            "items": [_row_json(r) for r in page.items],
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
        return _row_json(row)

    @app.get("/api/stories/{story_id}/brief", tags=["stories"])
    def get_brief(story_id: str) -> dict[str, Any]:
        """The story's brief in the JSON contract (schema_version 1)."""
        brief = store.brief(_story_id(story_id))
        if brief is None:
            raise ApiError(404, f"no story {story_id!r}")
        return brief.model_dump(mode="json")

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
        size = request.headers.get("content-length")
        if size and size.isdigit() and int(size) > MAX_JSON_BYTES:
            raise ApiError(413, f"request body over {MAX_JSON_BYTES // 1_048_576} MB")
        body = await request.body()
        if len(body) > MAX_JSON_BYTES:
            raise ApiError(413, f"request body over {MAX_JSON_BYTES // 1_048_576} MB")
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
    )
    async def upload_articles(
        request: Request, files: Annotated[list[UploadFile], File(description="text or HTML")]
    ) -> dict[str, Any]:
        """Ingest uploaded files (plain text or HTML), at most 50 of 5 MB each."""
        if len(files) > MAX_FILES:
            raise ApiError(413, f"too many files: {len(files)} (at most {MAX_FILES})")
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
        if not docs:
            raise ApiError(422, "no readable file: " + "; ".join(problems))
        # Extraction, NLP and clustering are slow CPU work: off the event loop, so reads go on.
        result = await run_in_threadpool(_ingest, docs)
        result["problems"] = problems + result["problems"]
        return result

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

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> Response:
        brief = store.brief(_story_id(story_id))
        if brief is None:
            raise ApiError(404, f"no story {story_id!r}")
        view = build_view(brief, columns_by="article")
        from newsprism.web.sentences import claim_sentences

        sentences = claim_sentences(brief)
        return _page(
            request, "story.html.j2", {"view": view, "story_id": story_id, "sentences": sentences}
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> Response:
        detail = store.article(article_id) if re.match(_ID, article_id) else None
        if detail is None:
            raise ApiError(404, f"no article {article_id!r}")
        return _page(
            request, "article.html.j2", {"d": detail, "link": safe_url(detail.article.url)}
        )

    @app.get("/report.css", include_in_schema=False)
    def report_stylesheet() -> Response:
        from newsprism.report.html import report_css

        return Response(report_css(), media_type="text/css")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page(request: Request) -> Response:
        """The API reference from the OpenAPI document, rendered here (no CDN)."""
        return _page(request, "docs.html.j2", {"spec": app.openapi()})

    return app


def _row_json(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "headline": row.headline,
        "outlets": row.outlets,
        "size": row.size,
        "first_seen": row.first_seen.isoformat() if row.first_seen else None,
        "last_seen": row.last_seen.isoformat() if row.last_seen else None,
        "updated": row.updated,
    }
