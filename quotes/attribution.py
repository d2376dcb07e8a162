"""Attribution rules: from a cue to its content, speaker mention and frame.

Each rule returns :class:`Finding` objects carrying the ids of the rules that
fired (finding is kept apart from building records, as spaCy's EntityRuler
keeps ``match`` apart from ``set_annotations``).  The constructions are those
of ``DESIGN.md``: VSO and SVO reports, complementizer clauses, colons and
quotation marks, participle continuations, noun-phrase objects, quotes before
their cue, continuation quotes, and nominal ``according to`` cues.
"""

from __future__ import annotations

from typing import Iterator

import attrs

from quotes.cues import CueMatch
from quotes.segment import QuotePair
from quotes.grammar import strip_proclitic
from quotes.text import fold
from quotes.view import DocView

__all__ = ["Finding", "find_attributions"]

_MAX_FRAME = 28  # tokens between a cue and its content opener
_MAX_SPEAKER = 10  # tokens in a speaker mention


@attrs.define
class Finding:
    """One attribution found by the rules, before records are built."""

    type: str
    content: tuple[int, int]
    cue: CueMatch | None
    sentence: int
    speaker: tuple[int, int] | None = None
    resolution: str = "explicit"
    frame: tuple[int, int] = (0, 0)
    rules: list[str] = attrs.field(factory=list)
    confidence: float = 0.7
    role: tuple[int, int] | None = None
    pair: QuotePair | None = None
    continues: "Finding | None" = None


# --- small helpers --------------------------------------------------------


def _strip_end(v: DocView, a: int, b: int) -> int:
    """Drop trailing sentence punctuation and commas from the token range [a, b)."""
    while b > a and v.toks[b - 1].kind == "punct" and v.toks[b - 1].norm in ".!?…,;:-–—":
        b -= 1
    return b


def _span(v: DocView, a: int, b: int) -> tuple[int, int] | None:
    if b <= a:
        return None
    return v.toks[a].start, v.toks[b - 1].end


def _pair_opening_at(v: DocView, i: int) -> QuotePair | None:
    k = v.pair_open.get(v.toks[i].start)
    return v.pairs[k] if k is not None else None


def _pair_closing_at(v: DocView, i: int) -> QuotePair | None:
    k = v.pair_close.get(v.toks[i].start)
    return v.pairs[k] if k is not None else None


def _is_cue(v: DocView, i: int) -> bool:
    return i in v.cue_at


def _content_end(v: DocView, a: int, b: int) -> int:
    """Where a reported clause starting at ``a`` ends inside its sentence ``[.., b)``.

    The clause runs to the sentence end but stops before a comma that opens
    a participle continuation (``، مضيفا أن``), a nominal cue (``، وفقا لـ``)
    or a clause break (``، حيث``).  Quoted stretches are skipped whole.
    """
    i = a
    while i < b:
        p = _pair_opening_at(v, i) if v.is_quote(i) else None
        if p is not None and p.close is not None and p.close < v.toks[b - 1].end:
            i = v.index_at(p.close) or i
            i += 1
            continue
        if v.is_punct(i, ":") and i > a + 2:
            return i  # a colon opens a statement of its own
        if v.is_punct(i, ",،;") and i + 1 < b:
            nxt = v.cue_at.get(i + 1) or (v.cue_at.get(i + 2) if v.norm(i + 1) in ("وذلك", "ذلك") else None)
            if nxt is not None and nxt.kind in ("participle", "nominal"):
                return i
            if v.phrase_len("content_break", i + 1):
                return i
        i += 1
    return b


def _classify(v: DocView, a: int, b: int) -> tuple[str, QuotePair | None]:
    """``direct`` when [a, b) is one quotation, ``mixed`` when it holds a quoted fragment."""
    start, end = v.toks[a].start, v.toks[b - 1].end
    inner = [p for p in v.pairs if p.open >= start and (p.close or p.end) < end and p.depth == 0]
    if v.is_quote(a):
        p = _pair_opening_at(v, a)
        if p is not None and p.close is not None and _strip_end(v, a, b) - 1 == v.index_at(p.close):
            return "direct", p
    for p in inner:
        words = [t for t in v.toks[slice(*v.token_range(p.start, p.end))] if t.is_word]
        before = v.index_at(p.open)
        naming = before is not None and before > 0 and v.gram.word_in("naming_noun", v.norm(before - 1))
        if len(words) >= 2 and not naming:
            return "mixed", None
    return "indirect", None


# --- speaker mentions -------------------------------------------------------


def _speaker_boundary(v: DocView, i: int, first: bool = False) -> bool:
    t = v.toks[i]
    if t.kind in ("punct", "quote"):
        return True
    if v.is_comp(i) or i in v.outlet_at or i in v.date_at:
        return True
    if _is_cue(v, i) and not (first and v.cue_at[i].kind == "participle") and not v.cue_at[i].ambiguous:
        return True
    w = t.norm
    g = v.gram
    if g.word_in("relative", w) or g.word_in("pronoun", w):
        return True
    if g.word_in("stop_preposition", w) and not (w == "علي" and _last_letter(v.text[t.start:t.end]) == "ي"
                                                 and not first):
        return True
    if v.phrase_len("channel", i) or v.phrase_len("clause_break", i):
        return True
    if first and (g.word_in("not_subject", w) or g.word_in("negation", w) or v.is_discourse(i) or w == "من"):
        return True
    return first and w.startswith("لل") and len(w) > 4


