"""Citation → corpus document: link a citation to the document it names, when the corpus holds it.

Symbols are not unique — every province's Ủy ban nhân dân issues a
``02/KH-UBND`` each year — so a document is identified by its symbol *and*
its issuer (with locality) and its date. A candidate that contradicts what the
citation says (another province, another date, another type) is dropped; of
those left, the one candidate with positive evidence (issuer or date agreeing)
is linked. With nothing to go on the citation stays unresolved: a missing
link is a gap, a wrong link is a lie.

Resolution reads only stored rows, so a document that arrives after the
documents citing it is linked by :func:`resolve_symbol` without re-extracting
anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import regex
import sqlite_utils

from vanban.extractors import agencies
from vanban.pipeline.normalize import fold_diacritics

# Issuer codes of central bodies (Quốc hội, Chính phủ, Thủ tướng, ministries):
# a symbol with a year and one of these codes names one document nationwide
# ("30/2020/NĐ-CP"), while "01/2020/QĐ-UBND" exists once per province. Codes
# are folded (Đ → D) and upper case.
CENTRAL_ISSUER_CODES = frozenset(
    {
        "QH",
        "UBTVQH",
        "CTN",
        "CP",
        "TTG",
        "VPCP",
        "TTCP",
        "KTNN",
        "NHNN",
        "TANDTC",
        "VKSNDTC",
        "UBDT",
        "BNV",
        "BTC",
        "BCA",
        "BQP",
        "BYT",
        "BGDDT",
        "BTP",
        "BXD",
        "BCT",
        "BNG",
        "BKHCN",
        "BTTTT",
        "BNNPTNT",
        "BNNMT",
        "BTNMT",
        "BKHDT",
        "BLDTBXH",
        "BGTVT",
        "BVHTTDL",
        "BDTTG",
    }
)

_SYMBOL_YEAR = regex.compile(r"/(?P<year>(?:19|20)\d\d)/")  # "45/2020/NĐ-CP"
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})


def symbol_key(symbol: str | None) -> str | None:
    """The symbol as compared: no spaces, one kind of dash, folded, upper case ("02/KH-UBND" → "02/KH-UBND")."""
    if not symbol:
        return None
    key = fold_diacritics(symbol.translate(_DASHES)).upper()
    key = "".join(key.split())
    return key or None


@dataclass(frozen=True)
class Issuer:
    """An issuer split into its body and its locality, both folded for comparison."""

    body: str
    locality: str | None  # folded place name ("lang son"); None for a central body or when unknown
    needs_locality: bool  # a local body whose locality the text left out ("UBND tỉnh")


@lru_cache(maxsize=1 << 14)  # the same issuers come back in every citation and candidate: parsed once
def parse_issuer(name: str | None) -> Issuer | None:
    """``"UBND tỉnh Lạng Sơn"`` → Issuer(body="uy ban nhan dan", locality="lang son")."""
    if not name or not name.strip():
        return None
    body, unit, place = agencies.locality_parts(name)
    needs = unit is not None and place is None or unit is None and agencies.is_local_body(body)
    return Issuer(body=_fold(body), locality=_fold(place) if place else None, needs_locality=needs)


def document_locality(issuer: str | None, parent_issuer: str | None, place: str | None) -> str | None:
    """Where a document's issuer sits: from its issuer, else the body above it, else the place line."""
    for name in (issuer, parent_issuer):
        parsed = parse_issuer(name)
        if parsed and parsed.locality:
            return parsed.locality
    return _fold(place) if place else None


@lru_cache(maxsize=1 << 14)
def _fold(text: str) -> str:
    return " ".join(fold_diacritics(text).lower().replace(",", " ").split())


def _with_locality(issuer: Issuer | None, locality: str | None) -> Issuer | None:
    """Fill in the locality a local body's name left out from the document that names it."""
    if issuer and issuer.needs_locality and issuer.locality is None and locality:
        return Issuer(issuer.body, locality, needs_locality=False)
    return issuer


MATCH, UNKNOWN, CONFLICT = "match", "unknown", "conflict"


def compare_issuers(cited: Issuer | None, candidate: Issuer | None) -> str:
    """Another locality is a conflict; the same body in the same locality is a match."""
    if cited is None or candidate is None:
        return UNKNOWN
    if cited.locality and candidate.locality and cited.locality != candidate.locality:
        return CONFLICT
    if cited.body == candidate.body and cited.locality == candidate.locality:
        return MATCH
    return UNKNOWN


def compare_dates(cited: str | None, candidate: str | None) -> str:
    """ISO dates, possibly partial ("2025-12"): agreeing on what both show is a match."""
    if not cited or not candidate:
        return UNKNOWN
    common = min(len(cited), len(candidate))
    return MATCH if cited[:common] == candidate[:common] else CONFLICT


def compare_types(cited: str | None, candidate: str | None) -> str:
    if not cited or not candidate:
        return UNKNOWN
    return MATCH if _fold(cited) == _fold(candidate) else CONFLICT


def _is_national_symbol(key: str) -> bool:
    """A symbol with a year issued by a central body names one document nationwide."""
    if not _SYMBOL_YEAR.search(key):
        return False
    return key.rsplit("/", 1)[-1].rsplit("-", 1)[-1] in CENTRAL_ISSUER_CODES


@dataclass(frozen=True)
class Candidate:
    """A stored document whose symbol matches a citation's."""

    id: int
    doc_type: str | None
    issuer: Issuer | None
    issued_date: str | None


