"""Header: type, số và ký hiệu, issuer, place and date, trích yếu, urgency marks.

The header is read line by line from the top of the document. Each line is cut
into column segments at wide gaps, so the same code reads a reader's
column-by-column header (``UBND TỈNH …`` / ``Số: …`` / ``CỘNG HÒA …``) and a
line where both columns were printed side by side
(``Số: 1925 /STC- HTDN      Bình Thuận, ngày 19 tháng 5 năm 2025``).
A text with no Quốc hiệu and no ``Số:`` line (a news page that reports on
documents) gets an empty :class:`DocumentInfo`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from vanban.pipeline.document import TextDocument
from vanban.pipeline.layout import RIGHT_COLUMN_START
from vanban.pipeline.normalize import fold_diacritics
from vanban.record import DocumentInfo

from . import gazetteer as gz
from .file_name import number_from_file_name
from .signature import is_title_line

HEADER_WINDOW = 60  # lines searched when the reader found no header region
_TYPE_REACH = 6  # non-empty lines after the header where the type name may stand

# Column gaps inside one printed line: 3+ spaces, a tab, or a table bar.
# "Số: 02 /KH-UBND          Lạng Sơn, ngày 04 tháng 01 năm 2023"
_COLUMN_GAP = regex.compile(r"\s{3,}|\t|\s*\|\s*")

# The Quốc hiệu and its counterparts on Party and Youth Union documents.
# "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐOÀN TNCS HỒ CHÍ MINH"
_NATIONAL_TITLE = regex.compile(r"""(?xi)
    c[ộo]ng\s*h[òo]a\s+x[ãa]\s+h[ộo]i
    | đảng\s+cộng\s+sản\s+việt\s+nam
    | đoàn\s+(?:tncs|thanh\s+niên\s+cộng\s+sản)\s+hồ\s+chí\s+minh
""")
# The motto and the rules drawn under header lines.
# "Độc lập - Tự do - Hạnh phúc", "___________", "***", "-------"
_MOTTO_OR_RULE = regex.compile(r"""(?xi)
    ^(?: độc\s*lập\s*-\s*tự\s*do
       | [\s_\-=*.~…]+ )
""")

# Số và ký hiệu, after its label. Internal spaces are allowed only around "/" and "-".
# "Số: 02 /KH-UBND", "Số:     /QĐ-UBND", "Số: 156 -CV/TĐTN-BCTĐ&TTN", "Nghị quyết số: 103/2025/UBTVQH15",
# "Số: 1925 /STC- HTDN Bình Thuận, ngày …" (stops before the place)
_SYMBOL = regex.compile(r"""(?x)
    (?:^|(?<=\s))
    (?:(?:Nghị\ quyết|Nghị\ định|Luật|Pháp\ lệnh|Lệnh|Thông\ tư|Quyết\ định)\s+)?
    (?i:số|sô|só)(?:\s*(?:hiệu|và\ ký\ hiệu))?\s*:?\s*   # "Só:" as OCR reads it
    (?P<number>\d+(?:\.\d+)?[a-z]?(?=\s*[/-]))?\s*   # "66.15/2026/NQ-CP": a dotted number
    (?P<junk>[^\s/\-]{1,3}\s*)?                # OCR noise or a dotted blank: "Số: 4Ÿ /LĐLSVN-BTV", "Số: …/QĐ-UBND"
    (?P<sep>[/-])\s*
    (?P<rest>
        [\p{L}\d&().]+                          # "KH", "2020", "TĐTN"
        (?:[ ]\p{Lu}{1,2}(?=[ ]?-))?             # a scan's split code: "329/B C-UBND"
        (?:\s?[/-]\s?[\p{L}\d&().]+)*           # "-UBND", "/NĐ-CP", "- HTDN", "-CAT(PC04)"
    )
