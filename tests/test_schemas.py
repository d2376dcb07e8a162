"""The JSON Schemas: well formed, in step with the records, and strict where it matters."""

from __future__ import annotations

import copy
import re
import json
from pathlib import Path

import jsonschema
import pytest

from quotes import records as R
from quotes.errors import SchemaError
from quotes.records import (
    Cue, DocumentResult, Entity, ErrorInfo, Hint, Outlet, Quote, Speaker, When, span_of, to_json,
)
from quotes.schemas import BASE_URI, iter_errors, load_schema, registry, schema_names, validate

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

TEXT = "وقال وزير الخارجية أحمد سالم لوكالة فرانس برس يوم الخميس إن “المحادثات كانت مثمرة”."


def _at(sub: str) -> tuple[int, int]:
    start = TEXT.index(sub)
    return start, start + len(sub)


def full_quote() -> Quote:
    """A quote with every optional part filled."""
    return Quote(
        id="q1", type="direct", content=span_of(TEXT, *_at("المحادثات كانت مثمرة")),
        cue=Cue(span_of(TEXT, *_at("وقال")), "قال", "say"),
        speaker=Speaker(span_of(TEXT, *_at("أحمد سالم")), "أحمد سالم", "وزير الخارجية"),
        outlet=Outlet(span_of(TEXT, *_at("لوكالة فرانس برس")), "AFP", "told"),
        date=When(span_of(TEXT, *_at("يوم الخميس")), "2019-08-29", "relative"),
        channel=span_of(TEXT, 0, 4), confidence=0.9, evidence=("vso-inna", "quote-pair"),
        checkworthy=(Hint("number", False), Hint("claim_verb", True, "قال")),
    )


def dropped_subject_quote() -> Quote:
    """A quote whose speaker has no mention (a dropped subject) and no cue."""
    return Quote(
        id="q2", type="indirect", content=span_of(TEXT, *_at("المحادثات")),
        speaker=Speaker(None, "أحمد سالم", kind="person", resolution="dropped-subject"),
    )


def full_document() -> DocumentResult:
    return DocumentResult(
        doc_id="d1", meta={"published": "2019-08-30", "url": "https://example.org/a", "title": "t"},
        quotes=(full_quote(), dropped_subject_quote()),
        speakers=(Entity("e1", "أحمد سالم", "person", "وزير الخارجية", ("سالم",),
                         (span_of(TEXT, *_at("أحمد سالم")),)),),
    )


# --- the schema files --------------------------------------------------------


def test_the_package_ships_the_core_schemas() -> None:
    assert {"input", "output", "quote"} <= set(schema_names())


@pytest.mark.parametrize("name", schema_names())
def test_every_schema_is_a_valid_2020_12_schema_with_a_package_id(name: str) -> None:
    schema = load_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"{BASE_URI}{name}.schema.json"


def test_every_file_in_the_schema_dir_is_named_like_a_schema() -> None:
    folder = Path(__file__).resolve().parents[1] / "quotes" / "schemas"
    names = sorted(p.name for p in folder.iterdir() if p.suffix == ".json")
    assert names == sorted(f"{n}.schema.json" for n in schema_names())


def test_refs_resolve_from_the_package_registry() -> None:
    resolver = registry().resolver()
    span = resolver.lookup(f"{BASE_URI}quote.schema.json#/$defs/span").contents
    assert span["required"] == ["text", "start", "end"]


def test_load_schema_is_cached_and_unknown_names_say_what_exists() -> None:
    assert load_schema("output") is load_schema("output")
    with pytest.raises(SchemaError, match="no schema named 'nope'.*output"):
        load_schema("nope")
    with pytest.raises(SchemaError):
        load_schema("../setup")


@pytest.mark.parametrize(
    ("pointer", "values"),
    [
        (("properties", "type", "enum"), R.QUOTE_TYPES),
        (("$defs", "cue", "properties", "sense", "enum"), R.SENSES),
        (("$defs", "speaker", "properties", "kind", "enum"), R.SPEAKER_KINDS),
        (("$defs", "speaker", "properties", "resolution", "enum"), R.RESOLUTIONS),
        (("$defs", "outlet", "properties", "relation", "enum"), R.OUTLET_RELATIONS),
        (("$defs", "date", "properties", "resolution", "enum"), R.DATE_RESOLUTIONS),
    ],
)
def test_quote_schema_enums_match_the_records(pointer: tuple[str, ...], values: tuple[str, ...]) -> None:
    node = load_schema("quote")
    for key in pointer:
        node = node[key]
    assert node == list(values)


def test_entity_kinds_match_the_records() -> None:
    assert load_schema("output")["$defs"]["entity"]["properties"]["kind"]["enum"] == list(R.SPEAKER_KINDS)


# --- records validate --------------------------------------------------------


