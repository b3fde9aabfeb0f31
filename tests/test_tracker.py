"""The duty tracker: a later document from the assigned agency citing the assigning one answers its duty, in
either arrival order; a document from another agency does not; each duty is open, overdue or answered as of
today (the view duty_status), recurring duties by their current period."""

from __future__ import annotations

import shutil
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
from test_store import QUOC_HIEU, make_record, write_docx

from vanban.migrations import duty_status_sql
from vanban.record import Citation, Duty
from vanban.store import ingest_file, ingest_paths, open_db, store_record
from vanban.tracker import ISSUER, LEVEL, level_body


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "vanban.db")
    yield database
    database.close()


def tracked(db, task_start: str) -> list[tuple[str, str, int]]:
    """(agency, status, answers) of each agency the duty whose task starts so is given to."""
    rows = db.execute(
        "SELECT agency, status, responses FROM duty_status WHERE task LIKE ? || '%' ORDER BY agency", [task_start]
    ).fetchall()
    assert rows, f"no duty starting {task_start!r}"
    return [tuple(row) for row in rows]


def answers(db, task_start: str) -> list[tuple[str, str]]:
    """(answering document's symbol, how it matched) for the duty whose task starts so."""
    return [
        tuple(row)
        for row in db.execute(
            "SELECT d.symbol, r.match FROM duty_responses r JOIN duties du ON du.id = r.duty_id "
            "JOIN documents d ON d.id = r.document_id WHERE du.task LIKE ? || '%' ORDER BY d.symbol",
            [task_start],
        ).fetchall()
    ]


# ---------------------------------------------------------------- real documents


def realdoc(realdocs: Path, name: str) -> Path:
    files = {unicodedata.normalize("NFC", p.name): p for p in realdocs.glob("*/*")}
    return files[unicodedata.normalize("NFC", name)]


# (assigning document, answering document, how the duty's start reads, the agency as canonical, how it matched)
REAL_ANSWERS = [
    # Sở Tài chính Bình Thuận asks Sở Nội vụ to consider the Hiệp hội's congress and report to UBND tỉnh
    # (1925/STC-HTDN, 19/5/2025); Sở Nội vụ's Tờ trình 1223/TTr-SNV of the next day cites it.
    pytest.param(
        "CV 1925.signed.signed.pdf",
        "1223 TTr SNV ve viec co y kien to chuc dai hoi c Bong.signed.signed.kydauden.pdf",
        "căn cứ các qui định hiện hành",
        "Sở Nội vụ tỉnh Bình Thuận",
        ISSUER,
        "1223/TTr-SNV",
        id="1925-STC-answered-by-So-Noi-vu",
    ),
    # Bộ Công an asks the provinces' People's Committees (Ủy ban nhân dân cấp tỉnh) for their plans (5689/BCA-C04,
    # a scan); UBND tỉnh Lâm Đồng's công văn implementing it answers for Lâm Đồng.
    pytest.param(
        "5689_BCA-C04.pdf",
        "giao 5689 BCA - CAT muc tieu nhiem vu ke hoach dau tu cong trung han CTMTQG.docx",
        "đề xuất nhu cầu dự toán",
        "Ủy ban nhân dân cấp tỉnh",
        LEVEL,
        None,  # a draft: its number is blank
        id="5689-BCA-answered-by-UBND-tinh-Lam-Dong",
    ),
]


@pytest.mark.realdocs
@pytest.mark.parametrize("assigning_first", [True, False], ids=["assigning-first", "answer-first"])
@pytest.mark.parametrize(("assigning", "answering", "task", "agency", "how", "symbol"), REAL_ANSWERS)
def test_real_answer_in_both_arrival_orders(
    db, realdocs, assigning_first, assigning, answering, task, agency, how, symbol
) -> None:
    first, second = (assigning, answering) if assigning_first else (answering, assigning)
    assert ingest_file(db, realdoc(realdocs, first)).status == "ingested"
    if assigning_first:
        assert {s for _, s, _ in tracked(db, task)} == {"open"}  # no deadline of its own: open until answered
    assert ingest_file(db, realdoc(realdocs, second)).status == "ingested"
    # the agency that answered, and only it among those the duty names
    assert {(a, s) for a, s, _ in tracked(db, task) if s == "answered"} == {(agency, "answered")}
    assert answers(db, task) == [(symbol, how)]


