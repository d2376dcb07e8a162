"""Shared fixtures: paths to the shared corpus beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# No timing-based failures: these machines are shared and noisy; speed is
# measured by the benchmarks in bench/, never by tests.
settings.register_profile("quotes", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("quotes")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_file(*parts: str) -> Path:
    """A file of ../shared, or a skip (a failure under CI, where ../shared must be there)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing; CI runs with ../shared beside the clone")
        pytest.skip(f"{path} not found")
    return path


@pytest.fixture(scope="session")
def seed_article() -> str:
    """The founding article's text (../shared/corpus/seed/idlib.txt)."""
    return shared_file("corpus", "seed", "idlib.txt").read_text(encoding="utf-8")
