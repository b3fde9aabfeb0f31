"""The duty tracker's pages in Datasette, for an analyst or a Văn phòng clerk following up assigned duties.

- :func:`document_tracking` — on a document's page: each duty's agencies with their status as of today and the
  documents that answer them; and the duties of other documents this one answers;
- :func:`agency_page` — on an agency's page (``/vanban/agencies/<id>``): what it owes, to whom, with status, and
  the links that export its unanswered duties to Excel;
- :func:`deadline_calendar` — ``/-/vanban/deadlines``: the deadlines of a span of weeks, a calendar whose days
  count the duties due by status, each count a link to the canned query ``due_duties`` for that day.

Statuses come from the view ``duty_status`` and answers from ``duty_responses`` (``vanban.tracker``), so every
page is true as of the day it is opened.
"""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlencode

from vanban import vietnamese
from vanban.extractors.deadlines import holiday
from vanban.migrations import TODAY

STATUSES = ("overdue", "open", "answered")
# Most urgent first: what a clerk chases before what is done.
STATUS_ORDER = "case s.status when 'overdue' then 0 when 'open' then 1 else 2 end"
# The agency a clerk typed, as the canned query due_duties reads it: canonical name (with or without its
# place), marks and case optional ("so noi vu" finds every Sở Nội vụ, "sở nội vụ tỉnh lâm đồng" one).
AGENCY_FILTER = (
    "(:agency = '' or s.agency_key = vanban_key(:agency) or s.agency_full_key = vanban_key(:agency) "
    "or s.agency_key like vanban_key(:agency) || ' %')"
)
# Part of the assigning body's name: "UBND tỉnh Lâm Đồng", "bo noi vu".
GIVER_FILTER = "(:assigned_by = '' or vanban_key(s.assigned_by) like '%' || vanban_key(:assigned_by) || '%')"
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
MAX_WEEKS = 26


async def _rows(db, sql: str, params) -> list[dict]:
    return [dict(row) for row in (await db.execute(sql, params)).rows]


async def document_tracking(db, document_id: int) -> dict:
    """For a document's page: ``vanban_tracking`` (duty id → its agencies, each with status, deadline and
    answers) and ``vanban_answers`` (the duties of other documents this one answers)."""
    owed = await _rows(
        db,
        "SELECT duty_id, agency_id, agency, assigned_to, deadline_date, days_left, status FROM duty_status "
        "WHERE document_id = ? ORDER BY duty_id, agency_id",
        [document_id],
    )
    answers = await _rows(
        db,
        "SELECT r.duty_id, r.agency_id, r.match, d.id, d.label, d.doc_type, d.issued_date, d.issuer "
        "FROM duty_responses r JOIN duties du ON du.id = r.duty_id JOIN documents d ON d.id = r.document_id "
        "WHERE du.document_id = ? ORDER BY d.issued_date, d.id",
        [document_id],
    )
    tracking: dict[int, list[dict]] = {}
    for row in owed:
        row["answers"] = [a for a in answers if (a["duty_id"], a["agency_id"]) == (row["duty_id"], row["agency_id"])]
        tracking.setdefault(row["duty_id"], []).append(row)
    answered = await _rows(
        db,
        "SELECT r.match, du.id AS duty_id, du.task, a.canonical_name AS agency, d.id AS document_id, d.label, "
        "d.doc_type, d.issuer, d.issued_date FROM duty_responses r JOIN duties du ON du.id = r.duty_id "
        "JOIN agencies a ON a.id = r.agency_id JOIN documents d ON d.id = du.document_id "
        "WHERE r.document_id = ? ORDER BY d.issued_date, du.position",
        [document_id],
    )
    return {"vanban_tracking": tracking, "vanban_answers": answered}


def _export_url(datasette, database: str, **args) -> str:
    """The Excel download of ``duty_status`` rows: every row (up to the row limit), filtered by ``args``."""
    query = urlencode({**args, "_size": "max", "_sort": "deadline_date"})
    return f"{datasette.urls.table(database, 'duty_status', format='xlsx')}?{query}"