""")
# A line that starts with the Số label, even when the symbol after it is unreadable: "Số: 02 /KH-UBND",
# "Só:%CAT-PA05"; not "Nghị định số 152/2025/NĐ-CP" inside a trích yếu.
_SO_LABEL = regex.compile(r"(?i)^s[ốôó]\b")
_YEAR_PART = regex.compile(r"^(?P<year>(?:19|20)\d\d)/(?P<rest>.+)$")

# Place and date: "Lạng Sơn, ngày 04 tháng 01 năm 2023", "Hà Nội, ngày    tháng 12 năm 2025",
# "Bình Thuận, ngày   23 tháng    3 năm 2022", "TP. Hồ Chí Minh, ngày 5/3/2024", "Hà Nội, ngày 1/7/2025";
# "Thành phố Hồ Chí Minh, ngày 23 tháng 6 năm 2026": "Thành phố" spelled out is part of the name as printed.
# A day or month that a scan garbled is left blank, never guessed:
# "Lâm Đồng, ngày^2Otháng 8 năm 2025" → 2025-08, "Lâm Đồng, ngày Ảb tháng 3 năm 2026" → 2026-03.
_PLACE_DATE = regex.compile(r"""(?x)
    (?<![\p{L}\d/&-])
    (?P<place>(?:T[Pp]\.\s*|Thành[ ]phố[ ])?\p{Lu}\p{Ll}+(?:(?:[ ]|[ ]?-[ ]?)\p{Lu}\p{Ll}+){0,4})
    \s*[,.]\s*ngày\s*                          # "Lâm Đồng. ngày tháng 8 năm 2025": a scan's comma read as a dot
    (?: (?: (?P<day>\d{1,2}) [\s.…_]* | [^\n]{0,6}? ) tháng
        (?: [\s.…_]* (?P<month>\d{1,2}) [\s.…_]* | [^\n\d]{0,6}? ) năm \s* (?P<year>\d{4})
      | (?P<day2>\d{1,2})? \s*[/.]\s* (?P<month2>\d{1,2})? \s*[/.]\s* (?P<year2>\d{4})
      | [^\n\d]{0,12}? năm \s* (?P<year3>\d{4}) )   # "Hà Nội, ngày #Š Ÿ_ năm 2025": tháng lost in a scan
""")

# A law or resolution of the Quốc hội prints no place and date under the Quốc hiệu: it is dated by the closing
# sentence that records its adoption. "Luật này được Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam khóa XV, Kỳ
# họp thứ 10 thông qua ngày 10 tháng 12 năm 2025.", "Nghị quyết này được Quốc hội … khóa XV, kỳ họp thứ 8 thông qua
# ngày 30 tháng 11 năm 2024./.", "Luật này đã được Quốc hội … khóa XIII, kỳ họp thứ 6 thông qua\nngày 29 tháng 11
# năm 2013."
_ADOPTED = regex.compile(r"""(?x)
    (?:Hiến\ pháp|Bộ\ luật|Luật|Pháp\ lệnh|Nghị\ quyết) \s+ này \s+ (?:đã\s+)? được \s+
    (?:Quốc\ hội|Ủy\ ban\ Thường\ vụ\ Quốc\ hội) [^.;]{0,160}? \s thông \s+ qua \s+ (?:vào\s+)? ngày \s*
    (?P<day>\d{1,2}) \s+ tháng \s+ (?P<month>\d{1,2}) \s+ năm \s+ (?P<year>\d{4})
""")

# The type name on its own line under the header: "QUYẾT ĐỊNH", "KẾ HOẠCH", "TỜ TRÌNH".
# Matched without diacritics, so a scan's "QUYÉT ĐỊNH" or "BÁO CÁO ĐÈ XUẤT" is still read.
_TYPE_BY_FOLDED = {fold_diacritics(n.upper()): n for n in gz.DOC_TYPE_NAMES}
_TYPE_LINE = regex.compile(
    r"(?x)^[\"“]?(?P<type>" + "|".join(regex.escape(f) for f in _TYPE_BY_FOLDED) + r")"
    r"(?P<more>(?:\s+[\p{Lu}\d][\p{Lu}\d,()\-]*)*)\s*$"
)
# A line closing an upper-case trích yếu: the enacting body or its head printed under it.
# "CHÍNH PHỦ", "ỦY BAN THƯỜNG VỤ QUỐC HỘI", "BỘ TRƯỞNG BỘ TÀI CHÍNH", "QUYẾT NGHỊ:", "CHỦ TỊCH"
_ENACTING_LINE = regex.compile(r"(?x)^(?:QUYẾT\ NGHỊ|QUYẾT\ ĐỊNH|CHỈ\ THỊ)\s*:|:\s*$")

# "V/v báo cáo tình hình …", "“V/v giới thiệu …", "Về việc …" in the left column of a công văn.
_VV = regex.compile(r"""(?x)^[\"“'‘]?\s*(?:V/v|V/V|v/v)\s*[:.]?\s*(?P<subject>.*)$""")

