"""The database schema as numbered migrations.

Each migration runs once, in its own transaction, and is recorded in
``schema_migrations``; :func:`migrate` applies the ones a database lacks, so
an old database file is brought up to date when it is opened. A schema
change is a new function appended to :data:`MIGRATIONS`, never an edit of
an applied one. schemas/tables.md documents the resulting tables.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

import sqlite_utils

from vanban.pipeline.normalize import search_key
from vanban.vietnamese import warning_kinds

# FTS5 tokenizer for the exact-text indexes: Vietnamese tone marks matter
# ("bàn" is not "ban"), so diacritics are kept.
EXACT_TOKENIZER = "unicode61 remove_diacritics 0"
# The folded indexes hold text already passed through fold_diacritics; the
# tokenizer folds whatever marks remain (other Latin letters) as well.
FOLDED_TOKENIZER = "unicode61 remove_diacritics 2"

_CORE_TABLES = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    format TEXT,
    pages INTEGER,
    size INTEGER,
    doc_type TEXT,
    symbol TEXT,
    symbol_key TEXT,
    number TEXT,
    year INTEGER,
    type_code TEXT,
    issuer_code TEXT,
    issuer TEXT,
    parent_issuer TEXT,
    place TEXT,
    issued_date TEXT,
    subject TEXT,
    urgency TEXT,
    confidentiality TEXT,
    signer_name TEXT,
    signer_title TEXT,
    signer_authority TEXT,
    ocr INTEGER NOT NULL DEFAULT 0,
    ocr_confidence REAL,
    extractor_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    record TEXT NOT NULL
);
CREATE INDEX idx_documents_symbol_key ON documents(symbol_key);
CREATE INDEX idx_documents_path ON documents(path);

CREATE TABLE agencies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    canonical_name TEXT NOT NULL,
    locality TEXT
);
CREATE UNIQUE INDEX idx_agencies_identity ON agencies(canonical_name, coalesce(locality, ''));

CREATE TABLE citations (
    id INTEGER PRIMARY KEY,
    citing_document_id INTEGER NOT NULL REFERENCES documents(id),
    cited_document_id INTEGER REFERENCES documents(id),
    position INTEGER NOT NULL,
    doc_type TEXT,
    symbol TEXT,
    symbol_key TEXT,
    number TEXT,
    year INTEGER,
    issued_date TEXT,
    issuer TEXT,
    title TEXT,
    role TEXT,
    mentions INTEGER,
    spans TEXT,
    relation TEXT
);
CREATE INDEX idx_citations_citing_document_id ON citations(citing_document_id);
CREATE INDEX idx_citations_cited_document_id ON citations(cited_document_id);
CREATE INDEX idx_citations_symbol_key ON citations(symbol_key);

CREATE TABLE duties (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    agency_id INTEGER REFERENCES agencies(id),
    position INTEGER NOT NULL,
    agency TEXT NOT NULL,
    role TEXT,
    task TEXT NOT NULL,
    deadline TEXT,
    deadline_date TEXT,
    recurrence TEXT,
    span TEXT,
    span_start INTEGER,
    span_end INTEGER
);
CREATE INDEX idx_duties_document_id ON duties(document_id);
CREATE INDEX idx_duties_agency_id ON duties(agency_id);
CREATE INDEX idx_duties_deadline_date ON duties(deadline_date);

CREATE TABLE recipients (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL
);
CREATE INDEX idx_recipients_document_id ON recipients(document_id);

CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT,
    status TEXT NOT NULL,
    document_id INTEGER REFERENCES documents(id),
    time TEXT NOT NULL,
    message TEXT
);
CREATE INDEX idx_files_document_id ON files(document_id);
CREATE INDEX idx_files_time ON files(time);

CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT,
    reason TEXT NOT NULL,
    extractor_version TEXT,
    time TEXT NOT NULL
);
CREATE INDEX idx_errors_time ON errors(time);
"""


def _create_core_tables(db: sqlite_utils.Database) -> None:
    for statement in _CORE_TABLES.split(";"):
        if statement.strip():
            db.execute(statement)