def _last_letter(s: str) -> str:
    """The last letter of a word, diacritics and tatweel skipped (عليّ → ي)."""
    for ch in reversed(s):
        if ch.isalpha():
            return ch
    return ""


def _short_name_pair(v: DocView, j: int) -> QuotePair | None:
    """A quoted name inside a mention: ``مجموعة "مواطنون من أجل ..."``, ``مركز «أحرار»``."""
    if not v.is_quote(j) or j == 0 or not v.gram.word_in("naming_noun", strip_proclitic(v.norm(j - 1))[1]):
        return None
    p = _pair_opening_at(v, j)
    if p is None or p.close is None:
        return None
    a, b = v.token_range(p.start, p.end)
    return p if 0 < b - a <= 8 else None


def _pair_end_index(v: DocView, p: QuotePair) -> int:
    k = v.index_at(p.close) if p.close is not None else None
    return (k if k is not None else v.token_range(p.start, p.end)[1]) + 1


def _quoted_name_after(v: DocView, j: int) -> QuotePair | None:
    """A short quoted name inside a mention (``المعلق "باروخ ناييم"``, ``الإيطالية "إيني"``).

    The word before the mark is a title, a naming noun or a nisba adjective,
    and the sentence goes on after the closing mark: a short quotation at the
    end of its sentence (``وقال سالم «لن نتراجع».``) is reported speech.
    """
    if j == 0 or not v.is_quote(j) or not v.toks[j - 1].is_word:
        return None
    prev = v.norm(j - 1)
    g = v.gram
    if not (g.title_len([prev]) or g.word_in("naming_noun", strip_proclitic(prev)[1]) or _nisba(prev)):
        return None
    p = _pair_opening_at(v, j)
    if p is None or p.close is None:
        return None
    a, b = v.token_range(p.start, p.end)
    after = _pair_end_index(v, p)
    if not (0 < b - a <= 4) or after >= len(v.toks) or not v.toks[after].is_word:
        return None
    return p


def right_mention(v: DocView, i: int, b: int, stops: frozenset[str] = frozenset()) -> int:
    """End index of the speaker mention that starts at token ``i`` (``i`` if none).

    ``stops`` are the cue's own prepositions (``حذر ... من``), which end the
    mention wherever they stand.
    """
    if i + 1 < b and v.is_quote(i) and (i + 1) in v.outlet_at:
        p = _pair_opening_at(v, i)
        if p is not None and p.close is not None:
            return _pair_end_index(v, p)
    if i < b and i in v.outlet_at and not v.norm(i).startswith(("ل", "ب", "من")):
        m = v.outlet_at[i]  # the outlet is the speaker: قالت صحيفة "يديعوت أحرونوت"
        k = v.index_at(m.end - 1)  # type: ignore[attr-defined]
        return (k if k is not None else i) + 1
    j = i
    while j < b and j - i < _MAX_SPEAKER:
        p = _short_name_pair(v, j) or (_quoted_name_after(v, j) if j > i else None)
        if p is not None:
            j = _pair_end_index(v, p)
            continue
        if j > i and v.norm(j - 1) in _KUNYA:
            j += 1  # أبو طالب: the word after a kunya is part of the name
            continue
        if v.norm(j) in stops or _speaker_boundary(v, j, first=j == i):
            ext = _role_pp(v, i, j, b) if v.norm(j) not in stops else j
            if ext > j:
                j = ext
                continue
            break
        j += 1
    return _appositive_name(v, i, j, b)


def _role_pp(v: DocView, i: int, j: int, b: int) -> int:
    """Carry a titled mention through the prepositional phrase of its role to the name.

    ``المشرف العام على القطاعات السنية في نادي الاتحاد محمد الجهني``: the
    role goes on after ``على`` and ``في`` until an undefined word follows a
    definite one, which starts the name.
    """
    if j >= b or v.norm(j) not in ("في", "علي", "لدي") or j == i:
        return j
    if not v.gram.title_len([v.norm(k) for k in range(i, min(i + 3, j))]):
        return j
    k = j + 1
    while k < b and k - j <= 8 and v.toks[k].is_word and not v.is_comp(k) and k not in v.cue_at \
            and k not in v.outlet_at and k not in v.date_at:
        if v.is_definite(k - 1) and not v.is_definite(k) and k - 1 > j \
                and not v.gram.word_in("stop_preposition", v.norm(k)):
            end = k
            while end < b and end - k < 3 and v.toks[end].is_word and not _speaker_boundary(v, end):
                end += 1
            return end
        k += 1
    return j


_KUNYA = frozenset({"ابو", "ام", "بن", "ابن", "بنت", "عبد", "ال"})


def _appositive_name(v: DocView, i: int, j: int, b: int) -> int:
    """Extend a title-only mention with the name set off by commas after it.

    ``أكد مدرب ريال مدريد، زين الدين زيدان، على ...``: the mention is the
    role, a comma, and a short name that is followed by a comma, a
    complementizer, a colon or a quotation.
    """
    if j <= i or j + 2 >= b or not v.is_punct(j, ",،"):
        return j
    if not v.gram.title_len([v.norm(k) for k in range(i, min(i + 4, j))]):
        return j
    k = j + 1
    while k < b and k - j <= 5 and v.toks[k].is_word and not _speaker_boundary(v, k, first=k == j + 1):
        k += 1
    if k == j + 1 or k - j > 5 or k >= b:
        return j
    if v.is_punct(k, ",،:") or v.is_comp(k) or v.is_quote(k):
        return k
    return j


