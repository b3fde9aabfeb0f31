"""The SQLite store: records in, rows out; many documents per transaction.

Public API (the CLI and the inbox watcher call these):

- :func:`open_db` — open or create a database, bring its schema up to date.
- :class:`StoreWriter` — the single writer: files' records (or failures) stored
  in input order, a batch of files per transaction; what ``ingest``,
  ``reindex`` and a cluster's writer use.
- :func:`ingest_file` — one file → one document (skipping unchanged files and
  duplicate content), or one row in ``errors``, in its own transaction (the
  inbox watcher commits each file before it moves it).
- :func:`ingest_paths` — files and folders, read on every core (or on a Dask
  cluster, :mod:`vanban.cluster`) under the per-file limits, with progress on
  a terminal.
- :func:`store_record` — write an already-extracted record.
- :func:`stored_document` — the document already stored with these bytes.
- :func:`set_document_path`, :func:`record_error`, :func:`clear_errors` — where
  a file is, once the inbox watcher has moved it (or could not).
- :func:`status` — counts for ``vanban status``.

A document is identified by the SHA-256 of its bytes. Its row, its citations,
duties and recipients, and its search-index entries are written in one
transaction (its batch's), so a process killed mid-write leaves the previous
state intact.
schemas/tables.md documents the tables.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from vanban import tracker
from vanban.errors import ReadError
from vanban.extractors import agencies
from vanban.extractors.deadlines import due_date, recurrence_months
from vanban.identity import file_sha256
from vanban.intake import has_invalid_name, iter_files, pending_files, refusal, repaired
from vanban.migrations import agency_row, citation_group_key, document_label, issued_year, migrate, warnings_column
from vanban.pipeline.document import TextDocument
from vanban.pipeline.normalize import fold_diacritics, search_key
from vanban.record import DocumentInfo, Duty, Record
from vanban.resolve import resolve_citations, symbol_key
from vanban.values import agency_locality, recurrence
from vanban.version import EXTRACTOR_VERSION
from vanban.workers import Limits

if TYPE_CHECKING:
    from vanban.batch import Outcome


@dataclass
class IngestOutcome:
    """What happened to one file."""

    status: str  # "ingested" | "unchanged" | "duplicate" | "failed"
    document_id: int | None = None
    reason: str | None = None
    error_id: int | None = None  # the row in ``errors`` when it failed


@dataclass
class IngestReport:
    """What happened to a batch of files."""

    ingested: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def open_db(db_path: str | os.PathLike) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``db_path``: WAL, foreign keys on, schema migrated."""
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA busy_timeout = 10000")  # the watcher, an ingest and Datasette share the file
    db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    migrate(db)
    return db


# ---------------------------------------------------------------- writing records


def _agency_id(db: sqlite_utils.Database, name: str, canonical_name: str, info: DocumentInfo) -> int:
    """The agencies row for an agency, created on first sight.

    An agency is its canonical name plus its locality: "Sở Nội vụ" in a Lạng
    Sơn document and in a Lâm Đồng document are two agencies. A local body
    named without its locality takes the document's (``vanban.values.agency_locality``).
    """
    return agency_row(db, name, canonical_name, agency_locality(canonical_name, info))


def link_duty_agencies(db: sqlite_utils.Database, duty_id: int, duty: Duty, agency_id: int, info: DocumentInfo) -> None:
    """One ``duty_agencies`` row for each agency the duty's agency list names, head titles folded to their
    body: "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ" → Văn phòng UBND tỉnh, Sở Nội vụ. A duty of one
    agency is linked to its own agencies row (``agency_id``)."""
    members = agencies.members(duty.agency)
    if members == [duty.agency]:
        links = [(duty.agency, agency_id)]
    else:
        locality = agencies.document_locality(info)
        links = [(m, _agency_id(db, m, agencies.canonical(m, locality), info)) for m in members]
    for position, (member, member_id) in enumerate(links):
        db.execute(
            "INSERT INTO duty_agencies (duty_id, agency_id, position, name, name_key) VALUES (?, ?, ?, ?, ?)",
            [duty_id, member_id, position, member, search_key(member)],
        )


