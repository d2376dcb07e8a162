"""The stanza backend: dependency parses of selected sentences as plain data.

This is the only module of ``quotes`` that imports stanza, and it does so
lazily, when a pipeline is first needed.  The rule engine passes the spans of
the sentences that hold a cue candidate (selective parsing); each is parsed
on its own and returned as :class:`ParsedSentence` objects: frozen attrs
classes of plain values, never stanza objects, with character offsets into
the *original* text (``text[word.start:word.end]`` always holds; a word
inside a multiword token such as ``وقال`` = ``و`` + ``قال`` gets the span of
the whole token).

Models are looked for, in order, in

1. the ``stanza_dir`` given to :class:`StanzaBackend` (a directory holding
   ``tokenize.pt``, ``mwt.pt``, ``pos.pt``, ``lemma.pt``, ``depparse.pt``,
   or a stanza resources directory with an ``ar/`` subdirectory);
2. stanza's own resources directory (``$STANZA_RESOURCES_DIR`` or
   ``~/stanza_resources``) when it holds an official Arabic model;
3. the model bundled with the package under ``quotes/models/ar`` (trained on
   UD Arabic PADT, CC BY-NC-SA 3.0; see its ``LICENSE.md`` and
   ``train/README.md``).

The pipeline is always built with ``download_method=None``: nothing is ever
downloaded.

The helpers :func:`subject_of`, :func:`complement_of`, :func:`obliques_of` and
:func:`word_at` turn a parse into the evidence the rule engine uses.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path
from typing import Any, Iterable, Sequence

import attrs

from quotes.errors import BackendUnavailable, ModelNotFound

__all__ = [
    "ParsedWord",
    "ParsedSentence",
    "StanzaBackend",
    "find_model",
    "subject_of",
    "complement_of",
    "obliques_of",
    "word_at",
    "subtree",
    "children",
]

INSTALL_HINT = "pip install 'quotes[parser]'"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "models" / "ar"

# Vocalization and tatweel are removed before parsing (the bundled model was
# trained on unvocalized text); offsets are mapped back to the original.
_STRIP = re.compile("[\u064B-\u0652\u0670\u0640]")


@attrs.frozen
class ParsedWord:
    """One syntactic word.

    ``id`` is 1-based within the sentence and ``head`` refers to it (0 for
    the root).  ``start``/``end`` are offsets into the original text; for a
    word inside a multiword token (``mwt`` true) they are the token's span,
    shared by all its words, and ``text`` is the word's own form (``ل``,
    ``الحكومة``), which need not be a slice of the original.
    """

    id: int
    text: str
    lemma: str | None
    upos: str | None
    feats: str | None
    head: int
    deprel: str
    start: int
    end: int
    mwt: bool = False


@attrs.frozen
class ParsedSentence:
    """A parsed sentence: its span in the original text and its words."""

    start: int
    end: int
    words: tuple[ParsedWord, ...]

    def word(self, word_id: int) -> ParsedWord:
        """The word with 1-based ``word_id``."""
        return self.words[word_id - 1]


Span = tuple[int, int]


# --------------------------------------------------------------------------
# model lookup


def _model_files(directory: Path) -> dict[str, str] | None:
    """Explicit model paths in ``directory`` (flat layout), or None."""
    paths = {p: directory / f"{p}.pt" for p in PROCESSORS}
    if all(f.is_file() for f in paths.values()):
        return {p: str(f) for p, f in paths.items()}
    return None


def _official_files(resources_dir: Path) -> dict[str, str] | None:
    """Model paths of an official stanza Arabic download, or None.

    The layout is ``<dir>/ar/<processor>/<package>.pt`` with a
    ``resources.json`` at ``<dir>``; the default package of each processor is
    read from ``resources.json`` when it can be, else the first ``.pt`` file.
    """
    lang_dir = resources_dir / "ar"
    if not lang_dir.is_dir():
        return None
    defaults: dict[str, str] = {}
    try:
        import json

        res = json.loads((resources_dir / "resources.json").read_text(encoding="utf-8"))
        ar = res.get("ar", {})
        default = ar.get("default_processors", {})
        defaults = {k: v for k, v in default.items() if isinstance(v, str)}
    except (OSError, ValueError, AttributeError):
        pass
    out: dict[str, str] = {}
    for proc in PROCESSORS:
        sub = lang_dir / proc
        cand = sub / f"{defaults.get(proc, '')}.pt"
        if not cand.is_file():
            pts = sorted(sub.glob("*.pt")) if sub.is_dir() else []
            if not pts:
                return None
            cand = pts[0]
        out[proc] = str(cand)
    # pos and depparse of official models need their word vectors
    pre = lang_dir / "pretrain"
    pts = sorted(pre.glob("*.pt")) if pre.is_dir() else []
    if pts:
        out["pretrain"] = str(pts[0])
    if (resources_dir / "resources.json").is_file():
        out["resources_dir"] = str(resources_dir)
    return out


def _stanza_resources_dir() -> Path:
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env)
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
    except ImportError:  # pragma: no cover - stanza checked earlier
        return Path.home() / "stanza_resources"
    return Path(DEFAULT_MODEL_DIR)


def find_model(stanza_dir: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """Model file paths by processor name (plus ``pretrain`` when needed,
    and ``resources_dir`` for an official stanza download).

    Raises :class:`ModelNotFound` naming the places looked in.
    """
    looked: list[str] = []
    if stanza_dir is not None:
        d = Path(stanza_dir).expanduser()
        found = _model_files(d) or _model_files(d / "ar") or _official_files(d)
        if found:
            return found
        raise ModelNotFound(
            f"no Arabic stanza model in {d}: expected {', '.join(p + '.pt' for p in PROCESSORS)} "
            f"there (or in {d / 'ar'}), or a stanza resources directory with ar/ models; "
            "leave the directory unset to use the model bundled with quotes"
        )
    res = _stanza_resources_dir()
    looked.append(str(res / "ar"))
    found = _official_files(res)
    if found:
        return found
    looked.append(str(BUNDLED_DIR))
    found = _model_files(BUNDLED_DIR)
    if found:
        return found
    raise ModelNotFound(
        "no Arabic stanza model found (looked in " + ", ".join(looked) + "); "
        "reinstall quotes to get the bundled model, pass a model directory "
        "(--stanza-dir), or set STANZA_RESOURCES_DIR to a directory with an Arabic model"
    )


def _import_stanza() -> Any:
    try:
        import stanza
    except ImportError as exc:
        raise BackendUnavailable(
            f"the stanza backend needs the stanza package: {INSTALL_HINT}"
        ) from exc
    return stanza


# --------------------------------------------------------------------------
# the backend


class StanzaBackend:
    """Parse selected spans of a text with a stanza Arabic pipeline.

    The pipeline is built on first use and kept (one per backend object).
    Construction checks that stanza is importable and that a model exists,
    so that a missing dependency fails early with an actionable message.
    """

    name = "stanza"

    def __init__(self, stanza_dir: str | None = None) -> None:
        _import_stanza()
        self.stanza_dir = stanza_dir
        self.model_paths = find_model(stanza_dir)
        self._pipeline: Any = None
        self._lock = threading.RLock()  # parse() holds it while the pipeline is first built

    # the stanza pipeline --------------------------------------------------

    def _build(self) -> Any:
        stanza = _import_stanza()
        paths = self.model_paths
        kwargs: dict[str, Any] = {
            "lang": "ar",
            "processors": ",".join(PROCESSORS),
            "download_method": None,
            "use_gpu": False,
            "logging_level": "ERROR",
            "tokenize_model_path": paths["tokenize"],
            "mwt_model_path": paths["mwt"],
            "pos_model_path": paths["pos"],
            "lemma_model_path": paths["lemma"],
            "depparse_model_path": paths["depparse"],
        }
        if "pretrain" in paths:
            kwargs["pos_pretrain_path"] = paths["pretrain"]
            kwargs["depparse_pretrain_path"] = paths["pretrain"]
        if "resources_dir" in paths:
            # an official stanza download: its own resources.json
            kwargs["dir"] = paths["resources_dir"]
        else:
            # a flat directory of model files (the bundled model ships an
            # empty resources.json): an unknown language to stanza, loaded
            # from the explicit paths above
            model_dir = Path(paths["tokenize"]).parent
            resources = model_dir / "resources.json"
            if not resources.is_file():
                resources = _minimal_resources()
            kwargs["dir"] = str(model_dir)
            kwargs["resources_filepath"] = str(resources)
            kwargs["allow_unknown_language"] = True
        try:
            return stanza.Pipeline(**kwargs)
        except FileNotFoundError as exc:
            raise ModelNotFound(f"could not load the stanza model: {exc}") from exc

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            with self._lock:
                if self._pipeline is None:
                    self._pipeline = self._build()
        return self._pipeline

    # parsing ---------------------------------------------------------------

    def parse(self, text: str, spans: Sequence[Span]) -> list[ParsedSentence]:
        """Parse ``text[start:end]`` for each span; offsets refer to ``text``.

        A span that stanza splits into several sentences yields several
        :class:`ParsedSentence` objects; empty or blank spans yield none.
        """
        stanza = _import_stanza()
        chunks: list[tuple[int, int, str, list[int]]] = []
        for start, end in spans:
            if not (0 <= start <= end <= len(text)):
                raise ValueError(f"span ({start}, {end}) outside a text of {len(text)} characters")
            chunk = text[start:end]
            if not chunk.strip():
                continue
            norm, index = _normalize(chunk)
            if norm.strip():
                chunks.append((start, len(chunk), norm, index))
        if not chunks:
            return []
        # one batched call: stanza runs every processor over all the chunks at
        # once, far faster on a CPU than one pipeline call per sentence
        with self._lock:
            docs = self.pipeline.bulk_process([stanza.Document([], text=c[2]) for c in chunks])
        out: list[ParsedSentence] = []
        for (start, length, _, index), doc in zip(chunks, docs):
            for sent in doc.sentences:
                parsed = _convert(sent, index, start, length)
                if parsed is not None:
                    out.append(parsed)
        return out


def _minimal_resources() -> Path:
    """A resources.json that makes stanza load explicit paths only."""
    import tempfile

    path = Path(tempfile.gettempdir()) / "quotes-stanza-resources.json"
    if not path.is_file():
        path.write_text("{}\n", encoding="utf-8")
    return path


def _normalize(chunk: str) -> tuple[str, list[int]]:
    """``chunk`` without vocalization/tatweel, and each kept char's offset."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(chunk):
        if _STRIP.match(ch):
            continue
        chars.append("\u0627" if ch == "\u0671" else ch)
        index.append(i)
    return "".join(chars), index


