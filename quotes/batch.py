"""Batch work for ``quotes extract``: reading tasks, one task's work, workers.

Input is read as a stream of tasks (one per non-blank JSON line, one per
``.txt`` file); each task becomes exactly one :class:`DocumentResult`, an
error record when the input is bad or the work fails, so one bad document
never stops the run.  :func:`run` yields the outcomes in input order, from
this process or from a pool of worker processes with a bounded window of
tasks in flight; a worker that dies costs only the documents it held.
"""

from __future__ import annotations

import collections
import concurrent.futures as cf
import functools
import gzip
import itertools
import json
import os
import signal
import traceback as _tb
from typing import Any, BinaryIO, Iterable, Iterator, Sequence

import attrs

from quotes.errors import InputError, QuotesError, SchemaError
from quotes.extract import DEFAULT_MAX_CHARS, Extractor
from quotes.records import DocumentResult, ErrorInfo, Quote, to_json

__all__ = [
    "CHUNK",
    "WINDOW_PER_JOB",
    "Task",
    "Outcome",
    "Options",
    "StartError",
    "read_tasks",
    "parse_line",
    "process_task",
    "run",
]

#: Documents per task sent to a worker, and tasks in flight per worker.
CHUNK = 4
WINDOW_PER_JOB = 4

#: A unit of work: (1-based line number or None, kind, payload).
#: kind "json": payload is the raw line; "txt": (doc_id, file bytes);
#: "error": an ErrorInfo for input that could not even be read.
Task = tuple[int | None, str, Any]
Outcome = tuple[DocumentResult, str | None]


class StartError(Exception):
    """The extractor cannot start: one line for the user, before any work."""


@attrs.frozen
class Options:
    """Everything a worker needs to turn a task into an outcome."""

    backend: str = "rules"
    stanza_dir: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    debug: bool = False
    published: str | None = None
    publisher: str | None = None
    validate: bool = False
    sort: str | None = None
    needs_text: bool = False


# --- reading -----------------------------------------------------------------


def _open_binary(path: str, stdin: BinaryIO) -> BinaryIO:
    if path == "-":
        return stdin
    if path.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def read_tasks(paths: Sequence[str], stdin: BinaryIO) -> Iterator[Task]:
    """One task per non-blank line (or per ``.txt`` file), streaming."""
    for path in paths or ["-"]:
        line = 0
        try:
            if path.endswith(".txt"):
                with open(path, "rb") as f:
                    yield None, "txt", (os.path.basename(path), f.read())
                continue
            f = _open_binary(path, stdin)
            try:
                for line, raw in enumerate(f, 1):
                    if raw.strip():
                        yield line, "json", raw
            finally:
                if f is not stdin:
                    f.close()
        except (OSError, EOFError, ValueError) as e:  # truncated gzip, unreadable file
            where = "standard input" if path == "-" else path
            yield line + 1, "error", ErrorInfo("InputError", f"could not read {where}: {e}")


# --- the work: one task -> one DocumentResult --------------------------------

_JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number",
               float: "number", bool: "boolean", type(None): "null"}


