"""``python -m quotes`` runs the same command line as ``quotes``."""

from quotes.cli import main

raise SystemExit(main())
