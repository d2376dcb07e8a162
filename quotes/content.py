"""Reported content: where it opens after a cue, where it ends, and its type.

The attribution rules find a cue and its speaker; these functions place the
content in token indexes of a :class:`~quotes.view.DocView`: the opener after
the cue (a complementizer, a colon or a quotation mark that opens reported
words rather than a quoted name), the frame skipped before it (dates, outlets,
channels), the clause end inside the sentence, and whether the content is
``direct``, ``indirect`` or ``mixed`` (``GUIDELINES.md``).  They are apart
from the rules so that every rule delimits content the same way.
"""

from __future__ import annotations

from quotes.grammar import strip_proclitic
from quotes.segment import QuotePair
from quotes.view import DocView

__all__ = ["classify", "content_end", "expressive", "find_opener", "object_end", "skip_frame", "strip_end"]


_MAX_FRAME = 28  # tokens between a cue and its content opener


def find_opener(v: DocView, j: int, b: int) -> tuple[str, int] | None:
    """The first content opener after a cue: a complementizer, a colon or a quotation mark.

    The frame between cue and content may hold a temporal clause
    (``بعدما ...``); inside it a complementizer belongs to the clause, so only
    a colon or a quotation mark can open the content.
    """
    limit = min(b, j + _MAX_FRAME)
    k = j
    in_clause = False  # inside a temporal clause of the frame (بعدما ...): only a colon or a quote opens
    while k < limit:
        t = v.toks[k]
        if k in v.outlet_at:  # لقناة إن بي سي إن ...: an إن inside a name opens nothing
            m = v.outlet_at[k]
            k = max(k, v.index_at(m.end - 1) or k) + 1  # type: ignore[attr-defined]
            continue
        if v.is_comp(k) and not in_clause and not _bound_comp(v, k):
            return "comp", k
        if t.kind == "punct" and t.norm == ":":
            return "colon", k
        if t.kind == "quote" and v.pair_opening_at(k) is not None:
            if _opens_quotation(v, k):
                return "quote", k
            p = v.pair_opening_at(k)
            k = (v.index_at(p.close) if p and p.close is not None else None) or k
            k += 1
            continue
        if k > j and v.is_cue(k) and v.cue_at[k].kind != "verbal_noun" and not v.cue_at[k].ambiguous \
                and v.cue_at[k].cue_kind != "according_to":  # قال X بحسب ما نقل عنه بيان Y إن ...
            return None
        if v.phrase_len("clause_break", k) and k > j:
            if v.norm(k) not in ("بعدما", "عندما", "حين", "حينما", "بعد", "قبل"):
                return None
            in_clause = True  # وقال المدرب للصحفيين بعدما فاز فريقه: "..."
        if t.kind == "punct" and t.norm in ".!?":
            return None
        k += 1
    return None


def _bound_comp(v: DocView, k: int) -> bool:
    """A complementizer another word governs (``من دون أن``, ``لا يمكن أن``, ``بعد أن``), or the
    tail of a hyphenated name (``مون جاي-إن``): it opens no report of the cue."""
    if k == 0:
        return False
    if v.gram.word_in("governs_an", v.norm(k - 1)):
        return True
    return v.is_punct(k - 1, "-") and v.toks[k - 1].end == v.toks[k].start and k >= 2 \
        and v.toks[k - 2].end == v.toks[k - 1].start


def short_quoted_subject(v: DocView, k: int) -> bool:
    """A short quotation (four words at most) right after a cue and right before a
    complementizer: a quoted name as the subject (``وتؤكد «الأونروا» أنها ...``)."""
    p = v.pair_opening_at(k)
    if p is None or p.close is None or k == 0 or (k - 1) not in v.cue_at:
        return False
    a, b = v.token_range(p.start, p.end)
    nxt = (v.index_at(p.close) or 0) + 1
    return 0 < b - a <= 4 and nxt < len(v.toks) and v.is_comp(nxt)


def _opens_quotation(v: DocView, k: int) -> bool:
    """Whether the quotation mark at ``k`` opens reported words, not a quoted name or term.

    A mark glued to or right after a preposition or a naming noun (``إلى "الوطن"``,
    ``صحيفة "لوس أنجلس تايمز"``) quotes a name; so does a short quotation of
    three words or fewer that the sentence goes on after (``أنباء "أي أن آي" عن``).
    """
    p = v.pair_opening_at(k)
    if p is None:
        return False
    if short_quoted_subject(v, k):
        return False  # وأوضحت "مرافئ الخليج" أن ...: the quoted name is the subject
    if any(m.start <= p.open < m.end or (m.start <= p.start and p.end <= m.end) for m in v.outlets):
        return False  # أشارت "نيويورك تايمز" إلى ...: a quoted outlet is the source
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
    a, b = v.token_range(p.start, p.end)
    nwords = sum(1 for t in v.toks[a:b] if t.is_word)
    if p.close is None:
        return True
    nxt = (v.index_at(p.close) or 0) + 1
    if nxt + 1 < len(v.toks) and v.is_comp(nxt) and v.sent_of[nxt] == v.sent_of[k]:
        return False  # في بيان «اطلعت الوكالة عليه» أن ...: an aside; the report follows it
    if nwords <= 3 and nxt < len(v.toks) and v.sent_of[nxt] == v.sent_of[k] and (
            v.toks[nxt].is_word or (v.is_punct(nxt, ":") and k > 0 and v.toks[k - 1].is_word)):
        return False  # a quoted name the sentence goes on after: المحامية «ليلى حسن»: إن ...
    return True


