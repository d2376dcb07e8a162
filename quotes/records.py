"""The attribution records: frozen attrs classes holding plain values.

One model of an attribution shared by the rule engine, the parser backend,
the CLI and the exports.  Offsets are half-open character offsets into the
original, unnormalized document (``document[start:end] == text``).  The JSON
form (:func:`to_json`) uses the field names of ``GUIDELINES.md`` so that
``score.py`` reads the output directly.
"""

from __future__ import annotations

from typing import Any, Mapping

import attrs

__all__ = [
    "QUOTE_TYPES",
    "SENSES",
    "SPEAKER_KINDS",
    "RESOLUTIONS",
    "OUTLET_RELATIONS",
    "DATE_RESOLUTIONS",
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
    "span_of",
    "to_json",
    "quote_from_json",
]

QUOTE_TYPES = ("direct", "indirect", "mixed", "according_to")
SENSES = (
    "say", "announce", "confirm", "add", "explain", "point", "warn", "deny",
    "claim", "accuse", "demand", "call", "promise", "threaten", "write",
    "tell", "report", "reveal", "ask", "answer", "comment", "admit",
    "consider", "expect", "condemn", "criticize", "describe", "welcome",
    "stress", "according-to", "other",
)
SPEAKER_KINDS = ("person", "organization", "group", "anonymous", "document")
RESOLUTIONS = ("explicit", "dropped-subject", "coreference")
OUTLET_RELATIONS = ("told", "affiliation", "according-to", "interview", "platform")
DATE_RESOLUTIONS = ("explicit", "relative", "document")

_nonneg = attrs.validators.ge(0)


def _in(choices: tuple[str, ...]) -> Any:
    return attrs.validators.in_(choices)


def _opt(validator: Any) -> Any:
    return attrs.validators.optional(validator)


def _str() -> Any:
    return attrs.validators.instance_of(str)


@attrs.frozen
class Span:
    """A half-open span ``[start, end)`` of the original document and its text."""

    text: str = attrs.field(validator=_str())
    start: int = attrs.field(validator=[attrs.validators.instance_of(int), _nonneg])
    end: int = attrs.field(validator=[attrs.validators.instance_of(int), _nonneg])

    def __attrs_post_init__(self) -> None:
        if self.end < self.start or self.end - self.start != len(self.text):
            raise ValueError(
                f"span [{self.start}, {self.end}) does not fit its text of length "
                f"{len(self.text)}; build spans with span_of(document, start, end)"
            )


def span_of(document: str, start: int, end: int) -> Span:
    """The :class:`Span` of ``document[start:end]``."""
    if not 0 <= start <= end <= len(document):
        raise ValueError(f"span [{start}, {end}) lies outside a document of {len(document)} characters")
    return Span(document[start:end], start, end)


@attrs.frozen
class Cue:
    """The token that signals an attribution: a speech verb or a nominal cue."""

    span: Span
    lemma: str = attrs.field(validator=_str())
    sense: str = attrs.field(default="say", validator=_in(SENSES))


@attrs.frozen
class Speaker:
    """Who said it: the mention nearest the cue (or none) and the entity's name."""

    mention: Span | None
    name: str | None = attrs.field(validator=_opt(_str()))
    role: str | None = attrs.field(default=None, validator=_opt(_str()))
    kind: str = attrs.field(default="person", validator=_in(SPEAKER_KINDS))
    resolution: str = attrs.field(default="explicit", validator=_in(RESOLUTIONS))


@attrs.frozen
class Outlet:
    """The news organisation or medium named in the text as the conduit."""

    span: Span
    name: str = attrs.field(validator=_str())
    relation: str = attrs.field(default="told", validator=_in(OUTLET_RELATIONS))


@attrs.frozen
class When:
    """The utterance's time expression and its resolved ISO value."""

    span: Span
    value: str | None = attrs.field(
        validator=_opt(attrs.validators.matches_re(r"\d{4}-\d{2}(-\d{2})?"))
    )
    resolution: str = attrs.field(default="explicit", validator=_in(DATE_RESOLUTIONS))


@attrs.frozen
class Hint:
    """A named check-worthiness signal with the text that triggered it."""

    name: str = attrs.field(validator=_str())
    value: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    evidence: str | None = attrs.field(default=None, validator=_opt(_str()))


@attrs.frozen
class Quote:
    """One attributed content span (the guidelines' record)."""

    id: str = attrs.field(validator=_str())
    type: str = attrs.field(validator=_in(QUOTE_TYPES))
    content: Span
    cue: Cue | None = None
    speaker: Speaker | None = None
    outlet: Outlet | None = None
    date: When | None = None
    confidence: float = attrs.field(
        default=0.5, converter=float, validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)]
    )
    evidence: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    channel: Span | None = None
    checkworthy: tuple[Hint, ...] = attrs.field(default=(), converter=tuple)


@attrs.frozen
class Entity:
    """One speaker entity of a document: canonical name, aliases, mentions."""

    id: str = attrs.field(validator=_str())
    name: str = attrs.field(validator=_str())
    kind: str = attrs.field(default="person", validator=_in(SPEAKER_KINDS))
    role: str | None = attrs.field(default=None, validator=_opt(_str()))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=tuple)