# A line that opens the body rather than continuing the trích yếu.
# "Căn cứ Luật …", "Thực hiện Công văn số …", "Kính gửi: …", "1. Chủ trì: …"
_BODY_OPENER = regex.compile(r"""(?x)^(?:
    Căn\ cứ | Thực\ hiện | Theo\ đề\ nghị | Theo | Xét | Nhằm | Để(?!\ nghị) | Trên\ cơ\ sở | Sau\ khi | Ngày\ \d
  | Hôm\ nay | Vào\ hồi | Tiếp\ theo | Nhận\ được | Phúc\ đáp | Trả\ lời | Kính\ gửi | Kính\ trình
  | Thời\ gian | Địa\ điểm | Thành\ phần
  | (?:\d+|[IVX]+)[.)]\s
)""")

# A trích yếu that opens with a body opener's words: at most three lines, no cited number, no closing
# punctuation. "Thực hiện thủ tục hành chính trên môi trường điện tử tỉnh Đồng Tháp năm 2026",
# "Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI / và bầu cử đại biểu Hội đồng nhân dân …"
# (not "Thực hiện Nghị định số 45/2020/NĐ-CP …;").
_SHORT_TITLE = regex.compile(r"(?x)^(?!\d|[IVX]+[.)])(?!.*\bsố\s*\d)(?!.*[;:,]$).{10,240}$")
_SHORT_TITLE_LINES = 3
_SHORT_TITLE_LINE = 160  # characters in one of its lines

# An upper-case line right under the type name that names its author belongs to the type, not
# to the trích yếu: "THÔNG BÁO / CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH / Về nội dung, thời gian, …"
# (TB 348 TU_1.signed.pdf), "NGHỊ QUYẾT / CỦA BAN THƯỜNG VỤ TỈNH ỦY / về …".
_TYPE_AUTHOR = regex.compile(r"(?x) ^ CỦA \s+ \p{Lu}")

_DRAFT_MARK = regex.compile(r"DỰ\s*THẢO(?:\s*\d+)?")

# Urgency and confidentiality marks: a header segment holding only the mark.
_MARK = regex.compile(r"(?i)^[\s(\"“]*(?P<mark>hỏa tốc|thượng khẩn|khẩn|tuyệt mật|tối mật|mật)[\s)\"”.!]*$")


@dataclass
class _Line:
    index: int
    text: str  # the whole line, cleaned, gaps kept as two spaces
    segments: list[str]  # column segments, cleaned


def _lines(doc: TextDocument) -> list[_Line]:
    """The header region's lines, plus enough of the body to reach the trích yếu."""
    text = doc.match_text
    if doc.header_end:
        body_lines = text[doc.header_end :].split("\n")[:40]
        raw = text[: doc.header_end].split("\n") + body_lines
    else:
        raw = text.split("\n")[:HEADER_WINDOW]
    out = []
    for i, line in enumerate(raw):
        # A "DỰ THẢO" (draft) box may be run into the symbol: "Số: /QĐ-BCĐDỰ THẢO".
        line = _DRAFT_MARK.sub("   ", line)
        # A left-column name run on into the right column's text ("BỘ TƯ PHÁP CỘNG HOÀ XÃ HỘI …")
        # stops where that text starts: each block is read to its edge.
        line = RIGHT_COLUMN_START.sub(lambda m: "   " + m.group(), line)
        segments = [gz.clean(s) for s in _COLUMN_GAP.split(line) if s and s.strip()]
        out.append(_Line(i, gz.clean(regex.sub(r"\s{3,}|\t", "  ", line)), segments))
    return out


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def parse_symbol(number: str | None, sep: str, rest: str) -> dict:
    """Split a số ký hiệu into the contract's parts.

    ``parse_symbol("45", "/", "2020/NĐ-CP")`` → symbol ``45/2020/NĐ-CP``, year 2020, type ``NĐ``,
    issuer ``CP``; ``("60", "-", "NQ/TU")`` → type ``NQ``, issuer ``TU``; ``("5743", "/", "VP-HCQT")``
    → no type (a công văn), issuer ``VP-HCQT``; ``(None, "/", "QĐ-UBND")`` → symbol None.
    """
    rest = regex.sub(r"\s+", "", rest).strip(".,;")
    year = None
    type_code = issuer_code = None
    m = _YEAR_PART.match(rest)
    body = rest
    if m:
        year, body = int(m.group("year")), m.group("rest")
    if sep == "-" and "/" in body:
        # Party form: number-TYPE/ISSUER ("60-NQ/TU", "156-CV/TĐTN-BCTĐ&TTN")
        type_code, _, issuer_code = body.partition("/")
    else:
        head, dash, tail = body.partition("-")
        if gz.is_type_code(head):
            type_code, issuer_code = head, (tail or None)
        else:
            issuer_code = body
    symbol = f"{number}{sep}{rest}" if number else None
    return {
        "symbol": symbol,
        "number": number,
        "year": year,
        "type_code": type_code or None,
        "issuer_code": issuer_code or None,
    }


