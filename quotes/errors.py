"""The package's exception hierarchy.

Every error ``quotes`` raises derives from :class:`QuotesError`; the
subclasses also inherit the matching built-in so that callers who catch
``ValueError`` or ``ImportError`` keep working (the pattern of attrs and
stanza).  Messages say how to fix the problem, not only what went wrong.
"""

from __future__ import annotations

__all__ = [
    "QuotesError",
    "InputError",
    "DocumentTooLarge",
    "SchemaError",
    "LexiconError",
    "BackendUnavailable",
    "ModelNotFound",
]


class QuotesError(Exception):
    """Base class of every error raised by ``quotes``."""


class InputError(QuotesError, ValueError):
    """An input document is malformed (not JSON, no ``text``, bad date, ...)."""


class DocumentTooLarge(InputError):
    """A document is longer than the configured ``max_chars``."""


class SchemaError(QuotesError, ValueError):
    """A record or data file does not validate against its JSON Schema."""


class LexiconError(SchemaError):
    """A lexicon data file under ``quotes/data`` is missing or malformed."""


class BackendUnavailable(QuotesError, ImportError):
    """An optional backend's dependency is not installed."""


class ModelNotFound(QuotesError, FileNotFoundError):
    """No parser model was found in any of the places ``quotes`` looks."""