def test_to_json_of_a_full_document_validates() -> None:
    out = to_json(full_document())
    validate(out, "output")
    for q in out["quotes"]:
        validate(q, "quote")
    assert out["quotes"][1]["speaker"] == {
        "text": None, "start": None, "end": None, "name": "أحمد سالم", "role": None,
        "kind": "person", "resolution": "dropped-subject",
    }


@pytest.mark.parametrize("traceback", [None, "Traceback (most recent call last): ..."])
def test_error_documents_validate(traceback: str | None) -> None:
    doc = DocumentResult(doc_id=None, meta={"line": 3}, error=ErrorInfo("InputError", "bad", traceback))
    validate(to_json(doc), "output")


def _broken(path: tuple[object, ...], value: object, delete: bool = False) -> dict:
    out = copy.deepcopy(to_json(full_document()))
    node = out
    for key in path[:-1]:
        node = node[key]  # type: ignore[index]
    if delete:
        del node[path[-1]]  # type: ignore[arg-type]
    else:
        node[path[-1]] = value  # type: ignore[index]
    return out


@pytest.mark.parametrize(
    ("path", "value", "delete", "where"),
    [
        (("quotes", 0, "type"), "quote", False, "$.quotes[0].type"),
        (("quotes", 0, "cue", "sense"), "shout", False, "$.quotes[0].cue"),
        (("quotes", 0, "speaker", "kind"), "alien", False, "$.quotes[0].speaker"),
        (("quotes", 0, "outlet", "relation"), "said", False, "$.quotes[0].outlet"),
        (("quotes", 0, "date", "value"), "Thursday", False, "$.quotes[0].date"),
        (("quotes", 0, "confidence"), 1.5, False, "$.quotes[0].confidence"),
        (("quotes", 0, "content", "start"), -1, False, "$.quotes[0].content.start"),
        (("quotes", 0, "content", "lemma"), "x", False, "$.quotes[0].content"),
        (("quotes", 0, "checkworthy", "number", "value"), "yes", False, "$.quotes[0].checkworthy"),
        (("quotes", 0, "evidence"), None, True, "$.quotes[0]"),
        (("quotes", 1, "speaker", "start"), 4, False, "$.quotes[1].speaker"),
        (("speakers", 0, "mentions", 0, "end"), "9", False, "$.speakers[0].mentions[0].end"),
        (("error",), "bad", False, "$.error"),
        (("doc_id",), 7, False, "$.doc_id"),
        (("text",), "the document", False, "$"),
    ],
)
def test_broken_output_is_rejected_naming_the_path(path, value, delete, where) -> None:
    with pytest.raises(SchemaError, match=r"output schema at " + re.escape(where)):
        validate(_broken(path, value, delete), "output")


def test_an_error_document_cannot_carry_quotes() -> None:
    out = to_json(full_document())
    out["error"] = {"type": "InputError", "message": "bad"}
    with pytest.raises(SchemaError, match=r"at \$\.(quotes|speakers): .* expected to be empty"):
        validate(out, "output")
    out["speakers"] = []
    with pytest.raises(SchemaError, match=r"at \$\.quotes: .* expected to be empty"):
        validate(out, "output")


def test_iter_errors_lists_every_error_in_path_order() -> None:
    out = _broken(("quotes", 1, "type"), "x")
    out["quotes"][0]["type"] = "y"
    paths = [e.json_path for e in iter_errors(out, "output")]
    assert paths == ["$.quotes[0].type", "$.quotes[1].type"]
    assert list(iter_errors(to_json(full_document()), "output")) == []


# --- the input schema --------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        {"text": ""},
        {"text": "قال", "doc_id": 7, "published": "2019-08-30", "publisher": "BBC Arabic",
         "url": "https://example.org", "lang": "ar", "title": "passes through"},
        {"text": "قال", "published": None, "quotes": [{"anything": 1}]},
    ],
)
def test_input_lines_that_validate(line: dict) -> None:
    validate(line, "input")


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ({"doc_id": "d"}, "$"),
        ({"text": 5}, "$.text"),
        ({"text": "x", "published": "2019-02-30"}, "$.published"),
        ({"text": "x", "published": "30/08/2019"}, "$.published"),
        ({"text": "x", "doc_id": ["a"]}, "$.doc_id"),
        (["text"], "$"),
    ],
)
def test_input_lines_that_do_not(line: object, where: str) -> None:
    with pytest.raises(SchemaError, match=r"input schema at " + re.escape(where) + ":"):
        validate(line, "input")


@pytest.mark.parametrize("part", ["seed", "dev", "unlabeled"])
def test_the_shared_corpus_lines_validate_as_input(part: str) -> None:
    files = sorted((SHARED / part).glob("*.jsonl")) if (SHARED / part).is_dir() else []
    if not files:
        pytest.skip(f"no shared corpus at {SHARED / part}")
    for path in files:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    validate(json.loads(line), "input")
