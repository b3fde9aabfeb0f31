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
# A list item: "- Bộ Nội vụ;", "+ UBND tỉnh;", "• Các sở".
_ITEM = regex.compile(r"^\s*[-+•–·*]\s*(?P<item>.*)$")
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
# A scan's stray mark after the item's ";": "- TKŠ (để b/c đ/c Thứ trưởng); 5"
_SIDE_NOTE = regex.compile(r";\s*\S{1,2}$")


def _clean_item(item: str) -> str | None:
    item = gz.clean(_SIDE_NOTE.sub("", item), fold=False).strip(" ;.,:")
    item = _PURPOSE.sub("", item).strip(" ;.,")
    if not item or _POINTER.match(item) or _FILE_COPY.match(item):
        return None
    return item


def _column(line: str) -> str | None:
    """The left-column part of a printed line; None when the line holds only the right column."""
    if regex.match(r"^\s{12,}\S", line):
        return None
    line = _SIDE_NOTE_GAP.sub(";", line)
    segs = segments(line, fold=False)
    return segs[0] if segs else ""


def _list_after(lines: list[str], start: int, first: str, signature_parts: set[str]) -> list[str]:
    """Items of a list starting at ``lines[start]``, ``first`` being text after the label."""
    items: list[str] = []
    if first:
        m = _ITEM.match(first)
        items.append(m.group("item") if m else first)
    blank_run = 0
    filed = False
    for line in lines[start : start + 80]:
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
            and (col[:1].islower() or regex.search(r",\s*$", items[-1]))
        ):
            # The item runs on: "(để\nphối hợp);", "Đồng chí Hồ Văn Mười, Phó Bí thư Tỉnh ủy,\nChủ tịch …"
            items[-1] = f"{items[-1]} {col}"
        else:
            break  # the body resumes, or the signature block's own text
    return items


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
            raw += _list_after(lines, i + 1, m.group("rest"), signature_parts)
            break
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