def _create_search_indexes(db: sqlite_utils.Database) -> None:
    """Exact FTS kept in step by triggers; folded FTS kept in step by the store."""
    db["documents"].enable_fts(["subject", "text"], create_triggers=True, tokenize=EXACT_TOKENIZER)
    db["duties"].enable_fts(["task"], create_triggers=True, tokenize=EXACT_TOKENIZER)
    # rowid = documents.id / duties.id; the columns hold fold_diacritics() of the originals.
    db.execute(f"CREATE VIRTUAL TABLE documents_folded_fts USING fts5(subject, text, tokenize='{FOLDED_TOKENIZER}')")
    db.execute(f"CREATE VIRTUAL TABLE duties_folded_fts USING fts5(task, tokenize='{FOLDED_TOKENIZER}')")


def _add_browse_columns(db: sqlite_utils.Database) -> None:
    """``label`` names a document where a foreign key points at it; ``issued_year`` is a facet."""
    db.execute("ALTER TABLE documents ADD COLUMN label TEXT")
    db.execute("ALTER TABLE documents ADD COLUMN issued_year INTEGER")
    db.execute("CREATE INDEX idx_documents_issued_year ON documents(issued_year)")
    rows = db.execute("SELECT id, symbol, doc_type, subject, path, issued_date FROM documents").fetchall()
    for doc_id, symbol, doc_type, subject, path, issued_date in rows:
        db.execute(
            "UPDATE documents SET label = ?, issued_year = ? WHERE id = ?",
            [document_label(symbol, doc_type, subject, path), issued_year(issued_date), doc_id],
        )


def document_label(symbol: str | None, doc_type: str | None, subject: str | None, path: str) -> str:
    """A short name for a document: its symbol, else its type and subject, else its file name."""
    if symbol:
        return symbol
    words = " ".join(x for x in (doc_type, subject) if x)
    if words:
        return words if len(words) <= 80 else words[:79] + "…"
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def issued_year(issued_date: str | None) -> int | None:
    return int(issued_date[:4]) if issued_date and issued_date[:4].isdigit() else None


def _add_file_stats(db: sqlite_utils.Database) -> None:
    """The reindex stat cache: a file whose size and mtime are unchanged is not hashed again."""
    db.execute(
        "CREATE TABLE file_stats (path TEXT PRIMARY KEY, size INTEGER NOT NULL, "
        "mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL)"
    )


def citation_group_key(symbol_key: str | None, doc_type: str | None, title: str | None) -> str:
    """What makes two unresolved citations the same cited document: its symbol, else its type and name."""
    return symbol_key or search_key(f"{doc_type or ''} {title or ''}") or ""


def fill_search_keys(db: sqlite_utils.Database) -> None:
    """Fill the ``*_key`` columns where they are null (rows written by a bulk loader or before migration 5)."""
    conn = db.conn
    conn.create_function("vanban_key", 1, search_key, deterministic=True)
    conn.create_function("vanban_citation_key", 3, citation_group_key, deterministic=True)
    conn.execute("UPDATE duties SET agency_key = vanban_key(agency) WHERE agency_key IS NULL")
    conn.execute(
        "UPDATE duties SET due_date = coalesce(deadline_date, "
        "(SELECT issued_date FROM documents WHERE documents.id = duties.document_id)) "
        "WHERE due_date IS NULL"
    )
    conn.execute(
        "UPDATE agencies SET name_key = vanban_key(canonical_name), "
        "full_key = vanban_key(canonical_name || ' ' || coalesce(locality, '')), "
        "locality_key = vanban_key(locality) WHERE name_key IS NULL"
    )
    conn.execute(
        "UPDATE citations SET cited_key = vanban_citation_key(symbol_key, doc_type, title) WHERE cited_key IS NULL"
    )