async def agency_page(datasette, database: str, agency_id: str) -> dict:
    """Template variables of an agency's page: its duties owed with status, by assigning body, and exports."""
    db = datasette.get_database(database)
    agency = (await db.execute("SELECT * FROM agencies WHERE id = ?", [agency_id])).first()
    if agency is None:
        return {}
    owed = await _rows(
        db,
        f"SELECT s.* FROM duty_status s WHERE s.agency_id = ? ORDER BY {STATUS_ORDER}, "
        "s.deadline_date IS NULL, s.deadline_date, s.document_id, s.duty_id",
        [agency["id"]],
    )
    answers = await _rows(
        db,
        "SELECT r.duty_id, r.match, d.id, d.label, d.doc_type, d.issued_date FROM duty_responses r "
        "JOIN documents d ON d.id = r.document_id WHERE r.agency_id = ? ORDER BY d.issued_date, d.id",
        [agency["id"]],
    )
    for row in owed:
        row["answers"] = [a for a in answers if a["duty_id"] == row["duty_id"]]
    givers: dict[str, dict[str, int]] = {}
    for row in owed:
        counts = givers.setdefault(row["assigned_by"] or "(không rõ)", dict.fromkeys(STATUSES, 0))
        counts[row["status"]] += 1
    totals = {status: sum(1 for row in owed if row["status"] == status) for status in STATUSES}
    return {
        "vanban_agency": dict(agency),
        "vanban_owed": owed,
        "vanban_givers": givers,
        "vanban_totals": totals,
        "vanban_export_unanswered": _export_url(datasette, database, agency_id=agency["id"], status__not="answered"),
        "vanban_export_all": _export_url(datasette, database, agency_id=agency["id"]),
        "vanban_row_url": lambda pk: datasette.urls.row(database, "documents", str(pk)),
    }


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _first_day(iso: str) -> date:
    """The first day of an ISO date, month or year: "2026-03" → 2026-03-01."""
    parts = [int(p) for p in iso.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _due_duties_url(datasette, database: str, first: date | None, last: date, args: dict, status: str = "") -> str:
    """The canned query due_duties for the deadlines from ``first`` (None: any) to ``last``, dates as a clerk
    types them."""
    params = {
        "agency": args.get("agency", ""),
        "assigned_by": args.get("assigned_by", ""),
        "from": f"{first:%d/%m/%Y}" if first else "",
        "to": f"{last:%d/%m/%Y}",
        "status": status,
    }
    return f"{datasette.urls.database(database)}/due_duties?{urlencode(params)}"


async def deadline_calendar(datasette, database: str, args: dict) -> dict:
    """Template variables of the deadline calendar: weeks of days, each day's duties due counted by status.

    ``args``: ``agency``, ``assigned_by`` (as the canned query due_duties reads them), ``from`` (a date typed
    either way; the calendar starts on its Monday; default: the Monday of last week), ``weeks`` (default 8).
    """
    db = datasette.get_database(database)
    today = date.fromisoformat((await db.execute(f"SELECT {TODAY}")).single_value())
    typed = vietnamese.parse_date(args.get("from"))
    errors = [] if typed is not None else [vietnamese.date_error("from", args.get("from", ""))]
    start = _monday(_first_day(typed)) if typed else _monday(today) - timedelta(days=7)
    try:
        weeks = min(max(int(args.get("weeks") or 8), 1), MAX_WEEKS)
    except ValueError:
        weeks = 8
    end = start + timedelta(days=7 * weeks - 1)
    params = {"agency": args.get("agency", ""), "assigned_by": args.get("assigned_by", "")}
    where = f"{AGENCY_FILTER} AND {GIVER_FILTER}"
    counted = await _rows(
        db,
        f"SELECT s.deadline_date AS day, s.status, count(*) AS n FROM duty_status s WHERE s.deadline_date "
        f"BETWEEN :start AND :end AND {where} GROUP BY 1, 2",
        {**params, "start": start.isoformat(), "end": end.isoformat()},
    )
    by_day: dict[str, dict[str, int]] = {}
    for row in counted:
        by_day.setdefault(row["day"], {})[row["status"]] = row["n"]
    earlier = (
        await db.execute(
            f"SELECT count(*) FROM duty_status s WHERE s.status = 'overdue' AND s.deadline_date < :start AND {where}",
            {**params, "start": start.isoformat()},
        )
    ).single_value()
    calendar = []
    for w in range(weeks):
        monday = start + timedelta(days=7 * w)
        days = []
        for d in range(7):
            day = monday + timedelta(days=d)
            counts = by_day.get(day.isoformat(), {})
            days.append(
                {
                    "date": day,
                    "today": day == today,
                    "holiday": holiday(day),
                    "counts": [
                        (status, counts[status], _due_duties_url(datasette, database, day, day, args, status))
                        for status in STATUSES
                        if counts.get(status)
                    ],
                }
            )
        total = sum(n for day in days for _, n, _ in day["counts"])
        calendar.append(
            {
                "monday": monday,
                "number": monday.isocalendar().week,
                "days": days,
                "total": total,
                "url": _due_duties_url(datasette, database, monday, monday + timedelta(days=6), args),
            }
        )
    return {
        "vanban_calendar": calendar,
        "vanban_weekdays": WEEKDAYS,
        "vanban_today": today,
        "vanban_args": {
            "agency": params["agency"],
            "assigned_by": params["assigned_by"],
            "from": args.get("from", ""),
            "weeks": weeks,
        },
        "vanban_earlier": earlier,
        "vanban_earlier_url": _due_duties_url(datasette, database, None, start - timedelta(days=1), args, "overdue"),
        "vanban_previous": f"{start - timedelta(days=7 * weeks):%d/%m/%Y}",
        "vanban_next": f"{end + timedelta(days=1):%d/%m/%Y}",
        "vanban_date_errors": errors,
        "vanban_status_labels": {s: vietnamese.value_label(s) for s in STATUSES},
    }