def _orig_span(index: list[int], start: int, end: int, chunk_len: int) -> tuple[int, int]:
    """Map a [start, end) span of the normalized chunk back to the chunk."""
    if not index:
        return 0, 0
    start = max(0, min(start, len(index) - 1))
    end = max(start + 1, min(end, len(index)))
    return index[start], index[end - 1] + 1


def _convert(sent: Any, index: list[int], offset: int, chunk_len: int) -> ParsedSentence | None:
    words: list[ParsedWord] = []
    for token in sent.tokens:
        t_start, t_end = token.start_char, token.end_char
        is_mwt = len(token.words) > 1
        for w in token.words:
            ws = getattr(w, "start_char", None)
            we = getattr(w, "end_char", None)
            if is_mwt or ws is None or we is None:
                ws, we = t_start, t_end
            s, e = _orig_span(index, ws, we, chunk_len)
            words.append(
                ParsedWord(
                    id=int(w.id),
                    text=w.text,
                    lemma=w.lemma,
                    upos=w.upos,
                    feats=w.feats,
                    head=int(w.head) if w.head is not None else 0,
                    deprel=w.deprel or "dep",
                    start=offset + s,
                    end=offset + e,
                    mwt=is_mwt,
                )
            )
    if not words:
        return None
    return ParsedSentence(
        start=min(w.start for w in words),
        end=max(w.end for w in words),
        words=tuple(words),
    )


