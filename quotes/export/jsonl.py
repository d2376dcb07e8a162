"""JSON lines: one line per document, exactly :func:`quotes.records.to_json`."""

from __future__ import annotations

import json
from typing import Any, TextIO

from quotes.records import DocumentResult, to_json

__all__ = ["JsonlWriter", "dumps"]


def dumps(obj: Any) -> str:
    """One JSON line (no newline) in UTF-8-safe form.

    ``ensure_ascii=False`` keeps Arabic readable; a string holding a lone
    surrogate (legal in JSON input, not encodable as UTF-8) falls back to
    ``\\uXXXX`` escapes so the line can still be written.
    """
    line = json.dumps(obj, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(obj, ensure_ascii=True)
    return line


class JsonlWriter:
    """Writes each :class:`DocumentResult` as one JSON line and flushes it."""

    needs_text = False

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, result: DocumentResult, text: str | None = None) -> None:
        """Write ``to_json(result)`` as one line; ``text`` is not needed."""
        self.stream.write(dumps(to_json(result)) + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Flush; the stream stays open."""
        self.stream.flush()
