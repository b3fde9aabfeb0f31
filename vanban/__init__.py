"""vanban: Vietnamese official documents into a browsable, queryable database.

The flow: reader (``vanban.pipeline``) → plain text with page map, tables and
header region → extractors (``vanban.extractors``) → record
(``vanban.record``) → store (``vanban.store``) → Datasette.

The public API is the functions below, one per command of the ``vanban`` CLI,
which is a thin layer over them::

    import vanban

    doc = vanban.read("cv.pdf")                      # vanban text cv.pdf       (doc.text)
    record = vanban.extract_file("cv.pdf")           # vanban extract cv.pdf    (record.to_dict())
    record = vanban.extract("Số: 02/KH-UBND\\n…")    # a string, read as a .txt file's text is
    for outcome in vanban.extract_files(["a.pdf", "b.docx"]):  # vanban extract a.pdf b.docx
        ...
    html = vanban.highlight("cv.pdf")                # vanban highlight cv.pdf
    vanban.ingest("data/vanban.db", ["corpus"])      # vanban ingest corpus --db data/vanban.db
    vanban.reindex("data/vanban.db")                 # vanban reindex --db data/vanban.db
    vanban.ingest("data/vanban.db", ["corpus"], cluster="tcp://10.0.0.5:8786")  # … --cluster tcp://10.0.0.5:8786
    vanban.watch("inbox", "data/vanban.db")          # vanban watch inbox --db data/vanban.db
    vanban.status("data/vanban.db")                  # vanban status --db data/vanban.db
    vanban.serve("data/vanban.db", port=8001)        # vanban serve --db data/vanban.db

Importing vanban is cheap: each function imports what it needs when it is
called, so spaCy, underthesea and the PDF libraries load only when a file is
read or extracted. A file that cannot be read raises :class:`ReadError`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vanban.batch import Outcome
    from vanban.cluster import ClusterError
    from vanban.errors import ReadError
    from vanban.pipeline.document import TextDocument
    from vanban.record import Record
    from vanban.reindexing import ReindexReport
    from vanban.store import IngestReport
    from vanban.watcher import InboxError, WatchStats
    from vanban.workers import Limits

__version__ = "0.1.0"

__all__ = [
    "ClusterError",
    "InboxError",
    "IngestReport",
    "Limits",
    "Outcome",
    "ReadError",
    "Record",
    "ReindexReport",
    "TextDocument",
    "WatchStats",
    "extract",
    "extract_file",
    "extract_files",
    "highlight",
    "ingest",
    "read",
    "reindex",
    "serve",
    "status",
    "text_document",
    "watch",
]

# The types the functions take and return, imported on first use (``vanban.Record``).
_TYPES = {
    "ClusterError": "vanban.cluster",
    "InboxError": "vanban.watcher",
    "IngestReport": "vanban.store",
    "Limits": "vanban.workers",
    "Outcome": "vanban.batch",
    "ReadError": "vanban.errors",
    "Record": "vanban.record",
    "ReindexReport": "vanban.reindexing",
    "TextDocument": "vanban.pipeline.document",
    "WatchStats": "vanban.watcher",
}

# A file or folder as the functions take it, and one or many of them (a lone string is one path).
FilePath = str | os.PathLike[str]
FilePaths = FilePath | Iterable[FilePath]


def __getattr__(name: str) -> Any:
    module = _TYPES.get(name)
    if module is None:
        raise AttributeError(f"module 'vanban' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _path_list(paths: FilePaths) -> list[FilePath]:
    """One path or many, as a list (a lone string is one path, not its characters)."""
    if isinstance(paths, str | os.PathLike):
        return [paths]
    return list(paths)


# ---------------------------------------------------------------- reading and extracting


def read(path: FilePath) -> TextDocument:
    """Read a PDF, DOCX, DOC, HTML, TXT file or a scanned image into normalised text with its structure.

    ``doc.text`` is what ``vanban text`` prints, and every offset in a record indexes it.
    Raises :class:`ReadError` (with a reason a clerk can act on) for a file that cannot be read.
    """
    from vanban.pipeline.read import read as read_file

    return read_file(path)


def text_document(text: str) -> TextDocument:
    """A string as a document, read as the text of a .txt file is: header columns split, normalised (NFC)."""
    from vanban.pipeline.read import text_document as from_text

    return from_text(text)


def extract(text: str | TextDocument, *, path: FilePath | None = None) -> Record:
    """The record of a string (see :func:`text_document`) or of an already-read document.

    ``path`` only names the source in the record (``source.path``; a file name can
    confirm a number written by hand); nothing is opened.
    """
    from vanban.extraction import extract_text

    return extract_text(text, path)


def extract_file(path: FilePath) -> Record:
    """Read one file and extract its record (``vanban extract FILE`` prints ``record.to_dict()``).

    Runs in this process, without the time and memory limits of :func:`extract_files`.
    Raises :class:`ReadError` for a file that cannot be read.
    """
    from vanban.extraction import extract_file as extract_path

    return extract_path(path)[0]


def extract_files(
    paths: FilePaths, *, workers: int | None = None, limits: Limits | None = None, follow_symlinks: bool = False
) -> Iterator[Outcome]:
    """``vanban extract``: an :class:`Outcome` per file (its record, or why it failed), in the order given.

    Files are read in ``workers`` processes (default: every core), each under
    ``limits`` (time and memory; default 300 s and 2 GB). A symbolic link is read
    only with ``follow_symlinks``; a FIFO, a socket or a device never.
    """
    from vanban.batch import extract_many

    return extract_many(_path_list(paths), workers=workers, limits=limits, follow_symlinks=follow_symlinks)


def highlight(path: FilePath) -> str:
    """``vanban highlight``: an HTML page of the file's text with its citations and duties drawn by displaCy."""
    from vanban.annotate import render_html
    from vanban.extraction import extract_file as extract_path

    record, doc = extract_path(path)
    return render_html(doc.text, record.to_dict())


