"""ClaimReview export: exact objects for hand-made records, and every corpus line validates."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from conftest import shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.export import get_writer
from quotes.export.claimreview import EXTENSION_KEY, ClaimReviewWriter, claimreview
from quotes.records import (
    Cue, DocumentResult, ErrorInfo, Hint, Outlet, Quote, Span, Speaker, When, span_of, to_json,
)
from quotes.schemas import iter_errors, validate


DOC = (
    "وقال وزير الخارجية سيرغي لافروف لوكالة رويترز يوم الخميس إن الهدنة ستبدأ غدا. "
    "وذكرت الأمم المتحدة أن 500 شخص نزحوا بسبب القصف."
)
META = {"published": "2019-08-30", "publisher": "BBC Arabic", "url": "https://example.org/a", "title": "هدنة"}


def _span(text: str) -> Span:
    start = DOC.index(text)
    return span_of(DOC, start, start + len(text))


def _person_quote() -> Quote:
    return Quote(
        id="q1",
        type="indirect",
        content=_span("الهدنة ستبدأ غدا"),
        cue=Cue(_span("وقال"), "قال", "say"),
        speaker=Speaker(_span("سيرغي لافروف"), "سيرغي لافروف", "وزير الخارجية", "person", "explicit"),
        outlet=Outlet(_span("لوكالة رويترز"), "Reuters", "told"),
        date=When(_span("يوم الخميس"), "2019-08-29", "relative"),
        confidence=0.9,
        evidence=("vso", "inna"),
    )


def _org_quote() -> Quote:
    return Quote(
        id="q2",
        type="indirect",
        content=_span("500 شخص نزحوا بسبب القصف"),
        cue=Cue(_span("وذكرت"), "ذكر", "report"),
        speaker=Speaker(_span("الأمم المتحدة"), "الأمم المتحدة", "هيئة دولية", "organization", "explicit"),
        confidence=0.7,
    )


def _result(*quotes: Quote, meta: dict[str, Any] | None = None) -> DocumentResult:
    return DocumentResult(doc_id="d1", meta=META if meta is None else meta, quotes=quotes)


def _hints(**on: str) -> dict[str, dict[str, Any]]:
    names = ("number", "comparison", "causal", "prediction", "accusation_or_denial", "official_speaker")
    return {n: {"value": n in on, "evidence": on.get(n)} for n in names}


def test_a_person_quote_exports_exactly() -> None:
    q = _person_quote()
    record = to_json(q)
    record["checkworthy"] = _hints(prediction="ستبدأ", official_speaker="وزير")
    assert claimreview(q, _result(q)) == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": "الهدنة ستبدأ غدا",
        "itemReviewed": {
            "@type": "Claim",
            "text": "الهدنة ستبدأ غدا",
            "author": {"@type": "Person", "name": "سيرغي لافروف", "jobTitle": "وزير الخارجية"},
            "datePublished": "2019-08-29",
            "appearance": {
                "@type": "NewsArticle",
                "url": "https://example.org/a",
                "headline": "هدنة",
                "publisher": {"@type": "Organization", "name": "BBC Arabic"},
                "datePublished": "2019-08-30",
            },
            "inLanguage": "ar",
        },
        "reviewRating": {
            "@type": "Rating", "ratingValue": None, "bestRating": None, "worstRating": None, "alternateName": None,
        },
        "author": None,
        "datePublished": None,
        "url": None,
        EXTENSION_KEY: {"doc_id": "d1", "date_source": "utterance", "checkworthiness": 2, "record": record},
    }


def test_an_organization_has_no_job_title_and_the_document_date_is_flagged() -> None:
    q = _org_quote()
    out = claimreview(q, _result(q))
    assert out["itemReviewed"]["author"] == {"@type": "Organization", "name": "الأمم المتحدة"}
    assert out["itemReviewed"]["datePublished"] == "2019-08-30"
    ext = out[EXTENSION_KEY]
    assert ext["date_source"] == "document"
    assert ext["record"]["checkworthy"] == _hints(number="500", causal="بسبب", official_speaker="الأمم المتحدة")
    assert ext["checkworthiness"] == 3


def test_no_speaker_no_dates_no_metadata() -> None:
    q = Quote(id="q3", type="according_to", content=_span("500 شخص نزحوا"))
    out = claimreview(q, _result(q, meta={}))
    claim = out["itemReviewed"]
    assert claim["author"] is None
    assert claim["datePublished"] is None
    assert claim["appearance"] == {
        "@type": "NewsArticle", "url": None, "headline": None, "publisher": None, "datePublished": None,
    }
    assert out[EXTENSION_KEY]["date_source"] is None
    validate(out, "claimreview")


def test_a_month_only_utterance_date_is_kept() -> None:
    q = Quote(id="q4", type="indirect", content=_span("الهدنة ستبدأ غدا"),
              date=When(_span("يوم الخميس"), "2019-08", "explicit"))
    out = claimreview(q, _result(q))
    assert (out["itemReviewed"]["datePublished"], out[EXTENSION_KEY]["date_source"]) == ("2019-08", "utterance")


def test_a_records_own_hints_are_exported_unchanged() -> None:
    names = ("number", "comparison", "causal", "prediction", "accusation_or_denial", "official_speaker")
    own = tuple(Hint(n, n == "causal", "x" if n == "causal" else None) for n in names)
    q = Quote(id="q5", type="direct", content=_span("الهدنة ستبدأ غدا"), checkworthy=own)
    ext = claimreview(q, _result(q))[EXTENSION_KEY]
    assert ext["record"]["checkworthy"] == _hints(causal="x")
    assert ext["checkworthiness"] == 1


@pytest.mark.parametrize("quote", [_person_quote(), _org_quote()], ids=["person", "organization"])
def test_hand_made_exports_validate(quote: Quote) -> None:
    validate(claimreview(quote, _result(quote)), "claimreview")


@pytest.mark.parametrize(
    "path,value",
    [
        (("itemReviewed", "inLanguage"), "en"),
        (("itemReviewed", "author", "@type"), "Thing"),
        (("itemReviewed", "datePublished"), "30/08/2019"),
        (("quotes:extraction", "date_source"), "guess"),
        (("quotes:extraction", "record", "type"), "quote"),
        (("@type",), "Review"),
    ],
)
def test_the_schema_rejects_broken_lines(path: tuple[str, ...], value: Any) -> None:
    out = claimreview(_person_quote(), _result(_person_quote()))
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert list(iter_errors(out, "claimreview"))


def test_the_schema_rejects_a_second_extension_key() -> None:
    out = claimreview(_person_quote(), _result(_person_quote()))
    out["quotes:other"] = {}
    assert list(iter_errors(out, "claimreview"))


def test_the_writer_writes_one_utf8_line_per_attribution_and_flushes() -> None:
    stream = io.StringIO()
    writer = get_writer("claimreview", stream)
    assert isinstance(writer, ClaimReviewWriter)
    writer.write(_result(_person_quote(), _org_quote()), DOC)
    writer.write(DocumentResult(doc_id="bad", error=ErrorInfo("InputError", "no text")))
    writer.write(DocumentResult(doc_id="empty"))
    writer.close()
    assert not stream.closed
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert "سيرغي لافروف" in lines[0]  # ensure_ascii=False
    assert [json.loads(line)["claimReviewed"] for line in lines] == ["الهدنة ستبدأ غدا", "500 شخص نزحوا بسبب القصف"]


def _gold_quote(doc: str, i: int, g: dict[str, Any]) -> Quote:
    """A Quote from a gold record (gold has no ids, senses or kinds: defaults)."""

    def span(d: dict[str, Any] | None) -> Span | None:
        return None if not d or d.get("start") is None else span_of(doc, d["start"], d["end"])

    sp, cue, ol, dt = g.get("speaker"), g.get("cue"), g.get("outlet"), g.get("date")
    return Quote(
        id=f"q{i}",
        type=g["type"],
        content=span(g["content"]),  # type: ignore[arg-type]
        cue=Cue(span(cue), cue["text"]) if cue else None,  # type: ignore[arg-type]
        speaker=Speaker(span(sp), sp.get("name")) if sp else None,
        outlet=Outlet(span(ol), ol["name"]) if ol else None,  # type: ignore[arg-type]
        date=When(span(dt), dt.get("value")) if dt else None,  # type: ignore[arg-type]
    )


def _corpus_lines(part: str) -> list[dict[str, Any]]:
    path = shared_file("corpus", part, "gold.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _check_lines(result: DocumentResult, text: str) -> int:
    stream = io.StringIO()
    ClaimReviewWriter(stream).write(result, text)
    lines = stream.getvalue().splitlines()
    assert len(lines) == len(result.quotes)
    for line, quote in zip(lines, result.quotes):
        obj = json.loads(line)
        validate(obj, "claimreview")
        rec = obj[EXTENSION_KEY]["record"]
        assert obj["claimReviewed"] == text[rec["content"]["start"]:rec["content"]["end"]] == quote.content.text
    return len(lines)


@pytest.mark.parametrize("part", ["seed", "dev"])
def test_gold_records_of_the_corpus_export_and_validate(part: str) -> None:
    total = 0
    for doc in _corpus_lines(part):
        quotes = [_gold_quote(doc["text"], i, g) for i, g in enumerate(doc["quotes"])]
        meta = {k: v for k, v in doc.items() if k not in ("text", "quotes")}
        total += _check_lines(DocumentResult(doc_id=doc["doc_id"], meta=meta, quotes=quotes), doc["text"])
    assert total == sum(len(d["quotes"]) for d in _corpus_lines(part)) > 0


@pytest.mark.parametrize("part", ["seed", "dev"])
def test_extracted_records_of_the_corpus_export_and_validate(part: str) -> None:
    from quotes import Extractor

    extractor = Extractor()
    for doc in _corpus_lines(part):
        line = {k: v for k, v in doc.items() if k != "quotes"}
        result = extractor.extract_record(line)
        assert result.error is None, result.error
        _check_lines(result, doc["text"])


_words = st.sampled_from(["قال", "الوزير", "إن", "500", "أكثر", "بسبب", "سوف", "نفى", "مسؤول", "“", "”", " ", "،"])


@settings(max_examples=100, deadline=None)
@given(
    parts=st.lists(_words, min_size=1, max_size=30),
    kind=st.sampled_from(["person", "organization", "group", "anonymous", "document"]),
    role=st.none() | st.sampled_from(["وزير", "مسؤول", "طبيب"]),
    value=st.none() | st.sampled_from(["2019-08-29", "2019-08"]),
    meta=st.fixed_dictionaries({}, optional={"published": st.just("2019-08-30"), "publisher": st.just("CNN"),
                                             "url": st.just("https://x.example")}),
)
def test_any_record_exports_a_valid_line(parts: list[str], kind: str, role: str | None, value: str | None,
                                         meta: dict[str, str]) -> None:
    doc = "".join(parts)
    q = Quote(
        id="q", type="direct", content=span_of(doc, 0, len(doc)),
        speaker=Speaker(None, "س", role, kind, "dropped-subject"),
        date=When(span_of(doc, 0, 0), value) if value or parts[0] == " " else None,
    )
    out = claimreview(q, DocumentResult(meta=meta, quotes=(q,)))
    validate(out, "claimreview")
    assert ("jobTitle" in out["itemReviewed"]["author"]) == bool(role and kind in ("person", "anonymous"))