# (assigning document, a document citing it from another agency, the duty's start, its agency, its status)
REAL_OTHERS = [
    # Bộ Nội vụ asks each province's People's Committee for a report by 31/12/2025 (11902/BNV-TCPCP); Sở Nội vụ
    # Lâm Đồng's công văn citing it is a step of the province's work, not the People's Committee's report.
    pytest.param(
        "Công văn số 11902 của BNV.pdf",
        "Văn bản của Sở Nội vụ.pdf",
        "khẩn trương xây dựng báo cáo",
        "Ủy ban nhân dân tỉnh, thành phố",
        "overdue",
        id="11902-BNV-not-answered-by-So-Noi-vu",
    ),
]


@pytest.mark.realdocs
@pytest.mark.parametrize(("assigning", "citing", "task", "agency", "status"), REAL_OTHERS)
def test_real_document_of_another_agency_answers_nothing(db, realdocs, assigning, citing, task, agency, status):
    for name in (citing, assigning):
        assert ingest_file(db, realdoc(realdocs, name)).status == "ingested"
    assert db.execute("SELECT count(*) FROM citations WHERE cited_document_id IS NOT NULL").fetchone()[0] >= 1
    assert tracked(db, task) == [(agency, status, 0)]
    assert answers(db, task) == []


@pytest.mark.realdocs
def test_an_inbox_arrival_answers_a_duty(tmp_path, realdocs) -> None:
    """The clerk's inbox: the assigning document, then the answer, each dropped and taken by `vanban watch`."""
    import vanban

    inbox, db_path = tmp_path / "inbox", tmp_path / "data" / "vanban.db"
    inbox.mkdir()
    task = "căn cứ các qui định hiện hành"
    seen = []
    for name in (
        "CV 1925.signed.signed.pdf",
        "1223 TTr SNV ve viec co y kien to chuc dai hoi c Bong.signed.signed.kydauden.pdf",
    ):
        shutil.copy(realdoc(realdocs, name), inbox / "x.pdf")
        stats = vanban.watch(inbox, db_path, once=True, settle=0.1)
        assert (stats.ingested, stats.failed, stats.errors) == (1, 0, [])
        db = open_db(db_path)
        seen.append(tracked(db, task))
        db.close()
    assert seen == [[("Sở Nội vụ tỉnh Bình Thuận", "open", 0)], [("Sở Nội vụ tỉnh Bình Thuận", "answered", 1)]]


# ---------------------------------------------------------------- generated documents


def vn_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def long_date(day: date) -> str:
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


TODAY = date.today()  # the view judges against today's date in Vietnam; a day either side changes nothing below
PLAN_DAY, LATE, DUE = TODAY - timedelta(days=40), TODAY - timedelta(days=10), TODAY + timedelta(days=40)


def write_tracked_plan(path: Path) -> None:
    """Kế hoạch 07/KH-UBND of UBND tỉnh Lạng Sơn, 40 days ago: Sở Nội vụ reports in 40 days' time, Sở Tài chính
    was to allot the funds 10 days ago."""
    write_docx(
        path,
        ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", "Số: 07/KH-UBND"],
        QUOC_HIEU + [f"Lạng Sơn, {long_date(PLAN_DAY)}"],
        "KẾ HOẠCH",
        "Kiểm tra công tác văn thư, lưu trữ năm 2026",
        [
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch kiểm tra công tác văn thư, lưu trữ như sau:",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Sở Nội vụ",
            f"- Tổng hợp kết quả kiểm tra, báo cáo Ủy ban nhân dân tỉnh trước ngày {vn_date(DUE)}.",
            "2. Sở Tài chính",
            f"- Bố trí kinh phí thực hiện Kế hoạch, hoàn thành trước ngày {vn_date(LATE)}.",
            "Nơi nhận:",
            "- Các sở, ngành;",
            "- Lưu: VT.",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Đương Xuân Huyền",
        ],
    )


