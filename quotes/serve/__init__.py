"""``quotes serve``: a local web service and review page (the ``serve`` extra).

FastAPI and uvicorn are imported only when a function here is called, so
``import quotes.serve`` works without the extra; calling :func:`create_app`
or :func:`serve` without it raises :class:`~quotes.errors.BackendUnavailable`
saying what to install.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quotes.errors import BackendUnavailable

if TYPE_CHECKING:
    from quotes.extract import Extractor

__all__ = ["create_app", "serve", "DEFAULT_HOST", "DEFAULT_PORT"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def _missing(e: ImportError) -> BackendUnavailable:
    return BackendUnavailable(
        f"quotes serve needs FastAPI and uvicorn ({e.name} is not installed); "
        "install them with: pip install 'quotes[serve]'"
    )


def create_app(extractor: "Extractor | None" = None, max_bytes: int = 1_000_000) -> Any:
    """The FastAPI application (see :func:`quotes.serve.app.create_app`)."""
    try:
        from quotes.serve.app import create_app as _create
    except ImportError as e:
        raise _missing(e) from None
    return _create(extractor, max_bytes)


def serve(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    extractor: "Extractor | None" = None,
    max_bytes: int = 1_000_000,
    log_level: str = "info",
) -> None:
    """Run the service with uvicorn until interrupted (127.0.0.1 only by default).

    Binding another ``host`` (``0.0.0.0``) exposes the extractor to the
    network; the service stores nothing, but anyone who can reach it can
    use it.
    """
    try:
        import uvicorn
    except ImportError as e:
        raise _missing(e) from None
    app = create_app(extractor, max_bytes)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
