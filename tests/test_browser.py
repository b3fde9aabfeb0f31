"""`vanban serve` in a subprocess, the document page in headless Chromium: highlights in the DOM, a screenshot."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_datasette import PLAN_TEXT, REPORT_TEXT, span  # noqa: F401  (the same documents as the Datasette tests)
from test_store import make_record

from vanban.record import Citation, Duty, Signer
from vanban.store import open_db, store_record

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    db.close()
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
        yield base, report_id
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_document_page_in_chromium(served, tmp_path):
    base, report_id = served
    url = f"{base}/vanban/documents/{report_id}"
    dom = chromium(["--dump-dom", url], tmp_path / "profile-dom").stdout
    assert 'class="vb-cite"' in dom and "02/KH-UBND" in dom
    assert 'class="vb-duty vb-lead"' in dom
    assert "<svg" in dom and "vb-center" in dom
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "document-page.png"
    shot.unlink(missing_ok=True)
    chromium([f"--screenshot={shot}", "--window-size=1280,2000", url], tmp_path / "profile-shot")
    assert shot.exists() and shot.stat().st_size > 10_000
