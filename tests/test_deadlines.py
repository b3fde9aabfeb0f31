"""Deadlines and recurrences: real phrases from the seeds and ../shared/realdocs with their values."""

from __future__ import annotations

from pathlib import Path

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
    # days counted from the document's own date; a period that ends on a day off ends on the next working day
    # (Bộ luật Dân sự 2015, Điều 148): 01/01/2026 is Tết Dương lịch
    ("30 ngày kể từ ngày ký", "2025-12-02", "2026-01-02"),
    ("30 ngày kể từ ngày ký", "2025-11-10", "2025-12-10"),
    # working days skip weekends and public holidays: Tết 2026 (16–20/02), 30/4 and 1/5, Quốc khánh 2025 (1–2/9)
    ("10 ngày làm việc kể từ ngày ký", "2026-02-10", "2026-03-03"),
    ("trong 05 ngày làm việc, kể từ ngày ký ban hành", "2025-04-25", "2025-05-06"),
    ("03 ngày làm việc kể từ ngày ký", "2025-08-29", "2025-09-05"),
    ("10 ngày làm việc kể từ ngày ký", "2040-01-02", None),  # past the holiday table: no guess
    ("60 ngày làm việc", "2025-12-12", None),  # from when? not said
    ("30 (ba mươi) ngày kể từ ngày Quyết định này có hiệu lực", "2025-11", None),
    ("thường xuyên", "2025-01-10", None),
    (None, None, None),
]


@pytest.mark.parametrize(("deadline", "issued", "expected"), DUE_DATES)
def test_due_date(deadline: str | None, issued: str | None, expected: str | None) -> None:
    assert due_date(deadline, issued) == expected


