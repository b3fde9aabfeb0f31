"""Datasette plugin: search, dates and Vietnamese pages for the published database.

- SQL functions (every connection), each refusing input longer than
  :data:`MAX_FUNCTION_CHARS` so no query can hold a worker past the time
  limit: ``vanban_fold(text)`` (lower case, marks removed, đ→d),
  ``vanban_key(text)`` (the same with spaces collapsed: what the ``*_key``
  columns hold), ``vanban_fts_query(q)`` and ``vanban_search_exact(q)`` (the
  FTS5 query for what a user typed, and whether it runs on the exact index:
  ``vanban.search``), ``vanban_snippet(text, q)`` (the passage that matched),
  ``vanban_symbol_key(symbol)``, ``vanban_locality(typed)`` (``tỉnh Lâm Đồng`` →
  ``Lâm Đồng``) and ``vanban_date(typed)`` (``31/12/2025`` or ``2025-12-31`` →
  ``2025-12-31``; ``''`` when empty; NULL when not a date).
  Strings longer than :data:`SQLITE_MAX_LENGTH` bytes cannot be built at all.
- The documents table's search box (``?_q=``) runs ``vanban.search``: folded
  without marks, exact with marks, quoted phrases, highlighted passages.
- Date parameters of canned queries (the metadata's ``plugins.vanban.date_parameters``)
  accept dd/mm/yyyy and ISO; anything else is refused with a message (a 400 for
  JSON and CSV, the message above the form on the page).
- Pages in Vietnamese: cells show dates as dd/mm/yyyy, times in local time,
  roles as chủ trì / phối hợp, căn cứ / dẫn chiếu (``vanban.vietnamese``);
  templates in ``vanban/templates`` replace Datasette's English ones.
- The ``documents`` row page (template ``row-vanban-documents.html``) gets
  the document text with citations and duties marked and linked, an SVG of
  the documents it cites and that cite it, and its warnings flagged.
  Document text is untrusted: every piece is escaped before markup is added.
- ``document_id``, ``agency_id`` and ``duty_id`` columns of canned queries and of the view ``duty_status`` link
  to their row's page.
- The duty tracker (``vanban.tracker_pages``): each duty's status and answers on the document page, what an
  agency owes on its page (``row-vanban-agencies.html``), ``/-/vanban/deadlines`` a calendar of deadlines by
  week; the canned query ``due_duties`` lists them, its ``status`` parameter a choice.
- ``/-/vanban/annotated/<id>``: the document's text with its citations and
  duties drawn by displaCy from spaCy span groups (``vanban.annotate``).
- ``.xlsx`` export of every table and query (``vanban.excel``), which Excel opens as it is.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from functools import wraps
from urllib.parse import parse_qs

import regex
from datasette import Response, hookimpl
from datasette.filters import FilterArguments
from markupsafe import Markup, escape

from vanban import excel, search, tracker_pages, values, vietnamese
from vanban.pipeline.normalize import fold_diacritics, search_key
from vanban.resolve import symbol_key

DATABASE_NAME = "vanban"
DOCUMENT_ID_COLUMNS = frozenset({"document_id", "cited_document_id", "citing_document_id"})
# Id columns of queries and views → the table whose row page they link to.
ID_COLUMNS = {**dict.fromkeys(DOCUMENT_ID_COLUMNS, "documents"), "agency_id": "agencies", "duty_id": "duties"}
TRACKER_VIEWS = frozenset({"duty_status"})
# Name columns of the tracker's rows → the id column beside them and the table of that id: the name links to it.
NAMED_BY_ID = {"document": ("document_id", "documents"), "agency": ("agency_id", "agencies")}
TRACKER_STATUSES = frozenset({"open", "overdue", "answered"})
# The longest text a plugin SQL function takes (a document's full text is far shorter: ~300,000 characters at most
# in the real corpus); longer input is refused at once instead of holding the worker past sql_time_limit_ms.
MAX_FUNCTION_CHARS = 2_000_000
# The longest string or blob SQLite may build on a published connection (bytes).
SQLITE_MAX_LENGTH = 50_000_000
# Columns whose dates a page shows as dd/mm/yyyy (their ISO value stays in exports and in sorting).
# "deadline" holds a date only when the text gave a full one ("2025-12-31"); a period stays as printed.
DATE_COLUMNS = frozenset(
    {"issued_date", "deadline", "deadline_date", "due_date", "cited_date", "previous_deadline", "last_response_date"}
)
TIME_COLUMNS = frozenset({"ingested_at", "time"})
# The columns the documents table's page shows, in this order, unless others are asked for (?_col=…); the long
# and internal ones (text, record, keys, hashes) stay in the document's own page and in exports.
DOCUMENTS_COLUMNS = (
    "id",
    "symbol",
    "warnings",
    "doc_type",
    "issued_date",
    "issuer",
    "subject",
    "signer_name",
    "path",
)


def fold(text: str | None) -> str | None:
    """Lower case without marks: what folded search compares."""
    return fold_diacritics(text).lower() if text is not None else None


class InputTooLong(ValueError):
    """A plugin SQL function was given more than MAX_FUNCTION_CHARS characters."""


def capped(function):
    """``function`` refusing any text argument longer than :data:`MAX_FUNCTION_CHARS`."""

    @wraps(function)
    def checked(*args):
        for arg in args:
            if isinstance(arg, str | bytes) and len(arg) > MAX_FUNCTION_CHARS:
                raise InputTooLong(f"{function.__name__}: input longer than {MAX_FUNCTION_CHARS:,} characters")
        return function(*args)

    return checked


def snippet(text: str | None, typed: str | None, folded: str | None = None) -> str | None:
    """The passage of ``text`` where the typed words occur, plain (``folded`` is accepted and ignored)."""
    return search.plain_passage(text, typed)


def locality(typed: str | None) -> str | None:
    """A typed place as the agencies table spells it: ``tỉnh Lâm Đồng`` → ``Lâm Đồng`` (else as typed)."""
    return values.place_name(typed) or typed


def search_exact(typed: str | None) -> int:
    """1 when the typed search carries marks (it runs on the exact index), else 0."""
    return int(search.parse(typed).exact)


SQL_FUNCTIONS = [
    ("vanban_fold", 1, fold),
    ("vanban_key", 1, search_key),
    ("vanban_fts_query", 1, search.fts_query),
    ("vanban_search_exact", 1, search_exact),
    ("vanban_symbol_key", 1, symbol_key),
    ("vanban_snippet", 2, snippet),
    ("vanban_snippet", 3, snippet),
    ("vanban_date", 1, vietnamese.parse_date),
    ("vanban_locality", 1, locality),
]


@hookimpl
def prepare_connection(conn):
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, SQLITE_MAX_LENGTH)
    for name, arity, function in SQL_FUNCTIONS:
        conn.create_function(name, arity, capped(function), deterministic=True)


# ---------------------------------------------------------------- settings from the metadata


def plugin_config(datasette) -> dict:
    return datasette.plugin_config("vanban") or {}


def zone(datasette):
    return vietnamese.timezone(plugin_config(datasette).get("timezone"))


def date_errors(datasette, args) -> list[str]:
    """Messages for the date parameters of a request that are not dates (``from=hôm nay``)."""
    names = plugin_config(datasette).get("date_parameters", [])
    return [
        vietnamese.date_error(name, args.get(name))
        for name in names
        if args.get(name) is not None and vietnamese.parse_date(args.get(name)) is None
    ]


@hookimpl
def asgi_wrapper(datasette):
    """A JSON or CSV request with a date parameter that is not a date gets a 400 and the reason, never rows."""

    def wrap(app):
        async def checked(scope, receive, send):
            path = scope.get("path", "") if scope.get("type") == "http" else ""
            if path.startswith(f"/{DATABASE_NAME}/") and regex.search(r"\.(json|csv|xlsx)$", path):
                args = {k: v[0] for k, v in parse_qs(scope.get("query_string", b"").decode("utf-8", "replace")).items()}
                errors = date_errors(datasette, args)
                if errors:
                    response = Response.json({"ok": False, "error": " ".join(errors), "status": 400}, status=400)
                    await response.asgi_send(send)
                    return
            await app(scope, receive, send)

        return checked

    return wrap


# ---------------------------------------------------------------- search on the documents table


@hookimpl
def filters_from_request(request, database, table, datasette):
    """``?_q=`` on the documents table: the rows :mod:`vanban.search` finds for what was typed."""
    if table != "documents" or "_q" not in request.args:
        return None
    query = search.parse(request.args.get("_q"))
    if query.empty:
        return FilterArguments([], extra_context={"vanban_search_empty": bool(request.args.get("_q", "").strip())})
    return FilterArguments(
        [f"id in (select rowid from {query.index} where {query.index} match :vanban_q)"],
        {"vanban_q": query.fts},
    )


async def _passages(datasette, database: str, ids: list[int], query: search.SearchQuery) -> dict[int, Markup]:
    """The highlighted passage of each document shown."""
    if not ids:
        return {}
    db = datasette.get_database(database)
    marks = ",".join("?" * len(ids))
    rows = await db.execute(f"SELECT id, subject, text FROM documents WHERE id IN ({marks})", ids)
    found = {}
    for row in rows.rows:
        # the text's passage, or the subject's when only the subject matched
        text = row["text"] if search.matches(row["text"], query) or not row["subject"] else row["subject"]
        found[row["id"]] = search.passage(text, query)
    return found


# ---------------------------------------------------------------- cells and template variables


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Document, agency and duty ids link to their page; dates, times and coded values are shown as an office
    writes them; a tracked duty's status is coloured and its days left said in words."""
    linked = table is None or table in TRACKER_VIEWS  # a query or a view: Datasette knows no foreign keys there
    if linked and column in ID_COLUMNS and isinstance(value, int):
        href = datasette.urls.row(database, ID_COLUMNS[column], str(value))
        return Markup(f'<a href="{escape(href)}">{value}</a>')
    if linked and column in NAMED_BY_ID and isinstance(value, str) and row is not None:
        id_column, target = NAMED_BY_ID[column]
        if id_column in row.keys() and isinstance(row[id_column], int):
            href = datasette.urls.row(database, target, str(row[id_column]))
            return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    if column == "days_left" and isinstance(value, int):
        css = "vb-late" if value < 0 else "vb-soon" if value <= 7 else "vb-muted"
        return Markup(f'<span class="{css}">{escape(vietnamese.days_left(value))}</span>')
    if not isinstance(value, str):
        return None
    if column == "status" and value in TRACKER_STATUSES:
        return Markup(f'<span class="vb-status vb-status-{value}">{escape(vietnamese.value_label(value))}</span>')
    if column == "path":
        name = value.replace("\\", "/").rsplit("/", 1)[-1]
        return Markup(f'<span title="{escape(value)}">{escape(name)}</span>') if name != value else None
    if column in DATE_COLUMNS:
        return vietnamese.show_date(value)
    if column in TIME_COLUMNS:
        return vietnamese.show_time(value, zone(datasette))
    if column in vietnamese.CODED_COLUMNS:
        return vietnamese.value_label(value)
    if column == "warnings" and value.startswith("["):
        try:
            kinds = json.loads(value)
        except ValueError:
            return None
        return Markup(" ".join(f'<span class="vb-flag">⚠ {escape(kind)}</span>' for kind in kinds))
    return None