def _document_row(record: Record, text: str) -> dict:
    info, source = record.document, record.source
    return {
        "sha256": source.sha256,
        "path": source.path,
        "format": source.format,
        "pages": source.pages,
        "size": source.size,
        "doc_type": info.doc_type,
        "symbol": info.symbol,
        "symbol_key": symbol_key(info.symbol),
        "number": info.number,
        "year": info.year,
        "type_code": info.type_code,
        "issuer_code": info.issuer_code,
        "issuer": info.issuer,
        "parent_issuer": info.parent_issuer,
        "place": info.place,
        "issued_date": info.issued_date,
        "issued_year": issued_year(info.issued_date),
        "label": document_label(info.symbol, info.doc_type, info.subject, source.path),
        "subject": info.subject,
        "urgency": info.urgency,
        "confidentiality": info.confidentiality,
        "signer_name": info.signer.name,
        "signer_title": info.signer.title,
        "signer_authority": info.signer.authority,
        "ocr": int(bool(source.ocr)),
        "ocr_confidence": source.ocr_confidence,
        "extractor_version": record.extractor_version or EXTRACTOR_VERSION,
        "ingested_at": _now(),
        "text": text,
        "record": json.dumps(record.to_dict(), ensure_ascii=False),
        "warnings": warnings_column(source.warnings, source.ocr_confidence),
    }


@contextlib.contextmanager
def _transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """A transaction of its own, or the one already open (a writer's batch) without a savepoint: a savepoint
    makes each FTS5 index write its pending terms out, which costs more than the rows themselves."""
    if db.conn.in_transaction:
        yield
    else:
        with db.atomic():
            yield


@dataclass
class Resolution:
    """Citations to link once documents are written: those the documents make, and those of their symbols.

    Linking after a whole batch gives the links that linking after each
    document gives: a citation's link depends only on the documents stored
    when it is last resolved, and each document stored after it with its
    symbol has it resolved again.
    """

    documents: list[int] = field(default_factory=list)  # ids of the documents written
    symbols: set[str] = field(default_factory=set)  # their symbol keys, old and new

    def resolve(self, db: sqlite_utils.Database) -> None:
        """Link the citations of the documents written and re-link every citation of their symbols."""
        resolve_citations(db, self.documents, self.symbols)
        self.documents.clear()
        self.symbols.clear()


