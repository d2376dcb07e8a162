"""The cue finder: speech verbs, participles and nominal cues in a normalized text.

Finding is separate from building (STYLE.md): :class:`CueFinder` returns
:class:`CueMatch` records, each with the id of the rule that fired; the
attribution step decides which of them start a quotation.

All verb forms come from :mod:`quotes.morph` applied to the speech-verb
lexicon; the nominal cues (وفقا لـ, بحسب, نقلا عن, على حد قول, في تصريح)
come from their own lexicon.  Everything is compiled into one pattern per
finder: a trie-shaped alternation (longest form first) behind the
proclitics news text attaches to a verb (و/ف, and ل/س before an imperfect)
and before an optional object pronoun, with word boundaries that count
Arabic letters, digits and combining marks as word characters.  Matching
runs on the normalized view; spans are mapped back to the original text.

The pattern is compiled with the standard library's :mod:`re`, not the
``regex`` package: with a trie of ~8,000 forms, ``regex`` 2026.11 scans a
5,000-character document in ~10 ms (its time grows with the size of the
alternation at every position; its named lists are slower still),
where :mod:`re` takes ~0.5 ms.  Nothing here needs ``regex`` features: the
word-character class is spelled out.

Local disambiguation only: a form that is also a common non-speech word
(رد 'reply', بين 'between', طالب 'student') is returned with
``ambiguous=True`` and the engine asks for a complementizer, colon or
quotation after it; an unvocalized perfect that is also a passive (أعلن)
is a passive only when the original writes the damma (أُعلن).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import re

import attrs

from quotes.lexicon import Lexicon
from quotes.morph import Form, inflect, passive_forms
from quotes.text import Normalized, fold, normalize

__all__ = ["CueMatch", "CueFinder"]

# Letters, digits, underscore (``\w``) and the combining marks ``\w`` leaves out.
_WORD = r"\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_LEFT = rf"(?<![{_WORD}])"
_RIGHT = rf"(?![{_WORD}])"
_SP = r"[^\S\n]+"  # spaces inside one line
# Object/possessive pronouns (longest first, so هما is not read as ه + ما).
# Second-person ones (ك, كم) are left out: outside quotations news text
# hardly uses them, and they make nouns of verbs (تشارك = تشار + ك).
_ENCLITIC = "(?:هما|هم|هن|ها|ه|نا|ني)"
_DAMMA = "\u064f"
_MARKS = re.compile(r"[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


@attrs.frozen
class CueMatch:
    """One attribution cue found in a document.

    ``start``/``end`` are half-open offsets into the original text covering the
    whole token with its clitics (``وقالت``, ``فأضاف``, ``وبحسب``, ``ويصفه``);
    ``text`` is that slice.  ``rule`` names the rule that fired
    (``verb.perfect``, ``participle``, ``nominal.wafqan``); a speech verb
    after a marker such as ``كما``/``حسبما`` gets ``cue_kind="according_to"``
    and the marker's rule appended (``verb.perfect+nominal.kama``).
    """

    start: int
    end: int
    text: str
    lemma: str
    sense: str
    #: ``verb``, ``participle``, ``passive``, ``nominal`` or ``verbal_noun``.
    kind: str
    #: ``perfect`` or ``imperfect`` for verbs and passives, else None.
    aspect: str | None = None
    gender: str | None = None
    number: str | None = None
    proclitics: str = ""
    enclitic: str = ""
    complementizers: tuple[str, ...] = ()
    prepositions: tuple[str, ...] = ()
    requires_complement: bool = False
    expressive: bool = False
    #: The form is also a common non-speech word: require a complement.
    ambiguous: bool = False
    #: An unvocalized perfect that may also be read as a passive (أعلن).
    passive_possible: bool = False
    #: What the lexicon says may be the verb's subject (``document`` alone: وجاء في البيان).
    subject_types: tuple[str, ...] = ()
    #: ``according_to`` or ``verbal_noun`` for nominal cues and marked verbs.
    cue_kind: str | None = None
    rule: str = ""


@attrs.frozen
class _Reading:
    """A verb form with the lexicon entry it belongs to."""

    entry: Mapping[str, Any]
    form: Form
    #: ``entry``/``kind``/``form`` (see :func:`_ambiguity`) or None.
    ambiguity: str | None


def _ambiguity(entry: Mapping[str, Any], form: Form) -> str | None:
    """Why ``form`` may not be a speech verb: ``entry``, ``kind``, ``form`` or None."""
    if entry.get("ambiguous"):
        return "entry"
    if form.kind in entry.get("ambiguous_kinds", ()):
        return "kind"
    listed = {fold(s) for s in entry.get("ambiguous_forms", ())}
    if form.surface in listed:
        return "form"
    if form.kind == "perfect" and (form.gender, form.number) == ("m", "du") and form.surface[:-1] in listed:
        return "form"  # the 3md is the noun's accusative: ذكرا, طلبا, ردا
    return None


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie; longer words are tried first."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, Any]) -> str:
        alts = [(_SP if ch == " " else re.escape(ch)) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return walk(trie) or "(?!)"


def _verb_tables(verbs: Iterable[Mapping[str, Any]]) -> tuple[dict[str, list[_Reading]], ...]:
    """Readings by surface: perfect+passive perfect, participle, imperfect+passive imperfect."""
    perf: dict[str, list[_Reading]] = {}
    part: dict[str, list[_Reading]] = {}
    impf: dict[str, list[_Reading]] = {}
    for entry in verbs:
        # inflect() keeps one reading per spelling; the passive readings it
        # hides (أعلن) are kept here so that a written damma can select them.
        forms = inflect(entry)
        forms += [f for f in passive_forms(entry) if f not in forms]
        for form in forms:
            if form.kind == "participle":
                table = part
            elif form.aspect == "imperfect":
                table = impf
            else:
                table = perf
            table.setdefault(form.surface, []).append(_Reading(entry, form, _ambiguity(entry, form)))
    return perf, part, impf


@attrs.frozen
class _Nominal:
    """A nominal-cue spelling: its entry, and whether a pronoun must follow (كلمت+ه)."""

    entry: Mapping[str, Any]
    needs_enclitic: bool
    context: re.Pattern[str] | None


def _context(entry: Mapping[str, Any]) -> re.Pattern[str] | None:
    """What must (not) follow a nominal cue: its preposition, an object, no ``بل``."""
    pattern = ""
    att = fold(entry.get("attaches", ""))
    if len(att) == 1:  # a prefix of the next word: وفقا لـ, وفقا للأمم
        pattern += f"(?={_SP}{re.escape(att)})"
    elif att:
        pattern += f"(?={_SP}{re.escape(att)}{_RIGHT})"
    if entry.get("needs_object"):
        pattern += f"(?={_SP}(?:[^\\W_]|[\"“«„(]))"
    for word in entry.get("not_followed_by", ()):
        pattern += f"(?!{_SP}{re.escape(fold(word))}{_RIGHT})"
    return re.compile(pattern) if pattern else None


def _nominal_table(entries: Iterable[Mapping[str, Any]]) -> dict[str, list[_Nominal]]:
    """Nominal readings by folded spelling (words joined by one space)."""
    table: dict[str, list[_Nominal]] = {}
    for entry in entries:
        if not entry.get("standalone", True):
            continue
        surface, ctx = " ".join(fold(entry["phrase"]).split()), _context(entry)
        table.setdefault(surface, []).append(_Nominal(entry, False, ctx))
        if entry.get("enclitics") and entry["phrase"].endswith("ة"):
            # ta marbuta is written ت before a pronoun: في كلمته
            table.setdefault(surface[:-1] + "ت", []).append(_Nominal(entry, True, ctx))
    return table


def _marker_pattern(entries: Iterable[Mapping[str, Any]]) -> re.Pattern[str] | None:
    """Phrases that make the speech verb right after them an according-to cue."""
    phrases = [fold(e["phrase"]) for e in entries if e.get("marks_verb")]
    if not phrases:
        return None
    alts = "|".join(_SP.join(map(re.escape, p.split(" "))) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(f"{_LEFT}و?(?:{alts}){_SP}\\Z")


def _verb_branches(perf: Iterable[str], part: Iterable[str], impf: Iterable[str]) -> str:
    """Perfects and passives take و/ف, participles too, imperfects also ل/س (ليقول, سيقول)."""
    return "|".join([
        f"(?P<A>(?P<Ap>[وف]?)(?P<As>{_trie_pattern(perf)})(?P<Ae>{_ENCLITIC})?{_RIGHT})",
        f"(?P<P>(?P<Pp>[وف]?)(?P<Ps>{_trie_pattern(part)}){_RIGHT})",
        f"(?P<I>(?P<Ip>[وف]?[لس]?)(?P<Is>{_trie_pattern(impf)})(?P<Ie>{_ENCLITIC})?{_RIGHT})",
    ])


class CueFinder:
    """Finds speech-verb and nominal cues; compile once, use for many documents.

    ``pattern`` is the one compiled alternation: nominal cues first (so that
    نقلا عن is not read as the dual verb نقلا), then perfects/passives,
    participles and imperfects.  A nominal spelling whose context does not
    hold (فحسب, نقلا with no عن) is re-read as a verb with ``verb_pattern``.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        lex = lexicon if lexicon is not None else Lexicon.default()
        self._perf, self._part, self._impf = _verb_tables(lex.speech_verbs)
        self._nominal = _nominal_table(lex.nominal_cues)
        self._markers = {fold(e["phrase"]): e for e in lex.nominal_cues if e.get("marks_verb")}
        self._marker_re = _marker_pattern(lex.nominal_cues)
        nominal = _trie_pattern(self._nominal)
        verbs = _verb_branches(self._perf, self._part, self._impf)
        self.pattern = re.compile(rf"{_LEFT}(?:(?P<N>(?P<Np>[وف]?)(?P<Ns>{nominal})(?P<Ne>{_ENCLITIC})?{_RIGHT})|{verbs})")
        self.verb_pattern = re.compile(rf"{_LEFT}(?:{verbs})")

    def find_text(self, text: str) -> list[CueMatch]:
        """The cues of ``text`` (normalizes it first)."""
        return self.find(normalize(text))

    def find(self, norm: Normalized) -> list[CueMatch]:
        """The cues of a normalized document, in text order, with original offsets."""
        out = []
        for m in self.pattern.finditer(norm.text):
            cue = None
            if m.lastgroup == "N":
                cue = self._nominal_match(norm, m)
                if cue is None:
                    v = self.verb_pattern.match(norm.text, m.start())
                    cue = self._verb_match(norm, v, v.lastgroup) if v is not None else None
            elif m.lastgroup is not None:
                cue = self._verb_match(norm, m, m.lastgroup)
            if cue is not None:
                out.append(cue)
        return out

    # --- building matches -----------------------------------------------------

    def _span(self, norm: Normalized, start: int, end: int) -> tuple[int, int, str]:
        s, e = norm.to_original(start, end)
        return s, e, norm.original[s:e]

    def _nominal_match(self, norm: Normalized, m: re.Match[str]) -> CueMatch | None:
        pro, enc = m.group("Np"), m.group("Ne") or ""
        for reading in self._nominal.get(" ".join(m.group("Ns").split()), ()):
            entry = reading.entry
            if pro and pro not in entry.get("proclitics", ()):
                continue
            if (enc and not entry.get("enclitics")) or (reading.needs_enclitic and not enc):
                continue
            if reading.context is not None and not reading.context.match(norm.text, m.end()):
                continue
            s, e, text = self._span(norm, *m.span("N"))
            return CueMatch(
                s, e, text, entry["lemma"], entry["sense"],
                "nominal" if entry["cue_kind"] == "according_to" else "verbal_noun",
                proclitics=pro, enclitic=enc, ambiguous=bool(entry.get("ambiguous")),
                prepositions=(entry["attaches"],) if entry.get("attaches") else (),
                cue_kind=entry["cue_kind"], rule=entry["rule"],
            )
        return None

    def _verb_match(self, norm: Normalized, m: re.Match[str], branch: str) -> CueMatch | None:
        table = {"A": self._perf, "P": self._part, "I": self._impf}[branch]
        readings = table.get(m.group(branch + "s"))
        if not readings:
            return None
        if norm.original[norm.offsets[m.start(branch + "s")]] == "إ":
            return None  # no verb form starts with hamza below: إضافة, إدانتا are nouns
        reading, passive_possible = self._choose(norm, m.start(branch + "s"), readings)
        entry, form = reading.entry, reading.form
        enclitic = (m.group(branch + "e") if branch != "P" else None) or ""
        if enclitic and not self._takes_enclitic(norm, m, branch, form):
            return None
        kind = {"participle": "participle", "passive": "passive"}.get(form.kind, "verb")
        base = "participle" if kind == "participle" else f"{kind}.{form.aspect}"
        cue_kind, rule = self._marked(norm.text, m.start(branch), base)
        s, e, text = self._span(norm, *m.span(branch))
        return CueMatch(
            s, e, text, entry["lemma"], entry["sense"], kind,
            aspect=form.aspect, gender=form.gender, number=form.number,
            proclitics=m.group(branch + "p") or "",
            enclitic=enclitic,
            complementizers=tuple(entry["complementizers"]),
            prepositions=tuple(entry["prepositions"]),
            requires_complement=bool(entry["requires_complement"]),
            expressive=bool(entry.get("expressive")),
            ambiguous=self._ambiguous(norm, m, branch, reading),
            passive_possible=passive_possible, cue_kind=cue_kind, rule=rule,
            subject_types=tuple(entry.get("subject_types", ())),
        )

    def _choose(self, norm: Normalized, stem_start: int, readings: list[_Reading]) -> tuple[_Reading, bool]:
        """The reading to report, and whether an unmarked passive reading remains."""
        active = [r for r in readings if r.form.kind != "passive"]
        passive = [r for r in readings if r.form.kind == "passive"]
        if not active or not passive:
            return readings[0], False
        if passive[0].form.aspect == "perfect" and self._has_damma(norm, stem_start):
            return passive[0], False
        return active[0], True

    @staticmethod
    def _takes_enclitic(norm: Normalized, m: re.Match[str], branch: str, form: Form) -> bool:
        """Whether ``form`` + pronoun is a verb: not a noun in ة (إضافة, إشارة),
        not a passive, not a dual or a -وا plural (those change spelling: قالوه)."""
        if form.kind == "passive" or form.number == "du" or form.surface.endswith("وا"):
            return False
        e = m.start(branch + "e")
        return not (m.group(branch + "e") == "ه" and norm.original[norm.offsets[e]] == "ة")

    @staticmethod
    def _has_damma(norm: Normalized, stem_start: int) -> bool:
        """Whether the original writes a damma on the stem's first letter (أُعلن, ذُكر)."""
        o = norm.offsets[stem_start] + 1
        while o < len(norm.original) and _MARKS.match(norm.original[o]):
            if norm.original[o] == _DAMMA:
                return True
            o += 1
        return False

    @staticmethod
    def _ambiguous(norm: Normalized, m: re.Match[str], branch: str, reading: _Reading) -> bool:
        """A listed ambiguous perfect is a verb after all when the original writes
        its alef maqsura (نفى, not the noun نفي; رأى, not رأي)."""
        if reading.ambiguity != "form" or reading.form.kind != "perfect" or reading.entry["class"] != "defective":
            return reading.ambiguity is not None
        s, e = norm.to_original(*m.span(branch + "s"))
        return not _MARKS.sub("", norm.original[s:e]).endswith("ى")

    def _marked(self, text: str, start: int, rule: str) -> tuple[str | None, str]:
        """``according_to`` and the marker's rule when a marker precedes the verb (كما قال)."""
        if self._marker_re is None:
            return None, rule
        m = self._marker_re.search(text, max(0, start - 40), start)
        if m is None:
            return None, rule
        phrase = re.sub(_SP, " ", m.group(0)).strip()
        entry = self._markers.get(phrase) or self._markers.get(phrase[1:])
        return "according_to", f"{rule}+{entry['rule']}" if entry else rule
