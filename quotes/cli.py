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

Reading the input and doing the work, in this process or in workers, is
:mod:`quotes.batch`; this module parses arguments and runs the commands.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import sys
from typing import Any, Iterator, Sequence, TextIO

from quotes.batch import Options, Outcome, StartError, parse_line, process_task, read_tasks, run
from quotes.errors import InputError, QuotesError, SchemaError
from quotes.export import FORMATS, get_writer
from quotes.extract import BACKENDS, DEFAULT_MAX_CHARS

# Options, process_task and read_tasks live in quotes.batch; they stay
# importable from here, where they were first published.
__all__ = ["main", "build_parser", "Options", "process_task", "read_tasks"]


class UsageError(Exception):
    """A bad command line: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (no usage dump) and exit status 2."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


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
    srv = sub.add_parser("serve", help="run the review page and the JSON API on this machine")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    srv.add_argument("--port", type=int, default=8765, help="port (default: 8765)")
    srv.add_argument("--backend", choices=["rules", "stanza", "auto"], default="rules")
    srv.add_argument("--max-bytes", type=int, default=1_000_000, help="request size limit")
    return parser


def _cmd_serve(args: argparse.Namespace) -> int:
    from quotes import Extractor
    from quotes.serve import serve

    if not 0 < args.port < 65536:
        raise UsageError(f"--port must be between 1 and 65535, not {args.port}")
    try:
        extractor = Extractor(backend=args.backend)
    except QuotesError as e:
        raise UsageError(str(e)) from None
    serve(host=args.host, port=args.port, extractor=extractor, max_bytes=args.max_bytes)
    return 0


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
    try:
        outcomes = run(tasks, opts, args.jobs)
    except StartError as e:
        raise UsageError(str(e)) from None
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
            validate(parse_line(payload) if kind == "json" else payload, args.schema)
        except QuotesError as e:
            bad += 1
            out.write(f"line {line}: {e}\n")
    print(f"{checked} lines checked, {bad} invalid", file=sys.stderr)
    return 1 if bad else 0


_COMMANDS = {"extract": _cmd_extract, "schema": _cmd_schema, "validate": _cmd_validate, "serve": _cmd_serve}


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