def _iso_date(year: str | None, month: str | None, day: str | None) -> str | None:
    """``2023-01-04``; ``2025-12`` when the day is blank or impossible; None without a year."""
    if not year:
        return None
    y = int(year)
    if not month or not 1 <= int(month) <= 12:
        return f"{y:04d}"
    mth = int(month)
    if day:
        try:
            return dt.date(y, mth, int(day)).isoformat()
        except ValueError:
            pass
    return f"{y:04d}-{mth:02d}"


def _find_symbol(lines: list[_Line], header_lines: int) -> tuple[int, regex.Match] | None:
    """The Số line and its match: in the reader's header region when it found one, else above the body's first line."""
    for line in lines[: header_lines or None]:
        if not header_lines and line.segments and _BODY_OPENER.match(line.segments[0]):
            break
        for m in _SYMBOL.finditer(line.text):
            # At the start of a line or of a column: "Số: 02 /KH-UBND", never "Công văn số 5743/VP-HCQT".
            if m.start() == 0 or line.text[: m.start()].endswith("  "):
                return line.index, m
    if header_lines:
        # A scan's reader may close the header region before the Số line: "Só:đÓ6 /KH-TCTLNTW-C04"
        # printed after the Quốc hiệu. Only a line opening with the Số label counts there.
        for line in lines[header_lines : header_lines + _TYPE_REACH]:
            if line.segments and _BODY_OPENER.match(line.segments[0]):
                break
            m = _SYMBOL.match(line.text)
            if m and _SO_LABEL.match(line.text):
                return line.index, m
    return None


def _number_from_file_name(info: DocumentInfo, match: regex.Match, doc: TextDocument, file_name: str | None) -> None:
    """A blank number that OCR saw written by hand, as the file's name confirms it (:mod:`.file_name`)."""
    if info.number is not None or not file_name or doc.ocr is None or not doc.ocr.unread_number:
        return
    number = number_from_file_name(file_name, doc.ocr.unread_number, info)
    if number:
        for key, value in parse_symbol(number, match.group("sep"), match.group("rest")).items():
            setattr(info, key, value)


def _unread_symbol_line(lines: list[_Line], national: int) -> int:
    """Where the left column ends when no số ký hiệu could be read: its ``Số`` label or ``V/v`` line
    (a scan's ``Só:%CAT-PA05``), else the Quốc hiệu's line."""
    for line in lines[:national]:
        if line.segments and (_SO_LABEL.match(line.segments[0]) or _VV.match(line.segments[0])):
            return line.index
    return national


def _so_label_above(lines: list[_Line], national: int | None) -> bool:
    """A ``Số`` label opens a line above the Quốc hiệu, its symbol unreadable (a scan's ``Só:%CAT-PA05``): the
    header of an official document, though its date line is unreadable too."""
    return national is not None and any(
        line.segments and _SO_LABEL.match(line.segments[0]) for line in lines[:national]
    )


def _find_place_date(lines: list[_Line]) -> tuple[int, str, str | None] | None:
    for line in lines:
        m = _PLACE_DATE.search(line.text)
        if m:
            day = m.group("day") or m.group("day2")
            month = m.group("month") or m.group("month2")
            year = m.group("year") or m.group("year2") or m.group("year3")
            place = regex.sub(r"^T[Pp]\.\s*", "", m.group("place")).strip()
            # "HTDN Bình Thuận" when columns were run together: keep the title-case words.
            place = regex.sub(r"^(?:\p{Lu}{2,}\s+)+", "", place)
            return line.index, place, _iso_date(year, month, day)
    return None


def _issuer_lines(lines: list[_Line], anchor: int) -> list[str]:
    """The upper-case name lines printed above the Số line (left column)."""
    picked: list[str] = []
    for line in reversed(lines[:anchor]):
        if not line.segments:
            continue
        first = line.segments[0]
        if _NATIONAL_TITLE.search(first) or _MOTTO_OR_RULE.match(first) or _MARK.match(first):
            continue
        if not _is_upper(first):
            break
        picked.append(gz.repair_name(first))
    return list(reversed(picked))


