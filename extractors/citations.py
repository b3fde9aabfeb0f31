"""Citations: every other document the text cites, one entry per document.

The mentions are found (citation_mentions.py), the OCR step having already read their symbols back
(pipeline/ocr_citations.py); the document's own số is left out; each mention's tail is read (date,
issuer, trích yếu: citation_tails.py); its role is decided from where it stands (citation_roles.py);
issuers named before a list or shared by one are given to each document (citation_issuers.py); and the
mentions of one document are merged into one :class:`Citation`.
"""

from __future__ import annotations

import regex

from vanban.pipeline.document import TextDocument
from vanban.record import Citation, DocumentInfo

from . import citation_patterns as P
from .citation_issuers import issuers_before, share_issuers
from .citation_mentions import Mention, amending_law_symbols, find_mentions, fix_footnote_digits, name_key, symbol_key
from .citation_roles import assign_roles
from .citation_tails import read_tails


def extract_citations(doc: TextDocument, info: DocumentInfo) -> list[Citation]:
    """Every document cited in ``doc`` other than the document itself, in order of first mention."""
    text = doc.match_text
    mentions = find_mentions(doc, text)
    amending_law_symbols(mentions)
    own = _own_keys(doc, info)
    mentions = [
        m
        for m in mentions
        if m.key not in own
        and not (m.blank_key and ("own-codes", m.blank_key) in own)
        and not _own_attachment(text, m, info)
    ]
    fix_footnote_digits(mentions, text)
    read_tails(doc, text, mentions)
    assign_roles(doc, info, text, mentions)
    share_issuers(text, mentions)
    issuers_before(doc, text, mentions, info)
    return _merge(mentions)


def _own_keys(doc: TextDocument, info: DocumentInfo) -> set[tuple]:
    """Keys the document's own số takes: from the header extractor, else from the `Số:` line."""
    keys: set[tuple] = set()
    if info.symbol:
        keys.add(("sym", symbol_key(info.symbol)))
    head = doc.match_text[: max(doc.header_end, 2500)]
    m = P.OWN_SYMBOL.search(head)
    if m:
        number = m.group("number")
        codes = m.group("codes") or f"{m.group('party_type')}/{m.group('party_issuer')}"
        if number and number.isdigit():
            keys.add(("sym", symbol_key(doc.text[m.start("symbol") : m.end("symbol")])))
        keys.add(("own-codes", symbol_key(codes)))
    if info.type_code and info.issuer_code:
        keys.add(("own-codes", symbol_key(f"{info.type_code}-{info.issuer_code}")))
    return keys


_ATTACHED_TO = regex.compile(r"(?xi) kèm \s+ theo \s* $")


def _own_attachment(text: str, m: Mention, info: DocumentInfo) -> bool:
    """`(Kèm theo Báo cáo số /BC-UBND ngày tháng 12 năm 2025 …)` heading an appendix: a blank
    number of the document's own type names the document itself."""
    return bool(
        m.blank_key
        and info.doc_type
        and m.doc_type == info.doc_type
        and _ATTACHED_TO.search(text, max(0, m.start - 20), m.start)
    )


def _short_law_names(mentions: list[Mention]) -> None:
    """`Luật Bầu cử` where the document cites `Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân`:
    a law's name that begins the name of exactly one other law the document cites is that law, shortened."""
    named = {(m.doc_type, name_key(m.name)): m for m in mentions if m.name and not P.AMENDING.match(m.name)}
    for m in mentions:
        if not m.name or m.symbol or P.AMENDING.match(m.name):
            continue
        key = name_key(m.name)
        longer = [
            full for (doc_type, name), full in named.items() if doc_type == m.doc_type and name.startswith(key + " ")
        ]
        if len({name_key(f.name) for f in longer}) == 1:
            m.name, m.title = longer[0].name, longer[0].title


def _numbers_alone(mentions: list[Mention]) -> None:
    """`Nghị quyết số 163 của Quốc hội` where the document cites `Nghị quyết số 163/2024/QH15`: a document
    cited by its number alone is the one document of its type and number that the text cites in full."""
    full = [m for m in mentions if m.symbol and m.number and m.symbol != m.number]
    for m in mentions:
        if m.symbol and m.symbol == m.number:
            same = {f.key for f in full if f.doc_type == m.doc_type and f.number.lstrip("0") == m.number.lstrip("0")}
            if len(same) == 1:
                twin = next(f for f in full if f.key in same)
                m.symbol, m.year = twin.symbol, twin.year


def _merge(mentions: list[Mention]) -> list[Citation]:
    """One Citation per document; a law cited by name joins the same law cited with its số.
    A bare `Hiến pháp` (no name, no year) is no citation by itself (CONTRACT: type plus name);
    it is one more mention of the Hiến pháp the document names elsewhere."""
    by_key: dict[tuple, Citation] = {}
    named_laws: dict[tuple, tuple] = {}
    for m in mentions:
        if m.symbol and m.name:
            named_laws[("name", m.doc_type.casefold(), name_key(m.name))] = m.key
    _short_law_names(mentions)
    _numbers_alone(mentions)
    for m in mentions:
        if m.bare:
            continue
        key = named_laws.get(m.key, m.key)
        c = by_key.get(key)
        if c is None:
            by_key[key] = Citation(
                doc_type=m.doc_type,
                symbol=m.symbol,
                number=m.number,
                year=m.year,
                issued_date=m.issued_date,
                issuer=m.issuer,
                title=m.title,
                role=m.role,
                mentions=1,
                spans=[[m.start, m.end]],
                relation=m.relation,
            )
            continue
        c.mentions += 1
        c.spans.append([m.start, m.end])
        if m.symbol and (
            c.symbol is None or m.symbol.count("-") > c.symbol.count("-") and m.symbol.count("/") == c.symbol.count("/")
        ):
            c.symbol, c.number, c.year = m.symbol, m.number, m.year  # the fullest printing: NĐ-CP over NĐCP
        c.issued_date = c.issued_date or m.issued_date
        c.issuer = c.issuer or m.issuer
        c.title = c.title or m.title
        c.relation = c.relation or m.relation
        if m.role == "basis":
            c.role = "basis"
    constitution = next((c for c in by_key.values() if c.doc_type == "Hiến pháp"), None)
    for m in mentions:
        if m.bare and constitution is not None:
            constitution.mentions += 1
            constitution.spans = sorted(constitution.spans + [[m.start, m.end]])
            if m.role == "basis":
                constitution.role = "basis"
    return list(by_key.values())