def _split_subject_object(v: DocView, i: int, j: int) -> int:
    """In a VSO clause with a noun-phrase object and no delimiter, where the subject ends.

    The subject is its head, an optional definite genitive after an
    indefinite head (``مصادر المعارضة``), the agreeing nisba adjectives
    (``الحكومة التركية``, ``جماعات حقوقية``, ``الحكومتان الروسية والسورية``)
    and a ل-genitive (``الاتحاد الألماني لكرة القدم``); the object starts at
    the first other word.
    """
    if j - i <= 1:
        return j
    if any(v.is_punct(k, ",،") or v.is_quote(k) for k in range(i, j)):
        return j  # a role and its name between commas; a quoted name
    t = v.gram.title_len([v.norm(k) for k in range(i, min(i + 3, j))])
    if t:
        return _titled_subject_end(v, i + t, j)
    head_def = v.is_definite(i)
    k = i + 1
    if not head_def and v.norm(k).startswith("ال") and not _nisba(v.norm(k)):
        k += 1  # construct state: مصادر المعارضة
        head_def = True
    elif not head_def and not _nisba(v.norm(i)) and v.norm(k).startswith("ال") and _nisba(v.norm(k)):
        return k + 1  # a name and its ال-surname: أحمد الحسامي
    while k < j:
        w = v.norm(k)
        core = w[1:] if w.startswith("و") and len(w) > 3 else w
        if _nisba(core) and core.startswith("ال") == head_def:
            k += 1
            continue
        if w.startswith("ل") and not w.startswith("لل") and k + 1 < j and v.norm(k + 1).startswith("ال"):
            k += 2  # لكرة القدم
            continue
        if w.startswith("لل") and len(w) > 4 and k > i + 1:
            k += 1  # للدراسات
            continue
        break
    return k


def _titled_subject_end(v: DocView, k: int, j: int) -> int:
    """After a title: its definite complements, then a name of up to two words (kunya kept)."""
    while k < j and v.is_definite(k) and not v.norm(k).startswith("لل"):
        k += 1
    n = 0
    while k < j and not v.is_definite(k) and (n < 2 or v.norm(k - 1) in _KUNYA):
        k += 1
        n += 1
    if n and k < j and v.norm(k).startswith("ال") and _nisba(v.norm(k)):
        k += 1  # an ال-surname: محمد الجهني
    return k


def _nisba(w: str) -> bool:
    return w.endswith(("ي", "يه", "يون", "يين", "يان", "يتان", "يتين"))


def left_mention(v: DocView, a: int, i: int) -> tuple[int, int] | None:
    """The subject before a cue at ``i`` in a sentence starting at ``a`` (SVO)."""
    k = a
    for c in range(i - 1, max(a, i - 7) - 1, -1):
        if v.is_comp(c):
            k = c + 1  # a report inside another: ... إن أرملة معتمد أخبرت
            break
    while k < i:
        n = v.is_discourse(k)
        if not n:
            break
        k += n
    if k >= i:
        return None
    w0 = v.norm(k)
    if w0[:1] in ("و", "ف") and not w0[1:].startswith("ال") and k == a:
        return None  # وختم قائلا: a sentence opening with a verb has no subject before it
    if v.gram.word_in("stop_preposition", w0) or v.gram.word_in("stop_preposition", strip_proclitic(w0)[1]) \
            or v.gram.word_in("not_subject", w0) or k in v.cue_at or k in v.date_at:
        return None
    # the subject runs to the first comma (an aside may follow it: ``محمد
    # العموري ، 53 عاماً ، قال``), through role phrases with prepositions
    # (``أمين عام الجامعة ... في العالم طوني قديسي فقد أكد``)
    end = k
    while end < i and not (v.toks[end].kind in ("punct", "quote") or v.is_comp(end) or end in v.cue_at
                           or v.gram.word_in("relative", v.norm(end)) or v.gram.word_in("pronoun", v.norm(end))):
        end += 1
    stop = end
    while end > k and (v.is_discourse(end - 1) or v.norm(end - 1) in ("ف", "فقد", "قد", "وقد")):
        end -= 1
    if end == k or end - k > 14:
        return None
    if stop < i and v.is_quote(stop):
        p = _pair_opening_at(v, stop)
        if p is not None and p.close is not None and _pair_end_index(v, p) == i:
            return k, end  # وزارة الدفاع الأميركية "البنتاجون" تؤكد: a quoted alias
    rest = v.toks[stop:i]
    if any(v.is_comp(r) or (r in v.cue_at and r != i) for r in range(stop, i)):
        return None
    if rest and not (rest[0].kind == "punct" or v.gram.word_in("pronoun", rest[0].norm)
                     or v.gram.word_in("relative", rest[0].norm)):
        return None
    return k, end