def _leading_names(lines: list[_Line], header_lines: int) -> list[str]:
    """The upper-case name lines that open the reader's header region (its left block comes
    first): the issuer when no Số line was found to read upwards from (a scan's unreadable
    ``Số`` line between them and the Quốc hiệu)."""
    picked: list[str] = []
    for line in lines[:header_lines]:
        if not line.segments:
            continue
        first = line.segments[0]
        if _NATIONAL_TITLE.search(first) or not _is_upper(first):
            break
        if not (_MOTTO_OR_RULE.match(first) or _MARK.match(first)):
            picked.append(gz.repair_name(first))
    return picked


def _starts_with_head(name: str) -> bool:
    folded = gz.expand_abbreviations(name).casefold()
    return any(folded == h.casefold() or folded.startswith(h.casefold() + " ") for h in gz.AGENCY_HEADS)


def _is_complete(name: str) -> bool:
    """Whether a header name stands on its own (has a locality or is a known national body)."""
    expanded = gz.expand_issuer(name)
    if (
        gz.find_provinces(expanded)
        or gz.local_unit(expanded)
        or gz.committee_place(expanded)
        or regex.search(r"(?i)\b(?:việt nam|trung ương)$", expanded)
    ):
        return True
    known = {n.casefold() for n in gz.AGENCY_NAMES} | {c.name.casefold() for c in gz.ISSUER_CODES.values() if c.name}
    return expanded.casefold() in known


def _split_parent(names: list[str]) -> tuple[str | None, str | None]:
    """``["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"]`` → parent and issuer as printed, joined per body."""
    if not names:
        return None, None
    bodies = [names[0]]
    for name in names[1:]:
        if len(bodies) == 1 and _starts_with_head(name) and _is_complete(bodies[0]):
            bodies.append(name)
        else:
            bodies[-1] = f"{bodies[-1]} {name}"
    if len(bodies) == 1:
        return None, bodies[0]
    return bodies[0], bodies[1]


def _locality(name: str) -> tuple[str | None, gz.Province | None]:
    """``"Ủy ban nhân dân tỉnh Lâm Đồng"`` → ``("tỉnh Lâm Đồng", Province)``;
    ``"Ủy ban nhân dân huyện Đức Trọng"`` → ``("huyện Đức Trọng", None)``."""
    local = gz.local_unit(name)
    found = gz.find_provinces(name)
    if not found or (local and not local.startswith(("tỉnh ", "thành phố "))):
        return local, None  # below province level: "huyện Đức Trọng", "phường Hà Giang 1"
    match = found[-1]
    province = gz.province_named(match.name)
    before = name[: match.start].rstrip().casefold()
    kind = "thành phố" if before.endswith("thành phố") else "tỉnh" if before.endswith("tỉnh") else province.kind
    return f"{kind} {province.name}", province


def _issuer(header_names: list[str], codes: dict, place: str | None) -> tuple[str | None, str | None]:
    parent_raw, issuer_raw = _split_parent(header_names)
    parent = gz.expand_issuer(parent_raw) if parent_raw else None
    locality, province = _locality(parent) if parent else (None, None)
    issuer = None
    if issuer_raw and _starts_with_head(issuer_raw):
        issuer = gz.expand_issuer(issuer_raw)
        own_locality, own_province = _locality(issuer)
        unit_locality = own_locality and issuer[: -len(own_locality)].strip().casefold()
        if parent and own_locality and unit_locality in gz.UNITS_NAMED_AFTER_PARENT and parent.endswith(" Việt Nam"):
            # A mass organisation's level under the national name: "HỘI NÔNG DÂN VIỆT NAM" / "BCH TỈNH LÂM ĐỒNG"
            # → "Ban Chấp hành Hội Nông dân tỉnh Lâm Đồng".
            issuer = f"{issuer[: -len(own_locality)].strip()} {parent.removesuffix(' Việt Nam')} {own_locality}"
        elif parent and not own_locality:
            if issuer.casefold() in gz.UNITS_NAMED_AFTER_PARENT:
                unit = gz.UNITS_NAMED_AFTER_PARENT[issuer.casefold()]
                issuer = f"{unit} {gz.PARENTS_IN_UNIT_NAMES.get(parent, parent)}"  # "Văn phòng Trung ương Đảng"
            elif locality:
                issuer = gz.expand_issuer(issuer_raw, locality=locality)
        province = province or own_province
    if province is None:
        province = gz.province_named(place)
    if issuer is None:
        # No readable header name (a bare text, or glyphs lost): the symbol's issuer code.
        issuer = gz.issuer_for_code(codes.get("issuer_code"), province)
        if issuer is None and issuer_raw:
            issuer = gz.expand_issuer(issuer_raw)
    if parent is None and issuer and issuer.startswith("Sở ") and province is not None:
        # A Sở always prints its provincial People's Committee above it.
        parent = gz.issuer_for_code("UBND", province)
    return issuer, parent


