"""Tests of quotes.text: normalization rules and the offset map."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import any_text, arabic_text

from quotes.text import DELETED, Normalized, fold, normalize

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed" / "idlib.txt"


# Each rule with its negative twin: (original, normalized).
RULES = [
    pytest.param("أعلن", "اعلن", id="hamza-above-alef"),
    pytest.param("اعلن", "اعلن", id="bare-alef-stays"),
    pytest.param("إنه", "انه", id="hamza-below-alef"),
    pytest.param("آلاف", "الاف", id="madda-alef"),
    pytest.param("ٱلسلام", "السلام", id="wasla-alef"),
    pytest.param("على", "علي", id="alef-maqsura"),
    pytest.param("علي", "علي", id="ya-stays"),
    pytest.param("مدينة", "مدينه", id="ta-marbuta"),
    pytest.param("مدينه", "مدينه", id="ha-stays"),
    pytest.param("شؤون", "شوون", id="waw-hamza"),
    pytest.param("مسئول", "مسيول", id="ya-hamza"),
    pytest.param("مسؤول", "مسوول", id="waw-hamza-spelling-stays-distinct"),
    pytest.param("ساء", "ساء", id="bare-hamza-stays"),
    pytest.param("قالَ", "قال", id="fatha"),
    pytest.param("مُحَمَّد", "محمد", id="damma-fatha-shadda"),
    pytest.param("هجومًا", "هجوما", id="tanwin"),
    pytest.param("الرحمٰن", "الرحمن", id="dagger-alef"),
    pytest.param("الســلام", "السلام", id="tatweel"),
    pytest.param("قال", "قال", id="plain-word-unchanged"),
    pytest.param("\u200fقال\u200e", "قال", id="rlm-lrm"),
    pytest.param("\u2067قال\u2069", "قال", id="isolates"),
    pytest.param("\u202bقال\u202c", "قال", id="embeddings"),
    pytest.param("\ufeffقال", "قال", id="bom"),
    pytest.param("قا\u200cل", "قال", id="zwnj"),
    pytest.param("\u061cقال", "قال", id="arabic-letter-mark"),
    pytest.param("co\u00adop", "coop", id="soft-hyphen"),
    pytest.param("٢٠١٩", "2019", id="arabic-indic-digits"),
    pytest.param("۲۰۱۹", "2019", id="persian-digits"),
    pytest.param("2019", "2019", id="ascii-digits-stay"),
    pytest.param("٣٫٥٪", "3.5%", id="arabic-decimal-and-percent"),
    pytest.param("نعم، لا؛ لماذا؟", "نعم, لا; لماذا?", id="arabic-punctuation"),
    pytest.param("نعم, لا; لماذا?", "نعم, لا; لماذا?", id="ascii-punctuation-stays"),
    pytest.param("قال\u00a0ان", "قال ان", id="nbsp"),
    pytest.param("قال\u202fان\u2007و\u2003ب", "قال ان و ب", id="unicode-spaces"),
    pytest.param("قال\nان\tو", "قال\nان\tو", id="newline-and-tab-stay"),
    pytest.param("Reuters AFP", "reuters afp", id="latin-lowercased"),
    pytest.param("ÉÀ İ", "ÉÀ İ", id="non-ascii-capitals-stay"),
    pytest.param("پیکک", "پيكك", id="persian-ya-keheh"),
    pytest.param("\ufefb", "\ufefb", id="two-letter-ligature-stays"),
    pytest.param("\ufe8d\ufee0", "ال", id="presentation-forms"),
    pytest.param("“نعم” «لا»", "“نعم” «لا»", id="quote-marks-stay"),
    pytest.param("😀👍🏽", "😀👍🏽", id="emoji-stay"),
    pytest.param("", "", id="empty"),
]


@pytest.mark.parametrize(("original", "expected"), RULES)
def test_normalize_rules(original: str, expected: str) -> None:
    norm = normalize(original)
    assert norm.text == expected
    assert fold(original) == expected
    assert len(norm.offsets) == len(expected) + 1
    assert norm.offsets[-1] == len(original)


@pytest.mark.parametrize(
    ("original", "offsets"),
    [
        ("قالَ", (0, 1, 2, 4)),
        ("\u200fقال", (1, 2, 3, 4)),
        ("الســلام", (0, 1, 2, 5, 6, 7, 8)),
        ("أعلن", (0, 1, 2, 3, 4)),
        ("مُحَمَّد", (0, 2, 4, 7, 8)),
    ],
)
def test_offset_map_values(original: str, offsets: tuple[int, ...]) -> None:
    assert normalize(original).offsets == offsets


@pytest.mark.parametrize(
    ("original", "span", "expected"),
    [
        pytest.param("وقالَ إنه", (0, 4), (0, 5), id="trailing-diacritic-kept"),
        pytest.param("وقالَ إنه", (5, 8), (6, 9), id="second-word"),
        pytest.param("\u200fقال\u200f", (0, 3), (1, 4), id="controls-left-out"),
        pytest.param("السـلام", (0, 2), (0, 2), id="tatweel-inside-not-at-edge"),
        pytest.param("السـلام", (2, 6), (2, 7), id="tatweel-inside-span"),
        pytest.param("قالَ", (3, 3), (4, 4), id="empty-at-end"),
        pytest.param("قالَ", (1, 1), (1, 1), id="empty-inside"),
        pytest.param("", (0, 0), (0, 0), id="empty-text"),
    ],
)
def test_to_original(original: str, span: tuple[int, int], expected: tuple[int, int]) -> None:
    assert normalize(original).to_original(*span) == expected


def test_to_original_finds_word_in_original() -> None:
    original = "وأعلنَت الحكومةُ، يوم ٢٩ آب، أن \u200fالمفاوضات انتهت."
    norm = normalize(original)
    i = norm.text.index("المفاوضات")
    start, end = norm.to_original(i, i + len("المفاوضات"))
    assert original[start:end] == "المفاوضات"
    i = norm.text.index("الحكومه")
    start, end = norm.to_original(i, i + len("الحكومه"))
    assert original[start:end] == "الحكومةُ"


@pytest.mark.parametrize(("span"), [(-1, 2), (2, 1), (0, 99)])
def test_to_original_rejects_bad_spans(span: tuple[int, int]) -> None:
    with pytest.raises(ValueError):
        normalize("قالَ إن").to_original(*span)


@pytest.mark.parametrize(
    ("original", "index", "expected"),
    [
        ("قالَ إن", 0, 0),
        ("قالَ إن", 3, 3),  # the fatha: next kept character is the space
        ("قالَ إن", 4, 3),
        ("قالَ إن", 5, 4),
        ("قالَ إن", 7, 6),
        ("\u200f\u200fقال", 1, 0),
    ],
)
def test_to_normalized(original: str, index: int, expected: int) -> None:
    assert normalize(original).to_normalized(index) == expected


def test_to_normalized_rejects_out_of_range() -> None:
    with pytest.raises(ValueError):
        normalize("قال").to_normalized(4)


def test_normalized_rejects_inconsistent_map() -> None:
    with pytest.raises(ValueError):
        Normalized("قال", "قال", (0, 1, 2))


def test_normalize_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        normalize(b"abc")  # type: ignore[arg-type]


def test_seed_article_round_trip() -> None:
    if not SEED.exists():
        pytest.skip("shared corpus not available")
    original = SEED.read_text(encoding="utf-8")
    norm = normalize(original)
    assert "اعلنت روسيا" in norm.text
    assert not DELETED & set(norm.text)
    i = norm.text.index("هجوما عنيفا")
    start, end = norm.to_original(i, i + len("هجوما عنيفا"))
    assert original[start:end] == "هجومًا عنيفًا"


def test_normalize_is_fast() -> None:
    original = ("وقالَ الرئيسُ \u200fإن “الوضع ٢٠١٩” مستقر، وأضاف: «لا».\n" * 1200)[:50_000]
    norm = normalize(original)  # warm up
    t0 = time.perf_counter()
    for _ in range(5):
        norm = normalize(original)
    per_call = (time.perf_counter() - t0) / 5
    assert len(norm.offsets) == len(norm.text) + 1
    assert per_call < 0.05, f"normalize took {per_call * 1000:.1f} ms on 50k chars"


# ---------------------------------------------------------------- invariants


@given(any_text)
@settings(max_examples=300)
def test_offset_map_invariants(original: str) -> None:
    norm = normalize(original)
    offs = norm.offsets
    assert len(offs) == len(norm.text) + 1
    assert offs[-1] == len(original)
    assert all(a < b for a, b in zip(offs, offs[1:]))
    for i, ch in enumerate(norm.text):
        assert fold(original[offs[i]]) == ch
    kept = {i for i, ch in enumerate(original) if ch not in DELETED}
    assert kept == set(offs[:-1])


@given(any_text)
def test_fold_equals_normalize_and_is_idempotent(original: str) -> None:
    assert fold(original) == normalize(original).text
    assert fold(fold(original)) == fold(original)


@given(arabic_text(), st.data())
def test_spans_map_back_inside_original(original: str, data: st.DataObject) -> None:
    norm = normalize(original)
    n = len(norm.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    lo, hi = norm.to_original(start, end)
    assert 0 <= lo <= hi <= len(original)
    assert fold(original[lo:hi]) == norm.text[start:end]
    assert norm.to_normalized(lo) == start
