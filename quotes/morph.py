"""Third-person inflection of speech verbs, generated from their lexicon entry.

The lexicon lists only dictionary forms (perfect and imperfect 3ms, active
participle, passive); every form a news report uses is derived here, so the
word list stays short and a new verb needs one line of data.  Generation
works on *folded* strings (:func:`quotes.text.fold`): hamza seats, alef
maqsura and ta marbuta are already merged, so the rules only have to handle
what unvocalized spelling keeps of each verb class (Wright, *A Grammar of the
Arabic Language*, vol. I, §§ 150-260; Ryding, *A Reference Grammar of Modern
Standard Arabic*, ch. 34-38):

- ``sound``: suffixes attach unchanged (أكد: أكدت أكدا أكدوا أكدن).
- ``hollow``: the long middle vowel drops before ``-ن`` (قال: قلن, يقول: يقلن).
- ``doubled``: the geminate splits before ``-ن`` (رد: رددن, يرد: يرددن).
- ``defective``: the final weak letter drops before the feminine ``-ت`` and
  the plural ``-وا``/``-ون`` (نفى: نفت نفوا, ينفي: ينفون; دعا: دعت دعوا).
- ``hamzated`` (final hamza on alef): ``-وا`` also after a waw seat
  (تنبأوا/تنبؤوا), the dual alef merges into madda (يتنبآن).

Where two analyses share one spelling (دعوا is both dual and plural), the
first generated wins: singular, then plural, then dual.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from quotes.text import fold

__all__ = ["Form", "inflect", "perfect_forms", "imperfect_forms", "participle_forms", "passive_forms"]

KINDS = ("perfect", "imperfect", "participle", "passive")
_WEAK = "اوي"
# (gender, number) in generation order: singular, plural, dual.
_MS, _FS, _MP, _FP, _MD, _FD = ("m", "sg"), ("f", "sg"), ("m", "pl"), ("f", "pl"), ("m", "du"), ("f", "du")


@attrs.frozen
class Form:
    """One inflected form: its folded spelling and what it says about the subject."""

    surface: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    gender: str | None = attrs.field(validator=attrs.validators.in_(("m", "f", None)))
    number: str = attrs.field(validator=attrs.validators.in_(("sg", "du", "pl")))
    #: ``perfect``/``imperfect`` for verbs and passives, None for participles.
    aspect: str | None = None


_Cell = tuple[tuple[str | None, str], str]


def _plus_n(stem: str) -> str:
    """``stem`` + ``-ن``; a stem ending in ن takes a shadda, not a second ن (أعلنّ)."""
    return stem if stem.endswith("ن") else stem + "ن"


def _drop_vowel(stem: str) -> str:
    """A hollow stem without its long middle vowel (قال -> قل, يشير -> يشر)."""
    if len(stem) >= 3 and stem[-2] in _WEAK:
        return stem[:-2] + stem[-1]
    return stem


def _perfect_cells(p: str, cls: str) -> list[_Cell]:
    if cls == "defective":
        s, waw = p[:-1], p.endswith("ا")
        return [(_MS, p), (_FS, s + "ت"), (_MP, s + "وا"), (_FP, s + ("ون" if waw else "ين")),
                (_MD, s + ("وا" if waw else "يا")), (_FD, s + "تا")]
    if cls == "hamzated" and p.endswith("ا"):
        return [(_MS, p), (_FS, p + "ت"), (_MP, p + "وا"), (_MP, p[:-1] + "ووا"),
                (_FP, p + "ن"), (_MD, p), (_FD, p + "تا")]
    if cls == "hollow":
        fp = _plus_n(_drop_vowel(p))
    elif cls == "doubled":
        fp = p + p[-1] + "ن"
    else:
        fp = _plus_n(p)
    return [(_MS, p), (_FS, p + "ت"), (_MP, p + "وا"), (_FP, fp), (_MD, p + "ا"), (_FD, p + "تا")]


def _imperfect_cells(i: str, cls: str) -> list[_Cell]:
    b = i[1:]
    if cls == "defective":
        s, last = b[:-1], b[-1]
        return [(_MS, i), (_FS, "ت" + b), (_MP, "ي" + s + "ون"),
                (_FP, "ي" + s + ("ين" if last == "ي" else "ون")),
                (_MD, "ي" + b + "ان"), (_FD, "ت" + b + "ان")]
    if cls == "hamzated" and b.endswith("ا"):
        return [(_MS, i), (_FS, "ت" + b), (_MP, "ي" + b + "ون"), (_MP, "ي" + b[:-1] + "وون"),
                (_FP, "ي" + b + "ن"), (_MD, "ي" + b + "ن"), (_FD, "ت" + b + "ن")]
    if cls == "hollow":
        fp = "ي" + _plus_n(_drop_vowel(b))
    elif cls == "doubled":
        fp = "ي" + b + b[-1] + "ن"
    else:
        fp = "ي" + _plus_n(b)
    return [(_MS, i), (_FS, "ت" + b), (_MP, "ي" + b + "ون"), (_FP, fp),
            (_MD, "ي" + b + "ان"), (_FD, "ت" + b + "ان")]


def _participle_cells(a: str, cls: str) -> list[_Cell]:
    # The bare masculine nominative (مضيف 'host', مشير 'marshal', مؤكد
    # 'certain') is mostly a noun or adjective; the circumstantial (حال)
    # accusative is what continues a report (مضيفا أن).
    s = a + "ي" if cls == "defective" else a
    plural = [(_MP, a + "ين"), (_MP, a + "ون"), (_FP, s + "ات")]
    if cls == "defective":
        return [(_MS, s + "ا"), (_FS, s + "ه"), *plural,
                (_MD, s + "ين"), (_MD, s + "ان"), (_FD, s + "تين"), (_FD, s + "تان")]
    return [(_MS, a + "ا"), (_FS, a + "ه"), *plural,
            (_MD, a + "ان"), (_FD, a + "تين"), (_FD, a + "تان")]


def _forms(cells: Iterable[_Cell], kind: str, aspect: str | None) -> list[Form]:
    return [Form(surface, kind, g, n, aspect) for (g, n), surface in cells]


def _spellings(entry: Mapping[str, Any], key: str) -> list[str]:
    main = entry.get(key)
    extra = entry.get("variants", {}).get(key, [])
    return [fold(s) for s in ([main] if main else []) + list(extra)]


def perfect_forms(entry: Mapping[str, Any]) -> list[Form]:
    """The 3rd-person perfect forms (3ms, 3fs, 3mp, 3fp, 3md, 3fd) of ``entry``."""
    cls = entry["class"]
    return [f for p in _spellings(entry, "perfect") for f in _forms(_perfect_cells(p, cls), "perfect", "perfect")]


def imperfect_forms(entry: Mapping[str, Any]) -> list[Form]:
    """The 3rd-person imperfect (indicative) forms of ``entry``."""
    cls = entry["class"]
    return [
        f for i in _spellings(entry, "imperfect") for f in _forms(_imperfect_cells(i, cls), "imperfect", "imperfect")
    ]


def participle_forms(entry: Mapping[str, Any]) -> list[Form]:
    """The active participle's accusative singular and its feminine, dual and plural forms."""
    cls = entry["class"]
    return [f for a in _spellings(entry, "participle") for f in _forms(_participle_cells(a, cls), "participle", None)]


def passive_forms(entry: Mapping[str, Any]) -> list[Form]:
    """The passive 3ms and 3fs, perfect and imperfect, where the entry lists a passive."""
    out: list[Form] = []
    if entry.get("passive_perfect"):
        p = fold(entry["passive_perfect"])
        out += _forms([(_MS, p), (_FS, p + "ت")], "passive", "perfect")
    if entry.get("passive_imperfect"):
        i = fold(entry["passive_imperfect"])
        out += _forms([(_MS, i), (_FS, "ت" + i[1:])], "passive", "imperfect")
    return out


def inflect(entry: Mapping[str, Any]) -> list[Form]:
    """Every 3rd-person form of a speech-verb lexicon entry, each spelling once.

    Order: perfect, imperfect, passive, participle; within each, singular,
    plural, dual.  A spelling shared by two analyses keeps the first
    (the active دعوا 'they called' before the dual; the active أعلن before
    the unvocalized passive أعلن).
    """
    seen: set[str] = set()
    out: list[Form] = []
    for f in perfect_forms(entry) + imperfect_forms(entry) + passive_forms(entry) + participle_forms(entry):
        if f.surface not in seen:
            seen.add(f.surface)
            out.append(f)
    return out
