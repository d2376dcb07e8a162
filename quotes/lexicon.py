"""Lexicons: the data files under ``quotes/data/ar/`` and their one cached loader.

Word lists are data, not code (STYLE.md): every lexicon is a file shipped as
package data and read here, once per process.

- ``NAME.jsonl``: one JSON object per line, each validated against the
  schema ``quotes/schemas/lexicon-STEM.schema.json`` where ``STEM`` is the
  file stem with ``_`` replaced by ``-`` (``speech_verbs.jsonl`` is checked
  by ``lexicon-speech-verbs.schema.json``).  Blank lines are skipped.
- ``NAME.txt``: one entry per line, no schema; ``#`` starts a comment and
  blank lines are skipped.

A malformed file raises :class:`~quotes.errors.LexiconError` naming the file
and the line, so that a bad edit to a word list fails loudly at load time
rather than silently at match time.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import attrs
import jsonschema

from quotes import schemas
from quotes.errors import LexiconError, SchemaError

__all__ = ["Lexicon", "load_lexicon", "lexicon_names", "schema_name"]

_SUFFIXES = (".jsonl", ".txt")


def _data_dir() -> Any:
    return resources.files("quotes") / "data" / "ar"


def lexicon_names() -> list[str]:
    """The file names of every lexicon shipped with the package, sorted."""
    return sorted(p.name for p in _data_dir().iterdir() if p.name.endswith(_SUFFIXES))


def schema_name(file_name: str) -> str:
    """The schema name (without ``.schema.json``) that checks ``file_name``."""
    stem = file_name.rsplit(".", 1)[0]
    return "lexicon-" + stem.replace("_", "-")


def _resolve(name: str) -> str:
    """The file name for ``name``, which may omit its suffix."""
    if "/" in name or "\\" in name:
        raise LexiconError(f"lexicon name {name!r} must be a bare file name from quotes/data/ar/")
    if name.endswith(_SUFFIXES):
        candidates = [name]
    else:
        candidates = [name + s for s in _SUFFIXES]
    for candidate in candidates:
        if (_data_dir() / candidate).is_file():
            return candidate
    raise LexiconError(
        f"no lexicon {name!r} in quotes/data/ar/; the package has: {', '.join(lexicon_names())}"
    )


def _load_txt(file_name: str, text: str) -> tuple[str, ...]:
    out = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return tuple(out)


def _load_jsonl(file_name: str, text: str) -> tuple[dict[str, Any], ...]:
    name = schema_name(file_name)
    try:
        check = schemas.validator(name)
    except SchemaError as e:
        raise LexiconError(f"{file_name}: {e}; add quotes/schemas/{name}.schema.json") from None
    out = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError as e:
            raise LexiconError(f"{file_name}:{lineno}: not valid JSON: {e}") from None
        best = jsonschema.exceptions.best_match(check.iter_errors(entry))
        if best is not None:
            raise LexiconError(
                f"{file_name}:{lineno}: does not match {name}.schema.json at "
                f"{schemas.describe_error(best)}"
            )
        out.append(entry)
    return tuple(out)


@functools.lru_cache(maxsize=None)
def _load(file_name: str) -> tuple[Any, ...]:
    try:
        text = (_data_dir() / file_name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise LexiconError(f"cannot read lexicon {file_name}: {e}") from None
    if file_name.endswith(".txt"):
        return _load_txt(file_name, text)
    return _load_jsonl(file_name, text)


def load_lexicon(name: str) -> list[Any]:
    """The entries of lexicon ``name`` (``speech_verbs``, ``titles.jsonl``, ``abbreviations.txt``).

    JSON-lines files give one ``dict`` per line, validated against their
    schema; text files give one ``str`` per line.  Files are read and checked
    once per process; each call returns a new list of shallow copies, so
    callers may modify what they get.  Raises
    :class:`~quotes.errors.LexiconError` (with file and line) when the file is
    missing, not JSON, or an entry does not match its schema.
    """
    entries = _load(_resolve(name))
    return [dict(e) if isinstance(e, dict) else e for e in entries]


@attrs.frozen
class Lexicon:
    """The cue lexicons one :class:`~quotes.cues.CueFinder` compiles.

    Built with :meth:`default` from the package data, or by hand in tests
    (any sequence of entries that match the schemas).
    """

    speech_verbs: tuple[dict[str, Any], ...] = attrs.field(converter=tuple)
    nominal_cues: tuple[dict[str, Any], ...] = attrs.field(converter=tuple)

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicons shipped with the package (loaded once per process)."""
        return _default()


@functools.lru_cache(maxsize=1)
def _default() -> Lexicon:
    return Lexicon(load_lexicon("speech_verbs.jsonl"), load_lexicon("nominal_cues.jsonl"))
