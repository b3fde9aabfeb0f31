"""The canned queries rewritten for speed return what their plain formulations return, row for row.

The database is 1,000 generated documents (``synth_records.stored_record``, as the benchmark's 100,000-document one)
written by the store's ``StoreWriter``: thousands of citations (many to documents not in it), duties shared by
several agencies, duplicated symbols. Each canned query runs through a real Datasette; its reference, the plain
SQL it replaced, runs on the same file with the same SQL functions. The speed itself is measured by
``make bench``; here the query plans are checked to read the indexes that make it.
"""

from __future__ import annotations

import sqlite3

import pytest
import synth_records

from vanban.datasette_plugin import SQL_FUNCTIONS, capped
from vanban.pipeline.normalize import fold_diacritics
from vanban.publish import DATABASE_NAME, SETTINGS, load_metadata, make_datasette
from vanban.store import StoreWriter, open_db

DOCUMENTS = 1000
SEED = 20251207

# The plain formulations. search: the passage computed for every match, then the first 200 kept.
SEARCH = """
select d.id as document_id, d.doc_type, d.symbol, d.issuer, d.issued_date, d.subject,
  vanban_snippet(d.text, :q) as passage
from documents d
where d.id in (
  select rowid from documents_fts where vanban_search_exact(:q) = 1 and documents_fts match vanban_fts_query(:q)
  union all
  select rowid from documents_folded_fts where vanban_search_exact(:q) = 0 and documents_folded_fts match vanban_fts_query(:q)
)
order by d.issued_date desc, d.id desc
limit 200
"""

# agency_duties: each of the four ways a duty reaches an agency filtered by date on its own.
AGENCY_DUTIES = """
with wanted as (select vanban_key(:agency) as agency, vanban_key(vanban_locality(:locality)) as locality),
named as (select a.id from agencies a, wanted w where a.name_key = w.agency or a.full_key = w.agency),
matched as (
  select du.id, du.agency_id from duties du, wanted w
  where du.agency_key = w.agency
    and (vanban_date(:from) = '' or du.due_date >= vanban_date(:from)) and (vanban_date(:to) = '' or du.due_date <= vanban_date(:to) || '~')
  union
  select du.id, du.agency_id from duties du
  where du.agency_id in (select id from named)
    and (vanban_date(:from) = '' or du.due_date >= vanban_date(:from)) and (vanban_date(:to) = '' or du.due_date <= vanban_date(:to) || '~')
  union
  select da.duty_id, da.agency_id from duty_agencies da join duties du on du.id = da.duty_id, wanted w
  where da.name_key = w.agency
    and (vanban_date(:from) = '' or du.due_date >= vanban_date(:from)) and (vanban_date(:to) = '' or du.due_date <= vanban_date(:to) || '~')
  union
  select da.duty_id, da.agency_id from duty_agencies da join duties du on du.id = da.duty_id
  where da.agency_id in (select id from named)
    and (vanban_date(:from) = '' or du.due_date >= vanban_date(:from)) and (vanban_date(:to) = '' or du.due_date <= vanban_date(:to) || '~')
)
select du.id as duty_id, du.document_id, d.symbol, d.issued_date, a.canonical_name as agency, a.locality, du.agency as assigned_to,
  du.role, du.task, du.deadline, du.deadline_date, du.recurrence
from matched m
join duties du on du.id = m.id
join agencies a on a.id = m.agency_id
join documents d on d.id = du.document_id, wanted w
where (:locality = '' or a.locality_key = w.locality)
group by du.id
order by du.due_date, d.id, du.position
"""

