"""Deadlines and recurrences: real phrases from the seeds and ../shared/realdocs with their values."""

from __future__ import annotations

import pytest

from vanban.extractors.deadlines import due_date, find_deadline, find_recurrence

DEADLINES = [
    # Công văn số 11902 của BNV.pdf
    ("gửi về Bộ Nội vụ trước ngày 31/12/2025.", "2025-12-31"),
    # Hướng dẫn hội CCV tổ chức ĐH nhiệm kỳ
    ("Đại hội của tất cả các Hội công chứng viên cần tổ chức xong trước ngày 31/12/2025.", "2025-12-31"),
    ("báo cáo kết quả chậm nhất ngày 05 tháng 01 năm 2024", "2024-01-05"),
    # seed 000
    ("đảm bảo hết năm 2023 phải công khai 100% TTHC nội bộ", "năm 2023"),
    ("hoàn thành trong Quý II/2023", "Quý II/2023"),
    ("trình UBND tỉnh trong tháng 6/2026", "tháng 6/2026"),
    ("báo cáo UBND tỉnh trước ngày 31 tháng 3 hằng năm", "trước ngày 31 tháng 3"),
    # Quyet dinh sap nhap hoi cuu CAND.docx
    (
        "Trong thời hạn 30 (ba mươi) ngày kể từ ngày Quyết định này có hiệu lực, Hội Cựu Công an nhân dân",
        "30 (ba mươi) ngày kể từ ngày Quyết định này có hiệu lực",
    ),
    # TB Kết luận kiểm tra tiến thi công và GPMB 02 tuyến cao tốc.doc
    ("trình UBND xã phê duyệt trước ngày 10/5/2026.", "2026-05-10"),
    ("Hoàn thành việc phê duyệt trong tháng 4/2026", "tháng 4/2026"),
    ("yêu cầu đến 30/5/2026 phải bàn giao toàn bộ mặt bằng", None),
    # forms not yet in the dev gold: a quarter without its year, a bare date after "trước"
    ("tổng hợp, báo cáo UBND tỉnh vào quý I hằng năm", "quý I"),
    ("Sở Nội vụ tổng hợp báo cáo trước 30/6/2026.", "2026-06-30"),
    # Kế hoạch CCHC 2026 Lâm Đồng (appendix Thời gian cells): a day relative to the document's date
    ("Trước ngày 31/01 năm liền kề", "ngày 31/01 năm liền kề"),
    ("Trước ngày 05 của tháng liền kề", "ngày 05 của tháng liền kề"),
    # a document's own date is not a deadline
    ("Công văn số 1546/UBND-NC ngày 02/11/2023 của UBND tỉnh", None),
    ("Tăng cường kiểm tra việc triển khai công tác CCHC", None),
]

RECURRENCES = [
    ("tổ chức công bố Chỉ số CCHC hàng năm", "hàng năm"),
    ("báo cáo định kỳ 6 tháng, hằng năm về UBND tỉnh", "định kỳ 6 tháng"),
    ("báo cáo kết quả hằng quý", "hằng quý"),
    # doc_000001 Điều 14.9.c: a bare "định kỳ" gives way to the period printed later for the same task
    (
        "Thanh tra, kiểm tra, giám sát các chương trình; định kỳ báo cáo Chính phủ, Thủ tướng Chính phủ về tình hình,"
        " kết quả thực hiện trước ngày 15 tháng 11 hàng năm, đồng thời gửi Bộ Nội vụ để theo dõi.",
        "hàng năm",
    ),
    ("định kỳ báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện", "định kỳ"),
    # seed 002
    ("trên Trang thông tin điện tử Văn phòng ít nhất 01 tin, bài/tháng.", "01 tin, bài/tháng"),
    ("Tham mưu, giúp UBND tỉnh chỉ đạo triển khai thực hiện có hiệu quả kế hoạch này", None),
]


@pytest.mark.parametrize(("text", "expected"), DEADLINES)
def test_deadline(text: str, expected: str | None) -> None:
    assert find_deadline(text) == expected


@pytest.mark.parametrize(("text", "expected"), RECURRENCES)
def test_recurrence(text: str, expected: str | None) -> None:
    assert find_recurrence(text) == expected


CELLS = [
    # appendix Thời gian cells (generated corpus 0008, Kế hoạch CCHC Lâm Đồng)
    ("31/12/2024", "2024-12-31", None),
    ("Quý I/2026", "Quý I/2026", None),
    ("Hằng tháng", None, "Hằng tháng"),
    ("Thường xuyên", None, None),  # ongoing, not periodic (as the gold has it in body text)
    ("Thường xuyên trong năm", None, None),
    ("Theo Điều 17 Nghị định số 52/2015/NĐ-CP ngày 28/5/2015 của Chính phủ", None, None),
    ("Báo cáo định kỳ theo thời gian quy định; thực hiện thường xuyên trong năm", None, "định kỳ"),
    ("Sau 03 tháng kể từ khi có văn bản của Trung ương", "Sau 03 tháng kể từ khi có văn bản của Trung ương", None),
]


@pytest.mark.parametrize(("cell", "deadline", "recurrence"), CELLS)
def test_table_cells(cell: str, deadline: str | None, recurrence: str | None) -> None:
    from vanban.extractors.deadlines import find_cell_deadline, find_cell_recurrence

    assert (find_cell_deadline(cell), find_cell_recurrence(cell)) == (deadline, recurrence)


# (deadline as the record holds it, the document's date, the last day it allows)
DUE_DATES = [
    ("2023-12-15", None, "2023-12-15"),
    # Công văn số 11902 của BNV.pdf
    ("trước ngày 31/12/2025", "2025-12-11", "2025-12-31"),
    # seed 000, Kế hoạch CCHC 2026 Lâm Đồng
    ("Quý II/2023", None, "2023-06-30"),
    ("quý 4 năm 2024", None, "2024-12-31"),
    ("năm 2023", None, "2023-12-31"),
    ("tháng 01/2026", "2025-12", "2026-01-31"),
    ("6 tháng đầu năm 2024", None, "2024-06-30"),
    # a day or quarter without its year takes the document's year, or the next when it would fall before it
    ("trước ngày 31 tháng 3", "2025-01-10", "2025-03-31"),
    ("trước ngày 31 tháng 3", "2025-12-02", "2026-03-31"),
    ("quý I", "2025-12-02", "2026-03-31"),
    ("trước ngày 31 tháng 3", None, None),
    # Kế hoạch CCHC 2026 Lâm Đồng (a document of 12/2025): the year and the month after the document's
    ("ngày 31/01 năm liền kề", "2025-12", "2026-01-31"),
    ("ngày 05 của tháng liền kề", "2025-12", "2026-01-05"),
    # 18-11-KH (Lương Minh, 18/11/2025): two periods, or a range, end with the last
    ("Quý IV/2025 và Quý I/2026", "2025-11-18", "2026-03-31"),
    ("Từ tháng 12/2025 đến quý I/2026", "2025-11-18", "2026-03-31"),
    # days counted from the document's own date; working days are not counted (Tết is no fixed date)
    ("30 ngày kể từ ngày ký", "2025-12-02", "2026-01-01"),
    ("60 ngày làm việc", "2025-12-12", None),
    ("30 (ba mươi) ngày kể từ ngày Quyết định này có hiệu lực", "2025-11", None),
    ("thường xuyên", "2025-01-10", None),
    (None, None, None),
]


@pytest.mark.parametrize(("deadline", "issued", "expected"), DUE_DATES)
def test_due_date(deadline: str | None, issued: str | None, expected: str | None) -> None:
    assert due_date(deadline, issued) == expected
