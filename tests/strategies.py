"""Shared Hypothesis strategies: Arabic-looking news text and its hazards.

The strategies mix Arabic words (with and without diacritics, hamza forms,
tatweel), Latin words, digits of three scripts, Arabic and Latin punctuation,
every quotation mark the package knows, bidi and zero-width controls,
combining marks, emoji, runs of quotation marks, line breaks and Unicode
spaces, so that invariants are tested on the inputs real news produces and
on the ones that break naive code.
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = [
    "ARABIC_WORDS",
    "QUOTE_CHARS",
    "BIDI_CONTROLS",
    "arabic_words",
    "tokens",
    "arabic_text",
    "quoted_text",
    "any_text",
    "blank_text",
]

ARABIC_WORDS = (
    "قال", "وقال", "أعلن", "أعلنت", "إنه", "أن", "الرئيس", "الوزير", "مسؤول",
    "مسئول", "الحكومة", "مدينة", "إلى", "على", "في", "يوم", "الجمعة", "آلاف",
    "ٱلسلام", "المستشفى", "قالَ", "الرئيسُ", "مُحَمَّد", "الســلام", "شؤون",
    "رئيسة", "د", "م", "لـ", "و", "ب", "هـ", "ق.م", "الشرطة.وأضاف",
)
QUOTE_CHARS = "“”«»\"„‟‹›＂'‘’‚‛"
BIDI_CONTROLS = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff\u061c\u00ad"
)
_PUNCT = ".،,؛;؟?!…:()-–/%٪"
_SPACES = " \u00a0\u202f\u2007\u2003\t"
_DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u0301\u06e1"
_EMOJI = "😀🇸🇾👍🏽❤️"

arabic_words = st.sampled_from(ARABIC_WORDS)

_latin_words = st.sampled_from(("Reuters", "AFP", "U.S.", "Dr.", "don't", "OK", "www.bbc.com", "a@b.org"))

tokens = st.one_of(
    arabic_words,
    arabic_words,
    arabic_words,
    _latin_words,
    st.text(alphabet=_DIGITS + ".,", min_size=1, max_size=6),
    st.sampled_from(list(_PUNCT)),
    st.sampled_from(list(QUOTE_CHARS)),
    st.text(alphabet=QUOTE_CHARS, min_size=2, max_size=8),
    st.sampled_from(list(BIDI_CONTROLS)),
    st.sampled_from(list(_MARKS)),
    st.sampled_from(list(_EMOJI)),
    st.sampled_from(["\n", "\n\n", "\r\n", " \n ", "\u2029"]),
)
"""One token: mostly Arabic words, with every kind of hazard mixed in."""

_separators = st.text(alphabet=_SPACES, max_size=2)


@st.composite
def arabic_text(draw: st.DrawFn, max_tokens: int = 40) -> str:
    """Arabic-looking text: tokens joined by zero to two (Unicode) spaces."""
    parts = draw(st.lists(st.tuples(tokens, _separators), max_size=max_tokens))
    return "".join(tok + sep for tok, sep in parts)


@st.composite
def quoted_text(draw: st.DrawFn) -> str:
    """Sentences with quotations: ``وقال X “...”`` in assorted marks and spacings."""
    out = []
    for _ in range(draw(st.integers(1, 4))):
        opener, closer = draw(st.sampled_from(
            [("“", "”"), ("«", "»"), ('"', '"'), ("“", "“"), ("”", "“"), ("'", "'"), ("“", "")]
        ))
        inner = draw(arabic_text(max_tokens=8))
        pad = draw(st.sampled_from(["", " "]))
        end = draw(st.sampled_from([".", "", " .", "\n", "\n\n"]))
        out.append(f"وقال {draw(arabic_words)} {opener}{pad}{inner}{pad}{closer}{end} ")
    return "".join(out)


blank_text = st.text(alphabet=" \t\n\r\u00a0\u2029" + BIDI_CONTROLS, max_size=10)
"""Empty, whitespace-only and invisible-only strings."""

any_text = st.one_of(arabic_text(), quoted_text(), blank_text, st.text(max_size=60))
"""Everything above, plus arbitrary Unicode."""
