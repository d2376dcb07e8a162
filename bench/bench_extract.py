"""Documents per second of the library API on the unlabeled corpus (median of 5 runs).

    python bench/bench_extract.py [DOCS.jsonl] [--backend rules|stanza] [--runs 5]

Prints one table row per backend: documents/s, characters/s and seconds per
document, each the median of the runs; the first run also warms the caches.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from quotes import Extractor

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "unlabeled" / "docs.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docs", nargs="?", default=str(DEFAULT))
    ap.add_argument("--backend", action="append", choices=["rules", "stanza"], default=None)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    a = ap.parse_args(argv)
    docs = [json.loads(line) for line in open(a.docs, encoding="utf-8") if line.strip()]
    if a.limit:
        docs = docs[: a.limit]
    chars = sum(len(d.get("text", "")) for d in docs)
    print(f"{len(docs)} documents, {chars:,} characters, {a.runs} runs")
    print(f"{'backend':8} {'docs/s':>9} {'kchars/s':>9} {'s/doc':>8} {'quotes':>7}")
    for backend in a.backend or ["rules"]:
        ex = Extractor(backend=backend)
        ex.extract_record(docs[0])  # load models and lexicons outside the timing
        times, n = [], 0
        for _ in range(a.runs):
            t0 = time.perf_counter()
            n = sum(len(ex.extract_record(d).quotes) for d in docs)
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        print(f"{backend:8} {len(docs) / med:9.1f} {chars / med / 1000:9.1f} {med / len(docs):8.4f} {n:7d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