def salient_mention(v: DocView, a: int, i: int) -> tuple[int, int] | None:
    """The interviewee (``في حديث مع نسرين اسبر``) or the first titled mention
    (``المشرف العام ... محمد الجهني``) in the sentence before ``i``."""
    for k in range(a, i - 1):
        n = v.phrase_len("channel", k)
        if n and v.norm(k + n - 1) == "مع":
            end = right_mention(v, k + n, i)
            if end > k + n:
                return k + n, end
    for k in range(a, i):
        if v.toks[k].is_word and v.gram.title_len([v.norm(x) for x in range(k, min(k + 4, i))]):
            end = right_mention(v, k, i)
            while end < i and v.norm(end) in ("في", "على") and end + 1 < i:
                nxt = right_mention(v, end + 1, i)
                if nxt == end + 1:
                    break
                end = nxt
            if end > k:
                return k, end
    return None


# --- the rules --------------------------------------------------------------


def _find_opener(v: DocView, j: int, b: int) -> tuple[str, int] | None:
    """The first content opener after a cue: a complementizer, a colon or a quotation mark."""
    limit = min(b, j + _MAX_FRAME)
    k = j
    while k < limit:
        t = v.toks[k]
        if v.is_comp(k):
            return "comp", k
        if t.kind == "punct" and t.norm == ":":
            return "colon", k
        if t.kind == "quote" and _pair_opening_at(v, k) is not None:
            if _opens_quotation(v, k):
                return "quote", k
            p = _pair_opening_at(v, k)
            k = (v.index_at(p.close) if p and p.close is not None else None) or k
            k += 1
            continue
        if k > j and _is_cue(v, k) and v.cue_at[k].kind != "verbal_noun" and not v.cue_at[k].ambiguous:
            return None
        if v.phrase_len("clause_break", k) and k > j:
            return None
        if t.kind == "punct" and t.norm in ".!?":
            return None
        k += 1
    return None


def _opens_quotation(v: DocView, k: int) -> bool:
    """Whether the quotation mark at ``k`` opens reported words, not a quoted name or term.

    A mark glued to or right after a preposition or a naming noun (``إلى "الوطن"``,
    ``صحيفة "لوس أنجلس تايمز"``) quotes a name; so does a short quotation of
    three words or fewer that the sentence goes on after (``أنباء "أي أن آي" عن``).
    """
    p = _pair_opening_at(v, k)
    if p is None:
        return False
    if k > 0 and ((k - 1) in v.cue_at or v.gram.word_in("not_subject", v.norm(k - 1)) or v.is_punct(k - 1, ":")):
        return True  # قال فيه "..." / قائلا "..." / : "..."
    if k > 0:
        prev = v.norm(k - 1)
        bare = strip_proclitic(prev)[1]
        g = v.gram
        if v.toks[k - 1].end == v.toks[k].start and v.toks[k - 1].kind == "word" and len(prev) <= 2:
            return False  # بـ"..." لـ"..."
        if g.word_in("stop_preposition", prev) or g.word_in("naming_noun", prev) or g.word_in("naming_noun", bare):
            return False
    if any(m.start <= p.open < m.end or p.start <= m.start < p.end for m in v.outlets):
        return False
    a, b = v.token_range(p.start, p.end)
    nwords = sum(1 for t in v.toks[a:b] if t.is_word)
    if nwords <= 3 and p.close is not None:
        after = v.index_at(p.close)
        nxt = (after or 0) + 1
        if nxt < len(v.toks) and v.toks[nxt].is_word and v.sent_of[nxt] == v.sent_of[k]:
            return False
    return True


def _relayed_source(v: DocView, cue: CueMatch, m_end: int, opener: int) -> tuple[int, int] | None:
    """``ونقلت صحيفة X عن Y قوله "..."``: the speaker is Y; X is the relaying outlet."""
    if m_end >= opener or v.norm(m_end) != "عن" or "عن" not in {fold(p) for p in cue.prepositions}:
        return None
    s0 = m_end + 1
    s1 = right_mention(v, s0, opener)
    while s1 > s0 and v.norm(s1 - 1).startswith("قول"):
        s1 -= 1  # قوله / قولها
    return (s0, s1) if s1 > s0 else None


def _verb_finding(v: DocView, si: int, i: int, cue: CueMatch) -> Finding | None:
    a, b = v.sent_ranges[si]
    j = i + 1
    # the speaker right after the cue (VSO); a participle's subject is its clause's
    preps = frozenset(fold(p) for p in cue.prepositions)
    m_end = j if cue.kind in ("participle", "verbal_noun") else right_mention(v, j, b, preps)
    opener = _find_opener(v, j, b)
    rules = [f"cue:{cue.rule}"]
    if opener is None:
        return _object_finding(v, si, i, cue, m_end, rules)
    kind, k = opener
    titled = m_end > j and v.gram.title_len([v.norm(x) for x in range(j, min(j + 3, m_end))]) > 0
    if cue.ambiguous and not titled and _skip_frame(v, m_end, b) < k \
            and not (cue.prepositions and v.norm(j) in cue.prepositions):
        return None
    if kind == "comp":
        c0 = k + 1
        rules.append("content:complementizer")
    elif kind == "colon":
        c0 = k + 1
        if c0 < b and v.is_comp(c0) and not v.is_quote(c0):
            c0 += 1  # قال: إن ...
        rules.append("content:colon")
    else:
        c0 = k
        rules.append("content:quote")
    if c0 >= b:
        return None
    relayed = _relayed_source(v, cue, m_end, k)
    if relayed is not None:
        j, m_end = relayed
        rules.append("speaker:relayed")
    if kind == "quote" or (c0 < b and v.is_quote(c0) and kind == "colon"):
        p = _pair_opening_at(v, c0)
        if p is None:
            return None
        f = Finding("direct", (p.start, p.end), cue, si, rules=rules, confidence=0.9, pair=p)
    else:
        c1 = _strip_end(v, c0, _content_end(v, c0, b))
        if c1 <= c0:
            return None
        typ, p = _classify(v, c0, c1)
        content = (p.start, p.end) if p is not None else _span(v, c0, c1)
        assert content is not None
        f = Finding(typ, content, cue, si, rules=rules, confidence=0.85, pair=p)
    _attach_speaker(v, f, si, i, j, m_end)
    f.frame = (v.toks[a].start, f.content[0])
    return f