def write_answer(path: Path, agency: str, code: str, number: int) -> None:
    """A báo cáo of ``agency`` of Lạng Sơn, three days ago, citing Kế hoạch 07/KH-UBND."""
    write_docx(
        path,
        ["UBND TỈNH LẠNG SƠN", agency.upper(), f"Số: {number}/BC-{code}"],
        QUOC_HIEU + [f"Lạng Sơn, {long_date(TODAY - timedelta(days=3))}"],
        "BÁO CÁO",
        "Kết quả kiểm tra công tác văn thư, lưu trữ",
        [
            f"Thực hiện Kế hoạch số 07/KH-UBND ngày {vn_date(PLAN_DAY)} của UBND tỉnh về kiểm tra công tác văn thư, "
            f"lưu trữ, {agency} báo cáo như sau:",
            "Các nội dung đã được triển khai đầy đủ.",
            "Nơi nhận:",
            "- UBND tỉnh;",
            "- Lưu: VT.",
            "GIÁM ĐỐC",
            "Nguyễn Văn An",
        ],
    )


@pytest.mark.parametrize("plan_first", [True, False], ids=["plan-first", "reports-first"])
def test_generated_reports_in_both_arrival_orders(db, tmp_path, plan_first) -> None:
    plan, ours, other = tmp_path / "plan.docx", tmp_path / "snv.docx", tmp_path / "stp.docx"
    write_tracked_plan(plan)
    write_answer(ours, "Sở Nội vụ", "SNV", 15)
    write_answer(other, "Sở Tư pháp", "STP", 21)
    order = [plan, other, ours] if plan_first else [other, ours, plan]
    for path in order:
        assert ingest_file(db, path).status == "ingested"
        if path == plan:
            assert tracked(db, "Tổng hợp kết quả kiểm tra") in (
                [("Sở Nội vụ tỉnh Lạng Sơn", "open", 0)],  # the plan first: no report yet
                [("Sở Nội vụ tỉnh Lạng Sơn", "answered", 1)],  # the reports first: linked as the plan arrives
            )
    assert tracked(db, "Tổng hợp kết quả kiểm tra") == [("Sở Nội vụ tỉnh Lạng Sơn", "answered", 1)]
    assert answers(db, "Tổng hợp kết quả kiểm tra") == [("15/BC-SNV", ISSUER)]
    # Sở Tư pháp's report cites the plan too, but the plan gives it nothing; Sở Tài chính sent nothing: overdue
    assert tracked(db, "Bố trí kinh phí") == [("Sở Tài chính tỉnh Lạng Sơn", "overdue", 0)]


