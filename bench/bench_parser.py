"""Seconds per document of the parser backend, and what selective parsing saves.

    python bench/bench_parser.py [DOCS.jsonl] [--limit 20] [--runs 3] [--stanza-dir DIR]

Times, on the same documents, the rules alone, the stanza backend parsing
only the sentences that hold a cue (as it runs in ``quotes``), and the stanza
backend parsing every sentence; prints medians and the speed-up of selective
parsing over parsing everything.
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


def _median_seconds(ex: Extractor, docs: list[dict], runs: int) -> float:
    ex.extract_record(docs[0])  # load the model outside the timing
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for d in docs:
            ex.extract_record(d)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) / len(docs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docs", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--stanza-dir", default=None)
    a = ap.parse_args(argv)
    docs = [json.loads(line) for line in open(a.docs, encoding="utf-8") if line.strip()][: a.limit]
    rules = _median_seconds(Extractor(backend="rules"), docs, a.runs)
    selective = Extractor(backend="stanza", stanza_dir=a.stanza_dir)
    sel = _median_seconds(selective, docs, a.runs)
    everything = Extractor(backend="stanza", stanza_dir=a.stanza_dir)
    everything._engine.backend.selective = False
    full = _median_seconds(everything, docs, a.runs)
    print(f"{len(docs)} documents, median of {a.runs} runs, seconds per document")
    print(f"{'rules':28} {rules:8.3f}")
    print(f"{'stanza, cue sentences only':28} {sel:8.3f}")
    print(f"{'stanza, every sentence':28} {full:8.3f}")
    print(f"selective parsing speed-up: {full / sel:.2f}x; parser cost over rules: {sel / rules:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