# missing_cited: the year of each citation read from its row; ties broken by the group, as the canned query does
# (before, rows tied on counts came in whatever order the plan gave).
MISSING_CITED = """
with top as (
  select cited_key, case when year is null then issued_date end as date_group, max(issued_date) as issued_date,
    count(distinct citing_document_id) as citing_documents, sum(mentions) as mentions, max(id) as sample
  from citations not indexed
  where cited_document_id is null
  group by cited_key, date_group
  order by citing_documents desc, mentions desc, cited_key, date_group
  limit 200
)
select c.doc_type, c.symbol, c.issuer, t.issued_date, c.title, t.citing_documents, t.mentions,
  (select group_concat(symbol, ', ') from (
     select distinct d.symbol from citations c2 join documents d on d.id = c2.citing_document_id
     where c2.cited_document_id is null and c2.cited_key = t.cited_key
       and (case when c2.year is null then c2.issued_date end) is t.date_group
     limit 20)) as cited_in
from top t
join citations c on c.id = t.sample
order by t.citing_documents desc, t.mentions desc, t.cited_key, t.date_group
"""

# due_duties: every row of the view duty_status filtered, each row's status computed, then sorted.
DUE_DUTIES = """
select s.status, s.deadline_date, s.days_left, s.agency, s.task, s.deadline, s.recurrence, s.document, s.issued_date,
  s.assigned_by, s.assigned_to, s.role, s.responses, s.last_response_date, s.duty_id, s.document_id, s.agency_id
from duty_status s
where (:agency = '' or s.agency_key = vanban_key(:agency) or s.agency_full_key = vanban_key(:agency)
       or s.agency_key like vanban_key(:agency) || ' %')
  and (:assigned_by = '' or vanban_key(s.assigned_by) like '%' || vanban_key(:assigned_by) || '%')
  and (vanban_date(:from) = '' or s.deadline_date >= vanban_date(:from))
  and (vanban_date(:to) = '' or s.deadline_date <= vanban_date(:to) || '~')
  and (:status = '' or s.status = :status
       or (:status = 'unanswered' and s.status != 'answered')
       or (:status = 'due' and s.status = 'open' and s.days_left between 0 and 7))
order by case s.status when 'overdue' then 0 when 'open' then 1 else 2 end, s.deadline_date is null, s.deadline_date,
  s.document_id, s.duty_id, s.agency_position
limit 1000
"""


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("canned") / "generated.db"
    db = open_db(path)
    with StoreWriter(db) as writer:
        for index in range(DOCUMENTS):
            record, text = synth_records.stored_record(index, SEED)
            writer.add(record.source.path, record=record, text_doc=text)
    db.close()
    return path


@pytest.fixture(scope="module")
def reference(db_path):
    conn = sqlite3.connect(db_path)
    for name, arity, function in SQL_FUNCTIONS:
        conn.create_function(name, arity, capped(function), deterministic=True)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


def plain(conn: sqlite3.Connection, sql: str, params: dict) -> list[dict]:
    return [dict(row) for row in conn.execute(sql, params).fetchmany(SETTINGS["max_returned_rows"])]


async def canned(db_path, name: str, params: dict) -> list[dict]:
    ds = make_datasette(db_path)
    response = await ds.client.get(f"/{DATABASE_NAME}/{name}.json", params={**params, "_shape": "array"})
    assert response.status_code == 200, response.text[:300]
    return response.json()


def plan(conn: sqlite3.Connection, name: str, params: dict) -> str:
    sql = load_metadata()["databases"][DATABASE_NAME]["queries"][name]["sql"]
    return "\n".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "typed",
    ["cai cach hanh chinh", "chuyển đổi số", "lưu trữ", "bao cao", '"kế hoạch"', "ke hoach, nam 2024", "zzz", '"'],
)
async def test_search_same_rows(db_path, reference, typed):
    rows = await canned(db_path, "search", {"q": typed})
    assert rows == plain(reference, SEARCH, {"q": typed})
    if typed in ("bao cao", "ke hoach, nam 2024"):
        assert len(rows) == 200  # more documents match than are shown: the passage is computed for the kept ones