def store_record(
    db: sqlite_utils.Database,
    record: Record,
    text_doc: TextDocument | str | None = None,
    resolution: Resolution | None = None,
) -> int:
    """Write one record (document, citations, duties, recipients, search entries) in one transaction.

    A document with the same content hash (a re-extraction) is replaced in
    place and keeps its id, so citations linked to it stay linked. Documents
    are identified by content only: a changed file at a known path is a new
    document. Its citations are linked at once, or, given a ``resolution``,
    when the caller resolves it (a :class:`StoreWriter` batch). Returns the id.
    """
    text = text_doc.text if isinstance(text_doc, TextDocument) else (text_doc or "")
    row = _document_row(record, text)
    with _transaction(db):
        existing = db.execute("SELECT id, symbol_key FROM documents WHERE sha256 = ?", [row["sha256"]]).fetchone()
        old_key = existing[1] if existing else None
        linked_before: list[int] = []
        if existing:
            document_id = existing[0]
            linked_before = tracker.forget_duties(db, document_id)
            for table, column in (
                ("citations", "citing_document_id"),
                ("duties", "document_id"),
                ("recipients", "document_id"),
            ):
                if table == "duties":
                    db.execute(
                        "DELETE FROM duty_agencies WHERE duty_id IN (SELECT id FROM duties WHERE document_id = ?)",
                        [document_id],
                    )
                    db.execute(
                        "DELETE FROM duties_folded_fts WHERE rowid IN (SELECT id FROM duties WHERE document_id = ?)",
                        [document_id],
                    )
                    db.execute(
                        "INSERT INTO duties_fts (duties_fts, rowid, task) "
                        "SELECT 'delete', id, task FROM duties WHERE document_id = ?",
                        [document_id],
                    )
                db.execute(f"DELETE FROM {table} WHERE {column} = ?", [document_id])
            db.execute("DELETE FROM documents_folded_fts WHERE rowid = ?", [document_id])
            db.execute(
                "INSERT INTO documents_fts (documents_fts, rowid, subject, text) "
                "SELECT 'delete', id, subject, text FROM documents WHERE id = ?",
                [document_id],
            )
            db.execute(f"UPDATE documents SET {' = ?, '.join(row)} = ? WHERE id = ?", [*row.values(), document_id])
        else:
            marks = ", ".join("?" for _ in row)
            document_id = db.execute(
                f"INSERT INTO documents ({', '.join(row)}) VALUES ({marks})", [*row.values()]
            ).lastrowid
        db.execute(
            "INSERT INTO documents_fts (rowid, subject, text) VALUES (?, ?, ?)", [document_id, row["subject"], text]
        )
        db.execute(
            "INSERT INTO documents_folded_fts (rowid, subject, text) VALUES (?, ?, ?)",
            [document_id, fold_diacritics(row["subject"] or ""), fold_diacritics(text)],
        )
        for position, citation in enumerate(record.citations):
            db.execute(
                "INSERT INTO citations (citing_document_id, position, doc_type, symbol, symbol_key, number, year, "
                "issued_date, issuer, title, role, mentions, spans, relation, cited_key) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    document_id,
                    position,
                    citation.doc_type,
                    citation.symbol,
                    symbol_key(citation.symbol),
                    citation.number,
                    citation.year,
                    citation.issued_date,
                    citation.issuer,
                    citation.title,
                    citation.role,
                    citation.mentions,
                    json.dumps(citation.spans),
                    citation.relation,
                    citation_group_key(symbol_key(citation.symbol), citation.doc_type, citation.title),
                ],
            )
        for position, duty in enumerate(record.duties):
            span = list(duty.span) if duty.span else None
            last_day = due_date(duty.deadline, record.document.issued_date, duty.recurrence)
            agency_id = _agency_id(db, duty.agency, duty.canonical_agency or duty.agency, record.document)
            duty_id = db.execute(
                "INSERT INTO duties (document_id, agency_id, position, agency, agency_key, role, task, deadline, "
                "deadline_date, due_date, recurrence, recurrence_months, span, span_start, span_end) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    document_id,
                    agency_id,
                    position,
                    duty.agency,
                    search_key(duty.agency),
                    duty.role,
                    duty.task,
                    duty.deadline,
                    last_day,
                    last_day or record.document.issued_date,
                    recurrence(duty.recurrence),
                    recurrence_months(duty.recurrence),
                    json.dumps(span) if span else None,
                    span[0] if span else None,
                    span[1] if span else None,
                ],
            ).lastrowid
            db.execute("INSERT INTO duties_fts (rowid, task) VALUES (?, ?)", [duty_id, duty.task])
            db.execute(
                "INSERT INTO duties_folded_fts (rowid, task) VALUES (?, ?)", [duty_id, fold_diacritics(duty.task)]
            )
            link_duty_agencies(db, duty_id, duty, agency_id, record.document)
        for position, name in enumerate(record.recipients):
            db.execute(
                "INSERT INTO recipients (document_id, position, name) VALUES (?, ?, ?)", [document_id, position, name]
            )
        links = Resolution() if resolution is None else resolution
        links.documents.append(document_id)
        links.symbols.update({old_key, row["symbol_key"]} - {None})
        if resolution is None:
            links.resolve(db)
        tracker.answer_document(db, document_id)  # its duties are new rows: matched with whoever cites it
        tracker.answer_citations(db, [(document_id, cited) for cited in linked_before])
    return document_id


# ---------------------------------------------------------------- ingesting files


