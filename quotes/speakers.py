"""Speakers: names apart from roles, one entity per source, dropped subjects resolved.

A mention (``العقيد مصطفى بكور قائد جماعة جيش العزة``) is split into the
name (``مصطفى بكور``) and the role around it; mentions of one source
(``العموري``, ``محمد العموري``) are merged into an entity whose canonical
name is the fullest the document gives; a dropped subject (``وقال``,
``وأضافت``, ``مضيفا``) goes to the most recent speaker whose gender and
number agree with the verb (GUIDELINES.md, "Speakers").
"""

from __future__ import annotations

from typing import Any

import attrs

from quotes.grammar import nisba
from quotes.text import fold
from quotes.view import DocView

__all__ = ["Mention", "EntityState", "SpeakerTable", "analyse_mention"]

_PERSON_KINDS = ("person",)


@attrs.define
class Mention:
    """A speaker mention analysed into name, role, kind and agreement."""

    span: tuple[int, int]
    name: str
    role: str | None
    kind: str
    gender: str | None = None
    number: str | None = None
    #: The mention is a role with no name (``الفنان المصري``, ``المتحدث باسم الوزارة``).
    role_only: bool = False


@attrs.define
class EntityState:
    """A speaker entity being built: its names, mentions and agreement."""

    id: str
    name: str
    kind: str
    role: str | None
    aliases: list[str]
    mentions: list[tuple[int, int]]
    gender: str | None
    number: str | None
    speaks: bool = False

    def words(self) -> list[str]:
        return fold(self.name).split()

    def agrees(self, gender: str | None, number: str | None) -> bool:
        """Whether a verb of this gender and number can have the entity as its subject."""
        return not (gender and self.gender and self.gender != gender) \
            and not (number and self.number and self.number != number)


def _surface(v: DocView, i: int, drop_clitic: bool) -> str:
    """The original spelling of token ``i``, without a leading ل of ``لـX`` when asked."""
    t = v.toks[i]
    s = v.text[t.start:t.end]
    if not drop_clitic:
        return s
    w = t.norm
    if w.startswith("لل") and len(w) > 3:
        return "ال" + s[2:].lstrip("\u0640") if not s[1:2] == "ـ" else s[2:]
    if w.startswith("ل") and len(w) > 2:
        rest = s[1:].lstrip("\u0640\u064e\u064f\u0650\u0652")
        return rest.lstrip("\"“«(")
    return s


def _words_of(v: DocView, a: int, b: int) -> list[int]:
    return [k for k in range(a, b) if v.toks[k].kind in ("word", "num")]


def analyse_mention(v: DocView, span: tuple[int, int], *, according_to: bool = False) -> Mention | None:
    """Split a mention into name and role and guess its kind."""
    a, b = v.token_range(*span)
    idx = _words_of(v, a, b)
    if not idx:
        return None
    g = v.gram
    folded = [v.norm(k) for k in idx]
    if according_to and folded[0].startswith("ل"):
        folded[0] = "ال" + folded[0][2:] if folded[0].startswith("لل") else folded[0][1:]
    surf = [_surface(v, k, according_to and n == 0) for n, k in enumerate(idx)]
    # words right after a quoted name inside the mention (في "أطباء للسلام" سارة ...)
    after_quote = [k > a and v.is_quote(k - 1) and v.pair_closing_at(k - 1) is not None for k in idx]
    src = g.source_entry(folded)
    whole = " ".join(surf).strip("\"“”«»() ")
    quoted = _final_quoted_name(v, a, b)
    if quoted is not None and (g.title_len(folded) or src is not None):
        return _quoted_name_mention(v, span, a, quoted, folded, surf, src)
    if src is not None and g.title_len(folded) == 0:
        return Mention(span, whole, None, src.get("kind", "organization"), src.get("gender"), src.get("number"))
    t = g.title_len(folded)
    gender = g.titles[tuple(folded[:t])].get("gender") if t and tuple(folded[:t]) in g.titles else None
    appositive = _appositive_mention(v, span, folded, surf, t, gender)
    if appositive is not None:
        return appositive
    start = _name_start(g, folded, t, surf, after_quote)
    if src is not None and src.get("kind") == "anonymous" and start < len(folded) \
            and all(nisba(w) or _definite(w) for w in folded[start:]):
        return Mention(span, whole, None, "anonymous", gender)  # مسؤول أمريكي
    n = _name_end(g, folded, start)
    if _role_only(g, folded, t, start, n):
        # no name, only a role with its genitives and adjectives: الفنان المصري، والد الطالب،
        # نائب جمهوري، المتحدث باسم وزارة الداخلية
        return Mention(span, whole, None, "anonymous" if t else "person", gender, role_only=bool(t))
    name = " ".join(surf[start:n]).strip("\"“”«»() ،,")
    role = " ".join(surf[:start] + surf[n:]).strip(" ،,\"“”«»") or None
    return Mention(span, name, role, "person", gender)


