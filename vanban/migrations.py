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
from dataclasses import dataclass
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


def _status_parts(today: str, k: str | None = None) -> dict[str, str]:
    """SQL of a duty's deadline as of ``today``, the occurrence before it and the one before that (``du``: the
    duty's row of ``duties``; ``k``: its current occurrence when already computed), and whether it recurs."""
    recurring = f"coalesce({_MONTHS}, 0) > 0 AND {_FIRST} IS NOT NULL"
    k = k or _current_occurrence(today)
    return {
        "recurring": recurring,
        "deadline": f"CASE WHEN {recurring} THEN {_occurrence(k)} ELSE {_FIRST} END",
        "previous": f"CASE WHEN {recurring} AND ({k}) >= 1 THEN {_occurrence(f'({k}) - 1')} END",
        "earlier": f"CASE WHEN {recurring} AND ({k}) >= 2 THEN {_occurrence(f'({k}) - 2')} END",
    }


def _last_answer(agency_id: str) -> str:
    """SQL of the date of the latest document answering the duty ``du`` for the agency ``agency_id``."""
    return (
        "(SELECT max(coalesce(d.issued_date, substr(d.ingested_at, 1, 10))) FROM duty_responses r "
        f"JOIN documents d ON d.id = r.document_id WHERE r.duty_id = du.id AND r.agency_id = {agency_id})"
    )


def _recurring_status(parts: dict[str, str], last: str) -> str:
    """SQL of a recurring duty's status from its occurrences (``parts``) and its last answer's date ``last``."""
    previous, earlier = parts["previous"], parts["earlier"]
    return f"""CASE WHEN {last} > coalesce({previous}, '') THEN 'answered'
           WHEN ({previous}) IS NOT NULL AND coalesce({last}, '') <= coalesce({earlier}, '') THEN 'overdue'
           ELSE 'open' END"""


def _status_of(agency_id: str, today: str = TODAY) -> str:
    """SQL of the status as of ``today`` of the duty ``du`` given to the agency ``agency_id``."""
    parts = _status_parts(today)
    return f"""CASE
           WHEN NOT ({parts["recurring"]}) THEN CASE
               WHEN EXISTS (SELECT 1 FROM duty_responses r WHERE r.duty_id = du.id AND r.agency_id = {agency_id})
               THEN 'answered' WHEN {_FIRST} < {today} THEN 'overdue' ELSE 'open' END
           ELSE {_recurring_status(parts, _last_answer(agency_id))}
       END"""


def _status_columns(agency_id: str, position: str, today: str) -> str:
    """The columns of a row of ``duty_status`` for the duty ``du`` given to the agency ``agency_id`` at
    ``position`` of its list, ``a`` that agency's row and ``doc`` the assigning document's."""
    parts = _status_parts(today)
    deadline, previous = parts["deadline"], parts["previous"]
    answers = f"(SELECT count(*) FROM duty_responses r WHERE r.duty_id = du.id AND r.agency_id = {agency_id})"
    return f"""du.id AS duty_id, du.document_id, {agency_id} AS agency_id, a.canonical_name AS agency,
       {position} AS agency_position, a.name_key AS agency_key, a.full_key AS agency_full_key, a.locality,
       du.agency AS assigned_to, du.role, du.task, doc.issuer AS assigned_by, doc.label AS document, doc.issued_date,
       du.deadline, du.recurrence, {deadline} AS deadline_date, {previous} AS previous_deadline,
       CAST(julianday({deadline}) - julianday({today}) AS INTEGER) AS days_left,
       {_status_of(agency_id, today)} AS status, {answers} AS responses, {_last_answer(agency_id)} AS last_response_date"""


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
    members = f"""
SELECT {_status_columns("da.agency_id", "da.position", today)}
FROM duty_agencies da JOIN duties du ON du.id = da.duty_id
JOIN agencies a ON a.id = da.agency_id
JOIN documents doc ON doc.id = du.document_id"""
    alone = f"""
SELECT {_status_columns("du.agency_id", "0", today)}
FROM duties du
JOIN agencies a ON a.id = du.agency_id
JOIN documents doc ON doc.id = du.document_id
WHERE NOT EXISTS (SELECT 1 FROM duty_agencies x WHERE x.duty_id = du.id)"""
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


# The canned query due_duties' filters: an agency typed by its name (``a`` the agency), an assigning body.
_BY_AGENCY = (
    "(a.name_key = vanban_key(:agency) OR a.full_key = vanban_key(:agency) "
    "OR a.name_key LIKE vanban_key(:agency) || ' %')"
)
# The assigning document is read only when the filter is given.
_BY_ASSIGNER = (
    "(:assigned_by = '' OR (SELECT vanban_key(doc.issuer) FROM documents doc WHERE doc.id = du.document_id) "
    "LIKE '%' || vanban_key(:assigned_by) || '%')"
)
_STATUS_RANK = "CASE status WHEN 'overdue' THEN 0 WHEN 'open' THEN 1 ELSE 2 END"
_PAGE = 1000


