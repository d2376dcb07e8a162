"""Speaker attachment: which mention a finding's cue speaks through.

After a rule of :mod:`quotes.attribution` has found a cue and its content,
the speaker is the mention right after the cue (VSO), the subject right
before it (SVO), the antecedent of a relative clause (``التقارير التي تفيد``),
a titled mention of the sentence, or nobody: a dropped subject that
:mod:`quotes.engine` resolves against the document's earlier speakers.  A
pronoun before the verb (``لكنه ينفي``) is such a dropped subject too.
"""

from __future__ import annotations

from quotes.finding import Finding, token_span as _span
from quotes.mentions import adjacent_subject, left_mention, speaker_boundary
from quotes.subjects import kana_subject, salient_mention, vso_subject
from quotes.view import DocView

__all__ = ["attach_speaker", "in_reported_clause", "left_subject_plausible", "pronoun_before",
           "pronoun_subject"]


def in_reported_clause(v: DocView, a: int, i: int) -> bool:
    """Whether token ``i`` stands in the complement clause of a speech verb (``قال الخبير إن
    الأزمة قد تحمل ...``), not after a mere conjunction (``إلا أن الرئيس عقب ...``)."""
    comps = [c for c in range(a, i) if v.is_comp(c)]
    if not comps:
        return False
    c = comps[-1]
    return any(g in v.cue_at and not v.cue_at[g].ambiguous and v.cue_at[g].kind == "verb" for g in range(max(a, c - 6), c))


def left_subject_plausible(v: DocView, a: int, i: int) -> bool:
    return left_mention(v, a, i) is not None


def pronoun_before(v: DocView, a: int, i: int) -> bool:
    """A pronoun right before the verb is its subject: ``لكنه ينفي ...``, ``وهو يؤكد ...``."""
    return i > a and (v.gram.word_in("pronoun_carrier", v.norm(i - 1)) or v.gram.word_in("pronoun", v.norm(i - 1)))


def pronoun_subject(v: DocView, a: int, i: int) -> bool:
    """The verb's subject is a pronoun before it, or the verb heads a relative clause
    its resumptive pronoun marks (``تغريدة هاجم فيها ...``)."""
    return pronoun_before(v, a, i) or (i + 1 < len(v.toks) and v.gram.word_in("resumptive_in", v.norm(i + 1)))


def attach_speaker(v: DocView, f: Finding, si: int, i: int, j: int, m_end: int) -> None:
    """Set the speaker mention: after the cue (VSO), before it (SVO), or dropped."""
    a, _ = v.sent_ranges[si]
    cue = f.cue
    if cue is not None and cue.kind == "passive":
        f.resolution = "agentless"  # وقيل إن ...: the text names no source
        f.rules.append("speaker:passive")
        return
    vso = m_end > j and f.content[0] >= v.toks[m_end - 1].end
    if vso and _subject_after_relative(v, f, a, i, j, m_end):
        f.speaker = _span(v, j, m_end)  # المحتجين الذين تقول الشركة إن ...: the subject follows
        f.rules.append("speaker:after-cue")
        return
    if _relative_antecedent(v, f, a, i):
        return  # التقارير التي تفيد بأن ...
    if not vso and pronoun_before(v, a, i):
        f.resolution = "dropped-subject"  # لكنه ينفي ...: the pronoun refers back
        f.rules.append("speaker:pronoun")
        return
    svo = adjacent_subject(v, a, i) if cue is None or cue.kind not in ("participle", "verbal_noun") else None
    if svo is not None:
        f.speaker = _span(v, *svo)
        f.rules.append("speaker:before-cue")
        return
    if vso:
        f.speaker = _span(v, j, m_end)
        f.rules.append("speaker:after-cue")
        _role_after(v, f, m_end)
        return
    # a verb cue earlier in the sentence has the subject a later participle or coordinated verb shares
    earlier_cue = any(a <= g < i and c.kind != "participle" and not c.ambiguous for g, c in v.cue_at.items())
    if cue is not None and cue.kind in ("participle", "verbal_noun"):
        _participle_speaker(v, f, a, i, earlier_cue)
    else:
        _speaker_before_or_in_sentence(v, f, a, i, earlier_cue)


def _subject_after_relative(v: DocView, f: Finding, a: int, i: int, j: int, m_end: int) -> bool:
    """Whether a cue right after الذي/التي has its own definite subject after it, before إن."""
    cue = f.cue
    return i > a and v.gram.word_in("relative", v.norm(i - 1)) and v.norm(j).startswith("ال") \
        and cue is not None and cue.sense != "tell" and m_end < len(v.toks) and v.is_comp(m_end)


def _participle_speaker(v: DocView, f: Finding, a: int, i: int, earlier_cue: bool) -> None:
    """A participle's speaker: a salient mention of its sentence, or a dropped subject."""
    sal = salient_mention(v, a, i) or kana_subject(v, a, i) or vso_subject(v, a, i)
    if sal is not None and not earlier_cue:
        f.speaker = _span(v, *sal)
        f.rules.append("speaker:in-sentence")
        return
    f.resolution = "dropped-subject"
    f.rules.append("speaker:participle")


def _speaker_before_or_in_sentence(v: DocView, f: Finding, a: int, i: int, earlier_cue: bool) -> None:
    """A verb's speaker: the mention before it, a salient mention of its sentence, or a dropped subject."""
    cue = f.cue
    left = left_mention(v, a, i)
    if left is not None:
        f.speaker = _span(v, *left)
        f.rules.append("speaker:before-cue")
        return
    sal = salient_mention(v, a, i)
    if sal is not None and not (earlier_cue and cue is not None and cue.proclitics):
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
    while s0 > a and v.toks[s0 - 1].is_word and not speaker_boundary(v, s0 - 1) and k - s0 < 6 \
            and v.norm(s0 - 1) != "من":  # قلل من شأن التقارير التي تقول: the antecedent starts after من
        s0 -= 1
    if s0 >= k:
        return False
    f.speaker = _span(v, s0, k)
    f.rules.append("speaker:relative-antecedent")
    return True


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