def excel_value(column: str, value, tz):
    """A value as the workbook holds it: full ISO dates as dates, times local, coded values in Vietnamese."""
    if isinstance(value, str) and column in DATE_COLUMNS and len(vietnamese.parse_date(value) or "") == 10:
        return date.fromisoformat(vietnamese.parse_date(value))
    if isinstance(value, str) and column in TIME_COLUMNS:
        return vietnamese.show_time(value, tz)
    if column in vietnamese.CODED_COLUMNS:
        return vietnamese.value_label(value)
    return value


# What may not stand in a download's file name: anything but ASCII letters, digits, "_", "." and "-"
_FILE_NAME_UNSAFE = regex.compile(r"[^A-Za-z0-9_.-]")


async def render_xlsx(datasette, columns, rows, database, table, query_name):
    """The rows of a table or query page as an Excel workbook, headed by the columns' Vietnamese names."""
    tz = zone(datasette)
    name = table or query_name or database
    data = excel.workbook(
        columns,
        ([excel_value(c, v, tz) for c, v in zip(columns, row)] for row in rows),
        sheet=vietnamese.TABLE_LABELS.get(name, name),
        headings=[vietnamese.column_label(c) for c in columns],
    )
    return Response(
        data,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"content-disposition": f'attachment; filename="{_FILE_NAME_UNSAFE.sub("_", name)}.xlsx"'},
    )