# ---------------------------------------------------------------- the database


def ingest(
    db: FilePath,
    paths: FilePaths,
    *,
    workers: int | None = None,
    limits: Limits | None = None,
    follow_symlinks: bool = False,
    progress: bool = False,
    cluster: str | None = None,
    ship_bytes: bool = False,
    ocr_cache: FilePath | None = None,
) -> IngestReport:
    """``vanban ingest``: extract files and folders into the SQLite database ``db`` (created if missing).

    Files already stored with the current extractors are skipped unread; the
    others are read in ``workers`` processes under ``limits``, or on a Dask
    ``cluster`` (``local:N`` or ``tcp://HOST:8786``): its workers read the files
    at the same paths, or get their bytes with ``ship_bytes``, and cache OCR in
    ``ocr_cache``. A file that cannot be read is a row in ``errors`` and an entry
    in ``report.failed``, never an exception. ``progress`` draws a bar on stderr.
    Raises :class:`ClusterError` when ``cluster`` cannot be used.
    """
    from vanban.store import ingest_paths

    return ingest_paths(
        _path_list(paths),
        db,
        progress,
        workers,
        limits=limits,
        follow_symlinks=follow_symlinks,
        cluster=cluster,
        ship_bytes=ship_bytes,
        ocr_cache=None if ocr_cache is None else os.fspath(ocr_cache),
    )


def reindex(
    db: FilePath,
    paths: FilePaths = (),
    *,
    workers: int | None = None,
    force: bool = False,
    progress: bool = False,
    cluster: str | None = None,
    ship_bytes: bool = False,
    ocr_cache: FilePath | None = None,
) -> ReindexReport:
    """``vanban reindex``: re-extract the stored files (and ``paths``) whose content or extractors changed.

    ``force`` re-extracts every file. Ids stay the same, so links survive.
    ``cluster``, ``ship_bytes`` and ``ocr_cache`` as for :func:`ingest`.
    """
    from vanban.reindexing import reindex_db
    from vanban.store import open_db

    database = open_db(db)
    try:
        return reindex_db(
            database,
            _path_list(paths),
            workers=workers,
            force=force,
            progress=progress,
            cluster=cluster,
            ship_bytes=ship_bytes,
            ocr_cache=None if ocr_cache is None else os.fspath(ocr_cache),
        )
    finally:
        database.close()


def watch(
    inbox: FilePath,
    db: FilePath,
    *,
    once: bool = False,
    poll: bool = False,
    settle: float = 2.0,
    rescan: float = 60.0,
    archive: FilePath | None = None,
    failed: FilePath | None = None,
    workers: int | None = None,
    limits: Limits | None = None,
) -> WatchStats:
    """``vanban watch``: ingest every file dropped into ``inbox``, then move it to ``archive`` or ``failed``.

    Runs until SIGTERM or SIGINT, or with ``once`` until the inbox is empty; prints a
    line per file for the clerks on stdout. Raises :class:`InboxError` when the inbox
    is missing or another watcher holds it.
    """
    from vanban.watcher import watch as watch_inbox

    return watch_inbox(
        inbox,
        db,
        poll=poll,
        settle=settle,
        rescan=rescan,
        once=once,
        archive=archive,
        failed=failed,
        workers=workers,
        limits=limits,
    )


def status(db: FilePath, inbox: FilePath | None = None) -> dict[str, int]:
    """``vanban status``: documents, citations, duties, errors, today's work, and the files pending in ``inbox``."""
    from vanban.store import status as counts

    return counts(db, inbox=inbox)


def serve(db: FilePath, *, host: str = "127.0.0.1", port: int = 8001) -> None:
    """``vanban serve``: publish ``db`` with Datasette at http://host:port/ until interrupted."""
    from vanban.publish import serve as publish

    publish(db, host=host, port=port)
