"""Date finding and resolution: the gold span conventions and the guidelines' rules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.dates import DateFinder, DateMatch
from quotes.text import normalize
from strategies import any_text, arabic_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
#: A Friday.
PUB = "2019-08-30"

_FINDER: list[DateFinder] = []


def finder() -> DateFinder:
    if not _FINDER:
        _FINDER.append(DateFinder())
    return _FINDER[0]


def found(text: str, published: str | None = PUB) -> list[tuple]:
    return [(text[m.start:m.end], m.value, m.resolution) for m in finder().find(normalize(text), published)]


# (sentence, span, value, resolution) with the Friday 2019-08-30 as publication date
TABLE = [
    # weekdays: the most recent on or before publication, the same day included
    ("وقال المنسق يوم الخميس ، إن الريف تضرر", "يوم الخميس", "2019-08-29", "relative"),
    ("وقالت روسيا يوم الجمعة إنه تم التوصل إلى اتفاق", "يوم الجمعة", "2019-08-30", "relative"),
    ("أعلن النادي الجمعة تعاقده مع المهاجم", "الجمعة", "2019-08-30", "relative"),
    ("وقال الوزير، السبت، إن الحرب مستمرة", "السبت", "2019-08-24", "relative"),
    ("وقال الاتحاد في بيان يوم الاثنين إنه أقال المدرب", "يوم الاثنين", "2019-08-26", "relative"),
    ("وقال الإثنين إن المفاوضات مستمرة", "الإثنين", "2019-08-26", "relative"),
    ("وصرح مساء الأربعاء بأن الاتفاق وشيك", "مساء الأربعاء", "2019-08-28", "relative"),
    ("وأعلن الخميس الماضي أنه سيستقيل", "الخميس الماضي", "2019-08-29", "relative"),
    ("وأعلن الجمعة الماضي أنه سيستقيل", "الجمعة الماضي", "2019-08-23", "relative"),
    # relative days
    ("وقال المدير أمس إن الطريق مغلق", "أمس", "2019-08-29", "relative"),
    ("ونشرت المنظمة تقريرا امس، قالت فيه", "امس", "2019-08-29", "relative"),
    ("وقال الوزير في بيان أصدره أمس الخميس إن", "أمس الخميس", "2019-08-29", "relative"),
    ("وقال الوزير أمس الجمعة إن", "أمس الجمعة", "2019-08-30", "relative"),  # weekday wins
    ("وقالت المنظمة اليوم الجمعة إن", "اليوم الجمعة", "2019-08-30", "relative"),
    ("وأكد اليوم أن الخطة جاهزة", "اليوم", "2019-08-30", "relative"),
    ("وأكد اليوم الرئيس السوري أن", "اليوم", "2019-08-30", "relative"),  # twin of اليوم الوطني
    ("وقال مساء أمس إن", "مساء أمس", "2019-08-29", "relative"),
    ("وقال أول من أمس إن", "أول من أمس", "2019-08-28", "relative"),
    ("وقال أردوغان متحدثا بعد صلاة الجمعة في أنقرة", "بعد صلاة الجمعة", "2019-08-30", "relative"),
    # vague spans keep a null value
    ("وقال الأسبوع الماضي إن الأسعار سترتفع", "الأسبوع الماضي", None, "relative"),
    ("وأعلنت مؤخرا أنها ستنسحب", "مؤخرا", None, "relative"),
    # months and calendar dates: the most recent on or before publication
    ("وقال المندوب في تموز إن الهجمات مستمرة", "في تموز", "2019-07", "explicit"),
    ("وقال في أيلول إن", "في أيلول", "2018-09", "explicit"),
    ("وقال في 31 أغسطس إن", "في 31 أغسطس", "2018-08-31", "explicit"),
    ("وقال في 30 أغسطس إن", "في 30 أغسطس", "2019-08-30", "explicit"),
    ("أعلن في 8 مايو/ أيار من هذا العام نتائجه", "في 8 مايو/ أيار من هذا العام", "2019-05-08", "explicit"),
    ("اكتشفت الشركة الحقل في آب/أغسطس 2015 مؤكدة", "في آب/أغسطس 2015", "2015-08", "explicit"),
    ("وكان المخرج أكد في أيلول/سبتمبر 2017 أنه", "في أيلول/سبتمبر 2017", "2017-09", "explicit"),
    ("وقال في السادس من شباط/فبراير إن", "في السادس من شباط/فبراير", "2019-02-06", "explicit"),
    ("وقال في الحادي والعشرين من آذار إن", "في الحادي والعشرين من آذار", "2019-03-21", "explicit"),
    ("وصرح في 5 تشرين الأول 2016 بأن", "في 5 تشرين الأول 2016", "2016-10-05", "explicit"),
    ("وقال في كانون الثاني الماضي إن", "في كانون الثاني الماضي", "2019-01", "explicit"),
    ("وقال في 12 جويلية إن", "في 12 جويلية", "2019-07-12", "explicit"),
    ("وقال في 3 يونيه من العام الماضي إن", "في 3 يونيه من العام الماضي", "2018-06-03", "explicit"),
    ("وقال الثلاثاء 8 مايو 2018 إن", "الثلاثاء 8 مايو 2018", "2018-05-08", "explicit"),
    ("ووقع الاتفاق في 12/5/2018 في جنيف", "12/5/2018", "2018-05-12", "explicit"),
    ("وسيعقد المؤتمر في سبتمبر المقبل", "في سبتمبر المقبل", "2019-09", "explicit"),
]


@pytest.mark.parametrize("text, span, value, resolution", TABLE)
def test_dates(text: str, span: str, value: str | None, resolution: str) -> None:
    assert found(text) == [(span, value, resolution)]


def test_offsets(text: str = "وقال يومَ الخميسِ إن") -> None:
    (m,) = finder().find(normalize(text), PUB)
    assert (m.start, m.end) == (5, 17)
    assert text[m.start:m.end] == "يومَ الخميسِ"
    assert m.rule == "date:weekday"


def test_december_in_a_january_article() -> None:
    assert found("وقال في 28 ديسمبر إن", "2020-01-10") == [("في 28 ديسمبر", "2019-12-28", "explicit")]


# Negative twins: the same words where they are no time of the utterance.
NEGATIVE = [
    "وأدى المصلون صلاة الجمعة في المسجد",  # Friday prayer, not a date
    "وقال خطيب الجمعة إن",  # the Friday preacher
    "وهو متزوج وأب لطفلين",  # أب (father) folds like آب (August)
    "وقال إنه مارس الضغط على الحكومة",  # مارس "practised"
    "ويقود سيارة نيسان بيضاء",  # the car
    "وقتل 45 شخصا في الهجوم",  # a number that is no day
    "وفي 45 أغسطس",  # no such day
    "وفي 30 فبراير",  # no such day
    "وقال في الأول من الأمر",  # الأول alone is no date
    "وشارك الأحد عشر لاعبا في التدريب",  # "the eleven"
    "بمناسبة اليوم العالمي للمرأة",  # اليوم as "the day"
    "وفي اليوم التالي عاد إلى منزله",
    "واحتفلت المملكة باليوم الوطني",
    "وظل صامدا حتى اليوم",  # "until today"
    "وتذكر ذلك اليوم جيدا",  # "that day"
    "وقال إن الحياة تغيرت",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_date(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text, span", [
    ("وقال بعد صلاة الجمعة إن", "بعد صلاة الجمعة"),  # twin of صلاة الجمعة
    ("وقال الجمعة إن", "الجمعة"),
    ("وقال في آب إن", "في آب"),  # twin of أب
    ("وقال في مارس إن", "في مارس"),  # twin of the verb
    ("وقال في الأول من مارس إن", "في الأول من مارس"),  # twin of الأول alone
    ("وقال اليوم العالمي", None),
])
def test_twins(text: str, span: str | None) -> None:
    assert [s for s, _, _ in found(text)] == ([span] if span else [])


@pytest.mark.parametrize("text, value", [
    ("وقال يوم الخميس إن", None),  # weekdays need a publication date
    ("وقال أمس إن", None),
    ("وقال في تموز إن", None),
    ("وقال في 31 أغسطس إن", None),
    ("وقال في آب/أغسطس 2015 إن", "2015-08"),  # explicit dates still resolve
    ("وقال في 8 مايو 2018 إن", "2018-05-08"),
])
def test_without_publication_date(text: str, value: str | None) -> None:
    (m,) = finder().find(normalize(text), None)
    assert m.value == value


def test_malformed_publication_date_is_none() -> None:
    (m,) = finder().find(normalize("وقال أمس إن"), "not a date")
    assert m.value is None


def test_window() -> None:
    text = "وقال أمس إن الوضع هادئ. وقال الخميس إن الخطر قائم."
    cut = text.index(".") + 1
    norm = normalize(text)
    assert [m.value for m in finder().find(norm, PUB, 0, cut)] == ["2019-08-29"]
    assert [m.value for m in finder().find(norm, PUB, cut)] == ["2019-08-29"]
    assert [text[m.start:m.end] for m in finder().find(norm, PUB, cut)] == ["الخميس"]


def test_match_record_validates_value() -> None:
    assert DateMatch(0, 3, "2019-08", "explicit", "date:month").value == "2019-08"
    with pytest.raises(ValueError):
        DateMatch(0, 3, "August", "explicit", "date:month")
    with pytest.raises(ValueError):
        DateMatch(0, 3, None, "guessed", "date:month")


# What dateparser does and does not do, so that the split of work stays honest.
@pytest.mark.parametrize("text, expected", [
    ("31 أغسطس", "2018-08-31"),  # knows Egyptian month names, prefers the past ...
    ("30 أغسطس", "2019-08-30"),  # ... the base day included
    ("8 مايو 2018", "2018-05-08"),
    ("تموز", None),  # ... but not Levantine ones
    ("كانون الثاني", None),
    ("جويلية", None),  # nor Maghrebi ones
    ("السادس من شباط", None),  # nor ordinal day words
])
def test_what_dateparser_knows(text: str, expected: str | None) -> None:
    dateparser = pytest.importorskip("dateparser")
    base = dt.datetime(2019, 8, 30)
    got = dateparser.parse(text, languages=["ar"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]})
    assert (got.date().isoformat() if got else None) == expected


@settings(max_examples=150, deadline=None)
@given(st.one_of(arabic_text(), any_text), st.sampled_from([PUB, None, "2020-02-29"]),
       st.integers(0, 60), st.integers(0, 80))
def test_never_raises_and_slices_original(text: str, pub: str | None, a: int, b: int) -> None:
    norm = normalize(text)
    start = min(a, len(text))
    end = min(max(start, b), len(text))
    spans = []
    for m in finder().find(norm, pub, start, end):
        assert start <= m.start < m.end <= end
        spans.append((m.start, m.end))
    assert all(x[1] <= y[0] for x, y in zip(spans, spans[1:]))  # in order, no overlap


@settings(max_examples=100, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
       st.sampled_from(["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]))
def test_weekday_resolves_within_the_past_week(pub: dt.date, day: str) -> None:
    (m,) = finder().find(normalize(f"وقال {day} إن"), pub.isoformat())
    value = dt.date.fromisoformat(m.value)
    assert 0 <= (pub - value).days <= 6


@settings(max_examples=100, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), st.integers(1, 12), st.integers(1, 28))
def test_day_month_is_the_latest_on_or_before_publication(pub: dt.date, month: int, day: int) -> None:
    names = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
             "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
    (m,) = finder().find(normalize(f"وقال في {day} {names[month - 1]} إن"), pub.isoformat())
    value = dt.date.fromisoformat(m.value)
    assert (value.month, value.day) == (month, day)
    assert value <= pub and value.replace(year=value.year + 1) > pub


def test_gold_dates() -> None:
    """Every gold date span of the seed and dev corpus is found with the gold value."""
    hit = total = 0
    for name in ("seed", "dev"):
        path = SHARED / name / "gold.jsonl"
        if not path.exists():
            pytest.skip("shared corpus not available")
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            got = {(m.start, m.end): m.value
                   for m in finder().find(normalize(doc["text"]), doc.get("published"))}
            for q in doc["quotes"]:
                d = q.get("date")
                if d:
                    total += 1
                    hit += got.get((d["start"], d["end"]), "missing") == d["value"]
    assert total and hit / total >= 0.95, (hit, total)


@pytest.mark.parametrize("text, pub, value", [
    ("وقال في 31 أغسطس إن", PUB, "2018-08-31"),
    ("وقال في 30 أغسطس إن", PUB, "2019-08-30"),
    ("وقال في 29 فبراير إن", PUB, "2016-02-29"),
    ("وقال في 28 ديسمبر إن", "2020-01-10", "2019-12-28"),
    ("وقال في 8 مايو 2018 إن", PUB, "2018-05-08"),
])
def test_rule_without_dateparser_agrees(monkeypatch: pytest.MonkeyPatch, text: str, pub: str, value: str) -> None:
    """The hand-written fallback gives what dateparser gives."""
    with_dp = [m.value for m in finder().find(normalize(text), pub)]
    monkeypatch.setattr("quotes.dates._dateparser_day", lambda text, pub: None)
    without = [m.value for m in finder().find(normalize(text), pub)]
    assert with_dp == without == [value]