# Real deadline phrases as printed in ../shared/realdocs, each with its document's date as the record holds it
# (a draft's blank day leaves "2025-12"), and the last day the phrase allows. (file, date, phrase, due date)
REAL_PHRASES = [
    (
        "kh-753-khao-sat-xac-dinh-chi-so-hai-long-cua-nguoi-dan-doi-voi-dich-vu-cong-nam-2026-20260629110301-e.pdf",
        "2026-06",
        "đến hết ngày 09/7/2026",
        "2026-07-09",
    ),
    (
        "kh-753-khao-sat-xac-dinh-chi-so-hai-long-cua-nguoi-dan-doi-voi-dich-vu-cong-nam-2026-20260629110301-e.pdf",
        "2026-06",
        "trước ngày 15/7/2026",
        "2026-07-15",
    ),
    ("05.signed_20250517_044750.pdf", "2025-01-08", "trước ngày 08/02/2025", "2025-02-08"),
    ("05.signed_20250517_044750.pdf", "2025-01-08", "trong năm 2025", "2025-12-31"),
    (
        "18-11-KH thuc hien cong tac bau cu (Lương Minh).docx",
        "2025-11-18",
        "Chậm nhất ngày 10/12/2025 (trước ngày bầu cử 95 ngày",
        "2025-12-10",
    ),
    ("Hướng dẫn MTTQ xã công tác Bầu cử (LM).docx", "2025-11", "chậm nhất ngày 14/3/2026", "2026-03-14"),
    ("Hướng dẫn MTTQ xã công tác Bầu cử (LM).docx", "2025-11", "trong ngày 15/3/2026", "2026-03-15"),
    # counted back from the election day, which the phrase does not name
    ("Hướng dẫn MTTQ xã công tác Bầu cử (LM).docx", "2025-11", "ít nhất trước 07 ngày", None),
    (
        "KH Tieu ban tuyên truyền bầu cử đại biểu QH và HĐND các cấp.docx",
        "2025-12-10",
        "Trong tháng 12/2025",
        "2025-12-31",
    ),
    ("vht507.signed_20250510_124909.pdf", "2024-11-06", "trước  ngày 07/11/2024", "2024-11-07"),
    ("1_4214.signed.pdf", "2025-03", "trước ngày 30/9/2025", "2025-09-30"),
    ("1_4214.signed.pdf", "2025-03", "trong quý IW/2025", None),  # OCR's "IW": no quarter, no guess
    ("2388.C04.pdf", "2026-04", "trước ngày 05/3/2026", "2026-03-05"),
    ("329 BAO CAO CCHC NAM 2025.pdf", "2025-12-19", "trong 6 tháng cuối năm 2025", "2025-12-31"),
    ("329 BAO CAO CCHC NAM 2025.pdf", "2025-12-19", "đến hết ngày 10/12/2025", "2025-12-10"),
    (
        "3367-UB- bao cao ket qua tong hop yeu cau hoi to chuc DH.signed.signed.pdf",
        "2024-11-28",
        "vào Quý IV/2024",
        "2024-12-31",
    ),
    (
        "3367-UB- bao cao ket qua tong hop yeu cau hoi to chuc DH.signed.signed.pdf",
        "2024-11-28",
        "chậm nhất ngày 31/12/2024",
        "2024-12-31",
    ),
    ("3980_0001 (1).pdf", "2025", "Trong 06 tháng đầu năm 2025", "2025-06-30"),
    ("3980_0001 (1).pdf", "2025", "trong năm 2027", "2027-12-31"),
    ("3980_0001 (1).pdf", "2025", "trong năm 7025", None),  # OCR's 7025 for 2025: no such year
    ("5689_BCA-C04.pdf", "2025-12-16", "trước ngày 24/12/2025", "2025-12-24"),
    ("58_CD-VPCP_10012026_1-signed.pdf", "2026-01-10", "trong ngày 10 tháng 01 năm 2026", "2026-01-10"),
    ("62_0001 (1).pdf", "2025-09-12", "vào tuần cuối của tháng 9 năm 2025", "2025-09-30"),
    # a day without its year in a Quyết định of 23/3/2022: this year's, not yet past
    ("779qdubDLQUY KHUYEN HOC.signed.signed.kydauden.pdf", "2022-03-23", "trước ngày 31 tháng 3", "2022-03-31"),
    ("788 HC.signed.signed.kydauden.pdf", "2025-05-16", "Trong thời hạn 07 ngày làm việc, kể từ ngày nhận được", None),
    ("996KH-TCTLNTW-C04.pdf", "2026", "gửi trước ngày 20/12/2026", "2026-12-20"),
    ("BÁO CÁO ĐỀ ÁN 06 tháng 10.docx", "2025-11", "Trong tháng 11/2025", "2025-11-30"),
    ("CV xin ý kiến ngoài Bộ.docx", "2025", "trước ngày 11/02/2025", "2025-02-11"),
    ("CVVP_phucdapTT182SDTTG.doc", "2025-04", "trước ngày 14/4/2025", "2025-04-14"),
    ("CV_CAT_855_20082025_VvcucanbothamgiaDoiUCSC.signed.pdf", "2025-08", "trước ngày 22/8/2025", "2025-08-22"),
    ("Công văn số 11902 của BNV.pdf", "2025-12-11", "trước ngày 31/12/2025", "2025-12-31"),
    ("KẾ HOẠCH KMT UBND TỈNH NĂM 2026.doc", "2026-02", "hoàn thành trước ngày 15/3/2026", "2026-03-15"),
    ("KẾ HOẠCH KMT UBND TỈNH NĂM 2026.doc", "2026-02", "hoàn thành trong tháng 3/2026", "2026-03-31"),
    ("Kế hoạch CCHC 2026 của tỉnh Lâm Đồng.docx", "2025-12", "trong quý I năm 2026", "2026-03-31"),
    ("Kế hoạch CCHC 2026 của tỉnh Lâm Đồng.docx", "2025-12", "Trước ngày 31/01 năm liền kề", "2026-01-31"),
    ("Kế hoạch CCHC 2026 của tỉnh Lâm Đồng.docx", "2025-12", "Trước ngày 05 của tháng liền kề", "2026-01-05"),
    ("Kế hoạch CCHC 2026 của tỉnh Lâm Đồng.docx", "2025-12", "chậm nhất trong tháng 6/2026", "2026-06-30"),
    ("Kế hoạch CCHC 2026 của tỉnh Lâm Đồng.docx", "2025-12", "chậm nhất trong tháng 8/2026", "2026-08-31"),
    ("Kế hoạch CCHC 2026 của tỉnh Lâm Đồng.docx", "2025-12", "Trong năm 2026", "2026-12-31"),
    ("QĐ 2536 SÁP NHẬP ĐLS.pdf", "2025-12-12", "Trong thời hạn 60 ngày làm việc", None),  # from when? not said
    ("TB Kết luận kiểm tra tiến thi công và GPMB 02 tuyến cao tốc.doc", "2026-04", "trước 30/5/2026", "2026-05-30"),
    (
        "TB Kết luận kiểm tra tiến thi công và GPMB 02 tuyến cao tốc.doc",
        "2026-04",
        "trước ngày 15/6/2026",
        "2026-06-15",
    ),
    ("TB Kết luận kiểm tra tiến thi công và GPMB 02 tuyến cao tốc.doc", "2026-04", "trong tháng 5/2026", "2026-05-31"),
    ("TTr BC CCHC nam 2025.pdf", "2025-12-12", "trước  ngày 20/12/2025", "2025-12-20"),
    ("doc_000001.html", "2025-09-19", "trước ngày 15 tháng 11 hàng năm", "2025-11-15"),
    # a contract's date, not the document's: nothing to count from
    ("doc_000012.html", "2025-12-12", "Trong thời hạn 15 ngày, kể từ ngày hợp đồng ký kết", None),
    # Thông tư of 15/02/2026: 28/02 is still ahead of it
    ("doc_000016.html", "2026-02-15", "trước ngày 28 tháng 02 hằng năm", "2026-02-28"),
    ("doc_000016.html", "2026-02-15", "trước ngày 31 tháng 12 hằng năm", "2026-12-31"),
    ("doc_000016.html", "2026-02-15", "Trong thời hạn 10 ngày làm việc kể từ ngày nhận được đầy đủ ý kiến", None),
    ("doc_000019.html", "2026-02-13", "đến hết ngày 28 tháng 02 năm 2027", "2027-02-28"),
    ("doc_000101.html", "2015-01-30", "Trong thời hạn 20 ngày kể từ ngày tiếp nhận đủ bộ hồ sơ", None),
]

