"""The ``quotes`` command line: ``extract``, ``schema``, ``validate``.

``quotes extract`` streams JSON lines (or ``.txt`` / ``.gz`` files) in and
writes exactly one output record per input document, in input order,
flushed as it goes.  Bad input never stops the run and never prints a
traceback: each bad line becomes an error record at its place::

    {"line": 7, "doc_id": null, "error": {"type": "InputError", "message": "..."},
     "quotes": [], "speakers": []}

The ``line`` (1-based, within its file) is given for JSON-lines input; a
``.txt`` document is named by its ``doc_id`` (the file name) instead.
Exit status: 0 when every document succeeded, 1 when any failed, 2 for a
usage error (reported before any work starts).

The sections below (arguments, reading, one task's work, running tasks in
order, commands) would split naturally into ``cli.py`` and a ``batch.py``
holding reading and the work; they share one module for now.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures as cf
import datetime as _dt
import functools
import gzip
import itertools
import json
import os
import signal
import sys
import traceback as _tb
from typing import Any, BinaryIO, Iterable, Iterator, Sequence, TextIO

import attrs

from quotes.errors import InputError, QuotesError, SchemaError
from quotes.export import FORMATS, get_writer
from quotes.extract import BACKENDS, DEFAULT_MAX_CHARS, Extractor
from quotes.records import DocumentResult, ErrorInfo, Quote, to_json

__all__ = ["main", "build_parser", "Options", "process_task"]

#: Documents per task sent to a worker, and tasks in flight per worker.
CHUNK = 4
WINDOW_PER_JOB = 4

#: A unit of work: (1-based line number or None, kind, payload).
#: kind "json": payload is the raw line; "txt": (doc_id, file bytes);
#: "error": an ErrorInfo for input that could not even be read.
Task = tuple[int | None, str, Any]
Outcome = tuple[DocumentResult, str | None]


class UsageError(Exception):
    """A bad command line: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (no usage dump) and exit status 2."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


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


# --- argument parsing --------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotes`` command."""
    from quotes import __version__

    parser = _Parser(prog="quotes", description="Find who said what in Arabic news.")
    parser.add_argument("--version", action="version", version=f"quotes {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_extract(sub.add_parser("extract", help="extract attributions from documents"))
    sch = sub.add_parser("schema", help="print a JSON Schema (input, output, quote, ...)")
    sch.add_argument("name", nargs="?", help="schema name; omit to list them")
    val = sub.add_parser("validate", help="check JSON lines against a schema")
    val.add_argument("file", metavar="FILE", help="JSON lines file (.gz too), or - for stdin")
    val.add_argument("--schema", default="output", help="schema name (default: output)")
    return parser


def _add_extract(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="FILE",
                   help="JSON lines (.jsonl, .jsonl.gz, .gz) or .txt files; - or none reads stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--format", default="jsonl", choices=list(FORMATS), help="output format")
    p.add_argument("--published", metavar="DATE", help="publication date for documents without one")
    p.add_argument("--publisher", metavar="NAME", help="publisher for documents without one")
    p.add_argument("--validate", action="store_true",
                   help="validate each output record against the output schema")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument("--backend", default="rules", choices=BACKENDS, help="parser backend")
    p.add_argument("--stanza-dir", metavar="DIR", help="directory of the stanza models")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"longest document accepted (default {DEFAULT_MAX_CHARS:,})")
    p.add_argument("--sort", choices=["checkworthy"],
                   help="order each document's quotes by check-worthiness hints")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first failed document")
    p.add_argument("--debug", action="store_true", help="tracebacks in internal error records")


def _check_extract(args: argparse.Namespace) -> None:
    """Raise :class:`UsageError` for a bad or conflicting option or a missing file."""
    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}")
    if args.max_chars < 1:
        raise UsageError(f"--max-chars must be at least 1, not {args.max_chars}")
    if args.stanza_dir and args.backend == "rules":
        raise UsageError("--stanza-dir needs --backend stanza or auto")
    if args.published is not None:
        try:
            args.published = _dt.date.fromisoformat(args.published).isoformat()
        except ValueError:
            raise UsageError(
                f"--published {args.published!r} is not an ISO date such as 2019-08-30"
            ) from None
    if args.inputs.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    for path in args.inputs:
        if path != "-" and not os.path.isfile(path):
            raise UsageError(f"no such input file: {path}")
    if args.output and any(
        p != "-" and os.path.exists(args.output) and os.path.samefile(p, args.output)
        for p in args.inputs
    ):
        raise UsageError(f"--output {args.output} is also an input file")
    if args.output and not os.path.isdir(os.path.dirname(os.path.abspath(args.output))):
        raise UsageError(f"cannot write {args.output}: its directory does not exist")


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


