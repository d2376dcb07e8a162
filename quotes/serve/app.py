"""The web service: the extractor behind a local HTTP API and a review page.

``POST /extract`` takes one input line of ``quotes extract`` (a JSON object
with ``text`` and optional ``doc_id``, ``published``, ``publisher``, ``url``)
and returns that document's output line, byte for byte what the CLI would
write.  ``POST /export/{format}`` returns the same document in one of the
CLI's other formats (``csv``, ``tsv``, ``claimreview``, ``jsonl``).  ``GET /``
is the review page.  Nothing is stored: each request is extracted in memory
and forgotten.

Every error is JSON shaped like an error output line,
``{"doc_id": ..., "error": {"type": ..., "message": ...}, "quotes": [], "speakers": []}``:
400 for input the extractor cannot read, 413 over the size limit, 404 for an
unknown route, 500 for an internal error; tracebacks never leave the server.
The page's Content-Security-Policy lets it talk to this server only.
"""

from __future__ import annotations

import io
import json
import logging
import threading
from importlib import resources
from typing import Any, Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from quotes.errors import DocumentTooLarge, SchemaError
from quotes.extract import Extractor
from quotes.records import DocumentResult, ErrorInfo, to_json

__all__ = ["create_app", "DEFAULT_MAX_BYTES", "EXPORT_FORMATS"]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 1_000_000
#: Formats of ``POST /export/{format}`` and the media type of each.
EXPORT_FORMATS = {
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "claimreview": "application/ld+json; charset=utf-8",
}
_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
        "style-src 'self'; script-src 'self'; font-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_STATUS_OF_ERROR = {
    "InputError": 400, "DocumentTooLarge": 413, "InternalError": 500, "LexiconError": 500,
    "SchemaError": 500, "BackendUnavailable": 500, "ModelNotFound": 500,
}


class _TooLarge(Exception):
    pass


def _error_line(error_type: str, message: str, doc_id: str | None = None) -> dict[str, Any]:
    return to_json(DocumentResult(doc_id=doc_id, error=ErrorInfo(error_type, message)))  # type: ignore[no-any-return]


def _json(body: Any, status: int = 200) -> Response:
    """``body`` as one JSON line, written exactly as the CLI writes its output lines."""
    from quotes.export.jsonl import dumps

    return Response(dumps(body) + "\n", status_code=status, media_type="application/json; charset=utf-8")


def _error(status: int, error_type: str, message: str) -> Response:
    return _json(_error_line(error_type, message), status)


def _status(result: DocumentResult) -> int:
    if result.error is None:
        return 200
    return _STATUS_OF_ERROR.get(result.error.type, 400)


def _public(result: DocumentResult) -> dict[str, Any]:
    """The output line, without a traceback even when the extractor is in debug mode."""
    body: dict[str, Any] = to_json(result)
    if isinstance(body.get("error"), dict):
        body["error"].pop("traceback", None)
    return body


async def _read_body(request: Request, max_bytes: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise _TooLarge
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise _TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _parse_line(body: bytes) -> Any:
    """The JSON value of a request body; ValueError with a message when it is not JSON."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"the request body is not UTF-8 ({e}); send the input line as UTF-8 JSON") from None
    if not text.strip():
        raise ValueError('the request body is empty; send one input line such as {"text": "..."}')
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"the request body is not JSON: {e}") from None


def _static_dir() -> str:
    return str(resources.files("quotes") / "serve" / "static")


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        kind = {404: "NotFound", 405: "MethodNotAllowed"}.get(exc.status_code, "HTTPError")
        return _error(exc.status_code, kind, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return _error(400, "InputError", "the request does not match this route's parameters")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return _error(500, "InternalError", f"{type(exc).__name__} (details are in the server log)")


def _add_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in _HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def _export(fmt: str, result: DocumentResult) -> Response:
    from quotes.export import get_writer

    out = io.StringIO()
    writer = get_writer(fmt, out)
    writer.write(result, None)
    writer.close()
    return Response(out.getvalue(), media_type=EXPORT_FORMATS[fmt])


def _add_extract_routes(app: FastAPI, ex: Extractor, max_bytes: int) -> None:
    # Extraction is CPU-bound: run it in a worker thread so the server stays
    # responsive, one document at a time (an Extractor is not shared across threads).
    lock = threading.Lock()

    def run(line: Any) -> DocumentResult:
        with lock:
            return ex.extract_record(line)

    async def extract(request: Request) -> DocumentResult | Response:
        try:
            line = _parse_line(await _read_body(request, max_bytes))
        except _TooLarge:
            return _error(413, DocumentTooLarge.__name__, f"the request is over the limit of {max_bytes:,} bytes")
        except ValueError as e:
            return _error(400, "InputError", str(e))
        return await run_in_threadpool(run, line)

    @app.post("/extract")
    async def extract_route(request: Request) -> Response:
        result = await extract(request)
        if isinstance(result, Response):
            return result
        return _json(_public(result), _status(result))

    @app.post("/export/{fmt}")
    async def export_route(fmt: str, request: Request) -> Response:
        if fmt not in EXPORT_FORMATS:
            return _error(404, "UnknownFormat", f"no export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        result = await extract(request)
        if isinstance(result, Response):
            return result
        if result.error is not None:
            return _json(_public(result), _status(result))
        return _export(fmt, result)


def _add_page_routes(app: FastAPI) -> None:
    @app.get("/schema/{name}")
    async def schema_route(name: str) -> Response:
        from quotes.schemas import load_schema

        try:
            return _json(load_schema(name.removesuffix(".json").removesuffix(".schema")))
        except SchemaError as e:
            return _error(404, "NotFound", str(e))

    @app.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
    async def page() -> HTMLResponse:
        html = (resources.files("quotes") / "serve" / "static" / "index.html").read_text(encoding="utf-8")
        return HTMLResponse(html)


def create_app(extractor: Extractor | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> FastAPI:
    """The FastAPI application around ``extractor`` (a rules-only :class:`Extractor` by default).

    ``max_bytes`` caps a request body; larger requests get 413 before any
    extraction.  The extractor is built once here and shared by requests.
    """
    app = FastAPI(title="quotes", docs_url=None, redoc_url=None, openapi_url=None)
    _add_error_handlers(app)
    _add_headers(app)
    _add_extract_routes(app, extractor if extractor is not None else Extractor(), max_bytes)
    _add_page_routes(app)
    app.mount("/static", StaticFiles(directory=_static_dir()), name="static")
    return app
