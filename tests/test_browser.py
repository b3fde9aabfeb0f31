"""`vanban serve` in a subprocess, the document page in headless Chromium: highlights in the DOM, a screenshot."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_datasette import PLAN_TEXT, REPORT_TEXT, span  # noqa: F401  (the same documents as the Datasette tests)
from test_store import make_record

from vanban.record import Citation, Duty, Signer
from vanban.store import open_db, store_record

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

SCAN_TEXT = (
    "BỘ CÔNG AN\nCÔNG AN TỈNH LÂM ĐỒNG\nSố:      /TTr-CAT-PC06\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 2 tháng 12 năm 2025\nTỜ TRÌNH\n"
    "Đề nghị ban hành Quyết định thành lập Ban Chỉ đạo về dữ liệu tỉnh Lâm Đồng\n"
    "Trong khi đó, dữ liệu phục vụ điều hành, cải cách hành chính, phát triển kinh tế - xã hội đòi hỏi phải được "
    "kết nối, tích hợp, chia sẻ liên thông. Đề nghị Sở Nội vụ bàn giao hồ sơ, không phải bản sao.\n"
)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(db_path: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """``vanban serve`` of ``db_path`` on a free loopback port, once it answers: its address and its process
    (stdout piped); stopped on leaving."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "vanban", "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail("vanban serve exited: " + server.stdout.read().decode())
                time.sleep(0.2)
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=10)


def chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--hide-scrollbars",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )


@pytest.fixture
def served(tmp_path):
    """A database with a report citing a plan, served by `vanban serve` on a free loopback port."""
    db_path = tmp_path / "vanban.db"
    db = open_db(db_path)
    plan = make_record(
        "plan",
        "02/KH-UBND",
        doc_type="Kế hoạch",
        issuer="Ủy ban nhân dân tỉnh Lạng Sơn",
        place="Lạng Sơn",
        issued_date="2023-01-04",
        subject="Cải cách hành chính tỉnh Lạng Sơn năm 2023",
        citations=[
            Citation(
                "Nghị quyết",
                "76/NQ-CP",
                issued_date="2021-07-15",
                issuer="Chính phủ",
                role="basis",
                spans=[span(PLAN_TEXT, "Nghị quyết số 76/NQ-CP")],
            )
        ],
        duties=[
            Duty(
                "Sở Nội vụ",
                "lead",
                "tham mưu triển khai kế hoạch",
                "2023-12-15",
                span=span(PLAN_TEXT, "Sở Nội vụ chủ trì tham mưu triển khai kế hoạch"),
            )
        ],
    )
    report = make_record(
        "report",
        "15/BC-SNV",
        doc_type="Báo cáo",
        issuer="Sở Nội vụ tỉnh Lạng Sơn",
        place="Lạng Sơn",
        issued_date="2023-06-20",
        subject="Kết quả thực hiện cải cách hành chính 6 tháng đầu năm 2023",
        signer=Signer("Nguyễn Văn An", "Giám đốc", None),
        recipients=["Ủy ban nhân dân tỉnh", "Bộ Nội vụ"],
        citations=[
            Citation(
                "Kế hoạch",
                "02/KH-UBND",
                issued_date="2023-01-04",
                issuer="UBND tỉnh",
                role="basis",
                spans=[span(REPORT_TEXT, "Kế hoạch số 02/KH-UBND")],
            ),
            Citation("Nghị quyết", "76/NQ-CP", issued_date="2021-07-15", issuer="Chính phủ"),
        ],
        duties=[
            Duty(
                "Sở Nội vụ",
                "lead",
                "lưu trữ hồ sơ",
                "trước ngày 30/6/2023",
                span=span(REPORT_TEXT, "bàn giao hồ sơ cho Sở Nội vụ lưu trữ"),
            )
        ],
    )
    store_record(db, plan, PLAN_TEXT)
    report_id = store_record(db, report, REPORT_TEXT)
    scan = make_record(
        "scan",
        "519/TTr-CAT-PC06",
        doc_type="Tờ trình",
        issuer="Công an tỉnh Lâm Đồng",
        parent_issuer="Bộ Công an",
        place="Lâm Đồng",
        issued_date="2025-12-02",
        subject="Đề nghị ban hành Quyết định thành lập Ban Chỉ đạo về dữ liệu tỉnh Lâm Đồng",
        signer=Signer("Nguyễn Tường Vũ", "Phó Giám đốc", "KT. GIÁM ĐỐC"),
        duties=[
            Duty("Sở Nội vụ", "support", "thẩm định hồ sơ thành lập Ban Chỉ đạo", "31/12/2025", recurrence="Định kỳ")
        ],
    )
    scan.source.warnings.append("number 519 written by hand, unreadable by OCR (422, 54): taken from the file name")
    scan.source.ocr, scan.source.ocr_confidence, scan.source.pages = True, 82.8, 7
    store_record(db, scan, SCAN_TEXT)
    db.close()
    with serving(db_path) as (base, server):
        # the command says where it serves
        assert server.stdout.readline().decode().strip() == (f"vanban: serving {db_path} at {base}/ (Ctrl+C to stop)")
        yield base, report_id