@pytest.mark.parametrize("plan_first", [True, False], ids=["plan-first", "reports-first"])
def test_generated_reports_in_one_batch(tmp_path, plan_first) -> None:
    """The plan and its reports in one batch of the store's writer (``vanban ingest`` of a folder), whose
    citations are linked once at the batch's end: the same answers as files stored one at a time."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    names = ["a.docx", "b.docx", "c.docx"] if plan_first else ["c.docx", "b.docx", "a.docx"]
    write_tracked_plan(folder / names[0])
    write_answer(folder / names[1], "Sở Tư pháp", "STP", 21)
    write_answer(folder / names[2], "Sở Nội vụ", "SNV", 15)
    report = ingest_paths([folder], tmp_path / "batch.db", progress=False, workers=1)
    assert report.ingested == 3
    batch = open_db(tmp_path / "batch.db")
    assert tracked(batch, "Tổng hợp kết quả kiểm tra") == [("Sở Nội vụ tỉnh Lạng Sơn", "answered", 1)]
    assert answers(batch, "Tổng hợp kết quả kiểm tra") == [("15/BC-SNV", ISSUER)]
    assert tracked(batch, "Bố trí kinh phí") == [("Sở Tài chính tỉnh Lạng Sơn", "overdue", 0)]
    batch.close()


def test_generated_plan_alone_is_open_and_overdue(db, tmp_path) -> None:
    plan = tmp_path / "plan.docx"
    write_tracked_plan(plan)
    ingest_file(db, plan)
    rows = db.execute(
        "SELECT agency, deadline_date, days_left, status FROM duty_status ORDER BY deadline_date"
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("Sở Tài chính tỉnh Lạng Sơn", LATE.isoformat(), -10, "overdue"),
        ("Sở Nội vụ tỉnh Lạng Sơn", DUE.isoformat(), 40, "open"),
    ]


def test_an_answer_rewritten_without_its_citation_answers_no_more(db) -> None:
    plan = make_record(
        "plan",
        "02/KH-UBND",
        doc_type="Kế hoạch",
        issuer="Ủy ban nhân dân tỉnh Lạng Sơn",
        place="Lạng Sơn",
        issued_date="2023-01-04",
        duties=[Duty("Sở Nội vụ", "lead", "tham mưu triển khai kế hoạch", "2023-12-15")],
    )
    cites = Citation("Kế hoạch", "02/KH-UBND", issued_date="2023-01-04", issuer="UBND tỉnh", role="basis")
    report = dict(doc_type="Báo cáo", issuer="Sở Nội vụ tỉnh Lạng Sơn", place="Lạng Sơn", issued_date="2023-06-20")
    store_record(db, plan, "x")
    store_record(db, make_record("report", "15/BC-SNV", citations=[cites], **report), "y")
    assert tracked(db, "tham mưu") == [("Sở Nội vụ", "answered", 1)]
    # the same report re-extracted (same content hash) without the citation: the answer goes with it
    store_record(db, make_record("report", "15/BC-SNV", **report), "y")
    assert tracked(db, "tham mưu") == [("Sở Nội vụ", "overdue", 0)]
    # the plan re-extracted (its duties are new rows) keeps no stale answer, and finds the report again
    store_record(db, make_record("report", "15/BC-SNV", citations=[cites], **report), "y")
    store_record(db, plan, "x")
    assert tracked(db, "tham mưu") == [("Sở Nội vụ", "answered", 1)]


def test_an_answer_older_than_the_duty_answers_nothing(db) -> None:
    store_record(
        db,
        make_record(
            "plan",
            "02/KH-UBND",
            doc_type="Kế hoạch",
            issuer="Ủy ban nhân dân tỉnh Lạng Sơn",
            place="Lạng Sơn",
            issued_date="2023-01-04",
            duties=[Duty("Sở Nội vụ", "lead", "tham mưu triển khai kế hoạch", "2023-12-15")],
        ),
        "x",
    )
    store_record(
        db,
        make_record(
            "old",
            "3/BC-SNV",
            citations=[Citation("Kế hoạch", "02/KH-UBND", issuer="UBND tỉnh", role="basis")],
            doc_type="Báo cáo",
            issuer="Sở Nội vụ tỉnh Lạng Sơn",
            place="Lạng Sơn",
            issued_date="2022-12-20",
        ),
        "y",
    )
    assert tracked(db, "tham mưu") == [("Sở Nội vụ", "overdue", 0)]


# ---------------------------------------------------------------- matching an issuer with a duty's agency

LEVEL_BODIES = [
    ("Ủy ban nhân dân cấp tỉnh", ("uy ban nhan dan", {"tỉnh", "thành phố"})),
    ("UBND các tỉnh, thành phố trực thuộc Trung ương", ("uy ban nhan dan", {"tỉnh", "thành phố"})),
    ("Ủy ban nhân dân tỉnh, thành phố", ("uy ban nhan dan", {"tỉnh", "thành phố"})),
    ("Sở Nội vụ các tỉnh, thành phố", ("so noi vu", {"tỉnh", "thành phố"})),
    ("UBND các xã, phường, đặc khu", ("uy ban nhan dan", {"xã", "phường", "đặc khu"})),
    ("Ủy ban nhân dân tỉnh Lâm Đồng", None),  # one body
    ("Các tỉnh", None),  # no body named
    ("Các Bộ, cơ quan trung ương", None),  # no local body
]


@pytest.mark.parametrize(("name", "expected"), LEVEL_BODIES)
def test_level_body(name: str, expected) -> None:
    found = level_body(name)
    assert (found.body, set(found.units)) == expected if expected else found is None


# ---------------------------------------------------------------- status as of a given day


def test_status_as_of_a_day(db) -> None:
    """The view's rules on a fixed day (15/7/2026): one-off and recurring duties, answered or not."""
    agencies = {
        "Sở Nội vụ": ("báo cáo quý", "2026-06-30", None),
        "Sở Tài chính": ("bố trí kinh phí", "2026-07-31", None),
        "Sở Tư pháp": ("rà soát văn bản", None, None),
        "Sở Xây dựng": ("báo cáo tiến độ", "2026-06-30", None),
        "Sở Y tế": ("báo cáo sáu tháng", None, "định kỳ 6 tháng"),
        "Sở Công Thương": ("báo cáo sáu tháng", None, "định kỳ 6 tháng"),
        "Sở Giáo dục và Đào tạo": ("báo cáo sáu tháng", None, "định kỳ 6 tháng"),
        "Sở Khoa học và Công nghệ": ("báo cáo năm", "trước ngày 15 tháng 11", "hằng năm"),
        "Thanh tra tỉnh": ("báo cáo năm", "trước ngày 15 tháng 11", "hằng năm"),
    }
    store_record(
        db,
        make_record(
            "plan",
            "09/KH-UBND",
            doc_type="Kế hoạch",
            issuer="Ủy ban nhân dân tỉnh Lạng Sơn",
            place="Lạng Sơn",
            issued_date="2025-09-19",
            duties=[Duty(a, "lead", task, deadline, recurrence=rec) for a, (task, deadline, rec) in agencies.items()],
        ),
        "plan",
    )
    cites = Citation("Kế hoạch", "09/KH-UBND", issued_date="2025-09-19", issuer="UBND tỉnh", role="basis")
    for i, (agency, day) in enumerate(
        [
            ("Sở Xây dựng", "2026-06-20"),
            ("Sở Công Thương", "2026-05-01"),  # answered the half-year ended 30/6, not the one running
            ("Sở Giáo dục và Đào tạo", "2026-07-01"),  # answered the half-year running
            ("Thanh tra tỉnh", "2025-11-10"),  # answered last year's, this year's is not due yet
        ]
    ):
        store_record(
            db,
            make_record(
                f"answer{i}",
                f"{i + 1}/BC",
                citations=[cites],
                doc_type="Báo cáo",
                issuer=f"{agency} Lạng Sơn" if agency.endswith("tỉnh") else f"{agency} tỉnh Lạng Sơn",
                place="Lạng Sơn",
                issued_date=day,
            ),
            "report",
        )
    db.execute(f"CREATE TEMP VIEW status_on_day AS {duty_status_sql(today=repr('2026-07-15'))}")
    rows = db.execute(
        "SELECT agency, deadline_date, previous_deadline, days_left, status FROM status_on_day ORDER BY duty_id"
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("Sở Nội vụ", "2026-06-30", None, -15, "overdue"),
        ("Sở Tài chính", "2026-07-31", None, 16, "open"),
        ("Sở Tư pháp", None, None, None, "open"),
        ("Sở Xây dựng", "2026-06-30", None, -15, "answered"),
        # định kỳ 6 tháng from 19/9/2025: due 31/12/2025, 30/6/2026, now 31/12/2026
        ("Sở Y tế", "2026-12-31", "2026-06-30", 169, "overdue"),
        ("Sở Công Thương", "2026-12-31", "2026-06-30", 169, "open"),
        ("Sở Giáo dục và Đào tạo", "2026-12-31", "2026-06-30", 169, "answered"),
        # hằng năm, trước ngày 15 tháng 11: due 15/11/2025, now 15/11/2026
        ("Sở Khoa học và Công nghệ", "2026-11-15", "2025-11-15", 123, "overdue"),
        ("Thanh tra tỉnh", "2026-11-15", "2025-11-15", 123, "open"),
    ]
    # a recurring duty before its first occurrence: open, nothing before it
    on_first = db.execute(
        f"SELECT deadline_date, previous_deadline, status FROM ({duty_status_sql(today=repr('2025-10-01'))}) "
        "WHERE agency = 'Sở Y tế'"
    ).fetchall()
    assert [tuple(r) for r in on_first] == [("2025-12-31", None, "open")]


