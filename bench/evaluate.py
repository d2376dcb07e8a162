"""Score the extractor on a gold file with the shared yardstick (``score.py``).

    python bench/evaluate.py [GOLD.jsonl ...] [--backend rules|stanza] [--show-errors N]

Runs ``quotes extract`` on the gold lines (their ``quotes`` field never
reaches the extractor: the CLI drops it), writes the predictions next to a
temporary copy, and prints ``score.py``'s figures for each gold file.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_GOLD = [SHARED / "corpus" / "seed" / "gold.jsonl", SHARED / "corpus" / "dev" / "gold.jsonl"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="*", default=[str(p) for p in DEFAULT_GOLD])
    ap.add_argument("--backend", default="rules")
    ap.add_argument("--stanza-dir", default=None, help="a stanza model directory (default: the bundled one)")
    ap.add_argument("--show-errors", default="0")
    ap.add_argument("--keep", metavar="DIR", help="keep the prediction files in DIR")
    a = ap.parse_args(argv)
    out_dir = Path(a.keep or tempfile.mkdtemp(prefix="quotes-eval-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    for gold in a.gold:
        pred = out_dir / (Path(gold).parent.name + ".pred.jsonl")
        subprocess.run(
            [sys.executable, "-m", "quotes", "extract", gold, "-o", str(pred), "--backend", a.backend]
            + (["--stanza-dir", a.stanza_dir] if a.stanza_dir else []),
            check=False,
        )
        print(f"== {gold} ({a.backend})", flush=True)
        subprocess.run(
            [sys.executable, str(SHARED / "tools" / "score.py"), gold, str(pred), "--show-errors", a.show_errors],
            check=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
