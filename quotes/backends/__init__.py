"""Parser backends: optional evidence for the rule engine.

``rules`` is no backend at all (the rules alone); ``stanza`` parses the
sentences that hold a cue candidate with a stanza Arabic pipeline and lets the
rules use the parse (see :mod:`quotes.backends.refine`); ``auto`` uses stanza
when it and a model are installed and the rules alone otherwise.  Only
:mod:`quotes.backends.stanza` imports stanza.
"""

from __future__ import annotations

from typing import Any

from quotes.errors import BackendUnavailable, InputError, ModelNotFound

__all__ = ["load_backend", "AUTO_USES_PARSER"]

#: Whether ``auto`` turns the parser on when it is available.  It stays off
#: unless the parser raises attribution F1 on the dev set (README, "Parser").
AUTO_USES_PARSER = False


def load_backend(name: str, stanza_dir: str | None = None) -> Any:
    """The backend called ``name``, or ``None`` for the rules alone."""
    if name == "rules":
        return None
    if name == "auto":
        if not AUTO_USES_PARSER and stanza_dir is None:
            return None
        try:
            return load_backend("stanza", stanza_dir)
        except (BackendUnavailable, ModelNotFound):
            return None
    if name == "stanza":
        from quotes.backends.refine import ParseRefiner
        from quotes.backends.stanza import StanzaBackend

        return ParseRefiner(StanzaBackend(stanza_dir=stanza_dir))
    raise InputError(f"unknown backend {name!r}; choose rules, stanza or auto")