@attrs.frozen
class ErrorInfo:
    """Why a document failed: the error's class name and a message."""

    type: str = attrs.field(validator=_str())
    message: str = attrs.field(validator=_str())
    traceback: str | None = attrs.field(default=None, validator=_opt(_str()))


def _frozen_meta(value: Mapping[str, Any] | None) -> dict[str, Any]:
    return dict(value or {})


@attrs.frozen
class DocumentResult:
    """Everything extracted from one document, or why it failed."""

    doc_id: str | None = attrs.field(default=None, validator=_opt(_str()))
    meta: dict[str, Any] = attrs.field(factory=dict, converter=_frozen_meta)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=tuple)
    speakers: tuple[Entity, ...] = attrs.field(default=(), converter=tuple)
    error: ErrorInfo | None = None

    @property
    def ok(self) -> bool:
        """True when the document was processed without error."""
        return self.error is None


# --- JSON -----------------------------------------------------------------


def _span_json(span: Span | None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = (
        {"text": span.text, "start": span.start, "end": span.end}
        if span is not None
        else {"text": None, "start": None, "end": None}
    )
    out.update(extra)
    return out


def _quote_json(q: Quote) -> dict[str, Any]:
    sp = q.speaker
    return {
        "id": q.id,
        "type": q.type,
        "content": _span_json(q.content),
        "cue": _span_json(q.cue.span, lemma=q.cue.lemma, sense=q.cue.sense) if q.cue else None,
        "speaker": (
            _span_json(sp.mention, name=sp.name, role=sp.role, kind=sp.kind, resolution=sp.resolution)
            if sp
            else None
        ),
        "outlet": _span_json(q.outlet.span, name=q.outlet.name, relation=q.outlet.relation) if q.outlet else None,
        "date": _span_json(q.date.span, value=q.date.value, resolution=q.date.resolution) if q.date else None,
        "channel": _span_json(q.channel) if q.channel else None,
        "confidence": round(q.confidence, 3),
        "evidence": list(q.evidence),
        "checkworthy": {h.name: {"value": h.value, "evidence": h.evidence} for h in q.checkworthy},
    }


def _entity_json(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "role": e.role,
        "aliases": list(e.aliases),
        "mentions": [_span_json(m) for m in e.mentions],
    }


def to_json(record: Any) -> Any:
    """The JSON-ready form (dicts, lists, plain values) of any record.

    The one place records become JSON: every writer (CLI, exports, web
    service) goes through here, so the schemas in ``schemas/`` describe
    every output.
    """
    if isinstance(record, DocumentResult):
        out: dict[str, Any] = {k: v for k, v in record.meta.items() if k not in ("quotes", "text")}
        out["doc_id"] = record.doc_id
        if record.error is not None:
            err = {"type": record.error.type, "message": record.error.message}
            if record.error.traceback:
                err["traceback"] = record.error.traceback
            out["error"] = err
            out["quotes"] = []
            out["speakers"] = []
        else:
            out["error"] = None
            out["quotes"] = [_quote_json(q) for q in record.quotes]
            out["speakers"] = [_entity_json(e) for e in record.speakers]
        return out
    if isinstance(record, Quote):
        return _quote_json(record)
    if isinstance(record, Entity):
        return _entity_json(record)
    if isinstance(record, Span):
        return _span_json(record)
    if isinstance(record, (list, tuple)):
        return [to_json(r) for r in record]
    raise TypeError(f"to_json() takes a quotes record, not {type(record).__name__}")


def _span_from(d: Mapping[str, Any] | None) -> Span | None:
    if not d or d.get("start") is None:
        return None
    return Span(d["text"], d["start"], d["end"])


def quote_from_json(d: Mapping[str, Any]) -> Quote:
    """Rebuild a :class:`Quote` from its JSON form (the inverse of ``to_json``)."""
    content = _span_from(d["content"])
    assert content is not None
    cue = d.get("cue")
    sp = d.get("speaker")
    ol = d.get("outlet")
    dt = d.get("date")
    return Quote(
        id=d["id"],
        type=d["type"],
        content=content,
        cue=Cue(_span_from(cue), cue["lemma"], cue.get("sense", "say")) if cue else None,  # type: ignore[arg-type]
        speaker=(
            Speaker(_span_from(sp), sp.get("name"), sp.get("role"), sp.get("kind", "person"),
                    sp.get("resolution", "explicit"))
            if sp
            else None
        ),
        outlet=Outlet(_span_from(ol), ol["name"], ol.get("relation", "told")) if ol else None,  # type: ignore[arg-type]
        date=When(_span_from(dt), dt.get("value"), dt.get("resolution", "explicit")) if dt else None,  # type: ignore[arg-type]
        confidence=d.get("confidence", 0.5),
        evidence=tuple(d.get("evidence") or ()),
        channel=_span_from(d.get("channel")),
        checkworthy=tuple(
            Hint(k, v["value"], v.get("evidence")) for k, v in (d.get("checkworthy") or {}).items()
        ),
    )
