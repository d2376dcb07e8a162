"""The attribution engine: text layer, cue finder, rules, speaker table, records.

::

    text ─► segment ─► tokens ─► cues/outlets/dates ─► rules (findings)
         ─► speaker table (entities, dropped subjects) ─► Quote records

One :class:`Engine` per :class:`~quotes.extract.Extractor`: the lexicons are
loaded and the patterns compiled once, in ``__init__``.  A parser backend,
when one is on, adds evidence to the findings; it never decides alone.
"""

from __future__ import annotations

from typing import Any

from quotes.attribution import Finding, find_attributions, opens_sentence, salient_mention, speech_events
from quotes.checkworthy import hints
from quotes.cues import CueFinder
from quotes.dates import DateFinder
from quotes.grammar import grammar
from quotes.outlets import OutletFinder
from quotes.records import Cue, Entity, Outlet, Quote, Speaker, When, span_of
from quotes.segment import segment
from quotes.speakers import EntityState, Mention, SpeakerTable, analyse_mention
from quotes.text import fold
from quotes.tokens import tokenize
from quotes.view import DocView

__all__ = ["Engine"]


class Engine:
    """Turns one document into quote records and a speaker table."""

    def __init__(self, *, backend: str = "rules", stanza_dir: str | None = None) -> None:
        self.gram = grammar()
        self.cues = CueFinder()
        self.outlets = OutletFinder()
        self.dates = DateFinder()
        self.backend = _make_backend(backend, stanza_dir)

    def view(self, text: str, published: str | None, publisher: str | None = None) -> DocView:
        """The document prepared for the rules."""
        seg = segment(text)
        norm = seg.norm
        return DocView(
            seg,
            tokenize(norm),
            self.cues.find(norm),
            self.outlets.find(norm, publisher=publisher),
            self.dates.find(norm, published),
            self.gram,
        )

    def run(
        self, text: str, *, published: str | None, publisher: str | None
    ) -> tuple[tuple[Quote, ...], tuple[Entity, ...]]:
        """Extract the quote records and the speaker entities of one document."""
        v = self.view(text, published, publisher)
        findings = find_attributions(v)
        if self.backend is not None:
            self.backend.refine(v, findings)
        table = SpeakerTable(v)
        speakers = _resolve_speakers(v, findings, speech_events(v, findings), table)
        table.expand_names()
        quotes = tuple(
            _build(v, n, f, speakers[n], self.outlets.is_outlet_name, tuple(g.content for g in findings if g is not f))
            for n, f in enumerate(findings)
        )
        entities = tuple(
            Entity(e.id, e.name, e.kind, e.role, tuple(e.aliases), tuple(span_of(text, *m) for m in e.mentions))
            for e in table.entities
            if e.speaks
        )
        return quotes, entities


def _make_backend(name: str, stanza_dir: str | None) -> Any:
    if name == "rules":
        return None
    from quotes.backends import load_backend

    return load_backend(name, stanza_dir)


def _resolve_speakers(
    v: DocView, findings: list[Finding], events: list, table: SpeakerTable
) -> list[tuple[EntityState | None, Mention | None]]:
    """Each finding's entity and mention, dropped subjects resolved in text order."""
    by_id: dict[int, tuple[EntityState | None, Mention | None]] = {}
    items: list[Any] = list(findings) + list(events)
    sentence_subject: dict[int, EntityState] = {}
    for f in sorted(items, key=_text_order):
        if isinstance(f, tuple):
            _note_event(v, f, table, sentence_subject)
            continue
        by_id[id(f)] = _finding_speaker(v, f, by_id, table, sentence_subject)
    return [by_id[id(f)] for f in findings]


def _text_order(f: Any) -> int:
    """Sort key of a finding (its cue, else its content) or a speech event (its cue)."""
    return f[0].start if isinstance(f, tuple) else (f.cue.start if f.cue else f.content[0])


def _note_event(v: DocView, event: tuple[Any, tuple[int, int]], table: SpeakerTable,
                sentence_subject: dict[int, EntityState]) -> None:
    """Enter the subject of a speech event without content as a non-speaking entity of its sentence."""
    cue, span = event
    m = analyse_mention(v, span)
    if m is not None:
        ent = table.add(m, cue.gender, None, speaker=False)
        si = v.sent_of[v.index_at(cue.start) or 0]
        sentence_subject.setdefault(si, ent)


