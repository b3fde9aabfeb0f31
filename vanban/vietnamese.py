"""How the published site says things to a Vietnamese analyst or clerk: labels, values, dates, warnings.

The database keeps machine values (ISO dates, UTC times, ``lead``/``basis``,
column names, the record's English warnings, per CONTRACT.md); the pages show
them through these tables and functions. JSON and CSV exports keep the
stored values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import regex

# Where the offices are: times stored in UTC are shown in this zone unless the metadata's plugin settings
# name another ("plugins": {"vanban": {"timezone": ...}}).
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"

# Stored code → what a page shows (duties.role, citations.role, citations.relation as stored, files.status).
VALUE_LABELS = {
    "lead": "chủ trì",
    "support": "phối hợp",
    "basis": "căn cứ",
    "reference": "dẫn chiếu",
    "ingested": "đã nhập",
    "duplicate": "trùng",
    "failed": "lỗi",
    "unchanged": "không đổi",
    # duty_status.status: the duty tracker's verdict as of today
    "open": "đang thực hiện",
    "overdue": "quá hạn",
    "answered": "đã có văn bản trả lời",
    # duty_responses.match: how the answering document was matched with the duty
    "issuer": "do chính cơ quan được giao ban hành",
    "level": "do cơ quan thuộc cấp được giao ban hành",
}
# Columns whose values VALUE_LABELS translates.
CODED_COLUMNS = frozenset({"role", "status", "match"})

# The tracker's status filter (canned query due_duties, parameter ``status``): value → what the form offers.
STATUS_CHOICES = {
    "": "tất cả",
    "unanswered": "chưa có văn bản trả lời (quá hạn và đang thực hiện)",
    "overdue": "quá hạn",
    "due": "đến hạn trong 7 ngày tới",
    "open": "đang thực hiện",
    "answered": "đã có văn bản trả lời",
}


def days_left(value) -> str | None:
    """``duty_status.days_left`` as a clerk says it: -3 → ``quá 3 ngày``, 0 → ``hôm nay``, 5 → ``còn 5 ngày``."""
    if not isinstance(value, int):
        return None
    if value < 0:
        return f"quá {-value} ngày"
    return "hôm nay" if value == 0 else f"còn {value} ngày"


# Column → its heading on a page; the column's own name stays in the tooltip and in exports.
COLUMN_LABELS = {
    "id": "Mã",
    "sha256": "SHA-256",
    "path": "Tệp",
    "format": "Định dạng",
    "pages": "Số trang",
    "size": "Dung lượng (byte)",
    "doc_type": "Loại văn bản",
    "symbol": "Số và ký hiệu",
    "symbol_key": "Khóa ký hiệu",
    "number": "Số",
    "year": "Năm (trong ký hiệu)",
    "type_code": "Mã loại",
    "issuer_code": "Mã cơ quan",
    "issuer": "Cơ quan ban hành",
    "parent_issuer": "Cơ quan chủ quản",
    "place": "Địa danh",
    "issued_date": "Ngày ban hành",
    "issued_year": "Năm ban hành",
    "subject": "Trích yếu",
    "urgency": "Độ khẩn",
    "confidentiality": "Độ mật",
    "signer_name": "Người ký",
    "signer_title": "Chức vụ người ký",
    "signer_authority": "Thẩm quyền ký",
    "ocr": "OCR",
    "ocr_confidence": "Độ tin cậy OCR",
    "extractor_version": "Phiên bản trích xuất",
    "ingested_at": "Thời điểm nhập",
    "text": "Toàn văn",
    "record": "Bản ghi (JSON)",
    "label": "Tên ngắn",
    "warnings": "Cảnh báo",
    "citing_document_id": "Văn bản dẫn",
    "cited_document_id": "Văn bản được dẫn",
    "document_id": "Văn bản",
    "position": "Thứ tự",
    "title": "Tên / trích yếu",
    "role": "Vai trò",
    "mentions": "Số lần nhắc",
    "spans": "Vị trí trong văn bản",
    "relation": "Quan hệ",
    "cited_key": "Khóa văn bản được dẫn",
    "agency_id": "Cơ quan (mã)",
    "agency": "Cơ quan",
    "agency_key": "Khóa cơ quan",
    "agency_full_key": "Khóa cơ quan và địa phương",
    "agency_position": "Thứ tự trong danh sách cơ quan",
    "task": "Nhiệm vụ",
    "deadline": "Thời hạn",
    "deadline_date": "Hạn cuối",
    "due_date": "Ngày đến hạn",
    "recurrence": "Định kỳ",
    "span": "Vị trí",
    "span_start": "Từ ký tự",
    "span_end": "Đến ký tự",
    "name": "Tên",
    "canonical_name": "Tên chuẩn",
    "locality": "Địa phương",
    "name_key": "Khóa tên",
    "full_key": "Khóa tên đầy đủ",
    "locality_key": "Khóa địa phương",
    "status": "Trạng thái",
    "time": "Thời điểm",
    "message": "Ghi chú",
    "reason": "Lý do",
    "passage": "Đoạn khớp",
    "direction": "Chiều",
    "cited_type": "Loại văn bản được dẫn",
    "cited_symbol": "Ký hiệu được dẫn",
    "cited_issuer": "Cơ quan ban hành (được dẫn)",
    "cited_date": "Ngày (được dẫn)",
    "cited_in": "Được dẫn trong",
    "citing_documents": "Số văn bản dẫn",
    "duty_id": "Nhiệm vụ (mã)",
    "assigned_to": "Giao cho (như văn bản viết)",
    "assigned_by": "Cơ quan giao",
    "document": "Văn bản giao",
    "days_left": "Còn lại",
    "previous_deadline": "Hạn kỳ trước",
    "responses": "Số văn bản trả lời",
    "last_response_date": "Ngày trả lời gần nhất",
    "match": "Cách khớp",
    "recurrence_months": "Chu kỳ (tháng)",
}

# Canned query parameter → its label on the query form.
PARAMETER_LABELS = {
    "q": "Từ cần tìm",
    "agency": "Cơ quan",
    "locality": "Địa phương (tỉnh, thành phố)",
    "from": "Từ ngày (ngày/tháng/năm)",
    "to": "Đến ngày (ngày/tháng/năm)",
    "symbol": "Số và ký hiệu",
    "id": "Mã văn bản",
    "assigned_by": "Cơ quan giao nhiệm vụ",
    "status": "Trạng thái",
}

TABLE_LABELS = {
    "documents": "Văn bản",
    "citations": "Trích dẫn",
    "duties": "Nhiệm vụ",
    "agencies": "Cơ quan",
    "recipients": "Nơi nhận",
    "files": "Nhật ký nhập tệp",
    "errors": "Tệp lỗi",
    "duty_agencies": "Cơ quan trong danh sách được giao",
    "duty_responses": "Văn bản trả lời nhiệm vụ",
    "duty_status": "Theo dõi nhiệm vụ",
    "due_duties": "Nhiệm vụ đến hạn / quá hạn",
}

# Datasette's filter operators, as the filter form names them.
FILTER_LABELS = {
    "exact": "bằng",
    "not": "khác",
    "contains": "chứa",
    "endswith": "kết thúc bằng",
    "startswith": "bắt đầu bằng",
    "gt": ">",
    "gte": "≥",
    "lt": "<",
    "lte": "≤",
    "like": "like",
    "notlike": "not like",
    "glob": "glob",
    "in": "thuộc",
    "notin": "không thuộc",
    "arraycontains": "danh sách chứa",
    "arraynotcontains": "danh sách không chứa",
    "date": "vào ngày",
    "isnull": "trống",
    "notnull": "không trống",
    "isblank": "rỗng",
    "notblank": "không rỗng",
}


def column_label(column: str) -> str:
    """The heading a page shows for a column: ``issued_date`` → ``Ngày ban hành``."""
    return COLUMN_LABELS.get(column, column)


def value_label(value):
    """A stored code as a page shows it: ``lead`` → ``chủ trì``; anything else unchanged."""
    return VALUE_LABELS.get(value, value) if isinstance(value, str) else value


# ---------------------------------------------------------------- dates and times

# An ISO date or partial date as stored: "2025-12-31", "2025-12", "2025"
_ISO_DATE = regex.compile(r"(?x) ^ (?P<y>\d{4}) (?: - (?P<m>\d{2}) (?: - (?P<d>\d{2}) )? )? $")
# A stored timestamp, UTC: "2026-11-22T06:24:36+00:00"
_TIMESTAMP = regex.compile(
    r"(?x) ^ \d{4}-\d{2}-\d{2} [T\ ] \d{2}:\d{2} (?::\d{2})? (?:\.\d+)? (?:Z|[+-]\d{2}:?\d{2})? $"
)


def timezone(name: str | None = None) -> ZoneInfo | None:
    """The zone times are shown in (None when the system has no such zone: times stay UTC)."""
    try:
        return ZoneInfo(name or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def show_date(value: str | None) -> str | None:
    """An ISO date as an office writes it: ``2025-12-31`` → ``31/12/2025``, ``2025-12`` → ``12/2025``."""
    if not isinstance(value, str):
        return value
    match = _ISO_DATE.match(value)
    if match is None:
        return value
    return "/".join(part for part in (match.group("d"), match.group("m"), match.group("y")) if part)


def show_time(value: str | None, zone: ZoneInfo | None = None) -> str | None:
    """A stored UTC timestamp in local time: ``2026-11-22T06:24:36+00:00`` → ``22/11/2026 13:24:36``."""
    if not isinstance(value, str) or not _TIMESTAMP.match(value):
        return value
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is not None and zone is not None:
        moment = moment.astimezone(zone)
    return moment.strftime("%d/%m/%Y %H:%M:%S")


def show_value(value, zone: ZoneInfo | None = None):
    """A cell's value for a page: dates as dd/mm/yyyy, times local, coded values in Vietnamese."""
    if not isinstance(value, str):
        return value
    if _TIMESTAMP.match(value):
        return show_time(value, zone)
    if _ISO_DATE.match(value) and len(value) >= 7:
        return show_date(value)
    return value_label(value)