@dataclass(frozen=True)
class _Links:
    """Where the canned query due_duties reads duties with their agencies: ``source`` (FROM and WHERE, ``du``
    the duty, ``a`` the agency), the agency's id and place in the duty's list."""

    source: str
    agency_id: str
    position: str


# Without an agency: every duty with each agency of its list, or its own agency when the list names no member,
# walked in the order of the duties' index. With one: that agency's links, then the duties it owes alone; the
# agencies are read first (CROSS JOIN fixes the order: the planner would scan every link).
_LINKS = (
    _Links(
        "duties du LEFT JOIN duty_agencies da ON da.duty_id = du.id "
        "JOIN agencies a ON a.id = coalesce(da.agency_id, du.agency_id) WHERE :agency = ''",
        "coalesce(da.agency_id, du.agency_id)",
        "coalesce(da.position, 0)",
    ),
    _Links(
        "agencies a CROSS JOIN duty_agencies da ON da.agency_id = a.id CROSS JOIN duties du ON du.id = da.duty_id "
        f"WHERE :agency != '' AND {_BY_AGENCY}",
        "da.agency_id",
        "da.position",
    ),
    _Links(
        "agencies a CROSS JOIN duties du ON du.agency_id = a.id "
        f"WHERE :agency != '' AND {_BY_AGENCY} AND NOT EXISTS (SELECT 1 FROM duty_agencies x WHERE x.duty_id = du.id)",
        "du.agency_id",
        "0",
    ),
)


def _in_range(day: str) -> str:
    """The filter of deadlines from ``:from`` to ``:to`` (dates as a clerk types them, either one left empty)."""
    return (
        f"(vanban_date(:from) = '' OR {day} >= vanban_date(:from)) "
        f"AND (vanban_date(:to) = '' OR {day} <= vanban_date(:to) || '~')"
    )


def _wanted(status: str, days_left: str) -> str:
    """The filter of ``:status``: one status, ``unanswered`` (overdue or open), ``due`` (open, due within 7 days)."""
    return (
        f"(:status = '' OR {status} = :status OR (:status = 'unanswered' AND {status} != 'answered') "
        f"OR (:status = 'due' AND {status} = 'open' AND {days_left} BETWEEN 0 AND 7))"
    )


