"""The package's JSON Schemas (draft 2020-12): loading and validation.

Schemas live in ``quotes/schemas/NAME.schema.json`` and ship as package
data.  Each has an ``$id`` under :data:`BASE_URI` and refers to the others
with relative ``$ref`` (``"quote.schema.json#/$defs/span"``); references are
resolved through a :class:`referencing.Registry` built from the package's
own files, so validation never touches the network.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any, Iterator

import jsonschema
import referencing
import referencing.jsonschema

from quotes.errors import SchemaError

__all__ = [
    "BASE_URI",
    "schema_names",
    "load_schema",
    "registry",
    "validator",
    "iter_errors",
    "validate",
    "describe_error",
]

#: The base of every schema's ``$id`` (``.example`` is reserved: never fetched).
BASE_URI = "https://quotes.example/schemas/"
_SUFFIX = ".schema.json"
_Validator = jsonschema.Draft202012Validator


def _schema_dir() -> Any:
    return resources.files("quotes") / "schemas"


def schema_names() -> list[str]:
    """The names of every schema shipped with the package, sorted."""
    return sorted(
        p.name[: -len(_SUFFIX)] for p in _schema_dir().iterdir() if p.name.endswith(_SUFFIX)
    )


@functools.lru_cache(maxsize=None)
def load_schema(name: str) -> dict[str, Any]:
    """The schema called ``name`` (``input``, ``output``, ``quote``, ``lexicon-...``).

    Raises :class:`~quotes.errors.SchemaError` when there is no such schema
    or its file is not JSON.  The returned dict is shared: do not modify it.
    """
    path = _schema_dir() / f"{name}{_SUFFIX}"
    if "/" in name or not path.is_file():
        raise SchemaError(
            f"no schema named {name!r}; the package has: {', '.join(schema_names())}"
        )
    try:
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except ValueError as e:
        raise SchemaError(f"schema file {name}{_SUFFIX} is not valid JSON: {e}") from None


@functools.lru_cache(maxsize=1)
def registry() -> referencing.Registry:
    """A registry of every package schema, under its ``$id`` and its file URI."""
    pairs = []
    for name in schema_names():
        schema = load_schema(name)
        resource = referencing.jsonschema.DRAFT202012.create_resource(schema)
        pairs.append((BASE_URI + name + _SUFFIX, resource))
        if schema.get("$id") and schema["$id"] != BASE_URI + name + _SUFFIX:
            pairs.append((schema["$id"], resource))
    return referencing.Registry().with_resources(pairs)


@functools.lru_cache(maxsize=None)
def validator(name: str) -> jsonschema.protocols.Validator:
    """A draft 2020-12 validator (with format checks) for the schema ``name``."""
    return _Validator(
        load_schema(name), registry=registry(), format_checker=_Validator.FORMAT_CHECKER
    )


def iter_errors(instance: Any, name: str) -> Iterator[jsonschema.ValidationError]:
    """Every validation error of ``instance`` against schema ``name``, in path order."""
    errors = validator(name).iter_errors(instance)
    yield from sorted(errors, key=lambda e: [str(p) for p in e.absolute_path])


def describe_error(error: jsonschema.ValidationError) -> str:
    """A one-line description of ``error`` naming the failing path (``$.quotes[0].type``)."""
    message = error.message
    if len(message) > 300:  # the failing instance is quoted in full: keep both ends
        message = f"{message[:180]} ... {message[-100:]}"
    return f"{error.json_path}: {message}"


def validate(instance: Any, name: str) -> None:
    """Check ``instance`` against schema ``name``.

    Raises :class:`~quotes.errors.SchemaError` whose message names the
    schema and the failing path, e.g.
    ``does not match the output schema at $.quotes[0].type: 'x' is not one of [...]``.
    """
    best = jsonschema.exceptions.best_match(validator(name).iter_errors(instance))
    if best is not None:
        raise SchemaError(f"does not match the {name} schema at {describe_error(best)}")