def _log_file(
    db: sqlite_utils.Database, path: str, sha256: str | None, status: str, document_id: int | None, message: str | None
) -> None:
    db.execute(
        "INSERT INTO files (path, sha256, status, document_id, time, message) VALUES (?, ?, ?, ?, ?, ?)",
        [path, sha256, status, document_id, _now(), message],
    )


def _fail(db: sqlite_utils.Database, path: str, sha256: str | None, reason: str) -> IngestOutcome:
    path = repaired(path)  # a name with bytes that are not UTF-8 is stored as it shows
    with _transaction(db):
        error_id = db.execute(
            "INSERT INTO errors (path, sha256, reason, extractor_version, time) VALUES (?, ?, ?, ?, ?)",
            [path, sha256, reason, EXTRACTOR_VERSION, _now()],
        ).lastrowid
        _log_file(db, path, sha256, "failed", None, reason)
    return IngestOutcome("failed", None, reason, error_id)


def record_error(
    db: sqlite_utils.Database, path: str | os.PathLike, reason: str, *, sha256: str | None = None
) -> IngestOutcome:
    """Log a file read elsewhere (a watcher's worker) that could not be read: a row in ``errors``."""
    return _fail(db, str(path), sha256, reason)


@dataclass(frozen=True)
class StoredDocument:
    """The document already stored with a file's bytes."""

    id: int
    path: str
    extractor_version: str | None

    @property
    def current(self) -> bool:
        """Extracted by this version of the extractors: nothing to redo."""
        return self.extractor_version == EXTRACTOR_VERSION


def stored_document(db: sqlite_utils.Database | sqlite3.Connection, sha256: str) -> StoredDocument | None:
    """The document whose bytes have this SHA-256, or None (any connection: the watcher's workers read only)."""
    row = db.execute("SELECT id, path, extractor_version FROM documents WHERE sha256 = ?", [sha256]).fetchone()
    return StoredDocument(*row) if row else None


def set_document_path(db: sqlite_utils.Database, document_id: int, path: str | os.PathLike) -> None:
    """Record where a stored document's file now is (its row, its record's ``source.path``, its label)."""
    path = str(path)
    with db.atomic():
        symbol, doc_type, subject = db.execute(
            "SELECT symbol, doc_type, subject FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        db.execute(
            "UPDATE documents SET path = ?, record = json_set(record, '$.source.path', ?), label = ? WHERE id = ?",
            [path, path, document_label(symbol, doc_type, subject, path), document_id],
        )


def set_error_path(db: sqlite_utils.Database, error_id: int, path: str | os.PathLike, reason: str) -> None:
    """Record where a failed file now is, and why (it could not be moved where the row first said)."""
    with db.atomic():
        db.execute("UPDATE errors SET path = ?, reason = ? WHERE id = ?", [repaired(str(path)), reason, error_id])


def clear_errors(db: sqlite_utils.Database, path: str | os.PathLike) -> None:
    """Forget the errors logged for a file at ``path``: it has left that place since (the log in ``files`` stays)."""
    with db.atomic():
        db.execute("DELETE FROM errors WHERE path = ?", [repaired(str(path))])


# ---------------------------------------------------------------- the writer

BATCH_FILES = 256  # files written in one transaction …
BATCH_SECONDS = 1.0  # … or fewer, once the first of them has waited this long


@dataclass
class _Queued:
    """One file's result, waiting for its batch's transaction: its record, or why it failed, or neither when
    its content is stored already."""

    path: str
    sha256: str | None
    record: Record | None = None
    text: str = ""
    error: str | None = None


def _extracted(path: str, sha256: str) -> tuple[Record | None, str, str | None]:
    """(record, text, None) of a file read in this process, or (None, "", reason) when it cannot be read."""
    from vanban.extraction import extract_file  # the extractors load only when a file is read here

    try:
        record, text_doc = extract_file(path, sha256=sha256)
    except ReadError as exc:
        return None, "", exc.reason
    except Exception as exc:  # an extractor bug must not stop a batch: the file is logged as failed
        return None, "", f"extraction failed: {type(exc).__name__}: {exc}"
    return record, text_doc.text, None