def due_duties_sql(today: str = TODAY) -> str:
    """The canned query ``due_duties``: the rows of ``duty_status`` the filters keep, overdue first, then open,
    then answered, each by deadline (none last), document, duty and the agency's place in its list; the first
    1,000 (Datasette's row limit).

    The page's rows are found status by status, each status a branch of a UNION ALL that SQLite starts only
    while the page is not full. A one-off duty's status is its stored ``deadline_date`` against today and
    whether ``duty_responses`` holds an answer: without an agency ``idx_duties_deadline`` walks them by
    deadline and the branch stops at the page's last row; with one, that agency's links are read and the
    first rows of each status kept. A recurring duty's deadline is its current occurrence, never before
    today, so after every overdue one-off; recurring duties are computed apart, once
    (``idx_duties_recurrence_months``). The columns are computed as the view computes them, for the page's
    rows only."""

    def days_left(day: str) -> str:
        return f"CAST(julianday({day}) - julianday({today}) AS INTEGER)"

    one_off = "NOT (coalesce(du.recurrence_months, 0) > 0 AND du.deadline_date IS NOT NULL)"
    recurs = "du.recurrence_months > 0 AND du.deadline_date IS NOT NULL"
    keys = "du.id AS duty_id, du.document_id"

    def one_offs(status: str, where: str, dated: bool = True) -> list[str]:
        day = "du.deadline_date"
        # A dated branch's range again as bounds the index can start and stop at (an ISO date is between '' and '~').
        bounds = (
            f"{day} >= CASE WHEN vanban_date(:from) = '' THEN '' ELSE vanban_date(:from) END AND {day} <= CASE WHEN "
            "vanban_date(:to) = '' THEN '~' ELSE vanban_date(:to) || '~' END"
            if dated
            else "1"
        )
        selects = []
        for links in _LINKS:
            answered = (
                f"EXISTS (SELECT 1 FROM duty_responses r WHERE r.duty_id = du.id AND r.agency_id = {links.agency_id})"
            )
            selects.append(
                f"SELECT '{status}' AS status, {day} AS day, {keys}, {links.agency_id} AS agency_id, "
                f"{links.position} AS agency_position FROM {links.source} AND {one_off} "
                f"AND {where.format(answered=answered)} AND {_BY_ASSIGNER} AND {_in_range(day)} AND {bounds} "
                f"AND {_wanted(repr(status), days_left(day))}"
            )
        return selects

    def might_be(agency_id: str) -> str:
        """What a recurring duty needs to be kept, read before its occurrences are computed: its current one is
        never before today (nothing when ``:to`` is past); an answered one has an answer; an open one has an
        answer, or its first occurrence is still ahead (none has passed, so it cannot be overdue)."""
        return (
            f"(vanban_date(:to) = '' OR vanban_date(:to) || '~' >= {today}) "
            f"AND (:status NOT IN ('open', 'due', 'answered') OR (:status != 'answered' AND du.deadline_date >= {today}) "
            f"OR EXISTS (SELECT 1 FROM duty_responses r WHERE r.duty_id = du.id AND r.agency_id = {agency_id}))"
        )

    # The recurring duties the filters keep, each with its current occurrence and last answer computed once
    # (their columns named as in duties, so the occurrences' SQL reads them as it reads a duty's row).
    occurrences = " UNION ALL ".join(
        f"SELECT du.id, du.document_id, du.deadline_date, du.recurrence_months, {links.agency_id} AS agency_id, "
        f"{links.position} AS agency_position, {_current_occurrence(today)} AS k, {_last_answer(links.agency_id)} AS "
        f"last FROM {links.source} AND {recurs} AND {_BY_ASSIGNER} AND {might_be(links.agency_id)}"
        for links in _LINKS
    )
    current = _status_parts(today, "du.k")
    recurring = (
        f"SELECT {_recurring_status(current, 'du.last')} AS status, {current['deadline']} AS day, {keys}, "
        "du.agency_id, du.agency_position FROM occurrences du"
    )
    kept = f"{_in_range('day')} AND {_wanted('status', days_left('day'))}"
    # Open one-offs due within 7 days (days_left 0 to 7) fall before the 8th day: the index stops there.
    due_by = f"CASE WHEN :status = 'due' THEN date({today}, '+8 days') ELSE '~' END"

    def branch(selects: list[str], dated: bool = True) -> str:
        order = "day, document_id, duty_id, agency_position" if dated else "document_id, duty_id, agency_position"
        return f"SELECT * FROM ({' UNION ALL '.join(selects)} ORDER BY {order} LIMIT {_PAGE})"

    page = "\nUNION ALL ".join(
        [
            branch(one_offs("overdue", f"du.deadline_date < {today} AND NOT {{answered}}")),
            f"SELECT * FROM (SELECT * FROM recurring WHERE status = 'overdue' AND {kept} ORDER BY day, "
            "document_id, duty_id, agency_position)",
            branch(
                [
                    *one_offs(
                        "open", f"du.deadline_date >= {today} AND du.deadline_date < {due_by} AND NOT {{answered}}"
                    ),
                    f"SELECT * FROM recurring WHERE status = 'open' AND {kept}",
                ]
            ),
            branch(one_offs("open", "du.deadline_date IS NULL AND NOT {answered}", dated=False), dated=False),
            branch(
                [
                    *one_offs("answered", "du.deadline_date IS NOT NULL AND {answered}"),
                    f"SELECT * FROM recurring WHERE status = 'answered' AND {kept}",
                ]
            ),
            branch(one_offs("answered", "du.deadline_date IS NULL AND {answered}", dated=False), dated=False),
        ]
    )
    columns = _status_columns("p.agency_id", "p.agency_position", today)
    return f"""WITH occurrences AS MATERIALIZED ({occurrences}),
recurring AS MATERIALIZED ({recurring}),
page AS (SELECT * FROM (
{page}
) LIMIT {_PAGE})
SELECT s.status, s.deadline_date, s.days_left, s.agency, s.task, s.deadline, s.recurrence, s.document, s.issued_date,
  s.assigned_by, s.assigned_to, s.role, s.responses, s.last_response_date, s.duty_id, s.document_id, s.agency_id
FROM (SELECT {columns}
      FROM page p JOIN duties du ON du.id = p.duty_id JOIN agencies a ON a.id = p.agency_id
      JOIN documents doc ON doc.id = du.document_id) s
ORDER BY {_STATUS_RANK.replace("status", "s.status")}, s.deadline_date IS NULL, s.deadline_date, s.document_id,
  s.duty_id, s.agency_position"""


def _tracker_indexes(db: sqlite_utils.Database) -> None:
    """Indexes that let the canned query ``due_duties`` stop at its page's rows (:func:`due_duties_sql`):
    ``idx_duties_deadline`` walks the duties by deadline and document (the page's order), ``idx_duties_recurrence_months``
    finds the recurring duties and holds what their occurrences are computed from, ``idx_duty_agencies_duty_id``
    gives a duty's agencies in the order of its list and ``idx_duty_agencies_agency_id`` an agency's duties with
    its place in their lists.
    The view ``duty_status`` is written again from the expressions it now shares with the canned query (its rows
    unchanged)."""
    db.execute("DROP INDEX idx_duties_deadline_date")
    db.execute("CREATE INDEX idx_duties_deadline ON duties(deadline_date, document_id)")
    db.execute(
        "CREATE INDEX idx_duties_recurrence_months ON duties(recurrence_months, deadline_date, document_id, agency_id)"
    )
    db.execute("DROP INDEX idx_duty_agencies_duty_id")
    db.execute("CREATE INDEX idx_duty_agencies_duty_id ON duty_agencies(duty_id, position, agency_id)")
    db.execute("DROP INDEX idx_duty_agencies_agency_id")
    db.execute("CREATE INDEX idx_duty_agencies_agency_id ON duty_agencies(agency_id, duty_id, position)")
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
    ("indexes for due_duties: duties by deadline, recurring duties, a duty's agencies in order", _tracker_indexes),
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