def choose(citation: dict, candidates: list[Candidate], citing_locality: str | None) -> int | None:
    """The id of the document ``citation`` names among ``candidates``, or None when it cannot be told.

    ``citation`` holds the stored citation fields (symbol_key, doc_type, issuer,
    issued_date, year); ``citing_locality`` fills "UBND tỉnh" in with the
    citing document's province.
    """
    cited_issuer = _with_locality(parse_issuer(citation.get("issuer")), citing_locality)
    cited_date = citation.get("issued_date") or (str(citation["year"]) if citation.get("year") else None)
    kept: list[tuple[Candidate, int]] = []
    for candidate in candidates:
        verdicts = (
            compare_issuers(cited_issuer, candidate.issuer),
            compare_dates(cited_date, candidate.issued_date),
            compare_types(citation.get("doc_type"), candidate.doc_type),
        )
        if CONFLICT in verdicts:
            continue
        kept.append((candidate, sum(v == MATCH for v in verdicts[:2])))
    supported = [candidate for candidate, evidence in kept if evidence]
    if len(supported) == 1:
        return supported[0].id
    if supported and len({(c.issuer, c.issued_date, c.doc_type) for c in supported}) == 1:
        return min(c.id for c in supported)  # the same document stored from two files (PDF and DOCX)
    if not supported and len(kept) == 1 and _is_national_symbol(citation.get("symbol_key") or ""):
        return kept[0][0].id
    return None


def _candidates(db: sqlite_utils.Database, key: str) -> list[Candidate]:
    """Every stored document with the symbol ``key``, its issuer parsed."""
    rows = db.execute(
        "SELECT id, doc_type, issuer, parent_issuer, place, issued_date FROM documents WHERE symbol_key = ?",
        [key],
    ).fetchall()
    candidates = []
    for doc_id, doc_type, issuer, parent_issuer, place, issued_date in rows:
        parsed = _with_locality(parse_issuer(issuer), document_locality(issuer, parent_issuer, place))
        candidates.append(Candidate(doc_id, doc_type, parsed, issued_date))
    return candidates


_CITATION_COLUMNS = """
    SELECT c.id, c.symbol_key, c.doc_type, c.issuer, c.issued_date, c.year, c.cited_document_id,
           d.id, d.issuer, d.parent_issuer, d.place
    FROM citations c JOIN documents d ON d.id = c.citing_document_id
"""


def _resolve_rows(db: sqlite_utils.Database, where: str, params: list) -> int:
    """Re-resolve the citations selected by ``where``; return how many links changed.

    The documents of a symbol are read and parsed once, however many citations name it. The duties of the
    documents a changed citation linked to, before and after, are matched again with its citing document
    (``vanban.tracker``: a report stored before or after the plan it answers).
    """
    changed: list[tuple[int, int]] = []  # (citing document, cited document) of each link made or undone
    count = 0
    cache: dict[str, list[Candidate]] = {}
    localities: dict[int, str | None] = {}  # citing document → its locality
    for (
        cid,
        key,
        doc_type,
        issuer,
        issued_date,
        year,
        current,
        citing_id,
        citing_issuer,
        citing_parent,
        citing_place,
    ) in db.execute(_CITATION_COLUMNS + where, params).fetchall():
        target = None
        if key:
            if key not in cache:
                cache[key] = _candidates(db, key)
            if citing_id not in localities:
                localities[citing_id] = document_locality(citing_issuer, citing_parent, citing_place)
            citation = {
                "symbol_key": key,
                "doc_type": doc_type,
                "issuer": issuer,
                "issued_date": issued_date,
                "year": year,
            }
            others = [candidate for candidate in cache[key] if candidate.id != citing_id]
            target = choose(citation, others, localities[citing_id])
        if target != current:
            db.execute("UPDATE citations SET cited_document_id = ? WHERE id = ?", [target, cid])
            changed.extend((citing_id, linked) for linked in (current, target) if linked is not None)
            count += 1
    if changed:
        from vanban.tracker import answer_citations  # here: the tracker imports vanban.values, which imports this

        answer_citations(db, changed)
    return count


def resolve_document_citations(db: sqlite_utils.Database, document_id: int) -> int:
    """Link the citations a document makes (after it is stored)."""
    return _resolve_rows(db, "WHERE c.citing_document_id = ?", [document_id])


def resolve_symbol(db: sqlite_utils.Database, key: str | None) -> int:
    """Re-resolve every citation of symbol ``key``: run when a document with that symbol arrives or changes.

    Linked citations are re-checked too: a second document with the same
    symbol may make a link that was unique ambiguous.
    """
    if not key:
        return 0
    return _resolve_rows(db, "WHERE c.symbol_key = ?", [key])


def resolve_citations(db: sqlite_utils.Database, document_ids: list[int], keys: set[str]) -> int:
    """Re-resolve the citations that ``document_ids`` make and every citation of the symbols ``keys``, in one
    pass: what :func:`resolve_document_citations` of each document and :func:`resolve_symbol` of each key do
    (a batch of stored documents: ``vanban.store.StoreWriter``)."""
    if not document_ids and not keys:
        return 0
    return _resolve_rows(
        db,
        "WHERE c.citing_document_id IN (SELECT value FROM json_each(?)) "
        "OR c.symbol_key IN (SELECT value FROM json_each(?))",
        [json.dumps(document_ids), json.dumps(sorted(keys))],
    )


def resolve_all(db: sqlite_utils.Database) -> int:
    """Re-resolve every citation in the database."""
    return _resolve_rows(db, "", [])
