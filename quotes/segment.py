"""Paragraphs, quotation-mark pairing and sentences of an Arabic news text.

All offsets are half-open character offsets into the original text.  The
layer never raises on a string: what cannot be paired is reported, not
guessed away.

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
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from typing import Iterable

import attrs

from quotes.lexicon import load_lexicon
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


# ---------------------------------------------------------------- sentences


@functools.cache
def _abbreviations() -> frozenset[str]:
    """Folded abbreviations from the lexicon ``abbreviations.txt``."""
    return frozenset(fold(e.strip()).rstrip(".") for e in load_lexicon("abbreviations.txt"))


_TERMINATORS = ".!?؟…"
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


def _is_abbreviation(text: str, dot: int, lo: int) -> bool:
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
        if _is_abbreviation(text, s, lo):
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
