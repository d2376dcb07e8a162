"""Attribution rules: from a cue to its content, speaker mention and frame.

Each rule returns :class:`Finding` objects carrying the ids of the rules that
fired (finding is kept apart from building records, as spaCy's EntityRuler
keeps ``match`` apart from ``set_annotations``).  The constructions are those
of ``DESIGN.md``: VSO and SVO reports, complementizer clauses, colons and
quotation marks, participle continuations, noun-phrase objects, quotes before
their cue, continuation quotes, and nominal ``according to`` cues.  Where a
speaker mention starts and ends is :mod:`quotes.mentions` (and, for a VSO
subject before its object, :mod:`quotes.subjects`); which mention speaks for
a finding is :mod:`quotes.attach`; where content opens and ends is
:mod:`quotes.content`.
"""

from __future__ import annotations

from quotes.attach import (
    attach_speaker,
    in_reported_clause,
    left_subject_plausible,
    pronoun_before,
    pronoun_subject,
)
from quotes.content import classify, content_end, expressive, find_opener, object_end, skip_frame, strip_end
from quotes.cues import CueMatch
from quotes.finding import Finding, token_span as _span
from quotes.followups import after_colon, continuations, restates, speech_events
from quotes.mentions import (
    adjacent_subject,
    left_mention,
    relayed_source,
    right_mention,
    source_end,
)
from quotes.subjects import salient_mention, split_subject_object
from quotes.text import fold
from quotes.view import DocView

__all__ = [
    "Finding",
    "find_attributions",
    "left_mention",
    "opens_sentence",
    "right_mention",
    "salient_mention",
    "speech_events",
]


# --- the rules --------------------------------------------------------------


def _verb_finding(v: DocView, si: int, i: int, cue: CueMatch) -> Finding | None:
    """A verb or participle cue and the content its opener starts (``قال X إن ...``, ``قال X: "..."``).

    Without a complementizer, colon or quotation after the cue the content is
    the verb's noun-phrase object, if any.
    """
    a, b = v.sent_ranges[si]
    j = i + 1
    preps = frozenset(fold(p) for p in cue.prepositions)
    m_end = _mention_after_cue(v, si, i, cue, preps)
    opener = find_opener(v, j, b)
    rules = [f"cue:{cue.rule}"]
    if opener is None:
        return _object_finding(v, si, i, cue, m_end, rules)
    kind, k = opener
    described = _describes_noun(v, cue, opener, j, m_end)
    if described:
        m_end = k - 1  # ووصف فالنتي الحادث بأنه: the noun before بأن is what is described
    if kind == "comp" and k - 1 > j and v.norm(k - 1) in ("او", "و") and cue.kind == "verb":
        # نفى الوزير استقالته أو أن يكون غادر: the first of coordinated objects opens the content
        return _object_finding(v, si, i, cue, min(m_end, k - 1), rules)
    if _states_nothing(v, si, i, cue, opener, m_end, described):
        return None
    c0 = _content_start(v, opener, b, rules)
    if c0 >= b:
        return None
    j, m_end = _relayed_speaker(v, cue, preps, j, m_end, k, rules)
    f = _opener_content(v, si, cue, kind, c0, rules)
    if f is None:
        return None
    attach_speaker(v, f, si, i, j, m_end)
    f.frame = (v.toks[a].start, f.content[0])
    return f


def _mention_after_cue(v: DocView, si: int, i: int, cue: CueMatch, preps: frozenset[str]) -> int:
    """End of the speaker mention right after the cue at ``i`` (VSO), ``i + 1`` when there is none."""
    a, b = v.sent_ranges[si]
    j = i + 1
    # the speaker right after the cue (VSO); a participle's subject is its clause's
    m_end = j if cue.kind in ("participle", "verbal_noun") or pronoun_before(v, a, i) \
        else right_mention(v, j, b, preps)  # لكنها نفت نشرها النص: the pronoun is the subject
    if cue.sense == "tell" and m_end == j + 1 and _oblique_plural(v.norm(j)):
        m_end = j  # وأبلغ الصحفيين: the plural in -ين is the addressee; the subject is dropped
    return m_end


def _describes_noun(v: DocView, cue: CueMatch, opener: tuple[str, int], j: int, m_end: int) -> bool:
    """Whether the definite noun before a ب-complementizer is what a describe/accuse cue describes."""
    kind, k = opener
    return kind == "comp" and cue.sense in ("describe", "accuse") and v.norm(k).startswith("ب") \
        and m_end == k and k - j >= 2 and v.is_definite(k - 1)