def _finding_speaker(
    v: DocView,
    f: Finding,
    by_id: dict[int, tuple[EntityState | None, Mention | None]],
    table: SpeakerTable,
    sentence_subject: dict[int, EntityState],
) -> tuple[EntityState | None, Mention | None]:
    """The entity and mention of one finding: those of the quote it continues, of its own mention, or of a dropped subject."""
    cue = f.cue
    relayed = any(r.startswith("speaker:relayed") for r in f.rules)  # ونقلت صحيفة X عن Y: the verb agrees with X
    gender = cue.gender if cue and not relayed else None
    number = cue.number if cue and not relayed else None
    res: tuple[EntityState | None, Mention | None] = (None, None)
    if f.continues is not None and id(f.continues) in by_id:
        res = by_id[id(f.continues)]
    elif f.speaker is not None:
        res = _explicit_speaker(v, f, f.speaker, gender, number, table, sentence_subject)
    elif f.resolution == "dropped-subject":
        res = (_dropped_speaker(v, f, gender, number, table, sentence_subject), None)
    return res


def _explicit_speaker(
    v: DocView, f: Finding, speaker: tuple[int, int], gender: str | None, number: str | None,
    table: SpeakerTable, sentence_subject: dict[int, EntityState],
) -> tuple[EntityState | None, Mention | None]:
    """The entity and mention of the finding's ``speaker`` span; ``(None, None)`` if it names nobody."""
    cue = f.cue
    # وفقا للأمم المتحدة: the source carries the cue's ل (وفق لجان متخصصة does not)
    takes_lam = cue is not None and cue.kind == "nominal" and "ل" in cue.prepositions
    m = analyse_mention(v, speaker, according_to=takes_lam)
    if m is None:
        return None, None
    vso = cue is not None and speaker[0] > cue.start
    ent = table.add(m, gender, None if vso else number)
    if "speaker:relative-antecedent" not in f.rules:  # التقارير التي تقول: not the clause's subject
        sentence_subject.setdefault(f.sentence, ent)
    return ent, m


def _dropped_speaker(
    v: DocView, f: Finding, gender: str | None, number: str | None, table: SpeakerTable,
    sentence_subject: dict[int, EntityState],
) -> EntityState | None:
    """The entity a dropped subject refers to, noted as speaking again."""
    cue = f.cue
    # a participle or a verb inside its sentence shares the clause's subject;
    # a sentence-initial verb goes to the latest speaker that agrees
    i = v.index_at(cue.start) if cue is not None else None
    mid = cue is not None and (cue.kind == "participle" or (i is not None and not opens_sentence(v, f.sentence, i)))
    ent = sentence_subject.get(f.sentence) if mid else None
    if ent is None and "speaker:pronoun" in f.rules and i is not None:
        ent = table.named_in(v.sent_ranges[f.sentence][0], i)  # صفقة كمال ... لكنه ينفي
    if ent is not None and not ent.agrees(gender, number):
        ent = None
    ent = ent or table.resolve_dropped(gender, number) or _person_in_focus(v, f.sentence, table) \
        or table.latest()
    if ent is not None:
        table.note(ent)
    return ent


def _person_in_focus(v: DocView, sentence: int, table: SpeakerTable) -> EntityState | None:
    """With no earlier speaker, the named person the last few sentences introduce.

    ``استضاف البرنامج الفنان سامي الحداد ... وأكد أن ...``: the guest
    is the one who speaks, although no speech verb introduced him.
    """
    for si in range(sentence - 1, max(-1, sentence - 4), -1):
        a, b = v.sent_ranges[si]
        span = salient_mention(v, a, b)
        if span is None:
            continue
        m = analyse_mention(v, (v.toks[span[0]].start, v.toks[span[1] - 1].end))
        if m is not None and not m.role_only and m.kind == "person":
            return table.add(m, m.gender, m.number, speaker=False)
    return None


def _channel(v: DocView, f: Finding) -> tuple[int, int] | None:
    """The channel of the utterance in its sentence, outside the content (``في بيان``,
    ``في مؤتمر صحفي``, ``في تغريدة``): not an outlet, but what a fact-checker looks up."""
    a, b = v.sent_ranges[f.sentence]
    anchor = f.cue.start if f.cue else f.content[0]
    best: tuple[int, int] | None = None
    for k in range(a, b):
        n = v.phrase_len("channel", k)
        if not n:
            continue
        start, end = v.toks[k].start, v.toks[k + n - 1].end
        if start < f.content[1] and end > f.content[0]:
            continue
        if best is None or abs(start - anchor) < abs(best[0] - anchor):
            best = (start, end)
    return best


def _as_medium(v: DocView, o: Any) -> bool:
    """A platform counts as an outlet only as the medium of the words (``في تغريدة على
    تويتر``, ``عبر حسابه على فيسبوك``), not as an employer or a topic (``التابع لفيسبوك``)."""
    before = fold(v.text[max(0, o.start - 40):o.start]).split()[-5:] + fold(v.text[o.start:o.end]).split()
    return any(v.gram.stem_in("medium", w) or v.gram.stem_in("medium", w[1:]) for w in before)