# --------------------------------------------------------------------------
# evidence helpers (word_index is 0-based into sentence.words)


def _base(deprel: str) -> str:
    return deprel.split(":", 1)[0]


def children(sentence: ParsedSentence, word_index: int) -> list[int]:
    """0-based indices of the dependents of ``sentence.words[word_index]``."""
    head_id = sentence.words[word_index].id
    return [i for i, w in enumerate(sentence.words) if w.head == head_id]


def subtree(sentence: ParsedSentence, word_index: int) -> list[int]:
    """0-based indices of the word and everything it dominates, in order."""
    seen = {word_index}
    stack = [word_index]
    while stack:
        for c in children(sentence, stack.pop()):
            if c not in seen:
                seen.add(c)
                stack.append(c)
    return sorted(seen)


def _span(sentence: ParsedSentence, indices: Iterable[int], trim_left: Sequence[str] = ()) -> Span | None:
    """The character span of some words, trimming punctuation at the edges
    (and, on the left, words whose relation is in ``trim_left``, together
    with the rest of their multiword token)."""
    ws = sorted((sentence.words[i] for i in indices), key=lambda w: (w.start, w.id))
    dropped: set[tuple[int, int]] = set()
    while ws and (ws[0].upos == "PUNCT" or _base(ws[0].deprel) in trim_left
                  or (ws[0].start, ws[0].end) in dropped):
        dropped.add((ws[0].start, ws[0].end))
        ws.pop(0)
    while ws and ws[-1].upos == "PUNCT":
        ws.pop()
    if not ws:
        return None
    return min(w.start for w in ws), max(w.end for w in ws)