def _states_nothing(v: DocView, si: int, i: int, cue: CueMatch, opener: tuple[str, int], m_end: int,
                    described: bool) -> bool:
    """Whether the cue and its opener report no statement (declining, praise, a bare quotation)."""
    a, b = v.sent_ranges[si]
    j = i + 1
    kind, k = opener
    if any(expressive(v, x) for x in range(j, min(k, j + 8))):
        return True  # رفض السفير التعليق على مزاعم بأن ...: declining to comment states nothing
    if cue.kind == "passive" and kind != "comp":
        return True  # واتُهم الشاب ...: a passive without إن reports no statement
    if cue.expressive and kind != "comp":
        return True  # مشيدا بما يحققونه من "إنجازات": praise, not a claim
    titled = m_end > j and v.gram.title_len([v.norm(x) for x in range(j, min(j + 3, m_end))]) > 0
    if cue.ambiguous and kind == "quote" and not titled and (m_end == j or v.possessed(j)) \
            and not v.gram.word_in("resumptive_in", v.norm(j)) \
            and (adjacent_subject(v, a, i) is None or in_reported_clause(v, a, i)):
        return True  # قد تحمل "تداعيات خطيرة": an ambiguous verb with a bare quotation is no report
        # (but a resumptive marks a relative clause of writing: صفحة كتب عليها "...", تعليقا جاء فيه "...")
    if cue.ambiguous and not titled and not described and skip_frame(v, m_end, b) < k \
            and not (cue.prepositions and v.norm(j) in cue.prepositions):
        return True
    return False


def _content_start(v: DocView, opener: tuple[str, int], b: int, rules: list[str]) -> int:
    """Where the content opens after a complementizer, colon or quotation; notes the rule in ``rules``."""
    kind, k = opener
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
    return c0


def _relayed_speaker(v: DocView, cue: CueMatch, preps: frozenset[str], j: int, m_end: int, k: int,
                     rules: list[str]) -> tuple[int, int]:
    """The speaker mention ``[j, m_end)`` moved past a relaying outlet or a document, if any."""
    relayed = relayed_source(v, cue, m_end, k)
    if relayed is not None:
        j, m_end = relayed
        rules.append("speaker:relayed")
    elif m_end < k and v.norm(m_end) in ("عنه", "عنها", "عنهم") and "عن" in preps:
        j = m_end = m_end + 1  # ونقلت الوكالة عنه قوله: the pronoun's referent speaks, the agency relays
        rules.append("speaker:relayed-pronoun")
    elif cue.subject_types == ("document",) and v.norm(j) == "في" and right_mention(v, j + 1, k) > j + 1:
        j, m_end = j + 1, right_mention(v, j + 1, k)  # وجاء في بيان لمكتب الرئيس أن: the document speaks
        rules.append("speaker:document")
    return j, m_end


def _opener_content(v: DocView, si: int, cue: CueMatch, kind: str, c0: int, rules: list[str]) -> Finding | None:
    """The finding for content opening at ``c0``: a quotation (direct) or a clause up to its end."""
    b = v.sent_ranges[si][1]
    if kind == "quote" or (c0 < b and v.is_quote(c0) and kind == "colon"):
        p = v.pair_opening_at(c0)
        if p is None:
            return None
        return Finding("direct", (p.start, p.end), cue, si, rules=rules, confidence=0.9, pair=p)
    c1 = strip_end(v, c0, content_end(v, c0, b))
    if c1 <= c0:
        return None
    typ, p = classify(v, c0, c1)
    content = (p.start, p.end) if p is not None else _span(v, c0, c1)
    assert content is not None
    return Finding(typ, content, cue, si, rules=rules, confidence=0.85, pair=p)


def _oblique_plural(w: str) -> bool:
    """A definite sound masculine plural in -ين (الصحفيين), which cannot be a subject."""
    return w.startswith("ال") and w.endswith("ين") and len(w) >= 7


_NO_OBJECT_SENSES = frozenset("add tell write explain comment answer threaten".split())