def _nearest(matches: list, f: Finding, v: DocView, others: tuple[tuple[int, int], ...] = ()) -> Any:
    """The match in the finding's sentence, outside its content, nearest its cue.

    ``others`` are the contents of the document's other reports: a match inside
    one of them is that report's (the time of the event it reports), and a
    report nested inside one looks only there (``قال في بيان يوم الاثنين إنه أوقف
    X بسبب تسجيل قال فيه ...``: Monday is not when X spoke).
    """
    a, b = v.sent_ranges[f.sentence]
    if b <= a:
        return None
    lo, hi = v.toks[a].start, v.toks[b - 1].end
    anchor = f.cue.start if f.cue else f.content[0]
    outer = [c for c in others if c[0] <= anchor < c[1] and c != f.content]
    if outer:
        lo, hi = max(lo, max(c[0] for c in outer)), min(hi, min(c[1] for c in outer))
    best, dist = None, None
    for m in matches:
        if m.start < lo or m.end > hi:
            continue
        if m.start < f.content[1] and m.end > f.content[0]:
            continue
        if any(c0 <= m.start < c1 and not c0 <= anchor < c1 for c0, c1 in others):
            continue
        if m.start >= f.content[1] and f.content[0] > anchor:
            continue  # after the content of a report whose cue comes first: another clause's time
        d = abs(m.start - anchor)
        if dist is None or d < dist:
            best, dist = m, d
    return best


def _build(
    v: DocView,
    n: int,
    f: Finding,
    resolved: tuple[EntityState | None, Mention | None],
    outlet_name: Any,
    others: tuple[tuple[int, int], ...] = (),
) -> Quote:
    """The ``n``-th quote record of the document, built from its finding and resolved speaker."""
    text = v.text
    ent, mention = resolved
    speaker = _speaker_record(v, f, ent, mention)
    outlet = _outlet_record(v, f, mention, outlet_name)
    date = _date_record(v, f, others)
    channel = _channel(v, f)
    cue = None
    if f.cue is not None:
        cue = Cue(span_of(text, f.cue.start, f.cue.end), f.cue.lemma, f.cue.sense)
    content = span_of(text, *f.content)
    return Quote(
        id=f"q{n + 1}",
        type=f.type,
        content=content,
        cue=cue,
        speaker=speaker,
        outlet=outlet,
        date=date,
        confidence=f.confidence if speaker is not None else f.confidence * 0.6,
        evidence=tuple(f.rules),
        channel=span_of(text, *channel) if channel else None,
        checkworthy=hints(
            content.text,
            cue_sense=f.cue.sense if f.cue else None,
            speaker_role=speaker.role if speaker else None,
            speaker_kind=speaker.kind if speaker else None,
            speaker_name=speaker.name if speaker else None,
            cue_text=cue.span.text if cue else None,
        ),
    )


def _speaker_record(v: DocView, f: Finding, ent: EntityState | None, mention: Mention | None) -> Speaker | None:
    """The record's speaker from its entity and mention, ``None`` when neither is known."""
    if ent is None and mention is None:
        return None
    return Speaker(
        mention=span_of(v.text, *f.speaker) if f.speaker and mention else None,
        name=ent.name if ent else (mention.name if mention else None),
        role=(mention.role if mention else None) or (ent.role if ent else None)
        or (v.text[f.role[0]:f.role[1]] if f.role else None),
        kind=ent.kind if ent else (mention.kind if mention else "person"),
        resolution="explicit" if mention else ("coreference" if f.continues else "dropped-subject"),
    )


def _outlet_record(v: DocView, f: Finding, mention: Mention | None, outlet_name: Any) -> Outlet | None:
    """The outlet nearest the cue, or the speaker mention itself when it names an outlet."""
    om = _nearest([o for o in v.outlets if o.kind != "platform" or _as_medium(v, o)], f, v)
    if om is not None:
        return Outlet(span_of(v.text, om.start, om.end), om.name, om.relation)
    if mention is not None and f.speaker is not None:
        name = outlet_name(v.text[f.speaker[0]:f.speaker[1]])
        if name:
            return Outlet(span_of(v.text, *f.speaker), name, "according-to")
    return None


def _date_record(v: DocView, f: Finding, others: tuple[tuple[int, int], ...]) -> When | None:
    """The date nearest the cue, outside the content and the other reports' contents."""
    dm = _nearest(v.dates, f, v, others)
    if dm is None:
        return None
    return When(span_of(v.text, dm.start, dm.end), dm.value, dm.resolution)
