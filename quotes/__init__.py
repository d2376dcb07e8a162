"""quotes: find who said what, through which outlet and when, in Arabic news.

The library API::

    import quotes
    result = quotes.extract(text, published="2019-08-30")
    for q in result.quotes:
        print(q.type, q.speaker.name if q.speaker else None, q.content.text)

An :class:`Extractor` is configured once (lexicons, backend) and reused for
many documents; ``extract_many`` streams results in input order.
"""

from __future__ import annotations

from quotes.errors import (
    BackendUnavailable,
    DocumentTooLarge,
    InputError,
    LexiconError,
    ModelNotFound,
    QuotesError,
    SchemaError,
)
from quotes.extract import Extractor, extract
from quotes.records import (
    Cue,
    DocumentResult,
    Entity,
    ErrorInfo,
    Hint,
    Outlet,
    Quote,
    Span,
    Speaker,
    When,
    to_json,
)

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "extract",
    "Extractor",
    "to_json",
    "Span",
    "Cue",
    "Speaker",
    "Outlet",
    "When",
    "Hint",
    "Quote",
    "Entity",
    "ErrorInfo",
    "DocumentResult",
    "QuotesError",
    "InputError",
    "DocumentTooLarge",
    "SchemaError",
    "LexiconError",
    "BackendUnavailable",
    "ModelNotFound",
]