def dom(url: str, tmp_path: Path) -> str:
    return chromium(["--dump-dom", url], tmp_path / "profile-dom").stdout


def screenshot(url: str, name: str, tmp_path: Path, size: str = "1366,900") -> Path:
    """A screenshot of the page as a laptop shows it, kept under tests/artifacts for review by eye."""
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / name
    shot.unlink(missing_ok=True)
    chromium([f"--screenshot={shot}", f"--window-size={size}", url], tmp_path / f"profile-{name}")
    assert shot.exists() and shot.stat().st_size > 10_000
    return shot


def test_document_page_in_chromium(served, tmp_path):
    base, report_id = served
    url = f"{base}/vanban/documents/{report_id}"
    page = dom(url, tmp_path)
    assert 'class="vb-cite"' in page and "02/KH-UBND" in page
    assert 'class="vb-duty vb-lead"' in page
    assert "<svg" in page and "vb-center" in page
    for text in (
        "Sơ đồ trích dẫn",
        "Văn bản này dẫn (2)",
        "Được dẫn bởi (0)",
        "Nhiệm vụ được giao (1)",
        "chủ trì",
        "căn cứ",
        "ngày 20/06/2023",
        "Người ký",
        "Nơi nhận",
    ):
        assert text in page
    screenshot(url, "document-page.png", tmp_path, "1280,2000")


def test_flagged_scan_page_in_chromium(served, tmp_path):
    base, _ = served
    url = f"{base}/vanban/documents/3"
    page = dom(url, tmp_path)
    assert "⚠ số lấy từ tên tệp, cần kiểm tra" in page and "⚠ OCR thấp" in page
    assert "Số 519 viết tay, OCR không đọc chắc (422, 54): số được lấy từ tên tệp." in page
    screenshot(url, "document-page-flagged.png", tmp_path, "1280,1400")


def test_documents_table_in_chromium(served, tmp_path):
    base, _ = served
    url = f"{base}/vanban/documents"
    page = dom(url, tmp_path)
    for text in (
        "Văn bản",
        "Tìm:",
        "3 dòng, xếp theo Ngày ban hành (giảm dần)",
        "Loại văn bản",
        "Cảnh báo",
        "⚠ số lấy từ tên tệp",
        "02/12/2025",
        "04/01/2023",
        "Tải về",
        "Excel",
    ):
        assert text in page
    assert page.index('class="rows-and-columns"') < page.index("Xuất dữ liệu")
    assert '<details class="vb-notes">' in page  # column notes folded away
    assert "This data as" not in page and "Sort ascending" not in page
    screenshot(url, "documents-table.png", tmp_path)


@pytest.mark.parametrize(
    "typed, name, rows, marked",
    [
        ("cai cach hanh chinh", "search-without-marks.png", "3 dòng khớp", "<mark>cải</mark> <mark>cách</mark>"),
        ("bàn giao", "search-with-marks.png", "2 dòng khớp", "<mark>bàn</mark> <mark>giao</mark>"),
    ],
)
def test_search_in_chromium(served, tmp_path, typed, name, rows, marked):
    base, _ = served
    url = f"{base}/vanban/documents?" + urllib.parse.urlencode({"_q": typed})
    page = dom(url, tmp_path)
    assert f"{rows} «{typed}»" in page
    assert marked in page.replace("\n", " ")
    assert ("(đúng dấu)" in page) == (typed == "bàn giao")
    assert ("(không phân biệt dấu)" in page) == (typed != "bàn giao")
    screenshot(url, name, tmp_path)


def test_duties_page_in_chromium(served, tmp_path):
    base, _ = served
    url = f"{base}/vanban/agency_duties?" + urllib.parse.urlencode(
        {"agency": "Sở Nội vụ", "locality": "tỉnh Lâm Đồng", "from": "01/12/2025", "to": "31/12/2025"}
    )
    page = dom(url, tmp_path)
    for text in (
        "Nhiệm vụ của một cơ quan",
        "Từ ngày (ngày/tháng/năm)",
        "1 dòng",
        "thẩm định hồ sơ",
        "phối hợp",
        "31/12/2025",
        "định kỳ",
    ):
        assert text in page
    screenshot(url, "duties-page.png", tmp_path)
    wrong = dom(url.replace("01%2F12%2F2025", "hom+nay"), tmp_path)
    assert "không phải là ngày" in wrong and "thẩm định hồ sơ" not in wrong
