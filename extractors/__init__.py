"""Extractors: text in, dataclasses out. One module per field family.

Bump :data:`EXTRACTOR_VERSION` whenever an extractor's output may change:
``vanban reindex`` re-extracts every file whose stored version differs.
"""

EXTRACTOR_VERSION = "0.1.0"
