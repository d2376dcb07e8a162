"""Throughput and memory of ``quotes extract`` as a program (median of 5 runs).

    python bench/bench_cli.py [DOCS.jsonl] [--jobs 1 2] [--runs 5] [--backend rules]

Each run is a fresh ``python -m quotes extract DOCS --jobs N -o /dev/null``,
so the times include interpreter start-up, imports and building the
Extractor (and its workers): what a newsroom pipeline pays per batch.
Prints, per ``--jobs``, the median documents/s and MB/s of input, and peak
memory two ways: the largest single process (``getrusage`` of the run's
process tree, exact) and the whole tree's summed RSS sampled from ``/proc``
every 10 ms (Linux only; can miss short peaks).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "unlabeled" / "docs.jsonl"

# Run the command as a child of a small wrapper so that RUSAGE_CHILDREN covers
# exactly one run (and the workers it waited for), not every earlier run too.
_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)\n"
)


def _tree_rss_kb(root: int) -> int:
    """Summed RSS (kB) of ``root`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run_once(docs: str, jobs: int, backend: str) -> tuple[float, int, int]:
    """Wall seconds, largest-process peak RSS (kB), sampled tree peak RSS (kB)."""
    cmd = [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "quotes", "extract", docs,
           "--jobs", str(jobs), "--backend", backend, "--no-progress", "-o", os.devnull]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    tree_peak = 0
    while proc.poll() is None:
        if sys.platform.startswith("linux"):
            tree_peak = max(tree_peak, _tree_rss_kb(proc.pid))
        time.sleep(0.01)
    wall = time.perf_counter() - t0
    out, err = proc.communicate()
    if proc.returncode not in (0, 1):  # 1: some documents failed, still a valid run
        raise SystemExit(f"quotes extract failed ({proc.returncode}): {err.decode(errors='replace')}")
    return wall, int(out.decode().split()[-1]), tree_peak


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docs", nargs="?", default=str(DEFAULT.resolve()))
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--backend", default="rules", choices=["rules", "stanza", "auto"])
    a = ap.parse_args(argv)
    if not os.path.isfile(a.docs):
        print(f"no corpus at {a.docs}", file=sys.stderr)
        return 2
    with open(a.docs, "rb") as f:
        n_docs = sum(1 for line in f if line.strip())
    mb = os.path.getsize(a.docs) / 1e6
    print(f"{a.docs}: {n_docs} documents, {mb:.2f} MB; median of {a.runs} runs, backend {a.backend}")
    print(f"{'jobs':>4} {'docs/s':>9} {'MB/s':>8} {'wall s':>8} {'max proc MB':>12} {'tree MB':>8}")
    for jobs in a.jobs:
        runs = [run_once(a.docs, jobs, a.backend) for _ in range(a.runs)]
        wall = statistics.median(r[0] for r in runs)
        proc_mb = max(r[1] for r in runs) / 1024
        tree_mb = max(r[2] for r in runs) / 1024
        print(f"{jobs:>4} {n_docs / wall:9.1f} {mb / wall:8.3f} {wall:8.2f} {proc_mb:12.1f} {tree_mb:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
