"""Check-worthiness hints: a table of real Arabic per hint, negatives beside positives."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.checkworthy import HINT_NAMES, checkworthiness, hints, hints_for, sort_checkworthy
from quotes.records import Cue, Hint, Quote, Speaker, span_of
from quotes.schemas import validate
from strategies import any_text


def _evidence(content: str, name: str, **kw: object) -> str | None:
    kw.setdefault("cue_sense", None)
    kw.setdefault("speaker_role", None)
    kw.setdefault("speaker_kind", None)
    found = {h.name: h for h in hints(content, **kw)}[name]  # type: ignore[arg-type]
    assert found.value is (found.evidence is not None)
    return found.evidence


# (content, evidence or None)
NUMBER = [
    ("ارتفع عدد القتلى إلى 500 شخص", "500"),
    ("بلغ عدد النازحين ٣٠٠ ألف شخص", "٣٠٠"),
    ("زادت البطالة 7% هذا العام", "7%"),
    ("ارتفعت الأسعار عشرين بالمئة", "عشرين"),
    ("خسرت الشركة مليار دولار", "مليار"),
    ("عاد نصف السكان إلى بيوتهم", "نصف"),
    ("الوضع الإنساني يتدهور يوما بعد يوم", None),
    ("عقد الاجتماع يوم الخميس", None),
    ("يأمل الناس في عودة الهدوء", None),
]
COMPARISON = [
    ("هذا أكبر هجوم منذ سنوات", "أكبر"),
    ("الوضع أسوأ من العام الماضي", "أسوأ"),
    ("كانت الخسائر الأعلى في تاريخ الشركة", "الأعلى"),
    ("هذه أول مرة يحدث فيها ذلك", "أول"),
    ("تضاعفت الأسعار خلال الشهر", "تضاعفت"),
    ("عقد الاجتماع في كانون الأول", None),
    ("وصل الوفد إلى العاصمة", None),
    ("الوضع مستقر في المدينة", None),
]
CAUSAL = [
    ("تأخرت الرحلة بسبب العاصفة", "بسبب"),
    ("أدى القصف إلى مقتل مدنيين", "أدى"),
    ("نجح المشروع بفضل الدعم الحكومي", "بفضل"),
    ("توقفت المصانع نتيجة الحصار", "نتيجة"),
    ("تسبب الحريق في أضرار كبيرة", "تسبب"),
    ("لأن الطريق مغلق لم يصل أحد", "لأن"),
    ("وصل المبعوث إلى دمشق", None),
    ("يبدأ الاجتماع السبت المقبل", None),
]
PREDICTION = [
    ("سوف نعيد بناء المدارس", "سوف"),
    ("ستبدأ الهدنة صباح السبت", "ستبدأ"),
    ("سيتم الإعلان عن النتائج", "سيتم"),
    ("الحكومة سنواصل دعم المزارعين", "سنواصل"),
    ("من المتوقع أن ترتفع الأسعار", "المتوقع"),
    ("لن نسمح بذلك", "لن"),
    ("تعهدت الحكومة بخفض الضرائب", "تعهدت"),
    ("تجرى الانتخابات العام المقبل", "المقبل"),
    ("السياسة الخارجية لم تتغير", None),
    ("تمت السيطرة على المعبر", None),
    ("مرت ستة أشهر على الحصار", None),
    ("انفجرت سيارة مفخخة في السوق", None),
    ("سنوات من الحرب دمرت المدينة", None),
    ("المطلوب وقف القصف وعدم التصعيد", None),
]
ACCUSATION = [
    ("إن هذه الاتهامات لا أساس لها", "الاتهامات"),
    ("المعارضة ارتكبت جرائم حرب", "ارتكبت"),
    ("هذه مزاعم لا دليل عليها", "مزاعم"),
    ("الخبر عار عن الصحة", "عار عن الصحة"),
    ("الاجتماع كان مثمرا", None),
    ("الوفد وصل إلى الحدود", None),
    ("بدأ تنفيذ الاتفاق أمس", None),
    ("وصل رجل يدعى أحمد", None),
]


@pytest.mark.parametrize(
    "name,content,expected",
    [("number", c, e) for c, e in NUMBER]
    + [("comparison", c, e) for c, e in COMPARISON]
    + [("causal", c, e) for c, e in CAUSAL]
    + [("prediction", c, e) for c, e in PREDICTION]
    + [("accusation_or_denial", c, e) for c, e in ACCUSATION],
)
def test_content_hints(name: str, content: str, expected: str | None) -> None:
    assert _evidence(content, name) == expected


@pytest.mark.parametrize(
    "sense,cue_text,expected",
    [
        ("deny", "ونفى", "ونفى"),
        ("accuse", "اتهمت", "اتهمت"),
        ("deny", None, "deny"),
        ("say", "وقال", None),
        ("confirm", "أكد", None),
    ],
)
def test_accusation_from_cue_sense(sense: str, cue_text: str | None, expected: str | None) -> None:
    assert _evidence("الاجتماع كان مثمرا", "accusation_or_denial", cue_sense=sense, cue_text=cue_text) == expected


@pytest.mark.parametrize(
    "role,kind,name,expected",
    [
        ("وزير الخارجية", "person", "سيرغي لافروف", "وزير"),
        ("المتحدث باسم الجيش", "person", "أحمد", "المتحدث"),
        (None, "anonymous", "مسؤول أمريكي", "مسؤول"),
        (None, "anonymous", "مسئول عسكري", "مسئول"),
        (None, "organization", "الأمم المتحدة", "الأمم المتحدة"),
        (None, "organization", None, "organization"),
        ("نازح من إدلب", "person", "محمد العموري", None),
        (None, "group", "ناشطون", None),
        (None, "group", "صحفيون أميركيون", None),
        (None, "person", "شاهد عيان", None),
        (None, None, None, None),
    ],
)
def test_official_speaker(role: str | None, kind: str | None, name: str | None, expected: str | None) -> None:
    got = _evidence("الاجتماع كان مثمرا", "official_speaker", speaker_role=role, speaker_kind=kind, speaker_name=name)
    assert got == expected


def test_always_six_hints_in_order() -> None:
    out = hints("", cue_sense=None, speaker_role=None, speaker_kind=None)
    assert tuple(h.name for h in out) == HINT_NAMES
    assert all(isinstance(h, Hint) and h.value is False and h.evidence is None for h in out)


def test_spelling_variants_meet() -> None:
    # Diacritics, tatweel and a bare alef do not hide a cue.
    assert _evidence("الوضعُ أسوَأ مما كان", "comparison") == "أسوَأ"
    assert _evidence("تأخرت بسبـــب العاصفة", "causal") == "بسبـــب"
    assert _evidence("هذا اكبر هجوم", "comparison") == "اكبر"


def test_lexicon_lines_validate() -> None:
    path = resources.files("quotes") / "data" / "ar" / "checkworthy.jsonl"
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 100
    for entry in lines:
        validate(entry, "lexicon-checkworthy")
    assert {e["hint"] for e in lines} == set(HINT_NAMES)


DOC = "قال الوزير إن الأسعار ستنخفض. وقال شاهد إن الطريق مغلق. ونفى المتحدث أن 300 شخص قتلوا."


def _quote(qid: str, content: str, cue: str, sense: str, name: str, role: str | None) -> Quote:
    c0 = DOC.index(content)
    k0 = DOC.index(cue)
    return Quote(
        id=qid, type="indirect", content=span_of(DOC, c0, c0 + len(content)),
        cue=Cue(span_of(DOC, k0, k0 + len(cue)), cue, sense),
        speaker=Speaker(None, name, role, "person", "dropped-subject"),
    )


def test_sort_checkworthy_ranks_by_hints_then_position() -> None:
    a = _quote("q1", "الأسعار ستنخفض", "قال", "say", "الوزير", "وزير")  # prediction, official
    b = _quote("q2", "الطريق مغلق", "وقال", "say", "شاهد", None)  # nothing
    c = _quote("q3", "300 شخص قتلوا", "ونفى", "deny", "المتحدث", "المتحدث")  # number, denial, official
    assert [checkworthiness(q) for q in (a, b, c)] == [2, 0, 3]
    assert [q.id for q in sort_checkworthy([a, b, c])] == ["q3", "q1", "q2"]
    assert [h.evidence for h in hints_for(c) if h.value] == ["300", "ونفى", "المتحدث"]


def test_hints_for_keeps_a_records_own_hints() -> None:
    own = tuple(Hint(n, True, "x") for n in HINT_NAMES)
    q = Quote(id="q", type="direct", content=span_of(DOC, 0, 3), checkworthy=own)
    assert hints_for(q) == own


_ARABIC = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىئؤ ًٌٍَُِّْـ٠١٢٣0123456789%٪ \n،.")),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(content=_ARABIC, role=st.none() | _ARABIC, name=st.none() | _ARABIC,
       sense=st.sampled_from([None, "say", "deny", "accuse"]),
       kind=st.sampled_from([None, "person", "organization", "group"]))
def test_evidence_is_always_triggering_text(
    content: str, role: str | None, name: str | None, sense: str | None, kind: str | None
) -> None:
    out = hints(content, cue_sense=sense, speaker_role=role, speaker_kind=kind, speaker_name=name, cue_text="ونفى")
    assert tuple(h.name for h in out) == HINT_NAMES
    for h in out:
        if not h.value:
            assert h.evidence is None
            continue
        assert h.evidence
        sources = [content, role or "", name or "", "ونفى", kind or ""]
        assert any(h.evidence in s for s in sources), (h, sources)


@settings(max_examples=200, deadline=None)
@given(content=any_text)
def test_no_text_crashes_the_hints(content: str) -> None:
    out = hints(content, cue_sense="say", speaker_role=content, speaker_kind="person", speaker_name=content)
    assert tuple(h.name for h in out) == HINT_NAMES
    assert all(h.evidence is None or h.evidence in content for h in out if h.name != "accusation_or_denial")
