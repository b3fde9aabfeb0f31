"""Shared fixtures: where ../shared is, and a skip when it is absent (only then)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VANBAN_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared. The test is skipped when ../shared is absent, and fails when ../shared is there
    without this path: a document renamed or removed must not quietly stop being tested."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not present")
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"{path} is not in {SHARED}")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return shared_path()


@pytest.fixture(scope="session")
def realdocs() -> Path:
    return shared_path("realdocs")


@pytest.fixture(scope="session")
def seeds() -> Path:
    return shared_path("seeds")


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return shared_path("gold")
