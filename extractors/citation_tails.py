"""Citation tails: what follows a mention — its date, `của <issuer>`, its trích yếu — read up to the
next mention, the end of an amending law's name, or the end of the footnote it stands in.
"""

from __future__ import annotations

import regex

from vanban.pipeline.document import TextDocument

from . import citation_patterns as P
from .citation_issuers import issuer_end, normalise_issuer
from .citation_mentions import Mention, date_allowed, iso_date


def read_tails(doc: TextDocument, text: str, mentions: list[Mention]) -> None:
    """Date, issuer and trích yếu after each mention. A mention inside an amending law's
    name (`Luật sửa đổi … của Luật Đất đai số 31/2024/QH15 … ngày 29 tháng 6 năm 2024`)
    reads no further than that name, so the date stays with the amending law."""
    bound_stack: list[int] = []
    for i, m in enumerate(mentions):
        while bound_stack and bound_stack[-1] <= m.start:
            bound_stack.pop()
        limit = min(bound_stack[-1] if bound_stack else len(text), len(text))
        if m.start < doc.header_end:
            limit = min(limit, doc.header_end)  # a citation in the V/v line ends with its line block
        boundary = _note_boundary(doc.footnotes or [], m.start, len(text))
        limit = min(limit, boundary)
        nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        _read_tail(doc, text, m, min(limit, nxt) if nxt > m.end else limit, boundary)
        if m.name and P.AMENDING.match(m.name):
            bound_stack.append(m.end)
        if m.title_span:
            _title_relation(m)


def _note_boundary(footnotes: list[tuple[int, int]], pos: int, default: int) -> int:
    """Where the text that ``pos`` stands in ends: its footnote's end, or the next footnote's start."""
    inside = next((e for s, e in footnotes if s <= pos < e), None)
    if inside is not None:
        return inside
    return min((s for s, _ in footnotes if s > pos), default=default)


def _read_tail(doc: TextDocument, text: str, m: Mention, limit: int, boundary: int) -> None:
    pos = m.end
    mark = P.FOOTNOTE_MARK.match(text, pos)
    if mark:
        pos = mark.end()
    date = P.DATE.match(text, pos, limit)
    if date and date_allowed(date):
        m.issued_date = iso_date(date)
        pos = date.end()
        m.own_tail = True
    elif P.UNREADABLE_DATE.match(text, pos, limit):
        pos = P.UNREADABLE_DATE.match(text, pos, limit).end()  # no date, but the issuer after it
    of = P.OF_ISSUER.match(text, pos, limit)
    if of:
        joint = m.doc_type.endswith("liên tịch") or bool(m.symbol and P.JOINT_CODE.search(m.symbol))
        name_end = issuer_end(text, of.end(), limit, joint=joint)
        if name_end > of.end():
            m.issuer = normalise_issuer(doc.text[of.end() : name_end])
            pos = name_end
            m.own_tail = True
            paren = regex.match(r"\s*\([^()\n]{0,40}\)", text[pos:limit])
            if paren:
                pos += paren.end()
            if m.issued_date is None:
                date = P.DATE.match(text, pos, limit)
                if date and date.group("y1") or (date and date.group("ngay")):
                    m.issued_date = iso_date(date)
                    pos = date.end()
    m.tail_end = pos
    starter = P.TITLE_START.match(text, pos, len(text))
    if starter and not m.name:
        start = starter.start("starter")
        end = min(_title_end(text, start), max(boundary, start))
        m.title_span = (start, end)
        m.title = " ".join(doc.text[start:end].split()) or None


def _title_end(text: str, start: int) -> int:
    """A trích yếu runs to the end of its clause: `;`, a sentence end, a colon, a new paragraph, the list's next
    dated document."""
    m = P.TITLE_END.search(text, start, min(len(text), start + 1200))
    end = m.start() if m else min(len(text), start + 1200)
    item = P.NEXT_DATED_ITEM.search(text, start, end)
    if item and not _names_a_like_document(text[start : item.start()], item["type"]):
        end = item.start()
    while end > start and text[end - 1] in " \n\t,”\"":
        end -= 1
    return end


def _names_a_like_document(title: str, type_word: str) -> bool:
    """The trích yếu names a dated document, or one of ``type_word``: a list inside it goes on past `và`."""
    same_type = P.NUMBERED_OF_TYPE.get(" ".join(type_word.casefold().split()))
    return bool(P.DATED_NUMBER.search(title) or (same_type and same_type.search(title)))


def _title_relation(m: Mention) -> None:
    for pattern, relation in P.RELATION_TITLE:
        if pattern.match(m.title or ""):
            m.relation = relation
            return