def _add_search_keys(db: sqlite_utils.Database) -> None:
    """Folded keys, indexed, so "duties of an agency" and "missing cited documents" use indexes, not a scan.

    ``duties.due_date`` is the deadline's last day, else the document's date: what date ranges filter on.
    """
    for table, column in (
        ("duties", "agency_key"),
        ("duties", "due_date"),
        ("agencies", "name_key"),
        ("agencies", "full_key"),
        ("agencies", "locality_key"),
        ("citations", "cited_key"),
    ):
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
    fill_search_keys(db)
    db.execute("CREATE INDEX idx_duties_agency_key ON duties(agency_key, due_date)")
    db.execute("CREATE INDEX idx_duties_agency_due ON duties(agency_id, due_date)")
    db.execute("CREATE INDEX idx_agencies_name_key ON agencies(name_key)")
    db.execute("CREATE INDEX idx_agencies_full_key ON agencies(full_key)")
    # Covers the "most-cited missing documents" aggregate: counts come from the index alone.
    db.execute(
        "CREATE INDEX idx_citations_unresolved "
        "ON citations(cited_document_id, cited_key, issued_date, citing_document_id, mentions)"
    )


def warnings_column(warnings: list[str], ocr_confidence: float | None) -> str | None:
    """The ``warnings`` column: a JSON list of the kinds of a record's warnings (None when there are none)."""
    kinds = warning_kinds(warnings, ocr_confidence)
    return json.dumps(kinds, ensure_ascii=False) if kinds else None


def _record_warnings(record_json: str | None) -> list[str]:
    try:
        warnings = (json.loads(record_json or "{}").get("source") or {}).get("warnings") or []
    except (ValueError, AttributeError):
        return []
    return [w for w in warnings if isinstance(w, str)]


def _add_warnings_column(db: sqlite_utils.Database) -> None:
    """``documents.warnings``: what an analyst should double-check (a number from the file name, a poor scan)."""
    db.execute("ALTER TABLE documents ADD COLUMN warnings TEXT")
    rows = db.execute("SELECT id, record, ocr_confidence FROM documents").fetchall()
    for doc_id, record_json, ocr_confidence in rows:
        db.execute(
            "UPDATE documents SET warnings = ? WHERE id = ?",
            [warnings_column(_record_warnings(record_json), ocr_confidence), doc_id],
        )


def agency_row(db: sqlite_utils.Database, name: str, canonical_name: str, locality: str | None) -> int:
    """The id of the agencies row for (canonical name, locality), added with its search keys when new."""
    row = db.execute(
        "SELECT id FROM agencies WHERE canonical_name = ? AND coalesce(locality, '') = ?",
        [canonical_name, locality or ""],
    ).fetchone()
    if row:
        return row[0]
    return db.execute(
        "INSERT INTO agencies (name, canonical_name, locality, name_key, full_key, locality_key) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            name,
            canonical_name,
            locality,
            search_key(canonical_name),
            search_key(f"{canonical_name} {locality or ''}"),
            search_key(locality),
        ],
    ).lastrowid


def _one_spelling(db: sqlite_utils.Database) -> None:
    """Localities and recurrences in one spelling (``vanban.values``): duties re-pointed, emptied agencies dropped."""
    from vanban.record import DocumentInfo
    from vanban.values import agency_locality, recurrence

    rows = db.execute(
        "SELECT du.id, du.agency, a.canonical_name, a.locality, du.recurrence, d.issuer, d.parent_issuer, d.place "
        "FROM duties du JOIN agencies a ON a.id = du.agency_id JOIN documents d ON d.id = du.document_id"
    ).fetchall()
    for duty_id, agency, canonical_name, locality, printed, issuer, parent_issuer, place in rows:
        info = DocumentInfo(issuer=issuer, parent_issuer=parent_issuer, place=place)
        wanted = agency_locality(canonical_name, info)
        if wanted != locality:
            db.execute(
                "UPDATE duties SET agency_id = ? WHERE id = ?",
                [agency_row(db, agency, canonical_name, wanted), duty_id],
            )
        if recurrence(printed) != printed:
            db.execute("UPDATE duties SET recurrence = ? WHERE id = ?", [recurrence(printed), duty_id])
    db.execute("DELETE FROM agencies WHERE id NOT IN (SELECT agency_id FROM duties WHERE agency_id IS NOT NULL)")