_NO_OBJECT_SENSES = frozenset("add tell write explain comment answer threaten".split())


def _skip_frame(v: DocView, k: int, b: int) -> int:
    """Skip what stands between a speaker and the content: dates, outlets, channels, asides."""
    while k < b:
        if k in v.date_at or k in v.outlet_at:
            m = v.date_at.get(k) or v.outlet_at.get(k)
            nxt = v.index_at(m.end - 1)  # type: ignore[union-attr]
            k = (nxt if nxt is not None else k) + 1
            continue
        n = v.phrase_len("channel", k) or v.is_discourse(k)
        if n:
            k += n
            continue
        if v.gram.word_in("not_subject", v.norm(k)) and not v.norm(k).startswith(("ال", "ب")):
            k += 1
            continue
        if v.is_punct(k, ",،"):
            k += 1
            continue
        break
    return k


def _object_finding(v: DocView, si: int, i: int, cue: CueMatch, m_end: int, rules: list[str]) -> Finding | None:
    """A noun-phrase object as content: ``نفت الحكومتان ... استهداف البنية التحتية``,
    ``دعا إلى إسقاط ...``, ``مؤكدا ثقته في ...``."""
    if cue.sense in _NO_OBJECT_SENSES or cue.expressive or cue.kind not in ("verb", "participle"):
        return None
    a, b = v.sent_ranges[si]
    j = i + 1
    s_end = j
    c0 = j
    if m_end > j:
        framed = m_end < b and (m_end in v.date_at or m_end in v.outlet_at or v.phrase_len("channel", m_end))
        s_end = m_end if framed else _split_subject_object(v, j, m_end)
        c0 = s_end
        # a name, then an appositive role between commas: طالب X، رئيس حزب ...، الحكومة
        if m_end < b and v.is_punct(m_end, ",،") and s_end == m_end:
            k = m_end + 1
            while k < b and not v.is_punct(k, ",،"):
                k += 1
            c0 = k + 1 if k < b else m_end + 1
    c0 = _skip_frame(v, c0, b)
    preps = {fold(p) for p in cue.prepositions}
    glued = 0
    if c0 < b and v.norm(c0) in preps:
        c0 += 1  # دعا إلى | أشار إلى | حذر من | عبر عن: the content follows the preposition
    elif c0 < b and v.norm(c0)[:1] in preps and len(v.norm(c0)) > 3 and v.norm(c0)[:1] in ("ب", "ل"):
        glued = 1  # تفيد بترحيل: the content starts after the glued ب
    if cue.ambiguous and not (c0 > 0 and v.norm(c0 - 1) in preps):
        return None  # حذر / عبر / وعد: an ambiguous form needs its preposition
    after_prep = c0 > 0 and v.norm(c0 - 1) in preps
    if cue.sense == "say" and not after_prep and not (s_end > j and b - c0 >= 6):
        return None
    if cue.requires_complement and not (preps and (glued or (c0 > 0 and v.norm(c0 - 1) in preps))) \
            and cue.sense not in ("describe",):
        return None
    if s_end == j and cue.kind == "verb" and not _left_subject_plausible(v, a, i) \
            and not v.toks[i].norm.startswith(("و", "ف")):
        return None
    end = _content_end(v, c0, b)
    # the object stops at the next participle or verb cue
    for k in range(c0 + 1, end):
        c = v.cue_at.get(k)
        if c is not None and (c.kind == "participle" or (c.kind == "verb" and c.proclitics)):
            end = k
            break
        if v.norm(k) in ("لكن", "لكنه", "لكنها", "ولكن", "ولكنه", "ولكنها", "بينما"):
            end = k  # وينفي الحزب أي تحيز لكنه يقول ...
            break
    c1 = _strip_end(v, c0, end)
    while c1 > c0 and (v.norm(c1 - 1) in ("و", "او") or v.is_punct(c1 - 1)):
        c1 -= 1
    if c1 <= c0 or c1 - c0 > 60 or not v.toks[c0].is_word and not v.is_quote(c0):
        return None
    if _expressive(v, c0):
        return None  # عبر عن سعادته: an expressive act, no proposition
    typ, _ = _classify(v, c0, c1)
    content = _span(v, c0, c1)
    assert content is not None
    if glued:
        t = v.toks[c0]
        content = (v.seg.norm.offsets[t.nstart + 1], content[1])
    f = Finding(typ if typ != "direct" else "mixed", content, cue, si,
                rules=rules + ["content:object"], confidence=0.6)
    _attach_speaker(v, f, si, i, j, s_end)
    f.frame = (v.toks[a].start, content[0])
    return f


