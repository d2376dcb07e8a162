"""The web service: POST /extract gives the CLI's output line; errors are JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from quotes import Extractor  # noqa: E402
from quotes.export.jsonl import dumps  # noqa: E402
from quotes.records import (  # noqa: E402
    Cue, DocumentResult, ErrorInfo, Quote, Speaker, span_of, to_json,
)
from quotes.schemas import validate  # noqa: E402
from quotes.serve import create_app  # noqa: E402

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seed" / "gold.jsonl"
TEXT = "وقال وزير الخارجية إن الهدنة ستبدأ غدا. وأضاف أن أكثر من 500 شخص نزحوا."


class FakeExtractor:
    """Returns hand-built records for any text, so responses do not depend on the engine."""

    def __init__(self, error: ErrorInfo | None = None) -> None:
        self.error = error

    def extract_record(self, record: Mapping[str, Any]) -> DocumentResult:
        if self.error is not None:
            return DocumentResult(doc_id="d", error=self.error)
        text = record["text"]
        start = text.index("الهدنة")
        q = Quote(
            id="q1", type="indirect", content=span_of(text, start, start + len("الهدنة ستبدأ غدا")),
            cue=Cue(span_of(text, 0, 4), "قال", "say"),
            speaker=Speaker(span_of(text, 5, 19), "وزير الخارجية", None, "person", "explicit"),
        )
        meta = {k: v for k, v in record.items() if k not in ("text", "quotes")}
        return DocumentResult(doc_id=record.get("doc_id"), meta=meta, quotes=(q,))


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(max_bytes=5_000_000))


@pytest.fixture(scope="module")
def fake() -> TestClient:
    return TestClient(create_app(FakeExtractor(), max_bytes=2_000))


def _expected(line: dict[str, Any], extractor: Any = None) -> str:
    return dumps(to_json((extractor or Extractor()).extract_record(line))) + "\n"


def _lines() -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = [
        {"text": TEXT},
        {"text": TEXT, "doc_id": "a-1", "published": "2019-08-30", "publisher": "BBC Arabic", "url": "https://x.example"},
        {"text": ""},
    ]
    if SEED.is_file():
        seed = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
        lines.append({k: v for k, v in seed.items() if k != "quotes"})
    return lines


@pytest.mark.parametrize("line", _lines(), ids=lambda d: str(d.get("doc_id") or len(d["text"])))
def test_extract_returns_the_cli_output_line(client: TestClient, line: dict[str, Any]) -> None:
    response = client.post("/extract", json=line)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert response.text == _expected(line)
    validate(response.json(), "output")


def test_extract_passes_records_through_unchanged(fake: TestClient) -> None:
    line = {"text": TEXT, "doc_id": "x", "published": "2019-08-30"}
    body = fake.post("/extract", json=line).json()
    assert body == to_json(FakeExtractor().extract_record(line))
    assert body["quotes"][0]["content"]["text"] == "الهدنة ستبدأ غدا"


@pytest.mark.parametrize(
    "body,where",
    [
        (b"{not json", "not JSON"),
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[1, 2]", "JSON object"),
        (b'"text"', "JSON object"),
        (b'{"doc_id": "x"}', "'text'"),
        (b'{"text": 5}', "'text'"),
        (b'{"text": "x", "published": "30/08/2019"}', "published"),
    ],
)
def test_bad_input_is_a_400_json_error_line(client: TestClient, body: bytes, where: str) -> None:
    response = client.post("/extract", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    data = response.json()
    assert data["error"]["type"] == "InputError"
    assert where in data["error"]["message"]
    assert data["quotes"] == [] and data["speakers"] == []
    assert "traceback" not in data["error"] and "Traceback" not in response.text
    validate(data, "output")


def test_a_request_over_the_byte_limit_is_413(fake: TestClient) -> None:
    response = fake.post("/extract", json={"text": "ا" * 2_000})
    assert response.status_code == 413
    assert response.json()["error"]["type"] == "DocumentTooLarge"
    assert "2,000 bytes" in response.json()["error"]["message"]


def test_a_request_just_under_the_byte_limit_is_served(fake: TestClient) -> None:
    line = {"text": TEXT + " " * 100}
    assert len(json.dumps(line).encode()) < 2_000
    assert fake.post("/extract", json=line).status_code == 200


def test_a_document_over_max_chars_is_413() -> None:
    small = TestClient(create_app(Extractor(max_chars=20)))
    response = small.post("/extract", json={"text": TEXT})
    assert response.status_code == 413
    assert response.json()["error"]["type"] == "DocumentTooLarge"


def test_an_internal_error_is_500_without_its_traceback() -> None:
    broken = FakeExtractor(ErrorInfo("InternalError", "KeyError: 'x'", "Traceback (most recent call last): ..."))
    response = TestClient(create_app(broken)).post("/extract", json={"text": TEXT})
    assert response.status_code == 500
    assert response.json()["error"] == {"type": "InternalError", "message": "KeyError: 'x'"}
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    "method,path,status",
    [
        ("get", "/extract", 405),
        ("get", "/nowhere", 404),
        ("get", "/schema/nothing", 404),
        ("get", "/schema/..%2Fsetup", 404),
        ("post", "/export/xml", 404),
        ("get", "/static/../app.py", 404),
    ],
)
def test_routing_errors_are_json_and_never_422(fake: TestClient, method: str, path: str, status: int) -> None:
    response = getattr(fake, method)(path)
    assert response.status_code == status
    assert response.json()["error"]["type"] in ("NotFound", "MethodNotAllowed", "UnknownFormat")


def test_form_data_is_400_not_422(fake: TestClient) -> None:
    response = fake.post("/extract", data={"text": "x"})
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "InputError"


def test_the_review_page(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert '<html lang="ar" dir="rtl">' in html
    for needle in ('id="text"', 'id="published"', 'id="publisher"', 'id="extract"', 'id="legend"',
                   'id="dl-jsonl"', 'id="dl-csv"', 'id="dl-claimreview"'):
        assert needle in html
    assert "http://" not in html and "https://" not in html  # no CDN, no external font
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp


@pytest.mark.parametrize("name", ["app.js", "app.css"])
def test_static_files_are_local_only(client: TestClient, name: str) -> None:
    response = client.get(f"/static/{name}")
    assert response.status_code == 200
    assert "http://" not in response.text and "https://" not in response.text
    if name == "app.css":
        assert '"Noto Naskh Arabic", "Amiri", "Segoe UI", Tahoma, sans-serif' in response.text


def test_schema_route_serves_package_schemas(client: TestClient) -> None:
    for name in ("claimreview", "output.schema.json", "quote.schema"):
        response = client.get(f"/schema/{name}")
        assert response.status_code == 200
        assert response.json()["$schema"].startswith("https://json-schema.org/")


def test_export_claimreview_lines_validate(fake: TestClient) -> None:
    response = fake.post("/export/claimreview", json={"text": TEXT, "published": "2019-08-30"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/ld+json")
    lines = response.text.splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    validate(obj, "claimreview")
    assert obj["claimReviewed"] == "الهدنة ستبدأ غدا"
    assert obj["itemReviewed"]["datePublished"] == "2019-08-30"


def test_export_csv_has_a_header_and_one_row(fake: TestClient) -> None:
    response = fake.post("/export/csv", json={"text": TEXT})
    assert response.status_code == 200
    rows = response.text.splitlines()
    assert rows[0].startswith("doc_id,quote_id,type,")
    assert len(rows) == 2 and "الهدنة ستبدأ غدا" in rows[1]


def test_export_of_bad_input_is_the_same_json_error(fake: TestClient) -> None:
    response = fake.post("/export/csv", content=b"{", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "InputError"


def test_nothing_is_kept_between_requests(fake: TestClient) -> None:
    first = fake.post("/extract", json={"text": TEXT, "doc_id": "one"}).json()
    second = fake.post("/extract", json={"text": TEXT}).json()
    assert first["doc_id"] == "one" and second["doc_id"] is None
    assert "cache-control" in fake.get("/").headers