def parse_line(raw: bytes) -> Any:
    """The JSON value of one input line; raises :class:`InputError` saying what is wrong."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            f"line is not valid UTF-8 (byte {e.start + 1} is {raw[e.start:e.start + 1]!r}); "
            "re-encode the input as UTF-8"
        ) from None
    try:
        return json.loads(text.lstrip("\ufeff").rstrip("\r\n"))
    except json.JSONDecodeError as e:
        raise InputError(f"line is not valid JSON: {e.msg} at column {e.colno}") from None
    except (ValueError, RecursionError) as e:
        raise InputError(f"line is not valid JSON: {e}") from None


def _to_document(kind: str, payload: Any) -> dict[str, Any]:
    """The input mapping of a task; raises :class:`InputError` for bad input."""
    if kind == "error":
        raise _Failed(payload)
    if kind == "txt":
        name, data = payload
        try:
            return {"doc_id": name, "text": data.decode("utf-8").lstrip("\ufeff")}
        except UnicodeDecodeError as e:
            raise _Failed(ErrorInfo("InputError", f"{name} is not valid UTF-8 (byte {e.start + 1})"), name)
    doc = parse_line(payload)
    if not isinstance(doc, dict):
        raise InputError(
            f"line is a JSON {_JSON_TYPES.get(type(doc), 'value')}, "
            "but each line must be a JSON object with a string 'text' field"
        )
    return doc


class _Failed(Exception):
    """A task that failed before extraction, with its ErrorInfo and doc_id."""

    def __init__(self, info: ErrorInfo, doc_id: str | None = None) -> None:
        super().__init__(info.message)
        self.info, self.doc_id = info, doc_id


def _error_result(line: int | None, doc_id: str | None, info: ErrorInfo) -> DocumentResult:
    meta = {"line": line} if line is not None else {}
    return DocumentResult(doc_id=doc_id, meta=meta, error=info)


def _by_checkworthy(quotes: Iterable[Quote]) -> tuple[Quote, ...]:
    """The most check-worthy records first, by their own hints: how many fire,
    then which (in the records' hint order), then document order (a stable sort)."""

    def key(q: Quote) -> tuple[int, list[int]]:
        values = [h.value for h in q.checkworthy]
        return -sum(values), [0 if v else 1 for v in values]

    return tuple(sorted(quotes, key=key))


def _finish(result: DocumentResult, line: int | None, opts: Options) -> DocumentResult:
    """Sort, validate, and give an error result its line number."""
    if result.error is None and opts.sort == "checkworthy":
        result = attrs.evolve(result, quotes=_by_checkworthy(result.quotes))
    if result.error is None and opts.validate:
        from quotes.schemas import validate

        try:
            validate(to_json(result), "output")
        except SchemaError as e:
            return _error_result(line, result.doc_id, ErrorInfo("SchemaError", str(e)))
    if result.error is not None:
        return _error_result(line, result.doc_id, result.error)
    return result


def process_task(task: Task, opts: Options, extractor: Extractor) -> Outcome:
    """One input task's result (never raises) and its text when ``opts.needs_text``."""
    line, kind, payload = task
    doc: dict[str, Any] | None = None
    try:
        doc = _to_document(kind, payload)
        if opts.published and not doc.get("published"):
            doc["published"] = opts.published
        if opts.publisher and not doc.get("publisher"):
            doc["publisher"] = opts.publisher
        result = _finish(extractor.extract_record(doc), line, opts)
    except _Failed as e:
        return _error_result(line, e.doc_id, e.info), None
    except InputError as e:
        return _error_result(line, None, ErrorInfo(type(e).__name__, str(e))), None
    except Exception as e:  # an internal error is this document's, not the run's
        doc_id = doc.get("doc_id") if doc else None
        info = ErrorInfo("InternalError", f"{type(e).__name__}: {e} (please report this with the document)",
                         _tb.format_exc() if opts.debug else None)
        return _error_result(line, None if doc_id is None else str(doc_id), info), None
    text = doc.get("text") if opts.needs_text else None
    return result, text if isinstance(text, str) else None


# --- running tasks in order, in this process or in workers ------------------


def run(tasks: Iterable[Task], opts: Options, jobs: int = 1) -> Iterator[Outcome]:
    """The outcomes of ``tasks`` in input order, from this process or ``jobs`` workers.

    The extractor starts before this returns, so a broken installation or a
    missing model raises :class:`StartError` before any work (with
    ``opts.debug`` and one process, the original exception propagates
    instead, traceback and all).  Close the returned iterator to stop the
    workers early.
    """
    if jobs > 1:
        return _parallel(_start_pool(opts, jobs), tasks, opts, jobs)
    try:
        extractor = _extractor(opts)
    except QuotesError as e:
        raise StartError(str(e)) from None
    except Exception as e:  # a broken installation: say so in one line
        if opts.debug:
            raise
        raise StartError(f"cannot start the extractor: {type(e).__name__}: {e} "
                         "(rerun with --debug for the traceback)") from None
    return (process_task(t, opts, extractor) for t in tasks)


_WORKER: tuple[Options, Extractor | None, str | None] | None = None


def _init_worker(opts: Options) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and shuts us down
    try:
        _WORKER = (opts, _extractor(opts), None)
    except QuotesError as e:  # reported by _probe before any work
        _WORKER = (opts, None, str(e))
    except Exception as e:
        detail = _tb.format_exc() if opts.debug else "rerun with --debug for the traceback"
        _WORKER = (opts, None, f"cannot start the extractor: {type(e).__name__}: {e} ({detail})")


def _probe() -> str | None:
    return _WORKER[2] if _WORKER else "worker not initialised"


def _work_batch(batch: list[Task]) -> list[Outcome]:
    assert _WORKER is not None and _WORKER[1] is not None
    opts, extractor, _ = _WORKER
    return [process_task(t, opts, extractor) for t in batch]


@functools.lru_cache(maxsize=4)
def _cached_extractor(backend: str, stanza_dir: str | None, max_chars: int, debug: bool) -> Extractor:
    return Extractor(backend=backend, stanza_dir=stanza_dir, max_chars=max_chars, debug=debug)


def _extractor(opts: Options) -> Extractor:
    """An :class:`Extractor` for ``opts``, reused across in-process runs."""
    return _cached_extractor(opts.backend, opts.stanza_dir, opts.max_chars, opts.debug)


def _new_pool(opts: Options, jobs: int) -> cf.ProcessPoolExecutor:
    return cf.ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(opts,))


def _start_pool(opts: Options, jobs: int) -> cf.ProcessPoolExecutor:
    """A pool whose workers have built their Extractor, or :class:`StartError`."""
    pool = _new_pool(opts, jobs)
    problem = pool.submit(_probe).result()
    if problem:
        pool.shutdown(cancel_futures=True)
        raise StartError(problem)
    return pool


def _parallel(
    pool: cf.ProcessPoolExecutor, tasks: Iterable[Task], opts: Options, jobs: int
) -> Iterator[Outcome]:
    """Outcomes in input order from ``jobs`` processes, at most a window in flight.

    If a worker dies (killed, out of memory), the documents in flight become
    InternalError records and a fresh pool takes over the rest.
    """
    window: collections.deque[tuple[cf.Future[list[Outcome]], list[Task]]] = collections.deque()
    try:
        it = iter(tasks)
        while batch := list(itertools.islice(it, CHUNK)):
            try:
                window.append((pool.submit(_work_batch, batch), batch))
            except cf.BrokenExecutor:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(opts, jobs)
                window.append((pool.submit(_work_batch, batch), batch))
            while len(window) >= jobs * WINDOW_PER_JOB:
                yield from _collect(window.popleft())
        while window:
            yield from _collect(window.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(item: tuple[cf.Future[list[Outcome]], list[Task]]) -> list[Outcome]:
    future, batch = item
    try:
        return future.result()
    except Exception as e:  # the worker died: lose nothing silently
        info = ErrorInfo("InternalError", f"the worker process failed ({type(e).__name__}: {e})")
        return [(_error_result(t[0], None, info), None) for t in batch]