def _quoted_name_mention(v: DocView, span: tuple[int, int], a: int, quoted: tuple[int, int], folded: list[str],
                         surf: list[str], src: dict[str, Any] | None) -> Mention:
    """A mention whose name is the quotation that ends it, after a role or a source word."""
    g = v.gram
    # a role, then the name in quotation marks: المحامية «ليلى حسن», الشركة الإسبانية "سولار"
    q0, q1 = quoted
    name = v.text[v.toks[q0].start:v.toks[q1 - 1].end]
    role = " ".join(surf[:len(_words_of(v, a, q0))]).strip(" ،,\"“”«»") or None
    if src is not None:
        return Mention(span, name, role, src.get("kind", "organization"), src.get("gender"), src.get("number"))
    t = g.title_len(folded)
    return Mention(span, name, role, "person", g.titles.get(tuple(folded[:t]), {}).get("gender"))


def _appositive_mention(v: DocView, span: tuple[int, int], folded: list[str], surf: list[str], t: int,
                        gender: str | None) -> Mention | None:
    """A titled mention whose name follows the role after a comma, ``None`` when it has none."""
    a, b = v.token_range(*span)
    g = v.gram
    commas = [n for n, k in enumerate(range(a, b)) if v.is_punct(k, ",،")]
    if t and commas:
        # a role, then the name between commas: مدرب ريال مدريد، زين الدين زيدان
        cut = len(_words_of(v, a, a + commas[0]))
        if 0 < cut < len(folded):
            t2 = g.title_len(folded[cut:])  # مدير الإعلام، المقدم علي الشهراني: the appositive's own title
            if 0 < t2 < len(folded) - cut:
                cut += t2
            name = " ".join(surf[cut:]).strip("\"“”«» ،,")
            return Mention(span, name, " ".join(surf[:cut]).strip(" ،,"), "person", gender)
    return None


def _name_end(g: Any, folded: list[str], start: int) -> int:
    """Where the name that starts at ``start`` ends: before the next title (a role after the name)."""
    n = start
    while n < len(folded) and not (n > start and g.title_len(folded[n:]) and not g.word_in("kunya", folded[n - 1])):
        n += 1  # (حمود أبو طالب: a title word after أبو is part of the name)
    return n


def _role_only(g: Any, folded: list[str], t: int, start: int, n: int) -> bool:
    """Whether the words ``folded[start:n]`` are no name but the genitives and adjectives of a role."""
    genitive_role = start == t and t and start < len(folded) and folded[start].startswith("لل")
    rest = folded[start:n]
    return bool(start >= len(folded) or start == n or genitive_role
                or (t and all(_definite(w) for w in rest))
                or (t and not _definite(folded[0]) and all(nisba(w) for w in rest))
                or (t and g.source_entry(rest) is not None and _definite(rest[-1])))


def _final_quoted_name(v: DocView, a: int, b: int) -> tuple[int, int] | None:
    """The word range of a short quotation (four words at most) that ends the mention ``[a, b)`` after a word."""
    if b - a < 3 or not v.is_quote(b - 1):
        return None
    p = v.pair_closing_at(b - 1)
    if p is None:
        return None
    o = v.index_at(p.open)
    q0, q1 = v.token_range(p.start, p.end)
    if o is None or o <= a or not v.toks[o - 1].is_word or not 0 < q1 - q0 <= 4:
        return None
    return q0, q1


def _definite(w: str) -> bool:
    return w.startswith(("ال", "وال", "لل", "بال"))


