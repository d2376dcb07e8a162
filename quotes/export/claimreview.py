"""ClaimReview export: one schema.org JSON-LD object per attribution.

Fact-checkers publish their verdicts as schema.org ``ClaimReview`` markup
(https://schema.org/ClaimReview; Google's "Fact check (ClaimReview)
structured data" guide).  Each attribution becomes the ``Claim`` such a
review is about (``itemReviewed``): its text, its author (the speaker) and
where it appeared (the news article), wrapped in a ``ClaimReview`` skeleton
whose verdict fields (``reviewRating``, ``author``, ``datePublished``,
``url``) are left for the fact-checker.  Everything else ``quotes`` knows
(type, cue, outlet, offsets, confidence, check-worthiness) goes under one
extension key, :data:`EXTENSION_KEY`, which JSON-LD consumers ignore.

Every line validates against ``schemas/claimreview.schema.json``.
"""

from __future__ import annotations

from typing import Any, TextIO

from quotes.checkworthy import checkworthiness, hints_for
from quotes.export.jsonl import dumps
from quotes.records import DocumentResult, Quote, to_json

__all__ = ["EXTENSION_KEY", "claimreview", "ClaimReviewWriter"]

#: The one key that holds the extraction details of a ClaimReview line.
EXTENSION_KEY = "quotes:extraction"

# schema.org author types by speaker kind: a person (named or not) is a
# Person; a body, a group and a document issued by a body are Organizations.
_AUTHOR_TYPES = {
    "person": "Person",
    "anonymous": "Person",
    "organization": "Organization",
    "group": "Organization",
    "document": "Organization",
}


def _author(quote: Quote) -> dict[str, Any] | None:
    sp = quote.speaker
    if sp is None or not sp.name:
        return None
    kind = _AUTHOR_TYPES[sp.kind]
    author: dict[str, Any] = {"@type": kind, "name": sp.name}
    if kind == "Person" and sp.role:
        author["jobTitle"] = sp.role
    return author


def _meta_str(result: DocumentResult, key: str) -> str | None:
    value = result.meta.get(key)
    return value if isinstance(value, str) and value else None


def _appearance(result: DocumentResult) -> dict[str, Any]:
    publisher = _meta_str(result, "publisher")
    return {
        "@type": "NewsArticle",
        "url": _meta_str(result, "url"),
        "headline": _meta_str(result, "title"),
        "publisher": {"@type": "Organization", "name": publisher} if publisher else None,
        "datePublished": _meta_str(result, "published"),
    }


def _claim_date(quote: Quote, result: DocumentResult) -> tuple[str | None, str | None]:
    """The claim's date and where it came from: the utterance, else the document."""
    if quote.date is not None and quote.date.value:
        return quote.date.value, "utterance"
    published = _meta_str(result, "published")
    if published:
        return published[:10], "document"
    return None, None


def _extension(quote: Quote, result: DocumentResult, date_source: str | None) -> dict[str, Any]:
    record = to_json(quote)
    record["checkworthy"] = {h.name: {"value": h.value, "evidence": h.evidence} for h in hints_for(quote)}
    return {
        "doc_id": result.doc_id,
        "date_source": date_source,
        "checkworthiness": checkworthiness(quote),
        "record": record,
    }


def claimreview(quote: Quote, result: DocumentResult) -> dict[str, Any]:
    """The ClaimReview JSON-LD object of one attribution of ``result``.

    The claim's ``datePublished`` is the utterance's resolved date when the
    text gives one, else the document's publication date; the extension's
    ``date_source`` (``utterance``, ``document`` or null) says which.
    Check-worthiness hints are computed when the record has none.
    """
    date, date_source = _claim_date(quote, result)
    claim = {
        "@type": "Claim",
        "text": quote.content.text,
        "author": _author(quote),
        "datePublished": date,
        "appearance": _appearance(result),
        "inLanguage": "ar",
    }
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": quote.content.text,
        "itemReviewed": claim,
        # Left for the fact-checker: the verdict, who gives it, when and where.
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": None,
            "bestRating": None,
            "worstRating": None,
            "alternateName": None,
        },
        "author": None,
        "datePublished": None,
        "url": None,
        EXTENSION_KEY: _extension(quote, result, date_source),
    }


class ClaimReviewWriter:
    """Writes one ClaimReview JSON-LD line per attribution (format ``claimreview``).

    A document with no attribution, or one that failed, writes nothing: a
    ClaimReview is about a claim, and there is none to review.
    """

    needs_text = False

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, result: DocumentResult, text: str | None = None) -> None:
        """Write the ClaimReview lines of one document's attributions, then flush."""
        for quote in result.quotes:
            self.stream.write(dumps(claimreview(quote, result)) + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Flush; the stream stays open (its owner closes it)."""
        self.stream.flush()