def agency_cases(conn: sqlite3.Connection) -> list[dict]:
    """Agencies as a user types them: canonical names, with and without marks, with their province, and one
    name no duty has; with and without a date range and a locality."""
    names = [row[0] for row in conn.execute("SELECT canonical_name FROM agencies GROUP BY 1 ORDER BY count(*) DESC")]
    located = conn.execute(
        "SELECT canonical_name, locality FROM agencies WHERE locality IS NOT NULL LIMIT 3"
    ).fetchall()
    blank = {"agency": "", "locality": "", "from": "", "to": ""}
    cases = [dict(blank, agency=name) for name in names[:4] + ["Bộ Quốc phòng"]]
    cases += [dict(blank, agency=fold_diacritics(names[0]).lower(), **{"from": "2024-01-01", "to": "2024-12-31"})]
    cases += [dict(blank, agency=name, locality=locality) for name, locality in located]
    cases += [dict(blank, agency=f"{name} {locality}") for name, locality in located]
    cases += [dict(blank, agency=names[1], **{"from": "2025"})]
    return cases


@pytest.mark.asyncio
async def test_agency_duties_same_rows(db_path, reference):
    found = 0
    for params in agency_cases(reference):
        rows = await canned(db_path, "agency_duties", params)
        assert rows == plain(reference, AGENCY_DUTIES, params), params
        found += bool(rows)
    assert found >= 8  # most cases find duties: the comparison is not of empty lists
    assert "COVERING INDEX idx_duty_agencies_name_key" in plan(reference, "agency_duties", agency_cases(reference)[0])


@pytest.mark.asyncio
async def test_missing_cited_same_rows(db_path, reference):
    rows = await canned(db_path, "missing_cited", {})
    assert len(rows) == 200 and rows == plain(reference, MISSING_CITED, {})
    assert "COVERING INDEX idx_citations_unresolved" in plan(reference, "missing_cited", {})


def due_cases(conn: sqlite3.Connection) -> list[dict]:
    """The tracker's filters as a clerk fills them: none, each status, agencies (most and least frequent, folded,
    with their place), an assigning body, deadline ranges typed dd/mm/yyyy, month and year, and mixes."""
    names = [row[0] for row in conn.execute("SELECT agency FROM duty_status GROUP BY 1 ORDER BY count(*) DESC, 1")]
    located = conn.execute(
        "SELECT canonical_name, locality FROM agencies WHERE locality IS NOT NULL LIMIT 2"
    ).fetchall()
    issuer = conn.execute(
        "SELECT issuer FROM documents WHERE issuer IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC"
    ).fetchone()
    blank = {"agency": "", "assigned_by": "", "from": "", "to": "", "status": ""}
    statuses = ["", "overdue", "open", "answered", "unanswered", "due"]
    cases = [dict(blank, status=status) for status in statuses]
    cases += [dict(blank, agency=name, status=status) for name in (names[0], names[-1]) for status in statuses]
    cases += [dict(blank, agency=fold_diacritics(names[1]).lower())]
    cases += [dict(blank, agency=f"{name} {locality}") for name, locality in located]
    cases += [dict(blank, assigned_by=issuer[0]), dict(blank, assigned_by=issuer[0], status="answered")]
    cases += [dict(blank, **{"from": "01/01/2024", "to": "31/12/2024"}), dict(blank, **{"from": "12/2025"})]
    cases += [dict(blank, to="2023", status="unanswered"), dict(blank, agency=names[0], **{"from": "2026"})]
    return cases


@pytest.mark.asyncio
async def test_due_duties_same_rows(db_path, reference):
    found = full = 0
    for params in due_cases(reference):
        rows = await canned(db_path, "due_duties", params)
        assert rows == plain(reference, DUE_DUTIES, params), params
        found += bool(rows)
        full += len(rows) == SETTINGS["max_returned_rows"]
    assert found >= 15 and full >= 2  # most cases find rows, and some fill the page: it stops at its last row
    statuses = {row[0] for row in reference.execute("SELECT status FROM duty_status")}
    recurring = reference.execute("SELECT count(*) FROM duties WHERE recurrence_months > 0").fetchone()[0]
    assert statuses == {"overdue", "open", "answered"} and recurring  # every kind of row is compared
    assert "idx_duties_deadline" in plan(reference, "due_duties", due_cases(reference)[0])
