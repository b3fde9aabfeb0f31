"""Datasette plugin: search functions for SQL, the document page's highlighted text and citation picture.

- SQL functions (every connection): ``vanban_fold(text)`` (lower case, tone
  and vowel marks removed, đ→d), ``vanban_key(text)`` (the same with spaces
  collapsed: what the ``*_key`` columns hold), ``vanban_fts_query(q)`` (a folded, quoted
  FTS5 query from what a user typed), ``vanban_symbol_key(symbol)`` (a symbol
  as ``citations.symbol_key`` holds it) and ``vanban_snippet(text, q)`` (the
  passage of the original text around the first folded match).
- The ``documents`` row page (template ``row-vanban-documents.html``) gets
  the document text with citations and duties marked and linked, and an SVG
  of the documents it cites and that cite it. Document text is untrusted:
  every piece is escaped before markup is added.
- ``document_id`` columns of canned queries link to the document page.
- ``/-/vanban/annotated/<id>``: the document's text with its citations and
  duties drawn by displaCy from spaCy span groups (``vanban.highlight``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import regex
from datasette import Response, hookimpl
from markupsafe import Markup, escape

from vanban.pipeline.normalize import fold_diacritics, search_key
from vanban.resolve import symbol_key

DOCUMENT_ID_COLUMNS = frozenset({"document_id", "cited_document_id", "citing_document_id"})

_WORD = regex.compile(r"\w+")  # a search term: "cải", "02", "kh"


def fold(text: str | None) -> str | None:
    """Lower case without marks: what folded search compares."""
    return fold_diacritics(text).lower() if text is not None else None


def fts_query(typed: str | None) -> str:
    """An FTS5 query from what a user typed: each word folded and quoted, all required.

    Quoting makes punctuation harmless ("02/KH-UBND" → "02" "kh" "ubnd").
    """
    words = _WORD.findall(fold(typed or "") or "")
    return " ".join(f'"{word}"' for word in words) or '""'


def snippet(text: str | None, typed: str | None, folded: str | None = None, width: int = 90) -> str | None:
    """The original text around the first place the first typed word occurs, matched folded.

    ``folded`` is the text as the folded search index holds it (marks removed,
    same length as ``text`` for NFC Vietnamese), so no folding is needed per
    row; without it the text is folded here. An offset in the folded text is
    an offset in the original.
    """
    if not text:
        return None
    words = _WORD.findall(fold(typed or "") or "")
    if folded is None or len(folded) != len(text):
        folded = fold_diacritics(text)
    hit = None
    if words and len(folded) == len(text):
        hit = regex.search(regex.escape(words[0]), folded, flags=regex.IGNORECASE)
    if hit is None:
        return text[: 2 * width].replace("\n", " ") + ("…" if len(text) > 2 * width else "")
    start, end = max(0, hit.start() - width), min(len(text), hit.start() + width)
    return ("…" if start else "") + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")


@hookimpl
def prepare_connection(conn):
    conn.create_function("vanban_fold", 1, fold, deterministic=True)
    conn.create_function("vanban_key", 1, search_key, deterministic=True)
    conn.create_function("vanban_fts_query", 1, fts_query, deterministic=True)
    conn.create_function("vanban_symbol_key", 1, symbol_key, deterministic=True)
    conn.create_function("vanban_snippet", 2, snippet, deterministic=True)
    conn.create_function("vanban_snippet", 3, snippet, deterministic=True)


@hookimpl
def register_routes():
    return [(r"^/-/vanban/annotated/(?P<id>\d+)$", annotated_document)]


async def annotated_document(datasette, request):
    """The document's text with citations and duties highlighted by displaCy (``vanban.highlight``)."""
    from vanban.highlight import render_html

    db = datasette.get_database("vanban")
    row = (await db.execute("SELECT text, record FROM documents WHERE id = ?", [int(request.url_vars["id"])])).first()
    if row is None:
        return Response.html("<p>No such document.</p>", status=404)
    return Response.html(render_html(row["text"] or "", json.loads(row["record"] or "{}")))


@hookimpl
def render_cell(value, column, table, database, datasette):
    """In query results, a ``document_id`` links to its document page."""
    if table is None and column in DOCUMENT_ID_COLUMNS and isinstance(value, int):
        href = datasette.urls.row(database, "documents", str(value))
        return Markup(f'<a href="{escape(href)}">{value}</a>')
    return None


@hookimpl
def extra_css_urls(view_name, table):
    if view_name == "row" and table == "documents":
        return ["/vanban-static/vanban.css"]
    return []


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
        f'viewBox="0 0 {width} {height}" role="img" aria-label="citation neighbourhood">',
        '<defs><marker id="vb-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
        f'<text x="10" y="16" class="vb-graph-head">cites ({len(cites)})</text>',
        f'<text x="{2 * box_w + 160}" y="16" class="vb-graph-head">cited by ({len(cited_by)})</text>',
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
                citation.get("issued_date"),
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
                tip + ("" if target else " — not in the corpus"),
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
                citing.get("issued_date"),
                citing.get("subject"),
            )
            if x
        )
        parts.append(box(x, y, _label(citing), row_url(citing["id"]), "vb-node", tip))
    if len(cites) > limit or len(cited_by) > limit:
        parts.append(
            f'<text x="10" y="{column_y(rows - 1) + 17}" class="vb-graph-more">'
            f'{max(len(cites) - limit, 0)} more cited, {max(len(cited_by) - limit, 0)} more citing: '
            'see the lists below</text>'
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
            x for x in (citation["doc_type"], citation["symbol"], citation["issuer"], citation["issued_date"]) if x
        )
        for start, end in _spans(citation["spans"]):
            marks.append(
                Mark(
                    start,
                    end,
                    "cite",
                    citation["anchor"],
                    citation["href"],
                    title + ("" if target else " — not in the corpus"),
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
            title = f"{duty['agency']} ({duty['role']})" + (f" — hạn: {duty['deadline']}" if duty["deadline"] else "")
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
        "vanban_document": document,
        "vanban_text": highlight(document["text"] or "", marks),
        "vanban_graph": neighbourhood_svg(document, cites, cited_by, row_url),
        "vanban_cites": cites,
        "vanban_cited_by": cited_by,
        "vanban_duties": duties,
        "vanban_recipients": recipients,
        "vanban_row_url": row_url,
    }


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    if view_name != "row" or table != "documents" or request is None:
        return {}
    pks = request.url_vars.get("pks", "")

    async def inner():
        return await document_page(datasette, database, pks)

    return inner
