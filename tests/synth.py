"""Synthetic Vietnamese official documents, rendered as real PDF, DOCX and text files.

A :class:`DocSpec` holds what one document says (issuer, số ký hiệu, place and
date, type, trích yếu, Căn cứ, body, TỔ CHỨC THỰC HIỆN duties, appendix table,
signer, Nơi nhận). :func:`random_spec` builds a plausible one from a seeded
``random.Random``; :func:`render_pdf`, :func:`render_docx` and
:func:`render_txt` lay it out the way real documents are laid out (two-column
header, centred type name, signature block on the right, Nơi nhận on the left),
and :func:`expected_record` gives the contract record a perfect extractor would
return for it. Tests, the bundled sample corpus and the benchmark use these; it is
tooling, not product (it needs the test dependency reportlab), so it lives beside the tests.
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from vanban.extractors import gazetteer, knowledge

# ---------------------------------------------------------------------------
# Vocabulary: places, bodies, documents that really exist, topics, phrases.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Province:
    """A province-level unit: its name and whether it is a tỉnh or a thành phố."""

    name: str
    kind: str = "tỉnh"  # "tỉnh" | "thành phố"

    @property
    def place(self) -> str:
        """The địa danh printed before the date."""
        return self.name


# The 34 units in force from 1 July 2025 (Nghị quyết 202/2025/QH15) and the 63 before it, from the
# knowledge base (extractors/data/provinces.json), so the generator writes what the extractors know.
PROVINCES_2025 = [Province(p["name"], p["kind"]) for p in knowledge.table("provinces")["since_2025"]]
PROVINCES_OLD = [Province(p["name"], p["kind"]) for p in knowledge.table("provinces")["before_2025"]]

MERGER_DATE = date(2025, 7, 1)


@dataclass(frozen=True)
class Agency:
    """A specialised body under the provincial People's Committee."""

    name: str  # "Sở Nội vụ" (the locality is added where needed)
    code: str  # issuer code in a symbol: "SNV"
    head: str = "Giám đốc"  # its head's title


AGENCIES_2025 = [
    Agency("Sở Nội vụ", "SNV"),
    Agency("Sở Tài chính", "STC"),
    Agency("Sở Tư pháp", "STP"),
    Agency("Sở Xây dựng", "SXD"),
    Agency("Sở Nông nghiệp và Môi trường", "SNNMT"),
    Agency("Sở Khoa học và Công nghệ", "SKHCN"),
    Agency("Sở Y tế", "SYT"),
    Agency("Sở Giáo dục và Đào tạo", "SGDĐT"),
    Agency("Sở Công Thương", "SCT"),
    Agency("Sở Dân tộc và Tôn giáo", "SDTTG"),
    Agency("Thanh tra tỉnh", "TTr", "Chánh Thanh tra"),
]
AGENCIES_OLD = [
    Agency("Sở Nội vụ", "SNV"),
    Agency("Sở Tài chính", "STC"),
    Agency("Sở Tư pháp", "STP"),
    Agency("Sở Kế hoạch và Đầu tư", "SKHĐT"),
    Agency("Sở Thông tin và Truyền thông", "STTTT"),
    Agency("Sở Tài nguyên và Môi trường", "STNMT"),
    Agency("Sở Giao thông vận tải", "SGTVT"),
    Agency("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"),
    Agency("Sở Y tế", "SYT"),
    Agency("Sở Nông nghiệp và Phát triển nông thôn", "SNN"),
    Agency("Sở Công Thương", "SCT"),
]
# Agencies named in duty headings besides the Sở; {cap} is "tỉnh" or "thành phố".
OTHER_DUTY_AGENCIES = [
    "Công an {cap}",
    "Văn phòng UBND {cap}",
    "Ban Quản lý các khu công nghiệp {cap}",
    "Báo và Phát thanh, Truyền hình {cap}",
    "Trung tâm Phục vụ hành chính công {cap}",
]
GROUP_AGENCIES_OLD = ["Các sở, ban, ngành, UBND các huyện, thành phố", "UBND các huyện, thành phố"]
GROUP_AGENCIES_2025 = ["Các sở, ban, ngành, UBND các xã, phường", "UBND các xã, phường, đặc khu"]


@dataclass(frozen=True)
class CitedDoc:
    """A document that another one cites, and how the citing text names it."""

    doc_type: str  # "Nghị quyết"
    symbol: str | None  # "76/NQ-CP"; None for a Luật cited by name
    issued: date | None
    issuer_printed: str | None  # as the citing text prints it: "UBND tỉnh"
    issuer: str | None  # expanded as the contract wants it: "Ủy ban nhân dân tỉnh"
    title: str | None  # "về việc ban hành Chương trình …" (for a Luật: its name)

    def mention(self, full: bool = True) -> str:
        """The words that cite it: ``Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về …``."""
        if self.symbol is None:
            return f"{self.doc_type} {self.title}"
        text = f"{self.doc_type} số {self.symbol}"
        if not full:
            return text
        if self.issued:
            text += f" ngày {short_date(self.issued)}"
        if self.issuer_printed:
            text += f" của {self.issuer_printed}"
        return f"{text} {self.title}" if self.title else text


