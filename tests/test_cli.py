"""The ``quotes`` command line: streaming, order, errors that lose nothing, exit status."""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes import __version__, batch
from quotes.cli import main
from quotes.export.tabular import COLUMNS
from quotes.extract import Extractor
from quotes.records import DocumentResult, Hint, Quote, span_of
from quotes.schemas import load_schema, validate

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "corpus" / "seed" / "gold.jsonl"

SAY = "قال وزير الخارجية أحمد سالم للصحفيين يوم الخميس إن “المحادثات كانت مثمرة”."
ALSO = "وأكدت الوزارة في بيان أن الحدود ستبقى مفتوحة."


def run(argv: list[str], stdin: bytes = b"") -> tuple[int, list[Any], str]:
    """Run ``main(argv)`` in-process: exit status, parsed output lines, stderr."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        sys.stdin = saved
    lines = out.getvalue().splitlines()
    if "--format" not in argv and argv[:1] == ["extract"]:
        return code, [json.loads(line) for line in lines], err.getvalue()
    return code, lines, err.getvalue()


def jl(*objs: Any) -> bytes:
    return b"".join(json.dumps(o, ensure_ascii=False).encode("utf-8") + b"\n" for o in objs)


def error(line: int | None, doc_id: str | None, type_: str, message: str) -> dict[str, Any]:
    rec: dict[str, Any] = {} if line is None else {"line": line}
    rec.update(doc_id=doc_id, error={"type": type_, "message": message}, quotes=[], speakers=[])
    return rec


def without_results(rec: dict[str, Any]) -> dict[str, Any]:
    """An output record minus what the engine decides (quotes, speakers)."""
    return {k: v for k, v in rec.items() if k not in ("quotes", "speakers")}


def assert_spans_slice_back(rec: dict[str, Any], text: str) -> None:
    for q in rec["quotes"]:
        validate(q, "quote")
        for part in ("content", "cue", "speaker", "outlet", "date", "channel"):
            s = q[part]
            if s and s["start"] is not None:
                assert text[s["start"]:s["end"]] == s["text"]


# --- bad input: one exact error record each, and the run goes on ------------

NOT_OBJECT = "but each line must be a JSON object with a string 'text' field"
TOO_LARGE = "document has 11 characters, over the limit of 10; split it or raise max_chars (--max-chars)"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"not json", error(2, None, "InputError", "line is not valid JSON: Expecting value at column 1")),
        (b'{"text": "x",}', error(2, None, "InputError",
                                  "line is not valid JSON: Expecting property name enclosed in double quotes at column 14")),
        (b"[1, 2]", error(2, None, "InputError", f"line is a JSON array, {NOT_OBJECT}")),
        (b'"text"', error(2, None, "InputError", f"line is a JSON string, {NOT_OBJECT}")),
        (b"42", error(2, None, "InputError", f"line is a JSON number, {NOT_OBJECT}")),
        (b"null", error(2, None, "InputError", f"line is a JSON null, {NOT_OBJECT}")),
        (b'{"doc_id": "d1"}', error(2, "d1", "InputError",
                                    "the document has no string 'text' field; every input line needs one")),
        (b'{"doc_id": 7, "text": ["x"]}', error(2, "7", "InputError",
                                                "the document has no string 'text' field; every input line needs one")),
        (b'{"text": "\xd9"}', error(2, None, "InputError",
                                    "line is not valid UTF-8 (byte 11 is b'\\xd9'); re-encode the input as UTF-8")),
        (b"\xff\xfe{}", error(2, None, "InputError",
                              "line is not valid UTF-8 (byte 1 is b'\\xff'); re-encode the input as UTF-8")),
        ('{"doc_id": "big", "text": "قالقالقالقا"}'.encode(), error(2, "big", "DocumentTooLarge", TOO_LARGE)),
        (b'{"doc_id": "p", "text": "x", "published": "yesterday"}',
         error(2, "p", "InputError", "'published' is 'yesterday'; give an ISO date such as '2019-08-30'")),
    ],
    ids=["not-json", "trailing-comma", "array", "string", "number", "null", "no-text", "text-not-string",
         "bad-utf8-inside", "bad-utf8-start", "too-large", "bad-published"],
)
def test_each_bad_line_gives_one_exact_error_record_and_the_run_goes_on(raw: bytes, expected: dict) -> None:
    stdin = jl({"doc_id": "a", "text": "نص"}) + raw + b"\n" + jl({"doc_id": "b", "text": "نص"})
    code, out, err = run(["extract", "--max-chars", "10"], stdin)
    assert code == 1
    assert [r["doc_id"] for r in out] == ["a", expected["doc_id"], "b"]
    assert out[1] == expected
    assert out[0]["error"] is None and out[2]["error"] is None
    assert "Traceback" not in err
    validate(out[1], "output")


def test_blank_lines_give_no_record_but_keep_line_numbers() -> None:
    stdin = b"\n  \r\n" + jl({"text": "x", "doc_id": "a"}) + b"\t\n" + b"oops\n"
    code, out, _ = run(["extract"], stdin)
    assert code == 1
    assert [without_results(r) for r in out] == [
        {"doc_id": "a", "error": None},
        without_results(error(5, None, "InputError", "line is not valid JSON: Expecting value at column 1")),
    ]


def test_all_good_input_exits_0_and_passes_metadata_through_but_not_text_or_quotes() -> None:
    line = {"doc_id": 12, "text": SAY, "published": "2019-08-30", "publisher": "P",
            "url": "https://example.org/x", "title": "t", "quotes": [{"gold": True}]}
    code, out, err = run(["extract"], jl(line))
    assert (code, err) == (0, "")
    assert len(out) == 1
    assert without_results(out[0]) == {"doc_id": "12", "published": "2019-08-30", "publisher": "P",
                                       "url": "https://example.org/x", "title": "t", "error": None}
    assert {"gold": True} not in out[0]["quotes"]


def test_a_bom_on_the_first_line_is_tolerated() -> None:
    code, out, _ = run(["extract"], b"\xef\xbb\xbf" + jl({"text": "x", "doc_id": "bom"}))
    assert code == 0 and out[0]["doc_id"] == "bom"


def test_output_records_validate_and_quotes_slice_back_once_the_engine_finds_them() -> None:
    docs = [{"doc_id": "say", "text": SAY, "published": "2019-08-30"}, {"doc_id": "also", "text": ALSO}]
    code, out, _ = run(["extract", "--validate"], jl(*docs))
    assert code == 0
    for rec, doc in zip(out, docs, strict=True):
        assert rec["doc_id"] == doc["doc_id"] and isinstance(rec["quotes"], list)
        validate(rec, "output")
        assert_spans_slice_back(rec, doc["text"])


def test_the_seed_article_extracts_to_valid_records() -> None:
    if not SEED.is_file():
        pytest.skip(f"no seed corpus at {SEED}")
    code, out, _ = run(["extract", "--validate", str(SEED)])
    text = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])["text"]
    assert code == 0 and len(out) == 1
    assert_spans_slice_back(out[0], text)


# --- defaults, files, formats ------------------------------------------------


def test_published_and_publisher_defaults_fill_only_missing_fields() -> None:
    docs = [{"text": "x", "doc_id": "a"}, {"text": "x", "doc_id": "b", "published": "2020-01-01", "publisher": "Q"}]
    code, out, _ = run(["extract", "--published", "2019-08-30", "--publisher", "P"], jl(*docs))
    assert code == 0
    assert [(r["published"], r["publisher"]) for r in out] == [("2019-08-30", "P"), ("2020-01-01", "Q")]


def test_txt_and_gzip_inputs_in_order(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(SAY, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xd9\xd9")
    with gzip.open(tmp_path / "docs.jsonl.gz", "wb") as f:
        f.write(jl({"doc_id": "g1", "text": ALSO}) + b"{\n" + jl({"doc_id": "g2", "text": "x"}))
    (tmp_path / "plain.gz").write_bytes(gzip.compress(jl({"doc_id": "g3", "text": "x"})))
    argv = ["extract", *(str(tmp_path / n) for n in ("one.txt", "docs.jsonl.gz", "bad.txt", "plain.gz"))]
    code, out, _ = run(argv)
    assert code == 1
    assert [without_results(r) for r in out] == [
        {"doc_id": "one.txt", "error": None},
        {"doc_id": "g1", "error": None},
        without_results(error(2, None, "InputError",
                              "line is not valid JSON: Expecting property name enclosed in double quotes at column 2")),
        {"doc_id": "g2", "error": None},
        without_results(error(None, "bad.txt", "InputError", "bad.txt is not valid UTF-8 (byte 1)")),
        {"doc_id": "g3", "error": None},
    ]


def test_a_truncated_gzip_file_gives_an_error_record_not_a_traceback(tmp_path: Path) -> None:
    data = gzip.compress(jl(*({"doc_id": f"d{i}", "text": "x" * 50} for i in range(50))))
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    code, out, err = run(["extract", str(tmp_path / "cut.jsonl.gz")])
    assert code == 1 and "Traceback" not in err
    assert out[-1]["error"]["type"] == "InputError"
    assert out[-1]["error"]["message"].startswith(f"could not read {tmp_path / 'cut.jsonl.gz'}: ")
    assert all(r["error"] is None for r in out[:-1])


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    code, out, _ = run(["extract", "-o", str(target)], jl({"text": "x", "doc_id": "a"}))
    assert code == 0 and out == []
    assert json.loads(target.read_text(encoding="utf-8"))["doc_id"] == "a"


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_tabular_output_has_one_header_and_an_error_row(fmt: str, delimiter: str) -> None:
    stdin = jl({"doc_id": "a", "text": SAY}) + b"[]\n" + jl({"doc_id": "b", "text": ALSO})
    code, lines, _ = run(["extract", "--format", fmt], stdin)
    rows = list(csv.reader(lines, delimiter=delimiter))
    assert code == 1
    assert rows[0] == list(COLUMNS)
    errors = [r for r in rows[1:] if r[-1]]
    assert errors == [[""] * 15 + [f"line 2: InputError: line is a JSON array, {NOT_OBJECT}"]]
    assert {r[0] for r in rows[1:] if not r[-1]} <= {"a", "b"}
    assert all(len(r) == len(COLUMNS) for r in rows)


def test_empty_input_gives_a_header_only_csv() -> None:
    assert run(["extract", "--format", "csv"], b"") == (0, [",".join(COLUMNS)], "")


def test_tabular_rows_of_a_document_with_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_quotes(monkeypatch)
    code, lines, _ = run(["extract", "--format", "csv"], jl({"doc_id": "d", "text": SAY}))
    rows = list(csv.DictReader(lines))
    assert code == 0 and [r["quote_id"] for r in rows] == ["q1", "q2", "q3"]
    assert rows[0]["content_text"] == SAY[0:3] and (rows[0]["content_start"], rows[0]["content_end"]) == ("0", "3")
    assert rows[0]["confidence"] == "0.500" and rows[0]["error"] == ""


# --- --validate, --sort, --debug, --fail-fast --------------------------------


def test_validate_turns_an_invalid_record_into_that_documents_error() -> None:
    docs = [{"doc_id": "a", "text": "x", "line": "seven"}, {"doc_id": "b", "text": "x"}]
    code, out, _ = run(["extract", "--validate"], jl(*docs))
    assert code == 1
    assert out[0] == error(1, "a", "SchemaError",
                           "does not match the output schema at $.line: 'seven' is not of type 'integer'")
    assert out[1]["error"] is None
    code, out, _ = run(["extract"], jl(*docs))
    assert code == 0 and out[0]["line"] == "seven"


def _fake_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(self: Extractor, record: dict) -> DocumentResult:
        t = record["text"]
        hints = [(), (Hint("a", True), Hint("b", True)), (Hint("a", True), Hint("b", False))]
        quotes = [Quote(id=f"q{i + 1}", type="direct", content=span_of(t, 0, 3), checkworthy=h)
                  for i, h in enumerate(hints)]
        return DocumentResult(doc_id=record.get("doc_id"), quotes=quotes)

    monkeypatch.setattr(Extractor, "extract_record", fake)


def test_sort_checkworthy_orders_quotes_by_true_hints_stably(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_quotes(monkeypatch)
    _, out, _ = run(["extract"], jl({"doc_id": "d", "text": SAY}))
    assert [q["id"] for q in out[0]["quotes"]] == ["q1", "q2", "q3"]
    _, out, _ = run(["extract", "--sort", "checkworthy", "--validate"], jl({"doc_id": "d", "text": SAY}))
    assert [q["id"] for q in out[0]["quotes"]] == ["q2", "q3", "q1"]


@pytest.mark.parametrize("debug", [False, True])
def test_an_internal_error_is_that_documents_record(monkeypatch: pytest.MonkeyPatch, debug: bool) -> None:
    def boom(self: Extractor, text: str, **kw: Any) -> DocumentResult:
        if "boom" in text:
            raise RuntimeError("engine exploded")
        return DocumentResult(doc_id=kw.get("doc_id"))

    monkeypatch.setattr(Extractor, "extract", boom)
    docs = [{"doc_id": "a", "text": "boom"}, {"doc_id": "b", "text": "fine"}]
    code, out, err = run(["extract", *(["--debug"] if debug else [])], jl(*docs))
    assert code == 1 and "Traceback" not in err
    assert out[0]["line"] == 1 and out[0]["doc_id"] == "a"
    assert out[0]["error"]["type"] == "InternalError"
    assert out[0]["error"]["message"] == "RuntimeError: engine exploded (please report this with the document)"
    assert ("traceback" in out[0]["error"]) is debug
    if debug:
        assert "engine exploded" in out[0]["error"]["traceback"]
    assert out[1]["error"] is None


def test_fail_fast_stops_after_the_first_error() -> None:
    code, out, _ = run(["extract", "--fail-fast"], jl({"text": "x"}) + b"bad\n" + jl({"text": "y"}))
    assert code == 1 and len(out) == 2 and out[1]["line"] == 2


# --- parallel ----------------------------------------------------------------


def _mixed_corpus(n: int) -> bytes:
    parts = []
    for i in range(n):
        parts.append(b"not json\n" if i % 7 == 3 else jl({"doc_id": f"d{i}", "text": f"{SAY} {i}" * (i % 5 + 1)}))
    return b"".join(parts)


def test_jobs_2_keeps_input_order_and_matches_jobs_1() -> None:
    corpus = _mixed_corpus(60)
    code1, out1, _ = run(["extract"], corpus)
    code2, out2, err2 = run(["extract", "--jobs", "2"], corpus)
    assert (code1, code2) == (1, 1) and "Traceback" not in err2
    assert out2 == out1
    assert [r["doc_id"] for r in out2][:5] == ["d0", "d1", "d2", None, "d4"]
    assert len(out2) == 60


def test_a_dead_worker_loses_only_its_documents_in_flight(monkeypatch: pytest.MonkeyPatch) -> None:
    parent, real = os.getpid(), Extractor.extract_record

    def dies_on_cue(self: Extractor, record: dict) -> DocumentResult:
        if record["text"] == "die" and os.getpid() != parent:
            os._exit(3)  # as if killed by the OOM killer
        return real(self, record)

    monkeypatch.setattr(Extractor, "extract_record", dies_on_cue)  # inherited by forked workers
    docs = [{"doc_id": f"d{i}", "text": "die" if i == 10 else "x"} for i in range(200)]
    code, out, err = run(["extract", "--jobs", "2"], jl(*docs))
    assert code == 1 and "Traceback" not in err
    assert len(out) == 200 and out[10]["line"] == 11
    assert out[10]["error"]["type"] == "InternalError"
    assert out[10]["error"]["message"].startswith("the worker process failed (BrokenProcessPool")
    assert [r["doc_id"] for r in out if r["error"] is None] == [f"d{i}" for i in range(200) if out[i]["error"] is None]
    assert all(r["error"] is None for r in out[100:])


# --- usage errors: exit 2, one line, before any work -------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "--jobs", "0"], "quotes extract: error: --jobs must be at least 1, not 0"),
        (["extract", "--max-chars", "0"], "quotes extract: error: --max-chars must be at least 1, not 0"),
        (["extract", "--published", "2019-02-30"],
         "quotes extract: error: --published '2019-02-30' is not an ISO date such as 2019-08-30"),
        (["extract", "--stanza-dir", "models"], "quotes extract: error: --stanza-dir needs --backend stanza or auto"),
        (["extract", "-", "-"], "quotes extract: error: standard input (-) can be read only once"),
        (["extract", "-", "missing.jsonl"], "quotes extract: error: no such input file: missing.jsonl"),
        (["extract", "--jobs", "two"],
         "quotes extract: error: argument --jobs: invalid int value: 'two' (see --help)"),
        (["extract", "--backend", "spacy"], None),
        (["extract", "--format", "xml"], None),
        (["extract", "--bogus"], None),
        (["schema", "nope"], None),
        (["validate", "missing.jsonl"], "quotes validate: error: no such file: missing.jsonl"),
        (["frobnicate"], None),
    ],
)
def test_usage_errors_exit_2_with_one_line_before_any_work(argv: list[str], message: str | None) -> None:
    code, out, err = run(argv, jl({"text": "x"}))
    assert code == 2
    assert out == []
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    if message:
        assert err.strip() == message


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_extractor_that_cannot_start_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    def broken(self: Extractor, **kw: Any) -> None:
        raise RuntimeError("lexicon pattern broken")

    monkeypatch.setattr(Extractor, "__init__", broken)
    batch._cached_extractor.cache_clear()  # in-process runs reuse their Extractor
    code, out, err = run(["extract", "--jobs", jobs], jl({"text": "x"}))
    assert (code, out) == (2, [])
    assert err == ("quotes extract: error: cannot start the extractor: RuntimeError: lexicon pattern broken "
                   "(rerun with --debug for the traceback)\n")


def test_progress_goes_to_stderr_never_into_the_data() -> None:
    code, out, err = run(["extract", "--progress"], jl({"text": "x", "doc_id": "a"}, {"text": "y", "doc_id": "b"}))
    assert code == 0 and [r["doc_id"] for r in out] == ["a", "b"]
    assert "2doc" in err and "doc/s" in err
    assert run(["extract", "--no-progress"], jl({"text": "x"}))[2] == ""


def test_no_command_prints_help_and_exits_2() -> None:
    code, out, err = run([])
    assert code == 2 and out == [] and "extract" in err


def test_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "docs.jsonl"
    src.write_bytes(jl({"text": "x"}))
    code, _, err = run(["extract", str(src), "-o", str(src)])
    assert code == 2 and "is also an input file" in err
    assert src.read_bytes() == jl({"text": "x"})


def test_claimreview_format_is_registered() -> None:
    code, lines, err = run(["extract", "--format", "claimreview"], jl({"text": "x"}))
    assert code in (0, 2)
    if code == 2:  # quotes.export.claimreview not written yet: a clear one-line error
        assert err.strip().endswith("choose another --format (jsonl, csv, tsv)")


# --- schema and validate commands --------------------------------------------


@pytest.mark.parametrize("name", ["input", "output", "quote"])
def test_schema_prints_the_schema(name: str) -> None:
    code, lines, _ = run(["schema", name])
    assert code == 0 and json.loads("\n".join(lines)) == load_schema(name)


def test_schema_without_a_name_lists_them() -> None:
    code, lines, _ = run(["schema"])
    assert code == 0 and {"input", "output", "quote"} <= set(lines)


def test_validate_reports_each_bad_line(tmp_path: Path) -> None:
    _, good, _ = run(["extract"], jl({"doc_id": "a", "text": SAY}) + b"oops\n")
    lines = [json.dumps(r, ensure_ascii=False) for r in good]
    lines += ['{"doc_id": "x"}', "", "not json", json.dumps({**good[0], "quotes": [{"id": 1}]})]
    path = tmp_path / "out.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(["validate", str(path)])
    assert code == 1
    assert out == [
        "line 3: does not match the output schema at $: 'error' is a required property",
        "line 5: line is not valid JSON: Expecting value at column 1",
        "line 6: does not match the output schema at $.quotes[0]: 'type' is a required property",
    ]
    assert err == "5 lines checked, 3 invalid\n"
    path.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    assert run(["validate", str(path)]) == (0, [], "2 lines checked, 0 invalid\n")


# --- as a program ------------------------------------------------------------


def _program(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "quotes", *args], input=stdin, capture_output=True,
                          cwd=REPO, timeout=120, check=False)


def test_python_m_quotes_version() -> None:
    done = _program("--version")
    assert (done.returncode, done.stdout.decode()) == (0, f"quotes {__version__}\n")


def test_python_m_quotes_schema_output_is_json() -> None:
    done = _program("schema", "output")
    assert done.returncode == 0 and json.loads(done.stdout) == load_schema("output")


def test_program_streams_with_jobs_2_and_reports_bad_lines() -> None:
    lone_surrogate = b'{"doc_id": "\\udc00", "text": "\\ud800"}\n'
    done = _program("extract", "--jobs", "2", "--no-progress", stdin=_mixed_corpus(20) + b"\xff\n" + lone_surrogate)
    out = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert done.returncode == 1 and b"Traceback" not in done.stderr and done.stderr == b""
    assert len(out) == 22 and out[20]["line"] == 21 and out[20]["error"]["type"] == "InputError"
    assert out[21]["doc_id"] == "\udc00"


# --- no byte sequence breaks the CLI ----------------------------------------

_LINES = st.one_of(
    st.binary(max_size=30).map(lambda b: b.replace(b"\n", b" ")),
    st.sampled_from([b"", b"  ", b"{}", b"[]", b'{"text": ""}', b'{"text": "\xd9\x82"}', b'{"text": 1}',
                     b'{"text": "x", "published": "2019-02-30"}', b'{"text": "\\ud800"}',
                     '{"doc_id": "a", "text": "قال “نعم” و"}'.encode(), b"\xef\xbb\xbf{}", b"\r", b"[" * 3000]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, max_size=8))
def test_any_byte_lines_give_one_record_per_non_blank_line(lines: list[bytes]) -> None:
    code, out, err = run(["extract", "--max-chars", "50"], b"\n".join(lines))
    expected = [i + 1 for i, line in enumerate(lines) if line.strip()]
    assert len(out) == len(expected)
    assert "Traceback" not in err
    failed = [r for r in out if r["error"] is not None]
    assert code == (1 if failed else 0)
    assert [r["line"] for r in failed] == [n for n, r in zip(expected, out) if r["error"] is not None]
    for r in out:
        validate(r, "output")


def test_serve_rejects_a_bad_port_before_starting(capsys):
    assert main(["serve", "--port", "0"]) == 2
    assert "--port must be between 1 and 65535" in capsys.readouterr().err


def test_serve_starts_the_service_on_loopback(monkeypatch):
    import quotes.serve

    calls = []
    monkeypatch.setattr(quotes.serve, "serve", lambda **kw: calls.append(kw))
    assert main(["serve", "--port", "8899"]) == 0
    (kw,) = calls
    assert (kw["host"], kw["port"], kw["max_bytes"]) == ("127.0.0.1", 8899, 1_000_000)
    assert kw["extractor"].backend_name == "rules"
