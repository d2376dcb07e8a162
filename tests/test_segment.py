"""Tests of quotes.segment: paragraphs, quotation pairing, sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from strategies import any_text, quoted_text

from quotes.segment import (
    QUOTE_MARKS,
    Pairing,
    QuotePair,
    Sentence,
    pair_quotes,
    paragraphs,
    segment,
    sentence_at,
    sentences,
)
from quotes.text import normalize

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed" / "idlib.txt"


def _pairs(text: str) -> list[tuple[str, int, str]]:
    """The pairs of ``text`` as (kind, depth, content) in order."""
    return [(p.kind, p.depth, text[p.start:p.end]) for p in pair_quotes(text).pairs]


def _unpaired(text: str) -> list[str]:
    """The unpaired marks of ``text`` as characters."""
    return [text[i] for i in pair_quotes(text).unpaired]


# ---------------------------------------------------------------- paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الوزير.", ["قال الوزير."]),
        ("الأولى.\nالثانية.", ["الأولى.", "الثانية."]),
        ("  الأولى  \n\n \n  الثانية\r\nالثالثة \n", ["الأولى", "الثانية", "الثالثة"]),
        ("الأولى\u2029الثانية", ["الأولى", "الثانية"]),
        ("الأولى\u00a0الثانية", ["الأولى\u00a0الثانية"]),  # NBSP is not a line break
        ("", []),
        (" \n\t\n ", []),
    ],
)
def test_paragraphs(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in paragraphs(text)] == expected


# ---------------------------------------------------------------- quote pairing

PAIRING = [
    # matched curly quotes, and the twin without quotes
    ("وقال الوزير “الوضع مستقر” أمس.", [("matched", 0, "الوضع مستقر")], []),
    ("وقال الوزير إن الوضع مستقر أمس.", [], []),
    # guillemets, and their reversed orientation
    ("وقالت الوزارة: «لن نتراجع عن القرار».", [("matched", 0, "لن نتراجع عن القرار")], []),
    ("قال »نعم« ثم غادر", [("matched", 0, "نعم")], []),
    ("قال „نعم“ ثم غادر", [("matched", 0, "نعم")], []),
    ("قال ‹نعم› ثم غادر", [("matched", 0, "نعم")], []),
    ("قال « نعم » ثم غادر", [("matched", 0, "نعم")], []),
    # straight quotes, tight and with spaces inside the marks
    ('وقال المتحدث "نرفض هذا القرار" في بيان.', [("matched", 0, "نرفض هذا القرار")], []),
    ('وقال: " نرفض القرار " ثم غادر.', [("matched", 0, "نرفض القرار")], []),
    ('وقال:"نرفض القرار".', [("matched", 0, "نرفض القرار")], []),
    # sloppy spacing: a closing " glued to the next word
    ('من رواد "الموجة الجديدة "في السينما', [("matched", 0, "الموجة الجديدة")], []),
    # mismatched shapes, and the reversed pair that is not a mismatch
    ("وقال “سنواصل العمل“ ثم انصرف.", [("mismatched", 0, "سنواصل العمل")], []),
    ("قال «نعم” ثم", [("mismatched", 0, "نعم")], []),
    ("قال ”نعم“ ثم", [("matched", 0, "نعم")], []),
    # an opening-shaped mark after a space closes when nothing follows it
    ("قالت إن “العائدين أعيدوا إلى سوريا “.", [("mismatched", 0, "العائدين أعيدوا إلى سوريا")], []),
    ("وقال “اتفقنا على الهدنة. “.", [("mismatched", 0, "اتفقنا على الهدنة.")], []),
    # nesting decided by position, whatever the shape
    (
        "وقال البيان إن “الهدنة تهدف “لتثبيت الوضع” في المدينة” أمس.",
        [("matched", 0, "الهدنة تهدف “لتثبيت الوضع” في المدينة"), ("matched", 1, "لتثبيت الوضع")],
        [],
    ),
    (
        "وقال البيان إن “الهدنة تهدف “لتثبيت الوضع” في المدينة",
        [("unclosed", 0, "الهدنة تهدف “لتثبيت الوضع” في المدينة"), ("matched", 1, "لتثبيت الوضع")],
        [],
    ),
    (
        'وقال "إنه خطأ أن يكرمه بلقب"رئيسي"، في وقت صعب".',
        [("matched", 0, 'إنه خطأ أن يكرمه بلقب"رئيسي"، في وقت صعب'), ("matched", 1, "رئيسي")],
        [],
    ),
    ("قررا “خطوات مشتركة” “لتطبيع” الوضع", [("matched", 0, "خطوات مشتركة"), ("matched", 0, "لتطبيع")], []),
    ("قال “نعم”“لا” ثم", [("matched", 0, "نعم"), ("matched", 0, "لا")], []),
    # unclosed to the paragraph end (its full stop excluded), and not beyond
    (
        "وقال “لن نسمح بذلك. سنرد بقوة.\nوفي سياق آخر قال إن الوضع هادئ.",
        [("unclosed", 0, "لن نسمح بذلك. سنرد بقوة")],
        [],
    ),
    (
        "وقالت العائلة :» إن المنزل سيبقى شاهدا على الجريمة.",
        [("unclosed", 0, "إن المنزل سيبقى شاهدا على الجريمة")],
        [],
    ),
    # reopened: over paragraphs, and inside one paragraph after a sentence end
    (
        "وقال “الفقرة الأولى من كلامه.\n“والفقرة الثانية من كلامه.”",
        [("reopened", 0, "الفقرة الأولى من كلامه"), ("matched", 0, "والفقرة الثانية من كلامه.")],
        [],
    ),
    ('وقال "انتهى الأمر. "سنبدأ من جديد".', [("reopened", 0, "انتهى الأمر."), ("matched", 0, "سنبدأ من جديد")], []),
    ('وقال "انتهى "الأمر" كله".', [("matched", 0, 'انتهى "الأمر" كله'), ("matched", 1, "الأمر")], []),
    # proclitics joined to the mark
    ("في تصريح لـ“العربية.نت” أمس", [("matched", 0, "العربية.نت")], []),
    ('وكتب و"أهلا بك" في تغريدة', [("matched", 0, "أهلا بك")], []),
    ("وصفهم بـ”الكلاب”، ثم", [("mismatched", 0, "الكلاب")], []),
    # single quotes: only when clearly placed; apostrophes are not quotes
    ("قال إن don't و it's ليست اقتباسا", [], []),
    ("قال 'نعم' ثم غادر", [("matched", 0, "نعم")], []),
    ("طائرة ’إيه-380‘ العملاقة", [("matched", 0, "إيه-380")], []),
    ("the students' books", [], []),
    ('مسلسل "قصة \'أبو عمر\' الطويلة" الجديد', [("matched", 0, "قصة 'أبو عمر' الطويلة"), ("matched", 1, "أبو عمر")], []),
    # unbalanced input: what closes nothing is reported
    ("ثم قال نعم” وغادر", [], ["”"]),
    ('قال ""أكد الوزير" أمس', [("matched", 0, "أكد الوزير")], ['"']),
    ("وهذا يؤكد مقولة “\nثم انصرف", [], ["“"]),
    ("وقال “الفقرة الأولى.\nوالفقرة الثانية بلا علامة افتتاح.”", [("unclosed", 0, "الفقرة الأولى")], ["”"]),
    ("”", [], ["”"]),
    ("", [], []),
    # format controls next to the marks do not hide their context
    ("قال \u200f“نعم\u200f” ثم", [("matched", 0, "نعم\u200f")], []),
]


@pytest.mark.parametrize(("text", "pairs", "unpaired"), PAIRING)
def test_pair_quotes(text: str, pairs: list[tuple[str, int, str]], unpaired: list[str]) -> None:
    assert _pairs(text) == pairs
    assert _unpaired(text) == unpaired


def test_pair_offsets_point_at_marks() -> None:
    text = "وقال “لا” ثم «نعم"
    assert pair_quotes(text) == Pairing(
        pairs=(QuotePair(5, 8, 6, 8, 0, "matched"), QuotePair(13, None, 14, 17, 0, "unclosed")),
        unpaired=(),
    )


def test_quote_pair_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError):
        QuotePair(0, 1, 1, 1, 0, "closed")


def test_seed_article_quotes() -> None:
    if not SEED.exists():
        pytest.skip("shared corpus not available")
    text = SEED.read_text(encoding="utf-8")
    pairs = pair_quotes(text).pairs
    by_content = {text[p.start:p.end]: p for p in pairs}
    assert by_content["لاستقرار الوضع"].depth == 1
    assert by_content["منطقة عازلة"].kind == "matched"
    assert by_content["وقد جربها الآلاف من الناس"].kind == "matched"
    closed_by_opener = [p for p in pairs if p.kind == "mismatched"]
    assert [text[p.start:p.end].split()[-1] for p in closed_by_opener] == ["أغسطس.", "سوريا"]
    assert all(text[p.close] == "“" for p in closed_by_opener)
    assert pair_quotes(text).unpaired == ()


# ---------------------------------------------------------------- sentences

SENTENCES = [
    ("قال د. محمد إن الوضع خطير. وأضاف أن الحل قريب.", ["قال د. محمد إن الوضع خطير.", "وأضاف أن الحل قريب."]),
    ("وصل م. أحمد أمس.", ["وصل م. أحمد أمس."]),
    ("وصل أحمد أمس. ثم غادر.", ["وصل أحمد أمس.", "ثم غادر."]),
    ("بلغ النمو 3.5 بالمئة. وارتفع العدد إلى 1.000 شخص.", ["بلغ النمو 3.5 بالمئة.", "وارتفع العدد إلى 1.000 شخص."]),
    ("وصل عددهم إلى 1.000. ثم توقف.", ["وصل عددهم إلى 1.000.", "ثم توقف."]),
    ("وصل إلى U.S. Army ثم غادر. وقال Dr. Smith إنه بخير.", ["وصل إلى U.S. Army ثم غادر.", "وقال Dr. Smith إنه بخير."]),
    ("وقال “الوضع صعب. نحن ننتظر.” وأضاف أن الحل قريب.", ["وقال “الوضع صعب. نحن ننتظر.”", "وأضاف أن الحل قريب."]),
    ("وقال سميث “الوضع صعب.” “لكننا صامدون”.", ["وقال سميث “الوضع صعب.”", "“لكننا صامدون”."]),
    ('وقال: "نعم. سنرد". ثم غادر.', ['وقال: "نعم. سنرد".', "ثم غادر."]),
    ("وقال “اتفقنا على الهدنة. “. ثم غادر.", ["وقال “اتفقنا على الهدنة. “.", "ثم غادر."]),
    ("وأعلنت الشرطة.وأضاف المتحدث أن التحقيق مستمر.", ["وأعلنت الشرطة.", "وأضاف المتحدث أن التحقيق مستمر."]),
    ("عام 2019.وأضاف الوزير أن الخطة جاهزة.", ["عام 2019.", "وأضاف الوزير أن الخطة جاهزة."]),
    ("قال أمين الجامعة د.نبيل العربي إن القمة انتهت.", ["قال أمين الجامعة د.نبيل العربي إن القمة انتهت."]),
    ("زار شركة (1.إم.دي.بي.) الماليزية. ثم عاد.", ["زار شركة (1.إم.دي.بي.) الماليزية.", "ثم عاد."]),
    ("في تصريح لـ“العربية.نت”. وأضاف أن الأمر انتهى.", ["في تصريح لـ“العربية.نت”.", "وأضاف أن الأمر انتهى."]),
    ("زار الموقع www.example.com. ثم غادر.", ["زار الموقع www.example.com.", "ثم غادر."]),
    ("راسلونا على info@news.org. شكرا.", ["راسلونا على info@news.org.", "شكرا."]),
    ("انظر https://example.org/a.b?c=1 للمزيد", ["انظر https://example.org/a.b?c=1 للمزيد"]),
    ("هل انتهى الأمر؟ لا أحد يعرف! ربما… غدا.", ["هل انتهى الأمر؟", "لا أحد يعرف!", "ربما…", "غدا."]),
    ("ماذا حدث؟! لا شيء.", ["ماذا حدث؟!", "لا شيء."]),
    ("قالت (في بيان.) إن الأمر انتهى.", ["قالت (في بيان.)", "إن الأمر انتهى."]),
    ("السطر الأول\n\nالسطر الثاني. والثالث.", ["السطر الأول", "السطر الثاني.", "والثالث."]),
    ("في العام 310 هـ. انتهى الحكم", ["في العام 310 هـ. انتهى الحكم"]),
    ("Hello world. This is fine.", ["Hello world.", "This is fine."]),
    ("", []),
    ("  \n ", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[s.start:s.end] for s in sentences(text)] == expected


def test_sentences_carry_paragraph_index() -> None:
    text = "الأولى. الثانية.\n\nالثالثة."
    assert sentences(text) == [Sentence(0, 7, 0), Sentence(8, 16, 0), Sentence(18, 26, 1)]


def test_sentences_accept_a_pairing() -> None:
    text = "وقال “الوضع صعب. نحن ننتظر.” وأضاف."
    assert sentences(text, Pairing(pairs=(), unpaired=())) != sentences(text)
    assert sentences(text, pair_quotes(text)) == sentences(text)


def test_seed_article_sentences() -> None:
    if not SEED.exists():
        pytest.skip("shared corpus not available")
    text = SEED.read_text(encoding="utf-8")
    found = [text[s.start:s.end] for s in sentences(text)]
    assert "“وقد جربها الآلاف من الناس”." in found
    assert any(s.startswith("وقال العموري") and s.endswith("شيئا” .") for s in found)
    assert len({s.paragraph for s in sentences(text)}) == len(paragraphs(text))


# ---------------------------------------------------------------- entry point


def test_segment_bundles_each_stage() -> None:
    text = "وقال د. سمير “الوضع صعب. جدا”.\nوأضاف أن الحل قريب."
    seg = segment(text)
    assert seg.text == text
    assert seg.norm == normalize(text)
    assert seg.paragraphs == tuple(paragraphs(text))
    assert seg.quotes == pair_quotes(text)
    assert list(seg.sentences) == sentences(text)
    assert [text[s.start:s.end] for s in seg.sentences] == [
        "وقال د. سمير “الوضع صعب. جدا”.",
        "وأضاف أن الحل قريب.",
    ]


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(0, "الأولى."), (6, "الأولى."), (7, None), (8, "الثانية."), (15, "الثانية."), (16, None), (99, None)],
)
def test_sentence_at(offset: int, expected: str | None) -> None:
    text = "الأولى. الثانية."
    seg = segment(text)
    found = sentence_at(seg, offset)
    assert (text[found.start:found.end] if found else None) == expected


# ---------------------------------------------------------------- invariants


def _check_pairing(text: str, pairing: Pairing) -> None:
    marks: list[int] = []
    opens = [p.open for p in pairing.pairs]
    assert opens == sorted(opens)
    paras = paragraphs(text)
    for p in pairing.pairs:
        assert text[p.open] in QUOTE_MARKS
        assert p.open < p.start <= p.end <= len(text)
        assert p.depth >= 0
        marks.append(p.open)
        if p.close is not None:
            assert text[p.close] in QUOTE_MARKS
            assert p.end <= p.close
            marks.append(p.close)
        else:
            assert p.kind in ("unclosed", "reopened")
        assert any(lo <= p.open and (p.close if p.close is not None else p.end) < hi + 1
                   for lo, hi in paras), "a quotation crosses a paragraph boundary"
    for u in pairing.unpaired:
        assert text[u] in QUOTE_MARKS
        marks.append(u)
    assert len(marks) == len(set(marks)), "a mark is used twice"


def _check_sentences(text: str, found: list[Sentence]) -> None:
    paras = paragraphs(text)
    prev_end = 0
    for s in found:
        assert prev_end <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        lo, hi = paras[s.paragraph]
        assert lo <= s.start and s.end <= hi
        prev_end = s.end


@given(any_text)
@settings(max_examples=400)
def test_pairing_and_sentences_never_raise(text: str) -> None:
    pairing = pair_quotes(text)
    _check_pairing(text, pairing)
    _check_sentences(text, sentences(text, pairing))


@given(quoted_text())
@settings(max_examples=300)
def test_quoted_text_invariants(text: str) -> None:
    seg = segment(text)
    _check_pairing(text, seg.quotes)
    _check_sentences(text, list(seg.sentences))
    for s in seg.sentences:
        assert sentence_at(seg, s.start) == s
        assert sentence_at(seg, s.end - 1) == s


def test_abbreviation_data_is_well_formed() -> None:
    from quotes.segment import _abbreviations

    entries = _abbreviations()
    assert {"dr", "mr", "ه", "ق.م"} <= entries
    assert all(e and e == e.strip() and not e.endswith(".") for e in entries)
