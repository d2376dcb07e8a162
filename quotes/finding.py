"""The rules' intermediate result: a :class:`Finding` per attribution, before records.

Rules return findings with the ids of the rules that fired; the engine turns
them into records in a separate step (finding is kept apart from building,
as spaCy's EntityRuler keeps ``match`` apart from ``set_annotations``), so a
parser backend can refine them first.
"""

from __future__ import annotations

import attrs

from quotes.cues import CueMatch
from quotes.segment import QuotePair
from quotes.view import DocView

__all__ = ["Finding", "token_span"]


@attrs.define
class Finding:
    """One attribution found by the rules, before records are built."""

    type: str
    content: tuple[int, int]
    cue: CueMatch | None
    sentence: int
    speaker: tuple[int, int] | None = None
    resolution: str = "explicit"
    frame: tuple[int, int] = (0, 0)
    rules: list[str] = attrs.field(factory=list)
    confidence: float = 0.7
    role: tuple[int, int] | None = None
    pair: QuotePair | None = None
    continues: "Finding | None" = None


def _span(v: DocView, a: int, b: int) -> tuple[int, int] | None:
    """Character offsets of the tokens ``[a, b)``, ``None`` when empty."""
    if b <= a:
        return None
    return v.toks[a].start, v.toks[b - 1].end


def token_span(v: DocView, a: int, b: int) -> tuple[int, int] | None:
    """Character offsets of the tokens ``[a, b)``, ``None`` when empty."""
    if b <= a:
        return None
    return v.toks[a].start, v.toks[b - 1].end
