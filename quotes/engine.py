"""The attribution engine (temporary stub while the rule engine is built)."""

from __future__ import annotations

from quotes.records import Entity, Quote


class Engine:
    def __init__(self, *, backend: str = "rules", stanza_dir: str | None = None) -> None:
        self.backend = backend

    def run(self, text: str, *, published: str | None, publisher: str | None) -> tuple[tuple[Quote, ...], tuple[Entity, ...]]:
        return (), ()
