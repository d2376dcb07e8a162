"""Word tokens over the normalized view, with offsets into the original text.

The rule engine reasons over tokens: each carries its normalized form (for
matching against folded lexicons) and the half-open span of the original
document it covers (for building records).  Tokenizing the normalized view
means diacritics, tatweel and invisible controls never split a word.
"""

from __future__ import annotations

import attrs
import regex

from quotes.segment import is_abbreviation
from quotes.text import Normalized

__all__ = ["Token", "tokenize", "QUOTE_MARKS", "PUNCT_FINAL"]

QUOTE_MARKS = frozenset("“”«»\"„‹›‟″")
_TITLE_INITIALS = frozenset("د")  # د. (doctor), written glued to the name as often as not
PUNCT_FINAL = frozenset(".!?…")

# A word: letters and marks with inner digits, dots between letters
# (العربية.نت, U.S) and a joined Latin/Arabic run; a number with its
# separators; any other single non-space character.
_TOKEN = regex.compile(
    r"\p{L}[\p{L}\p{M}\p{N}]*(?:\.\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}+(?:[.,:/]\p{N}+)*%?|\S",
)


@attrs.frozen
class Token:
    """One word, number or punctuation mark."""

    start: int  # original offsets, half-open
    end: int
    norm: str  # the normalized form
    kind: str  # word | num | quote | punct
    nstart: int  # offsets in the normalized view

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


def tokenize(norm: Normalized) -> list[Token]:
    """Split the normalized view into tokens mapped back to the original text."""
    out: list[Token] = []
    for m in _TOKEN.finditer(norm.text):
        s, e = m.span()
        t = m.group()
        ch = t[0]
        if len(t) > 3 and t[1] == "." and t[0] in _TITLE_INITIALS and t[2].isalpha():
            a, b = norm.to_original(s, s + 2)  # د.نادر العلي: the title's initial, then the name
            out.append(Token(a, b, t[:2], "word", s))
            s, t = s + 2, t[2:]
        if t == "." and out and out[-1].kind == "word" and out[-1].nstart + len(out[-1].norm) == s \
                and is_abbreviation(norm.text, s):
            prev = out[-1]  # د. محمد: the abbreviation's dot belongs to its word, it ends no sentence
            out[-1] = Token(prev.start, norm.to_original(s, e)[1], prev.norm + ".", "word", prev.nstart)
            continue
        if ch.isalpha():
            kind = "word"
        elif ch.isdigit():
            kind = "num"
        elif ch in QUOTE_MARKS:
            kind = "quote"
        else:
            kind = "punct"
        start, end = norm.to_original(s, e)
        out.append(Token(start, end, t, kind, s))
    return out