@hookimpl
def register_output_renderer():
    return {"extension": "xlsx", "render": render_xlsx}


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.filters["vi_column"] = vietnamese.column_label
    env.filters["vi_value"] = vietnamese.value_label
    env.filters["vi_param"] = lambda name: vietnamese.PARAMETER_LABELS.get(name, name)
    env.filters["vi_table"] = lambda name: vietnamese.TABLE_LABELS.get(name, name)
    env.filters["vi_op"] = lambda key: vietnamese.FILTER_LABELS.get(key, key)
    env.filters["vi_date"] = vietnamese.show_date
    env.filters["vi_time"] = lambda value: vietnamese.show_time(value, zone(datasette))
    env.filters["vi_show"] = lambda value: vietnamese.show_value(value, zone(datasette))


@hookimpl
def register_routes():
    return [
        (r"^/-/vanban/annotated/(?P<id>\d+)$", annotated_document),
        (r"^/-/vanban/deadlines$", deadlines_page),
    ]


async def deadlines_page(datasette, request):
    """The calendar of deadlines by week (``vanban.tracker_pages.deadline_calendar``)."""
    args = {key: request.args.get(key) for key in request.args.keys()}
    context = await tracker_pages.deadline_calendar(datasette, DATABASE_NAME, args)
    context["database"] = DATABASE_NAME
    return Response.html(await datasette.render_template("vanban_deadlines.html", context, request=request))