# A dash between two bodies printed on one header line: "BỘ TÀI CHÍNH - BỘ NỘI VỤ", "SỞ TƯ PHÁP – SỞ NỘI VỤ -"
# (a line ending in a dash goes on with the next body). Inside one name a dash is followed by no head
# word: "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI".
_BODY_DASH = regex.compile(r"(?x) \s+ [-–] (?: \s+ | $ )")
_INITIALS_SKIPPED = frozenset({"và", "của"})


@dataclass
class _Body:
    name: str  # as printed, its lines joined
    line: int  # the header line it starts on
    dashed: bool  # printed on one line with other bodies, a dash between


def _header_bodies(names: list[str]) -> list[_Body]:
    """Every body the header's name lines print: a line is cut at each dash a head word follows,
    and a line opening with a head word starts a new body when the one before is complete."""
    bodies: list[_Body] = []
    open_dash = False  # the line before ended with a dash
    for line_no, name in enumerate(names):
        parts = [part for part in _BODY_DASH.split(name)]
        ends_with_dash = parts[-1] == ""
        parts = [part for part in parts if part]
        for index, part in enumerate(parts):
            new = (index > 0 or open_dash) and _starts_with_head(part)
            if index == 0 and not new:
                new = not bodies or (_starts_with_head(part) and _is_complete(bodies[-1].name))
            if new:
                bodies.append(_Body(part, line_no, dashed=index > 0 or open_dash))
                if index > 0 or open_dash:
                    bodies[-2].dashed = True
            else:
                joiner = " - " if index > 0 or open_dash else " "
                bodies[-1].name = f"{bodies[-1].name}{joiner}{part}"
        open_dash = ends_with_dash
    return bodies


def _initials(name: str) -> str:
    """A body's name as its symbol abbreviates it, its locality left out:
    ``"Sở Giáo dục và Đào tạo tỉnh Lâm Đồng"`` → ``"SGDDT"``."""
    local = gz.local_unit(name)
    if local and name.endswith(local):
        name = name[: -len(local)]
    words = regex.findall(r"\w+", fold_diacritics(name))
    return "".join(w[0] for w in words if w.casefold() not in _INITIALS_SKIPPED).upper()


def _code_names(code: str, body: str) -> bool:
    """Whether a code of the symbol's issuer part stands for a body printed in the header:
    ``"BTC"`` for ``BỘ TÀI CHÍNH``, ``"SGDĐT"`` for ``SỞ GIÁO DỤC VÀ ĐÀO TẠO``."""
    expanded = gz.expand_issuer(body)
    known = gz.issuer_for_code(code)
    if known and expanded.casefold().startswith(known.casefold()):
        return True
    folded = regex.sub(r"\d+", "", fold_diacritics(code)).upper()
    return len(folded) >= 2 and folded in _initials(expanded)


def _joint_issuers(header_names: list[str], codes: dict, place: str | None) -> tuple[str, str | None] | None:
    """``(issuer, parent)`` of a document several bodies issue together, None for a single issuer.

    A joint document prints its bodies side by side (``BỘ TÀI CHÍNH - BỘ NỘI VỤ``) or stacked, and
    its symbol holds one code per body (``TTLT-BTC-BNV``, ``HDLN-STP-SNV``). Its issuer is every body,
    in the order of the symbol's codes, joined by `` - ``; a body printed above them that no code
    names is their parent (``UBND TỈNH LÂM ĐỒNG`` above ``SỞ TƯ PHÁP - SỞ NỘI VỤ``).
    """
    bodies = _header_bodies(header_names)
    if len(bodies) < 2:
        return None
    parts = [c for c in regex.split(r"[-/]", codes.get("issuer_code") or "") if c]
    named: dict[int, int] = {}  # body index → position of the code naming it
    for position, code in enumerate(parts):
        for index, body in enumerate(bodies):
            if index not in named and _code_names(code, body.name):
                named[index] = position
                break
    joint_type = gz.is_joint_code(codes.get("type_code"))
    dashed = [i for i, body in enumerate(bodies) if body.dashed]
    if len(dashed) >= 2 and (joint_type or len(set(dashed) & set(named)) >= 2):
        members = sorted(set(dashed) | set(named))
    elif joint_type and len(named) >= 2:  # stacked: a unit's code (MTTQ-BTT) names no second issuer
        members = list(range(min(named), len(bodies)))
    else:
        return None
    parent_raw = bodies[members[0] - 1].name if members[0] > 0 else None
    members.sort(key=lambda i: (named.get(i, len(parts)), i))
    issuers, parents = [], set()
    for index in members:
        issuer, parent = _issuer([parent_raw, bodies[index].name] if parent_raw else [bodies[index].name], {}, place)
        issuers.append(issuer)
        parents.add(parent)
    # The parent printed above them, or the one every body has (a Sở's provincial People's Committee).
    return " - ".join(i for i in issuers if i), parents.pop() if len(parents) == 1 else None