def _expressive(v: DocView, c0: int) -> bool:
    """Whether the object names a feeling or courtesy (سعادته، شكره، تعازيه) rather than a claim."""
    w = strip_proclitic(v.norm(c0))[1]
    for n in (0, 1, 2):
        stem = w[:-n] if n else w
        if v.gram.word_in("expressive_object", stem) or v.gram.word_in("expressive_object", stem + "ه"):
            return True
    return False


def _left_subject_plausible(v: DocView, a: int, i: int) -> bool:
    return left_mention(v, a, i) is not None


def _attach_speaker(v: DocView, f: Finding, si: int, i: int, j: int, m_end: int) -> None:
    """Set the speaker mention: after the cue (VSO), before it (SVO), or dropped."""
    a, _ = v.sent_ranges[si]
    cue = f.cue
    if _relative_antecedent(v, f, a, i):
        return
    svo = _adjacent_subject(v, a, i) if cue is None or cue.kind not in ("participle", "verbal_noun") else None
    if svo is not None:
        f.speaker = _span(v, *svo)
        f.rules.append("speaker:before-cue")
        return
    if m_end > j and f.content[0] >= v.toks[m_end - 1].end:
        f.speaker = _span(v, j, m_end)
        f.rules.append("speaker:after-cue")
        _role_after(v, f, m_end)
        return
    if cue is not None and cue.kind in ("participle", "verbal_noun"):
        sal = salient_mention(v, a, i)
        if sal is not None and not any(a <= g < i and c.kind != "participle" for g, c in v.cue_at.items()):
            f.speaker = _span(v, *sal)
            f.rules.append("speaker:in-sentence")
            return
        f.resolution = "dropped-subject"
        f.rules.append("speaker:participle")
        return
    left = left_mention(v, a, i)
    if left is not None:
        f.speaker = _span(v, *left)
        f.rules.append("speaker:before-cue")
        return
    sal = salient_mention(v, a, i)
    if sal is not None:
        f.speaker = _span(v, *sal)
        f.rules.append("speaker:in-sentence")
        return
    f.resolution = "dropped-subject"
    f.rules.append("speaker:dropped")


def _relative_antecedent(v: DocView, f: Finding, a: int, i: int) -> bool:
    """``التقارير الأخيرة التي تفيد ...``: a verb after الذي/التي speaks for the noun before it."""
    if not (i > a and v.gram.word_in("relative", v.norm(i - 1))):
        return False
    k = i - 1
    s0 = k
    while s0 > a and v.toks[s0 - 1].is_word and not _speaker_boundary(v, s0 - 1) and k - s0 < 6:
        s0 -= 1
    if s0 >= k:
        return False
    f.speaker = _span(v, s0, k)
    f.rules.append("speaker:relative-antecedent")
    return True


def _adjacent_subject(v: DocView, a: int, i: int) -> tuple[int, int] | None:
    """A subject right before its verb (SVO): ``أرملة معتمد أخبرت الشرطة``, ``... هي التي أخبرت``.

    Only for a verb without و/ف, whose subject then cannot be the one of a
    coordinated earlier clause; what follows such a verb is its object.
    """
    if v.toks[i].norm.startswith(("و", "ف")) and len(v.toks[i].norm) > 3 and v.cue_at[i].proclitics:
        return None
    left = left_mention(v, a, i)
    if left is None:
        return None
    between = [v.norm(k) for k in range(left[1], i)]
    if all(v.gram.word_in("pronoun", w) or v.gram.word_in("relative", w) or w in ("قد", "فقد") for w in between):
        return left
    return None


def _role_after(v: DocView, f: Finding, m_end: int) -> None:
    """An appositive role between commas after the speaker: ``مارك لوكوك ، منسق الإغاثة ، ...``."""
    if m_end >= len(v.toks) or not v.is_punct(m_end, ",،"):
        return
    k = m_end + 1
    words = []
    while k < len(v.toks) and not v.toks[k].kind in ("punct", "quote") and len(words) < 12:
        words.append(v.norm(k))
        k += 1
    if words and v.gram.title_len(words):
        f.role = _span(v, m_end + 1, k)


def _quote_before_cue(v: DocView, si: int, i: int, cue: CueMatch) -> Finding | None:
    """``“...”، قال X``: a quotation closed just before its cue."""
    a, b = v.sent_ranges[si]
    k = i - 1
    while k >= 0 and v.is_punct(k, ",،-–—"):
        k -= 1
    if k < 0 or not v.is_quote(k):
        return None
    p = _pair_closing_at(v, k)
    if p is None or p.start >= p.end:
        return None
    o = v.index_at(p.open)
    q0, q1 = v.token_range(p.start, p.end)
    glued_to_np = o is not None and o > a and v.toks[o - 1].is_word
    if glued_to_np and sum(t.is_word for t in v.toks[q0:q1]) <= 3:
        return None
    j = i + 1
    m_end = right_mention(v, j, b)
    f = Finding("direct", (p.start, p.end), cue, si, rules=[f"cue:{cue.rule}", "content:quote-before-cue"],
                confidence=0.8, pair=p)
    if m_end > j:
        f.speaker = _span(v, j, m_end)
        f.rules.append("speaker:after-cue")
    else:
        f.resolution = "dropped-subject"
        f.rules.append("speaker:dropped")
    f.frame = (p.end, v.toks[b - 1].end)
    return f


