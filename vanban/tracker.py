"""The duty tracker: which later documents answer a duty, so each duty is open, answered or overdue.

A document answers a duty when it cites the document that assigned it (the citation resolved to that
document: ``vanban.resolve``), it is not older than it, and its issuer is the agency the duty names:

- ``issuer`` — the same body in the same place: a duty of ``Sở Nội vụ`` in a Kế hoạch of UBND tỉnh Lâm Đồng
  is answered by a báo cáo of ``Sở Nội vụ tỉnh Lâm Đồng`` citing that Kế hoạch;
- ``level`` — the duty names a body of a level of local government (``Ủy ban nhân dân cấp tỉnh``, ``Ủy ban
  nhân dân các tỉnh, thành phố``, ``Sở Nội vụ các tỉnh``) and the issuer is that body of one unit of the level
  (``Ủy ban nhân dân tỉnh Lâm Đồng``), of the duty's own province when it has one.

Each duty is matched member by member (``duty_agencies``: ``Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính`` owes
twice), and each match is a row of ``duty_responses`` (duty, agency, responding document, how it matched): a
candidate for a clerk to confirm, never a verdict. The view ``duty_status`` (vanban/migrations.py) turns these
rows and the deadline into a status as of today.

The rows follow the citation links: whenever resolution changes a link (a report stored after the plan it
cites, or a plan stored after the report that cites it), :func:`answer_citations` matches that citing
document again with the duties of the documents it linked to before and after; the store calls
:func:`answer_document` when it rewrites a document's duties.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex
import sqlite_utils

from vanban.extractors import agencies, knowledge
from vanban.pipeline.normalize import fold_diacritics
from vanban.record import DocumentInfo
from vanban.resolve import CONFLICT, compare_dates, parse_issuer
from vanban.values import agency_locality, province

ISSUER, LEVEL = "issuer", "level"

# Unit words by level of local government: "tỉnh" → ("tỉnh", "thành phố"), …
_LEVELS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in knowledge.table("local_levels")["levels"].items()}
_UNIT = agencies.alternation({unit for units in _LEVELS.values() for unit in units})

# A body named for a level, not for one place, lower case with abbreviations spelled out:
# "ủy ban nhân dân cấp tỉnh", "ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "sở nội vụ các tỉnh".
_LEVEL_BODY = regex.compile(
    rf"""(?x)
    ^(?:các\s+)?(?P<body>\S.*?)\s+
    (?:
        cấp\s+(?P<level>{"|".join(_LEVELS)})                                   # … cấp tỉnh
      | (?:các\s+)?(?P<units>(?:{_UNIT})(?:\s*(?:,|và|hoặc)\s*(?:các\s+)?(?:{_UNIT}))*)   # … các tỉnh, thành phố
    )
    (?:\s+trực\s+thuộc\s+trung\s+ương)?$
    """
)
# One unit word of a list of them: "tỉnh" and "thành phố" in "các tỉnh, thành phố".
_UNIT_WORD = regex.compile(rf"(?:{_UNIT})")


def _fold(text: str | None) -> str | None:
    return " ".join(fold_diacritics(text).lower().split()) if text else None


@dataclass(frozen=True)
class LevelBody:
    """A body of every unit of some levels: ``Ủy ban nhân dân cấp tỉnh`` → body "uy ban nhan dan",
    units ("tỉnh", "thành phố")."""

    body: str  # folded
    units: frozenset[str]


def level_body(name: str) -> LevelBody | None:
    """The body and the units a name addressed to a level covers, or None for a name of one body."""
    m = _LEVEL_BODY.match(" ".join(agencies.expand(name).lower().split()).replace("uỷ", "ủy"))
    if not m or not agencies.is_local_body(m["body"]):
        return None
    units = _LEVELS[m["level"]] if m["level"] else tuple(_UNIT_WORD.findall(m["units"]))
    return LevelBody(_fold(m["body"]), frozenset(units))


@dataclass(frozen=True)
class Member:
    """An agency a duty is given to: its ``agencies`` row."""

    duty_id: int
    agency_id: int
    canonical_name: str
    locality: str | None


@dataclass(frozen=True)
class Responder:
    """The issuer of a document that may answer duties: as one agency, and as one unit of a level."""

    document_id: int
    issued_date: str | None
    body: str  # folded, without its place: "so noi vu"
    locality: str | None  # folded: "lam dong"
    unit: str | None  # "tỉnh", "xã" …
    province: str | None  # folded province it belongs to


def responder(
    document_id: int, issuer: str | None, parent: str | None, place: str | None, issued: str | None
) -> Responder | None:
    """The issuer of a stored document as the duties it may answer see it; None when it has no issuer."""
    if not issuer or not issuer.strip():
        return None
    info = DocumentInfo(issuer=issuer, parent_issuer=parent, place=place)
    name = agencies.canonical(issuer, agencies.document_locality(info))
    parsed = parse_issuer(name)
    _, unit, _ = agencies.locality_parts(issuer)
    return Responder(
        document_id,
        issued,
        parsed.body if parsed else _fold(name),
        _fold(agency_locality(name, info)),
        unit,
        _fold(province(issuer) or province(parent) or province(place)),
    )


def match(member: Member, by: Responder) -> str | None:
    """How the document of ``by`` answers the duty of ``member``: ISSUER, LEVEL, or None."""
    parsed = parse_issuer(member.canonical_name)
    locality = _fold(member.locality)
    if parsed and parsed.body == by.body and locality == by.locality:
        return ISSUER
    level = level_body(member.canonical_name)
    if level and level.body == by.body and by.unit in level.units and locality in (None, by.province):
        return LEVEL
    return None


_MEMBERS = """
    SELECT du.id, a.id, a.canonical_name, a.locality FROM duties du
    JOIN duty_agencies da ON da.duty_id = du.id JOIN agencies a ON a.id = da.agency_id
    WHERE du.document_id = :doc
    UNION
    SELECT du.id, a.id, a.canonical_name, a.locality FROM duties du JOIN agencies a ON a.id = du.agency_id
    WHERE du.document_id = :doc AND NOT EXISTS (SELECT 1 FROM duty_agencies da WHERE da.duty_id = du.id)
