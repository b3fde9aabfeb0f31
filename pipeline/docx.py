"""DOCX reader: paragraphs and tables in document order, footnotes after the body.

The body XML is walked directly (``w:p`` and ``w:tbl`` children of ``w:body``, in
order) because python-docx's ``Document.paragraphs`` and ``Document.tables`` lose
the order between them and skip footnote references. The header block of a Word
văn bản is nearly always a borderless two-column table at the top (issuer and
``Số`` on the left, Quốc hiệu and place/date on the right): its left cells are
emitted first, then its right cells, as the header region.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from zipfile import BadZipFile

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from vanban.errors import ReadError

from .document import Table, TextDocument
from .layout import header_lines, is_header_table, split_header_table, split_text_header
from .limits import check_docx_package
from .normalize import normalize

W_P, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_T, W_TAB, W_PTAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:ptab"), qn("w:br"), qn("w:cr")
W_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
W_FOOTNOTE_REFERENCE, W_FOOTNOTE_REF = qn("w:footnoteReference"), qn("w:footnoteRef")
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
W_ID, W_TYPE, W_PPR, W_RPR = qn("w:id"), qn("w:type"), qn("w:pPr"), qn("w:rPr")
# Deleted or moved-away revisions, field codes: not part of the visible text.
_SKIP = {
    qn("w:del"),
    qn("w:moveFrom"),
    qn("w:delText"),
    qn("w:instrText"),
    qn("w:delInstrText"),
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def footnote_marker(number: int) -> str:
    """The mark a footnote reference leaves in the text: superscript digits ("¹²").

    Superscript digits are not ``\\d``, so a marker glued to a symbol
    (``45/2020/NĐ-CP¹``) never changes the number a pattern reads.
    """
    return str(number).translate(_SUPERSCRIPT)


@dataclass
class _Text:
    """The raw text being assembled, with the spans of what was put in it."""

    parts: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> int:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start


class _Walker:
    """Turns WordprocessingML into lines of text, numbering footnote references as met."""

    def __init__(self) -> None:
        self.footnote_numbers: dict[str, int] = {}
        self.current_footnote: str | None = None

    def inline(self, element, out: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP or tag in (W_PPR, W_RPR):
                continue
            if tag == W_T:
                out.append(child.text or "")
            elif tag in (W_TAB, W_PTAB):
                out.append("\t")
            elif tag in (W_BR, W_CR):
                out.append("\n")
            elif tag == W_NO_BREAK_HYPHEN:
                out.append("-")
            elif tag == W_FOOTNOTE_REFERENCE:
                note_id = child.get(W_ID)
                number = self.footnote_numbers.setdefault(note_id, len(self.footnote_numbers) + 1)
                out.append(footnote_marker(number))
            elif tag == W_FOOTNOTE_REF and self.current_footnote in self.footnote_numbers:
                out.append(footnote_marker(self.footnote_numbers[self.current_footnote]))
            elif tag == W_P:  # a paragraph inside a text box
                self.inline(child, out)
                out.append("\n")
            else:
                self.inline(child, out)

    def paragraph(self, p) -> str:
        out: list[str] = []
        self.inline(p, out)
        return "".join(out)

    def blocks(self, container):
        """Yield ("p", text) and ("tbl", element) in document order."""
        for child in container:
            if child.tag == W_P:
                yield "p", self.paragraph(child)
            elif child.tag == W_TBL:
                yield "tbl", child
            elif child.tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    yield from self.blocks(content)
            elif child.tag == W_CUSTOM_XML:
                yield from self.blocks(child)

    def cell_lines(self, tc) -> list[str]:
        lines: list[str] = []
        for kind, item in self.blocks(tc):
            if kind == "p":
                lines.extend(item.split("\n"))
            else:
                for row in self.table_rows(item):
                    lines.extend(line for cell in row for line in cell)
        return lines

    def table_rows(self, tbl) -> list[list[list[str]]]:
        """Rows → cells → lines of the cell."""
        return [
            [self.cell_lines(tc) for tc in tr.iter(W_TC) if tc.getparent() is tr or tc.getparent().getparent() is tr]
            for tr in tbl.findall(W_TR)
        ]


def _footnotes_root(document):
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            return etree.fromstring(rel.target_part.blob)
    return None


def _page_count(document) -> int:
    for rel in document.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            pages = root.find("{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Pages")
            if pages is not None and (pages.text or "").strip().isdigit():
                return max(1, int(pages.text))
    return 1


def _leading_lines(blocks: list[tuple[str, object]]) -> tuple[list[str], int]:
    """The lines of the paragraphs before the first table, and how many blocks they are."""
    lines: list[str] = []
    count = 0
    for kind, item in blocks:
        if kind != "p":
            break
        lines.extend(item.split("\n"))
        count += 1
    return lines, count


def read(path: Path, format: str = "docx") -> TextDocument:
    """Read a .docx (or a LibreOffice conversion of a .doc, with ``format="doc"``)."""
    check_docx_package(path)  # a zip bomb is refused before any part is decompressed
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, BadZipFile, KeyError) as exc:
        raise ReadError(str(path), f"not a readable Word document ({type(exc).__name__}: {exc})") from None
    walker = _Walker()
    blocks = list(walker.blocks(document.element.body))
    raw = _Text()
    tables: list[tuple[list[list[str]], int, int]] = []
    header_end = 0

    def add_table(rows: list[list[list[str]]]) -> None:
        start = raw.add("".join(line + "\n" for row in rows for cell in row for line in cell if line.strip()))
        tables.append(
            ([["\n".join(line for line in cell if line.strip()) for cell in row] for row in rows], start, raw.length)
        )

    # Header laid out with spaces and tabs instead of a table: split it by columns.
    lines, count = _leading_lines(blocks)
    split = split_text_header(lines)
    if split is not None:
        left, right, used = split
        raw.add("".join(line + "\n" for line in left + right))
        header_end = raw.length
        raw.add("".join(line + "\n" for line in lines[used:]))
        blocks = blocks[count:]

    seen_content = header_end > 0
    for kind, item in blocks:
        if kind == "p":
            if item.strip():
                seen_content = True
            raw.add(item + "\n")
            continue
        rows = walker.table_rows(item)
        if not seen_content and is_header_table(rows):
            header_rows, body_rows = split_header_table(rows)
            raw.add("".join(line + "\n" for line in header_lines(header_rows)))
            header_end = raw.length
            if body_rows:
                add_table(body_rows)
            seen_content = True
            continue
        seen_content = True
        add_table(rows)

    footnote_spans: list[tuple[int, int]] = []
    root = _footnotes_root(document)
    if root is not None and walker.footnote_numbers:
        notes = {note.get(W_ID): note for note in root.iter(qn("w:footnote")) if note.get(W_TYPE) in (None, "normal")}
        ordered = sorted((number, note_id) for note_id, number in walker.footnote_numbers.items())
        for number, note_id in ordered:
            note = notes.get(note_id)
            if note is None:
                continue
            walker.current_footnote = note_id
            text = "\n".join(walker.paragraph(p) for p in note.iter(W_P)).strip()
            if not text.startswith(footnote_marker(number)):
                text = f"{footnote_marker(number)} {text}"
            start = raw.add(text)
            footnote_spans.append((start, raw.length))
            raw.add("\n")

    norm = normalize("".join(raw.parts))

    def at(offset: int) -> int:
        return bisect_left(norm.offsets, offset)

    return TextDocument(
        text=norm.text,
        format=format,
        page_count=_page_count(document),
        page_starts=[0],
        header_end=at(header_end),
        tables=[
            Table(rows=[[normalize(cell).text for cell in row] for row in rows], start=at(s), end=at(e))
            for rows, s, e in tables
        ],
        footnotes=[(at(s), at(e)) for s, e in footnote_spans],
        raw_offsets=norm.offsets,
    )
