"""A table or query as an Excel workbook (.xlsx), which Excel opens with its Vietnamese text intact.

A CSV file opened by double-click in Excel is read in the machine's legacy code
page and split on the locale's list separator (``;`` on a Vietnamese Windows),
so accented text and columns both break. An .xlsx file has neither problem.
The workbook is written directly (Office Open XML, one sheet, inline strings):
no dependency for a few XML parts.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from xml.sax.saxutils import escape

import regex

# Excel refuses a cell longer than this; a document's full text is cut there, with an ellipsis.
MAX_CELL_CHARS = 32_767
# Characters XML 1.0 cannot carry (C0 controls but tab and newline, lone surrogates, U+FFFE/FFFF).
_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)
# Three cell styles: 0 plain, 1 bold (the header row), 2 a date shown dd/mm/yyyy.
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
    '<cellXfs count="3"><xf fontId="0"/><xf fontId="1" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
)


def _sheet_name(name: str) -> str:
    """A legal sheet name: at most 31 characters, none of ``[]:*?/\\``."""
    return regex.sub(r"[\[\]:*?/\\]", " ", name)[:31] or "Sheet1"


_EXCEL_EPOCH = date(1899, 12, 30)


def _cell(value, style: int = 0) -> str:
    """One ``<c>`` element: a number as a number, a date as a date, anything else as an inline string."""
    if value is None:
        return "<c/>"
    if isinstance(value, date):
        return f'<c s="2"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int | float):
        return f'<c s="{style}"><v>{value}</v></c>'
    if isinstance(value, bytes):
        value = f"<{len(value)} bytes>"
    text = _NOT_XML.sub("", str(value))
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return f'<c s="{style}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def workbook(columns: list[str], rows, sheet: str = "Sheet1", headings: list[str] | None = None) -> bytes:
    """An .xlsx file: a bold header row (``headings``, else the column names), then one row per row."""
    lines = ["<row>" + "".join(_cell(h, 1) for h in (headings or columns)) + "</row>"]
    for row in rows:
        values = [row[c] for c in columns] if isinstance(row, dict) else list(row)
        lines.append("<row>" + "".join(_cell(v) for v in values) + "</row>")
    sheet_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" state="frozen"/></sheetView>'
        "</sheetViews><sheetData>" + "".join(lines) + "</sheetData></worksheet>"
    )
    workbook_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{escape(_sheet_name(sheet), {chr(34): "&quot;"})}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook_xml)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", _STYLES)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buffer.getvalue()