def _nominal_finding(v: DocView, si: int, i: int, cue: CueMatch) -> Finding | None:
    """``..., وفقا للأمم المتحدة`` and ``وبحسب البيان، ...``."""
    a, b = v.sent_ranges[si]
    last = v.index_at(cue.end - 1)
    if last is None:
        return None
    j = last + 1
    # the source: up to a comma, the sentence end or a clause break
    s_end = j
    if j in v.outlet_at:  # وفقا لوكالة الأنباء الفرنسية
        s_end = (v.index_at(v.outlet_at[j].end - 1) or j) + 1  # type: ignore[attr-defined]
    while s_end < b and not v.is_punct(s_end, ",،.!?:;") and not v.is_quote(s_end) and s_end - j < 12:
        if s_end > j and (v.phrase_len("clause_break", s_end) or v.is_comp(s_end) or s_end in v.date_at
                          or s_end in v.cue_at or v.phrase_len("channel", s_end)):
            break
        s_end += 1
    if s_end == j:
        return None
    rules = [f"cue:{cue.rule}"]
    k = a
    while k < i and v.is_discourse(k):
        k += v.is_discourse(k)
    if k >= i - 1 or (i > a and not v.is_punct(i - 1, ",،") and i - a < 3):
        # the cue opens the sentence: the content follows the source
        c0 = s_end + 1 if s_end < b and v.is_punct(s_end, ",،") else s_end
        if v.is_comp(c0) or v.norm(c0) in ("فان", "فانه", "فانها"):
            c0 += 1
        c1 = _strip_end(v, c0, _content_end(v, c0, b))
        rules.append("content:after-source")
    else:
        c0 = k
        marker = i
        for d in (1, 2, 3):  # بحسب ما أعلنه: the content stops before the marker
            if i - d >= a and v.cue_at.get(i - d) is not None and v.cue_at[i - d].kind == "nominal":
                marker = i - d
        c1 = _strip_end(v, c0, marker)
        while c1 > c0 and v.norm(c1 - 1) in ("وذلك", "ذلك"):
            c1 -= 1
        c1 = _strip_end(v, c0, c1)
        rules.append("content:before-cue")
    if c1 <= c0:
        return None
    typ, p = _classify(v, c0, c1)
    content = (p.start, p.end) if typ == "direct" and p is not None else _span(v, c0, c1)
    assert content is not None
    f = Finding("according_to" if typ != "direct" else "direct", content, cue, si, rules=rules,
                confidence=0.75, pair=p if typ == "direct" else None)
    if typ == "direct" and (j in v.outlet_at or (j + 1) in v.outlet_at) and "content:before-cue" in rules:
        # the outlet relays the quotation of the speaker before: it is the record's outlet, not its source
        f.resolution = "dropped-subject"
        f.rules.append("speaker:relayed-by-outlet")
        f.frame = (v.toks[i].start, v.toks[s_end - 1].end)
        return f
    f.speaker = _span(v, j, s_end)
    f.rules.append("speaker:source")
    f.frame = (v.toks[i].start, v.toks[s_end - 1].end)
    return f


def _continuations(v: DocView, f: Finding) -> Iterator[Finding]:
    """Quotations that continue a direct quote with no cue of their own."""
    p = f.pair
    while p is not None and p.close is not None:
        nxt = next((q for q in v.pairs if q.open > p.close and q.depth == 0), None)
        if nxt is None:
            return
        gap = v.text[p.close + 1:nxt.open]
        between = [t for t in v.toks[slice(*v.token_range(p.close + 1, nxt.open))]]
        if any(t.kind not in ("punct",) for t in between) or gap.count("\n") > 1:
            if not (nxt.kind == "reopened" and not any(t.is_word for t in between)):
                return
        if nxt.start >= nxt.end:
            return
        si = v.sent_of[v.index_at(nxt.start) or 0]
        g = Finding("direct", (nxt.start, nxt.end), f.cue, si, speaker=f.speaker,
                    resolution=f.resolution, frame=f.frame, rules=f.rules + ["content:continuation"],
                    confidence=0.75, pair=nxt, continues=f)
        yield g
        p = nxt


def speech_events(v: DocView, findings: list[Finding]) -> list[tuple[CueMatch, tuple[int, int]]]:
    """Cues with an explicit subject but no content of their own (``وشدد السيسي على ...``).

    Their subjects are still the latest speakers a later dropped subject may
    refer to.
    """
    used = {f.cue.start for f in findings if f.cue is not None}
    out = []
    for i, cue in sorted(v.cue_at.items()):
        if cue.start in used or cue.kind != "verb" or cue.ambiguous or v.sent_of[i] < 0:
            continue
        if v.quote_containing(cue.start) is not None:
            continue
        b = v.sent_ranges[v.sent_of[i]][1]
        end = right_mention(v, i + 1, b)
        first = v.norm(i + 1) if i + 1 < b else ""
        if end > i + 1 and not first.startswith(("ل", "و", "ب", "ف")) and v.toks[i + 1].is_word:
            span = _span(v, i + 1, end)
            if span is not None:
                out.append((cue, span))
    return out


