"""``python -m quotes`` runs the same command line as ``quotes``."""

from quotes.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