async def annotated_document(datasette, request):
    """The document's text with citations and duties highlighted by displaCy (``vanban.annotate``)."""
    from vanban.annotate import render_html

    db = datasette.get_database(DATABASE_NAME)
    row = (await db.execute("SELECT text, record FROM documents WHERE id = ?", [int(request.url_vars["id"])])).first()
    if row is None:
        return Response.html("<p>Không có văn bản này.</p>", status=404)
    return Response.html(render_html(row["text"] or "", json.loads(row["record"] or "{}")))


@hookimpl
def extra_css_urls():
    return ["/vanban-static/vanban.css"]


# ---------------------------------------------------------------- the document page


@dataclass
class Mark:
    """A highlighted stretch of the document text."""

    start: int
    end: int
    kind: str  # "cite" | "duty"
    anchor: str  # the element id the lists below the text link to
    href: str | None
    title: str
    css: str


def _spans(value) -> list[tuple[int, int]]:
    """Valid [start, end) pairs from a stored spans JSON value."""
    try:
        spans = json.loads(value) if isinstance(value, str) else (value or [])
    except ValueError:
        return []
    return [
        (s, e)
        for s, e in (p for p in spans if isinstance(p, list) and len(p) == 2)
        if isinstance(s, int) and isinstance(e, int) and 0 <= s < e
    ]


