"""CSV and TSV: one row per attribution, for spreadsheets.

A document with no attribution gives no row; a failed document gives one
row with only ``doc_id`` and ``error`` filled.  Offsets are character
offsets into the original document, as in the JSON output.
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

from quotes.records import DocumentResult, Quote

__all__ = ["COLUMNS", "TabularWriter", "quote_row"]

COLUMNS = (
    "doc_id", "quote_id", "type", "speaker_name", "speaker_role", "speaker_kind",
    "cue_text", "cue_lemma", "content_text", "outlet_name", "date_value", "date_text",
    "confidence", "content_start", "content_end", "error",
)


def quote_row(doc_id: str | None, q: Quote) -> list[Any]:
    """The row of one attribution, in :data:`COLUMNS` order."""
    sp, cue, ol, dt = q.speaker, q.cue, q.outlet, q.date
    return [
        doc_id or "", q.id, q.type,
        sp.name if sp else "", (sp.role or "") if sp else "", sp.kind if sp else "",
        cue.span.text if cue else "", cue.lemma if cue else "",
        q.content.text,
        ol.name if ol else "",
        (dt.value or "") if dt else "", dt.span.text if dt else "",
        f"{q.confidence:.3f}", q.content.start, q.content.end, "",
    ]


def _error_row(result: DocumentResult) -> list[Any]:
    assert result.error is not None
    where = f"line {result.meta['line']}: " if "line" in result.meta else ""
    message = f"{where}{result.error.type}: {result.error.message}"
    return [result.doc_id or ""] + [""] * (len(COLUMNS) - 2) + [message]


def _encodable(row: list[Any]) -> list[Any]:
    return [
        v.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(v, str) else v
        for v in row
    ]


class TabularWriter:
    """One row per attribution, header once, through the :mod:`csv` module."""

    needs_text = False

    def __init__(self, stream: TextIO, *, delimiter: str = ",") -> None:
        self.stream = stream
        self._csv = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
        self._header_done = False

    def _row(self, row: list[Any]) -> None:
        if not self._header_done:
            self._csv.writerow(COLUMNS)
            self._header_done = True
        try:
            self._csv.writerow(row)
        except UnicodeEncodeError:  # a lone surrogate from the JSON input
            self._csv.writerow(_encodable(row))

    def write(self, result: DocumentResult, text: str | None = None) -> None:
        """Write the rows of one document and flush."""
        if result.error is not None:
            self._row(_error_row(result))
        else:
            for q in result.quotes:
                self._row(quote_row(result.doc_id, q))
        self.stream.flush()

    def close(self) -> None:
        """Write the header if nothing was written, and flush."""
        if not self._header_done:
            self._csv.writerow(COLUMNS)
            self._header_done = True
        self.stream.flush()