def _name_start(g: Any, folded: list[str], t: int, surf: list[str] | None = None,
                after_quote: list[bool] | None = None) -> int:
    """Where the personal name starts in a mention that may open with a role.

    After a title the role runs through its complements (``وزير الخارجية
    التركي``, ``المديرة التنفيذية لقسم الشرق الأوسط ... في المنظمة``); the
    name starts after the last definite word or title that an undefined word
    follows (``... التركي ميفلوت كافوس أوغلو``, ``... في المنظمة سارة ليا
    ويتسن``), unless a role comes right after a name (``العقيد مصطفى بكور
    قائد جماعة``).  Without a title the name starts at once.
    """
    if not t:
        return 0
    start = t
    for k in range(t, len(folded) - 1):
        if g.title_len(folded[k:]) and k > t and not _definite(folded[k]) \
                and all(not _definite(w) and not g.title_len([w]) for w in folded[t:k]):
            break  # a second role right after the name: مصطفى بكور قائد جماعة
        nxt = folded[k + 1]
        if nxt in ("علي", "لدي"):  # على the preposition, علي the name: only the spelling tells
            preposition = surf is None or not surf[k + 1].endswith("ي")
        else:
            preposition = g.word_in("stop_preposition", nxt)
        genitive = nxt[:1] in ("ل", "ب") and k + 2 < len(folded) and _definite(folded[k + 2])
        coordinated = nxt[:1] == "و" and _definite(folded[k])  # الشرق الأوسط وشمال أفريقيا
        if after_quote and after_quote[k + 1] and not _definite(nxt) and not preposition and nxt != "من":
            start = k + 1  # a name after a quoted organisation
            continue
        # (عبد الكريم ناصر: a definite word after a kunya belongs to the name)
        if (_definite(folded[k]) or g.title_len(folded[k:k + 1]) or folded[k] in ("باسم", "عام")) \
                and not (k > t and g.word_in("kunya", folded[k - 1])) \
                and not _definite(nxt) and not g.title_len([nxt]) and not preposition and not genitive \
                and not coordinated:
            start = k + 1  # keep looking: the last such place wins
    return start


def _same_entity(a: list[str], b: list[str]) -> bool:
    """Whether two names plausibly name one entity: one is the start or the end of the other.

    ``سميث`` and ``برنارد سميث`` (a surname), ``الشرطة`` and ``الشرطة
    الهولندية`` (a head noun) merge; a single nisba adjective (``المصري``)
    merges with nothing.
    """
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short or short == long_:
        return bool(short)
    if long_[-len(short):] == short:
        return True  # a surname: العموري / محمد العموري
    if len(short) == 1 and short[0].startswith("ال") and not nisba(short[0]) and long_[0] == short[0][2:]:
        return True  # the anaphoric head: المنظمة / منظمة الصحة العالمية
    return long_[:len(short)] == short and not (len(short) == 1 and nisba(short[0]))


def _contains(big: list[str], small: list[str]) -> bool:
    n = len(small)
    return n > 0 and any(big[i:i + n] == small for i in range(len(big) - n + 1))