def highlight(text: str, marks: list[Mark]) -> Markup:
    """The text, escaped, with each mark wrapped: duties as spans, citations (inside them) as links.

    Text is cut at every mark boundary and each piece wrapped in the marks
    covering it, so overlapping marks still give well-formed HTML; the first
    piece of a mark carries its anchor id.
    """
    marks = [m for m in marks if m.end <= len(text)]
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    anchored: set[str] = set()
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = str(escape(text[a:b]))
        covering = [m for m in marks if m.start <= a and b <= m.end]
        duty = next((m for m in covering if m.kind == "duty"), None)
        cite = next((m for m in covering if m.kind == "cite"), None)
        for mark in (cite, duty):
            if mark is None:
                continue
            anchor = f' id="{mark.anchor}"' if mark.anchor not in anchored else ""
            anchored.add(mark.anchor)
            title = escape(mark.title)
            if mark.href:
                piece = f'<a class="{mark.css}"{anchor} href="{escape(mark.href)}" title="{title}">{piece}</a>'
            else:
                piece = f'<span class="{mark.css}"{anchor} title="{title}">{piece}</span>'
        out.append(piece)
    return Markup("".join(out))


NOT_IN_CORPUS = "chưa có trong kho"


def document_warnings(document: dict) -> dict:
    """What the page flags: each warning (kind, text), and which fields they concern (the number, the scan)."""
    try:
        warnings = (json.loads(document.get("record") or "{}").get("source") or {}).get("warnings") or []
    except (ValueError, AttributeError):
        warnings = []
    listed = [(vietnamese.warning_kind(w), vietnamese.warning_sentence(w)) for w in warnings if isinstance(w, str)]
    confidence = document.get("ocr_confidence")
    low_ocr = bool(document.get("ocr")) and confidence is not None and confidence < vietnamese.LOW_OCR_CONFIDENCE
    if low_ocr:
        listed.append(
            (
                vietnamese.LOW_OCR,
                f"Văn bản quét, OCR đọc với độ tin cậy trung bình {confidence:.0f}% "
                f"(dưới {vietnamese.LOW_OCR_CONFIDENCE:.0f}%): mọi trường cần đối chiếu với bản gốc.",
            )
        )
    number = [text for kind, text in listed if kind in vietnamese.NUMBER_WARNINGS]
    return {"all": listed, "number": number, "low_ocr": low_ocr}


def _label(row: dict) -> str:
    """How a document or citation is named in the picture: its symbol, else type and title."""
    if row.get("symbol"):
        return row["symbol"]
    words = " ".join(x for x in (row.get("doc_type"), row.get("title") or row.get("subject")) if x)
    return (words[:34] + "…") if len(words) > 35 else (words or f"#{row.get('id')}")