def _closes_upper_subject(seg: str, issuer_names: set[str]) -> bool:
    """Whether an upper-case line after an upper-case trích yếu is the enacting body, not more title."""
    folded = gz.clean(seg).casefold().strip(" :")
    return (
        folded in issuer_names
        or _ENACTING_LINE.search(seg) is not None
        or is_title_line(seg)
        or gz.expand_issuer(seg).casefold() in issuer_names
    )


def _is_short_title(lines: list[_Line], line: _Line) -> bool:
    """Whether the lines under the type name that open like the body are the whole trích yếu: the
    line and its continuations (lines that open in lower case), short, no cited number, no closing
    punctuation, and the body (or a blank) right after them."""
    run = [line]
    for nxt in lines[line.index + 1 : line.index + _SHORT_TITLE_LINES]:
        if not nxt.segments or not nxt.segments[0][:1].islower():
            break
        run.append(nxt)
    if any(len(ln.segments[0]) > _SHORT_TITLE_LINE for ln in run):
        return False
    if not _SHORT_TITLE.match(" ".join(ln.segments[0] for ln in run)):
        return False
    after = run[-1].index + 1
    nxt = lines[after] if after < len(lines) else None
    return nxt is None or not nxt.segments or _BODY_OPENER.match(nxt.segments[0]) is not None


def _subject_after(
    lines: list[_Line], start: int, first: str = "", issuer_names: frozenset[str] = frozenset()
) -> str | None:
    """The trích yếu: ``first`` plus the lines from ``start`` until the body or a blank begins.

    A trích yếu printed in capitals right under the type name (vbpl.vn pages, laws: ``LUẬT`` /
    ``ĐẤT ĐAI``) is read while the capitals last, up to the enacting body's line, in sentence case.
    """
    parts = [first] if first else []
    upper = False
    start_of_title = not first  # the line right under the type name
    for line in lines[start : start + 8]:
        seg = line.segments[0] if line.segments else ""
        if not seg:
            nxt = next((ln for ln in lines[line.index + 1 : line.index + 3] if ln.segments), None)
            if parts and nxt and nxt.segments[0][:1].islower():
                continue
            if parts:
                break
            continue
        if start_of_title and not parts and _is_upper(seg) and _TYPE_AUTHOR.match(seg):
            continue
        if (
            not parts
            and not first
            and _is_upper(seg)
            and not (
                _NATIONAL_TITLE.search(seg)
                or _MOTTO_OR_RULE.match(seg)
                or _BODY_OPENER.match(seg)
                or _closes_upper_subject(seg, issuer_names)
            )
        ):
            upper = True
        if upper:
            if not _is_upper(seg) or _MOTTO_OR_RULE.match(seg) or (parts and _closes_upper_subject(seg, issuer_names)):
                break
            parts.append(seg)
            continue
        if (
            _is_upper(seg)
            or (_BODY_OPENER.match(seg) and not (start_of_title and _is_short_title(lines, line)))
            or _NATIONAL_TITLE.search(seg)
            or _MOTTO_OR_RULE.match(seg)
            or _PLACE_DATE.search(line.text)
            or (_SO_LABEL.match(seg) and _SYMBOL.match(seg))
        ):
            break
        parts.append(seg)
        start_of_title = False
    subject = " ".join(parts).strip(" \"“”'‘’.;")
    bracketed = regex.match(r"^\((?P<inner>[^()]*)\)$", subject)  # "(V/v Phê duyệt thời gian …)" under the type
    if bracketed:
        inner = bracketed.group("inner")
        subject = _VV.match(inner).group("subject") if _VV.match(inner) else inner
    if upper and subject:
        # An HTML page may run the enacting body onto the title's last line: "… CÓ HIỆU LỰC CHÍNH PHỦ".
        for name in sorted(issuer_names, key=len, reverse=True):
            if subject.casefold().endswith(" " + name) and len(subject) > len(name) + 1:
                subject = subject[: -len(name) - 1]
                break
        subject = gz.sentence_case(subject)
    return subject or None