def _add_duty_agencies(db: sqlite_utils.Database) -> None:
    """``duty_agencies``: each duty linked to each agency its agency list names, head titles folded to their
    body (``Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ`` → Văn phòng UBND tỉnh, Sở Nội vụ), so the duties
    of Sở Nội vụ include those it shares. The store fills it; duties stored before it get their links when
    ``vanban reindex`` re-extracts them (the extractor version changed with it)."""
    db.execute(
        "CREATE TABLE duty_agencies (id INTEGER PRIMARY KEY, duty_id INTEGER NOT NULL REFERENCES duties(id), "
        "agency_id INTEGER NOT NULL REFERENCES agencies(id), position INTEGER NOT NULL, name TEXT NOT NULL, "
        "name_key TEXT)"
    )
    db.execute("CREATE INDEX idx_duty_agencies_duty_id ON duty_agencies(duty_id)")
    db.execute("CREATE INDEX idx_duty_agencies_agency_id ON duty_agencies(agency_id)")
    db.execute("CREATE INDEX idx_duty_agencies_name_key ON duty_agencies(name_key)")


def _search_indexes_written_by_the_store(db: sqlite_utils.Database) -> None:
    """The exact indexes (``documents_fts``, ``duties_fts``) are written by the store beside the folded ones, not
    by triggers: a trigger that writes an FTS5 table makes each row's statement open a savepoint, and FTS5 writes
    its pending terms out at every savepoint, which cost more than the rows themselves (the store wrote 1.5×
    fewer documents a second). The indexes' content is unchanged; a change of ``subject``, ``text`` or ``task``
    goes through ``vanban.store.store_record``."""
    for table in ("documents", "duties"):
        for suffix in ("ai", "ad", "au"):
            db.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")


# Today in Vietnam (UTC+7, no daylight saving): what "overdue" is judged against, each time the view is read.
TODAY = "date('now', '+7 hours')"

# The first deadline of a duty, its period in months, and whether it falls on a month's last day.
_FIRST, _MONTHS = "du.deadline_date", "du.recurrence_months"
_MONTH_END = f"({_FIRST} = date({_FIRST}, 'start of month', '+1 month', '-1 day'))"


def _occurrence(k: str) -> str:
    """SQL for a recurring duty's ``k``-th occurrence after the first: a first deadline on a month's last day
    recurs on the last day of the month (30/06 → 31/12), another day on the same day of the month (15/11 →
    15/11 the next year)."""
    return (
        f"CASE WHEN {_MONTH_END} THEN date({_FIRST}, 'start of month', '+' || (({k}) * {_MONTHS} + 1) || ' months', "
        f"'-1 day') ELSE date({_FIRST}, '+' || (({k}) * {_MONTHS}) || ' months') END"
    )


def _current_occurrence(today: str) -> str:
    """SQL for which occurrence of a recurring duty is the first on or after ``today``, in whole months: after
    ``m`` months from the first one's month, occurrence ⌈m / period⌉; in the month of an occurrence, that one
    unless its day has passed."""
    months = (
        f"((strftime('%Y', {today}) - strftime('%Y', {_FIRST})) * 12 + strftime('%m', {today}) - "
        f"strftime('%m', {_FIRST}))"
    )
    return (
        f"CASE WHEN {months} < 0 THEN 0 WHEN {months} % {_MONTHS} > 0 THEN {months} / {_MONTHS} + 1 "
        f"WHEN {_MONTH_END} OR strftime('%d', {_FIRST}) >= strftime('%d', {today}) THEN {months} / {_MONTHS} "
        f"ELSE {months} / {_MONTHS} + 1 END"
    )


