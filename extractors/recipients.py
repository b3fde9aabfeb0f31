"""Recipients: the items under Kính gửi and Nơi nhận.

Each item is one string, as printed, without its dash, its closing ``;``/``.``
and a trailing purpose (``(để b/c)``); items that only point elsewhere
(``Như trên``, ``Như Điều 3``) and the file copy (``Lưu: VT, …``) are left
out; an item listed under both labels appears once.
"""

from __future__ import annotations

import regex

from vanban.pipeline.document import TextDocument
from vanban.record import Signer

from . import gazetteer as gz
from .signature import is_block_line, segments

# "Kính gửi: Sở Nội vụ tỉnh Lâm Đồng" (the colon tells it from "Kính gửi Sở Nội vụ tổng hợp./.")
_KINH_GUI = regex.compile(r"(?i)^\W{0,3}kính\s+gửi\s*:\s*(?P<rest>.*)$")
# "Nơi nhận:" / "Nơi nhận" alone on its line, possibly with the first item after it.
# Not "Nơi nhận văn bản xác định …" in running text: a colon, the end of the line or an item must follow.
_NOI_NHAN = regex.compile(r"(?i)^\W{0,3}nơi\s+nhận\s*(?::\s*(?P<rest>.*)|\s*(?P<rest>[-+•].*)|\s*)$")
# A list item: "- Bộ Nội vụ;", "+ UBND tỉnh;", "• Các sở"; a scan's dash read as "~" or "—".
_ITEM = regex.compile(r"^\s*[-+•–—·*~]\s*(?P<item>.*)$")
_MAX_ITEMS = 80
# Items that only point elsewhere: "Như trên", "Như Điều 3", "Như thành phần mời" (and "hư trên" with a lost glyph).
_POINTER = regex.compile(r"(?i)^n?hư\s+(?:trên|điều|khoản|thành\s+phần|danh\s+sách|kính\s+gửi)")
# The file copy: "Lưu: VT, NC (LTH).", "Lưu VT, BCTĐ&TTN."
_FILE_COPY = regex.compile(r"(?i)^lưu\b")
# A trailing purpose: "(để b/c)", "(b/c)", "(để biết)", "(t/h)", "(để T/H)", "(để phối hợp)"
# "(p/hợp chỉ đạo)", "(th)", "(b/c đ/c Bộ trưởng)"; not a person's note: "(Đ/c Phúc)".
_PURPOSE = regex.compile(r"""(?xi)
    \s*\(\s*(?:[đd][ểềeêế]\b[^)]*                   # "(để b/c)", a scan's "(đê p/h)", "(dể báo cáo)"
             |(?!đ/c)\w{1,2}/\w{1,4}(?:/\w{1,3})*(?:\s[^)]*)?
             |t/?h|b/?c|p/?h
             |biết|thực\s+hiện|báo\s+cáo|phối\s+hợp|chỉ\s+đạo|theo\s+dõi
             |thi\s+hành|xem\s+xét|tổng\s+hợp)\s*\)?\s*$
""")
# A note printed in a column beside the list, after the item's own ";":
# "- Cổng thông tin điện tử Bộ Tài chính;  Thông tư xin ý kiến"
_SIDE_NOTE_GAP = regex.compile(r";[ \t]{2,}\S.*$")
# The end of an item: "Trung (Bộ KH-ĐT);", "tỉnh,". A line ending so, under an item that has not
# ended, is the rest of that item.
_ITEM_END = regex.compile(r"[;,]\s*$")
# A scan's stray mark after the item's ";": "- TKŠ (để b/c đ/c Thứ trưởng); 5"
_SIDE_NOTE = regex.compile(r";\s*\S{1,2}$")


# The heading of a list of recipients sent with the document, when its Kính gửi is left
# blank: "Danh sách các đơn vị nhận công văn", "DANH SÁCH NƠI NHẬN".
_RECIPIENT_LIST = regex.compile(
    r"(?xi) ^ \W{0,3} danh \s+ sách \b [^\n]{0,40}? (?: nơi \s+ nhận | (?:đơn\s+vị|cơ\s+quan)\b [^\n]{0,20}? \bnhận )"
)
# A numbered item of that list, a scan's stray mark around the number allowed:
# "1. UBND tỉnh Tuyên Quang", "ó6. UBND TP. Huế", "19..UBND tỉnh Phú Thọ"
_NUMBERED = regex.compile(r"(?x) ^ [^\s\d]{0,2} \d{1,3} [^\s\d.]? [.)]{1,2} \s* (?P<item>\S.*) $")


