"""The :class:`Extractor`: configured once, run over many documents."""

from __future__ import annotations

import datetime as _dt
import traceback as _tb
from typing import Any, Iterable, Iterator, Mapping

from quotes.errors import DocumentTooLarge, InputError, QuotesError
from quotes.records import DocumentResult, ErrorInfo

__all__ = ["Extractor", "extract", "DEFAULT_MAX_CHARS", "BACKENDS"]

DEFAULT_MAX_CHARS = 1_000_000
BACKENDS = ("rules", "stanza", "auto")


def _check_date(value: Any, field: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{field!r} must be an ISO date string such as '2019-08-30', not {type(value).__name__}")
    try:
        return _dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise InputError(f"{field!r} is {value!r}; give an ISO date such as '2019-08-30'") from None


class Extractor:
    """Finds attributions in Arabic news text.

    Configure it once (lexicons are loaded and patterns compiled here, and a
    parser backend is chosen here) and call :meth:`extract` for each document.
    """

    def __init__(
        self,
        *,
        backend: str = "rules",
        stanza_dir: str | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        debug: bool = False,
    ) -> None:
        if backend not in BACKENDS:
            raise InputError(f"backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
        self.max_chars = max_chars
        self.debug = debug
        self.backend_name = backend
        self.stanza_dir = stanza_dir
        from quotes.engine import Engine

        self._engine = Engine(backend=backend, stanza_dir=stanza_dir)

    def extract(
        self,
        text: str,
        *,
        published: str | None = None,
        publisher: str | None = None,
        doc_id: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> DocumentResult:
        """Extract every attribution of one document.

        Raises :class:`~quotes.errors.InputError` for input it cannot read
        (``text`` not a string, a malformed ``published`` date, a document over
        ``max_chars``); never for what the text says.
        """
        if not isinstance(text, str):
            raise InputError(f"text must be a string, not {type(text).__name__}")
        if len(text) > self.max_chars:
            raise DocumentTooLarge(
                f"document has {len(text):,} characters, over the limit of {self.max_chars:,}; "
                "split it or raise max_chars (--max-chars)"
            )
        pub = _check_date(published, "published")
        if doc_id is not None and not isinstance(doc_id, str):
            doc_id = str(doc_id)
        quotes, speakers = self._engine.run(text, published=pub, publisher=publisher)
        return DocumentResult(doc_id=doc_id, meta=dict(meta or {}), quotes=quotes, speakers=speakers)

    def extract_record(self, record: Mapping[str, Any]) -> DocumentResult:
        """Extract from one input line (a mapping with ``text`` and optional metadata).

        Never raises for bad input: a document that fails gives a result with
        ``error`` set, so every input gives exactly one output.
        """
        doc_id = record.get("doc_id") if isinstance(record, Mapping) else None
        doc_id = None if doc_id is None else str(doc_id)
        try:
            if not isinstance(record, Mapping):
                raise InputError(f"an input document must be a JSON object, not {type(record).__name__}")
            text = record.get("text")
            if not isinstance(text, str):
                raise InputError("the document has no string 'text' field; every input line needs one")
            meta = {k: v for k, v in record.items() if k not in ("text", "quotes")}
            return self.extract(
                text,
                published=record.get("published"),
                publisher=record.get("publisher"),
                doc_id=doc_id,
                meta=meta,
            )
        except QuotesError as e:
            return DocumentResult(doc_id=doc_id, error=ErrorInfo(type(e).__name__, str(e)))
        except Exception as e:  # an internal error is that document's error, not the run's
            return DocumentResult(
                doc_id=doc_id,
                error=ErrorInfo(
                    "InternalError",
                    f"{type(e).__name__}: {e} (please report this with the document)",
                    _tb.format_exc() if self.debug else None,
                ),
            )

    def extract_many(self, documents: Iterable[str | Mapping[str, Any]]) -> Iterator[DocumentResult]:
        """Extract from each document in turn, yielding results in input order.

        A document is a string (its text) or a mapping like an input line.
        """
        for doc in documents:
            yield self.extract_record({"text": doc} if isinstance(doc, str) else doc)


_default: Extractor | None = None


def extract(
    text: str,
    *,
    published: str | None = None,
    publisher: str | None = None,
    doc_id: str | None = None,
) -> DocumentResult:
    """Extract attributions from one document with a default, rules-only :class:`Extractor`."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text, published=published, publisher=publisher, doc_id=doc_id)