# Real documents cited as legal bases across the corpus.
REAL_BASES = {
    "76/NQ-CP": CitedDoc(
        "Nghị quyết",
        "76/NQ-CP",
        date(2021, 7, 15),
        "Chính phủ",
        "Chính phủ",
        "về việc ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
    ),
    "45/2020/NĐ-CP": CitedDoc(
        "Nghị định",
        "45/2020/NĐ-CP",
        date(2020, 4, 8),
        "Chính phủ",
        "Chính phủ",
        "về thực hiện thủ tục hành chính trên môi trường điện tử",
    ),
    "30/2020/NĐ-CP": CitedDoc(
        "Nghị định", "30/2020/NĐ-CP", date(2020, 3, 5), "Chính phủ", "Chính phủ", "về công tác văn thư"
    ),
    "61/2018/NĐ-CP": CitedDoc(
        "Nghị định",
        "61/2018/NĐ-CP",
        date(2018, 4, 23),
        "Chính phủ",
        "Chính phủ",
        "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    ),
    "468/QĐ-TTg": CitedDoc(
        "Quyết định",
        "468/QĐ-TTg",
        date(2021, 3, 27),
        "Thủ tướng Chính phủ",
        "Thủ tướng Chính phủ",
        "phê duyệt Đề án đổi mới việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    ),
    "43/CT-TTg": CitedDoc(
        "Chỉ thị",
        "43/CT-TTg",
        date(2020, 12, 11),
        "Thủ tướng Chính phủ",
        "Thủ tướng Chính phủ",
        "về nâng cao chất lượng công tác xây dựng, hoàn thiện hệ thống "
        "pháp luật và tăng cường hiệu quả thi hành pháp luật",
    ),
    "06/QĐ-TTg": CitedDoc(
        "Quyết định",
        "06/QĐ-TTg",
        date(2022, 1, 6),
        "Thủ tướng Chính phủ",
        "Thủ tướng Chính phủ",
        "phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh "
        "và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030",
    ),
    "57-NQ/TW": CitedDoc(
        "Nghị quyết",
        "57-NQ/TW",
        date(2024, 12, 22),
        "Bộ Chính trị",
        "Bộ Chính trị",
        "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    ),
    "126/2024/NĐ-CP": CitedDoc(
        "Nghị định",
        "126/2024/NĐ-CP",
        date(2024, 10, 8),
        "Chính phủ",
        "Chính phủ",
        "quy định về tổ chức, hoạt động và quản lý hội",
    ),
    "LuatTCCQĐP": CitedDoc("Luật", None, None, None, None, "Tổ chức chính quyền địa phương"),
    "LuatBHVB": CitedDoc("Luật", None, None, None, None, "Ban hành văn bản quy phạm pháp luật"),
}


@dataclass(frozen=True)
class Topic:
    """A field of work: the words a subject is built from, its lead agency, its bases."""

    phrase: str  # "cải cách hành chính"
    short: str  # "CCHC" — how the body abbreviates it
    lead: str  # the Sở that leads it (name as in the agency lists)
    bases: tuple[str, ...]  # keys of REAL_BASES


TOPICS = [
    Topic("cải cách hành chính", "CCHC", "Sở Nội vụ", ("76/NQ-CP", "61/2018/NĐ-CP", "468/QĐ-TTg")),
    Topic("chuyển đổi số", "chuyển đổi số", "Sở Khoa học và Công nghệ", ("57-NQ/TW", "06/QĐ-TTg", "45/2020/NĐ-CP")),
    Topic(
        "thực hiện thủ tục hành chính trên môi trường điện tử",
        "TTHC điện tử",
        "Văn phòng UBND {cap}",
        ("45/2020/NĐ-CP", "61/2018/NĐ-CP", "468/QĐ-TTg"),
    ),
    Topic("công tác văn thư, lưu trữ", "văn thư, lưu trữ", "Sở Nội vụ", ("30/2020/NĐ-CP", "76/NQ-CP")),
    Topic("phổ biến, giáo dục pháp luật", "PBGDPL", "Sở Tư pháp", ("43/CT-TTg", "LuatBHVB")),
    Topic("quản lý hội và tổ chức phi chính phủ", "quản lý hội", "Sở Nội vụ", ("126/2024/NĐ-CP", "76/NQ-CP")),
    Topic(
        "cải thiện môi trường đầu tư kinh doanh, nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh",
        "PCI",
        "Sở Tài chính",
        ("76/NQ-CP", "45/2020/NĐ-CP"),
    ),
]

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đương",
    "Lương",
    "Vi",
    "Nông",
    "Hà",
]
MIDDLE = ["Văn", "Thị", "Xuân", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Hữu", "Thu", "Công"]
GIVEN = [
    "Huyền",
    "Hùng",
    "Bông",
    "Chung",
    "Tuấn",
    "Lan",
    "Hải",
    "Phong",
    "Thắng",
    "Hương",
    "Dũng",
    "Quyết",
    "Thảo",
    "Khánh",
    "Nghĩa",
    "Tâm",
    "Vượng",
    "Yến",
]

# Duty task phrases (start at the verb). {topic}, {short}, {cap}, {year} are filled in.
TASKS = [
    "Tham mưu UBND {cap} chỉ đạo, hướng dẫn triển khai thực hiện có hiệu quả công tác {short} trên địa bàn {cap}",
    "Xây dựng kế hoạch thực hiện công tác {short} năm {year} tại cơ quan, đơn vị, phù hợp với chức năng, nhiệm vụ được giao",
    "Tổ chức tuyên truyền, phổ biến nội dung Kế hoạch này đến cán bộ, công chức, viên chức và Nhân dân",
    "Theo dõi, đôn đốc, kiểm tra việc thực hiện các nhiệm vụ về {short} tại các cơ quan, đơn vị, địa phương",
    "Tổng hợp kết quả thực hiện, báo cáo UBND {cap} theo quy định",
    "Thẩm định dự toán kinh phí thực hiện các nhiệm vụ về {short}, tham mưu UBND {cap} bố trí kinh phí theo quy định",
    "Rà soát các văn bản quy phạm pháp luật liên quan đến {topic}, đề xuất sửa đổi, bổ sung cho phù hợp",
    "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong thực hiện nhiệm vụ {short}",
    "Xây dựng chuyên mục, chuyên trang tuyên truyền về {topic}; phản ánh kịp thời kết quả thực hiện",
    "Kiểm tra, đánh giá kết quả thực hiện {short} tại các cơ quan, đơn vị và đề xuất biện pháp khắc phục hạn chế",
    "Tổ chức tập huấn, bồi dưỡng nghiệp vụ về {short} cho cán bộ, công chức làm công tác chuyên môn",
    "Cập nhật, công khai đầy đủ thông tin về {topic} trên Cổng Thông tin điện tử {cap}",
    "Phân công cán bộ, công chức theo dõi, tổng hợp tình hình thực hiện {short} của cơ quan, đơn vị",
    "Chấn chỉnh kỷ luật, kỷ cương hành chính, nâng cao trách nhiệm của người đứng đầu trong thực hiện {short}",
    "Rà soát, đánh giá thủ tục hành chính thuộc phạm vi quản lý, đề xuất phương án đơn giản hóa",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo quy định",
]

# Sentences for the purposes, requirements and results parts of a body.
PURPOSES = [
    "Triển khai đồng bộ, toàn diện, có hiệu quả các mục tiêu, nhiệm vụ về {topic} đã đề ra, góp phần thúc đẩy "
    "phát triển kinh tế - xã hội của {cap}.",
    "Nâng cao nhận thức, trách nhiệm của các cấp, các ngành, cán bộ, công chức, viên chức và Nhân dân đối với "
    "công tác {short}.",
    "Xác định rõ nhiệm vụ, trách nhiệm của các cơ quan, đơn vị và người đứng đầu trong tổ chức thực hiện; bảo đảm "
    "sự phối hợp chặt chẽ, thường xuyên giữa các cơ quan, đơn vị, địa phương.",
    "Các nhiệm vụ phải được triển khai đúng tiến độ, chất lượng, hiệu quả; lấy sự hài lòng của người dân, doanh "
    "nghiệp làm thước đo đánh giá chất lượng phục vụ của cơ quan hành chính nhà nước.",
    "Gắn việc thực hiện {short} với công tác thi đua, khen thưởng và đánh giá, xếp loại cán bộ, công chức, viên "
    "chức hằng năm.",
    "Tăng cường kiểm tra, giám sát, kịp thời phát hiện và xử lý những khó khăn, vướng mắc phát sinh trong quá "
    "trình thực hiện.",
]
RESULTS = [
    "Công tác {short} tiếp tục được quan tâm chỉ đạo, triển khai đồng bộ, đạt nhiều kết quả tích cực.",
    "Các cơ quan, đơn vị đã ban hành kế hoạch, văn bản chỉ đạo triển khai thực hiện, bảo đảm đúng tiến độ đề ra.",
    "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt {pct}%; tỷ lệ hồ sơ trực tuyến đạt {pct2}%.",
    "Công tác thông tin, tuyên truyền được đổi mới về hình thức, nội dung, tạo sự đồng thuận trong Nhân dân.",
    "Việc kiểm tra, giám sát được thực hiện thường xuyên; đã tổ chức {n} cuộc kiểm tra tại các cơ quan, đơn vị.",
    "Bên cạnh kết quả đạt được, công tác {short} vẫn còn một số tồn tại, hạn chế: việc phối hợp giữa các cơ quan "
    "có lúc chưa chặt chẽ; một số nhiệm vụ còn chậm so với tiến độ.",
]


@dataclass(frozen=True)
class Deadline:
    """A deadline as printed after a task and in a table cell, with what the record holds for each."""

    suffix: str  # appended to a bullet's task: ", hoàn thành trước ngày 15/9/2026"
    deadline: str | None  # the record's value for the bullet
    recurrence: str | None
    cell: str  # the Thời gian hoàn thành cell: "Trước ngày 15/9/2026"
    cell_deadline: str | None
    cell_recurrence: str | None


# ---------------------------------------------------------------------------
# The document specification.
# ---------------------------------------------------------------------------


@dataclass
class DutyItem:
    """One task assigned to an agency, with its deadline or recurrence as printed and as recorded."""

    task: str  # starts at its verb, no trailing punctuation
    deadline_text: str = ""  # appended to the task as printed: ", hoàn thành trước ngày 31/12/2025"
    deadline: str | None = None  # "2025-12-31", "Quý II/2026", "năm 2026"
    recurrence: str | None = None  # "hằng tháng"

    @property
    def printed(self) -> str:
        return self.task + self.deadline_text


@dataclass
class DutySection:
    """A numbered agency heading under TỔ CHỨC THỰC HIỆN and its task bullets."""

    agency: str
    items: list[DutyItem]


@dataclass
class AppendixRow:
    """One row of the Phụ lục duty table."""

    task: str
    lead: str
    support: list[str]
    deadline_cell: str  # as printed: "Quý II/2026", "Trước ngày 31/12/2025", "Hằng tháng"
    deadline: str | None = None
    recurrence: str | None = None


@dataclass
class SignerSpec:
    """The signature block: authority lines (TM./KT./TL.), the title, the name."""

    authority: list[str]  # ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    title: str  # sentence case: "Phó Chủ tịch"
    name: str


@dataclass
class Section:
    """A body section: an optional heading and its paragraphs (bullets start with "- ")."""

    heading: str | None
    paragraphs: list[str]


@dataclass
class DocSpec:
    """Everything one synthetic document says, independent of file format."""

    doc_type: str  # "Kế hoạch"
    issuer_lines: list[str]  # the issuing body as printed, in caps: ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]
    issuer: str  # expanded, sentence case: "Ủy ban nhân dân tỉnh Lạng Sơn"
    symbol: str  # "02/KH-UBND", "60-NQ/TU", "5743/VP-HCQT", "45/2020/NĐ-CP"
    place: str
    issued: date
    subject: str  # the trích yếu as the record holds it (no "V/v")
    signer: SignerSpec
    parent_issuer_line: str | None = None  # printed above the issuer: "UBND TỈNH LÂM ĐỒNG"
    parent_issuer: str | None = None  # expanded: "Ủy ban nhân dân tỉnh Lâm Đồng"
    party: bool = False  # a Party document: ĐẢNG CỘNG SẢN VIỆT NAM instead of the Quốc hiệu
    draft: bool = False  # number and day left blank: "Số:     /QĐ-UBND", "ngày    tháng 12 năm 2025"
    urgency: str | None = None  # "Khẩn", "Hỏa tốc"
    authority_line: str | None = None  # Quyết định / Nghị quyết: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"
    preamble: list[CitedDoc] = field(default_factory=list)  # the Căn cứ / Thực hiện bases
    preamble_style: str = "can_cu"  # "can_cu": one "Căn cứ …;" line each; "thuc_hien": one paragraph
    proposal: CitedDoc | None = None  # Quyết định: "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …"
    proposer: str | None = None  # "Giám đốc Sở Nội vụ"
    kinh_gui: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    references: list[CitedDoc] = field(default_factory=list)  # cited in the body (role "reference")
    duty_heading: str | None = None  # "III. TỔ CHỨC THỰC HIỆN"
    duties: list[DutySection] = field(default_factory=list)
    after_duties: list[str] = field(default_factory=list)  # paragraphs between the duties and the closing
    closing: str | None = None  # "UBND tỉnh yêu cầu …/."
    closing_duty: tuple[str, str] | None = None  # (agency, task) that the closing assigns
    appendix_title: str | None = None
    appendix: list[AppendixRow] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)  # Nơi nhận items as printed, without "- " and ";"
    article_duties: list[tuple[str, str, str]] = field(default_factory=list)  # (agency, role, task) in Điều 2

    @property
    def type_heading(self) -> str | None:
        """The centred type name, or None for a công văn."""
        return None if self.doc_type == "Công văn" else self.doc_type.upper()


# ---------------------------------------------------------------------------
# Small text helpers.
# ---------------------------------------------------------------------------


def short_date(d: date) -> str:
    """``08/4/2020``: the day padded, the month not, as citations print it."""
    return f"{d.day:02d}/{d.month}/{d.year}"


def long_date(d: date) -> str:
    """``ngày 04 tháng 01 năm 2023``: day < 10 and months 1–2 padded (Nghị định 30/2020/NĐ-CP)."""
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def upper_vi(text: str) -> str:
    return text.upper()


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def split_symbol(symbol: str, doc_type: str) -> dict:
    """number / year / type_code / issuer_code of a symbol, as the contract splits it."""
    if "-" in symbol.split("/")[0]:  # party style "60-NQ/TU"
        head, issuer_code = symbol.split("/", 1)
        number, type_code = head.split("-", 1)
        return {"number": number, "year": None, "type_code": type_code, "issuer_code": issuer_code}
    parts = symbol.split("/")
    number = parts[0] or None
    year = int(parts[1]) if len(parts) == 3 else None
    code = parts[-1]
    if doc_type == "Công văn":
        return {"number": number, "year": year, "type_code": None, "issuer_code": code}
    type_code, _, issuer_code = code.partition("-")
    return {"number": number, "year": year, "type_code": type_code, "issuer_code": issuer_code}


def printed_symbol(spec: DocSpec) -> str:
    """The Số line: ``Số: 02/KH-UBND``; a draft leaves the number blank; a party document has no colon."""
    symbol = spec.symbol
    if spec.draft:
        cut = symbol.find("-") if spec.party else symbol.find("/")
        symbol = "       " + symbol[cut:]
    return f"Số {symbol}" if spec.party else f"Số: {symbol}"


def printed_date(spec: DocSpec) -> str:
    if spec.draft:
        month = f"{spec.issued.month:02d}" if spec.issued.month < 3 else str(spec.issued.month)
        return f"{spec.place}, ngày      tháng {month} năm {spec.issued.year}"
    return f"{spec.place}, {long_date(spec.issued)}"


# ---------------------------------------------------------------------------
# The random builder.
# ---------------------------------------------------------------------------

DOC_TYPES = ["Kế hoạch", "Quyết định", "Công văn", "Báo cáo", "Thông báo", "Tờ trình", "Nghị quyết"]
TYPE_CODES = {name: gazetteer.code_for_doc_type(name) for name in DOC_TYPES}  # "Kế hoạch" → "KH"; Công văn → None
# Kinds of issuer each type is drawn from.
ISSUER_KINDS = {
    "Kế hoạch": ["ubnd", "ubnd", "so"],
    "Quyết định": ["ubnd", "ubnd", "so"],
    "Công văn": ["ubnd", "vp", "so"],
    "Báo cáo": ["ubnd", "so"],
    "Thông báo": ["vp"],
    "Tờ trình": ["so"],
    "Nghị quyết": ["hdnd", "tu"],
}
CLUSTER = 4  # documents i // CLUSTER share a province and may cite each other


@dataclass(frozen=True)
class Identity:
    """Who issued document i, its number, date and subject: what another document cites it by.

    Derived from i alone, so document j can cite document i without building it.
    """

    index: int
    doc_type: str
    kind: str  # "ubnd" | "so" | "vp" | "hdnd" | "tu"
    province: Province
    agency: Agency | None
    symbol: str
    issued: date
    topic: Topic
    subject: str
    year_scope: int


@lru_cache(maxsize=4096)
def identity(i: int, doc_type: str | None = None, kind: str | None = None) -> Identity:
    """The identity of synthetic document ``i`` (optionally forcing its type and issuer kind)."""
    cluster = random.Random(f"vanban-cluster-{i // CLUSTER}")
    base = date(2021, 1, 4) + timedelta(days=cluster.randrange(0, 5 * 365 + 60))
    if date(2025, 5, 1) <= base < MERGER_DATE:
        base = MERGER_DATE + timedelta(days=3)
    provinces = PROVINCES_2025 if base >= MERGER_DATE else PROVINCES_OLD
    province = cluster.choice(provinces)
    topic = cluster.choice(TOPICS)
    gaps = [cluster.randrange(9, 40) for _ in range(CLUSTER)]
    rng = random.Random(f"vanban-doc-{i}")
    issued = base + timedelta(days=sum(gaps[: i % CLUSTER]))
    doc_type = doc_type or rng.choice(DOC_TYPES)
    kind = kind or rng.choice(ISSUER_KINDS[doc_type])
    agencies = AGENCIES_2025 if issued >= MERGER_DATE else AGENCIES_OLD
    agency = None
    if kind == "so":
        lead = topic.lead if topic.lead.startswith("Sở") else "Sở Nội vụ"
        agency = next((a for a in agencies if a.name == lead), None) or rng.choice(agencies)
    number = str(rng.randrange(1, 3000) if doc_type in ("Công văn", "Báo cáo", "Tờ trình") else rng.randrange(1, 400))
    if len(number) == 1:
        number = "0" + number
    code = TYPE_CODES[doc_type]
    if kind == "tu":
        symbol = f"{number}-NQ/TU"
    elif kind == "hdnd":
        symbol = f"{number}/{issued.year}/NQ-HĐND"
    elif doc_type == "Công văn":
        unit = rng.choice(
            {"ubnd": ["NC", "KT", "VX", "TH"], "vp": ["HCQT", "TH", "KSTT"], "so": ["VP", "CCHC", "TCBC"]}[kind]
        )
        symbol = f"{number}/{agency.code if agency else kind.upper()}-{unit}"
    else:
        symbol = f"{number}/{code}-" + {"ubnd": "UBND", "so": agency.code if agency else "UBND", "vp": "VP"}[kind]
    year_scope = issued.year + (1 if issued.month >= 11 else 0)
    subject = _subject(doc_type, kind, topic, province, year_scope, rng)
    return Identity(i, doc_type, kind, province, agency, symbol, issued, topic, subject, year_scope)


def _fill(template: str, topic: Topic, province: Province, year: int, rng: random.Random | None = None) -> str:
    values = {"topic": topic.phrase, "short": topic.short, "cap": province.kind, "year": year}
    if rng is not None:
        values.update(pct=rng.randrange(90, 100), pct2=rng.randrange(40, 95), n=rng.randrange(3, 30))
    return template.format(**values)


def _subject(doc_type: str, kind: str, topic: Topic, province: Province, year: int, rng: random.Random) -> str:
    where = f"{province.kind} {province.name}"
    phrase = topic.phrase[:1].upper() + topic.phrase[1:]
    return {
        "Kế hoạch": rng.choice([f"{phrase} {where} năm {year}", f"Triển khai công tác {topic.phrase} năm {year}"]),
        "Quyết định": rng.choice(
            [
                f"Về việc ban hành Kế hoạch {topic.phrase} năm {year}",
                f"Về việc kiện toàn Ban Chỉ đạo {topic.phrase} {where}",
            ]
        ),
        "Công văn": rng.choice(
            [f"tăng cường công tác {topic.phrase}", f"triển khai nhiệm vụ {topic.phrase} năm {year}"]
        ),
        "Báo cáo": f"Kết quả thực hiện công tác {topic.phrase} năm {year - 1}",
        "Thông báo": f"Kết luận của Phó Chủ tịch UBND {province.kind} tại cuộc họp về công tác {topic.phrase}",
        "Tờ trình": f"Về việc ban hành Kế hoạch {topic.phrase} năm {year}",
        "Nghị quyết": (
            f"về đẩy mạnh {topic.phrase} trên địa bàn {province.kind} giai đoạn {year}-{year + 4}"
            if kind == "tu"
            else f"Quy định chính sách hỗ trợ thực hiện {topic.phrase} {where}"
        ),
    }[doc_type]


def _issuer_names(ident: Identity) -> dict:
    """Printed header lines, expanded names and how another local document would cite the issuer."""
    p = ident.province
    cap = p.kind.upper()
    ubnd = f"Ủy ban nhân dân {p.kind} {p.name}"
    if ident.kind == "ubnd":
        return dict(
            lines=["ỦY BAN NHÂN DÂN", f"{cap} {upper_vi(p.name)}"],
            issuer=ubnd,
            parent_line=None,
            parent=None,
            cited_as=(f"UBND {p.kind}", f"Ủy ban nhân dân {p.kind}"),
        )
    if ident.kind == "so":
        name = ident.agency.name
        return dict(
            lines=[upper_vi(name)],
            issuer=f"{name} {p.kind} {p.name}",
            parent_line=f"UBND {cap} {upper_vi(p.name)}",
            parent=ubnd,
            cited_as=(name, name),
        )
    if ident.kind == "vp":
        return dict(
            lines=["VĂN PHÒNG"],
            issuer=f"Văn phòng Ủy ban nhân dân {p.kind} {p.name}",
            parent_line=f"UBND {cap} {upper_vi(p.name)}",
            parent=ubnd,
            cited_as=(f"Văn phòng UBND {p.kind}", f"Văn phòng Ủy ban nhân dân {p.kind}"),
        )
    if ident.kind == "hdnd":
        return dict(
            lines=["HỘI ĐỒNG NHÂN DÂN", f"{cap} {upper_vi(p.name)}"],
            issuer=f"Hội đồng nhân dân {p.kind} {p.name}",
            parent_line=None,
            parent=None,
            cited_as=(f"HĐND {p.kind}", f"Hội đồng nhân dân {p.kind}"),
        )
    unit = "TỈNH ỦY" if p.kind == "tỉnh" else "THÀNH ỦY"
    return dict(
        lines=[f"{unit} {upper_vi(p.name)}", "*"],
        issuer=f"{unit.capitalize()} {p.name}",
        parent_line=None,
        parent=None,
        cited_as=(f"Ban Thường vụ {unit.capitalize()}", f"Ban Thường vụ {unit.capitalize()}"),
    )


def as_cited(ident: Identity) -> CitedDoc:
    """How a document of the same province cites document ``ident``."""
    printed, expanded = _issuer_names(ident)["cited_as"]
    subject = ident.subject
    if ident.doc_type == "Công văn":
        title = f"về việc {subject}"
    elif subject.startswith("Về") or subject.startswith("về"):
        title = lower_first(subject)
    else:
        title = f"về {lower_first(subject)}"
    return CitedDoc(ident.doc_type, ident.symbol, ident.issued, printed, expanded, title)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _signer(ident: Identity, rng: random.Random) -> SignerSpec:
    name = _person(rng)
    deputy = rng.random() < 0.6
    if ident.kind == "ubnd":
        # A Quyết định is the Chủ tịch's own act; other documents are signed for the whole Ủy ban.
        collective = [] if ident.doc_type == "Quyết định" else ["TM. ỦY BAN NHÂN DÂN"]
        if deputy:
            return SignerSpec(collective + ["KT. CHỦ TỊCH"], "Phó Chủ tịch", name)
        return SignerSpec(collective or [], "Chủ tịch", name)
    if ident.kind == "so":
        head = ident.agency.head
        return (
            SignerSpec([f"KT. {upper_vi(head)}"], f"Phó {lower_first(head)}", name)
            if deputy
            else SignerSpec([], head, name)
        )
    if ident.kind == "vp":
        return (
            SignerSpec(["KT. CHÁNH VĂN PHÒNG"], "Phó Chánh Văn phòng", name)
            if deputy
            else SignerSpec([], "Chánh Văn phòng", name)
        )
    if ident.kind == "hdnd":
        return SignerSpec([], "Chủ tịch", name)
    return SignerSpec(["T/M BAN THƯỜNG VỤ"], "Bí thư" if not deputy else "Phó Bí thư", name)


def _deadline(rng: random.Random, year: int) -> Deadline:
    """A deadline, recurrence or nothing, printed both ways (Quý II/2026, trước ngày 31/12/2025, hằng tháng)."""
    roll = rng.randrange(8)
    if roll == 0:
        d = date(year, rng.choice([3, 6, 9, 12]), rng.choice([15, 30]) if rng.random() < 0.5 else 15)
        return Deadline(
            f", hoàn thành trước ngày {short_date(d)}",
            d.isoformat(),
            None,
            f"Trước ngày {short_date(d)}",
            d.isoformat(),
            None,
        )
    if roll == 1:
        d = date(year, 12, 31)
        return Deadline(f" trước ngày {short_date(d)}", d.isoformat(), None, short_date(d), d.isoformat(), None)
    if roll == 2:
        q = f"Quý {rng.choice(['I', 'II', 'III', 'IV'])}/{year}"
        return Deadline(f", hoàn thành trong {q}", q, None, q, q, None)
    if roll == 3:
        return Deadline("; báo cáo kết quả thực hiện hằng tháng", None, "hằng tháng", "Hằng tháng", None, "Hằng tháng")
    if roll == 4:
        return Deadline(f" trong năm {year}", f"năm {year}", None, f"Năm {year}", f"Năm {year}", None)
    return Deadline("", None, None, "Thường xuyên", None, None)


def _duty_agencies(ident: Identity, rng: random.Random, k: int) -> list[str]:
    cap = ident.province.kind
    agencies = AGENCIES_2025 if ident.issued >= MERGER_DATE else AGENCIES_OLD
    groups = GROUP_AGENCIES_2025 if ident.issued >= MERGER_DATE else GROUP_AGENCIES_OLD
    own = ident.agency.name if ident.agency else None  # the issuer assigns nothing to itself
    lead = ident.topic.lead.format(cap=cap)
    if lead == own:
        lead = f"Văn phòng UBND {cap}"
    pool = [a.name for a in agencies if a.name not in (lead, own)] + [
        o.format(cap=cap) for o in OTHER_DUTY_AGENCIES if o.format(cap=cap) != lead
    ]
    chosen = [lead] + rng.sample(pool, k - 2) + [rng.choice(groups)]
    return chosen


def random_spec(
    rng: random.Random,
    i: int,
    doc_type: str | None = None,
    kind: str | None = None,
    draft: bool = False,
    appendix: bool | None = None,
) -> DocSpec:
    """A plausible document number ``i``: its identity comes from ``i``, its wording from ``rng``.

    It cites real legal bases, earlier documents of its own province (``i - 1`` …,
    so a corpus of consecutive indices forms a citation graph) and local documents
    outside any corpus.
    """
    ident = identity(i, doc_type, kind)
    names = _issuer_names(ident)
    p, topic, year = ident.province, ident.topic, ident.year_scope
    cap = p.kind
    fill = lambda t: _fill(t, topic, p, year, rng)  # noqa: E731 — local shorthand

    # Citations: real bases, earlier same-cluster documents, one local document outside the corpus.
    bases = [REAL_BASES[k] for k in topic.bases if REAL_BASES[k].issued is None or REAL_BASES[k].issued < ident.issued]
    earlier = [j for j in range(i - i % CLUSTER, i)]
    local = [
        as_cited(identity(j))
        for j in earlier
        if identity(j).issued < ident.issued and identity(j).kind != "tu" or identity(j).kind == "tu"
    ]
    local = [c for c in local if c.issued and c.issued < ident.issued]
    outside = CitedDoc(
        "Kế hoạch",
        f"{rng.randrange(100, 300)}/KH-UBND",
        ident.issued - timedelta(days=rng.randrange(200, 700)),
        f"UBND {cap}",
        f"Ủy ban nhân dân {cap}",
        f"về {topic.phrase} {cap} {p.name} giai đoạn {year - 4} - {year}",
    )
    preamble = bases[:2] + local[:2]
    references = bases[2:] + local[2:] + [outside]
    if ident.doc_type in ("Quyết định", "Nghị quyết") and ident.kind != "tu":
        preamble = [REAL_BASES["LuatTCCQĐP"]] + preamble

    spec = DocSpec(
        doc_type=ident.doc_type,
        issuer_lines=names["lines"],
        issuer=names["issuer"],
        symbol=ident.symbol,
        place=p.place,
        issued=ident.issued,
        subject=ident.subject,
        signer=_signer(ident, rng),
        parent_issuer_line=names["parent_line"],
        parent_issuer=names["parent"],
        party=ident.kind == "tu",
        draft=draft,
        preamble=preamble,
        references=references,
    )
    if rng.random() < 0.08 and ident.doc_type == "Công văn":
        spec.urgency = "Khẩn"
    build = {
        "Kế hoạch": _build_plan,
        "Quyết định": _build_decision,
        "Công văn": _build_letter,
        "Báo cáo": _build_report,
        "Thông báo": _build_notice,
        "Tờ trình": _build_submission,
        "Nghị quyết": _build_resolution,
    }[ident.doc_type]
    build(spec, ident, rng, fill, appendix)
    spec.recipients = _recipients(spec, ident, rng)
    return spec


def _duty_sections(
    ident: Identity, rng: random.Random, fill, n_agencies: int, per: tuple[int, int]
) -> list[DutySection]:
    sections = []
    tasks = rng.sample(TASKS, len(TASKS))
    for agency in _duty_agencies(ident, rng, n_agencies):
        items = []
        for _ in range(rng.randint(*per)):
            task = fill(tasks.pop() if tasks else rng.choice(TASKS))
            when = _deadline(rng, ident.year_scope)
            items.append(DutyItem(task, when.suffix, when.deadline, when.recurrence))
        sections.append(DutySection(agency, items))
    return sections


def _appendix_rows(ident: Identity, rng: random.Random, fill, n: int) -> list[AppendixRow]:
    cap = ident.province.kind
    agencies = AGENCIES_2025 if ident.issued >= MERGER_DATE else AGENCIES_OLD
    simple = [a.name for a in agencies if "," not in a.name] + [f"Công an {cap}", f"Văn phòng UBND {cap}"]
    rows = []
    for task in rng.sample(TASKS, n):
        lead, *support = rng.sample(simple, 1 + rng.randrange(0, 3))
        when = _deadline(rng, ident.year_scope)
        rows.append(AppendixRow(fill(task), lead, support, when.cell, when.cell_deadline, when.cell_recurrence))
    return rows


def _mention_body(spec: DocSpec, rng: random.Random, fill) -> list[str]:
    """Bullets of a NHIỆM VỤ section, some of which cite the references."""
    bullets = []
    for ref in spec.references:
        bullets.append(
            f"- Tiếp tục triển khai thực hiện có hiệu quả {ref.mention()}; bảo đảm đúng tiến độ, "
            "chất lượng các nhiệm vụ đã đề ra."
        )
    for purpose in rng.sample(PURPOSES, 3):
        bullets.append("- " + fill(purpose))
    rng.shuffle(bullets)
    return bullets


def _preamble_sentence(spec: DocSpec) -> str:
    return "; ".join(c.mention() for c in spec.preamble)


def _build_plan(spec: DocSpec, ident: Identity, rng, fill, appendix):
    by = (
        "UBND " + ident.province.kind
        if ident.kind == "ubnd"
        else spec.issuer.split(" tỉnh ")[0].split(" thành phố ")[0]
    )
    spec.preamble_style = "thuc_hien"
    spec.sections = [
        Section(
            f"Thực hiện {_preamble_sentence(spec)}, {by} ban hành Kế hoạch {lower_first(spec.subject)} như sau:"
            if spec.preamble
            else None,
            [],
        ),
        Section(
            "I. MỤC ĐÍCH, YÊU CẦU",
            ["1. Mục đích"]
            + [fill(p) for p in rng.sample(PURPOSES, 2)]
            + ["2. Yêu cầu"]
            + [fill(p) for p in rng.sample(PURPOSES, 2)],
        ),
        Section(
            "II. NHIỆM VỤ, GIẢI PHÁP",
            _mention_body(spec, rng, fill) + [fill(t) + "." for t in rng.sample(TASKS, rng.randint(2, 6))],
        ),
    ]
    spec.sections[0] = Section(None, [spec.sections[0].heading]) if spec.preamble else Section(None, [])
    want_appendix = appendix if appendix is not None else rng.random() < 0.5
    if want_appendix:
        spec.sections[-1].paragraphs.append(
            f"(Có phụ lục các nhiệm vụ trọng tâm về {ident.topic.short} năm {ident.year_scope} kèm theo)."
        )
        spec.appendix_title = f"NHIỆM VỤ TRỌNG TÂM VỀ {upper_vi(ident.topic.short)} NĂM {ident.year_scope}"
        spec.appendix = _appendix_rows(ident, rng, fill, rng.randint(4, 8))
    spec.duty_heading = "III. TỔ CHỨC THỰC HIỆN"
    spec.duties = _duty_sections(ident, rng, fill, rng.randint(3, 5), (1, 3))
    who = "Thủ trưởng các cơ quan, đơn vị"
    spec.closing = f"{by} yêu cầu {who} nghiêm túc triển khai thực hiện./."
    spec.closing_duty = (who, "nghiêm túc triển khai thực hiện")


def _build_decision(spec: DocSpec, ident: Identity, rng, fill, appendix):
    p = ident.province
    if ident.kind == "so":
        spec.authority_line = f"GIÁM ĐỐC {upper_vi(ident.agency.name)}"
    else:
        spec.authority_line = f"CHỦ TỊCH ỦY BAN NHÂN DÂN {upper_vi(p.kind)} {upper_vi(p.name)}"
    lead = ident.topic.lead.format(cap=p.kind)
    if ident.kind == "so":  # a Sở's own decision assigns to its own units
        lead = "Văn phòng Sở"
    proposer, unit = (
        ("Chánh Văn phòng Sở", "Văn phòng Sở") if ident.kind == "so" else ("Giám đốc Sở Nội vụ", "Sở Nội vụ")
    )
    spec.proposer = proposer
    executors = (
        "Chánh Văn phòng Sở, Trưởng các phòng chuyên môn thuộc Sở"
        if ident.kind == "so"
        else f"Chánh Văn phòng UBND {p.kind}, Thủ trưởng các sở, ban, ngành"
    )
    spec.proposal = CitedDoc(
        "Tờ trình",
        f"{rng.randrange(10, 300)}/TTr-" + ("VP" if ident.kind == "so" else "SNV"),
        ident.issued - timedelta(days=rng.randrange(3, 20)),
        None,
        unit,
        None,
    )
    task = fill(rng.choice(TASKS))
    support = (
        "Thanh tra Sở"
        if ident.kind == "so"
        else rng.choice(
            [
                a.name
                for a in (AGENCIES_2025 if ident.issued >= MERGER_DATE else AGENCIES_OLD)
                if a.name != lead and "," not in a.name
            ]
        )
    )
    spec.sections = [
        Section(
            "QUYẾT ĐỊNH:",
            [
                (
                    f"Điều 1. Kiện toàn Ban Chỉ đạo {ident.topic.phrase} {p.kind} {p.name} gồm các thành viên có tên "
                    "tại danh sách kèm theo."
                    if "kiện toàn" in spec.subject
                    else f"Điều 1. Ban hành kèm theo Quyết định này Kế hoạch {ident.topic.phrase} năm {ident.year_scope}."
                ),
                f"Điều 2. Giao {lead} chủ trì, phối hợp với {support} {lower_first(task)}.",
                "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
                f"{executors} chịu trách nhiệm thi hành Quyết định này./.",
            ],
        ),
    ]
    spec.references = []
    spec.article_duties = [
        (lead, "lead", lower_first(task)),
        (support, "support", lower_first(task)),
        (executors, "lead", "chịu trách nhiệm thi hành Quyết định này"),
    ]


def _build_letter(spec: DocSpec, ident: Identity, rng, fill, appendix):
    p = ident.province
    agencies = _duty_agencies(ident, rng, 3)
    spec.kinh_gui = agencies[:-1] if rng.random() < 0.6 else [f"Các sở, ban, ngành {p.kind}"] + agencies[:1]
    spec.preamble_style = "letter"
    opening = f"Thực hiện {_preamble_sentence(spec)}; " if spec.preamble else ""
    issuer_short = {"ubnd": f"UBND {p.kind}", "vp": f"Văn phòng UBND {p.kind}"}.get(
        ident.kind, ident.agency.name if ident.agency else ""
    )
    spec.sections = [
        Section(None, [f"{opening}{issuer_short} đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:"])
    ]
    spec.duties = _duty_sections(ident, rng, fill, 3, (1, 2))
    for ref in spec.references[:2]:
        spec.after_duties.append(f"Các cơ quan, đơn vị tiếp tục thực hiện nghiêm {ref.mention()}.")
    spec.references = spec.references[:2]
    spec.closing = f"{issuer_short} đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./."


def _build_report(spec: DocSpec, ident: Identity, rng, fill, appendix):
    p = ident.province
    if rng.random() < 0.5:
        spec.kinh_gui = [f"Ủy ban nhân dân {p.kind}"] if ident.kind == "so" else ["Bộ Nội vụ"]
    spec.preamble_style = "thuc_hien"
    spec.sections = [
        Section(
            None,
            [f"Thực hiện {_preamble_sentence(spec)}, {spec.issuer} báo cáo kết quả thực hiện như sau:"]
            if spec.preamble
            else [],
        ),
        Section(
            "I. KẾT QUẢ THỰC HIỆN",
            [fill(r) for r in rng.sample(RESULTS, 5)]
            + [f"Đã triển khai thực hiện {ref.mention()}." for ref in spec.references],
        ),
        Section("II. TỒN TẠI, HẠN CHẾ", [fill(RESULTS[-1])]),
        Section("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", ["- " + fill(t) + "." for t in rng.sample(TASKS, 4)]),
    ]
    spec.closing = f"Trên đây là báo cáo kết quả thực hiện công tác {ident.topic.phrase} của {spec.issuer}./."


def _build_notice(spec: DocSpec, ident: Identity, rng, fill, appendix):
    p = ident.province
    leader = _person(rng)
    spec.preamble = []
    spec.sections = [
        Section(
            None,
            [
                f"Ngày {short_date(ident.issued - timedelta(days=3))}, đồng chí {leader}, Phó Chủ tịch UBND "
                f"{p.kind} chủ trì cuộc họp về công tác {ident.topic.phrase}. Sau khi nghe báo cáo và ý kiến "
                "của các đại biểu dự họp, Phó Chủ tịch UBND {0} kết luận như sau:".format(p.kind)
            ],
        ),
        Section("1. Đánh giá chung", [fill(r) for r in rng.sample(RESULTS, 2)]),
        Section("2. Nhiệm vụ thời gian tới", []),
    ]
    spec.duties = _duty_sections(ident, rng, fill, 3, (1, 2))
    spec.references = []
    spec.closing = f"Văn phòng UBND {p.kind} thông báo để các cơ quan, đơn vị biết, thực hiện./."


def _build_submission(spec: DocSpec, ident: Identity, rng, fill, appendix):
    p = ident.province
    spec.kinh_gui = [f"Ủy ban nhân dân {p.kind}"]
    spec.preamble_style = "can_cu"
    spec.sections = [
        Section("I. SỰ CẦN THIẾT", [fill(x) for x in rng.sample(PURPOSES, 2)]),
        Section("II. NỘI DUNG DỰ THẢO", ["- " + fill(t) + "." for t in rng.sample(TASKS, 3)]),
        Section(
            None,
            [
                f"{ident.agency.name if ident.agency else 'Sở Nội vụ'} kính trình UBND {p.kind} xem xét, "
                f"ban hành Kế hoạch {ident.topic.phrase} năm {ident.year_scope}./."
            ],
        ),
    ]
    spec.references = []


def _build_resolution(spec: DocSpec, ident: Identity, rng, fill, appendix):
    p = ident.province
    if ident.kind == "hdnd":
        spec.authority_line = f"HỘI ĐỒNG NHÂN DÂN {upper_vi(p.kind)} {upper_vi(p.name)}\nKHÓA {rng.choice(['XVII', 'XVIII', 'X'])}, KỲ HỌP THỨ {rng.randrange(5, 30)}"
        spec.sections = [
            Section(
                "QUYẾT NGHỊ:",
                [
                    f"Điều 1. Quy định chính sách hỗ trợ thực hiện {ident.topic.phrase} trên địa bàn {p.kind} {p.name}.",
                    f"Điều 2. Giao Ủy ban nhân dân {p.kind} tổ chức thực hiện Nghị quyết này.",
                    f"Nghị quyết này đã được Hội đồng nhân dân {p.kind} {p.name} thông qua ngày "
                    f"{short_date(ident.issued)} và có hiệu lực kể từ ngày ký./.",
                ],
            )
        ]
        spec.article_duties = [(f"Ủy ban nhân dân {p.kind}", "lead", "tổ chức thực hiện Nghị quyết này")]
    else:
        spec.preamble = []
        spec.sections = [
            Section("I. TÌNH HÌNH, NGUYÊN NHÂN", [fill(r) for r in rng.sample(RESULTS, 3)]),
            Section("II. MỤC TIÊU, NHIỆM VỤ", _mention_body(spec, rng, fill)),
        ]
        spec.duty_heading = "III. TỔ CHỨC THỰC HIỆN"
        spec.duties = _duty_sections(ident, rng, fill, 3, (1, 2))


def _recipients(spec: DocSpec, ident: Identity, rng) -> list[str]:
    cap = ident.province.kind
    lead = ["Như trên"] if spec.kinh_gui else (["Như Điều 3"] if spec.doc_type == "Quyết định" else [])
    pool = [
        "Bộ Nội vụ",
        f"Thường trực {'Tỉnh ủy' if cap == 'tỉnh' else 'Thành ủy'}",
        f"Thường trực HĐND {cap}",
        f"Chủ tịch, các Phó Chủ tịch UBND {cap}",
        "Các sở, ban, ngành",
        f"Cổng Thông tin điện tử {cap}",
        ("UBND các xã, phường, đặc khu" if ident.issued >= MERGER_DATE else "UBND các huyện, thành phố"),
    ]
    chosen = rng.sample(pool, rng.randint(3, len(pool)))
    if rng.random() < 0.4:
        chosen[0] += " (b/c)"
    return lead + chosen + [f"Lưu: VT, {rng.choice(['NC', 'KGVX', 'TH', 'CCHC'])}."]


# ---------------------------------------------------------------------------
# The record a perfect extractor returns.
# ---------------------------------------------------------------------------


def expected_record(spec: DocSpec) -> dict:
    """The contract's ``document``, ``citations`` (without spans/mentions), ``recipients`` and ``duties``."""
    parts = split_symbol(spec.symbol, spec.doc_type)
    symbol = spec.symbol
    if spec.draft:
        parts["number"] = None
        symbol = None
    issued = spec.issued.isoformat() if not spec.draft else spec.issued.isoformat()[:7]
    document = {
        "doc_type": spec.doc_type,
        "symbol": symbol,
        **parts,
        "issuer": spec.issuer,
        "parent_issuer": spec.parent_issuer,
        "place": spec.place,
        "issued_date": issued,
        "subject": spec.subject,
        "urgency": spec.urgency,
        "confidentiality": None,
        "signer": {
            "name": spec.signer.name,
            "title": spec.signer.title,
            "authority": " ".join(spec.signer.authority) or None,
        },
    }
    citations = []
    seen = set()
    basis = spec.preamble + ([spec.proposal] if spec.proposal else [])
    for role, docs in (("basis", basis), ("reference", spec.references)):
        for c in docs:
            key = (c.doc_type, c.symbol or c.title)
            if key in seen:
                continue
            seen.add(key)
            parts_c = split_symbol(c.symbol, c.doc_type) if c.symbol else {"number": None, "year": None}
            citations.append(
                {
                    "doc_type": c.doc_type,
                    "symbol": c.symbol,
                    "number": parts_c["number"],
                    "year": parts_c["year"],
                    "issued_date": c.issued.isoformat() if c.issued else None,
                    "issuer": c.issuer,
                    "title": c.title,
                    "role": role,
                }
            )
    recipients = []
    for item in spec.kinh_gui + spec.recipients:
        item = item.split(" (")[0].rstrip(";.")
        if item.startswith(("Như ", "Lưu:")) or item in recipients:
            continue
        recipients.append(item)
    duties = []
    for section in spec.duties:
        for item in section.items:
            duties.append(
                {
                    "agency": section.agency,
                    "role": "lead",
                    "task": item.printed,
                    "deadline": item.deadline,
                    "recurrence": item.recurrence,
                }
            )
    for row in spec.appendix:
        duties.append(
            {
                "agency": row.lead,
                "role": "lead",
                "task": row.task,
                "deadline": row.deadline,
                "recurrence": row.recurrence,
            }
        )
        for agency in row.support:
            duties.append(
                {
                    "agency": agency,
                    "role": "support",
                    "task": row.task,
                    "deadline": row.deadline,
                    "recurrence": row.recurrence,
                }
            )
    for agency, role, task in spec.article_duties:
        duties.append({"agency": agency, "role": role, "task": task, "deadline": None, "recurrence": None})
    if spec.closing_duty:
        duties.append(
            {
                "agency": spec.closing_duty[0],
                "role": "lead",
                "task": spec.closing_duty[1],
                "deadline": None,
                "recurrence": None,
            }
        )
    return {"document": document, "citations": citations, "recipients": recipients, "duties": duties}


# ---------------------------------------------------------------------------
# Layout: the document as a sequence of blocks every renderer understands.
# ---------------------------------------------------------------------------


@dataclass
class TextLine:
    """One line of a column (header or signature block)."""

    text: str
    bold: bool = False
    italic: bool = False
    size: float = 13
    rule: float = 0.0  # a rule under the line, this fraction of the line's width


@dataclass
class Columns:
    """Two side-by-side columns: the header (both centred) or the signature block (Nơi nhận | signer)."""

    left: list[TextLine]
    right: list[TextLine]
    kind: str  # "header" | "signature"


@dataclass
class Para:
    """A paragraph. Styles: title, center, center_italic, heading, subheading, body, italic, kinh_gui."""

    text: str
    style: str = "body"


@dataclass
class Rule:
    """A short centred rule under the trích yếu."""


@dataclass
class PageBreak:
    """The appendix starts on a new page."""


@dataclass
class Grid:
    """A ruled table: the first row is the header; widths are fractions of the text width."""

    rows: list[list[str]]
    widths: list[float]


Block = Columns | Para | Rule | PageBreak | Grid
APPENDIX_COLUMNS = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]


def _short_issuer(spec: DocSpec) -> str:
    """How the document names its own issuer in running text: ``UBND tỉnh``."""
    for kind in ("tỉnh", "thành phố"):
        if spec.issuer.startswith("Ủy ban nhân dân " + kind):
            return f"UBND {kind}"
    return spec.issuer


def layout(spec: DocSpec) -> list[Block]:
    """The blocks of ``spec`` in reading order."""
    left = []
    if spec.parent_issuer_line:
        left.append(TextLine(spec.parent_issuer_line))
    for n, line in enumerate(spec.issuer_lines):
        last = n == len(spec.issuer_lines) - 1
        left.append(TextLine(line, bold=True, rule=0.4 if last and not spec.party else 0.0))
    left.append(TextLine(printed_symbol(spec)))
    if spec.doc_type == "Công văn":
        left.append(TextLine(f"V/v {spec.subject}", size=12))
    if spec.urgency:
        left.append(TextLine(upper_vi(spec.urgency), bold=True))
    if spec.party:
        right = [TextLine("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, size=13, rule=1.0)]
    else:
        right = [
            TextLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12),
            TextLine("Độc lập - Tự do - Hạnh phúc", bold=True, rule=1.0),
        ]
    right.append(TextLine(printed_date(spec), italic=True))
    blocks: list[Block] = [Columns(left, right, "header")]

    if spec.type_heading:
        blocks += [Para(spec.type_heading, "title"), Para(spec.subject, "title"), Rule()]
    if spec.authority_line:
        blocks += [Para(line, "center_bold") for line in spec.authority_line.split("\n")]
    if spec.kinh_gui:
        if len(spec.kinh_gui) == 1:
            blocks.append(Para(f"Kính gửi: {spec.kinh_gui[0]}.", "center"))
        else:
            blocks.append(Para("Kính gửi:", "kinh_gui"))
            blocks += [
                Para(f"- {item};" if n < len(spec.kinh_gui) - 1 else f"- {item}.", "kinh_gui_item")
                for n, item in enumerate(spec.kinh_gui)
            ]
    if spec.preamble_style == "can_cu" and spec.preamble:
        blocks += [Para(f"Căn cứ {c.mention()};", "italic") for c in spec.preamble]
        if spec.proposal:
            blocks.append(Para(f"Theo đề nghị của {spec.proposer} tại {spec.proposal.mention()}.", "italic"))
    for section in spec.sections:
        if section.heading:
            centred = section.heading.endswith(":") and section.heading.isupper()
            blocks.append(Para(section.heading, "center_bold" if centred else "heading"))
        for text in section.paragraphs:
            subheading = len(text) < 90 and text[:1].isdigit() and not text.endswith(".")
            blocks.append(Para(text, "subheading" if subheading else "body"))
    if spec.duty_heading:
        blocks.append(Para(spec.duty_heading, "heading"))
    for n, duty in enumerate(spec.duties, 1):
        blocks.append(Para(f"{n}. {duty.agency}", "subheading"))
        if len(duty.items) == 1:
            blocks.append(Para(duty.items[0].printed + ".", "body"))
            continue
        for k, item in enumerate(duty.items):
            blocks.append(Para(f"- {item.printed}{'.' if k == len(duty.items) - 1 else ';'}", "body"))
    blocks += [Para(text, "body") for text in spec.after_duties]
    if spec.closing:
        blocks.append(Para(spec.closing, "body"))

    signer = [TextLine(line, bold=True) for line in spec.signer.authority]
    signer.append(TextLine(upper_vi(spec.signer.title), bold=True))
    signer += [TextLine(""), TextLine(""), TextLine(""), TextLine(spec.signer.name, bold=True)]
    received = [TextLine("Nơi nhận:", bold=True, italic=True, size=12)]
    for n, item in enumerate(spec.recipients):
        end = "" if item.endswith(".") else (";" if n < len(spec.recipients) - 1 else ".")
        received.append(TextLine(f"- {item}{end}", size=11))
    blocks.append(Columns(received, signer, "signature"))

    if spec.appendix:
        blocks += [
            PageBreak(),
            Para("PHỤ LỤC", "title"),
            Para(spec.appendix_title or "", "title"),
            Para(
                f"(Kèm theo {spec.doc_type} số {spec.symbol} ngày {short_date(spec.issued)} của {_short_issuer(spec)})",
                "center_italic",
            ),
        ]
        rows = [APPENDIX_COLUMNS] + [
            [str(n), r.task, r.lead, ", ".join(r.support), r.deadline_cell] for n, r in enumerate(spec.appendix, 1)
        ]
        blocks.append(Grid(rows, [0.06, 0.42, 0.18, 0.19, 0.15]))
    return blocks


def render_txt(spec: DocSpec) -> str:
    """Plain text: the left header column, then the right one, then the body; tables tab-separated."""
    out: list[str] = []
    for block in layout(spec):
        if isinstance(block, Columns):
            out.append("\n".join(line.text for line in block.left + block.right))
        elif isinstance(block, Para):
            out.append(block.text)
        elif isinstance(block, Grid):
            out.append("\n".join("\t".join(row) for row in block.rows))
    return "\n\n".join(part for part in out if part) + "\n"


# ---------------------------------------------------------------------------
# PDF (reportlab, embedded TrueType font with Vietnamese glyphs).
# ---------------------------------------------------------------------------

# Times-like serif fonts with Vietnamese glyphs, best first (Debian: fonts-liberation2,
# fonts-liberation, fonts-dejavu-core).
FONT_CANDIDATES = [
    ("/usr/share/fonts/truetype/liberation2", "LiberationSerif-{}.ttf", ("Regular", "Bold", "Italic", "BoldItalic")),
    ("/usr/share/fonts/truetype/liberation", "LiberationSerif-{}.ttf", ("Regular", "Bold", "Italic", "BoldItalic")),
    ("/usr/share/fonts/truetype/dejavu", "DejaVuSerif{}.ttf", ("", "-Bold", "-Italic", "-BoldItalic")),
]
PAGE_WIDTH, PAGE_HEIGHT = 595.28, 841.89  # A4 in points
MARGINS = {"left": 85.0, "right": 56.7, "top": 56.7, "bottom": 56.7}  # 3 cm / 2 cm (Nghị định 30/2020/NĐ-CP)
HEADER_CENTRES = (0.25, 0.65)  # column centres as fractions of the page width, as real documents sit
HEADER_WIDTHS = (185.0, 280.0)
SIGNATURE_RIGHT_CENTRE = 0.70


class FontMissing(RuntimeError):
    """No TrueType serif font with Vietnamese glyphs is installed."""


@lru_cache(maxsize=1)
def _pdf_fonts() -> str:
    """Register the serif family once per process; return its base name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for folder, pattern, faces in FONT_CANDIDATES:
        paths = [Path(folder) / pattern.format(face) for face in faces]
        if all(p.exists() for p in paths):
            names = ["VB", "VB-Bold", "VB-Italic", "VB-BoldItalic"]
            for name, path in zip(names, paths):
                pdfmetrics.registerFont(TTFont(name, str(path)))
            addMapping("VB", 0, 0, "VB")
            addMapping("VB", 1, 0, "VB-Bold")
            addMapping("VB", 0, 1, "VB-Italic")
            addMapping("VB", 1, 1, "VB-BoldItalic")
            return "VB"
    raise FontMissing(
        "no serif TrueType font with Vietnamese glyphs: apt-get install fonts-liberation2 "
        "(or fonts-liberation / fonts-dejavu-core)"
    )


def _font_name(line: TextLine) -> str:
    return {(False, False): "VB", (True, False): "VB-Bold", (False, True): "VB-Italic", (True, True): "VB-BoldItalic"}[
        (line.bold, line.italic)
    ]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _make_flowables():
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    class ColumnsFlowable(Flowable):
        """Two columns drawn at absolute page positions, each line centred (or flush left)."""

        def __init__(self, block: Columns):
            super().__init__()
            self.block = block
            frame_left = MARGINS["left"]
            if block.kind == "header":
                self.specs = [
                    (HEADER_CENTRES[0] * PAGE_WIDTH - frame_left, HEADER_WIDTHS[0], "centre"),
                    (HEADER_CENTRES[1] * PAGE_WIDTH - frame_left, HEADER_WIDTHS[1], "centre"),
                ]
            else:
                self.specs = [(0.0, 235.0, "left"), (SIGNATURE_RIGHT_CENTRE * PAGE_WIDTH - frame_left, 220.0, "centre")]
            self.columns = [
                self._wrap_lines(block.left, self.specs[0][1]),
                self._wrap_lines(block.right, self.specs[1][1]),
            ]

        @staticmethod
        def _wrap_lines(lines: list[TextLine], width: float) -> list[tuple[str, str, float, float]]:
            out = []
            for line in lines:
                font, size = _font_name(line), line.size
                while size > 10 and line.bold and stringWidth(line.text, font, size) > width:
                    size -= 0.5  # a long issuer name shrinks rather than wraps, as typists do
                pieces = simpleSplit(line.text, font, size, width) or [""]
                hanging = line.text.startswith("- ")
                for n, piece in enumerate(pieces):
                    rule = line.rule if n == len(pieces) - 1 else 0.0
                    out.append(((" " * 2 if hanging and n else "") + piece, font, size, rule))
            return out

        @staticmethod
        def _height(lines) -> float:
            return sum(size * 1.22 + (4 if rule else 0) for _t, _f, size, rule in lines)

        def wrap(self, aw, ah):
            self.height = max(self._height(c) for c in self.columns) + 6
            return aw, self.height

        def draw(self):
            canvas = self.canv
            for (x, _width, align), lines in zip(self.specs, self.columns):
                y = self.height
                for text, font, size, rule in lines:
                    y -= size * 1.22
                    canvas.setFont(font, size)
                    if align == "centre":
                        canvas.drawCentredString(x, y + 2, text)
                        text_width = stringWidth(text, font, size)
                        if rule:
                            half = text_width * rule / 2
                            canvas.setLineWidth(0.6)
                            canvas.line(x - half, y - 3, x + half, y - 3)
                    else:
                        canvas.drawString(x, y + 2, text)
                    if rule:
                        y -= 4

    class RuleFlowable(Flowable):
        """The short centred rule under the trích yếu."""

        def wrap(self, aw, ah):
            self.avail = aw
            return aw, 14

        def draw(self):
            self.canv.setLineWidth(0.6)
            self.canv.line(self.avail / 2 - 55, 10, self.avail / 2 + 55, 10)

    return ColumnsFlowable, RuleFlowable


@lru_cache(maxsize=1)
def _pdf_styles() -> dict:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    base = _pdf_fonts()
    body = ParagraphStyle(
        "body", fontName=base, fontSize=13, leading=16.5, firstLineIndent=28, alignment=TA_JUSTIFY, spaceAfter=4
    )
    return {
        "body": body,
        "italic": ParagraphStyle("italic", parent=body, fontName="VB-Italic"),
        "heading": ParagraphStyle("heading", parent=body, fontName="VB-Bold", alignment=TA_LEFT, spaceBefore=4),
        "subheading": ParagraphStyle("subheading", parent=body, fontName="VB-Bold", alignment=TA_LEFT),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName="VB-Bold",
            fontSize=14,
            leading=17,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=0,
            spaceBefore=2,
        ),
        "center": ParagraphStyle(
            "center", parent=body, alignment=TA_CENTER, firstLineIndent=0, spaceBefore=6, spaceAfter=8
        ),
        "center_bold": ParagraphStyle(
            "center_bold", parent=body, fontName="VB-Bold", alignment=TA_CENTER, firstLineIndent=0, spaceBefore=4
        ),
        "center_italic": ParagraphStyle(
            "center_italic", parent=body, fontName="VB-Italic", alignment=TA_CENTER, firstLineIndent=0, spaceAfter=8
        ),
        "kinh_gui": ParagraphStyle(
            "kinh_gui", parent=body, firstLineIndent=0, leftIndent=120, spaceAfter=0, spaceBefore=6
        ),
        "kinh_gui_item": ParagraphStyle("kinh_gui_item", parent=body, firstLineIndent=0, leftIndent=190, spaceAfter=0),
        "cell": ParagraphStyle(
            "cell", parent=body, fontSize=11, leading=13, firstLineIndent=0, alignment=TA_LEFT, spaceAfter=0
        ),
        "cell_head": ParagraphStyle(
            "cell_head",
            parent=body,
            fontName="VB-Bold",
            fontSize=11,
            leading=13,
            firstLineIndent=0,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
    }


def render_pdf(spec: DocSpec, path: str | Path) -> Path:
    """Write ``spec`` as an A4 PDF with a real text layer (embedded TTF); byte-stable for a given spec."""
    from reportlab.lib import colors
    from reportlab.platypus import PageBreak as RLPageBreak
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = _pdf_styles()
    ColumnsFlowable, RuleFlowable = _make_flowables()
    text_width = PAGE_WIDTH - MARGINS["left"] - MARGINS["right"]
    story = []
    for block in layout(spec):
        if isinstance(block, Columns):
            if block.kind == "signature":
                story.append(Spacer(1, 6))
            story.append(ColumnsFlowable(block))
            if block.kind == "header":
                story.append(Spacer(1, 10))
        elif isinstance(block, Para):
            story.append(Paragraph(_escape(block.text), styles[block.style]))
        elif isinstance(block, Rule):
            story.append(RuleFlowable())
        elif isinstance(block, PageBreak):
            story.append(RLPageBreak())
        elif isinstance(block, Grid):
            rows = [
                [Paragraph(_escape(cell), styles["cell_head" if r == 0 else "cell"]) for cell in row]
                for r, row in enumerate(block.rows)
            ]
            table = Table(rows, colWidths=[w * text_width for w in block.widths], repeatRows=1)
            table.setStyle(
                TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
            )
            story.append(table)

    def page_number(canvas, doc):
        canvas.setFont("VB", 12)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 35, str(doc.page))

    path = Path(path)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGINS["left"],
        rightMargin=MARGINS["right"],
        topMargin=MARGINS["top"],
        bottomMargin=MARGINS["bottom"],
        title=f"{spec.doc_type} {spec.symbol}",
        author=spec.issuer,
        creator="vanban.synth",
        producer="vanban.synth",
        subject=spec.subject,
        invariant=1,
    )
    doc.build(story, onLaterPages=page_number)
    return path


# ---------------------------------------------------------------------------
# DOCX (python-docx): header and signature as borderless two-column tables.
# ---------------------------------------------------------------------------

FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def _docx_run(paragraph, text: str, bold=False, italic=False, size=13.0, underline=False):
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    return run


def _docx_cell_lines(cell, lines: list[TextLine], centred: bool):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    first = True
    for line in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.space_after = Pt(0)
        _docx_run(paragraph, line.text, line.bold, line.italic, line.size, underline=line.rule >= 1.0)


def render_docx(spec: DocSpec, path: str | Path) -> Path:
    """Write ``spec`` as a DOCX in Times New Roman; byte-stable for a given spec."""
    from datetime import datetime

    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    props = document.core_properties
    props.author = props.last_modified_by = "vanban.synth"
    props.title = f"{spec.doc_type} {spec.symbol}"
    props.subject = spec.subject
    props.created = props.modified = props.last_printed = datetime(*FIXED_TIME)
    props.revision = 1

    align = {
        "title": WD_ALIGN_PARAGRAPH.CENTER,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "center_bold": WD_ALIGN_PARAGRAPH.CENTER,
        "center_italic": WD_ALIGN_PARAGRAPH.CENTER,
        "body": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "italic": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "heading": WD_ALIGN_PARAGRAPH.LEFT,
        "subheading": WD_ALIGN_PARAGRAPH.LEFT,
        "kinh_gui": WD_ALIGN_PARAGRAPH.LEFT,
        "kinh_gui_item": WD_ALIGN_PARAGRAPH.LEFT,
    }
    for block in layout(spec):
        if isinstance(block, Columns):
            table = document.add_table(rows=1, cols=2)
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            table.autofit = False
            widths = (Cm(7.0), Cm(9.5)) if block.kind == "header" else (Cm(8), Cm(8.5))
            for column, cell, width in zip(table.columns, table.rows[0].cells, widths):
                column.width = cell.width = width
            _docx_cell_lines(table.rows[0].cells[0], block.left, centred=block.kind == "header")
            _docx_cell_lines(table.rows[0].cells[1], block.right, centred=True)
        elif isinstance(block, Para):
            paragraph = document.add_paragraph()
            paragraph.alignment = align[block.style]
            fmt = paragraph.paragraph_format
            fmt.space_after = Pt(4)
            if block.style in ("body", "italic", "heading", "subheading"):
                fmt.first_line_indent = Cm(1)
            elif block.style == "kinh_gui":
                fmt.left_indent = Cm(4)
            elif block.style == "kinh_gui_item":
                fmt.left_indent = Cm(6.5)
            bold = block.style in ("title", "center_bold", "heading", "subheading")
            italic = block.style in ("italic", "center_italic")
            _docx_run(paragraph, block.text, bold, italic, 14 if block.style == "title" else 13)
        elif isinstance(block, Rule):
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(block, PageBreak):
            document.add_page_break()
        elif isinstance(block, Grid):
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = document.styles["Table Grid"]
            table.autofit = False
            for column, fraction in zip(table.columns, block.widths):
                column.width = Cm(16 * fraction)
            for r, row in enumerate(block.rows):
                for c, text in enumerate(row):
                    cell = table.rows[r].cells[c]
                    cell.width = Cm(16 * block.widths[c])
                    paragraph = cell.paragraphs[0]
                    _docx_run(paragraph, text, bold=r == 0, size=11)

    buffer = io.BytesIO()
    document.save(buffer)
    path = Path(path)
    path.write_bytes(_stable_zip(buffer.getvalue()))
    return path


def _stable_zip(data: bytes) -> bytes:
    """The same ZIP with fixed member timestamps, so a DOCX is byte-identical run to run."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------
# The bundled sample corpus and the benchmark corpus.
# ---------------------------------------------------------------------------

CORPUS_SEED = 2023
# One cluster is picked for each (type it must hold, issued after the 2025 merger?).
CORPUS_NEEDS = (("Kế hoạch", False), ("Công văn", True), ("Quyết định", True))


def file_stem(spec: DocSpec, index: int) -> str:
    """An ASCII file name stem: ``0007-20231111-215-KH-SNV`` (``du-thao`` for a blank number)."""
    import unicodedata

    symbol = spec.symbol.replace("Đ", "D").replace("đ", "d")
    symbol = unicodedata.normalize("NFD", symbol).encode("ascii", "ignore").decode()
    symbol = symbol.replace("/", "-")
    if spec.draft:
        symbol = "du-thao" + symbol[symbol.find("-") :] if not spec.party else "du-thao-" + symbol
    return f"{index:04d}-{spec.issued:%Y%m%d}-{symbol}"


def corpus_specs() -> list[tuple[str, DocSpec]]:
    """The sample corpus: (file name, spec) for three clusters of four documents that cite each other.

    Clusters are picked so that the corpus holds a Kế hoạch with TỔ CHỨC THỰC HIỆN and an
    appendix table (PDF), a công văn with V/v and Kính gửi, a Quyết định drafted with a blank
    number, and documents in both formats.
    """
    needs, clusters, c = list(CORPUS_NEEDS), [], 0
    while needs:
        members = [identity(i) for i in range(c * CLUSTER, (c + 1) * CLUSTER)]
        found = {(m.doc_type, m.issued >= MERGER_DATE) for m in members}
        hit = next((need for need in needs if need in found), None)
        if hit:
            clusters.append(c)
            needs.remove(hit)
        c += 1
    out, drafted, plan_pdf = [], False, False
    for n, i in enumerate(i for c in clusters for i in range(c * CLUSTER, (c + 1) * CLUSTER)):
        ident = identity(i)
        draft = ident.doc_type == "Quyết định" and ident.issued >= MERGER_DATE and not drafted
        drafted = drafted or draft
        is_plan = ident.doc_type == "Kế hoạch"
        spec = random_spec(random.Random(CORPUS_SEED + i), i, draft=draft, appendix=True if is_plan else None)
        fmt = "pdf" if (is_plan and not plan_pdf) else ("docx" if n % 2 else "pdf")
        plan_pdf = plan_pdf or (is_plan and fmt == "pdf")
        out.append((f"{file_stem(spec, i)}.{fmt}", spec))
    return out


def render(spec: DocSpec, path: str | Path) -> Path:
    """Render by the file's extension: .pdf, .docx or .txt."""
    path = Path(path)
    if path.suffix == ".pdf":
        return render_pdf(spec, path)
    if path.suffix == ".docx":
        return render_docx(spec, path)
    path.write_text(render_txt(spec), encoding="utf-8")
    return path