def _attached_list(lines: list[str]) -> list[str]:
    """The numbered items under a heading that names them the document's recipients."""
    for i, line in enumerate(lines):
        if _RECIPIENT_LIST.match(line):
            items = []
            for below in lines[i + 1 : i + 1 + 3 * _MAX_ITEMS]:
                m = _NUMBERED.match(below.strip())
                if m:
                    items.append(m.group("item"))
                elif items and below.strip():
                    break
            return items
    return []


def _clean_item(item: str) -> str | None:
    item = gz.clean(_SIDE_NOTE.sub("", item), fold=False).strip(" ;.,:_")
    item = _PURPOSE.sub("", item).strip(" ;.,")
    if not any(c.isalnum() for c in item) or _POINTER.match(item) or _FILE_COPY.match(item):
        return None  # a blank left to fill ("Kính gửi: ………"), a pointer, the file copy
    return item


def _column(line: str) -> str | None:
    """The left-column part of a printed line; None when the line holds only the right column."""
    if regex.match(r"^\s{12,}\S", line):
        return None
    line = _SIDE_NOTE_GAP.sub(";", line)
    segs = segments(line, fold=False)
    return segs[0] if segs else ""


def _list_after(lines: list[str], start: int, first: str, signature_parts: set[str], footer: bool = False) -> list[str]:
    """Items of a list starting at ``lines[start]``, ``first`` being text after the label.

    ``footer``: the Nơi nhận list, where a line with an item after it is the rest of the
    item above it (under Kính gửi, the body follows, and its own dashes).
    """
    items: list[str] = []
    if first:
        m = _ITEM.match(first)
        items.append(m.group("item") if m else first)
    blank_run = 0
    filed = False
    window = lines[start : start + 80]
    for index, line in enumerate(window):
        col = _column(line)
        if col is None:
            continue
        if not col:
            blank_run += 1
            if blank_run >= 3 and items:
                break
            continue
        blank_run = 0
        if gz.clean(col).casefold() in signature_parts or is_block_line(col):
            continue  # the signature block printed between the items
        m = _ITEM.match(col)
        if filed and not m:
            break
        if m and len(items) < _MAX_ITEMS:
            items.append(m.group("item"))
            # "Lưu" closes the list; a scan may still have put one more item under it.
            filed = _FILE_COPY.match(gz.clean(m.group("item"))) is not None
        elif (
            items
            and not regex.search(r"[;.]\s*$", items[-1])
            and (
                col[:1].islower()
                or regex.search(r",\s*$", items[-1])
                or _ITEM_END.search(col)
                or (footer and _next_is_item(window[index + 1 :]))
            )
        ):
            # The item runs on: "(để\nphối hợp);", "Đồng chí Hồ Văn Mười, Phó Bí thư Tỉnh ủy,\nChủ tịch …",
            # "Cục Đầu tư nước ngoài và Trung tâm XTĐT miền\nTrung (Bộ KH-ĐT);", or any line with an item after it
            items[-1] = f"{items[-1]} {col}"
        else:
            break  # the body resumes, or the signature block's own text
    return items


def _next_is_item(lines: list[str]) -> bool:
    """Whether the next printed line of the column is a list item: the list goes on after this one."""
    for line in lines[:2]:
        col = _column(line)
        if col:
            return _ITEM.match(col) is not None
    return False


def extract_recipients(doc: TextDocument, signer: Signer) -> list[str]:
    """Recipients under ``Kính gửi:`` then ``Nơi nhận:``, cleaned and listed once each.

    ``signer`` is the document's signer (:func:`.signature.extract_signer`): its lines,
    printed beside or between the items of Nơi nhận, are not recipients.
    """
    lines = doc.text.split("\n")  # items are kept as printed, tone style included
    signature_parts = {p.casefold() for p in (signer.name, signer.title) if p}
    signature_parts |= {gz.clean(s).casefold() for s in (signer.authority or "").split("  ")}
    raw: list[str] = []
    for i, line in enumerate(lines):
        m = next((m for seg in segments(line, fold=False) if (m := _KINH_GUI.match(seg))), None)
        if m:
            raw += _list_after(lines, i + 1, m.group("rest"), signature_parts)
            break
    for i, line in enumerate(lines):
        col = _column(line)
        if not col:
            continue
        m = _NOI_NHAN.match(col)
        if m:
            raw += _list_after(lines, i + 1, m.group("rest"), signature_parts, footer=True)
            break
    raw += _attached_list(lines)
    out: list[str] = []
    seen: set[str] = set()
    for item in raw:
        if signer.name and item.endswith(signer.name):
            item = item[: -len(signer.name)]
        cleaned = _clean_item(item)
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            out.append(cleaned)
    return out