# Recurrences as printed, found by find_recurrence and due at the end of the period holding the document's date.
REAL_RECURRENCES = [
    ("779qdubDLQUY KHUYEN HOC.signed.signed.kydauden.pdf", "2022-03-23", "họp định kỳ 06 tháng một lần", "2022-06-30"),
    ("KẾ HOẠCH KMT UBND TỈNH NĂM 2026.doc", "2026-02", "Định kỳ 6 tháng, 1 năm hoặc đột xuất", "2026-06-30"),
    ("doc_000633.html", "2024-11-12", "Định kỳ 06 tháng, 01 năm hoặc đột xuất", "2024-12-31"),
    ("1187 BNV QĐ ban hanh bo chi so CCHC.pdf", "2025-10-15", "tổ chức công bố Chỉ số CCHC hàng năm", "2025-12-31"),
    (
        "BÁO CÁO ĐỀ ÁN 06 tháng 10.docx",
        "2025-11",
        "chi trả lương hưu, trợ cấp bảo hiểm xã hội hằng tháng",
        "2025-11-30",
    ),
    ("doc_000012.html", "2025-12-12", "hằng quý, báo cáo bằng văn bản đến Cục Tài chính/BQP", "2025-12-31"),
    # weekly work is followed by no tracker period; an undated document has no first period
    ("Kế hoạch CCHC 2026 của tỉnh Lâm Đồng.docx", "2025-12", "hằng tuần tổ chức rà soát", None),
    ("doc_000003.html", None, "hàng tháng và các khoản trợ cấp khác", None),
]


@pytest.mark.parametrize(("file", "issued", "phrase", "expected"), REAL_PHRASES)
def test_real_phrase_due_date(file: str, issued: str, phrase: str, expected: str | None) -> None:
    assert due_date(phrase, issued) == expected


@pytest.mark.parametrize(("file", "issued", "phrase", "expected"), REAL_RECURRENCES)
def test_real_recurrence_due_date(file: str, issued: str | None, phrase: str, expected: str | None) -> None:
    assert due_date(None, issued, find_recurrence(phrase)) == expected


# Mùng 1 Tết by the Vietnamese calendar (2030: 2 February, a day before the Chinese calendar's New Year).
LUNAR_NEW_YEARS = {
    2015: "2015-02-19", 2016: "2016-02-08", 2017: "2017-01-28", 2018: "2018-02-16", 2019: "2019-02-05",
    2020: "2020-01-25", 2021: "2021-02-12", 2022: "2022-02-01", 2023: "2023-01-22", 2024: "2024-02-10",
    2025: "2025-01-29", 2026: "2026-02-17", 2030: "2030-02-02",
}  # fmt: skip