# ---------------------------------------------------------------- the pages, in Vietnamese


def iso(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def LS(agency: str) -> dict:
    """The canonical name the duty extractor gives an agency of a Lạng Sơn document."""
    return {"canonical_agency": f"{agency} tỉnh Lạng Sơn"}


def tracked_database(path: Path) -> dict[str, int]:
    """Kế hoạch 07/KH-UBND of UBND tỉnh Lạng Sơn (40 days ago) giving Sở Nội vụ, Sở Tài chính, Sở Tư pháp and a
    list naming Văn phòng UBND tỉnh and Sở Nội vụ a duty each; Công văn 900/BNV-CCHC of Bộ Nội vụ asking every
    provincial People's Committee; the reports of Sở Tư pháp, Sở Y tế and UBND tỉnh Lạng Sơn citing them."""
    db = open_db(path)
    plan = make_record(
        "plan",
        "07/KH-UBND",
        doc_type="Kế hoạch",
        issuer="Ủy ban nhân dân tỉnh Lạng Sơn",
        place="Lạng Sơn",
        issued_date=iso(-40),
        subject="Kiểm tra công tác văn thư, lưu trữ năm 2026",
        duties=[
            Duty(
                "Sở Nội vụ",
                "lead",
                "tổng hợp kết quả kiểm tra, báo cáo Ủy ban nhân dân tỉnh",
                iso(40),
                **LS("Sở Nội vụ"),
            ),
            Duty("Sở Tài chính", "lead", "bố trí kinh phí thực hiện Kế hoạch", iso(-10), **LS("Sở Tài chính")),
            Duty("Sở Tư pháp", "lead", "rà soát văn bản quy phạm pháp luật về lưu trữ", iso(-20), **LS("Sở Tư pháp")),
            Duty(
                "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ",
                "lead",
                "chuẩn bị nội dung hội nghị sơ kết",
                iso(3),
            ),
        ],
    )
    circular = make_record(
        "bnv",
        "900/BNV-CCHC",
        doc_type="Công văn",
        issuer="Bộ Nội vụ",
        place="Hà Nội",
        issued_date=iso(-60),
        duties=[Duty("Ủy ban nhân dân cấp tỉnh", "lead", "báo cáo kết quả cải cách hành chính quý", iso(-30))],
    )
    cites_plan = Citation("Kế hoạch", "07/KH-UBND", issued_date=iso(-40), issuer="UBND tỉnh", role="basis")
    cites_bnv = Citation("Công văn", "900/BNV-CCHC", issued_date=iso(-60), issuer="Bộ Nội vụ", role="basis")
    ids = {"plan": store_record(db, plan, "plan"), "bnv": store_record(db, circular, "bnv")}
    for key, symbol, issuer, citation in (
        ("stp", "21/BC-STP", "Sở Tư pháp tỉnh Lạng Sơn", cites_plan),
        ("syt", "8/BC-SYT", "Sở Y tế tỉnh Lạng Sơn", cites_plan),
        ("ubnd", "66/BC-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn", cites_bnv),
    ):
        ids[key] = store_record(
            db,
            make_record(
                key,
                symbol,
                doc_type="Báo cáo",
                issuer=issuer,
                place="Lạng Sơn",
                issued_date=iso(-5),
                citations=[citation],
            ),
            key,
        )
    ids["so_noi_vu"] = db.execute(
        "SELECT id FROM agencies WHERE canonical_name = 'Sở Nội vụ tỉnh Lạng Sơn'"
    ).fetchone()[0]
    db.close()
    return ids


@pytest.fixture
def site(tmp_path):
    from vanban.publish import make_datasette

    ids = tracked_database(tmp_path / "vanban.db")
    return make_datasette(tmp_path / "vanban.db"), ids


async def due_duties(ds, **params) -> list[tuple]:
    """(agency, task's first words, status) of each row of the canned query, in its order."""
    query = {"agency": "", "assigned_by": "", "from": "", "to": "", "status": "", **params}
    response = await ds.client.get("/vanban/due_duties.json?_shape=array&" + urlencode(query))
    assert response.status_code == 200, response.text
    return [(r["agency"], " ".join(r["task"].split()[:2]), r["status"]) for r in response.json()]


@pytest.mark.asyncio
async def test_due_duties_query(site) -> None:
    ds, _ = site
    assert await due_duties(ds) == [  # overdue first, then by deadline, answered last
        ("Sở Tài chính tỉnh Lạng Sơn", "bố trí", "overdue"),
        ("Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn", "chuẩn bị", "open"),
        ("Sở Nội vụ tỉnh Lạng Sơn", "chuẩn bị", "open"),
        ("Sở Nội vụ tỉnh Lạng Sơn", "tổng hợp", "open"),
        ("Ủy ban nhân dân cấp tỉnh", "báo cáo", "answered"),
        ("Sở Tư pháp tỉnh Lạng Sơn", "rà soát", "answered"),
    ]
    # the agency typed without marks finds its duties, those of a list naming its head too
    assert await due_duties(ds, agency="so noi vu") == [
        ("Sở Nội vụ tỉnh Lạng Sơn", "chuẩn bị", "open"),
        ("Sở Nội vụ tỉnh Lạng Sơn", "tổng hợp", "open"),
    ]
    assert await due_duties(ds, status="overdue") == [("Sở Tài chính tỉnh Lạng Sơn", "bố trí", "overdue")]
    assert await due_duties(ds, status="due") == [
        ("Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn", "chuẩn bị", "open"),
        ("Sở Nội vụ tỉnh Lạng Sơn", "chuẩn bị", "open"),
    ]
    assert [s for _, _, s in await due_duties(ds, status="unanswered")] == ["overdue", "open", "open", "open"]
    assert await due_duties(ds, assigned_by="bo noi vu") == [("Ủy ban nhân dân cấp tỉnh", "báo cáo", "answered")]
    # deadlines in a range typed as a clerk types dates
    first, last = TODAY + timedelta(days=1), TODAY + timedelta(days=60)
    assert await due_duties(ds, **{"from": f"{first:%d/%m/%Y}", "to": f"{last:%d/%m/%Y}"}) == [
        ("Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn", "chuẩn bị", "open"),
        ("Sở Nội vụ tỉnh Lạng Sơn", "chuẩn bị", "open"),
        ("Sở Nội vụ tỉnh Lạng Sơn", "tổng hợp", "open"),
    ]
    refused = await ds.client.get("/vanban/due_duties.json?" + urlencode({"from": "tuần sau", "to": ""}))
    assert refused.status_code == 400 and "không phải là ngày" in refused.json()["error"]


@pytest.mark.asyncio
async def test_due_duties_page_and_its_excel(site) -> None:
    import io
    import zipfile

    ds, _ = site
    page = (await ds.client.get("/vanban/due_duties?" + urlencode({"status": "overdue"}))).text
    assert "Nhiệm vụ đến hạn / quá hạn" in page
    assert '<option value="overdue" selected>quá hạn</option>' in page  # the status is a choice, kept
    assert '<span class="vb-status vb-status-overdue">quá hạn</span>' in page
    assert "quá 10 ngày" in page and "bố trí kinh phí" in page and "tổng hợp kết quả" not in page
    assert 'href="/vanban/due_duties.xlsx?' in page  # the download a clerk sends on
    book = await ds.client.get(
        "/vanban/due_duties.xlsx?"
        + urlencode({"agency": "", "assigned_by": "", "from": "", "to": "", "status": "overdue"})
    )
    assert book.status_code == 200
    with zipfile.ZipFile(io.BytesIO(book.content)) as xlsx:
        sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
    assert "Trạng thái" in sheet and "quá hạn" in sheet and "bố trí kinh phí" in sheet and "tổng hợp" not in sheet


@pytest.mark.asyncio
async def test_document_page_shows_status_and_answers(site) -> None:
    ds, ids = site
    plan = (await ds.client.get(f"/vanban/documents/{ids['plan']}")).text
    assert "Theo dõi (hôm nay)" in plan
    assert plan.count('class="vb-status vb-status-overdue"') == 1
    assert f'href="/vanban/documents/{ids["stp"]}"' in plan  # Sở Tư pháp's report answers its duty
    assert f'href="/vanban/documents/{ids["syt"]}"' not in plan.split("Nhiệm vụ được giao")[1]  # Sở Y tế's does not
    report = (await ds.client.get(f"/vanban/documents/{ids['stp']}")).text
    assert "Văn bản này trả lời nhiệm vụ (1)" in report and "rà soát văn bản quy phạm" in report
    ubnd = (await ds.client.get(f"/vanban/documents/{ids['ubnd']}")).text
    assert "do cơ quan thuộc cấp được giao ban hành" in ubnd


@pytest.mark.asyncio
async def test_agency_page_owes_and_exports(site) -> None:
    import io
    import zipfile

    ds, ids = site
    page = (await ds.client.get(f"/vanban/agencies/{ids['so_noi_vu']}")).text
    for text in (
        "Nhiệm vụ phải thực hiện (2)",
        "đang thực hiện: 2",
        "Ủy ban nhân dân tỉnh Lạng Sơn",  # to whom
        "tổng hợp kết quả kiểm tra",
        "chuẩn bị nội dung hội nghị sơ kết",
        "giao cho: Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ",  # the list, as the document writes it
        "còn 3 ngày",
        "lịch hạn theo tuần",
        "Liên kết từ các bảng khác",  # the rows pointing at this agency, with their counts
        "của bảng Cơ quan trong danh sách được giao",
    ):
        assert text in page, text
    link = page.split('Tải về Excel: <a href="')[1].split('"')[0].replace("&amp;", "&")
    book = await ds.client.get(link)
    assert book.status_code == 200
    with zipfile.ZipFile(io.BytesIO(book.content)) as xlsx:
        sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
    assert sheet.count("<row") == 3  # the heading and its two unanswered duties
    assert "tổng hợp kết quả kiểm tra" in sheet and "bố trí kinh phí" not in sheet


@pytest.mark.asyncio
async def test_deadline_calendar(site) -> None:
    ds, _ = site
    page = (await ds.client.get("/-/vanban/deadlines")).text  # from last week on: the overdue duty is before
    assert "Lịch hạn nhiệm vụ theo tuần" in page and "Thứ Hai" in page and "hôm nay" in page
    assert "Còn <a" in page and ">1 nhiệm vụ quá hạn</a> có hạn trước tuần đầu của lịch" in page
    page = (
        await ds.client.get("/-/vanban/deadlines?" + urlencode({"from": f"{TODAY - timedelta(days=14):%d/%m/%Y}"}))
    ).text
    assert "vb-today" in page
    # the overdue duty 10 days ago and the list's duty in 3 days, each a link to that day's duties
    for days, status in ((-10, "overdue"), (3, "open")):
        day = f"{TODAY + timedelta(days=days):%d/%m/%Y}"
        assert urlencode({"from": day, "to": day, "status": status}).replace("&", "&amp;") in page
    later = (await ds.client.get("/-/vanban/deadlines?" + urlencode({"from": "01/01/2026", "weeks": "1"}))).text
    assert "Tết Dương lịch" in later  # a holiday is marked on its day
    wrong = (await ds.client.get("/-/vanban/deadlines?from=mai")).text
    assert "không phải là ngày" in wrong
