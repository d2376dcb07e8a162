"""Quotation marks: which open, which close, and the quotations they make.

All offsets are half-open character offsets into the original text.  Pairing
never raises on a string: what cannot be paired is reported, not guessed
away.  It works paragraph by paragraph (a quotation left open runs to its
paragraph end), so paragraph splitting lives here too.

Quotation marks in Arabic news are unreliable in shape: the same article
opens with ``“`` and closes with ``”``, ``“`` or ``"``, reverses the pair
(``”...“``), nests quotes with the same marks, and leaves quotes open to the
end of the paragraph.  So a mark's role is decided by position, not shape:

1. by its neighbours: after whitespace, punctuation, the start of the line
   or a one-letter proclitic (``ل``, ``ب``, ``و``) and before a letter, it
   opens; after a letter or sentence punctuation and before whitespace or
   punctuation, it closes;
2. when the neighbours do not decide (spaces on both sides, letters on both
   sides), by the marks still open and the marks ahead that may close: it
   opens if enough closers follow to close it, otherwise it closes;
3. a closing mark closes the innermost open quotation; what stays open at
   the paragraph end runs to the paragraph end.

Single quotes (``'`` ``‘`` ``’``) count only when both of their marks are
clearly placed, since they are mostly apostrophes and transliteration.

:mod:`quotes.segment` re-exports the public names and uses the private
helpers ``_strip``, ``_kind``, ``_pair`` and ``_TERMINATORS``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

import attrs

__all__ = [
    "QUOTE_MARKS",
    "PAIR_KINDS",
    "QuotePair",
    "Pairing",
    "paragraphs",
    "pair_quotes",
]

_DOUBLE = "“”«»\"„‟‹›＂"
_SINGLE = "'‘’‚‛"
#: Every character treated as a quotation mark.
QUOTE_MARKS = frozenset(_DOUBLE + _SINGLE)
PAIR_KINDS = ("matched", "mismatched", "unclosed", "reopened")

_PAIRS = {("“", "”"), ("«", "»"), ("„", "“"), ("„", "”"), ("‹", "›"), ("‟", "”"),
          ('"', '"'), ("＂", "＂"), ("'", "'"), ("‘", "’"), ("‚", "‘"), ("‚", "’")}
#: Shapes that form a pair, in either orientation (``”...“`` and ``»...«``
#: are reversals that right-to-left typing produces, not errors of shape).
_MATCHED = frozenset(_PAIRS | {(b, a) for a, b in _PAIRS})
_STRAIGHT = frozenset('"＂')
_MARK_RUN = re.compile("[" + re.escape("".join(sorted(QUOTE_MARKS))) + "]+")
_NEWLINES = re.compile(r"[\r\n\u2028\u2029\x85]+")
#: One-letter proclitics written joined to a following quotation mark
#: (``ل“العربية”``, ``و"أهلا"``): orthography, not vocabulary.
_CLITICS = frozenset("لبوفك")
_TATWEEL = "\u0640"
#: Sentence-final punctuation; a mark of the same shape after one reopens
#: an open quotation (:func:`_restarts`).  Sentence splitting uses it too.
_TERMINATORS = ".!?؟…"


# ---------------------------------------------------------------- records


@attrs.frozen
class QuotePair:
    """A quotation: its marks and its content span.

    ``open``/``close`` are the offsets of the marks (``close`` is ``None`` when
    the quote runs to the end of its paragraph); ``start``/``end`` bound the
    content, marks and whitespace just inside them excluded.  ``depth`` is the
    number of quotations enclosing this one.  ``kind`` is ``matched``,
    ``mismatched`` (closed by a mark of another shape, ``“...“``),
    ``unclosed`` (no closing mark before the paragraph end; the content then
    ends at the paragraph end, its final full stop excluded) or ``reopened``
    (no closing mark, and the quotation is continued by the next pair: the
    next paragraph opens with a quotation mark, the convention for a
    quotation over several paragraphs, or, inside a paragraph, a mark of the
    same shape reopens it after a sentence end, ``"A. "B"``).  A continued
    quotation is the ``reopened`` pair followed by the next pair in ``pairs``.
    """

    open: int
    close: int | None
    start: int
    end: int
    depth: int
    kind: str = attrs.field(validator=attrs.validators.in_(PAIR_KINDS))


@attrs.frozen
class Pairing:
    """The quotations of a text, sorted by opening mark, and the marks left over."""

    pairs: tuple[QuotePair, ...]
    unpaired: tuple[int, ...]



# ---------------------------------------------------------------- paragraphs


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace at both ends (never inverting it)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Split at runs of line breaks; spans exclude surrounding whitespace, none empty."""
    out = []
    prev = 0
    for m in [*_NEWLINES.finditer(text), None]:
        stop = m.start() if m else len(text)
        s, e = _strip(text, prev, stop)
        if s < e:
            out.append((s, e))
        prev = m.end() if m else prev
    return out


# ---------------------------------------------------------------- quote marks


def _kind(ch: str | None) -> str:
    """Class of a neighbour: S space/edge, W word, O opening bracket, F final, I other punctuation, X symbol."""
    if ch is None or ch.isspace() or ch in QUOTE_MARKS:
        return "S"
    cat = unicodedata.category(ch)
    if cat[0] in "LNM":
        return "W"
    if cat == "Ps":
        return "O"
    if cat == "Pe" or ch in ".!?؟…%٪":
        return "F"
    return "X" if cat[0] == "S" else "I"


def _neighbour(text: str, i: int, step: int, lo: int, hi: int) -> int | None:
    """Index of the nearest character from ``i`` in direction ``step``, skipping format controls."""
    while lo <= i < hi:
        if unicodedata.category(text[i]) != "Cf":
            return i
        i += step
    return None


def _role(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """Whether the run of marks ``[start, end)`` opens, closes or is ``either``.

    An undecided run may lean one way (``either-open``, ``either-close``);
    the lean only matters when looking ahead for closers (:func:`_closes_ahead`).
    """
    li = _neighbour(text, start - 1, -1, lo, hi)
    ri = _neighbour(text, end, 1, lo, hi)
    left = _kind(None if li is None else text[li])
    right = _kind(None if ri is None else text[ri])
    if left == "W" and li is not None and _is_clitic(text, li, lo):
        left = "S"
    if left in "SOIX" and right in "WO":
        return "open"
    if left in "WF" and right in "SFIX":
        return "close"
    if left == right == "W" and end - start == 1 and text[start] in _SINGLE:
        return "apostrophe"
    if left == right == "W" and len(set(text[start:end])) > 1:
        return "between"
    if li is not None and text[li] == ":":
        return "either-open"  # leans open: ``قال: " نعم``
    if right == "F" or ri is None:
        return "either-close"  # leans closed: ``سوريا “.``
    return "either"


def _is_clitic(text: str, i: int, lo: int) -> bool:
    """Whether ``text[i]`` ends a one-letter proclitic word (``ل``, ``لـ``, ``و``)."""
    if text[i] == _TATWEEL and i > lo:
        i -= 1
    if text[i] not in _CLITICS:
        return False
    return i == lo or _kind(text[i - 1]) != "W"


def _groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split the run ``[start, end)`` into groups of identical marks (inclusive bounds)."""
    out = []
    i = start
    while i < end:
        j = i
        while j + 1 < end and text[j + 1] == text[i]:
            j += 1
        out.append((i, j))
        i = j + 1
    return out


def _marks(text: str, lo: int, hi: int) -> Iterable[tuple[int, str]]:
    """Yield ``(offset, role)`` for the marks of one paragraph.

    A group of identical marks (``""``) counts as one mark (the last of an
    opening group, the first of a closing one); the others get role
    ``extra``.  Between two words, a run of different marks (``نعم”“لا``)
    closes with its first group and opens with its last.
    """
    for m in _MARK_RUN.finditer(text, lo, hi):
        role = _role(text, m.start(), m.end(), lo, hi)
        if role == "apostrophe":
            continue
        groups = _groups(text, m.start(), m.end())
        for g, (i, j) in enumerate(groups):
            r = role
            if role == "between":
                r = "close" if g == 0 else "open" if g == len(groups) - 1 else "either"
            if r.startswith("either") or i == j:
                yield from ((k, r) for k in range(i, j + 1))
            else:
                keep = j if r == "open" else i
                yield from ((k, r if k == keep else "extra") for k in range(i, j + 1))


# ---------------------------------------------------------------- pairing


@attrs.define
class _Open:
    offset: int
    depth: int
    single: bool


def _closed(text: str, o: _Open, close: int) -> QuotePair:
    start, end = _strip(text, o.offset + 1, close)
    kind = "matched" if (text[o.offset], text[close]) in _MATCHED else "mismatched"
    return QuotePair(o.offset, close, start, end, o.depth, kind)


def _closes_ahead(text: str, marks: list[tuple[int, str]]) -> list[int]:
    """For each mark, how many double marks that may close follow before the next clear opener."""
    out = [0] * len(marks)
    count = 0
    for i in range(len(marks) - 1, -1, -1):
        out[i] = count
        off, role = marks[i]
        if text[off] in _SINGLE:
            continue
        if role in ("open", "either-open"):
            count = 0
        elif role in ("close", "either", "either-close"):
            count += 1
    return out


def _resolve(text: str, off: int, role: str, stack: list[_Open], ahead: int) -> str:
    """Settle a mark's role from the marks still open and the clear closers ahead.

    An undecided mark opens when the marks ahead that may close (before the
    next clear opener) are enough to close it and everything open; otherwise
    it closes.  A straight ``"`` that looks like an opener while a
    ``"`` is open is taken the same way, since sloppy spacing (``"الموجة
    الجديدة "في``) is far more common in news than ``"`` nested in ``"``;
    one that looks like a closer with nothing open opens when closers follow
    (``مضيفا" نجحنا ... ليبيا"``).
    """
    ch = text[off]
    if role.startswith("either"):
        role = "either"
    if ch in _SINGLE:
        return "skip" if role == "either" else role  # only clearly placed singles count
    doubles = [o for o in stack if not o.single]
    same = bool(doubles) and text[doubles[-1].offset] == ch
    if role == "either" or (role == "open" and ch in _STRAIGHT and same):
        return "open" if ahead >= len(doubles) else "close"
    if role == "close" and not doubles and ch in _STRAIGHT and ahead > 0:
        return "open"
    return role


def _close(text: str, off: int, stack: list[_Open]) -> QuotePair | None:
    """Pop the quotation the closing mark at ``off`` closes, if any."""
    if text[off] in _SINGLE:
        if stack and stack[-1].single:
            return _closed(text, stack.pop(), off)
        return None
    while stack and stack[-1].single:
        stack.pop()  # an unclosed single quote inside a double one: an apostrophe
    return _closed(text, stack.pop(), off) if stack else None


def _pair_paragraph(text: str, lo: int, hi: int, out: list[QuotePair],
                    unpaired: list[int]) -> list[_Open]:
    """Pair the marks of one paragraph; return the quotations left open."""
    stack: list[_Open] = []
    marks = list(_marks(text, lo, hi))
    for (off, role), ahead in zip(marks, _closes_ahead(text, marks)):
        if role == "open" and _restarts(text, off, stack):
            o = stack.pop()
            start, end = _strip(text, o.offset + 1, off)
            out.append(QuotePair(o.offset, None, start, end, o.depth, "reopened"))
        role = _resolve(text, off, role, stack, ahead)
        if role == "open":
            stack.append(_Open(off, len(stack), text[off] in _SINGLE))
        elif role == "close":
            pair = _close(text, off, stack)
            if pair is not None:
                out.append(pair)
            elif text[off] not in _SINGLE:
                unpaired.append(off)
        elif role == "extra" and text[off] not in _SINGLE:
            unpaired.append(off)
    return [o for o in stack if not o.single]


def _restarts(text: str, off: int, stack: list[_Open]) -> bool:
    """Whether the opening mark at ``off`` restarts the open quotation after a sentence end.

    ``قال "A. "B".``: the writer reopens the quotation at a new sentence
    without closing it, the convention of multi-paragraph quotations used
    inside one paragraph.
    """
    if not stack or stack[-1].single or text[stack[-1].offset] != text[off]:
        return False
    first = stack[-1].offset + 1
    i = off - 1
    while i >= first and text[i].isspace():
        i -= 1
    return i >= first and text[i] in _TERMINATORS


def _opens_paragraph(text: str, lo: int, hi: int) -> bool:
    """Whether the paragraph ``[lo, hi)`` begins with an opening double quotation mark."""
    m = _MARK_RUN.match(text, lo, hi)
    return bool(m) and text[lo] not in _SINGLE and _role(text, lo, m.end(), lo, hi) != "close"


def _pair(text: str, paras: list[tuple[int, int]]) -> Pairing:
    out: list[QuotePair] = []
    unpaired: list[int] = []
    for k, (lo, hi) in enumerate(paras):
        left_open = _pair_paragraph(text, lo, hi, out, unpaired)
        reopens = k + 1 < len(paras) and _opens_paragraph(text, *paras[k + 1])
        for o in left_open:
            start, end = _strip(text, o.offset + 1, hi)
            while end > start and (text[end - 1] in ".…" or text[end - 1].isspace()):
                end -= 1  # the paragraph's full stop is the sentence's, not the quote's
            if start == end:
                unpaired.append(o.offset)  # a mark at the end of its paragraph
                continue
            kind = "reopened" if reopens and o is left_open[0] else "unclosed"
            out.append(QuotePair(o.offset, None, start, end, o.depth, kind))
    out.sort(key=lambda p: p.open)
    return Pairing(tuple(out), tuple(sorted(unpaired)))


def pair_quotes(text: str) -> Pairing:
    """Pair the quotation marks of ``text`` paragraph by paragraph.

    Never raises; marks that close nothing and duplicated marks are returned
    in ``unpaired``.  Apostrophes and unpaired single quotes are ignored.
    """
    return _pair(text, paragraphs(text))