def _find_type_line(lines: list[_Line], after: int) -> tuple[int, str] | None:
    """The type name line among the first few non-empty lines after the header."""
    nonempty = [ln for ln in lines[after:] if ln.segments][:_TYPE_REACH]
    for line in nonempty:
        if any(_BODY_OPENER.match(s) for s in line.segments[:1]):
            break
        for seg in line.segments[:1]:
            m = _TYPE_LINE.match(fold_diacritics(seg))
            if m:
                return line.index, _TYPE_BY_FOLDED[m.group("type")]
    return None


def _marks(lines: list[_Line]) -> tuple[str | None, str | None]:
    urgency = confidentiality = None
    for line in lines[:25]:
        for seg in line.segments:
            m = _MARK.match(seg)
            if m and _is_upper(seg):
                word = m.group("mark").casefold()
                for u in gz.URGENCY:
                    if u.casefold() == word:
                        urgency = urgency or u
                for c in gz.CONFIDENTIALITY:
                    if c.casefold() == word:
                        confidentiality = confidentiality or c
    return urgency, confidentiality


def extract_header(doc: TextDocument, file_name: str | None = None) -> DocumentInfo:
    """The document's own identity from its header; empty for a text that is not an official document.

    ``file_name`` may confirm a number written by hand that OCR could not read
    (:mod:`.file_name`).
    """
    lines = _lines(doc)
    header_lines = doc.text[: doc.header_end].count("\n") + 1 if doc.header_end else 0
    symbol_at = _find_symbol(lines, header_lines)
    place_date = _find_place_date(lines)
    national = next((ln.index for ln in lines if any(_NATIONAL_TITLE.search(s) for s in ln.segments)), None)
    if symbol_at is None and national is None:
        return DocumentInfo()
    if place_date is None and (symbol_at is None or national is None) and not _so_label_above(lines, national):
        return DocumentInfo()
    codes = (
        parse_symbol(symbol_at[1].group("number"), symbol_at[1].group("sep"), symbol_at[1].group("rest"))
        if symbol_at
        else {}
    )
    anchor = symbol_at[0] if symbol_at else _unread_symbol_line(lines, national)
    place = place_date[1] if place_date else None
    info = DocumentInfo(**codes) if codes else DocumentInfo()
    info.place = place
    info.issued_date = place_date[2] if place_date else None
    if place_date is None and (adopted := _ADOPTED.search(doc.match_text)):
        info.issued_date = _iso_date(adopted["year"], adopted["month"], adopted["day"])
    header_names = _issuer_lines(lines, anchor)
    if not header_names and symbol_at is None and header_lines:
        header_names = _leading_names(lines, header_lines)
    info.issuer, info.parent_issuer = _joint_issuers(header_names, codes, place) or _issuer(header_names, codes, place)

    header_last = max(i for i in (anchor, national, place_date and place_date[0]) if i is not None)
    type_line = _find_type_line(lines, header_last + 1) or _find_type_line(lines, anchor + 1)
    vv = next(
        ((ln.index, m) for ln in lines[anchor : anchor + 10] for s in ln.segments[:1] if (m := _VV.match(s))), None
    )
    if type_line and (vv is None or type_line[0] < vv[0] or type_line[0] <= header_last + 3):
        info.doc_type = type_line[1]
        printed = (info.issuer, info.parent_issuer, " ".join(header_names), *header_names)
        names = {gz.clean(n).casefold() for n in printed if n}
        info.subject = _subject_after(lines, type_line[0] + 1, issuer_names=frozenset(names))
    else:
        info.doc_type = gz.doc_type_for_code(info.type_code) or "Công văn"
    if vv is not None and (info.subject is None or info.doc_type == "Công văn"):
        info.subject = _subject_after(lines, vv[0] + 1, vv[1].group("subject"))
    info.urgency, info.confidentiality = _marks(lines)
    if symbol_at:
        _number_from_file_name(info, symbol_at[1], doc, file_name)
    return info