def duty_status_sql(today: str = TODAY) -> str:
    """The SELECT of the view ``duty_status``: one row per duty and agency it is given to, with its deadline as
    of ``today`` (an SQL date expression) and its status.

    A one-off duty is ``answered`` once a document answers it (``duty_responses``), else ``overdue`` after its
    deadline, else ``open`` (also when its deadline names no date). A recurring duty (``recurrence_months``) is
    due at its first occurrence on or after today; it is ``answered`` when an answer is dated after the
    occurrence before that one, ``overdue`` when the occurrence before passed with no answer dated after the
    one before it, else ``open``.

    The two kinds of row (a member of ``duty_agencies``; a duty whose list names no member, under its own
    agency) are two branches of one compound, each computing everything, so a filter on the view's own columns
    (``agency_id``, ``agency_key``, ``document_id``) reaches both branches' indexes: filter by these, not by a
    subquery (``agency_id IN (SELECT …)`` reads every row).
    """
    recurring = f"coalesce({_MONTHS}, 0) > 0 AND {_FIRST} IS NOT NULL"
    k = _current_occurrence(today)
    deadline = f"CASE WHEN {recurring} THEN {_occurrence(k)} ELSE {_FIRST} END"
    previous = f"CASE WHEN {recurring} AND ({k}) >= 1 THEN {_occurrence(f'({k}) - 1')} END"
    earlier = f"CASE WHEN {recurring} AND ({k}) >= 2 THEN {_occurrence(f'({k}) - 2')} END"

    def branch(agency_id: str, position: str, source: str, where: str = "") -> str:
        of_this = f"FROM duty_responses r WHERE r.duty_id = du.id AND r.agency_id = {agency_id}"
        answers = f"(SELECT count(*) {of_this})"
        last = (
            "(SELECT max(coalesce(d.issued_date, substr(d.ingested_at, 1, 10))) FROM duty_responses r "
            f"JOIN documents d ON d.id = r.document_id WHERE r.duty_id = du.id AND r.agency_id = {agency_id})"
        )
        status = f"""CASE
           WHEN NOT ({recurring}) THEN CASE WHEN {answers} > 0 THEN 'answered'
                                            WHEN {_FIRST} < {today} THEN 'overdue' ELSE 'open' END
           WHEN {last} > coalesce({previous}, '') THEN 'answered'
           WHEN ({previous}) IS NOT NULL AND coalesce({last}, '') <= coalesce({earlier}, '') THEN 'overdue'
           ELSE 'open'
       END"""
        return f"""
SELECT du.id AS duty_id, du.document_id, {agency_id} AS agency_id, a.canonical_name AS agency,
       {position} AS agency_position, a.name_key AS agency_key, a.full_key AS agency_full_key, a.locality,
       du.agency AS assigned_to, du.role, du.task, doc.issuer AS assigned_by, doc.label AS document, doc.issued_date,
       du.deadline, du.recurrence, {deadline} AS deadline_date, {previous} AS previous_deadline,
       CAST(julianday({deadline}) - julianday({today}) AS INTEGER) AS days_left,
       {status} AS status, {answers} AS responses, {last} AS last_response_date
FROM {source}
JOIN agencies a ON a.id = {agency_id}
JOIN documents doc ON doc.id = du.document_id{where}"""

    members = branch("da.agency_id", "da.position", "duty_agencies da JOIN duties du ON du.id = da.duty_id")
    alone = branch(
        "du.agency_id", "0", "duties du", "\nWHERE NOT EXISTS (SELECT 1 FROM duty_agencies x WHERE x.duty_id = du.id)"
    )
    return f"{members}\nUNION ALL{alone}"


def _add_duty_tracker(db: sqlite_utils.Database) -> None:
    """The duty tracker (``vanban.tracker``): ``duties.recurrence_months``, deadlines read again by the
    ``due_date`` that counts working days and recurrences, ``duty_responses`` (the documents that answer a duty)
    filled from the citations already linked, and the view ``duty_status``."""
    from vanban.extractors.deadlines import due_date, recurrence_months
    from vanban.tracker import answer_document

    db.execute("ALTER TABLE duties ADD COLUMN recurrence_months INTEGER")
    rows = db.execute(
        "SELECT du.id, du.deadline, du.recurrence, d.issued_date FROM duties du JOIN documents d ON d.id = du.document_id"
    ).fetchall()
    for duty_id, deadline, recurrence, issued in rows:
        last_day = due_date(deadline, issued, recurrence)
        db.execute(
            "UPDATE duties SET deadline_date = ?, due_date = ?, recurrence_months = ? WHERE id = ?",
            [last_day, last_day or issued, recurrence_months(recurrence), duty_id],
        )
    db.execute(
        "CREATE TABLE duty_responses (id INTEGER PRIMARY KEY, duty_id INTEGER NOT NULL REFERENCES duties(id), "
        "agency_id INTEGER NOT NULL REFERENCES agencies(id), document_id INTEGER NOT NULL REFERENCES documents(id), "
        "match TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX idx_duty_responses_duty_id ON duty_responses(duty_id, agency_id)")
    db.execute("CREATE INDEX idx_duty_responses_agency_id ON duty_responses(agency_id)")
    db.execute("CREATE INDEX idx_duty_responses_document_id ON duty_responses(document_id)")
    db.execute(f"CREATE VIEW duty_status AS {duty_status_sql()}")
    for (document_id,) in db.execute(
        "SELECT DISTINCT du.document_id FROM duties du JOIN citations c ON c.cited_document_id = du.document_id"
    ).fetchall():
        answer_document(db, document_id)