# A date typed by a user, day first as offices write it: "31/12/2025", "31-12-2025", "31.12.2025"; or a month
# "12/2025"; or ISO "2025-12-31", "2025-12", "2025".
_TYPED_DAY_FIRST = regex.compile(
    r"(?x) ^ (?: (?P<d>\d{1,2}) (?P<sep>[/.-]) )? (?P<m>\d{1,2}) (?(sep) (?P=sep) | [/.-] ) (?P<y>\d{4}) $"
)
_TYPED_ISO = regex.compile(r"(?x) ^ (?P<y>\d{4}) (?: - (?P<m>\d{1,2}) (?: - (?P<d>\d{1,2}) )? )? $")
MAX_TYPED_DATE = 40  # longer input is not a date


def parse_date(typed: str | None) -> str | None:
    """A typed date as ISO: ``01/01/2026`` and ``2026-01-01`` → ``2026-01-01``, ``12/2025`` → ``2025-12``.

    ``""`` when nothing is typed; None when the text is not a real date in one of these forms
    (``2026-13-01``, ``01/01/26``, ``hôm nay``). A month or a year is kept partial, so a range
    compares as ISO text: ``due_date >= '2025-12'`` and ``due_date <= '2025-12' || '~'``.
    """
    if typed is None:
        return ""
    typed = typed.strip()
    if not typed:
        return ""
    if len(typed) > MAX_TYPED_DATE:
        return None
    match = _TYPED_DAY_FIRST.match(typed) or _TYPED_ISO.match(typed)
    if match is None:
        return None
    year, month, day = int(match.group("y")), match.group("m"), match.group("d")
    try:
        datetime(year, int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(part for part in (f"{year:04d}", month and f"{int(month):02d}", day and f"{int(day):02d}") if part)


def date_error(name: str, typed: str) -> str:
    """The message for a date parameter that is not a date."""
    return (
        f"«{typed}» ở ô «{PARAMETER_LABELS.get(name, name)}» không phải là ngày: nhập ngày/tháng/năm (31/12/2025), "
        "tháng/năm (12/2025), năm (2025) hoặc năm-tháng-ngày (2025-12-31)."
    )


# ---------------------------------------------------------------- warnings

# Below this mean OCR confidence (0–100) a scan's fields are flagged on the document page: the same bar a
# number read by OCR must clear (README: numbers written by hand).
LOW_OCR_CONFIDENCE = 85.0
LOW_OCR = "OCR độ tin cậy thấp"


@dataclass(frozen=True)
class WarningKind:
    """A kind of record warning: how to recognise it, its short name (the facet), its sentence for the page."""

    pattern: regex.Pattern
    kind: str
    sentence: str  # str.format over the pattern's named groups


# A record warning (English, as the record keeps it) → its kind and a Vietnamese sentence, each pattern with a
# warning it matches. A warning of no known kind is shown in full, as written.
WARNING_KINDS = [
    # "number 753 written by hand, unreadable by OCR (Á$3, 3): taken from the file name"
    WarningKind(
        regex.compile(
            r"(?x) number \s (?P<number>\S+) \s written \s by \s hand .*? \( (?P<readings>[^)]*) \) .* file \s name"
        ),
        "số lấy từ tên tệp",
        "Số {number} viết tay, OCR không đọc chắc ({readings}): số được lấy từ tên tệp.",
    ),
    # "Số/ngày blank in the text layer and not readable on the rendered page"
    WarningKind(
        regex.compile(r"(?x) Số/ngày \s blank"),
        "số/ngày để trống",
        "Số hoặc ngày để trống trong tệp và không đọc được trên trang: cần điền từ bản gốc.",
    ),
    # "the file looks truncated (no %%EOF at its end); text may be missing"
    WarningKind(regex.compile(r"(?x) truncated"), "tệp có thể bị thiếu", "Tệp có vẻ bị cắt cụt: có thể thiếu chữ."),
    # "layout analysis skipped (PSSyntaxError); header columns may interleave",
    # "page 1 layout unreadable (KeyError); header columns may interleave"
    WarningKind(
        regex.compile(r"(?x) layout \s (?: analysis \s skipped | unreadable )"),
        "đầu văn bản có thể lẫn cột",
        "Không đọc được bố cục trang đầu: hai cột đầu văn bản có thể lẫn vào nhau.",
    ),
    # "page 3 tables unreadable (KeyError)"
    WarningKind(
        regex.compile(r"(?x) page \s (?P<page>\d+) \s tables? \s unreadable"),
        "bảng không đọc được",
        "Không đọc được bảng ở trang {page}.",
    ),
    # "page 2 has no text layer (scanned); tesseract is not installed"
    WarningKind(
        regex.compile(r"(?x) page \s (?P<page>\d+) \s has \s no \s text \s layer"),
        "trang quét chưa đọc",
        "Trang {page} là ảnh quét và chưa được OCR: thiếu chữ của trang này.",
    ),
    # "legacy TCVN3 encoding converted to Unicode"
    WarningKind(
        regex.compile(r"(?x) TCVN3 | VNI\b | legacy \s encoding"),
        "chuyển từ bảng mã cũ",
        "Văn bản gõ bằng bảng mã cũ (TCVN3/VNI), đã chuyển sang Unicode: kiểm tra chữ có dấu.",
    ),
]
OTHER_WARNING = "cảnh báo khác"
# Warning kinds that concern the document's number: the page flags the number itself.
NUMBER_WARNINGS = frozenset({"số lấy từ tên tệp", "số/ngày để trống"})


def _known(warning: str) -> tuple[WarningKind, regex.Match] | None:
    for known in WARNING_KINDS:
        match = known.pattern.search(warning)
        if match:
            return known, match
    return None


def warning_kind(warning: str) -> str:
    """The short Vietnamese kind of a record warning (what the ``warnings`` column and facet hold)."""
    found = _known(warning)
    return found[0].kind if found else OTHER_WARNING


def warning_sentence(warning: str) -> str:
    """A record warning as a Vietnamese sentence for the page (the warning itself when its kind is unknown)."""
    found = _known(warning)
    if found is None:
        return warning
    known, match = found
    return known.sentence.format(**match.groupdict())


def warning_kinds(warnings: list[str], ocr_confidence: float | None) -> list[str]:
    """The kinds of a document's warnings, each once, plus low OCR confidence when the scan read poorly."""
    kinds = list(dict.fromkeys(warning_kind(w) for w in warnings))
    if ocr_confidence is not None and ocr_confidence < LOW_OCR_CONFIDENCE:
        kinds.append(LOW_OCR)
    return kinds
