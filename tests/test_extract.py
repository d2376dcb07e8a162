"""The library API: invariants over any input, and the Extractor's contract."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotes
from quotes import DocumentTooLarge, Extractor, InputError, to_json
from quotes.schemas import validate
from strategies import any_text, arabic_text, quoted_text

EX = Extractor()

# Pieces of attributions, to make the strategies reach the rules.
_CUES = ["وقال", "قالت", "وأضاف", "مضيفا", "وأكدت", "نفى", "وحذر", "أعلنت", "وبحسب", "وفقا ل", "قائلة", "ونقلت"]
_SPEAKERS = ["الوزير أحمد سالم", "مصادر المعارضة", "الأمم المتحدة", "سالم", "العقيد مصطفى بكور قائد الجماعة", ""]
_FRAMES = ["", "لوكالة فرانس برس", "لرويترز", "يوم الخميس", "أمس", "في بيان", "، المتحدث باسم الوزارة ،"]
_OPENERS = ["إن", "أن", "بأن", ":", "", "إلى أن"]
_CONTENT = ["الوضع مستقر", "“سنفتح المعبر غدا”", "«لن نتراجع»", "\"المفاوضات مستمرة\"", "وقف إطلاق النار",
            "الهجوم أسفر عن 12 قتيلا", "تم التوصل إلى اتفاق بشأن “وقف أحادي”"]

attribution_text = st.lists(
    st.tuples(*(st.sampled_from(x) for x in (_CUES, _SPEAKERS, _FRAMES, _OPENERS, _CONTENT)),
              st.sampled_from([".", "،", "\n", " ", "؟"])),
    max_size=6,
).map(lambda parts: " ".join(" ".join(p[:5]) + p[5] for p in parts))

texts = st.one_of(any_text, attribution_text, st.builds(lambda a, b: a + " " + b, attribution_text, arabic_text()),
                  quoted_text())


def _spans(q):
    yield q.content
    for part in (q.cue and q.cue.span, q.speaker and q.speaker.mention, q.outlet and q.outlet.span,
                 q.date and q.date.span, q.channel):
        if part is not None:
            yield part


@settings(max_examples=300)
@given(texts)
def test_extract_never_raises_and_every_span_slices_back(text):
    result = quotes.extract(text, published="2019-08-30")
    for q in result.quotes:
        for span in _spans(q):
            assert text[span.start:span.end] == span.text
    for e in result.speakers:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


@settings(max_examples=150)
@given(texts)
def test_every_output_validates_against_the_schema(text):
    validate(to_json(EX.extract(text, published="2019-08-30", doc_id="d")), "output")


def test_attribution_strategy_reaches_the_rules():
    # the strategy above is only worth its examples if sentences like it give records
    assert EX.extract("وقال الوزير أحمد سالم لرويترز إن الوضع مستقر.").quotes


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\u200f\u202b", "“”“”“”", "«««»»»", "😀"])
def test_degenerate_text_gives_no_records(text):
    assert EX.extract(text).quotes == ()


def test_extract_many_keeps_order_and_turns_failures_into_error_records():
    docs = ["قال الوزير إن الوضع مستقر.", {"doc_id": "b", "text": 7}, {"doc_id": "c", "text": "لا شيء هنا."},
            {"doc_id": "d", "text": "قالت الوزيرة إن الخطة جاهزة.", "published": "not a date"}]
    results = list(EX.extract_many(docs))
    assert [r.doc_id for r in results] == [None, "b", "c", "d"]
    assert [r.ok for r in results] == [True, False, True, False]
    assert results[1].error.type == "InputError" and "text" in results[1].error.message
    assert results[3].error.type == "InputError" and "ISO date" in results[3].error.message
    assert len(results[0].quotes) == 1


def test_input_metadata_passes_through_but_input_quotes_never_do():
    r = EX.extract_record({"doc_id": "x", "text": "قال الوزير إن الوضع مستقر.", "url": "u", "section": "s",
                           "quotes": [{"fake": True}]})
    out = to_json(r)
    assert (out["url"], out["section"]) == ("u", "s")
    assert out["quotes"][0]["content"]["text"] == "الوضع مستقر"
    assert "text" not in out


def test_errors_say_what_to_do():
    with pytest.raises(DocumentTooLarge, match="raise max_chars"):
        Extractor(max_chars=10).extract("قال الوزير إن الوضع مستقر.")
    with pytest.raises(InputError, match="ISO date"):
        EX.extract("نص", published="30/08/2019")
    with pytest.raises(ValueError):  # InputError is a ValueError too
        EX.extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="rules, stanza, auto"):
        Extractor(backend="spacy")


def test_auto_backend_without_a_better_parser_is_the_rules():
    assert Extractor(backend="auto")._engine.backend is None
