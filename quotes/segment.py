"""Paragraphs, quotation-mark pairing and sentences of an Arabic news text.

All offsets are half-open character offsets into the original text.  The
layer never raises on a string.  Paragraphs and quotation-mark pairing are
:mod:`quotes.quotemarks` (re-exported here); this module splits sentences,
never inside a closed quotation, and ties the three together in
:func:`segment`.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from typing import Iterable

import attrs

from quotes.lexicon import load_lexicon
from quotes.quotemarks import (
    PAIR_KINDS,
    QUOTE_MARKS,
    _TERMINATORS,
    Pairing,
    QuotePair,
    _kind,
    _pair,
    _strip,
    pair_quotes,
    paragraphs,
)
from quotes.text import Normalized, fold, normalize

__all__ = [
    "QUOTE_MARKS",
    "PAIR_KINDS",
    "QuotePair",
    "Pairing",
    "Sentence",
    "Segmented",
    "paragraphs",
    "pair_quotes",
    "sentences",
    "segment",
    "sentence_at",
]


# ---------------------------------------------------------------- records


@attrs.frozen
class Sentence:
    """A sentence span (whitespace excluded) and the index of its paragraph."""

    start: int
    end: int
    paragraph: int


@attrs.frozen
class Segmented:
    """A text with its normalized view, paragraphs, sentences and quotations."""

    text: str
    norm: Normalized
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    quotes: Pairing


# ---------------------------------------------------------------- sentences


@functools.cache
def _abbreviations() -> frozenset[str]:
    """Folded abbreviations from the lexicon ``abbreviations.jsonl``."""
    return frozenset(fold(e["text"]).rstrip(".") for e in load_lexicon("abbreviations.jsonl"))


_TERMINATOR_RUN = re.compile(r"[.!?؟…]+")
_CLOSE_BRACKETS = ")]}"
_ARABIC_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]+")
_PROTECTED = re.compile(
    r"(?:https?://|www\.)\S+?(?=[.,!?؟،)\]]*(?:\s|$))"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|info|io|co|uk|fr|de|eg|sa|ae|qa|sy|lb|jo|ma|tn|dz|iq|kw|om|bh|ly|sd|ye|ps|tr|ru|us|tv)\b",
    re.IGNORECASE,
)


def _token_before(text: str, i: int, lo: int) -> str:
    """The word (letters, digits, inner dots) that ends right before ``text[i]``."""
    a = i
    while a > lo and i - a < 40 and (text[a - 1].isalnum() or text[a - 1] in "._"
                                     or unicodedata.category(text[a - 1]) == "Mn"):
        a -= 1
    return text[a:i].lstrip(".")


def is_abbreviation(text: str, dot: int, lo: int = 0) -> bool:
    """Whether the dot at ``dot`` ends an abbreviation (``د.``, ``U.S.``, ``Dr.``)."""
    token = _token_before(text, dot, lo)
    if not token:
        return False
    if "." in token:
        parts = token.split(".")
        return all(len(x) <= 3 for x in parts) and not all(x.isdigit() for x in parts)
    if len(token) == 1:
        return token.isalpha()
    return fold(token) in _abbreviations()


def _glued_start(text: str, s: int, p: int, lo: int, hi: int) -> bool:
    """Whether ``text[p:]`` starts a new sentence glued to the terminator at ``s`` (``الشرطة.وأضاف``)."""
    m = _ARABIC_WORD.match(text, p, hi)
    if m is None or m.end() - p < 3:
        return False
    if m.end() < hi - 1 and text[m.end()] == "." and _kind(text[m.end() + 1]) == "W":
        return False  # a dotted acronym or a domain
    return len(_token_before(text, s, lo)) != 1


def _in_address(text: str, i: int, lo: int, hi: int) -> bool:
    """Whether ``text[i]`` lies inside a URL, e-mail address or domain name."""
    a = i
    while a > lo and not text[a - 1].isspace() and i - a < 300:
        a -= 1
    b = i + 1
    while b < hi and not text[b].isspace() and b - i < 300:
        b += 1
    token = text[a:b]
    if "." not in token or i + 1 == b:
        return False
    return any(m.start() <= i - a < m.end() for m in _PROTECTED.finditer(token))


class _Context:
    """What sentence splitting needs to know about one text."""

    def __init__(self, text: str, pairing: Pairing) -> None:
        self.text = text
        self.closes = {p.close for p in pairing.pairs if p.close is not None}
        spans = sorted((p.start, p.end) for p in pairing.pairs if p.close is not None)
        self.starts, self.ends = _merge(spans)

    def inside(self, pos: int) -> bool:
        """Whether ``pos`` lies strictly inside a closed quotation."""
        i = bisect.bisect_left(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def extend(self, p: int, hi: int) -> int:
        """Extend a sentence end over closing marks, brackets and more terminators."""
        text = self.text
        while p < hi:
            if text[p] in _TERMINATORS or text[p] in _CLOSE_BRACKETS or p in self.closes:
                p += 1
                continue
            q, _ = _strip(text, p, hi)
            if q < hi and q in self.closes and q > p:
                p = q + 1
                continue
            break
        return p


def _merge(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for s, e in spans:
        if starts and s < ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _boundary(ctx: _Context, m: re.Match[str], lo: int, hi: int) -> int | None:
    """The end of the sentence the terminator run ``m`` closes, or ``None``."""
    text = ctx.text
    s, e = m.span()
    if ctx.inside(e) or _in_address(text, s, lo, hi):
        return None
    if m.group() == ".":
        if s > lo and e < hi and text[s - 1].isdigit() and text[e].isdigit():
            return None
        if is_abbreviation(text, s, lo):
            return None
    p = ctx.extend(e, hi)
    if p >= hi or text[p].isspace():
        return p
    return p if _glued_start(text, s, p, lo, hi) else None


def _split(ctx: _Context, k: int, lo: int, hi: int) -> Iterable[Sentence]:
    start = lo
    for m in _TERMINATOR_RUN.finditer(ctx.text, lo, hi):
        if m.start() < start:
            continue  # already taken by an extended boundary
        b = _boundary(ctx, m, lo, hi)
        if b is not None:
            s, e = _strip(ctx.text, start, b)
            if s < e:
                yield Sentence(s, e, k)
            start = b
    s, e = _strip(ctx.text, start, hi)
    if s < e:
        yield Sentence(s, e, k)


def _sentences(text: str, pairing: Pairing, paras: list[tuple[int, int]]) -> list[Sentence]:
    ctx = _Context(text, pairing)
    return [s for k, (lo, hi) in enumerate(paras) for s in _split(ctx, k, lo, hi)]


def sentences(text: str, pairing: Pairing | None = None) -> list[Sentence]:
    """Split ``text`` into sentences at ``. ! ? ؟ …`` and line breaks.

    No split inside a closed quotation, after an abbreviation, inside a
    number, URL or e-mail address.  A sentence keeps its final punctuation
    and the closing marks right after it.  ``pairing`` defaults to
    ``pair_quotes(text)``.
    """
    paras = paragraphs(text)
    return _sentences(text, pairing if pairing is not None else _pair(text, paras), paras)


# ---------------------------------------------------------------- entry point


def segment(text: str) -> Segmented:
    """Normalize, pair quotation marks and split ``text``, each once."""
    paras = paragraphs(text)
    pairing = _pair(text, paras)
    return Segmented(
        text=text,
        norm=normalize(text),
        paragraphs=tuple(paras),
        sentences=tuple(_sentences(text, pairing, paras)),
        quotes=pairing,
    )


def sentence_at(seg: Segmented, offset: int) -> Sentence | None:
    """The sentence of ``seg`` containing the original offset ``offset``, if any."""
    i = bisect.bisect_right(seg.sentences, offset, key=lambda s: s.start) - 1
    if i >= 0 and offset < seg.sentences[i].end:
        return seg.sentences[i]
    return None
