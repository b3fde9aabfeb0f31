"""Which code produced a record: :data:`EXTRACTOR_VERSION`.

A record depends on the readers (``vanban.pipeline``), the extractors and their
knowledge tables (``vanban.extractors``, ``extractors/data``) and the module that
assembles them into a record (``vanban.extraction``). The version is the release
plus a digest of those files, so any change to them gives a new version and
``vanban reindex`` re-extracts exactly the files whose records could differ,
without anybody having to remember to bump a number. The store, the batch
writers and ``reindex`` compare it with the version stored beside each document.
"""

from __future__ import annotations

import hashlib
from importlib.util import find_spec
from pathlib import Path

from vanban import __version__

# The packages whose code and data make a record, and the patterns of their files that count.
RECORD_PACKAGES = ("vanban.pipeline", "vanban.extractors")
RECORD_FILES = ("*.py", "*.json")
RECORD_MODULES = ("extraction.py", "record.py")  # in the vanban package itself


def _package_dir(name: str) -> Path:
    """Where a package's files are, without importing it (an editable checkout maps them from the repository)."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"{name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def record_code_files() -> list[tuple[str, Path]]:
    """(name, path) of every file a record depends on, in a fixed order; the name is package-relative."""
    files = []
    for package in RECORD_PACKAGES:
        root = _package_dir(package)
        for pattern in RECORD_FILES:
            files += [(f"{package}/{p.relative_to(root).as_posix()}", p) for p in root.rglob(pattern)]
    here = Path(__file__).resolve().parent
    files += [(f"vanban/{name}", here / name) for name in RECORD_MODULES]
    return sorted(files)


def digest(files: list[tuple[str, Path]]) -> str:
    """The first ten hex digits of a SHA-256 over each file's name and bytes, in the order given."""
    sha = hashlib.sha256()
    for name, path in files:
        sha.update(name.encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()[:10]


EXTRACTOR_VERSION = f"{__version__}+{digest(record_code_files())}"
