"""Check-worthiness hints: which attributed claims a fact-checker should look at first.

Each record carries the same six named booleans, each with the text that
triggered it, following the claim features that check-worthiness work on
news and political speech found predictive: numbers and statistics,
comparisons and superlatives, causal claims, predictions and promises,
accusations and denials, and an official source (Hassan, Li and Tremayne
2015, "Detecting check-worthy factual claims in presidential debates";
the CLEF CheckThat! lab's claim-worthiness tasks, Nakov et al. 2018-2022).

The hints are lexical and meant to rank a queue, not to decide: the cues
live in ``quotes/data/ar/checkworthy.jsonl`` (schema
``lexicon-checkworthy``) and are matched on the normalized view of
:mod:`quotes.text`, so spelling variation (hamza seats, ة/ه, diacritics)
does not matter, and evidence is always a slice of the original text.
"""

from __future__ import annotations

import functools
from typing import Any, Iterable, Sequence

import attrs
import regex

from quotes.errors import LexiconError
from quotes.lexicon import load_lexicon
from quotes.records import Hint, Quote
from quotes.text import fold, normalize

__all__ = [
    "HINT_NAMES",
    "hints",
    "hints_for",
    "checkworthiness",
    "sort_checkworthy",
]

#: The hints every record carries, in this order.
HINT_NAMES = (
    "number",
    "comparison",
    "causal",
    "prediction",
    "accusation_or_denial",
    "official_speaker",
)

_LEXICON = "checkworthy.jsonl"
# Proclitics a term may carry: conjunction, then preposition and/or article
# (وبالـ, فلل, كال); ``لل`` is the preposition ل before the article.
_PROCLITICS = r"(?:[وف])?(?:[بك]?ال|لل|[بلك])?"
_BEFORE = r"(?<![\p{L}\p{M}\p{N}])"
_AFTER_WORD = r"(?![\p{L}\p{M}])"


@attrs.frozen
class _Rules:
    """The compiled cues of one hint."""

    content: regex.Pattern[str] | None
    speaker: regex.Pattern[str] | None
    senses: frozenset[str]
    kinds: frozenset[str]


def _term_pattern(entry: dict[str, Any]) -> str:
    words = [regex.escape(w) for w in fold(entry["term"]).split()]
    body = r"\s+".join(words)
    tail = r"[\p{L}\p{M}]*" if entry.get("match", "word") == "stem" else _AFTER_WORD
    guard = ""
    if entry.get("not_after"):
        alts = "|".join(regex.escape(fold(w)) for w in entry["not_after"])
        guard = rf"(?<!{_BEFORE}(?:{alts})\s+)"
    return f"{guard}{_BEFORE}{_PROCLITICS}{body}{tail}"


def _compile(patterns: list[str]) -> regex.Pattern[str] | None:
    if not patterns:
        return None
    return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.V1)


@functools.lru_cache(maxsize=1)
def _rules() -> dict[str, _Rules]:
    """Compile the lexicon (loaded and validated by :mod:`quotes.lexicon`) once per process."""
    by_hint: dict[str, dict[str, list[Any]]] = {
        h: {"content": [], "speaker": [], "senses": [], "kinds": []} for h in HINT_NAMES
    }
    for entry in load_lexicon(_LEXICON):
        slot = by_hint[entry["hint"]]
        if "cue_sense" in entry:
            slot["senses"].append(entry["cue_sense"])
        elif "speaker_kind" in entry:
            slot["kinds"].append(entry["speaker_kind"])
        else:
            pattern = entry["pattern"] if "pattern" in entry else _term_pattern(entry)
            slot[entry.get("field", "content")].append(pattern)
    try:
        return {
            h: _Rules(_compile(s["content"]), _compile(s["speaker"]), frozenset(s["senses"]),
                      frozenset(s["kinds"]))
            for h, s in by_hint.items()
        }
    except regex.error as e:
        raise LexiconError(f"{_LEXICON} has a pattern that does not compile: {e}") from None


def _find(pattern: regex.Pattern[str] | None, text: str | None) -> str | None:
    """The original text of the leftmost match of ``pattern`` in ``text``'s normalized view."""
    if pattern is None or not text:
        return None
    view = normalize(text)
    m = pattern.search(view.text)
    if m is None:
        return None
    start, end = view.to_original(*m.span())
    return text[start:end].strip()


def _hint(
    name: str,
    rules: _Rules,
    content: str,
    cue_sense: str | None,
    cue_text: str | None,
    speaker: tuple[str | None, str | None, str | None],
) -> Hint:
    role, kind, speaker_name = speaker
    if cue_sense is not None and cue_sense in rules.senses:
        return Hint(name, True, cue_text or cue_sense)
    found = _find(rules.content, content)
    if found is None:
        found = _find(rules.speaker, role) or _find(rules.speaker, speaker_name)
    if found is None and kind is not None and kind in rules.kinds:
        found = speaker_name or kind
    return Hint(name, found is not None, found)


def hints(
    content: str,
    *,
    cue_sense: str | None,
    speaker_role: str | None,
    speaker_kind: str | None,
    speaker_name: str | None = None,
    cue_text: str | None = None,
) -> tuple[Hint, ...]:
    """The six check-worthiness hints of one attributed claim, in :data:`HINT_NAMES` order.

    ``content`` is the claim's text; the cue's sense (``deny``, ``accuse``,
    ...) and the speaker's role, kind and name inform the accusation and
    official-speaker hints.  Each hint's evidence is the text that fired it
    (a slice of ``content``, the role or name, or else the cue's text or
    sense, or the speaker's kind), ``None`` when it did not fire.
    """
    rules = _rules()
    speaker = (speaker_role, speaker_kind, speaker_name)
    return tuple(
        _hint(name, rules[name], content, cue_sense, cue_text, speaker) for name in HINT_NAMES
    )


def hints_for(quote: Quote) -> tuple[Hint, ...]:
    """The hints of a :class:`~quotes.records.Quote` (its own, when it already has all six)."""
    if tuple(h.name for h in quote.checkworthy) == HINT_NAMES:
        return quote.checkworthy
    sp = quote.speaker
    return hints(
        quote.content.text,
        cue_sense=quote.cue.sense if quote.cue else None,
        cue_text=quote.cue.span.text if quote.cue else None,
        speaker_role=sp.role if sp else None,
        speaker_kind=sp.kind if sp else None,
        speaker_name=sp.name if sp else None,
    )


def checkworthiness(quote: Quote) -> int:
    """How many hints fire for ``quote`` (0 to 6): the queue's sort key."""
    return sum(h.value for h in hints_for(quote))


def sort_checkworthy(quotes: Iterable[Quote]) -> list[Quote]:
    """``quotes`` with the most check-worthy first; ties keep document order.

    Records are ranked by the number of hints that fire, then by which
    fire (an earlier hint in :data:`HINT_NAMES` outranks a later one), then
    by where the content starts.
    """

    def key(q: Quote) -> tuple[int, Sequence[int], int]:
        values = [h.value for h in hints_for(q)]
        return (-sum(values), [0 if v else 1 for v in values], q.content.start)

    return sorted(quotes, key=key)
