"""Arabic text normalization for matching, with an offset map to the original.

Lexicon matching runs on a *normalized view* of a document in which spelling
variation that news text does not use consistently is folded away: diacritics
and tatweel are dropped, hamza-carrying alef forms become bare alef, final
ya/alef maqsura and ta marbuta/ha are merged, Arabic-Indic digits become ASCII
digits.  These are the usual light normalizations of Arabic IR (Larkey,
Ballesteros and Connell 2002, "Improving stemming for Arabic information
retrieval"; the CAMeL Tools ``normalize_*`` functions).

The view is built only from deletions and one-to-one replacements, never
insertions, so every normalized character comes from exactly one original
character and the offset map is strictly increasing.  Spans found in the
normalized view are mapped back with :meth:`Normalized.to_original`; records
always carry offsets into the original text.

Choices worth knowing:

- ``ئ`` (ya with hamza) folds to ``ي`` and ``ؤ`` to ``و``: news text drops the
  hamza seat's hamza far more often than it swaps the seat, so the bare seat
  letter is the better meeting point (``مسئول``/``مسؤول`` still differ; list
  both spellings in a lexicon when it matters).
- Persian ``ی`` and ``ک``, which some keyboards produce in Arabic text, fold to
  ``ي`` and ``ك``; the Arabic percent sign and decimal/thousands separators
  fold to ``%``, ``.`` and ``,``; single-character Arabic presentation forms
  (text extracted from PDFs) fold to their base letters.
- Only ASCII letters are lowercased: full Unicode lowercasing can change a
  string's length (``İ``), which would break the one-to-one map.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import Iterable

import attrs

__all__ = ["Normalized", "normalize", "fold", "DELETED", "is_deleted"]


def _chars(*ranges: tuple[int, int]) -> str:
    return "".join(chr(c) for lo, hi in ranges for c in range(lo, hi + 1))


#: Arabic diacritics: tanwin, short vowels, shadda, sukun, and the extended
#: Quranic marks, plus the superscript (dagger) alef.
_DIACRITICS = _chars((0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED))
_TATWEEL = "\u0640"
#: Zero-width characters, bidi embeddings/isolates/marks, BOM, soft hyphen.
_CONTROLS = _chars(
    (0x200B, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069),
    (0xFEFF, 0xFEFF), (0x061C, 0x061C), (0x00AD, 0x00AD),
)
#: Every character :func:`normalize` deletes.
DELETED = frozenset(_DIACRITICS + _TATWEEL + _CONTROLS)


#: Characters that stay attached to the letter before them when a span is
#: mapped back (a span ending in a letter takes that letter's diacritics).
_ATTACHED = frozenset(_DIACRITICS + _TATWEEL)

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"

_REPLACE: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ک": "ك",
    "،": ",", "؛": ";", "؟": "?",
    "٪": "%", "٫": ".", "٬": ",",
}
_REPLACE.update({chr(0x0660 + d): str(d) for d in range(10)})
_REPLACE.update({chr(0x06F0 + d): str(d) for d in range(10)})
_REPLACE.update({ch: " " for ch in _SPACES})
_REPLACE.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})


def _presentation_forms() -> dict[str, str]:
    """Map single-letter Arabic presentation forms to their folded base letter."""
    out: dict[str, str] = {}
    for lo, hi in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFC)):
        for cp in range(lo, hi + 1):
            base = unicodedata.normalize("NFKC", chr(cp))
            if (
                len(base) == 1
                and base != chr(cp)
                and "\u0600" <= base <= "\u06ff"
                and base not in DELETED
            ):
                out[chr(cp)] = _REPLACE.get(base, base)
    return out


_REPLACE.update(_presentation_forms())

_MAP: dict[str, str] = dict(_REPLACE)
_MAP.update({ch: "" for ch in DELETED})


def _char_class(chars: Iterable[str]) -> str:
    """A regex character class of ``chars``, written as ranges."""
    cps = sorted(ord(c) for c in chars)
    out = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        out.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "[" + "".join(out) + "]"


# ``re.sub`` over the few characters that change is several times faster than
# ``str.translate`` with a dict on Arabic text (translate looks up every char).
_CHANGED = re.compile(_char_class(_MAP))
_DELETED_RUN = re.compile(_char_class(DELETED) + "+")


def _replacement(m: re.Match[str]) -> str:
    return _MAP[m.group()]


def is_deleted(ch: str) -> bool:
    """Whether :func:`normalize` drops the character ``ch``."""
    return ch in DELETED


def fold(s: str) -> str:
    """Return the normalized form of ``s`` (for lexicon entries).

    Identical to ``normalize(s).text`` without building the offset map.
    """
    return _CHANGED.sub(_replacement, s)


@attrs.frozen
class Normalized:
    """A normalized view of ``original`` and the map back to it.

    ``offsets[i]`` is the index in ``original`` of normalized character ``i``;
    ``offsets[-1] == len(original)``, so ``len(offsets) == len(text) + 1``.
    The map is strictly increasing.
    """

    original: str
    text: str
    offsets: tuple[int, ...] = attrs.field(repr=False)

    def __attrs_post_init__(self) -> None:
        if len(self.offsets) != len(self.text) + 1:
            raise ValueError(
                f"offset map has {len(self.offsets)} entries for a text of "
                f"{len(self.text)} characters; build Normalized with normalize()"
            )

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized span ``[start, end)`` to the original span covering it.

        The original span starts at the first character's original index and
        ends after the last character together with the diacritics and tatweel
        that followed it (so ``قال`` found in ``قالَ`` maps to all of ``قالَ``);
        deleted controls around the span are left out.  An empty span maps to
        the empty span at the original position of normalized index ``start``.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(
                f"normalized span [{start}, {end}) is outside [0, {len(self.text)}]"
            )
        if start == end:
            pos = self.offsets[start]
            return pos, pos
        lo = self.offsets[start]
        hi = self.offsets[end - 1] + 1
        limit = self.offsets[end]
        while hi < limit and self.original[hi] in _ATTACHED:
            hi += 1
        return lo, hi

    def to_normalized(self, orig_index: int) -> int:
        """Return the first normalized index whose original index is ``>= orig_index``."""
        if not 0 <= orig_index <= len(self.original):
            raise ValueError(
                f"original index {orig_index} is outside [0, {len(self.original)}]"
            )
        return bisect.bisect_left(self.offsets, orig_index)


def normalize(text: str) -> Normalized:
    """Normalize ``text`` for matching and record where each character came from.

    Deletes diacritics, tatweel, zero-width and bidi controls; replaces hamza
    alef forms with ``ا``, ``ى``/``ئ`` with ``ي``, ``ة`` with ``ه``, ``ؤ`` with
    ``و``, Arabic-Indic and Persian digits with ASCII digits, Arabic comma,
    semicolon and question mark with their ASCII forms, Unicode spaces with
    ``' '``, and ASCII capitals with lowercase.  Everything else is kept.
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() takes a str, not {type(text).__name__}")
    folded = _CHANGED.sub(_replacement, text)
    n = len(text)
    if len(folded) == n:
        return Normalized(text, folded, tuple(range(n + 1)))
    offsets: list[int] = []
    prev = 0
    for m in _DELETED_RUN.finditer(text):
        offsets.extend(range(prev, m.start()))
        prev = m.end()
    offsets.extend(range(prev, n + 1))
    return Normalized(text, folded, tuple(offsets))