class StoreWriter:
    """The single writer of a database: files' results stored in the order given, many files per transaction.

    :meth:`add` queues one file — its extracted record, why it failed, or
    neither when its content is expected stored already — and returns the
    (path, outcome) of the files it committed: a batch is written when it holds
    ``batch`` files or its first file has waited ``seconds``; :meth:`flush`
    writes the rest (leaving the ``with`` block flushes too). A batch is one
    transaction: all of it is stored, or (an exception) none of it and it stays
    queued. Each file follows :func:`ingest_file`'s rules, which is a writer of
    one: unchanged content and extractor are skipped, the same bytes from
    another path are a duplicate, a file that cannot be read is a row in
    ``errors``. Citations are linked once per batch (:class:`Resolution`).
    """

    def __init__(self, db: sqlite_utils.Database, batch: int = BATCH_FILES, seconds: float = BATCH_SECONDS):
        self.db, self.batch, self.seconds = db, max(1, batch), seconds
        self._queue: list[_Queued] = []
        self._queued_current: set[str] = set()  # hashes of queued records by this extractor version
        self._since = 0.0  # when the first queued file was queued

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.flush()

    def add(
        self,
        path: str | os.PathLike,
        *,
        sha256: str | None = None,
        record: Record | None = None,
        text_doc: TextDocument | str | None = None,
        error: str | None = None,
    ) -> list[tuple[str, IngestOutcome]]:
        """Queue one file (see the class); return the files committed by this call, in order."""
        if not self._queue:
            self._since = time.monotonic()
        item = self._checked(str(path), sha256, record, text_doc, error)
        self._queue.append(item)
        if item.record is not None and item.error is None and item.record.extractor_version == EXTRACTOR_VERSION:
            self._queued_current.add(item.sha256)
        if len(self._queue) >= self.batch or time.monotonic() - self._since >= self.seconds:
            return self.flush()
        return []

    def flush(self) -> list[tuple[str, IngestOutcome]]:
        """Write every queued file in one transaction; return their (path, outcome), in order."""
        if not self._queue:
            return []
        resolution = Resolution()
        with self.db.atomic():
            done = [(item.path, self._write(item, resolution)) for item in self._queue]
            resolution.resolve(self.db)
        self._queue.clear()
        self._queued_current.clear()
        return done

    def _checked(
        self,
        path: str,
        sha256: str | None,
        record: Record | None,
        text_doc: TextDocument | str | None,
        error: str | None,
    ) -> _Queued:
        """What is known of a file before the transaction: a bad name or an unreadable file fails, a file whose
        content is not stored by this extractor (nor queued) is read here when no record came with it."""
        if error is not None:
            return _Queued(path, sha256, error=error)
        if has_invalid_name(path):
            return _Queued(path, sha256, error=refusal(path) or "invalid file name")
        if record is not None:
            sha256 = sha256 or record.source.sha256
        if sha256 is None:
            reason = refusal(path, follow_symlinks=True)  # a FIFO would block the hashing below
            if reason is not None:
                return _Queued(path, None, error=reason)
            try:
                sha256 = file_sha256(path)
            except OSError as exc:
                return _Queued(path, None, error=f"cannot open: {exc.strerror or exc}")
        if record is None:
            stored = stored_document(self.db, sha256)
            if not (stored and stored.current) and sha256 not in self._queued_current:
                record, text, error = _extracted(path, sha256)
                return _Queued(path, sha256, record, text, error)
        text = text_doc.text if isinstance(text_doc, TextDocument) else (text_doc or "")
        return _Queued(path, sha256, record, text)

    def _write(self, item: _Queued, resolution: Resolution) -> IngestOutcome:
        """Store one queued file inside the batch's transaction."""
        if item.error is not None:
            return _fail(self.db, item.path, item.sha256, item.error)
        stored = stored_document(self.db, item.sha256)
        if stored and stored.current and (item.record is None or stored.path != item.path):
            if stored.path == item.path:
                return IngestOutcome("unchanged", stored.id)
            _log_file(self.db, item.path, item.sha256, "duplicate", stored.id, f"same content as {stored.path}")
            return IngestOutcome("duplicate", stored.id, f"same content as {stored.path}")
        record, text = item.record, item.text
        if record is None:  # queued as stored, but that copy was not stored after all: read it now
            record, text, error = _extracted(item.path, item.sha256)
            if error is not None:
                return _fail(self.db, item.path, item.sha256, error)
        if stored:
            record.source.path = stored.path  # re-extraction of a known document keeps its first path
        document_id = store_record(self.db, record, text, resolution)
        _log_file(self.db, item.path, item.sha256, "ingested", document_id, None)
        return IngestOutcome("ingested", document_id)