def _after_colon(v: DocView, f: Finding) -> list[Finding]:
    """``وقال الاتحاد إنه أعفى X ... : يقدم الاتحاد اعتذاره ...``: what follows the
    colon that ended a report is a second statement of the same speaker."""
    if f.type not in ("indirect", "mixed") or "content:complementizer" not in f.rules:
        return []
    k = v.index_at(f.content[1] - 1)
    _, b = v.sent_ranges[f.sentence]
    if k is None or k + 2 >= b or not v.is_punct(k + 1, ":"):
        return []
    c0 = k + 2
    if v.is_quote(c0):
        p = _pair_opening_at(v, c0)
        if p is None or p.start >= p.end:
            return []
        return [Finding("direct", (p.start, p.end), f.cue, f.sentence, speaker=f.speaker, resolution=f.resolution,
                        frame=f.frame, rules=f.rules + ["content:after-colon"], confidence=0.7, pair=p, continues=f)]
    c1 = _strip_end(v, c0, b)
    if c1 - c0 < 3:
        return []
    content = _span(v, c0, c1)
    assert content is not None
    return [Finding("indirect", content, f.cue, f.sentence, speaker=f.speaker, resolution=f.resolution,
                    frame=f.frame, rules=f.rules + ["content:after-colon"], confidence=0.7, continues=f)]


def _restates(v: DocView, f: Finding, findings: list[Finding]) -> bool:
    """An ``according to`` after a report that already has its own cue (``..., بحسب تعبيره``).

    ``وقال X إن A، بحسب تعبيره`` and ``"A"، وفق ما ذكرت وكالة رويترز`` attribute A
    once; the nominal phrase only repeats the source or names the relaying
    outlet, which the record picks up from its sentence.
    """
    if f.type != "according_to" or "content:before-cue" not in f.rules or f.speaker is None:
        return False
    src = fold(v.text[f.speaker[0]:f.speaker[1]])
    pronoun = src.split()[-1].endswith(("ه", "ها", "هم")) and len(src.split()) == 1
    relay = False
    for g in findings:
        if g is not f and g.sentence == f.sentence and g.content[0] < f.content[1] and f.content[0] < g.content[1]:
            relay = relay or g.type == "direct"
    if not (pronoun or relay):
        return False
    for g in findings:
        if g is not f and g.type != "according_to" and g.sentence == f.sentence \
                and g.content[0] < f.content[1] and f.content[0] < g.content[1]:
            return True
    return False


def opens_sentence(v: DocView, si: int, i: int) -> bool:
    """Whether only discourse markers precede token ``i`` in its sentence."""
    k = v.sent_ranges[si][0]
    while k < i:
        n = v.is_discourse(k)
        if not n:
            return False
        k += n
    return True


def find_attributions(v: DocView) -> list[Finding]:
    """Every attribution of the document, in text order."""
    out: list[Finding] = []
    used_pairs: set[int] = set()
    for i, cue in sorted(v.cue_at.items()):
        si = v.sent_of[i]
        if si < 0 or v.quote_containing(cue.start) is not None:
            continue
        if i > 0 and v.gram.word_in("negation", v.norm(i - 1)) and cue.cue_kind != "according_to":
            continue
        if cue.aspect == "imperfect" and i > 0 and v.norm(i - 1) in ("ان", "لن", "كي", "لكي", "حتي"):
            continue  # يمكن أن تتنبأ: a subjunctive verb is no report
        if cue.kind == "nominal" and any(
            (i + d) in v.cue_at and v.cue_at[i + d].cue_kind == "according_to" for d in (1, 2, 3)
        ):
            continue  # وفق ما ذكرت / وفقا لما ذكره: the marked verb carries the attribution
        if cue.cue_kind == "according_to" and cue.kind != "nominal" and opens_sentence(v, si, i - 1):
            f = _verb_finding(v, si, i, cue)
        elif cue.kind == "nominal" or cue.cue_kind == "according_to":
            f = _nominal_finding(v, si, i, cue)
        else:
            f = _quote_before_cue(v, si, i, cue) if cue.kind in ("verb", "passive") else None
            if f is not None and f.pair is not None and f.pair.open in used_pairs:
                f = None
            if f is None:
                f = _verb_finding(v, si, i, cue)
        if f is None:
            continue
        if f.pair is not None:
            if f.pair.open in used_pairs:
                continue
            used_pairs.add(f.pair.open)
        out.append(f)
        if f.type == "direct":
            for g in _continuations(v, f):
                if g.pair is not None and g.pair.open in used_pairs:
                    break
                used_pairs.add(g.pair.open)  # type: ignore[union-attr]
                out.append(g)
    out.extend(g for f in list(out) for g in _after_colon(v, f) if g.content not in {h.content for h in out})
    out.sort(key=lambda f: f.content[0])
    out = [f for f in out if not _restates(v, f, out)]
    seen: set[tuple[int, int]] = set()
    kept = []
    for f in out:
        if f.content in seen:
            continue
        seen.add(f.content)
        kept.append(f)
    return kept
