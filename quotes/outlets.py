"""Find the news outlets and platforms a sentence names as the conduit of a quote.

An outlet mention is a name from the outlet gazetteer (``data/ar/outlets.jsonl``)
with the words around it that the gold data puts in its span
(``GUIDELINES.md``, the ``outlet`` field): an in-span preposition phrase
(``في``, ``عبر حسابه على``, ``في مقابلة مع``), an attached clitic ``ل``/``ب``
(``لرويترز``, ``لـ«الشرق الأوسط»``), trigger nouns (``وكالة``, ``صحيفة``,
``موقع التواصل الاجتماعي``) with their adjectives, quotation marks or
parentheses around the name, and trailing adjectives (``صحيفة معاريف
العبرية``).  The context words live in ``data/ar/outlet_cues.jsonl``.

Names that are also common words or places (``الرياض``, ``الوطن``,
``الشرق الأوسط``) count only when a trigger noun or enclosing marks license
them; gazetteer practice from NER (Nadeau and Sekine 2007, "A survey of named
entity recognition and classification": gazetteer hits need context to
disambiguate common words).

Matching runs over the normalized view with one compiled ``regex`` pattern;
matches carry original offsets and the id of the rule that fired.
"""

from __future__ import annotations

import functools
from typing import Iterable

import attrs
import regex

from quotes.lexicon import load_lexicon
from quotes.text import Normalized, fold, normalize

__all__ = ["OutletMatch", "OutletFinder", "is_outlet_name"]

RELATIONS = ("told", "affiliation", "according-to", "interview", "platform")

_OPEN = "“\"«(„‹'"
_CLOSE = "”\"»)“›'"
_WORD_END = r"(?![\p{L}\p{N}])"
# A match may start after a space or punctuation, or after a conjunction و/ف.
_WORD_START = r"(?:(?<![\p{L}\p{N}])|(?<=(?<![\p{L}\p{N}])[وف]))"


@attrs.frozen
class OutletMatch:
    """An outlet mention: original offsets, canonical name, relation to the quote."""

    start: int
    end: int
    name: str
    relation: str = attrs.field(validator=attrs.validators.in_(RELATIONS))
    kind: str
    rule: str


@attrs.frozen
class _Entry:
    name: str
    kind: str
    clitic_ok: bool


def _alt(phrases: Iterable[str]) -> str:
    """An alternation of folded phrases, longest first, spaces as ``\\s+``."""
    out = [
        r"\s+".join(regex.escape(w) for w in p.split())
        for p in sorted(set(phrases), key=lambda s: (-len(s), s))
    ]
    return "(?:" + "|".join(out) + ")" if out else "(?!)"


def _slot_pattern(phrase: str) -> str:
    """A prefix phrase as a pattern, ``*`` standing for one word."""
    return r"\s+".join(r"[\p{L}\p{N}]+" if w == "*" else regex.escape(w) for w in phrase.split())


def _after_lam(phrases: Iterable[str]) -> list[str]:
    """The forms phrases take right after an attached ``ل``: ``الجزيره`` -> ``لجزيره``."""
    return [p[1:] for p in phrases if p.startswith("ال")] + [p for p in phrases if p.startswith("ل")]


