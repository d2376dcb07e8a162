"""Output formats: one writer class per format, looked up by name.

Every writer has the same small interface (:class:`Writer`)::

    writer = get_writer("csv", stream)      # stream: a text stream the caller owns
    for result, text in results:
        writer.write(result, text)          # text: the document (None if unknown)
    writer.close()                          # flushes; never closes the stream

Writers turn records into JSON through :func:`quotes.records.to_json` only,
so the schemas describe every output.  ``claimreview`` lives in its own
module and is imported only when asked for.
"""

from __future__ import annotations

import importlib
from typing import Callable, Protocol, TextIO

from quotes.errors import QuotesError
from quotes.records import DocumentResult

__all__ = ["Writer", "WriterFactory", "FORMATS", "UnknownFormat", "get_writer"]


class Writer(Protocol):
    """What every output format implements.

    ``needs_text`` (optional, default True) tells callers whether
    :meth:`write` uses the document text, so they can skip carrying it.
    """

    def __init__(self, stream: TextIO) -> None: ...

    def write(self, result: DocumentResult, text: str | None = None) -> None:
        """Write one document's result (its original ``text`` when known)."""

    def close(self) -> None:
        """Finish the output (trailers, flush); the stream stays open."""


WriterFactory = Callable[[TextIO], Writer]


class UnknownFormat(QuotesError, ValueError):
    """An output format name that is not registered, or not available."""


def _lazy(module: str, attr: str) -> WriterFactory:
    def factory(stream: TextIO) -> Writer:
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as e:
            if e.name != module:
                raise
            raise UnknownFormat(
                f"this installation of quotes has no {module} module; "
                "choose another --format (jsonl, csv, tsv)"
            ) from None
        return getattr(mod, attr)(stream)  # type: ignore[no-any-return]

    factory.__name__ = f"{attr}_factory"
    return factory


def _jsonl(stream: TextIO) -> Writer:
    from quotes.export.jsonl import JsonlWriter

    return JsonlWriter(stream)


def _csv(stream: TextIO) -> Writer:
    from quotes.export.tabular import TabularWriter

    return TabularWriter(stream, delimiter=",")


def _tsv(stream: TextIO) -> Writer:
    from quotes.export.tabular import TabularWriter

    return TabularWriter(stream, delimiter="\t")


#: Format name -> writer factory (a callable taking the output stream).
FORMATS: dict[str, WriterFactory] = {
    "jsonl": _jsonl,
    "csv": _csv,
    "tsv": _tsv,
    "claimreview": _lazy("quotes.export.claimreview", "ClaimReviewWriter"),
}


def get_writer(fmt: str, stream: TextIO) -> Writer:
    """A writer of format ``fmt`` onto ``stream``.

    Raises :class:`UnknownFormat` (a ``ValueError``) for an unknown format or
    one whose module is not installed.
    """
    try:
        factory = FORMATS[fmt]
    except KeyError:
        raise UnknownFormat(
            f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}"
        ) from None
    return factory(stream)
