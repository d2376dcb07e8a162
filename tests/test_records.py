"""The records: spans slice back, JSON round-trips and validates, validators bite."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes import records as R
from quotes.records import (
    Cue, DocumentResult, Entity, Hint, Outlet, Quote, Span, Speaker, When, quote_from_json, span_of,
    to_json,
)
from quotes.schemas import validate

# --- strategies: records whose spans are drawn from one random document -----

texts = st.text(min_size=1, max_size=80)


@st.composite
def spans(draw: Any, text: str) -> Span:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return span_of(text, start, end)


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


names = st.text(min_size=1, max_size=20)
iso_values = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).flatmap(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7]])
)


@st.composite
def speakers(draw: Any, text: str) -> Speaker:
    mention = draw(_maybe(spans(text)))
    resolution = draw(st.sampled_from(R.RESOLUTIONS))
    return Speaker(mention, draw(_maybe(names)), draw(_maybe(names)),
                   draw(st.sampled_from(R.SPEAKER_KINDS)), resolution)


@st.composite
def quotes_in(draw: Any, text: str) -> Quote:
    return Quote(
        id=draw(st.from_regex(r"q[0-9]{1,3}", fullmatch=True)),
        type=draw(st.sampled_from(R.QUOTE_TYPES)),
        content=draw(spans(text)),
        cue=draw(_maybe(st.builds(Cue, spans(text), names, st.sampled_from(R.SENSES)))),
        speaker=draw(_maybe(speakers(text))),
        outlet=draw(_maybe(st.builds(Outlet, spans(text), names, st.sampled_from(R.OUTLET_RELATIONS)))),
        date=draw(_maybe(st.builds(When, spans(text), _maybe(iso_values), st.sampled_from(R.DATE_RESOLUTIONS)))),
        # JSON keeps three decimals: draw values that survive it exactly
        confidence=draw(st.integers(0, 1000)) / 1000,
        evidence=tuple(draw(st.lists(names, max_size=3))),
        channel=draw(_maybe(spans(text))),
        checkworthy=tuple(
            Hint(k, v, e) for k, (v, e) in
            draw(st.dictionaries(names, st.tuples(st.booleans(), _maybe(names)), max_size=3)).items()
        ),
    )


documents_with_quotes = texts.flatmap(lambda t: st.tuples(st.just(t), st.lists(quotes_in(t), max_size=4)))


def _spans_of(q: Quote) -> list[Span]:
    found = [q.content, q.channel]
    found += [q.cue.span if q.cue else None, q.outlet.span if q.outlet else None]
    found += [q.date.span if q.date else None, q.speaker.mention if q.speaker else None]
    return [s for s in found if s is not None]


@settings(max_examples=100, deadline=None)
@given(documents_with_quotes)
def test_quotes_round_trip_through_json_and_validate(doc: tuple[str, list[Quote]]) -> None:
    text, quotes = doc
    for q in quotes:
        for s in _spans_of(q):
            assert text[s.start:s.end] == s.text
        out = to_json(q)
        validate(out, "quote")
        assert quote_from_json(out) == q


@settings(max_examples=40, deadline=None)
@given(documents_with_quotes)
def test_documents_with_random_quotes_validate_as_output(doc: tuple[str, list[Quote]]) -> None:
    text, quotes = doc
    entity = Entity("e1", "x", mentions=(span_of(text, 0, min(1, len(text))),))
    result = DocumentResult(doc_id="d", meta={"extra": [1, None]}, quotes=quotes, speakers=(entity,))
    out = to_json(result)
    validate(out, "output")
    assert out["extra"] == [1, None] and out["error"] is None
    assert len(out["quotes"]) == len(quotes)


# --- validators ----------------------------------------------------------------

DOC = "قالت الوزارة إن الوضع مستقر"
SPAN = span_of(DOC, 0, 4)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("قالت", 0, 5), ("قالت", 1, 4), ("", 3, 2), ("ab", -1, 1)],
)
def test_span_rejects_text_that_does_not_fit(text: str, start: int, end: int) -> None:
    with pytest.raises(ValueError):
        Span(text, start, end)


def test_span_of_slices_and_refuses_offsets_outside_the_document() -> None:
    assert span_of(DOC, 0, 4) == Span("قالت", 0, 4)
    with pytest.raises(ValueError, match="outside"):
        span_of(DOC, 0, len(DOC) + 1)


@pytest.mark.parametrize(
    "build",
    [
        lambda: Quote(id="q", type="quotation", content=SPAN),
        lambda: Quote(id="q", type="direct", content=SPAN, confidence=1.01),
        lambda: Quote(id="q", type="direct", content=SPAN, confidence=-0.1),
        lambda: Cue(SPAN, "قال", "shout"),
        lambda: Speaker(SPAN, "الوزارة", kind="ministry"),
        lambda: Speaker(SPAN, "الوزارة", resolution="guess"),
        lambda: Outlet(SPAN, "AFP", relation="said"),
        lambda: When(SPAN, "yesterday"),
        lambda: When(SPAN, "2019-08-29", resolution="absolute"),
        lambda: Hint("number", "yes"),  # type: ignore[arg-type]
    ],
    ids=["quote-type", "confidence-high", "confidence-low", "cue-sense", "speaker-kind",
         "speaker-resolution", "outlet-relation", "date-value", "date-resolution", "hint-value"],
)
def test_validators_reject_bad_values(build: Callable[[], Any]) -> None:
    with pytest.raises((ValueError, TypeError)):
        build()


@pytest.mark.parametrize(
    "build",
    [
        lambda: Quote(id="q", type="according_to", content=SPAN, confidence=1),
        lambda: Cue(SPAN, "قال", "deny"),
        lambda: Speaker(None, None, kind="anonymous", resolution="coreference"),
        lambda: Outlet(SPAN, "Twitter", relation="platform"),
        lambda: When(SPAN, "2019-08", resolution="document"),
        lambda: When(SPAN, None),
    ],
)
def test_their_good_twins_are_accepted(build: Callable[[], Any]) -> None:
    assert attrs.has(type(build()))


def test_records_are_frozen() -> None:
    q = Quote(id="q", type="direct", content=SPAN)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        q.type = "indirect"  # type: ignore[misc]