def neighbourhood_svg(center: dict, cites: list[dict], cited_by: list[dict], row_url, limit: int = 12) -> Markup:
    """An SVG: what the document cites on the left, what cites it on the right, arrows pointing to the cited.

    Cited documents held in the corpus are solid and linked; those missing from it are dashed.
    """
    box_w, box_h, gap = 230, 26, 10
    left = cites[:limit]
    right = cited_by[:limit]
    rows = max(len(left), len(right), 1) + (1 if len(cites) > limit or len(cited_by) > limit else 0)
    height = 40 + rows * (box_h + gap)
    width = 3 * box_w + 160
    cx, cy = box_w + 80, height / 2 - box_h / 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="vb-graph" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="sơ đồ trích dẫn">',
        '<defs><marker id="vb-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
        f'<text x="10" y="16" class="vb-graph-head">Văn bản này dẫn ({len(cites)})</text>',
        f'<text x="{2 * box_w + 160}" y="16" class="vb-graph-head">Được dẫn bởi ({len(cited_by)})</text>',
    ]

    def box(x: float, y: float, label: str, href: str | None, css: str, tip: str) -> str:
        text = f'<text x="{x + 8}" y="{y + 17}">{escape(label)}</text>'
        rect = f'<rect x="{x}" y="{y}" width="{box_w}" height="{box_h}" rx="4" class="{css}"/>'
        inner = f"<title>{escape(tip)}</title>{rect}{text}"
        return f'<a href="{escape(href)}">{inner}</a>' if href else f"<g>{inner}</g>"

    def column_y(i: int) -> float:
        return 30 + i * (box_h + gap)

    for i, citation in enumerate(left):
        y = column_y(i)
        target = citation.get("cited_document_id")
        parts.append(
            f'<line x1="{cx}" y1="{cy + box_h / 2}" x2="{10 + box_w}" y2="{y + box_h / 2}" '
            f'class="vb-edge" marker-end="url(#vb-arrow)"/>'
        )
        tip = " ".join(
            x
            for x in (
                citation.get("doc_type"),
                citation.get("symbol"),
                citation.get("issuer"),
                vietnamese.show_date(citation.get("issued_date")),
                citation.get("title"),
            )
            if x
        )
        parts.append(
            box(
                10,
                y,
                _label(citation),
                row_url(target) if target else None,
                "vb-node" if target else "vb-node vb-missing",
                tip + ("" if target else f" — {NOT_IN_CORPUS}"),
            )
        )
    for i, citing in enumerate(right):
        y = column_y(i)
        x = 2 * box_w + 150
        parts.append(
            f'<line x1="{x}" y1="{y + box_h / 2}" x2="{cx + box_w}" y2="{cy + box_h / 2}" '
            f'class="vb-edge" marker-end="url(#vb-arrow)"/>'
        )
        tip = " ".join(
            x
            for x in (
                citing.get("doc_type"),
                citing.get("symbol"),
                citing.get("issuer"),
                vietnamese.show_date(citing.get("issued_date")),
                citing.get("subject"),
            )
            if x
        )
        parts.append(box(x, y, _label(citing), row_url(citing["id"]), "vb-node", tip))
    if len(cites) > limit or len(cited_by) > limit:
        parts.append(
            f'<text x="10" y="{column_y(rows - 1) + 17}" class="vb-graph-more">'
            f'còn {max(len(cites) - limit, 0)} văn bản được dẫn, {max(len(cited_by) - limit, 0)} văn bản dẫn nữa: '
            'xem danh sách bên dưới</text>'
        )
    parts.append(
        box(
            cx,
            cy,
            _label(center),
            None,
            "vb-node vb-center",
            " ".join(x for x in (center.get("doc_type"), center.get("symbol"), center.get("subject")) if x),
        )
    )
    parts.append("</svg>")
    return Markup("".join(parts))


