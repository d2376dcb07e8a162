"""Speaker mentions: where the noun phrase naming a speaker starts and ends.

A cue's speaker stands after it (VSO: ``قال وزير الخارجية سامح شكري إن``),
before it (SVO: ``الوزير أكد أن``), after a nominal cue (``وفقا للأمم
المتحدة``) or elsewhere in the sentence (``في حديث مع ...``).  These functions
only delimit the mention in token indexes of a :class:`~quotes.view.DocView`;
the attribution rules decide which one speaks, and records are built later.
They are kept apart from the rules because they are the part that grows with
every new name pattern (kunyas, nisbas, quoted names, roles with
prepositions), while the constructions of the rules stay few.
"""

from __future__ import annotations

from quotes.content import short_quoted_subject
from quotes.cues import CueMatch
from quotes.grammar import nisba as _nisba, strip_proclitic
from quotes.segment import QuotePair
from quotes.text import fold
from quotes.view import DocView

__all__ = [
    "adjacent_subject",
    "left_mention",
    "relayed_source",
    "right_mention",
    "source_end",
    "speaker_boundary",
]


_MAX_SPEAKER = 10  # tokens in a speaker mention




def right_mention(v: DocView, i: int, b: int, stops: frozenset[str] = frozenset()) -> int:
    """End index of the speaker mention that starts at token ``i`` (``i`` if none).

    ``stops`` are the cue's own prepositions (``حذر ... من``), which end the
    mention wherever they stand.
    """
    if i + 1 < b and v.is_quote(i) and (i + 1) in v.outlet_at:
        p = v.pair_opening_at(i)
        if p is not None and p.close is not None:
            return v.pair_end_index(p)
    if i < b and i in v.outlet_at and not any(p in v.outlet_at[i].rule for p in ("clitic", "prefix")):  # type: ignore[attr-defined]
        m = v.outlet_at[i]  # the outlet is the speaker: قالت صحيفة "يديعوت أحرونوت"
        k = v.index_at(m.end - 1)  # type: ignore[attr-defined]
        return (k if k is not None else i) + 1
    if i < b and short_quoted_subject(v, i):
        return v.pair_end_index(v.pair_opening_at(i))  # type: ignore[arg-type]
    j = i
    while j < b and j - i < _MAX_SPEAKER:
        p = _short_name_pair(v, j) or (_quoted_name_after(v, j) if j > i else None)
        if p is not None:
            j = v.pair_end_index(p)
            continue
        if j > i and v.gram.word_in("kunya", v.norm(j - 1)):
            j += 1  # أبو طالب: the word after a kunya is part of the name
            continue
        if v.norm(j) in stops or speaker_boundary(v, j, first=j == i):
            ext = _role_pp(v, i, j, b) if v.norm(j) not in stops else j
            if ext == j and v.norm(j) not in stops:
                ext = _affiliation_pp(v, i, j, b)
            if ext > j:
                j = ext
                continue
            break
        j += 1
    return _appositive_name(v, i, j, b)


def _affiliation_pp(v: DocView, i: int, j: int, b: int) -> int:
    """``زملاء له في الشرطة إنه`` / ``مسؤول في وزارة الخارجية:``: a short في-phrase
    that runs straight into the content opener belongs to the mention."""
    if j == i or v.norm(j) != "في" or j + 1 >= b or (j + 1) in v.date_at or v.phrase_len("channel", j) \
            or v.gram.word_in("frame_noun", v.norm(j + 1)):
        return j  # مارتن في بداية زيارته: the time of the words, not where the speaker works
    k = j + 1
    while k < b and k - j <= 4 and v.toks[k].is_word and not v.is_comp(k) and k not in v.cue_at \
            and k not in v.outlet_at and k not in v.date_at and not v.phrase_len("channel", k):
        k += 1
    if k > j + 1 and k < b and (v.is_comp(k) or v.is_punct(k, ":،,") or v.is_quote(k)):
        return k
    return j




