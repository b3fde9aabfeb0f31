"""Extractors: text in, dataclasses out. One module per field family.

:data:`EXTRACTOR_VERSION` names the code that produced a record: the release
plus a digest of the readers, the extractors and their data tables. Any change
to them gives a new version, so ``vanban reindex`` re-extracts exactly the
files whose records could differ, and nobody has to remember to bump it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from vanban import __version__

_HERE = Path(__file__).resolve().parent
_PIPELINE = _HERE.parent / "pipeline"


def _code_digest() -> str:
    digest = hashlib.sha256()
    files = [*_HERE.glob("*.py"), *(_HERE / "data").glob("*.json"), *_PIPELINE.glob("*.py")]
    for path in sorted(files, key=lambda p: (p.parent.name, p.name)):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


EXTRACTOR_VERSION = f"{__version__}+{_code_digest()}"