# "Which cited documents are missing": a citation's group (its key, and its date when it has no year) and what is
# counted per group, all in the index, in group order — the table is not read (a third of the time).
UNRESOLVED_GROUP = "(case when year is null then issued_date end)"


def _query_indexes(db: sqlite_utils.Database) -> None:
    """Indexes that let the canned queries read little: ``missing_cited`` counts the unresolved citations group by group
    from ``idx_citations_unresolved`` (it read each row for its year, and sorted); ``agency_duties`` takes the
    duty links of an agency's name from ``idx_duty_agencies_name_key`` without reading ``duty_agencies``;
    ``search`` walks ``idx_documents_issued_date`` newest first and stops at the 200th match (it looked up and
    sorted every match: 45,000 of 100,000 documents for ``cai cach hanh chinh``).

    The view ``duty_status`` gains ``agency_position`` (the agency's place in the duty's list), so a duty's
    agencies are listed as its list names them whichever index the view is read through (it came in the
    order of the links' rows only while no index covered them)."""
    db.execute("DROP INDEX idx_citations_unresolved")
    db.execute(
        "CREATE INDEX idx_citations_unresolved ON citations(cited_document_id, cited_key, "
        f"{UNRESOLVED_GROUP}, citing_document_id, mentions, issued_date, year)"
    )
    db.execute("DROP INDEX idx_duty_agencies_name_key")
    db.execute("CREATE INDEX idx_duty_agencies_name_key ON duty_agencies(name_key, duty_id, agency_id)")
    db.execute("DROP INDEX idx_duty_agencies_agency_id")
    db.execute("CREATE INDEX idx_duty_agencies_agency_id ON duty_agencies(agency_id, duty_id)")
    db.execute("CREATE INDEX idx_documents_issued_date ON documents(issued_date)")
    db.execute("DROP VIEW duty_status")
    db.execute(f"CREATE VIEW duty_status AS {duty_status_sql()}")


MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("core tables", _create_core_tables),
    ("search indexes", _create_search_indexes),
    ("label and issued_year columns", _add_browse_columns),
    ("file stat cache for reindex", _add_file_stats),
    ("folded search keys for agencies and cited documents", _add_search_keys),
    ("warnings column on documents", _add_warnings_column),
    ("one spelling per locality and recurrence", _one_spelling),
    ("duty_agencies: each duty linked to each agency of its list", _add_duty_agencies),
    ("exact search indexes written by the store, not triggers", _search_indexes_written_by_the_store),
    ("duty tracker: recurrence_months, duty_responses, the view duty_status", _add_duty_tracker),
    ("indexes for missing_cited, agency_duties and search; duty_status.agency_position", _query_indexes),
]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply the migrations ``db`` lacks, each in one transaction; return their names."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    db.commit()
    applied = {row[0] for row in db.execute("SELECT id FROM schema_migrations").fetchall()}
    done = []
    for number, (name, apply) in enumerate(MIGRATIONS, start=1):
        if number in applied:
            continue
        # IMMEDIATE takes the write lock first, so two processes opening a new
        # database at once cannot both apply the same migration.
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("SELECT 1 FROM schema_migrations WHERE id = ?", [number]).fetchone() is None:
                apply(db)
                db.execute(
                    "INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)",
                    [number, name, datetime.now(UTC).isoformat(timespec="seconds")],
                )
                done.append(name)
        except BaseException:
            db.rollback()
            raise
        db.commit()
    return done