def _object_finding(v: DocView, si: int, i: int, cue: CueMatch, m_end: int, rules: list[str]) -> Finding | None:
    """A noun-phrase object as content: ``نفت الحكومتان ... استهداف البنية التحتية``,
    ``دعا إلى إسقاط ...``, ``مؤكدا ثقته في ...``."""
    if cue.sense in _NO_OBJECT_SENSES or cue.expressive or cue.kind not in ("verb", "participle"):
        return None
    a, b = v.sent_ranges[si]
    j = i + 1
    s_end, c0 = _object_start(v, j, m_end, b)
    preps = {fold(p) for p in cue.prepositions}
    s_end, c0, glued = _object_after_preposition(v, cue, i, s_end, c0, b, preps)
    if cue.ambiguous and not (c0 > 0 and v.norm(c0 - 1) in preps):
        return None  # حذر / عبر / وعد: an ambiguous form needs its preposition
    after_prep = c0 > 0 and v.norm(c0 - 1) in preps
    if cue.sense == "say" and not after_prep and not (s_end > j and b - c0 >= 6):
        return None
    if cue.requires_complement and not (preps and (glued or (c0 > 0 and v.norm(c0 - 1) in preps))) \
            and cue.sense not in ("describe",):
        return None
    if s_end == j and cue.kind == "verb" and not left_subject_plausible(v, a, i) \
            and not v.toks[i].norm.startswith(("و", "ف")) and not pronoun_subject(v, a, i):
        return None
    c1 = object_end(v, c0, b)
    if c1 <= c0 or c1 - c0 > 60 or not v.toks[c0].is_word and not v.is_quote(c0):
        return None
    if expressive(v, c0):
        return None  # عبر عن سعادته: an expressive act, no proposition
    typ, _ = classify(v, c0, c1)
    content = _span(v, c0, c1)
    assert content is not None
    if glued:
        t = v.toks[c0]
        content = (v.seg.norm.offsets[t.nstart + 1], content[1])
    f = Finding(typ if typ != "direct" else "mixed", content, cue, si,
                rules=rules + ["content:object"], confidence=0.6)
    attach_speaker(v, f, si, i, j, s_end)
    f.frame = (v.toks[a].start, content[0])
    return f


def _object_after_preposition(v: DocView, cue: CueMatch, i: int, s_end: int, c0: int, b: int,
                              preps: set[str]) -> tuple[int, int, int]:
    """The subject end, object start and glued-ب flag once the cue's preposition is taken into account."""
    j = i + 1
    glued = 0
    if s_end > j and c0 == s_end and v.toks[i].norm[:1] in ("و", "ف") and c0 < b and v.norm(c0)[:1] == "ب" \
            and "ب" in preps and len(v.norm(c0)) > 3 and cue.sense in ("describe", "accuse", "demand", "call") \
            and not (s_end == j + 1 and v.norm(j).endswith("ون")):  # ويطالب المحتجون بـ: -ون is a subject's case
        # ووصفت الفيديو بالمخيف: one noun phrase before the ب-phrase is the object; the subject is dropped
        s_end, c0 = j, j
    elif c0 < b and v.norm(c0) in preps:
        c0 += 1  # دعا إلى | أشار إلى | حذر من | عبر عن: the content follows the preposition
    elif c0 < b and v.norm(c0)[:1] in preps and len(v.norm(c0)) > 3 and v.norm(c0)[:1] in ("ب", "ل"):
        glued = 1  # تفيد بترحيل: the content starts after the glued ب
    return s_end, c0, glued


def _object_start(v: DocView, j: int, m_end: int, b: int) -> tuple[int, int]:
    """Where the subject after a cue ends and where its noun-phrase object starts.

    The subject is the mention ``[j, m_end)`` cut where the object begins, or
    ends at a date, outlet or channel; a role between commas after a name is
    skipped, and so is the frame before the object.
    """
    s_end = j
    c0 = j
    if m_end > j:
        outlet = v.outlet_at.get(j)
        whole_outlet = outlet is not None and v.toks[m_end - 1].end <= outlet.end  # type: ignore[attr-defined]
        framed = whole_outlet or (m_end < b and (m_end in v.date_at or m_end in v.outlet_at
                                                  or v.phrase_len("channel", m_end)))
        s_end = m_end if framed else split_subject_object(v, j, m_end)
        c0 = s_end
        # a name, then an appositive role between commas: طالب X، رئيس حزب ...، الحكومة
        if m_end + 1 < b and v.is_punct(m_end, ",،") and s_end == m_end \
                and v.gram.title_len([v.norm(x) for x in range(m_end + 1, min(m_end + 4, b))]):
            k = m_end + 1
            while k < b and not v.is_punct(k, ",،"):
                k += 1
            c0 = k + 1 if k < b else m_end + 1
    return s_end, skip_frame(v, c0, b)


