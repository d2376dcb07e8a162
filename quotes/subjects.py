"""Sentence subjects: where a VSO subject ends before its object, and which
mention a verb or participle without an explicit subject shares.

``نفت الحكومتان الروسية والسورية استهداف ...`` has no delimiter between the
subject and the object: :func:`split_subject_object` cuts the mention by the
shape of Arabic noun phrases (a construct state, agreeing adjectives, a
ل-genitive, a title and up to two name words).  A participle (``مؤكدا``) or a
verb with a pronoun subject takes the subject of its clause: the titled
mention nearest before it (:func:`salient_mention`), the subject after a
sentence-opening كان (:func:`kana_subject`) or after a sentence-opening verb
that is no cue (:func:`vso_subject`).  Mention boundaries themselves are
:mod:`quotes.mentions`.
"""

from __future__ import annotations

from quotes.grammar import nisba as _nisba, strip_proclitic
from quotes.mentions import right_mention, speaker_boundary
from quotes.view import DocView

__all__ = ["definite_title_end", "kana_subject", "salient_mention", "split_subject_object", "vso_subject"]


def salient_mention(v: DocView, a: int, i: int) -> tuple[int, int] | None:
    """The interviewee (``في حديث مع نسرين اسبر``) or the titled mention nearest
    before ``i`` (``المشرف العام ... سامي الحداد``) in the sentence."""
    for k in range(a, i - 1):
        n = v.phrase_len("channel", k)
        if n and v.norm(k + n - 1) == "مع":
            end = right_mention(v, k + n, i)
            if end > k + n:
                return k + n, end
    last = None
    k = a
    while k < i:
        if k in v.date_at:  # في آب/أغسطس: a month that folds like the title الأب
            k = max(k + 1, (v.index_at(v.date_at[k].end - 1) or k) + 1)  # type: ignore[attr-defined]
            continue
        if v.toks[k].is_word and v.gram.title_len([v.norm(x) for x in range(k, min(k + 4, i))]):
            end = right_mention(v, k, i)
            end = split_subject_object(v, k, end)  # نائب السفير ... آدم آلن استهداف ...: the object is not his
            while end < i and v.norm(end) in ("في", "على") and end + 1 < i:
                nxt = right_mention(v, end + 1, i)
                if nxt == end + 1:
                    break
                end = nxt
            if end > k:
                last = (k, end)  # the nearest before the cue wins
                k = end
                continue
        k += 1
    return last


def kana_subject(v: DocView, a: int, i: int) -> tuple[int, int] | None:
    """The subject after a sentence-opening كان (``وكانت شركة "سولار" اكتشفت الحقل ... مؤكدة``),
    which a later participle of the sentence shares."""
    k = a
    kana = False
    while k < i:
        n = v.is_discourse(k)
        if not n:
            break
        kana = kana or any(v.gram.word_in("kana", strip_proclitic(v.norm(x))[1]) or v.gram.word_in("kana", v.norm(x))
                           for x in range(k, k + n))
        k += n
    if not kana or k >= i or speaker_boundary(v, k, first=True):
        return None
    end = right_mention(v, k, i)
    for x in range(k + 1, end - 1):  # the verb after a quoted name starts the predicate
        if v.is_quote(x) and v.pair_closing_at(x) is not None and not v.norm(x + 1).startswith("ل"):
            return k, x + 1
    end = split_subject_object(v, k, end)
    return (k, end) if end > k else None


def vso_subject(v: DocView, a: int, i: int) -> tuple[int, int] | None:
    """The subject after a sentence-opening و/ف-verb that is no cue (``وألغى فرانكو
    الاتفاق، معلنا ...``), which a later participle of the sentence shares."""
    k = a
    while k < i and v.is_discourse(k):
        k += v.is_discourse(k)
    if k + 1 >= i or k in v.cue_at or not v.toks[k].is_word:
        return None
    w = v.norm(k)
    g = v.gram
    surface = v.text[v.toks[k].start:v.toks[k].end]
    if not (w[:1] in ("و", "ف") and len(w) > 3 and not surface[1:].startswith("ال")) \
            or any(g.word_in(c, w) or g.word_in(c, w[1:]) for c in ("stop_preposition", "pronoun", "relative",
                                                                  "not_subject", "negation", "complementizer")):
        return None
    if speaker_boundary(v, k + 1, first=True):
        return None
    head = v.norm(k + 1)
    if v.is_definite(k + 1) and not g.title_len([head]) and g.source_entry([head]) is None:
        return None  # وتطرق الحوار إلى ...: a thing, not a speaker
    if v.possessed(k + 1):
        return None  # واختتم حديثه قائلا: a possessed object
    end = right_mention(v, k + 1, i)
    end = split_subject_object(v, k + 1, end)
    return (k + 1, end) if end > k + 1 else None