def ingest_file(
    db: sqlite_utils.Database,
    path: str | os.PathLike,
    *,
    sha256: str | None = None,
    record: Record | None = None,
    text_doc: TextDocument | None = None,
) -> IngestOutcome:
    """Ingest one file in its own transaction: skip it when its content and the extractor are unchanged, else
    extract and store.

    Same bytes already stored from another path → ``duplicate`` (logged, not
    stored twice). A file that cannot be read → a row in ``errors`` and status
    ``failed``; nothing raises for a bad file. Pass ``record`` and ``text_doc``
    when the extraction was done elsewhere (a worker process). Many files at
    once go faster through a :class:`StoreWriter`, which stores the same rows.
    """
    writer = StoreWriter(db, batch=1)
    [(_, outcome)] = writer.add(path, sha256=sha256, record=record, text_doc=text_doc)
    return outcome


class Progress:
    """Progress on stderr, shared by ``ingest`` and ``reindex``: a bar redrawn at most ten times a second on a
    terminal, else (a log, a pipe, a service) one line every :attr:`every` files and one at the end."""

    def __init__(self, label: str, total: int, enabled: bool, every: int = 50):
        self.label, self.total, self.enabled, self.every = label, total, enabled, every
        self.tty = enabled and sys.stderr.isatty()
        self.done, self.shown, self.start = 0, 0.0, time.monotonic()

    def step(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        rate = self.done / max(now - self.start, 1e-9)
        if self.tty and (now - self.shown > 0.1 or self.done == self.total):
            self.shown = now
            width = 30
            filled = width * self.done // max(self.total, 1)
            sys.stderr.write(
                f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {rate:,.1f}/s "
            )
            sys.stderr.flush()
        elif not self.tty and (self.done % self.every == 0 or self.done == self.total):
            sys.stderr.write(f"{self.label}: {self.done}/{self.total} files ({rate:,.1f}/s)\n")
            sys.stderr.flush()

    def close(self) -> None:
        if self.tty:
            sys.stderr.write("\n")


def extract_outcomes(
    paths: list[str] | dict[str, str],
    workers: int | None,
    *,
    limits: Limits | None,
    hashes: dict[str, str],
    cluster: str | None,
    ship_bytes: bool = False,
    ocr_cache: str | None = None,
) -> Iterator[Outcome]:
    """The files' outcomes with their text, in input order: read by this machine's workers, or on ``cluster``."""
    if cluster is None:
        from vanban.batch import default_workers, extract_many

        return extract_many(paths, workers=workers or default_workers(), keep_text=True, limits=limits, hashes=hashes)
    from vanban.cluster import extract_many_on

    return extract_many_on(
        cluster, paths, keep_text=True, limits=limits, hashes=hashes, ship_bytes=ship_bytes, ocr_cache=ocr_cache
    )


def _count(report: IngestReport, path: Path | str, outcome: IngestOutcome) -> None:
    if outcome.status == "ingested":
        report.ingested += 1
    elif outcome.status == "unchanged":
        report.unchanged += 1
    elif outcome.status == "duplicate":
        report.duplicates += 1
    else:
        report.failed.append((str(path), outcome.reason or "failed"))


def ingest_paths(
    paths: list[str | os.PathLike],
    db_path: str | os.PathLike,
    progress: bool = True,
    workers: int | None = None,
    *,
    limits: Limits | None = None,
    follow_symlinks: bool = False,
    cluster: str | None = None,
    ship_bytes: bool = False,
    ocr_cache: str | None = None,
) -> IngestReport:
    """Ingest files and folders into the database at ``db_path``, extracting on every core (``workers``), or on
    a Dask cluster (``cluster``: ``local:N`` or ``tcp://HOST:8786``, see :mod:`vanban.cluster`).

    Files whose content is already stored with the current extractor are
    logged (unchanged or duplicate) without being read; the others are
    extracted in worker processes, each file under ``limits``, and written in
    order by a :class:`StoreWriter`, many files per transaction. A link, a FIFO, a socket or a device is refused
    unread; a link is read only with ``follow_symlinks`` (then under its
    target's path). Progress goes to stderr (see :class:`Progress`). On a
    cluster the workers read the files at the same paths (shared storage) or
    get their bytes (``ship_bytes``), and cache OCR results in ``ocr_cache``.
    """

    db = open_db(db_path)
    files = iter_files(paths, follow_symlinks)
    bar = Progress("ingest", len(files), progress)
    report = IngestReport()
    writer = StoreWriter(db)

    def count(done: list[tuple[str, IngestOutcome]]) -> None:
        for path, outcome in done:
            _count(report, path, outcome)
            bar.step()

    try:
        current = dict(db.execute("SELECT sha256, extractor_version FROM documents").fetchall())
        todo: dict[str, str] = {}  # path → sha256, to extract
        queued: set[str] = set()  # their hashes
        later: list[tuple[str, str | None]] = []  # stored already, or the same content as a file in todo
        for file in files:
            path = str(file)
            reason = refusal(path, follow_symlinks, hint=True)
            if reason is not None:  # never opened, not even to hash it (a FIFO would block)
                count(writer.add(path, error=reason))
                continue
            if follow_symlinks and file.is_symlink():
                path = os.path.realpath(path)
            try:
                sha = file_sha256(path)
            except OSError:
                later.append((path, None))  # ingest_file names the reason
                continue
            if current.get(sha) == EXTRACTOR_VERSION or sha in queued:
                later.append((path, sha))
            else:
                todo[path] = sha
                queued.add(sha)
        outcomes = extract_outcomes(
            todo, workers, limits=limits, hashes=todo, cluster=cluster, ship_bytes=ship_bytes, ocr_cache=ocr_cache
        )
        with contextlib.closing(outcomes):
            for outcome in outcomes:
                sha = todo[outcome.path]
                count(
                    writer.add(
                        outcome.path, sha256=sha, record=outcome.record, text_doc=outcome.text, error=outcome.error
                    )
                )
        for path, sha in later:
            count(writer.add(path, sha256=sha))
        count(writer.flush())
        bar.close()
    finally:
        db.close()
    return report


def status(db_path: str | os.PathLike, inbox: str | os.PathLike | None = None) -> dict:
    """Counts for ``vanban status``: documents, citations, duties, errors, today's work, the inbox backlog."""
    db = open_db(db_path)
    try:

        def count(sql: str) -> int:
            return db.execute(sql).fetchone()[0]

        today = "date(time, 'localtime') = date('now', 'localtime')"
        counts = {
            "documents": count("SELECT count(*) FROM documents"),
            "citations": count("SELECT count(*) FROM citations"),
            "citations_resolved": count("SELECT count(*) FROM citations WHERE cited_document_id IS NOT NULL"),
            "duties": count("SELECT count(*) FROM duties"),
            "errors": count("SELECT count(*) FROM errors"),
            "ingested_today": count(f"SELECT count(*) FROM files WHERE status = 'ingested' AND {today}"),
            "failed_today": count(f"SELECT count(*) FROM files WHERE status = 'failed' AND {today}"),
        }
    finally:
        db.close()
    if inbox is not None:
        counts["pending"] = len(pending_files(inbox))  # the watcher's own rules: temp files are not pending
    return counts
