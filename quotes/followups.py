"""Records that follow from others: continuations, statements after a colon,
restatements, and speakers of speech verbs with no content.

- a quotation that continues a direct quote with no cue of its own shares
  its cue and speaker (``وقال سميث “A.” “B”``);
- what follows the colon that ends a report is a second statement
  (``وقال الاتحاد إنه ...: يقدم الاتحاد اعتذاره ...``);
- an ``according to`` that only restates a report's own source
  (``..., بحسب تعبيره``) adds no record;
- a speech verb with an explicit subject and no content still introduces a
  speaker that later dropped subjects may refer to.
"""

from __future__ import annotations

from typing import Iterator

import regex

from quotes.content import strip_end
from quotes.cues import CueMatch
from quotes.finding import Finding, token_span as _span
from quotes.mentions import right_mention
from quotes.subjects import definite_title_end
from quotes.text import fold
from quotes.view import DocView

__all__ = ["continuations", "after_colon", "restates", "speech_events"]


def continuations(v: DocView, f: Finding) -> Iterator[Finding]:
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
    contents = [f.content for f in findings]
    out = []
    for i, cue in sorted(v.cue_at.items()):
        if cue.start in used or cue.kind != "verb" or cue.ambiguous or v.sent_of[i] < 0:
            continue
        if any(c0 <= cue.start < c1 for c0, c1 in contents):
            continue  # قال إنه يتابع أخبار الفنانين: a verb inside reported words introduces no one
        if cue.sense == "consider" and cue.aspect == "imperfect" and not cue.proclitics:
            continue  # تعتبر الأكثر تقدما: "is considered", no speaker
        if v.quote_containing(cue.start) is not None:
            continue
        b = v.sent_ranges[v.sent_of[i]][1]
        end = definite_title_end(v, i + 1, right_mention(v, i + 1, b))
        first = v.norm(i + 1) if i + 1 < b else ""
        if end == i + 2 and _masdar_shaped(first):
            continue  # ورفض الإفصاح عن ...: a verbal noun is the object; the subject is dropped
        if end > i + 1 and not first.startswith(("ل", "و", "ب", "ف")) and v.toks[i + 1].is_word:
            span = _span(v, i + 1, end)
            if span is not None:
                out.append((cue, span))
    return out


_MASDAR = regex.compile(r"ال(?:ا..ا.|ا.ت.ا.|است..ا.|ان..ا.|ت..ي.)")


def _masdar_shaped(w: str) -> bool:
    """A definite verbal noun of the derived forms (الإفصاح، الاعتراف، الاستقالة، التأكيد), folded."""
    return bool(_MASDAR.fullmatch(w))


def after_colon(v: DocView, f: Finding) -> list[Finding]:
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
        p = v.pair_opening_at(c0)
        if p is None or p.start >= p.end:
            return []
        return [Finding("direct", (p.start, p.end), f.cue, f.sentence, speaker=f.speaker, resolution=f.resolution,
                        frame=f.frame, rules=f.rules + ["content:after-colon"], confidence=0.7, pair=p, continues=f)]
    c1 = strip_end(v, c0, b)
    if c1 - c0 < 3:
        return []
    content = _span(v, c0, c1)
    assert content is not None
    return [Finding("indirect", content, f.cue, f.sentence, speaker=f.speaker, resolution=f.resolution,
                    frame=f.frame, rules=f.rules + ["content:after-colon"], confidence=0.7, continues=f)]


def restates(v: DocView, f: Finding, findings: list[Finding]) -> bool:
    """An ``according to`` after a report that already has its own cue (``..., بحسب تعبيره``).

    ``وقال X إن A، بحسب تعبيره`` and ``"A"، وفق ما ذكرت وكالة رويترز`` attribute A
    once; the nominal phrase only repeats the source or names the relaying
    outlet, which the record picks up from its sentence.
    """
    if f.type != "according_to" or "content:before-cue" not in f.rules:
        return False
    if f.speaker is None:
        pronoun = f.cue is not None and f.cue.kind == "nominal" and bool(f.cue.enclitic)  # بحسب تعبيره
    else:
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
