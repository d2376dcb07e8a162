"""Outlet finding: the gold span conventions, relations, and the ambiguous names' twins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.outlets import OutletFinder, OutletMatch, is_outlet_name
from quotes.text import normalize
from strategies import any_text, arabic_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def finder() -> OutletFinder:
    return OutletFinder()


def found(finder: OutletFinder, text: str, publisher: str | None = None) -> list[tuple]:
    norm = normalize(text)
    out = []
    for m in finder.find(norm, publisher=publisher):
        assert text[m.start:m.end] == norm.original[m.start:m.end]
        out.append((m.start, m.end, m.name, m.relation))
    return out


def at(text: str, span: str, name: str, relation: str) -> tuple:
    start = text.index(span)
    return (start, start + len(span), name, relation)


# (sentence, outlet span, canonical name, relation)
POSITIVE = [
    ("وقال المزارع لوكالة فرانس برس “هذا تحذير”", "لوكالة فرانس برس", "AFP", "told"),
    ("وقال ضابط منشق لرويترز إن القوات انسحبت", "لرويترز", "Reuters", "told"),
    ("وقال محام لبي بي سي إن القضية معقدة", "لبي بي سي", "BBC", "told"),
    ("وقال شاهد لوكالة رويترز إن الأمن مشدد", "لوكالة رويترز", "Reuters", "told"),
    ("وقال مدير النادي لصحيفة سبق قائلا إن البرنامج ناجح", "لصحيفة سبق", "Sabq", "told"),
    ("وأضاف في حديث لـ«الشرق الأوسط»: «الشباب تجاوبوا»", "لـ«الشرق الأوسط»", "Asharq Al-Awsat", "interview"),
    ("وقال المدرب لـ«الشرق الأوسط» إن الفريق جاهز", "لـ«الشرق الأوسط»", "Asharq Al-Awsat", "told"),
    ("لكن الموقع الإلكتروني لـ\"سبورتس إيلوسترايتد\" أشار إلى أنه", "لـ\"سبورتس إيلوسترايتد\"", "Sports Illustrated", "told"),
    ("جاء ذلك في مقابلة مع الزميلة لـCNN حيث قال", "لـCNN", "CNN", "interview"),
    ("وقالت في تصريح ل(وات) ان الوضع مستقر", "ل(وات)", "TAP", "told"),
    ("ونشر الإعلان في صحيفة \"لوس أنجلس تايمز\" كاملا", "في صحيفة \"لوس أنجلس تايمز\"", "Los Angeles Times", "according-to"),
    ("وقال الوزير، عبر حسابه على تويتر: \"نحن مستعدون\"", "عبر حسابه على تويتر", "Twitter", "platform"),
    ("وأجاب الممثل عبر حساب البرنامج في تويتر عن الأسئلة", "عبر حساب البرنامج في تويتر", "Twitter", "platform"),
    ("بعد أن نشر تغريدة على موقع تويتر هاجم فيها الشركة", "على موقع تويتر", "Twitter", "platform"),
    ("قالت النائبة في تغريدة على موقع التواصل الاجتماعي تويتر إن", "في تغريدة على موقع التواصل الاجتماعي تويتر", "Twitter", "platform"),
    ("وقال جون سميث من الجزيرة إن المحتجين تجمعوا", "من الجزيرة", "Al Jazeera", "affiliation"),
    ("وتوج الفريق بالكأس، وفق ما ذكرت وكالة رويترز.", "وكالة رويترز", "Reuters", "according-to"),
    ("بدورها، وصفت صحيفة معاريف العبرية الفيديو بالمقلق", "صحيفة معاريف العبرية", "Maariv", "according-to"),
    ("وفق ما أوردت وكالة أنباء الشرق الأوسط.", "وكالة أنباء الشرق الأوسط", "MENA", "according-to"),
    ("وذكرت وكالة الأنباء السعودية (واس) أن الملك استقبل", "وكالة الأنباء السعودية (واس)", "SPA", "according-to"),
    ("وأوردت وكالة الأنباء التشيكية \"سي تي كاي\" عن زوجته", "وكالة الأنباء التشيكية \"سي تي كاي\"", "CTK", "according-to"),
    ("أما القناة العبرية الثانية، فقد رأت أن", "القناة العبرية الثانية", "Channel 2 (Israel)", "according-to"),
    ("وقال الخبير في مقابلة مع قناة العربية إن", "في مقابلة مع قناة العربية", "Al Arabiya", "interview"),
    ("وتم التهجير، وفقًا لوكالة الأنباء الفرنسية.", "لوكالة الأنباء الفرنسية", "AFP", "according-to"),
    ("ووفقًا لتقرير بلومبرغ فإن الشركة تتقدم", "لتقرير بلومبرغ", "Bloomberg", "according-to"),
    ("واستاء الأهالي خلال حديثهم إلى \"الوطن\" من الإدارة", "إلى \"الوطن\"", "Al Watan", "interview"),
    ("وفي مقاله المنشور بصحيفة \"عكاظ\" يرصد الكاتب", "بصحيفة \"عكاظ\"", "Okaz", "according-to"),
    ("وقال الممثل عبر حسابه على \"أنستاغرام\" إنه سعيد", "عبر حسابه على \"أنستاغرام\"", "Instagram", "platform"),
    ("ووصف الممثل المخرج في نعي عبر \"تويتر\" بأنه عبقري", "عبر \"تويتر\"", "Twitter", "platform"),
    ("وقال المخرج لموقع صحيفة \"دي إن إي إس\" الإلكتروني إنه", "لموقع صحيفة \"دي إن إي إس\" الإلكتروني", "DNES", "told"),
    ("في المقابل، أشارت \"نيويورك تايمز\" إلى المشاكل", "نيويورك تايمز", "New York Times", "according-to"),
    ("وقال المتحدث للجزيرة نت إن الهدنة صامدة", "للجزيرة نت", "Al Jazeera", "told"),
    ("ونقلت صحيفة \"لافانجوارديا\" عن اللاعب قوله", "صحيفة \"لافانجوارديا\"", "La Vanguardia", "according-to"),
    ("وقال مسؤول لشبكة سي إن إن إن المحادثات مستمرة", "لشبكة سي إن إن", "CNN", "told"),
    ("وقالت الصحيفة في تقرير نشرته صحيفة الغارديان البريطانية إن", "صحيفة الغارديان البريطانية", "Guardian", "according-to"),
    ("وكتب على فيس بوك أن الحفل أُلغي", "على فيس بوك", "Facebook", "platform"),
    ("وقال لصحيفة \"وول ستريت جورنال\" الأميركية إن", "لصحيفة \"وول ستريت جورنال\" الأميركية", "Wall Street Journal", "told"),
    ("وقال للتلفزيون الرسمي بي بي سي عربي إن", "للتلفزيون الرسمي بي بي سي عربي", "BBC", "told"),
    ("قال لـ \"وات\" إن", "لـ \"وات\"", "TAP", "told"),
    ("قال ذلك لـ AFP أمس", "لـ AFP", "AFP", "told"),
    ("وقال مسؤول لـ(CNN)- إن", "لـ(CNN)", "CNN", "told"),  # twin of the dateline
]


@pytest.mark.parametrize("text, span, name, relation", POSITIVE)
def test_outlet_spans(finder: OutletFinder, text: str, span: str, name: str, relation: str) -> None:
    assert found(finder, text) == [at(text, span, name, relation)]


# Negative twins: the same words where they are no outlet.
NEGATIVE = [
    "وتشهد منطقة الشرق الأوسط توترا متصاعدا",  # the region
    "وصل الوفد إلى الرياض مساء أمس",  # the city
    "وقال إن الدفاع عن الوطن واجب",  # the homeland
    "وقال الوزير اليوم إن الاتفاق قريب",  # the word "today"
    "وقالت في تغريدة إن الحكومة فشلت",  # no platform named
    "وعاد المقاتلون من الجزيرة العربية",  # the Arabian peninsula
    "وقال البيان إن الهجوم فشل",  # a statement, not Al Bayan
    "وسبق أن أعلن الوزير استقالته",  # the verb "preceded"
    "تعلم اللغة العربية في المدرسة",  # the Arabic language
    "كانت الحياة صعبة في المخيم",  # life, not Al Hayat
    "ونقلت وكالة الأنباء اليمنية عن مسؤول",  # not Al Anbaa
    "دبي، الإمارات العربية المتحدة (CNN)-- قال مسؤول إن",  # the publisher's dateline
    "وأعلنت روسيا اليوم أن قواتها انسحبت",  # Russia, today (not RT)
    "وفي اليوم السابع من الحصار",  # the seventh day (not Youm7)
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_outlet(finder: OutletFinder, text: str) -> None:
    got = found(finder, text)
    assert all(name not in ("Asharq Al-Awsat", "Al Riyadh", "Al Watan", "Al Yaum", "Al Jazeera",
                            "Al Jazirah", "Al Bayan", "Sabq", "Al Arabiya", "Al Hayat", "Al Anbaa")
               for _, _, name, _ in got), got
    if "اليمنية" not in text:
        assert got == []


@pytest.mark.parametrize("text, span, name", [
    ("قال لصحيفة \"الرياض\" إن", "لصحيفة \"الرياض\"", "Al Riyadh"),  # twin of the city
    ("وقال لـ\"الوطن\" إن", "لـ\"الوطن\"", "Al Watan"),  # twin of the homeland
    ("وقال لصحيفة اليوم إن", "لصحيفة اليوم", "Al Yaum"),  # twin of "today"
    ("وقال لقناة روسيا اليوم إن", "لقناة روسيا اليوم", "RT"),  # twin of "Russia, today"
    ("وفي تغريدة على تويتر قالت إن", "في تغريدة على تويتر", "Twitter"),  # twin of the unnamed tweet
])
def test_ambiguous_names_with_a_trigger(finder: OutletFinder, text: str, span: str, name: str) -> None:
    assert [(a, b, n) for a, b, n, _ in found(finder, text)] == [at(text, span, name, "")[:3]]


@pytest.mark.parametrize("text, publisher, name", [
    ("وأضافت الوزارة في بيان تلقت (الجزيرة) نسخة منه", "Al Jazirah", "Al Jazirah"),
    ("وأضافت الوزارة في بيان تلقت (الجزيرة) نسخة منه", None, "Al Jazeera"),
    ("وقال لصحيفة الجزيرة إن", None, "Al Jazirah"),  # a paper: the trigger's kind decides
    ("وقال لقناة الجزيرة إن", None, "Al Jazeera"),
])
def test_shared_spelling_resolved_by_publisher_and_trigger(
    finder: OutletFinder, text: str, publisher: str | None, name: str
) -> None:
    assert [n for _, _, n, _ in found(finder, text, publisher)] == [name]


def test_window_restricts_matches(finder: OutletFinder) -> None:
    text = "قال لرويترز إن الوضع هادئ. وقال لبي بي سي إن الخطر قائم."
    norm = normalize(text)
    cut = text.index(".") + 1
    assert [m.name for m in finder.find(norm, 0, cut)] == ["Reuters"]
    assert [m.name for m in finder.find(norm, cut)] == ["BBC"]


def test_offsets_are_original_with_diacritics_and_tatweel(finder: OutletFinder) -> None:
    text = "وقالَ لـوكالةِ فرانس برس إنّه"
    (m,) = finder.find(normalize(text))
    assert text[m.start:m.end] == "لـوكالةِ فرانس برس"
    assert m.rule == "outlet:clitic+trigger+name"


def test_match_record() -> None:
    m = OutletMatch(0, 7, "Reuters", "told", "agency", "outlet:clitic+name")
    with pytest.raises(ValueError):
        OutletMatch(0, 7, "Reuters", "heard", "agency", "outlet:clitic+name")
    assert m.name == "Reuters"


@pytest.mark.parametrize("text, name", [
    ("وكالة رويترز", "Reuters"),
    ("رويترز", "Reuters"),
    ("صحيفة الرياض", "Al Riyadh"),
    ("قناة العربية", "Al Arabiya"),
    ("الرياض", None),  # the city, as in قالت الرياض
    ("وكالة رويترز اليوم", None),  # not the whole mention
    ("محمد العموري", None),
    ("", None),
])
def test_is_outlet_name(text: str, name: str | None) -> None:
    assert is_outlet_name(text) == name


@settings(max_examples=150, deadline=None)
@given(st.one_of(arabic_text(), any_text), st.integers(0, 50), st.integers(0, 80))
def test_never_raises_and_slices_original(text: str, a: int, b: int) -> None:
    finder = _shared()
    norm = normalize(text)
    start = min(a, len(text))
    end = min(max(start, b), len(text))
    for m in finder.find(norm, start, end):
        assert start <= m.start < m.end <= end
        assert m.relation in ("told", "affiliation", "according-to", "interview", "platform")


@settings(max_examples=100, deadline=None)
@given(st.one_of(arabic_text(), any_text))
def test_is_outlet_name_never_raises(text: str) -> None:
    name = _shared().is_outlet_name(text)
    assert name is None or isinstance(name, str)


@given(st.sampled_from([p[0] for p in POSITIVE]), st.text(max_size=5), st.text(max_size=5))
@settings(max_examples=60, deadline=None)
def test_context_does_not_break_slicing(text: str, left: str, right: str) -> None:
    doc = left + " " + text + " " + right
    for m in _shared().find(normalize(doc)):
        assert 0 <= m.start < m.end <= len(doc)
        assert doc[m.start:m.end].strip() == doc[m.start:m.end]


_FINDER: list[OutletFinder] = []


def _shared() -> OutletFinder:
    if not _FINDER:
        _FINDER.append(OutletFinder())
    return _FINDER[0]


def test_gold_outlets_recall() -> None:
    """Most gold outlet spans of the dev corpus are found exactly, with the gold name."""
    path = SHARED / "dev" / "gold.jsonl"
    if not path.exists():
        pytest.skip("shared corpus not available")
    hit = total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        got = {(m.start, m.end): m.name
               for m in _shared().find(normalize(doc["text"]), publisher=doc.get("publisher"))}
        for q in doc["quotes"]:
            o = q.get("outlet")
            if o:
                total += 1
                hit += got.get((o["start"], o["end"])) == o["name"]
    assert total and hit / total >= 0.9, (hit, total)
