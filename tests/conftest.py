"""Shared fixtures: where ../shared is, and a skip when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VANBAN_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present")
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