def _quote_before_cue(v: DocView, si: int, i: int, cue: CueMatch) -> Finding | None:
    """``“...”، قال X``: a quotation closed just before its cue."""
    a, b = v.sent_ranges[si]
    k = i - 1
    while k >= 0 and v.is_punct(k, ",،-–—"):
        k -= 1
    if k < 0 or not v.is_quote(k):
        return None
    p = v.pair_closing_at(k)
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
    if cue.kind != "nominal" and j < b and v.gram.word_in("resumptive", v.norm(j)):
        j += 1  # وفق ما أفاد به المدير: the pronoun refers back to ما
    pronoun = cue.kind == "nominal" and bool(cue.enclitic)  # على حد تعبيره: the pronoun is the source
    s_end = j if pronoun else source_end(v, j, b)
    if s_end == j and not pronoun:
        return None
    rules = [f"cue:{cue.rule}"]
    c0, c1 = _nominal_content(v, si, i, s_end, rules)
    if c1 <= c0:
        return None
    typ, p = classify(v, c0, c1)
    content = (p.start, p.end) if typ == "direct" and p is not None else _span(v, c0, c1)
    assert content is not None
    f = Finding("according_to" if typ != "direct" else "direct", content, cue, si, rules=rules,
                confidence=0.75, pair=p if typ == "direct" else None)
    _nominal_source(v, f, cue, i, j, s_end, pronoun)
    return f


def _nominal_content(v: DocView, si: int, i: int, s_end: int, rules: list[str]) -> tuple[int, int]:
    """The content's token range: after the source when the cue opens the sentence, else before the cue."""
    a, b = v.sent_ranges[si]
    k = a
    while k < i and v.is_discourse(k):
        k += v.is_discourse(k)
    if k >= i - 1 or (i > a and not v.is_punct(i - 1, ",،") and i - a < 3):
        # the cue opens the sentence: the content follows the source
        c0 = s_end + 1 if s_end < b and v.is_punct(s_end, ",،") else s_end
        if v.is_comp(c0) or v.norm(c0) in ("فان", "فانه", "فانها", "فانهم", "فقد", "وقد", "قد"):
            c0 += 1
        c1 = strip_end(v, c0, content_end(v, c0, b))
        rules.append("content:after-source")
        return c0, c1
    c0 = k
    marker = i
    for d in (1, 2, 3):  # بحسب ما أعلنه: the content stops before the marker
        if i - d >= a and v.cue_at.get(i - d) is not None and v.cue_at[i - d].kind == "nominal":
            marker = i - d
    c1 = strip_end(v, c0, marker)
    while c1 > c0 and (v.norm(c1 - 1) in ("وذلك", "ذلك") or v.gram.word_in("kama", v.norm(c1 - 1))):
        c1 -= 1  # ...، كما ذكرت رويترز: the marker is no part of the statement
    c1 = strip_end(v, c0, c1)
    rules.append("content:before-cue")
    return c0, c1


def _nominal_source(v: DocView, f: Finding, cue: CueMatch, i: int, j: int, s_end: int, pronoun: bool) -> None:
    """Set the speaker, resolution and frame of an according-to finding whose source is ``[j, s_end)``."""
    if f.type == "direct" and (j in v.outlet_at or (j + 1) in v.outlet_at) and "content:before-cue" in f.rules:
        # the outlet relays the quotation of the speaker before: it is the record's outlet, not its source
        f.resolution = "dropped-subject"
        f.rules.append("speaker:relayed-by-outlet")
        f.frame = (v.toks[i].start, v.toks[s_end - 1].end)
        return
    if pronoun:
        f.resolution = "dropped-subject"
        f.rules.append("speaker:enclitic")
        f.frame = (v.toks[i].start, cue.end)
        return
    f.speaker = _span(v, j, s_end)
    f.rules.append("speaker:source")
    f.frame = (v.toks[i].start, v.toks[s_end - 1].end)


def _frames_report(f: Finding, findings: list[Finding]) -> bool:
    """``قال X بحسب ما نقل عنه بيان Y إن ...``: the according-to phrase stands in the frame
    of another report (its 'content' is that report's cue and speaker), and adds no record."""
    if f.type != "according_to" or "content:before-cue" not in f.rules:
        return False
    return any(g is not f and g.cue is not None and f.content[0] <= g.cue.start < f.content[1]
               and g.content[0] >= f.content[1] for g in findings)