def subject_of(sentence: ParsedSentence, word_index: int) -> Span | None:
    """Span of the subject (``nsubj``, ``nsubj:pass``) of a word, with its
    whole subtree (coordinated subjects included); None when there is none."""
    for c in children(sentence, word_index):
        if sentence.words[c].deprel in ("nsubj", "nsubj:pass") or _base(sentence.words[c].deprel) == "nsubj":
            return _span(sentence, subtree(sentence, c))
    return None


COMPLEMENT_RELS = ("ccomp", "parataxis", "xcomp", "obj")


def complement_of(sentence: ParsedSentence, word_index: int) -> Span | None:
    """Span of the clausal complement of a word: the subtree of its first
    ``ccomp``, else ``parataxis``, ``xcomp`` or ``obj`` child, without the
    complementizer (``إن``, ``أن``, ``بأن``, whose ``mark`` starts it) and
    edge punctuation; None when there is none."""
    kids = children(sentence, word_index)
    for rel in COMPLEMENT_RELS:
        for c in kids:
            if _base(sentence.words[c].deprel) == rel:
                return _span(sentence, subtree(sentence, c), trim_left=("mark",))
    return None


OUTLET_PREPOSITIONS = ("ل", "من")


def obliques_of(sentence: ParsedSentence, word_index: int) -> list[Span]:
    """Spans of the ``obl``/``nmod`` dependents of a word introduced by ل or
    من (a ``case`` child), preposition included: where outlets such as
    ``لوكالة فرانس برس`` appear."""
    out: list[Span] = []
    for c in children(sentence, word_index):
        if _base(sentence.words[c].deprel) not in ("obl", "nmod", "iobj"):
            continue
        preps = [k for k in children(sentence, c) if _base(sentence.words[k].deprel) == "case"]
        if any((sentence.words[k].lemma or sentence.words[k].text) in OUTLET_PREPOSITIONS
               or sentence.words[k].text in OUTLET_PREPOSITIONS for k in preps):
            span = _span(sentence, subtree(sentence, c))
            if span is not None:
                out.append(span)
    return out


_FUNCTION_TAGS = {"CCONJ", "SCONJ", "ADP", "PART", "PRON", "DET", "PUNCT"}


def word_at(sentence: ParsedSentence, char_offset: int) -> int | None:
    """0-based index of the word covering ``char_offset``, or None.

    Inside a multiword token (``وقال``) all words share the token's span;
    the first content word is returned (``قال``, not ``و``).
    """
    covering = [i for i, w in enumerate(sentence.words) if w.start <= char_offset < w.end]
    if not covering:
        return None
    for i in covering:
        if sentence.words[i].upos not in _FUNCTION_TAGS:
            return i
    return covering[0]
