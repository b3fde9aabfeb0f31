"""Citation roles: `basis` for a ground of issuing named in the opening (Căn cứ …; Thực hiện …; Theo
đề nghị …; Phúc đáp …; nhận được …), in a footnote whose marker stands there too; `reference` for the rest
and for a document named only inside a ground's trích yếu.
"""

from __future__ import annotations

import regex

from vanban.pipeline.document import TextDocument
from vanban.record import DocumentInfo

from . import citation_patterns as P
from .citation_mentions import Mention


def assign_roles(doc: TextDocument, info: DocumentInfo, text: str, mentions: list[Mention]) -> None:
    """basis: cited in the preamble as a ground for issuing; reference: everything else."""
    official = bool(info.doc_type or info.symbol or P.OFFICIAL_MARK.search(text[:3000]))
    body = P.BODY_START.search(text, doc.header_end)
    preamble_end = body.start() if body else len(text)
    opening_end = P.OPENING_END.search(text, doc.header_end, preamble_end)
    if opening_end:
        preamble_end = opening_end.end()  # `…, UBND tỉnh báo cáo HĐND tỉnh … như sau:` closes the opening
    breaks = [(b.start(), b.end(), b.group()) for b in P.CLAUSE_BREAK.finditer(text)]
    footnotes = doc.footnotes or []
    anchors = _footnote_anchors(text, footnotes)
    for i, m in enumerate(mentions):
        clause_start, boundary = _clause_start(breaks, m.start)
        if m.start >= doc.header_end > clause_start:
            clause_start, boundary = doc.header_end, ""  # the V/v line is no part of the body's clause
        prev = next((p for p in reversed(mentions[:i]) if p.start >= clause_start), None)
        if any(
            p.title_span and p.title_span[0] <= m.start < p.title_span[1]
            for p in mentions[:i]
            if p.start >= clause_start
        ):
            m.nested = True  # in a trích yếu, however many documents that names before it
        elif prev is not None and prev.name and P.AMENDING.match(prev.name) and m.start < prev.end:
            m.nested = True
        note = next(((s, e) for s, e in footnotes if s <= m.start < e), None)
        in_preamble = official and m.start < preamble_end and note is None
        if m.nested:
            continue
        if note is not None:
            anchor = anchors.get(note)
            if official and anchor is not None and anchor < preamble_end:
                anchor_clause = _clause_start(breaks, anchor)[0]
                m.role = "basis" if _governed(text[max(anchor_clause, doc.header_end) : anchor]) else "reference"
            _relation_before(text, m, clause_start)
            continue
        if not in_preamble:
            _relation_before(text, m, clause_start)
            continue
        prefix = text[clause_start : m.start]
        top = next((p for p in reversed(mentions[:i]) if p.start >= clause_start and not p.nested), None)
        if top is not None and _item_end(top) <= m.start:
            prev = top  # the list's item before, past the documents its trích yếu names
        if prev is not None and not prev.nested:
            between = text[min(_item_end(prev), m.start) : m.start]
            if _governed(between):
                m.role = "basis"
            elif P.CONNECTOR.match(between):
                m.role = prev.role
            elif _governed(prefix):
                m.role = "basis"  # one opener over a list: `căn cứ … Luật Luật sư …, Điều lệ … ban hành kèm theo Quyết định số 856/QĐ-TTg`
            continue
        if _governed(prefix):
            m.role = "basis"
        elif not prefix.strip(" \n\t-+•,") or prefix.strip() == "và":
            earlier = next((p for p in reversed(mentions[:i]) if p.start < clause_start and not p.nested), None)
            if (
                earlier is not None
                and boundary == ";"
                and earlier.role == "basis"
                and _SPACES.match(text, _clause_start(breaks, earlier.start)[0]).end()
                >= _paragraph_start(text, clause_start)
            ):
                m.role = "basis"
        _relation_before(text, m, clause_start)
    first_of_list: dict[int, Mention] = {}
    for m in mentions:
        if m.lead is not None:
            m.role = first_of_list.setdefault(m.lead, m).role  # one list, one ground: `Theo đề nghị … các Công văn: …`


def _footnote_anchors(text: str, footnotes: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """Each footnote → where its marker stands in the text (`… của Chính phủ¹ và …` for the note `¹ …`):
    a document cited in a footnote is cited where its marker is, a ground when that is a ground's place."""
    anchors: dict[tuple[int, int], int] = {}
    for note in footnotes:
        mark = P.FOOTNOTE_MARK.match(text, note[0])
        if not mark:
            continue
        for found in regex.finditer(rf"(?<=\S){regex.escape(mark.group())}(?![\d¹²³⁴⁵⁶⁷⁸⁹⁰])", text):
            if not any(s <= found.start() < e for s, e in footnotes):
                anchors[note] = found.start()
                break
    return anchors


def _item_end(m: Mention) -> int:
    """Where a list item ends: after its trích yếu, when it has one (`Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của
    Chính phủ quy định cơ chế … quốc gia` + ` và Nghị định số 38/2023/NĐ-CP …`), else after its date and issuer."""
    return max(m.tail_end, m.title_span[1]) if m.title_span else m.tail_end


_SPACES = regex.compile(r"\s*")


def _clause_start(breaks: list[tuple[int, int, str]], pos: int) -> tuple[int, str]:
    start, kind = 0, ""
    for _b_start, b_end, b_text in breaks:
        if b_end > pos:
            break
        start, kind = b_end, b_text
    return start, kind


def _paragraph_start(text: str, pos: int) -> int:
    ends = [
        m.end() for m in regex.finditer(r"\n\s*\n|\n(?=\s*(?:[-+•]\s|Căn\s+cứ|Theo\s+đề\s+nghị))|[.:]\s*\n", text[:pos])
    ]
    return ends[-1] if ends else 0


def _governed(prefix: str) -> bool:
    """An opener stands in the clause before the citation, with no new clause in between.
    A lower-case opener must open a clause (`đề nghị Sở Nội vụ căn cứ …` is no ground), and a
    list of provisions before the document is one item (`Căn cứ Điều 3, khoản 2 Điều 4 …`), and so is
    a bracketed note (`Luật Luật sư năm 2006 (được sửa đổi, bổ sung năm 2012), …`)."""
    last = None
    for opener in P.OPENER.finditer(prefix):
        if (
            opener.group()[0].isupper()
            or P.OPENER_MID_SENTENCE.match(opener.group())
            or P.CLAUSE_OPENING.search(prefix, 0, opener.start())
        ):
            last = opener
    if last is None:
        return False
    between = P.PROVISIONS.sub("Điều", regex.sub(r"\([^()]*\)", " ", prefix[last.end() :]))
    return not P.NEW_CLAUSE_COMMA.search(between)


def _relation_before(text: str, m: Mention, clause_start: int) -> None:
    if m.relation:
        return
    before = text[max(clause_start, m.start - 60) : m.start]
    for pattern, relation in P.RELATION_BEFORE:
        if pattern.search(before):
            m.relation = relation
            return
