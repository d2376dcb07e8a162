"""Closed word classes the rule engine consults, loaded from the lexicons.

Everything here is folded with :func:`quotes.text.fold` once, so lookups
compare normalized token forms directly.  The word lists themselves live in
``quotes/data/ar/`` (function words, titles, source nouns); this module only
indexes them.
"""

from __future__ import annotations

import functools
from typing import Iterable

import attrs

from quotes.lexicon import load_lexicon
from quotes.text import fold

__all__ = ["Grammar", "grammar", "nisba", "strip_proclitic"]

_PROCLITICS = ("وب", "فب", "ول", "فل", "و", "ف", "ب", "ل", "ك")


def strip_proclitic(word: str) -> tuple[str, str]:
    """Split one attached conjunction or preposition (و، ف، ب، ل، ك) off a folded word.

    Returns ``(clitic, rest)``; ``("", word)`` when the rest would be too short
    to be a word.
    """
    for c in _PROCLITICS:
        if word.startswith(c) and len(word) - len(c) >= 2:
            return c, word[len(c):]
    return "", word


def nisba(w: str) -> bool:
    """Whether the folded word ends like a relational (nisba) adjective: مصري، الروسية، حقوقيون."""
    return w.endswith(("ي", "يه", "يون", "يين", "يان", "يتان", "يتين"))


def _phrases(rows: Iterable[dict], key: str = "text") -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold(r[key]).split()) for r in rows)


@attrs.frozen
class Grammar:
    """Folded closed classes, grouped for the rules that use them."""

    by_class: dict[str, frozenset[tuple[str, ...]]]
    titles: dict[tuple[str, ...], dict]
    sources: dict[tuple[str, ...], dict]
    max_title: int
    max_source: int

    def has(self, cls: str, *words: str) -> bool:
        """True when the folded word sequence belongs to the class ``cls``."""
        return tuple(words) in self.by_class.get(cls, frozenset())

    def word_in(self, cls: str, word: str) -> bool:
        """True when the single folded word belongs to ``cls``."""
        return (word,) in self.by_class.get(cls, frozenset())

    def stem_in(self, cls: str, word: str) -> bool:
        """True when the folded word starts with one of the single-word stems of ``cls``."""
        return any(len(e) == 1 and word.startswith(e[0]) for e in self.by_class.get(cls, frozenset()))

    def longest(self, table: dict[tuple[str, ...], dict], words: list[str], limit: int) -> int:
        """Length of the longest entry of ``table`` that ``words`` starts with (0 if none)."""
        for n in range(min(limit, len(words)), 0, -1):
            if tuple(words[:n]) in table:
                return n
        return 0

    def title_len(self, words: list[str]) -> int:
        """How many of ``words`` form a leading title or role word (``وزير``, ``المتحدث باسم``)."""
        n = self.longest(self.titles, words, self.max_title)
        if n == 0 and words:
            clitic, rest = strip_proclitic(words[0])
            if clitic in ("و", "ف") and (rest,) in self.titles:
                return 1
        return n

    def source_entry(self, words: list[str]) -> dict | None:
        """The source-noun entry (kind, gender, number) the words start with, if any."""
        n = self.longest(self.sources, words, self.max_source)
        return self.sources[tuple(words[:n])] if n else None


@functools.lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The engine's closed classes, loaded and folded once per process."""
    by_class: dict[str, set[tuple[str, ...]]] = {}
    for row in load_lexicon("function_words.jsonl"):
        by_class.setdefault(row["class"], set()).add(tuple(fold(row["text"]).split()))
    titles: dict[tuple[str, ...], dict] = {}
    for r in load_lexicon("titles.jsonl"):
        words = fold(r["text"]).split()
        titles.setdefault(tuple(words), r)
        # a title is written with and without the article: وزير / الوزير
        bare = [words[0][2:]] + words[1:] if words[0].startswith("ال") else ["ال" + words[0]] + words[1:]
        titles.setdefault(tuple(bare), r)
    sources = {tuple(fold(r["text"]).split()): r for r in load_lexicon("source_nouns.jsonl")}
    return Grammar(
        by_class={k: frozenset(v) for k, v in by_class.items()},
        titles=titles,
        sources=sources,
        max_title=max((len(k) for k in titles), default=1),
        max_source=max((len(k) for k in sources), default=1),
    )
