"""A document's identity: the SHA-256 of its file's bytes.

The store keys documents by it (the same bytes at two paths are one document),
``reindex`` compares it with the stored one, and the record carries it as
``source.sha256``. Kept apart from the extractors so that hashing a file never
loads them.
"""

from __future__ import annotations

import hashlib
import os

BLOCK = 1 << 20  # bytes read at a time: a large scan is hashed without holding it in memory


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of a file's bytes, as 64 hex digits."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()
