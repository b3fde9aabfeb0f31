"""Extraction over many files on every core, each file under a time and memory limit, results in input order.

Files are read by :class:`vanban.workers.WorkerPool` workers: a file that hangs
or swells fails with its reason once it passes its limit, and the files after it
were read meanwhile by the other workers. A path that is not a regular file (a
symbolic link unless ``follow_symlinks``, a FIFO, a socket, a device) is refused
without being opened.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from vanban.errors import ReadError
from vanban.intake import refusal
from vanban.record import Record
from vanban.workers import Limits, WorkerPool

WARM = ("vanban.extraction",)  # what a worker imports before it says it is ready


@dataclass
class Outcome:
    path: str
    record: Record | None = None
    text: str | None = None
    error: str | None = None


def extract_one(path: str, keep_text: bool = False, sha256: str | None = None) -> Outcome:
    """Extract one file; a bad file becomes an Outcome with its reason, never an exception (runs in a worker)."""
    from vanban.extraction import extract_file

    try:
        record, doc = extract_file(path, sha256=sha256)
    except ReadError as exc:
        return Outcome(path, error=exc.reason)
    except Exception as exc:  # an extractor bug must not stop a batch: report it as this file's failure
        return Outcome(path, error=f"extraction failed: {type(exc).__name__}: {exc}")
    return Outcome(path, record=record, text=doc.text if keep_text else None)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def extract_many(
    paths: Iterable[str | os.PathLike],
    workers: int | None = None,
    keep_text: bool = False,
    chunk: int = 64,
    *,
    limits: Limits | None = None,
    follow_symlinks: bool = False,
    hashes: dict[str, str] | None = None,
) -> Iterator[Outcome]:
    """Yield an Outcome per path, in input order, reading the files in worker processes.

    At most ``chunk * workers`` files are in flight or waiting to be yielded, so
    memory stays flat however long the iterable is. ``hashes`` gives known
    SHA-256 digests by path, so workers do not hash those files again.
    """
    paths = iter(paths)
    workers = workers or default_workers()
    window = max(2, chunk * workers)
    results: dict[int, Outcome] = {}
    reading: dict[int, str] = {}  # submitted index → path, while a worker has it
    submitted = yielded = 0
    with WorkerPool(workers, limits, warm=WARM) as pool:
        while True:
            for path in islice(paths, window - (submitted - yielded)):
                path = os.fspath(path)
                reason = refusal(path, follow_symlinks, hint=True)
                if reason is not None:
                    results[submitted] = Outcome(path, error=reason)
                else:
                    reading[submitted] = path
                    pool.submit(submitted, extract_one, path, keep_text, (hashes or {}).get(path))
                submitted += 1
            while yielded in results:
                yield results.pop(yielded)
                yielded += 1
            if yielded == submitted:
                return
            for done in pool.wait():
                path = reading.pop(done.key)
                results[done.key] = done.value if done.error is None else Outcome(path, error=done.error)
