"""Deadlines and recurrences inside a duty's task text.

``find_deadline("… gửi về Bộ Nội vụ trước ngày 31/12/2025")`` → ``"2025-12-31"``;
a stated period comes back as text without its preposition (``trong Quý II/2023``
→ ``"Quý II/2023"``), a day without a year as printed (``"trước ngày 31 tháng 3"``).
``find_recurrence`` returns the recurrence phrase as printed (``"hằng tháng"``).
The phrases are data: extractors/data/duty_deadlines.json.
"""

from __future__ import annotations

import regex

from . import knowledge

_DATA = knowledge.table("duty_deadlines")
RECURRENCES: tuple[str, ...] = tuple(_DATA["recurrences"])  # "hằng tháng", "định kỳ 6 tháng", …


def _alternation(phrases: list[str]) -> str:
    """Longest first, spaces as \\s+, so "trước ngày" wins over "trước"."""
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


# A full date right after a deadline word: "trước ngày 15/12/2023", "chậm nhất ngày 05 tháng 01 năm 2024".
_DATED = regex.compile(
    r"""(?xi)
    (?<!\w)(?:xong\s+|hoàn\s+thành\s+)?(?:trước|chậm\s+nhất(?:\s+(?:là|vào|đến))?)\s+(?:ngày\s+)?   # trước ngày
    (?:
        (?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})                            # 31/12/2025
      | (?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})                           # 31 tháng 12 năm 2025
    )
    """
)

# A day without its year keeps its words: "trước ngày 31 tháng 3", "trước ngày 15/3".
_DAY_NO_YEAR = regex.compile(
    r"""(?xi)
    (?<!\w)(?P<text>(?:trước|chậm\s+nhất(?:\s+(?:là|vào))?)\s+ngày\s+
        \d{1,2}(?:\s+tháng\s+\d{1,2}|\s*/\s*\d{1,2}))                                             # trước ngày 31 tháng 3
    (?!\s*(?:[/.-]\s*\d|năm\s+\d))
    """
)

# A period after its preposition: "trong Quý II/2023", "hết năm 2023", "trong tháng 6/2026",
# "Trong thời hạn 30 (ba mươi) ngày kể từ ngày Quyết định này có hiệu lực".
_PERIOD = regex.compile(
    r"""(?xi)
    (?<!\w)(?:"""
    + _alternation(_DATA["deadline_prepositions"])
    + r""")\s+
    (?P<period>
        quý\s+[IV1-4]+(?:\s*/\s*|\s+năm\s+)\d{4}                                                   # Quý II/2023
      | quý\s+(?:I{1,3}|IV|[1-4])(?!\s*/)                                                         # quý I hằng năm
      | tháng\s+\d{1,2}(?:\s*/\s*|\s+năm\s+)\d{4}                                                  # tháng 6/2026
      | 6\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?                                                # 6 tháng đầu năm 2024
      | năm\s+\d{4}                                                                                # năm 2023
      | \d+\s+(?:\([^)]{1,30}\)\s+)?ngày(?:\s+làm\s+việc)?(?:,?\s+kể\s+từ\s+[^,;.]{3,80})?        # 30 (ba mươi) ngày kể từ …
    )
    (?!\w)
    """
)

# A recurrence as printed: "hằng tháng", "định kỳ 6 tháng", or a rate "01 tin, bài/tháng".
_RECURRENCE = regex.compile(
    r"""(?xi)
    (?<!\w)(?P<rec>"""
    + _alternation(_DATA["recurrences"])
    + r""")(?!\w)                          # hằng quý
    | (?<!\w)(?P<rate>\d+\s+\w+(?:,\s*\w+)?\s*/\s*(?:tháng|quý|năm|tuần|ngày))(?!\w)               # 01 tin, bài/tháng
    """
)


def find_deadline(text: str) -> str | None:
    """The deadline stated in ``text``: ISO date, else the period as text, else None."""
    if m := _DATED.search(text):
        d, mo, y = (m["d"], m["m"], m["y"]) if m["d"] else (m["d2"], m["m2"], m["y2"])
        day, month = int(d), int(mo)
        if 1 <= day <= 31 and 1 <= month <= 12:
            return f"{int(y):04d}-{month:02d}-{day:02d}"
    if m := _DAY_NO_YEAR.search(text):
        return regex.sub(r"\s+", " ", m["text"])
    if m := _PERIOD.search(text):
        return regex.sub(r"\s+", " ", m["period"]).strip()
    return None


# A table cell holding only a date: "31/12/2024", "ngày 15/6/2026".
_BARE_DATE = regex.compile(
    r"""(?xi)
    ^\s*(?:ngày\s+)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})\s*[.;]?\s*$   # 31/12/2024
    """
)

# What a period cell must hold to state a deadline: a number or a period word ("Quý I/2026", "Năm 2025").
_PERIOD_WORD = regex.compile(r"(?i)\d|(?<!\w)(?:quý|tháng|năm|tuần)(?!\w)")


def find_cell_deadline(cell: str) -> str | None:
    """The deadline in an appendix table's Thời gian cell: "31/12/2024" → ISO, "Quý I/2026" as text;
    a recurrence ("Hằng tháng") or "Thường xuyên" states no deadline."""
    cell = regex.sub(r"\s+", " ", cell).strip()
    if not cell:
        return None
    if m := _BARE_DATE.match(cell):
        day, month = int(m["d"]), int(m["m"])
        if 1 <= day <= 31 and 1 <= month <= 12:
            return f"{int(m['y']):04d}-{month:02d}-{day:02d}"
    if found := find_deadline(cell):
        return found
    if _CELL_NO_PERIOD.search(cell):
        return None  # "Theo Điều 17 Nghị định số 52/2015/NĐ-CP", "Thường xuyên trong năm"
    rest = _RECURRENCE.sub(" ", cell).strip(" ,;.")
    return cell if rest and _PERIOD_WORD.search(rest) else None


# A time cell that states no period of its own: it points to another text's schedule ("Theo Điều 17 …",
# "Theo các mốc thời gian tại Quyết định số 1441/QĐ-UBND") or recurs ("Thường xuyên trong năm").
_CELL_NO_PERIOD = regex.compile(
    r"(?i)^(?:" + _alternation(_DATA["cell_references"]) + r")(?!\w)"
    r"|(?<!\w)(?:" + _alternation(_DATA["cell_recurrences"]) + r")(?!\w)"
)


def find_cell_recurrence(cell: str) -> str | None:
    """The recurrence in an appendix table's Thời gian cell, as printed ("Hằng tháng"). "Thường
    xuyên" / "Liên tục" (ongoing) state no deadline but no period either: no recurrence, as in the
    body text."""
    return find_recurrence(regex.sub(r"\s+", " ", cell).strip(" .;"))


def find_recurrence(text: str) -> str | None:
    """The recurrence phrase in ``text`` as printed, else None. A bare "định kỳ" gives way to the period
    printed later for the same task ("định kỳ báo cáo … trước ngày 15 tháng 11 hàng năm" → "hàng năm")."""
    found = [regex.sub(r"\s+", " ", m["rec"] or m["rate"]) for m in _RECURRENCE.finditer(text)]
    if not found:
        return None
    if found[0].lower() == "định kỳ":
        return next((f for f in found[1:] if f.lower() != "định kỳ"), found[0])
    return found[0]
