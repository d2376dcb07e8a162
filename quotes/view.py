"""One document prepared for the rules: tokens, sentences, quotes, cues, outlets, dates.

Built once per document by the engine; every rule reads it and none changes
it.  Token indexes are the rules' coordinates; offsets into the original text
are read off the tokens only when a finding is built.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import attrs

from quotes.cues import CueMatch
from quotes.dates import DateMatch
from quotes.grammar import Grammar, strip_proclitic
from quotes.outlets import OutletMatch
from quotes.segment import QuotePair, Segmented
from quotes.text import fold
from quotes.tokens import Token

__all__ = ["DocView"]


# verbs that ``كما`` turns into 'as X reported' (كما ذكرت الوكالة); with others it means 'also'
_KAMA_SENSES = frozenset({"say", "report", "announce", "write", "tell", "explain", "point", "confirm", "reveal"})


class DocView:
    """Token-level indexes over a segmented document."""

    def __init__(
        self,
        seg: Segmented,
        toks: list[Token],
        cues: list[CueMatch],
        outlets: list[OutletMatch],
        dates: list[DateMatch],
        gram: Grammar,
    ) -> None:
        self.seg = seg
        self.text = seg.text
        self.toks = toks
        self.gram = gram
        self.starts = [t.start for t in toks]
        self.ends = [t.end for t in toks]
        self.sent_ranges = [self.token_range(s.start, s.end) for s in seg.sentences]
        self.sent_of = [-1] * len(toks)
        for si, (a, b) in enumerate(self.sent_ranges):
            for i in range(a, b):
                self.sent_of[i] = si
        self.pairs: tuple[QuotePair, ...] = seg.quotes.pairs
        self.pair_open = {p.open: k for k, p in enumerate(self.pairs)}
        self.pair_close = {p.close: k for k, p in enumerate(self.pairs) if p.close is not None}
        self.cues = sorted((self._verb_reading(c) for c in cues if self._plausible_cue(c, outlets)),
                           key=lambda c: c.start)
        self.cue_at: dict[int, CueMatch] = {}
        for c in self.cues:
            i = self.index_at(c.start)
            if i is not None:
                self.cue_at.setdefault(i, c)
        self.pairs = self._effective_pairs(self.pairs)
        self.pair_open = {p.open: k for k, p in enumerate(self.pairs)}
        self.pair_close = {p.close: k for k, p in enumerate(self.pairs) if p.close is not None}
        self.outlet_at = self._index_matches(outlets)
        self.date_at = self._index_matches(dates)
        self.outlets = outlets
        self.dates = dates

    def _effective_pairs(self, pairs: tuple[QuotePair, ...]) -> tuple[QuotePair, ...]:
        """Unclosed quotations end with their sentence or at the next coordinated speech verb.

        Real text forgets closing marks (``واوضحت، "ان الهدف ... 2020 وذكرت "بان ...``):
        running such a quotation to the paragraph end would swallow the
        reports after it.
        """
        out: list[QuotePair] = []
        for p in pairs:
            if p.kind == "unclosed":
                end = p.end
                for s in self.seg.sentences:
                    if s.start <= p.open < s.end:
                        end = min(end, s.end)
                        break
                for i, c in self.cue_at.items():
                    if p.start < c.start < end and c.proclitics and c.kind == "verb":
                        end = c.start
                        break
                while end > p.start and (self.text[end - 1].isspace() or self.text[end - 1] in ".،,"):
                    end -= 1
                p = attrs.evolve(p, end=end)
            out.append(p)
        fixed = []
        for p in out:
            depth = sum(1 for q in out if q is not p and q.start <= p.open and p.end <= q.end)
            fixed.append(attrs.evolve(p, depth=depth) if depth != p.depth else p)
        return tuple(fixed)

    def _verb_reading(self, c: CueMatch) -> CueMatch:
        """An ambiguous perfect with و/ف that opens its sentence before a definite noun or
        a complementizer is the verb (``وذكر التقرير الصعوبات``), not the noun (ذِكر); a كما before a verb
        that is no verb of reporting, or that a complementizer follows, means 'also'
        (``كما نفى قيام ...``, ``كما أكد أن ...``), not 'as X reported'."""
        if "nominal.kama" in c.rule and c.kind != "nominal" and self._additive_kama(c):
            return attrs.evolve(c, cue_kind=None, rule=c.rule.split("+")[0])
        if not (c.ambiguous and c.kind == "verb" and c.aspect == "perfect" and c.proclitics in ("و", "ف")):
            return c
        i = self.index_at(c.start)
        if i is None or i + 1 >= len(self.toks) or self.sent_of[i] < 0 or self.sent_of[i + 1] != self.sent_of[i]:
            return c
        a, b = self.sent_ranges[self.sent_of[i]]
        opener = any(self.is_comp(k) or self.is_punct(k, ":") for k in range(i + 1, min(b, i + 16)))
        if i != a or not (self.toks[i + 1].norm.startswith("ال") or opener):
            return c
        return attrs.evolve(c, ambiguous=False)  # وأوضح بن سالم، في ختام جولة ...، أن: the verb

    def _additive_kama(self, c: CueMatch) -> bool:
        """Whether a كما-marked verb means 'also': no verb of reporting, or an opener follows it."""
        if c.sense not in _KAMA_SENSES:
            return True
        i = self.index_at(c.start)
        for k in range((i or 0) + 1, min((i or 0) + 7, len(self.toks))):
            if self.is_comp(k) or self.is_quote(k) or self.is_punct(k, ":"):
                return True
            if self.is_punct(k, ".!?،,"):
                break
        return False

    def _plausible_cue(self, c: CueMatch, outlets: list[OutletMatch]) -> bool:
        """Drop cue readings the context rules out before any rule sees them.

        A cue inside an outlet mention (``عبر حسابه على تويتر``) is part of the
        name; a verb form after a kunya (``أبو طالب``) is a name, and an ambiguous
        one after a preposition (``في نادي الاتحاد``) a noun; an ambiguous form whose lexicon names its preposition
        (``عبّر عن``) counts only with that preposition after it.
        """
        if any(o.start <= c.start < o.end for o in outlets):
            return False
        i = self.index_at(c.start)
        if c.kind == "verb" and not c.proclitics and i is not None and i > 0 \
                and (self.gram.word_in("kunya", self.toks[i - 1].norm)
                     or (c.ambiguous and self.gram.word_in("preposition_before_noun", self.toks[i - 1].norm))):
            return False  # أبو طالب (a kunya), في نادي الاتحاد (a noun after a preposition)
        if c.ambiguous and c.requires_complement and c.prepositions and c.kind != "nominal":
            i = self.index_at(c.start)
            preps = {fold(p) for p in c.prepositions}
            for k in range((i or 0) + 1, min((i or 0) + 7, len(self.toks))):
                w = self.toks[k].norm
                if w in preps or any(len(p) == 1 and w.startswith(p) and len(w) > 3 for p in preps):
                    return True  # عبر المعلق "باروخ ناييم" عن ... / ووصف X بأنه ...
                if self.toks[k].kind == "punct":
                    break
            return False
        return True

    def _index_matches(self, matches: list) -> dict[int, object]:
        out: dict[int, object] = {}
        for m in matches:
            i = self.index_at(m.start)
            if i is not None:
                out.setdefault(i, m)
        return out

    # --- positions ---------------------------------------------------------

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indexes ``[a, b)`` of the tokens lying inside ``[start, end)``."""
        return bisect_left(self.starts, start), bisect_right(self.ends, end)

    def index_at(self, offset: int) -> int | None:
        """Index of the token covering ``offset``, if any."""
        i = bisect_right(self.starts, offset) - 1
        if 0 <= i < len(self.toks) and self.toks[i].start <= offset < self.toks[i].end:
            return i
        return None

    def quote_containing(self, offset: int) -> QuotePair | None:
        """The innermost quote pair whose content holds ``offset``."""
        best = None
        for p in self.pairs:
            if p.start <= offset < p.end and (best is None or p.depth > best.depth):
                best = p
            if p.open > offset:
                break
        return best

    def pair_opening_at(self, i: int) -> QuotePair | None:
        """The quote pair whose opening mark is token ``i``, if any."""
        k = self.pair_open.get(self.toks[i].start)
        return self.pairs[k] if k is not None else None

    def pair_closing_at(self, i: int) -> QuotePair | None:
        """The quote pair whose closing mark is token ``i``, if any."""
        k = self.pair_close.get(self.toks[i].start)
        return self.pairs[k] if k is not None else None

    def pair_end_index(self, p: QuotePair) -> int:
        """Index just past the closing mark of ``p``.

        Without a closing mark token, the token right after the content is
        taken for it.
        """
        k = self.index_at(p.close) if p.close is not None else None
        return (k if k is not None else self.token_range(p.start, p.end)[1]) + 1

    # --- word tests ----------------------------------------------------------

    def is_cue(self, i: int) -> bool:
        """Whether a cue starts at token ``i``."""
        return i in self.cue_at

    def norm(self, i: int) -> str:
        return self.toks[i].norm if 0 <= i < len(self.toks) else ""

    def is_comp(self, i: int) -> bool:
        """A complementizer (إن، أن، بأن، أنه ...)."""
        return self.gram.word_in("complementizer", self.norm(i))

    def is_punct(self, i: int, chars: str = ",،:;.!?…()-–—/") -> bool:
        t = self.toks[i]
        return t.kind == "punct" and t.norm in chars

    def is_quote(self, i: int) -> bool:
        return self.toks[i].kind == "quote"

    def phrase_len(self, cls: str, i: int, longest: int = 4) -> int:
        """Length of the longest phrase of class ``cls`` starting at token ``i``
        (its first word may carry و or ف: ``وفي حديث مع``)."""
        for n in range(longest, 0, -1):
            words = [self.norm(k) for k in range(i, min(i + n, len(self.toks)))]
            if len(words) != n:
                continue
            if self.gram.has(cls, *words):
                return n
            if words[0][:1] in ("و", "ف") and len(words[0]) > 2 and self.gram.has(cls, words[0][1:], *words[1:]):
                return n
        return 0

    def is_discourse(self, i: int) -> int:
        """Length of a discourse marker (لكن، من جهته، بدوره ...) at ``i``."""
        n = self.phrase_len("discourse", i)
        if n:
            return n
        clitic, rest = strip_proclitic(self.norm(i))
        return 1 if clitic in ("و", "ف") and self.gram.word_in("discourse", rest) else 0

    def possessed(self, i: int, after_ta: bool = False) -> bool:
        """Whether token ``i`` is an undefined noun with a possessive pronoun (اسمه، إطلاقه، حديثها),
        which is an object and no name; ``after_ta``: only after ta marbuta (استقالته، زيارتها)."""
        t = self.toks[i]
        s = self.text[t.start:t.end]
        if after_ta:
            return len(t.norm) > 4 and s.endswith(("ته", "تها", "تهم", "تهما"))
        return len(t.norm) > 3 and not self.is_definite(i) and s.endswith(("ه", "ها", "هم", "هما"))

    def is_definite(self, i: int) -> bool:
        if self.text[self.toks[i].start:self.toks[i].start + 1] == "آ":
            return False  # آلن، آل مكتوم: a name, though it folds to ال...
        _, rest = strip_proclitic(self.norm(i))
        w = self.norm(i)
        return w.startswith("ال") or rest.startswith("ال") or w.startswith("لل")