"""


def _members(db: sqlite_utils.Database, document_id: int) -> list[Member]:
    """Whom a document's duties are given to: each member of each duty (a duty of no member: its own agency)."""
    return [Member(*row) for row in db.execute(_MEMBERS, {"doc": document_id}).fetchall()]


def _responder(db: sqlite_utils.Database, document_id: int) -> Responder | None:
    row = db.execute(
        "SELECT issuer, parent_issuer, place, issued_date FROM documents WHERE id = ?", [document_id]
    ).fetchone()
    return responder(document_id, *row) if row else None


def _answer(db: sqlite_utils.Database, members: list[Member], assigned: str | None, by: Responder | None) -> int:
    """Record the duties among ``members`` that ``by`` answers; return how many."""
    if by is None or _older(by.issued_date, assigned):
        return 0
    rows = [(m.duty_id, m.agency_id, by.document_id, how) for m in members if (how := match(m, by))]
    db.conn.executemany("INSERT INTO duty_responses (duty_id, agency_id, document_id, match) VALUES (?, ?, ?, ?)", rows)
    return len(rows)


def _older(issued: str | None, than: str | None) -> bool:
    """``issued`` is before ``than`` on what both dates print ("2025-12" is not before "2025-12-16")."""
    return bool(issued and than and compare_dates(issued, than) == CONFLICT and issued < than)


def _issued(db: sqlite_utils.Database, document_id: int) -> str | None:
    row = db.execute("SELECT issued_date FROM documents WHERE id = ?", [document_id]).fetchone()
    return row[0] if row else None


def answer_document(db: sqlite_utils.Database, document_id: int) -> int:
    """Match a document's duties with every stored document citing it, afresh; return the answers found."""
    db.execute(
        "DELETE FROM duty_responses WHERE duty_id IN (SELECT id FROM duties WHERE document_id = ?)", [document_id]
    )
    members = _members(db, document_id)
    if not members:
        return 0
    citing = db.execute(
        "SELECT DISTINCT citing_document_id FROM citations WHERE cited_document_id = ? AND citing_document_id != ?",
        [document_id, document_id],
    ).fetchall()
    assigned = _issued(db, document_id)
    return sum(_answer(db, members, assigned, _responder(db, row[0])) for row in citing)


def answer_citations(db: sqlite_utils.Database, links: Iterable[tuple[int, int]]) -> int:
    """Match again each (citing document, cited document) pair whose citation link has just been made or
    undone: the answers of the citing document to the cited document's duties; return the answers found."""
    found = 0
    for citing_id, cited_id in sorted(set(links)):
        db.execute(
            "DELETE FROM duty_responses WHERE document_id = ? "
            "AND duty_id IN (SELECT id FROM duties WHERE document_id = ?)",
            [citing_id, cited_id],
        )
        linked = db.execute(
            "SELECT 1 FROM citations WHERE citing_document_id = ? AND cited_document_id = ? LIMIT 1",
            [citing_id, cited_id],
        ).fetchone()
        if linked and citing_id != cited_id:
            members = _members(db, cited_id)
            if members:
                found += _answer(db, members, _issued(db, cited_id), _responder(db, citing_id))
    return found


def forget_duties(db: sqlite_utils.Database, document_id: int) -> list[int]:
    """Before a document is written again: drop the answers to its duties, and return the documents its
    citations link to now (their answers from it are matched again once its new citations are linked)."""
    db.execute(
        "DELETE FROM duty_responses WHERE duty_id IN (SELECT id FROM duties WHERE document_id = ?)", [document_id]
    )
    rows = db.execute(
        "SELECT DISTINCT cited_document_id FROM citations WHERE citing_document_id = ? "
        "AND cited_document_id IS NOT NULL",
        [document_id],
    ).fetchall()
    return [row[0] for row in rows]