def speaker_boundary(v: DocView, i: int, first: bool = False) -> bool:
    """Whether token ``i`` cannot belong to a speaker mention, which then ends before it.

    Punctuation, complementizers, outlets, dates, unambiguous cues,
    relatives, pronouns, most prepositions, channels and clause breaks end a
    mention; ``first`` (the mention's first word) also rules out negations,
    discourse markers and words that are never subjects.
    """
    t = v.toks[i]
    if t.kind in ("punct", "quote"):
        return True
    if v.is_comp(i) or i in v.outlet_at or i in v.date_at:
        return True
    if v.is_cue(i) and not (first and v.cue_at[i].kind == "participle") and not v.cue_at[i].ambiguous:
        return True
    w = t.norm
    g = v.gram
    if g.word_in("relative", w) or g.word_in("pronoun", w) or g.word_in("demonstrative", w):
        return True
    if _stop_preposition(v, i, first):
        return True
    if v.phrase_len("channel", i) or v.phrase_len("clause_break", i):
        return True
    if first and v.possessed(i) and not g.title_len([w]):
        return True  # ليتوقع إطلاقه: a noun with a possessive pronoun is an object, not a subject
    if first and g.word_in("quantifier", w) and i + 1 < len(v.toks) and (v.is_definite(i + 1) or v.norm(i + 1) == "من"):
        return False  # بعض المزارعين، كل من الجامعة العربية والاتحاد الأفريقي: a quantified subject
    if not first and w == "من" and g.word_in("quantifier", v.norm(i - 1)):
        return False  # العديد من السياسيين: the quantified noun follows
    if first and (g.word_in("not_subject", w) or g.word_in("negation", w) or v.is_discourse(i) or w == "من"):
        return True
    if first:
        return (w.startswith("لل") and len(w) > 4) or (w.startswith("بال") and len(w) > 5)  # باتخاذ / بالاستقالة
    if g.word_in("not_subject", w) and w not in ("كل", "بعض", "له", "لها", "لهم", "لهما"):
        return True  # الرئيس عنها / الوزير ردا: a pronoun phrase or adverb ends the mention (زملاء له does not)
    return _phrase_after_name(v, i)


def _stop_preposition(v: DocView, i: int, first: bool) -> bool:
    """Whether token ``i`` is a preposition that ends a mention, not a name spelt like one."""
    t = v.toks[i]
    w = t.norm
    return v.gram.word_in("stop_preposition", w) \
        and not (w == "علي" and _last_letter(v.text[t.start:t.end]) == "ي" and (not first or _name_follows(v, i))) \
        and not (w == "الي" and v.text[t.start:t.start + 1] == "أ")  # ألي براون, a name; إلى the preposition


def _phrase_after_name(v: DocView, i: int) -> bool:
    """Whether a ب- or ل-phrase at ``i`` follows a name or quoted name, and so ends the mention."""
    w = v.toks[i].norm
    g = v.gram
    closed = v.pair_closing_at(i - 1) if v.is_quote(i - 1) else None
    if closed is not None and w[:1] in ("ب", "ل") and not w.startswith("لل"):
        o = v.index_at(closed.open)
        if not (o and g.word_in("naming_noun", strip_proclitic(v.norm(o - 1))[1])):
            return True  # المعلق "كريم داود" بصحة التسجيل (but مركز «أفق» لدراسات الطفولة goes on)
    prev = v.norm(i - 1)
    after_name = v.toks[i - 1].is_word and not v.is_definite(i - 1) and not g.title_len([prev]) \
        and not g.word_in("naming_noun", prev) and not g.word_in("kunya", prev)
    # وليد منصور بالاستقالة / سامي نور لنظيره اللبناني: after a name, a ب-phrase or a ل-phrase with a
    # pronoun is no longer the speaker (names start with ل: ليونارد، لافروف)
    return after_name and ((w.startswith("بال") and len(w) > 5)
                           or (w.startswith("ل") and len(w) > 4 and w.endswith(("ه", "ها", "هم", "هما"))))


def _name_follows(v: DocView, i: int) -> bool:
    """``علي منصوري``: an undefined word after علي makes it a first name (``على أن`` does not)."""
    return i + 1 < len(v.toks) and v.toks[i + 1].is_word and not v.is_definite(i + 1) and not v.is_comp(i + 1) \
        and not v.gram.word_in("stop_preposition", v.norm(i + 1)) and not v.gram.word_in("not_subject", v.norm(i + 1))


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
    p = v.pair_opening_at(j)
    if p is None or p.close is None:
        return None
    a, b = v.token_range(p.start, p.end)
    return p if 0 < b - a <= 8 else None


def _quoted_name_after(v: DocView, j: int, last: bool = False) -> QuotePair | None:
    """A short quoted name inside a mention (``المعلق "سامي حداد"``, ``الإسبانية "سولار"``).

    The word before the mark is a title, a naming noun or a nisba adjective,
    and a word or a colon follows the closing mark (any punctuation with ``last``, for the
    source that ends an ``according to``): a short quotation at the
    end of its sentence (``وقال سالم «لن نتراجع».``) is reported speech.
    """
    if j == 0 or not v.is_quote(j) or not v.toks[j - 1].is_word:
        return None
    prev = v.norm(j - 1)
    g = v.gram
    if not (g.title_len([prev]) or g.word_in("naming_noun", strip_proclitic(prev)[1]) or _nisba(prev)):
        return None
    p = v.pair_opening_at(j)
    if p is None or p.close is None:
        return None
    a, b = v.token_range(p.start, p.end)
    after = v.pair_end_index(p)
    if not (0 < b - a <= 4) or after >= len(v.toks) or not (v.toks[after].is_word or v.is_punct(after, ":")
                                                             or (last and v.is_punct(after))):
        return None  # a colon after the name opens the statement: ``المحامية «ليلى حسن»: إن ...``
    return p