class OutletFinder:
    """The outlet gazetteer compiled into one pattern over the normalized text."""

    def __init__(self) -> None:
        self._spellings: dict[str, list[_Entry]] = {}
        self._ambiguous: set[tuple[str, str]] = set()
        for row in load_lexicon("outlets.jsonl"):
            self._add_outlet(row)
        cues = load_lexicon("outlet_cues.jsonl")
        self._trigger_kind = {fold(r["text"]): r["kind"] for r in cues if r["role"] == "trigger"}
        prefixes = {fold(r["text"]): r["relation"] for r in cues if r["role"] == "prefix"}
        self._prefix_rel = {k: v for k, v in prefixes.items() if "*" not in k.split()}
        # prefixes with a one-word slot: عبر حساب * على (عبر حساب النادي على تويتر)
        self._slotted_src = [_slot_pattern(k) for k in prefixes if "*" in k.split()]
        self._slotted = [
            (regex.compile(_slot_pattern(k) + r"\Z"), v) for k, v in prefixes.items() if "*" in k.split()
        ]
        self._context_rel = {fold(r["text"]): r["relation"] for r in cues if r["role"] == "context"}
        adjs = [fold(r["text"]) for r in cues if r["role"] == "adjective"]
        self._pattern = self._compile(adjs)
        self._dateline = regex.compile(r"\s*[-\u2013\u2014]")
        close = regex.escape(_CLOSE)
        self._longer_quoted = regex.compile(rf"[^{close}\n]*?\p{{L}}[^\n]*?[{close}]")
        self._name_only = regex.compile(_alt(self._spellings) + _WORD_END)
        self._context = regex.compile(
            r"(?<![\p{L}\p{N}])(?:[وف])?(" + _alt(self._context_rel) + r")" + _WORD_END
        )

    def _add_outlet(self, row: dict) -> None:
        entry = _Entry(row["name"], row["kind"], bool(row.get("clitic_ok", False)))
        amb = row.get("ambiguous", False)
        amb_set = set(row["ar"] + row["latin"]) if amb is True else set(amb or ())
        for spelling in row["ar"] + row["latin"]:
            key = " ".join(fold(spelling).split())
            bucket = self._spellings.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
            if spelling in amb_set:
                self._ambiguous.add((key, entry.name))

    def _compile(self, adjs: list[str]) -> regex.Pattern:
        """One pattern over the normalized text; phrase lists are ``regex`` named lists.

        Named lists (``\\L<names>``) match as a string set, several times
        faster than an alternation of hundreds of phrases; their entries are
        matched with single spaces between words, as the normalized text has
        them.  After an attached ``ل`` a definite name loses its alef
        (``للجزيرة``): the ``*_l`` lists hold those forms.
        """
        lists = {
            "adjs": adjs,
            "trigs": list(self._trigger_kind),
            "trigs_l": _after_lam(self._trigger_kind),
            "names": list(self._spellings),
            "names_l": _after_lam(self._spellings),
            "pres": list(self._prefix_rel),
        }
        slotted = "|".join(self._slotted_src) or "(?!)"
        adj = r"\L<adjs>" + _WORD_END
        trig_first = r"(?(cll)\L<trigs_l>|\L<trigs>)" + _WORD_END
        trig = r"\L<trigs>" + _WORD_END
        names_first = r"(?(cll)\L<names_l>|\L<names>)" + _WORD_END
        names = r"\L<names>" + _WORD_END
        op, cl = f"[{regex.escape(_OPEN)}]", f"[{regex.escape(_CLOSE)}]"
        triggers = (
            rf"(?P<trig>{trig_first}(?:\s+{adj})*(?:\s+{trig}(?:\s+{adj})*)?)"
            rf"(?:\s*(?P<open>{op})\s*|\s+)(?P<name>{names})"
        )
        bare = rf"(?:(?P<open>{op})\s*)?(?P<name>{names_first})"
        pattern = (
            _WORD_START
            + rf"(?P<pre>(?:\L<pres>|{slotted})\s+)?"
            # an attached ل/ب; a detached ل (لـ AFP, ل "وات") is a clitic too
            + r"(?:(?P<cll>ل)(?=ل)|(?P<cl>[لب])|(?P<cl>ل)\s)?"
            + rf"(?:{triggers}|{bare})"
            + rf"(?(open)(?:\s*(?P<close>{cl}))?)"
            + rf"(?P<adj>(?:\s+{adj})*)"
            # a parenthesized alias (وكالة الأنباء السعودية (واس)), checked later;
            # a lookahead so that a quote after the name is not consumed
            + r"(?=(?P<alias>\s*[(«“\"][^()«»“”\"\n]{1,30}[)»”\"]))?"
        )
        return regex.compile(pattern, regex.V1, **lists)

    # --- public -------------------------------------------------------------

    def find(
        self,
        norm: Normalized,
        start: int = 0,
        end: int | None = None,
        publisher: str | None = None,
    ) -> list[OutletMatch]:
        """Outlet mentions inside the original-offset window ``[start, end)``.

        ``publisher`` (the document's own outlet, a canonical name) breaks ties
        between outlets sharing a spelling (``الجزيرة``: Al Jazeera the channel,
        Al Jazirah the Saudi paper).
        """
        end = len(norm.original) if end is None else end
        ns, ne = norm.to_normalized(start), norm.to_normalized(end)
        out: list[OutletMatch] = []
        for m in self._pattern.finditer(norm.text, ns, ne):
            found = self._build(norm, m, ns, publisher)
            if found is not None and (not out or found.start >= out[-1].end):
                out.append(found)
        return out

    def is_outlet_name(self, text: str) -> str | None:
        """The canonical outlet name if the whole of ``text`` is an outlet mention."""
        norm = normalize(text.strip())
        for m in self.find(norm):
            if m.start == 0 and m.end == len(norm.original):
                return m.name
        return None

    # --- building a match ----------------------------------------------------

    def _build(
        self, norm: Normalized, m: regex.Match, ns: int, publisher: str | None
    ) -> OutletMatch | None:
        name_text = " ".join(m.group("name").split())
        if m.group("cll"):
            name_text = name_text if name_text in self._spellings else "ا" + name_text
        trig_text = self._trig_text(m)
        entry, name_text, whole_end = self._choose(norm.text, m, name_text, trig_text, publisher)
        if entry is None or not self._licensed(m, name_text, entry):
            return None
        if m.group("open") and not m.group("close"):
            # «بلومبرغ فيو»: the quoted name is a longer one we do not know
            if self._longer_quoted.match(norm.text, m.end("name"), m.end("name") + 30):
                return None
        a, b = self._extent(m, entry)
        b = max(b, whole_end)
        if self._dateline.match(norm.text, b) and not any(
            m.group(g) for g in ("pre", "cl", "cll", "trig")
        ):
            return None  # دبي (CNN)-- : the publisher's dateline, not a conduit
        orig = norm.to_original(a, b)
        relation = self._relation(norm.text, m, a, ns, entry)
        return OutletMatch(orig[0], orig[1], entry.name, relation, entry.kind, self._rule(m))

    def _choose(
        self, text: str, m: regex.Match, name_text: str, trig_text: str | None,
        publisher: str | None,
    ) -> tuple[_Entry | None, str, int]:
        """The outlet a match names, its spelling, and where a longer spelling ends.

        A spelling that includes the trigger noun wins (``وكالة أنباء الشرق
        الأوسط`` is MENA, not a news agency called Asharq Al-Awsat).
        """
        whole_end = 0
        if trig_text is not None and m.group("cll") is None:
            whole = self._name_only.match(text, m.start("trig"))
            if whole and whole.end() >= m.start("name"):
                name_text, whole_end = " ".join(whole.group().split()), whole.end()
        entries = self._spellings.get(name_text) or []
        if not entries:
            return None, name_text, 0
        want = self._trigger_kind.get(self._head_trigger(trig_text)) if trig_text else None
        ranked = sorted(
            entries,
            key=lambda e: (e.name != publisher, want is not None and e.kind != want),
        )
        return ranked[0], name_text, whole_end

    def _prefix_relation(self, pre: str | None) -> str | None:
        """The relation an in-span prefix implies (``في مقابلة مع``: interview)."""
        text = " ".join((pre or "").split())
        if text in self._prefix_rel:
            return self._prefix_rel[text]
        return next((rel for p, rel in self._slotted if p.match(text)), None)

    @staticmethod
    def _trig_text(m: regex.Match) -> str | None:
        """The folded trigger words, with the alef an attached ل dropped restored."""
        trig = m.group("trig")
        if not trig:
            return None
        text = " ".join(trig.split())
        return "ا" + text if m.group("cll") and not text.startswith("ا") else text

    def _head_trigger(self, trig_text: str) -> str:
        words = trig_text.split()
        for n in range(len(words), 0, -1):
            if " ".join(words[:n]) in self._trigger_kind:
                return " ".join(words[:n])
        return trig_text

    def _licensed(self, m: regex.Match, name_text: str, entry: _Entry) -> bool:
        """Whether an ambiguous spelling has the context that makes it an outlet."""
        if (name_text, entry.name) not in self._ambiguous:
            return True
        if m.group("trig"):
            kind = self._trigger_kind.get(self._head_trigger(self._trig_text(m)))
            return _compatible(kind, entry.kind)
        if m.group("open") and m.group("close"):
            return True
        if m.group("adj"):  # من الجزيرة العربية: a place, not the channel
            return False
        clitic = m.group("cll") or m.group("cl")
        pre = self._prefix_relation(m.group("pre"))
        return entry.clitic_ok and (clitic == "ل" or pre == "affiliation")

    def _extent(self, m: regex.Match, entry: _Entry) -> tuple[int, int]:
        """The normalized span of a match.

        Trailing adjectives belong to the span only after a trigger noun or a
        quoted name (``صحيفة معاريف العبرية``; ``لرويترز السعودية`` is
        "told Reuters: Saudi Arabia ...").  A bare name in quotation marks
        is the name alone (``أشارت "نيويورك تايمز"``); parentheses stay
        (``(الجزيرة)``).
        """
        a, b = m.start(), m.end("name")
        quoted = bool(m.group("open") and m.group("close"))
        if m.group("close"):
            b = m.end("close")
        if m.group("adj") and (m.group("trig") or quoted):
            b = m.end("adj")
            alias = m.group("alias")
        else:
            alias = None if m.group("adj") else m.group("alias")
        if alias:
            inner = " ".join(alias.strip().strip(_OPEN + _CLOSE).split())
            if entry in self._spellings.get(inner, []):
                b = m.end("alias")
        alone = not (m.group("pre") or m.group("cll") or m.group("cl") or m.group("trig"))
        if alone and m.group("open") and (m.group("open") != "(" or not quoted):
            a = m.start("name")
            if b == m.end("close"):
                b = m.end("name")
        return a, b

    def _relation(self, text: str, m: regex.Match, a: int, ns: int, entry: _Entry) -> str:
        if entry.kind == "platform":
            return "platform"
        pre = self._prefix_relation(m.group("pre"))
        if pre in ("interview", "affiliation"):
            return pre
        before = text[max(ns, a - 60):a]
        clause = regex.split(r"[.,;:!?؟،\n\"“”«»]", before)[-1]
        words = clause.split()[-6:]
        hits = list(self._context.finditer(" ".join(words)))
        if hits:
            return self._context_rel[" ".join(hits[-1].group(1).split())]
        return "told" if (m.group("cll") or m.group("cl")) == "ل" else "according-to"

    @staticmethod
    def _rule(m: regex.Match) -> str:
        parts = [p for p, g in (("prefix", "pre"), ("clitic", "cl"), ("clitic", "cll"),
                                ("trigger", "trig"), ("quoted", "open")) if m.group(g)]
        return "outlet:" + "+".join(parts + ["name"])


#: Which outlet kinds a trigger noun of each kind may introduce.
_KINDS_FOR_TRIGGER = {
    "agency": {"agency"},
    "paper": {"paper", "site", "agency"},
    "tv": {"tv", "radio"},
    "radio": {"radio", "tv"},
    "site": {"site", "paper", "tv", "agency", "radio", "platform"},
    "platform": {"platform"},
}


def _compatible(trigger_kind: str | None, outlet_kind: str) -> bool:
    """Whether a trigger noun licenses an ambiguous name (``وكالة الأنباء`` is not Al Anbaa)."""
    return trigger_kind is None or outlet_kind in _KINDS_FOR_TRIGGER.get(trigger_kind, ())


@functools.lru_cache(maxsize=1)
def _default() -> OutletFinder:
    return OutletFinder()


def is_outlet_name(text: str) -> str | None:
    """The canonical name of ``text`` if it is, as a whole, an outlet mention.

    For the engine to tell whether a speaker mention (``وكالة رويترز``,
    ``صحيفة الرياض``) is itself an outlet; a bare ambiguous word
    (``الرياض``) is not.
    """
    return _default().is_outlet_name(text)
