"""What a dependency parse adds to the rules' findings.

The rules decide; the parse only settles what they leave open, and each
finding says in its ``evidence`` what the parse contributed:

- ``parse:nsubj``: a subject the rules missed (a dropped subject that is in
  fact explicit) or split badly from a noun-phrase object
  (``أعلنت روسيا وقف إطلاق النار``): the cue verb's ``nsubj`` subtree,
  taken when it lies between the cue and the content;
- ``parse:obj``: the start of a noun-phrase object after that subject;
- ``parse:ccomp``: the parse agrees that the content is the cue's clausal
  complement (confidence goes up).

Only sentences that hold a cue candidate are parsed (selective parsing).
"""

from __future__ import annotations

from typing import Any

from quotes.attribution import Finding
from quotes.view import DocView

__all__ = ["ParseRefiner"]


class ParseRefiner:
    """Runs a parser backend over the sentences with cues and refines the findings."""

    name = "stanza"

    def __init__(self, backend: Any, *, selective: bool = True) -> None:
        self.backend = backend
        self.selective = selective

    def sentences_to_parse(self, v: DocView, findings: list[Finding]) -> list[tuple[int, int]]:
        """Character spans of the sentences to parse: those with a cue (all, unless selective)."""
        if not self.selective:
            return [(s.start, s.end) for s in v.seg.sentences]
        wanted = sorted({f.sentence for f in findings if f.cue is not None and f.cue.kind != "nominal"})
        return [(v.seg.sentences[si].start, v.seg.sentences[si].end) for si in wanted]

    def refine(self, v: DocView, findings: list[Finding]) -> None:
        """Adjust ``findings`` in place with what the parse of their sentences shows."""
        from quotes.backends import stanza as sb

        parsed = self.backend.parse(v.text, self.sentences_to_parse(v, findings))
        for f in findings:
            if f.cue is None or f.cue.kind == "nominal" or f.continues is not None:
                continue
            sent = next((p for p in parsed if p.start <= f.cue.start < p.end), None)
            if sent is None:
                continue
            w = sb.word_at(sent, f.cue.start)
            if w is None:
                continue
            subj = sb.subject_of(sent, w)
            if subj is None and f.cue.kind in ("participle", "verbal_noun") and sent.words[w].head:
                # مضيفا / قائلة: the subject is the one of the verb the participle depends on
                subj = sb.subject_of(sent, sent.words[w].head - 1)
                if subj is not None and subj[1] <= f.cue.start and f.speaker is None:
                    _take_clause_subject(v, f, subj)
                    continue
            _apply(v, f, subj, sb.complement_of(sent, w))


def _take_clause_subject(v: DocView, f: Finding, subj: tuple[int, int]) -> None:
    """A participle's subject found by the parse before it (``تجمع الآلاف منهم ..., مطالبين``)."""
    a, b = v.token_range(*subj)
    if any(t.is_word and not v.is_comp(k) and not v.gram.word_in("pronoun", t.norm)
           for k, t in enumerate(v.toks[a:b], start=a)):
        f.speaker = subj
        f.resolution = "explicit"
        f.rules.append("parse:nsubj-of-head")


def _apply(v: DocView, f: Finding, subj: tuple[int, int] | None, comp: tuple[int, int] | None) -> None:
    assert f.cue is not None
    if comp is not None and comp[0] <= f.content[0] + 2 and abs(comp[1] - f.content[1]) <= 3:
        f.rules.append("parse:ccomp")
        f.confidence = min(1.0, f.confidence + 0.05)
    if subj is None or not (f.cue.end <= subj[0] and subj[1] <= f.content[0]):
        return  # the rules' frame is the judge: a subject outside it is not taken
    a, b = v.token_range(*subj)
    if not any(t.is_word and not v.is_comp(k) and not v.gram.word_in("pronoun", t.norm)
               for k, t in enumerate(v.toks[a:b], start=a)):
        return  # a complementizer's pronoun (أنه) is no mention
    if f.speaker is None and f.resolution == "dropped-subject":
        f.speaker = subj
        f.resolution = "explicit"
        f.rules.append("parse:nsubj")
        return
    if "content:object" in f.rules and f.speaker is not None and subj != f.speaker \
            and subj[0] == f.speaker[0] and subj[1] > f.speaker[1]:
        # the rules cut the subject short; the object starts after the parse's subject
        f.speaker = subj
        a, b = v.token_range(subj[1], f.content[1])
        if a < b and v.toks[a].start < f.content[1]:
            f.content = (v.toks[a].start, f.content[1])
            f.rules.extend(["parse:nsubj", "parse:obj"])