def _nest_according_to(f: Finding, findings: list[Finding]) -> None:
    """``أوضح X أن A، وبين أن B وفق لجان متخصصة``: an according-to phrase inside
    the words of another report vouches for those words only, not for the cue before them."""
    if f.type != "according_to" or "content:before-cue" not in f.rules or f.cue is None:
        return
    starts = [g.content[0] for g in findings
              if g is not f and f.content[0] < g.content[0] < f.content[1] and g.content[0] < f.cue.start < g.content[1]]
    if starts:
        f.content = (max(starts), f.content[1])


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
        if si < 0 or v.quote_containing(cue.start) is not None or _not_a_report(v, si, i, cue):
            continue
        f = _cue_finding(v, si, i, cue, used_pairs)
        if f is not None:
            _keep_with_continuations(v, f, out, used_pairs)
    out.extend(g for f in list(out) for g in after_colon(v, f) if g.content not in {h.content for h in out})
    out.sort(key=lambda f: f.content[0])
    out = [f for f in out if not restates(v, f, out) and not _frames_report(f, out)]
    for f in out:
        _nest_according_to(f, out)
    return _distinct_contents(out)


def _not_a_report(v: DocView, si: int, i: int, cue: CueMatch) -> bool:
    """Whether the cue at ``i`` is negated, subjunctive, the writer's aside or carried by another cue."""
    if i > 0 and v.gram.word_in("negation", v.norm(i - 1)) and cue.cue_kind != "according_to":
        return True
    if cue.aspect == "imperfect" and i > 0 and v.norm(i - 1) in ("ان", "لن", "كي", "لكي", "حتي"):
        return True  # يمكن أن تتنبأ: a subjunctive verb is no report
    if cue.aspect == "imperfect" and (cue.passive_possible or cue.kind == "passive") and not cue.proclitics \
            and opens_sentence(v, si, i) \
            and (v.is_comp(i + 1) or v.norm(i + 1) in ("الي", "إلى")):
        return True  # يذكر أن / يشار إلى أن: "it is worth noting", the writer's aside
    if cue.sense == "consider" and cue.aspect == "imperfect" and not cue.proclitics \
            and right_mention(v, i + 1, v.sent_ranges[si][1]) == i + 1:
        return True  # هذا الاعتداء يعتبر عملا إرهابيا: "is considered", no source
    if cue.kind == "nominal" and any(
        (i + d) in v.cue_at and v.cue_at[i + d].cue_kind == "according_to" for d in (1, 2, 3)
    ):
        return True  # وفق ما ذكرت / وفقا لما ذكره: the marked verb carries the attribution
    return False


def _cue_finding(v: DocView, si: int, i: int, cue: CueMatch, used_pairs: set[int]) -> Finding | None:
    """The finding the rule for this kind of cue makes, if any."""
    if cue.cue_kind == "according_to" and cue.kind != "nominal" and opens_sentence(v, si, i - 1):
        return _verb_finding(v, si, i, cue)
    if cue.kind == "nominal" or cue.cue_kind == "according_to":
        return _nominal_finding(v, si, i, cue)
    own = _verb_finding(v, si, i, cue)
    f = None
    if cue.kind in ("verb", "passive") and (own is None or "content:object" in own.rules):
        f = _quote_before_cue(v, si, i, cue)  # “...”، قال X: only when the cue has no content of its own
        if f is not None and f.pair is not None and f.pair.open in used_pairs:
            f = None
    if f is None:
        f = own
    return f


def _keep_with_continuations(v: DocView, f: Finding, out: list[Finding], used_pairs: set[int]) -> None:
    """Append ``f`` and its continuation quotes to ``out`` unless its quotation is already used."""
    if f.pair is not None:
        if f.pair.open in used_pairs:
            return
        used_pairs.add(f.pair.open)
    out.append(f)
    if f.type == "direct":
        for g in continuations(v, f):
            if g.pair is not None and g.pair.open in used_pairs:
                break
            used_pairs.add(g.pair.open)  # type: ignore[union-attr]
            out.append(g)


def _distinct_contents(out: list[Finding]) -> list[Finding]:
    """The findings with a non-empty content not seen before, in order."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for f in out:
        if f.content in seen or f.content[0] >= f.content[1]:
            continue
        seen.add(f.content)
        kept.append(f)
    return kept