async def document_page(datasette, database: str, document_id: str) -> dict:
    """Template variables for one document: its text marked up, its citations both ways, its duties."""
    db = datasette.get_database(database)
    found = await db.execute("SELECT * FROM documents WHERE id = ?", [document_id])
    document = found.first()
    if document is None:
        return {}
    document = dict(document)
    cites = [
        dict(r)
        for r in (
            await db.execute(
                "SELECT c.*, d.symbol AS cited_symbol, d.subject AS cited_subject FROM citations c "
                "LEFT JOIN documents d ON d.id = c.cited_document_id WHERE c.citing_document_id = ? ORDER BY c.position",
                [document["id"]],
            )
        ).rows
    ]
    cited_by = [
        dict(r)
        for r in (
            await db.execute(
                "SELECT DISTINCT d.id, d.symbol, d.doc_type, d.issuer, d.issued_date, d.subject FROM citations c "
                "JOIN documents d ON d.id = c.citing_document_id WHERE c.cited_document_id = ? "
                "ORDER BY d.issued_date DESC, d.id",
                [document["id"]],
            )
        ).rows
    ]
    duties = [
        dict(r)
        for r in (
            await db.execute(
                "SELECT du.*, a.canonical_name, a.locality FROM duties du LEFT JOIN agencies a ON a.id = du.agency_id "
                "WHERE du.document_id = ? ORDER BY du.position",
                [document["id"]],
            )
        ).rows
    ]
    recipients = [
        r[0]
        for r in (
            await db.execute("SELECT name FROM recipients WHERE document_id = ? ORDER BY position", [document["id"]])
        ).rows
    ]

    def row_url(pk) -> str:
        return datasette.urls.row(database, "documents", str(pk))

    marks: list[Mark] = []
    for citation in cites:
        target = citation["cited_document_id"]
        citation["anchor"] = f"cite-{citation['id']}"
        citation["href"] = row_url(target) if target else None
        title = " ".join(
            x
            for x in (
                citation["doc_type"],
                citation["symbol"],
                citation["issuer"],
                vietnamese.show_date(citation["issued_date"]),
            )
            if x
        )
        for start, end in _spans(citation["spans"]):
            marks.append(
                Mark(
                    start,
                    end,
                    "cite",
                    citation["anchor"],
                    citation["href"],
                    title + ("" if target else f" — {NOT_IN_CORPUS}"),
                    "vb-cite" if target else "vb-cite vb-missing",
                )
            )
    for duty in duties:
        duty["anchor"] = f"duty-{duty['id']}"
        if (
            duty["span_start"] is not None
            and duty["span_end"] is not None
            and 0 <= duty["span_start"] < duty["span_end"]
        ):
            title = f"{duty['agency']} ({vietnamese.value_label(duty['role'])})" + (
                f" — hạn: {vietnamese.show_date(duty['deadline'])}" if duty["deadline"] else ""
            )
            marks.append(
                Mark(
                    duty["span_start"],
                    duty["span_end"],
                    "duty",
                    duty["anchor"],
                    None,
                    title,
                    f"vb-duty vb-{duty['role'] or 'lead'}",
                )
            )
    return {
        **await tracker_pages.document_tracking(db, document["id"]),
        "vanban_document": document,
        "vanban_warnings": document_warnings(document),
        "vanban_text": highlight(document["text"] or "", marks),
        "vanban_graph": neighbourhood_svg(document, cites, cited_by, row_url),
        "vanban_cites": cites,
        "vanban_cited_by": cited_by,
        "vanban_duties": duties,
        "vanban_recipients": recipients,
        "vanban_row_url": row_url,
    }


async def _tables(datasette, database: str) -> list[dict]:
    """Every table an analyst can open, with its row count, in the metadata's order."""
    db = datasette.get_database(database)
    hidden = set(await db.hidden_table_names())
    names = [name for name in await db.table_names() if name not in hidden]
    described = list((datasette.metadata("tables", database=database) or {}).keys())
    names.sort(key=lambda name: (described.index(name) if name in described else len(described), name))
    counts = await db.table_counts(limit=10)
    return [
        {"name": name, "label": vietnamese.TABLE_LABELS.get(name, name), "count": counts.get(name)} for name in names
    ]


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    """Variables of the vanban templates: the document page, the search box, date messages, the table list."""
    if request is None:
        return {}

    async def inner():
        found = {
            "vanban_date_errors": date_errors(datasette, request.args),
            "vanban_choices": {"status": vietnamese.STATUS_CHOICES},
        }
        if view_name == "index":
            found["vanban_tables"] = await _tables(datasette, DATABASE_NAME)
        elif view_name == "database":
            found["vanban_tables"] = await _tables(datasette, database)
        elif view_name == "row" and table == "documents":
            found.update(await document_page(datasette, database, request.url_vars.get("pks", "")))
        elif view_name == "row" and table == "agencies":
            found.update(await tracker_pages.agency_page(datasette, database, request.url_vars.get("pks", "")))
        elif view_name == "table" and table == "documents":
            typed = request.args.get("_q", "")
            query = search.parse(typed)
            found["vanban_search"] = {
                "typed": typed,
                "query": query,
                "columns": None if request.args.get("_col") else list(DOCUMENTS_COLUMNS),
            }

            async def passages(ids):
                return await _passages(datasette, database, [int(i) for i in ids], query)

            found["vanban_passages"] = passages if not query.empty else None
        return found

    return inner