class SpeakerTable:
    """The document's speakers: entities built from mentions as records are resolved."""

    def __init__(self, v: DocView) -> None:
        self.v = v
        self.entities: list[EntityState] = []
        self.history: list[EntityState] = []

    def add(self, m: Mention, gender: str | None, number: str | None, *, speaker: bool = True) -> EntityState:
        """Merge a mention into its entity (or start one) and note it as the latest speaker."""
        words = fold(m.name).split()
        ent = self._role_coreference(m, words)
        anaphor = ent is not None  # a role or head noun never renames the entity it refers to
        for e in reversed(self.entities if ent is None else []):
            ew = e.words()
            if ew == words or (e.kind == m.kind and _same_entity(ew, words)):
                ent = e
                break
        if ent is None:
            ent = EntityState(f"s{len(self.entities) + 1}", m.name, m.kind, m.role, [], [], None, None)
            self.entities.append(ent)
        elif len(words) > len(ent.words()) and not anaphor:
            ent.aliases.append(ent.name)
            ent.name = m.name
        elif m.name != ent.name and m.name not in ent.aliases:
            ent.aliases.append(m.name)
        ent.mentions.append(m.span)
        ent.speaks = ent.speaks or speaker
        ent.role = ent.role or m.role
        ent.gender = ent.gender or m.gender or gender
        ent.number = ent.number or m.number or number
        self.history.append(ent)
        return ent

    def _role_coreference(self, m: Mention, words: list[str]) -> EntityState | None:
        """The named person a role-only mention refers back to (``الفنان المصري`` → ``محمد هنيدي``).

        The latest person whose role shares a content word with the mention
        (the article set aside): ``النجم المصري محمد هنيدي`` ... ``الفنان المصري``.
        """
        if m.kind == "organization" and len(words) <= 3 and words[0].startswith("ال") \
                and all(w.startswith("ال") and nisba(w) for w in words[1:]):
            return self._organization_anaphor(words[0][2:], m.name)
        if not m.role_only:
            return None
        keys = {w[2:] if w.startswith("ال") else w for w in words if len(w) > 3}
        for e in reversed(self.entities):
            if e.kind != "person" or not e.role or e.name == m.name:
                continue
            role = {w[2:] if w.startswith("ال") else w for w in fold(e.role).split() if len(w) > 3}
            if keys & role:
                return e
        return None

    def _organization_anaphor(self, head: str, name: str) -> EntityState | None:
        """The organisation a definite head noun refers back to (``المنظمة الدولية`` →
        ``منظمة "أطباء للسلام"``, ``الشركة`` → ``شركة نوفاتك``): the latest one whose
        name or role opens with that noun."""
        for e in reversed(self.entities):
            if e.kind != "organization" or e.name == name:
                continue
            first = {ws[0] for ws in (e.words(), fold(e.role or "").split()) if ws}
            if head in first or "ال" + head in first:
                return e
        return None

    def resolve_dropped(self, gender: str | None, number: str | None) -> EntityState | None:
        """The most recent speaker whose gender and number agree with a dropped-subject verb."""
        for e in reversed(self.history):
            if e.agrees(gender, number):
                return e
        return None

    def named_in(self, a: int, i: int) -> EntityState | None:
        """The known entity whose name's last word occurs last in tokens ``[a, i)``."""
        best, where = None, -1
        for e in self.entities:
            words = e.words()
            if not words:
                continue
            for k in range(i - 1, a - 1, -1):
                if k > where and self.v.norm(k) in (words[-1], "و" + words[-1], "ل" + words[-1], "ب" + words[-1]):
                    best, where = e, k
                    break
        return best

    def latest(self) -> EntityState | None:
        """The latest speaker, whatever its agreement (the last resort)."""
        return self.history[-1] if self.history else None

    def note(self, ent: EntityState) -> None:
        """Record that ``ent`` spoke again (a resolved dropped subject)."""
        ent.speaks = True
        self.history.append(ent)

    def expand_names(self) -> None:
        """Give one- and two-word person names the fuller form the document uses elsewhere.

        ``أردوغان`` becomes ``رجب طيب أردوغان`` when the text says
        ``الرئيس التركي رجب طيب أردوغان``: the words right before an
        occurrence count when they are not definite, not cues and not
        function words, and a definite word, title or punctuation precedes them.
        """
        v = self.v
        for e in self.entities:
            words = e.words()
            if e.kind != "person" or not 1 <= len(words) <= 2:
                continue
            if len(words) == 1 and words[0].startswith("ال") and not nisba(words[0]):
                continue  # a definite common noun (الشباب), not a surname (العموري)
            best: list[int] = []
            for i in range(len(v.toks) - len(words) + 1):
                if [v.norm(i + k) for k in range(len(words))] != words:
                    continue
                pre = self._name_words_before(i)
                if len(pre) > len(best):
                    best = pre
            if best:
                full = " ".join(v.text[v.toks[k].start:v.toks[k].end] for k in best) + " " + e.name
                e.aliases.append(e.name)
                e.name = full

    def _name_words_before(self, i: int) -> list[int]:
        v = self.v
        g = v.gram
        out: list[int] = []
        k = i - 1
        while k >= 0 and len(out) < 3:
            t = v.toks[k]
            w = t.norm
            if v.sent_of[k] >= 0 and k == v.sent_ranges[v.sent_of[k]][0]:
                break  # ونشر ناصر: a sentence's first word before a name is its verb
            if t.kind != "word" or v.is_definite(k) or k in v.cue_at or g.title_len([w]) \
                    or (w.startswith("ل") and len(w) > 3) or (w.endswith("ه") and len(out) == 0) or g.word_in("not_in_name", w) \
                    or any(g.word_in(c, w) for c in ("discourse", "stop_preposition", "relative", "pronoun",
                                                     "negation", "complementizer", "naming_noun")):
                break
            out.insert(0, k)
            k -= 1
        if not out:
            return out
        if k < 0:
            return out
        prev = v.toks[k]
        if g.word_in("relative", prev.norm):
            return []  # الذي أنهى النادي: a relative clause's verb, no first name
        if prev.kind == "punct" or v.is_definite(k) or g.title_len([prev.norm]):
            return out
        return []