def _parse_line(raw: bytes) -> Any:
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
    doc = _parse_line(payload)
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
    return tuple(sorted(quotes, key=lambda q: -len([h for h in q.checkworthy if h.value])))


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
    """A pool whose workers have built their Extractor, or :class:`UsageError`."""
    pool = _new_pool(opts, jobs)
    problem = pool.submit(_probe).result()
    if problem:
        pool.shutdown(cancel_futures=True)
        raise UsageError(problem)
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


# --- commands ----------------------------------------------------------------


def _output_stream(path: str | None) -> TextIO:
    if path and path != "-":
        try:
            return open(path, "w", encoding="utf-8", newline="")
        except OSError as e:
            raise UsageError(f"cannot write {path}: {e.strerror}") from None
    out = sys.stdout
    enc = (getattr(out, "encoding", None) or "utf-8").lower().replace("-", "")
    if enc != "utf8" and hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    return out


def _progress(args: argparse.Namespace) -> Any:
    from tqdm import tqdm

    show = args.progress if args.progress is not None else sys.stderr.isatty()
    return tqdm(unit="doc", desc="quotes", file=sys.stderr, disable=not show,
                mininterval=0.5, dynamic_ncols=True)


def _cmd_extract(args: argparse.Namespace) -> int:
    _check_extract(args)
    import io

    try:
        needs_text = getattr(get_writer(args.format, io.StringIO()), "needs_text", True)
    except QuotesError as e:
        raise UsageError(str(e)) from None
    opts = Options(args.backend, args.stanza_dir, args.max_chars, args.debug, args.published,
                   args.publisher, args.validate, args.sort, needs_text)
    tasks = read_tasks(args.inputs, sys.stdin.buffer)
    if args.jobs == 1:
        try:
            extractor = _extractor(opts)
        except QuotesError as e:
            raise UsageError(str(e)) from None
        except Exception as e:  # a broken installation: say so in one line
            if args.debug:
                raise
            raise UsageError(f"cannot start the extractor: {type(e).__name__}: {e} "
                             "(rerun with --debug for the traceback)") from None
        outcomes: Iterator[Outcome] = (process_task(t, opts, extractor) for t in tasks)
    else:
        outcomes = _parallel(_start_pool(opts, args.jobs), tasks, opts, args.jobs)
    return _write_all(args, outcomes)


def _write_all(args: argparse.Namespace, outcomes: Iterator[Outcome]) -> int:
    """Write every outcome as it comes; the exit status says whether any failed."""
    failed = 0
    try:
        stream = _output_stream(args.output)
        try:
            writer = get_writer(args.format, stream)
            with _progress(args) as bar:
                for result, text in outcomes:
                    writer.write(result, text)
                    bar.update(1)
                    failed += result.error is not None
                    if failed and args.fail_fast:
                        break
            writer.close()
        finally:
            if stream is not sys.stdout:
                stream.close()
    finally:
        getattr(outcomes, "close", lambda: None)()  # stop the workers, even on error
    return 1 if failed else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from quotes.schemas import load_schema, schema_names

    if not args.name:
        print("\n".join(schema_names()))
        return 0
    try:
        schema = load_schema(args.name)
    except SchemaError as e:
        raise UsageError(str(e)) from None
    _output_stream(None).write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from quotes.schemas import load_schema, validate

    if args.file != "-" and not os.path.isfile(args.file):
        raise UsageError(f"no such file: {args.file}")
    try:
        load_schema(args.schema)
    except SchemaError as e:
        raise UsageError(str(e)) from None
    checked = bad = 0
    out = _output_stream(None)
    for line, kind, payload in read_tasks([args.file], sys.stdin.buffer):
        checked += 1
        try:
            if kind == "error":
                raise InputError(payload.message)
            validate(_parse_line(payload) if kind == "json" else payload, args.schema)
        except QuotesError as e:
            bad += 1
            out.write(f"line {line}: {e}\n")
    print(f"{checked} lines checked, {bad} invalid", file=sys.stderr)
    return 1 if bad else 0


_COMMANDS = {"extract": _cmd_extract, "schema": _cmd_schema, "validate": _cmd_validate}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``quotes`` command line; return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help, --version, usage errors
        return e.code if isinstance(e.code, int) else 2
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return _COMMANDS[args.command](args)
    except UsageError as e:
        print(f"quotes {args.command}: error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `quotes extract docs.jsonl | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("quotes: interrupted", file=sys.stderr)
        return 130