# The weekdays off of each Tết break the Government announced for civil servants, and of other holidays
# whose made-up days the rules must give (30/4–1/5/2022 on a weekend; 1/9–4/9/2023).
DAYS_OFF = [
    ("2016-02-04", "2016-02-16", ["2016-02-08", "2016-02-09", "2016-02-10", "2016-02-11", "2016-02-12"]),
    ("2017-01-24", "2017-02-03", ["2017-01-26", "2017-01-27", "2017-01-30", "2017-01-31", "2017-02-01"]),
    ("2018-02-12", "2018-02-22", ["2018-02-14", "2018-02-15", "2018-02-16", "2018-02-19", "2018-02-20"]),
    ("2019-01-31", "2019-02-12", ["2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08"]),
    ("2020-01-21", "2020-01-31", ["2020-01-23", "2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29"]),
    ("2021-02-08", "2021-02-18", ["2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16"]),
    ("2022-01-27", "2022-02-08", ["2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"]),
    ("2023-01-18", "2023-01-30", ["2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26"]),
    ("2024-02-06", "2024-02-16", ["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"]),
    ("2025-01-23", "2025-02-04", ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"]),
    ("2026-02-12", "2026-02-24", ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]),
    ("2022-04-27", "2022-05-05", ["2022-05-02", "2022-05-03"]),
    ("2023-08-30", "2023-09-06", ["2023-09-01", "2023-09-04"]),
    ("2025-08-28", "2025-09-04", ["2025-09-01", "2025-09-02"]),
]


@pytest.mark.parametrize(("year", "expected"), LUNAR_NEW_YEARS.items())
def test_lunar_new_year(year: int, expected: str) -> None:
    from vanban.extractors import knowledge

    days = knowledge.table("holidays")["days"][str(year)]
    assert [day for day, name in days.items() if name == "Tết Nguyên đán (mùng 1)"] == [expected]


@pytest.mark.parametrize(("first", "last", "expected"), DAYS_OFF)
def test_weekdays_off(first: str, last: str, expected: list[str]) -> None:
    from datetime import date, timedelta

    from vanban.extractors.deadlines import is_working_day

    start, end = date.fromisoformat(first), date.fromisoformat(last)
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    assert [d.isoformat() for d in days if d.weekday() < 5 and not is_working_day(d)] == expected


def test_holiday_table_is_what_the_script_computes() -> None:
    import importlib.util

    from vanban.extractors import knowledge

    script = Path(__file__).resolve().parent.parent / "scripts" / "lunar_holidays.py"
    spec = importlib.util.spec_from_file_location("lunar_holidays", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render() == (knowledge.DATA_DIR / "holidays.json").read_text(encoding="utf-8")


# Scanned documents: their phrases were read from the OCR text; the check below reads only text layers and Word.
SCANS = {
    "kh-753-khao-sat-xac-dinh-chi-so-hai-long-cua-nguoi-dan-doi-voi-dich-vu-cong-nam-2026-20260629110301-e.pdf",
    "1_4214.signed.pdf",
    "2388.C04.pdf",
    "3980_0001 (1).pdf",
    "5689_BCA-C04.pdf",
    "62_0001 (1).pdf",
    "996KH-TCTLNTW-C04.pdf",
}


@pytest.mark.realdocs
def test_real_phrases_are_printed_in_their_documents(realdocs: Path) -> None:
    """Each phrase of the tables stands in its document's text (spaces as printed, line breaks as spaces)."""
    import unicodedata

    from vanban.pipeline.read import read

    files = {unicodedata.normalize("NFC", p.name): p for p in realdocs.glob("*/*")}
    rows = [(f, phrase) for f, _, phrase, _ in REAL_PHRASES + REAL_RECURRENCES if f not in SCANS]
    texts: dict[str, str] = {}
    missing = []
    for name, phrase in rows:
        if name not in texts:
            texts[name] = " ".join(read(files[unicodedata.normalize("NFC", name)]).text.split())
        if " ".join(phrase.split()) not in texts[name]:
            missing.append((name, phrase))
    assert not missing