def split_subject_object(v: DocView, i: int, j: int) -> int:
    """In a VSO clause with a noun-phrase object and no delimiter, where the subject ends.

    The subject is its head, an optional definite genitive after an
    indefinite head (``مصادر المعارضة``), the agreeing nisba adjectives
    (``الحكومة التركية``, ``جماعات حقوقية``, ``الحكومتان الروسية والسورية``)
    and a ل-genitive (``الاتحاد الألماني لكرة القدم``); the object starts at
    the first other word.
    """
    special = _shaped_subject_end(v, i, j)
    if special is not None:
        return special
    head_def = v.is_definite(i)
    k = i + 1
    while k + 1 < j and v.gram.word_in("kunya", v.norm(k)):
        k += 2  # فريد بن تنفوس / أبو بكر: a name goes on through بن and أبو
    if k > i + 1:
        return k
    org_head = v.gram.source_entry([v.norm(i)]) is not None  # وزارة الداخلية: a genitive, not a surname
    if not head_def and v.norm(k).startswith("ال") and (not _nisba(v.norm(k)) or org_head):
        k += 1  # construct state: مصادر المعارضة
        head_def = True
    elif not head_def and not _nisba(v.norm(i)) and v.norm(k).startswith("ال") and _nisba(v.norm(k)):
        return k + 1  # a name and its ال-surname: أحمد الحسامي
    elif v.gram.word_in("org_head", v.norm(i)) and k < j and not v.is_definite(k) and not _adjective(v, k):
        k += 1  # شركة نوفاتك: the organisation's proper name, definite in meaning
        head_def = True
    while k < j:
        w = v.norm(k)
        core = w[1:] if w.startswith("و") and len(w) > 3 else w
        if (_nisba(core) or (core == w and _adjective(v, k))) and core.startswith("ال") == head_def:
            k += 1  # تقرير جديد / الحكومة التركية
            continue
        if w.startswith("ل") and not w.startswith("لل") and k + 1 < j and v.norm(k + 1).startswith("ال"):
            k += 2  # لكرة القدم
            continue
        if w.startswith("لل") and len(w) > 4 and k > i + 1:
            k += 1  # للدراسات
            continue
        break
    return k


def _shaped_subject_end(v: DocView, i: int, j: int) -> int | None:
    """The subject's end for mentions whose shape decides it: too short to split, set off
    by commas or quotes, titled, or quantified (``العديد من``); ``None`` otherwise."""
    if j - i <= 1:
        return j
    if any(v.is_punct(k, ",،") or v.is_quote(k) for k in range(i, j)):
        return j  # a role and its name between commas; a quoted name
    t = v.gram.title_len([v.norm(k) for k in range(i, min(i + 3, j))])
    if t:
        return min(definite_title_end(v, i, j), _titled_subject_end(v, i + t, j))
    if j - i > 2 and v.gram.word_in("quantifier", v.norm(i)) and v.norm(i + 1) == "من":
        if v.norm(i) == "كل":
            return j  # ودعا كل من الجامعة العربية والاتحاد الأفريقي إلى: the list is the subject
        return split_subject_object(v, i + 2, j)  # العديد من النواب الألمان الحكومة
    return None


def definite_title_end(v: DocView, i: int, j: int) -> int:
    """Where a mention ``[i, j)`` opening with a definite title ends before a definite
    noun that is no adjective: ``رفض المدرب الإفصاح``, the object; ``j`` otherwise.
    A definite title takes nisba adjectives (``المدرب الفرنسي``), never a genitive."""
    t = v.gram.title_len([v.norm(k) for k in range(i, min(i + 3, j))])
    if not t or not v.norm(i + t - 1).startswith("ال"):
        return j
    k = i + t
    while k < j and v.norm(k).startswith("ال") and _adjective(v, k):
        k += 1  # المسؤول الأمريكي السابق
    return k if k < j and v.norm(k).startswith("ال") else j


def _titled_subject_end(v: DocView, k: int, j: int) -> int:
    """After a title: its definite complements, then a name of up to two words (kunya kept)."""
    while k < j and v.is_definite(k) and not v.norm(k).startswith("لل"):
        k += 1
    n = 0
    while k < j and not v.is_definite(k) and (n < 2 or v.gram.word_in("kunya", v.norm(k - 1))) \
            and not v.possessed(k, after_ta=True):
        k += 1
        n += 1
    if n and k < j and v.norm(k).startswith("ال") and _nisba(v.norm(k)):
        k += 1  # an ال-surname: سامي الحداد
    return k


def _adjective(v: DocView, k: int) -> bool:
    """A relational (nisba) adjective or a listed common one (جديد، السابق), with or without ال."""
    w = v.norm(k)
    return _nisba(w) or v.gram.word_in("adjective", w[2:] if w.startswith("ال") else w)