def skip_frame(v: DocView, k: int, b: int) -> int:
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
        n = 2 if v.norm(k) == "من" and k + 1 < b and v.norm(k + 1) == "دون" else int(v.norm(k) in ("دون", "بدون"))
        if n:  # من دون أن يذكروا روسيا، تبادل ...: a manner aside up to its comma
            c = next((x for x in range(k + n, min(b, k + 15)) if v.is_punct(x, ",،")), None)
            if c is not None:
                k = c + 1
                continue
        break
    return k


def content_end(v: DocView, a: int, b: int) -> int:
    """Where a reported clause starting at ``a`` ends inside its sentence ``[.., b)``.

    The clause runs to the sentence end but stops before a comma that opens
    a participle continuation (``، مضيفا أن``), a nominal cue (``، وفقا لـ``),
    a coordinated report (``، وبين أن``, ``، ولكنها أضافت أن``) or a clause break (``، بينما``).
    Quoted stretches are skipped whole.
    """
    i = a
    while i < b:
        p = v.pair_opening_at(i) if v.is_quote(i) else None
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
            if v.gram.word_in("kama", v.norm(i + 1)) and (i + 2) in v.cue_at and v.cue_at[i + 2].kind == "verb" \
                    and v.cue_at[i + 2].cue_kind is None:
                return i  # ...، كما أكد أن ...: 'also', a report of its own
            if nxt is not None and nxt.kind == "verb" and nxt.proclitics and i + 2 < b \
                    and (v.is_comp(i + 2) or v.is_quote(i + 2) or v.is_punct(i + 2, ":")):
                return i  # ...، وبين أن ... / ...، وقال "...": a coordinated report of its own
            if v.phrase_len("content_break", i + 1) or _pronoun_report(v, i + 1, b):
                return i
        i += 1
    return b


def _pronoun_report(v: DocView, k: int, b: int) -> bool:
    """``...، ولكنها أضافت أنهم ...``: a pronoun carrier, then a speech verb and its opener."""
    if not v.gram.word_in("pronoun_carrier", v.norm(k)) or k + 2 >= b:
        return False
    c = v.cue_at.get(k + 1)
    return c is not None and c.kind == "verb" and (v.is_comp(k + 2) or v.is_quote(k + 2) or v.is_punct(k + 2, ":"))


def object_end(v: DocView, c0: int, b: int) -> int:
    """Where a noun-phrase object starting at ``c0`` ends inside its sentence ``[.., b)``.

    It ends like a reported clause, or earlier at the next participle or
    coordinated verb cue or at a contrast (``لكنه``, ``بينما``), without a
    dangling conjunction or punctuation.
    """
    end = content_end(v, c0, b)
    # a reported clause runs on through ``، حيث ...`` and ``، فيما ...``; an object stops there
    for k in range(c0 + 1, end - 1):
        if v.is_punct(k, ",،") and v.phrase_len("object_break", k + 1):
            end = k
            break
    # the object stops at the next participle or verb cue
    for k in range(c0 + 1, end):
        c = v.cue_at.get(k)
        if c is not None and (c.kind == "participle" or (c.kind == "verb" and c.proclitics)):
            end = k
            break
        if v.norm(k) in ("لكن", "لكنه", "لكنها", "ولكن", "ولكنه", "ولكنها", "بينما"):
            end = k  # وينفي الحزب أي تحيز لكنه يقول ...
            break
    c1 = strip_end(v, c0, end)
    while c1 > c0 and (v.norm(c1 - 1) in ("و", "او") or v.is_punct(c1 - 1)):
        c1 -= 1
    return c1


def strip_end(v: DocView, a: int, b: int) -> int:
    """Drop trailing sentence punctuation and commas from the token range [a, b)."""
    while b > a and v.toks[b - 1].kind == "punct" and v.toks[b - 1].norm in ".!?…,;:-–—":
        b -= 1
    return b


def classify(v: DocView, a: int, b: int) -> tuple[str, QuotePair | None]:
    """``direct`` when [a, b) is one quotation, ``mixed`` when it holds a quoted fragment."""
    start, end = v.toks[a].start, v.toks[b - 1].end
    inner = [p for p in v.pairs if p.open >= start and (p.close or p.end) < end and p.depth == 0]
    if v.is_quote(a):
        p = v.pair_opening_at(a)
        if p is not None and p.close is not None and strip_end(v, a, b) - 1 == v.index_at(p.close):
            return "direct", p
    for p in inner:
        words = [t for t in v.toks[slice(*v.token_range(p.start, p.end))] if t.is_word]
        before = v.index_at(p.open)
        naming = before is not None and before > 0 and v.gram.word_in("naming_noun", v.norm(before - 1))
        if len(words) >= 2 and not naming:
            return "mixed", None
    return "indirect", None


def expressive(v: DocView, c0: int) -> bool:
    """Whether the object names a feeling or courtesy (سعادته، شكره، تعازيه) rather than a claim."""
    w = strip_proclitic(v.norm(c0))[1]
    for n in (0, 1, 2):
        stem = w[:-n] if n else w
        if v.gram.word_in("expressive_object", stem) or v.gram.word_in("expressive_object", stem + "ه"):
            return True
    return False
