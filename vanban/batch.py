"""Extraction over many files on every core, results in input order.

Workers are forked after the extractors are imported, so each starts warm
(spaCy, underthesea and the compiled patterns are shared copy-on-write).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from vanban.errors import ReadError
from vanban.record import Record


@dataclass
class Outcome:
    path: str
    record: Record | None = None
    text: str | None = None
    error: str | None = None


def extract_one(path: str, keep_text: bool = False) -> Outcome:
    """Extract one file; a bad file becomes an Outcome with its reason, never an exception."""
    from vanban.extract import extract_file

    try:
        record, doc = extract_file(path)
    except ReadError as exc:
        return Outcome(path, error=exc.reason)
    except Exception as exc:  # an extractor bug must not stop a batch: report it as this file's failure
        return Outcome(path, error=f"extraction failed: {type(exc).__name__}: {exc}")
    return Outcome(path, record=record, text=doc.text if keep_text else None)


def _extract_with_text(path: str) -> Outcome:
    return extract_one(path, keep_text=True)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def extract_many(
    paths: Iterable[str], workers: int | None = None, keep_text: bool = False, chunk: int = 64
) -> Iterator[Outcome]:
    """Yield an Outcome per path, in order, using a process pool when there is more than one file.

    Paths are consumed ``chunk * workers`` at a time, so memory stays flat
    however long the iterable is.
    """
    import vanban.extract  # noqa: F401  (warm the imports before forking)

    paths = iter(paths)
    workers = workers or default_workers()
    func = _extract_with_text if keep_text else extract_one
    first = list(_take(paths, 2))
    if workers <= 1 or len(first) < 2:
        for path in first:
            yield func(path)
        for path in paths:
            yield func(path)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending = first
        while pending:
            pending += list(_take(paths, chunk * workers - len(pending)))
            yield from pool.map(func, pending, chunksize=max(1, min(8, len(pending) // (workers * 4) or 1)))
            pending = list(_take(paths, chunk * workers))


def _take(iterator: Iterator[str], n: int) -> Iterator[str]:
    for _ in range(max(0, n)):
        try:
            yield str(next(iterator))
        except StopIteration:
            return
