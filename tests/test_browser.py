"""The review page end to end in headless Chromium (Debian's chromium + chromedriver).

Install what this needs with ``bash .ci/browser-deps``.  Without Chromium the
tests skip locally and fail in CI (``CI`` set, as conftest's shared files do).  Nothing is downloaded at
test time: Selenium is given the driver and browser paths and runs offline.
The founding-article test saves a screenshot of the page in a temporary
directory; ``QUOTES_SCREENSHOT=docs/review-page.png`` refreshes the README's.
"""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("QUOTES_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("QUOTES_CHROMEDRIVER", "/usr/bin/chromedriver")
TIMEOUT = 60


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; run `bash .ci/browser-deps` in CI before the tests")
    pytest.skip(f"{reason} (run `bash .ci/browser-deps`)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Server:
    """uvicorn serving an app on a free 127.0.0.1 port in a thread."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = _free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> _Server:
        self.thread.start()
        deadline = time.monotonic() + TIMEOUT
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def post(self, path: str, line: Mapping[str, Any]) -> str:
        request = urllib.request.Request(
            self.url + path, data=json.dumps(line).encode("utf-8"),
            headers={"Content-Type": "application/json"}, method="POST",
        )
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return str(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory, downloads: Path) -> Iterator[Any]:
    if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
        _unavailable(f"Chromium ({CHROMIUM}) or chromedriver ({CHROMEDRIVER}) is not installed")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download anything
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-extensions", "--lang=ar", "--window-size=1400,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
        "safebrowsing.enabled": False,
    })
    browser = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    browser.set_window_size(1400, 1000)
    try:
        yield browser
    finally:
        browser.quit()


def _wait(predicate: Callable[[], Any], what: str, timeout: float = TIMEOUT) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _extract_in_page(driver: Any, url: str, text: str, published: str | None = None) -> None:
    driver.get(url + "/")
    # Paste: set the textarea as a paste would, then fire the input event.
    driver.execute_script(
        "const t = document.getElementById('text'); t.value = arguments[0];"
        "t.dispatchEvent(new Event('input', {bubbles: true}));"
        "document.getElementById('published').value = arguments[1] || '';",
        text, published,
    )
    driver.find_element("id", "extract").click()
    state = _wait(lambda: driver.find_element("id", "status").get_attribute("data-state") in ("done", "error")
                  and driver.find_element("id", "status").get_attribute("data-state"), "the extraction")
    assert state == "done", driver.find_element("id", "status").text


# What the page shows, read back from the DOM: per record, the text of the
# segments carrying each of its roles, and the set of records with content.
_READ_HIGHLIGHTS = """
const out = {contentIds: [], roles: {}, doc: document.getElementById('doc').textContent};
const ids = new Set();
for (const node of document.querySelectorAll('#doc [data-q]'))
  for (const id of node.dataset.q.split(' ')) ids.add(Number(id));
out.contentIds = [...ids].sort((a, b) => a - b);
for (const node of document.querySelectorAll('#doc .hl'))
  for (const tag of node.dataset.of.split(' ')) out.roles[tag] = (out.roles[tag] || '') + node.textContent;
return out;
"""


def _check_highlights(driver: Any, text: str, quotes: list[dict[str, Any]]) -> None:
    seen = driver.execute_script(_READ_HIGHLIGHTS)
    assert seen["doc"] == text
    assert seen["contentIds"] == list(range(len(quotes)))  # one content highlight per record
    for i, q in enumerate(quotes):
        assert seen["roles"][f"content:{i}"] == q["content"]["text"]
        for role in ("cue", "speaker", "outlet", "date"):
            span = q.get(role)
            if span and span.get("start") is not None:
                assert seen["roles"][f"{role}:{i}"] == span["text"]


def _groups(driver: Any) -> list[str]:
    return [g.get_attribute("data-speaker") for g in driver.find_elements("css selector", "#groups section.group")]


def _speaker_names(quotes: list[dict[str, Any]]) -> list[str]:
    names: list[str] = []
    for q in quotes:
        name = (q.get("speaker") or {}).get("name") or ""
        if name not in names:
            names.append(name)
    return names


def _download(driver: Any, downloads: Path, button: str, suffix: str) -> str:
    for old in downloads.iterdir():
        old.unlink()
    driver.find_element("id", button).click()

    def done() -> Path | None:
        files = [p for p in downloads.iterdir() if p.name.endswith(suffix)]
        return files[0] if files and not any(p.suffix == ".crdownload" for p in downloads.iterdir()) else None

    path = _wait(done, f"the {suffix} download")
    return str(path.read_text(encoding="utf-8"))


def _details(driver: Any) -> dict[str, str]:
    dts = driver.find_elements("css selector", "#details-list dt")
    dds = driver.find_elements("css selector", "#details-list dd")
    return {dt.text: dd.text for dt, dd in zip(dts, dds)}


def test_the_founding_article_end_to_end(driver: Any, downloads: Path, seed_article: str, tmp_path: Path) -> None:
    screenshot = Path(os.environ.get("QUOTES_SCREENSHOT") or tmp_path / "review-page.png").resolve()
    from quotes.schemas import validate
    from quotes.serve import create_app

    text = seed_article.replace("\r\n", "\n")  # as a textarea holds it
    line = {"text": text, "published": "2019-08-30"}
    with _Server(create_app()) as server:
        api = json.loads(server.post("/extract", line))
        quotes = api["quotes"]
        assert quotes, "the extractor found no attribution in the founding article"
        _extract_in_page(driver, server.url, text, "2019-08-30")
        assert driver.find_element("id", "status").get_attribute("data-count") == str(len(quotes))
        _check_highlights(driver, text, quotes)
        assert _groups(driver) == _speaker_names(quotes)

        # A click on a list item shows that record.
        k = max(range(len(quotes)), key=lambda i: (
            bool(quotes[i].get("speaker") and quotes[i].get("cue")),
            sum(h["value"] for h in quotes[i]["checkworthy"].values()), -i))
        driver.find_element("css selector", f'#groups button[data-r="{k}"]').click()
        assert driver.find_element("id", "details").get_attribute("data-record") == quotes[k]["id"]
        details = _details(driver)
        assert details["المحتوى"] == quotes[k]["content"]["text"]
        assert quotes[k]["speaker"]["name"] in details["المتحدث"]
        assert quotes[k]["cue"]["text"] in details["فعل القول"]
        hints = driver.find_elements("css selector", "#hints li")
        assert [h.get_attribute("data-hint") for h in hints] == list(quotes[k]["checkworthy"])
        selected = driver.find_elements("css selector", "#doc .hl.selected")
        assert selected and all(f":{k}" in s.get_attribute("data-of") for s in selected)

        # A click on a highlight shows the record it belongs to.
        span = driver.find_elements("css selector", "#doc .hl.primary-content")[-1]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", span)
        span.click()
        r = int(span.get_attribute("data-r"))
        assert driver.find_element("id", "details").get_attribute("data-record") == quotes[r]["id"]
        driver.find_element("css selector", f'#groups button[data-r="{k}"]').click()
        driver.execute_script("window.scrollTo(0, 0);")
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        driver.set_window_size(1400, 1500)
        assert driver.save_screenshot(str(screenshot))
        driver.set_window_size(1400, 1000)

        jsonl = _download(driver, downloads, "dl-jsonl", ".jsonl")
        assert [json.loads(x) for x in jsonl.splitlines()] == [api]
        assert jsonl == server.post("/extract", line)  # byte for byte the API's line
        reviews = [json.loads(x) for x in _download(driver, downloads, "dl-claimreview", ".claimreview.jsonl").splitlines()]
        assert [r["claimReviewed"] for r in reviews] == [q["content"]["text"] for q in quotes]
        for review in reviews:
            validate(review, "claimreview")
        rows = list(csv.reader(io.StringIO(_download(driver, downloads, "dl-csv", ".csv"))))
        assert rows[0][:3] == ["doc_id", "quote_id", "type"] and len(rows) == len(quotes) + 1
    assert screenshot.stat().st_size > 10_000


class _NestedExtractor:
    """Two records, the second inside the first's content (an attribution inside a report)."""

    TEXT = "قال المتحدث إن الوزير أعلن أن الهدنة ستبدأ غدا. انتهى."

    def extract_record(self, record: Mapping[str, Any]) -> Any:
        from quotes.records import Cue, DocumentResult, Quote, Speaker, span_of

        t = record["text"]

        def span(s: str) -> Any:
            i = t.index(s)
            return span_of(t, i, i + len(s))

        outer = Quote(id="q1", type="indirect", content=span("الوزير أعلن أن الهدنة ستبدأ غدا"),
                      cue=Cue(span("قال"), "قال", "say"),
                      speaker=Speaker(span("المتحدث"), "المتحدث", None, "person", "explicit"))
        inner = Quote(id="q2", type="indirect", content=span("الهدنة ستبدأ غدا"),
                      cue=Cue(span("أعلن"), "أعلن", "announce"),
                      speaker=Speaker(span("الوزير"), "الوزير", None, "person", "explicit"))
        return DocumentResult(quotes=(outer, inner))


def test_nested_attributions_are_both_highlighted(driver: Any) -> None:
    from quotes.serve import create_app

    text = _NestedExtractor.TEXT
    with _Server(create_app(_NestedExtractor())) as server:
        quotes = json.loads(server.post("/extract", {"text": text}))["quotes"]
        _extract_in_page(driver, server.url, text)
        _check_highlights(driver, text, quotes)
        assert _groups(driver) == ["المتحدث", "الوزير"]
        # The inner cue sits inside the outer content: it shows the inner record.
        cue = driver.execute_script(
            "return [...document.querySelectorAll('#doc .hl')].find(n => n.dataset.of.includes('cue:1'));")
        assert "content" in cue.get_attribute("class") and "cue" in cue.get_attribute("class")
        cue.click()
        assert driver.find_element("id", "details").get_attribute("data-record") == "q2"


def test_an_error_is_shown_not_rendered(driver: Any) -> None:
    from quotes.serve import create_app

    with _Server(create_app(_NestedExtractor(), max_bytes=200)) as server:
        driver.get(server.url + "/")
        driver.execute_script("document.getElementById('text').value = 'ا'.repeat(500);")
        driver.find_element("id", "extract").click()
        status = _wait(lambda: driver.find_element("id", "status").get_attribute("data-state") == "error"
                       and driver.find_element("id", "status"), "the error")
        assert "DocumentTooLarge" in status.text
        assert driver.find_element("id", "results").get_attribute("hidden") is not None


def test_no_request_leaves_the_machine(driver: Any) -> None:
    # Every resource the page loaded came from the test server itself.
    from quotes.serve import create_app

    with _Server(create_app(_NestedExtractor())) as server:
        _extract_in_page(driver, server.url, _NestedExtractor.TEXT)
        urls = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name);")
        assert urls and all(u.startswith(server.url + "/") for u in urls), urls
