"""Re-extract a corpus after an extractor improves: every core (or a Dask cluster), only what changed.

A file is re-extracted when its content (SHA-256) or the extractor version
differs from what is stored. Hashing is skipped when a file's size and
modification time match the stat cache (``file_stats``), so a no-op reindex
costs one ``stat`` per file. Files stream through a process pool in chunks,
so memory stays flat whatever the corpus size; records are written by a
:class:`vanban.store.StoreWriter`, a batch of files per transaction, so
Datasette never sees half a record. On a cluster (``cluster``, see
:mod:`vanban.cluster`) the same files are chosen here, on the client, before
any is sent out; the workers only read them.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from vanban.identity import file_sha256
from vanban.store import Progress, StoreWriter, extract_outcomes, iter_files
from vanban.version import EXTRACTOR_VERSION


@dataclass
class ReindexReport:
    checked: int = 0
    unchanged: int = 0
    extracted: int = 0
    missing: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


def _stat_cache(db: sqlite_utils.Database) -> dict[str, tuple[int, int, str]]:
    return {
        path: (size, mtime_ns, sha)
        for path, size, mtime_ns, sha in db.execute("SELECT path, size, mtime_ns, sha256 FROM file_stats")
    }


def _changed_files(
    db: sqlite_utils.Database, files: list[Path], force: bool, report: ReindexReport
) -> Iterator[tuple[str, str]]:
    """(path, sha256) of the files that need extracting; the stat cache is refreshed as a side effect."""
    stats = _stat_cache(db)
    current = {sha: version for sha, version in db.execute("SELECT sha256, extractor_version FROM documents")}
    fresh: list[tuple[str, int, int, str]] = []
    for path in files:
        key = str(path)
        try:
            st = os.stat(key)
        except OSError:
            report.missing.append(key)
            continue
        cached = stats.get(key)
        if cached and cached[0] == st.st_size and cached[1] == st.st_mtime_ns:
            sha = cached[2]
        else:
            try:
                sha = file_sha256(key)
            except OSError as exc:
                report.failed.append((key, f"cannot open: {exc.strerror or exc}"))
                continue
            fresh.append((key, st.st_size, st.st_mtime_ns, sha))
        report.checked += 1
        if not force and current.get(sha) == EXTRACTOR_VERSION:
            report.unchanged += 1
            continue
        yield key, sha
    if fresh:
        with db.atomic():
            db.conn.executemany(
                "INSERT OR REPLACE INTO file_stats (path, size, mtime_ns, sha256) VALUES (?, ?, ?, ?)", fresh
            )


def reindex_db(
    db: sqlite_utils.Database,
    paths: list[str | os.PathLike] | None = None,
    *,
    workers: int | None = None,
    force: bool = False,
    progress: bool = True,
    cluster: str | None = None,
    ship_bytes: bool = False,
    ocr_cache: str | None = None,
) -> ReindexReport:
    """Re-extract the stored documents' files (and any ``paths``) whose content or extractor changed, on this
    machine's cores or on a Dask ``cluster`` (``local:N``, ``tcp://HOST:8786``)."""
    started = time.monotonic()
    report = ReindexReport()
    known = [Path(p) for (p,) in db.execute("SELECT path FROM documents ORDER BY id")]
    seen = {str(p) for p in known}
    files = known + [p for p in iter_files(list(paths or [])) if str(p) not in seen]
    todo = list(_changed_files(db, files, force, report))
    bar = Progress("reindex", len(todo), progress)
    hashes = dict(todo)
    outcomes = extract_outcomes(
        [path for path, _ in todo],
        workers,
        limits=None,
        hashes=hashes,
        cluster=cluster,
        ship_bytes=ship_bytes,
        ocr_cache=ocr_cache,
    )
    with StoreWriter(db) as writer, contextlib.closing(outcomes):
        for outcome in outcomes:
            if outcome.error is not None:
                report.failed.append((outcome.path, outcome.error))
            else:
                report.extracted += 1
            done = writer.add(
                outcome.path,
                sha256=hashes[outcome.path],
                record=outcome.record,
                text_doc=outcome.text,
                error=outcome.error,
            )
            for _ in done:
                bar.step()
        for _ in writer.flush():
            bar.step()
    bar.close()
    report.seconds = time.monotonic() - started
    return report