def _role_pp(v: DocView, i: int, j: int, b: int) -> int:
    """Carry a titled mention through the prepositional phrase of its role to the name.

    ``المشرف العام على الفرق في نادي الاتحاد سامي الحداد``: the
    role goes on after ``على`` and ``في`` until an undefined word follows a
    definite one, which starts the name.
    """
    if j >= b or v.norm(j) not in ("في", "علي", "لدي") or j == i or v.phrase_len("channel", j):
        return j  # القاضي في الكلمات التي ألقاها: a channel is no part of the role
    if not v.gram.title_len([v.norm(k) for k in range(i, min(i + 3, j))]):
        return j
    k = j + 1
    while k < b and k - j <= 10 and (v.toks[k].is_word or v.is_quote(k)) and not v.is_comp(k) \
            and not (k in v.cue_at and not v.cue_at[k].ambiguous) and k not in v.outlet_at and k not in v.date_at:
        if v.is_quote(k):  # a quoted organisation in the role: في "أطباء للسلام"
            p = v.pair_opening_at(k)
            if p is None or p.close is None:
                break
            k = v.pair_end_index(p) + 1
            if k < b and v.toks[k].is_word and not v.is_definite(k):
                end = k
                while end < b and end - k < 3 and v.toks[end].is_word and not speaker_boundary(v, end):
                    end += 1
                return end
            continue
        if v.is_definite(k - 1) and not v.is_definite(k) and k - 1 > j \
                and not v.gram.word_in("stop_preposition", v.norm(k)):
            end = k
            while end < b and end - k < 3 and v.toks[end].is_word and not speaker_boundary(v, end):
                end += 1
            return end
        k += 1
    if j + 1 < k < b and v.is_punct(k, ",،-–") and all(v.is_definite(x) for x in range(j + 1, k)):
        return k  # السفير السوري لدى الأمم المتحدة، بشار الجعفري: the role ends at the comma before the name
    return j


def _appositive_name(v: DocView, i: int, j: int, b: int) -> int:
    """Extend a title-only mention with the name set off by commas after it.

    ``أكد مدرب ريال مدريد، زين الدين زيدان، على ...``: the mention is the
    role, a comma, and a short name that is followed by a comma, a
    complementizer, a colon or a quotation.
    """
    if j <= i or j + 2 >= b or not v.is_punct(j, ",،-–"):
        return j  # (a dash sets a name off too: أمين عام المنظمة -إياد أمين مدني-)
    if not v.gram.title_len([v.norm(k) for k in range(i, min(i + 4, j))]):
        return j
    k = j + 1
    while k < b and k - j <= 5 and v.toks[k].is_word and not speaker_boundary(v, k, first=k == j + 1):
        k += 1
    if k == j + 1 or k - j > 5 or k >= b:
        return j
    if v.is_punct(k, ",،:-–") or v.is_comp(k) or v.is_quote(k):
        return k
    return j


def left_mention(v: DocView, a: int, i: int) -> tuple[int, int] | None:
    """The subject before a cue at ``i`` in a sentence starting at ``a`` (SVO)."""
    k = _subject_start(v, a, i)
    if k is None:
        return None
    w0 = v.norm(k)
    if w0[:1] in ("و", "ف") and not w0[1:].startswith("ال") and k == a:
        return None  # وختم قائلا: a sentence opening with a verb has no subject before it
    if v.gram.word_in("stop_preposition", w0) or v.gram.word_in("stop_preposition", strip_proclitic(w0)[1]) \
            or v.gram.word_in("not_subject", w0) or k in v.cue_at or k in v.date_at:
        return None
    stop = _subject_stop(v, k, i)
    end = stop
    while end > k and (v.is_discourse(end - 1) or v.norm(end - 1) in ("ف", "فقد", "قد", "وقد")):
        end -= 1
    if end == k or end - k > 14:
        return None
    if stop < i and v.is_quote(stop):
        p = v.pair_opening_at(stop)
        if p is not None and p.close is not None and v.pair_end_index(p) == i:
            return k, end  # وزارة الدفاع الأميركية "البنتاجون" تؤكد: a quoted alias
    if not _only_aside_before_cue(v, stop, i):
        return None
    return k, _appositive_after_role(v, k, end, i)


def _appositive_after_role(v: DocView, k: int, end: int, i: int) -> int:
    """A role subject, then its holder's name between commas (``وكان الممثل القانوني
    للحزب، فادي سمعان، قد صرح``): the mention runs through the name."""
    if end >= i or not v.is_punct(end, ",،") or not v.gram.title_len([v.norm(x) for x in range(k, min(k + 3, end))]):
        return end
    c = next((x for x in range(end + 1, min(i, end + 6)) if v.is_punct(x, ",،")), None)
    if c is None or c - end - 1 < 1 or not all(v.toks[x].is_word and not v.is_definite(x) for x in range(end + 1, c)):
        return end
    return c


def _subject_start(v: DocView, a: int, i: int) -> int | None:
    """Where an SVO subject of the cue at ``i`` would start, ``None`` when none can stand before it."""
    k = a
    if i > a and v.gram.word_in("kama", v.norm(i - 1)):
        return None  # ...، كما أكد أن: 'also', the subject is the one before
    coordinated = i in v.cue_at and bool(v.cue_at[i].proclitics)
    for c in range(i - 1, max(a, i - 7) - 1, -1):
        if v.is_comp(c):
            if coordinated:
                return None  # ... أنه لا يجب الاستهانة بحماس ووصفت: the clause before is not a subject
            k = c + 1  # a report inside another: ... إن أرملة معتمد أخبرت
            break
    while k < i:
        n = v.is_discourse(k)
        if not n:
            break
        k += n
    if k >= i:
        return None
    return k


def _subject_stop(v: DocView, k: int, i: int) -> int:
    """Where the subject starting at ``k`` stops, at the latest at the cue ``i``."""
    # the subject runs to the first comma (an aside may follow it: ``محمد
    # العموري ، 53 عاماً ، قال``), through role phrases with prepositions
    # (``أمين عام الجامعة ... في العالم طوني قديسي فقد أكد``)
    end = k
    while end < i and not (v.toks[end].kind in ("punct", "quote") or v.is_comp(end) or end in v.cue_at
                           or v.gram.word_in("relative", v.norm(end)) or v.gram.word_in("pronoun", v.norm(end))):
        outlet = v.outlet_at.get(end)
        if outlet is not None:  # الموقع الإلكتروني لـ"سبورتس إيلوسترايتد" أشار
            nxt = v.index_at(outlet.end - 1)  # type: ignore[attr-defined]
            end = (nxt if nxt is not None else end) + 1
            continue
        end += 1
    return end


def _only_aside_before_cue(v: DocView, stop: int, i: int) -> bool:
    """Whether what stands between the subject's end ``stop`` and the cue ``i`` is an aside, a pronoun or nothing."""
    rest = v.toks[stop:i]
    if any(v.is_comp(r) or (r in v.cue_at and r != i) for r in range(stop, i)):
        return False
    if rest and not (rest[0].kind == "punct" or v.gram.word_in("pronoun", rest[0].norm)
                     or v.gram.word_in("relative", rest[0].norm)):
        return False
    return True


def source_end(v: DocView, j: int, b: int) -> int:
    """End index of the source named after a nominal cue (``وفقا للأمم المتحدة``) from ``j``.

    The source runs up to a comma, the sentence end or a clause break, a
    complementizer, a date, a cue or a channel (``j`` if none).
    """
    s_end = j
    if j in v.outlet_at:  # وفقا لوكالة الأنباء الفرنسية
        s_end = (v.index_at(v.outlet_at[j].end - 1) or j) + 1  # type: ignore[attr-defined]
    while s_end < b and not v.is_punct(s_end, ",،.!?:;") and s_end - j < 12:
        if v.is_quote(s_end):
            p = _short_name_pair(v, s_end) or (_quoted_name_after(v, s_end, last=True) if s_end > j else None)
            if p is None:
                break
            s_end = v.pair_end_index(p)  # بحسب شركة الغاز الإسبانية "سولار"
            continue
        if s_end > j and (v.phrase_len("clause_break", s_end) or v.is_comp(s_end) or s_end in v.date_at
                          or v.gram.word_in("fa_inna", v.norm(s_end))
                          or s_end in v.cue_at or v.phrase_len("channel", s_end)):
            break
        s_end += 1
    return s_end


def adjacent_subject(v: DocView, a: int, i: int) -> tuple[int, int] | None:
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


def relayed_source(v: DocView, cue: CueMatch, m_end: int, opener: int) -> tuple[int, int] | None:
    """``ونقلت صحيفة X عن Y قوله "..."``: the speaker is Y; X is the relaying outlet."""
    if m_end >= opener or v.norm(m_end) != "عن" or "عن" not in {fold(p) for p in cue.prepositions}:
        return None
    s0 = m_end + 1
    s1 = right_mention(v, s0, opener)
    while s1 > s0 and v.norm(s1 - 1).startswith(("قول", "القول")):
        s1 -= 1  # قوله / قولها
    return (s0, s1) if s1 > s0 else None


