"""The duty tracker's pages in headless Chromium, served by `vanban serve`: the rows a clerk expects in the DOM,
and screenshots under tests/artifacts for review by eye."""

from __future__ import annotations

import urllib.parse
import urllib.request
from datetime import timedelta

import pytest
from test_browser import CHROMIUM, dom, screenshot, serving
from test_tracker import TODAY, tracked_database

pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")]


@pytest.fixture
def served(tmp_path):
    """The tracked database (tests/test_tracker.py) served on a free loopback port."""
    ids = tracked_database(tmp_path / "vanban.db")
    with serving(tmp_path / "vanban.db") as (base, _):
        yield base, ids


def rows_of(page: str) -> list[str]:
    """The text of each row of the page's results table, cells joined by " | "."""
    import re
    from html import unescape

    body = page.split('<table class="rows-and-columns">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>", 1)[1], flags=re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S) for row in rows]
    return [" | ".join(" ".join(unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in row) for row in cells]


def test_due_duties_page_in_chromium(served, tmp_path):
    base, _ = served
    url = f"{base}/vanban/due_duties?" + urllib.parse.urlencode(
        {"agency": "", "assigned_by": "", "from": "", "to": "", "status": "unanswered"}
    )
    page = dom(url, tmp_path)
    assert "Nhiệm vụ đến hạn / quá hạn" in page and "4 dòng" in page
    rows = rows_of(page)
    late = f"{TODAY - timedelta(days=10):%d/%m/%Y}"
    assert [r.split(" | ")[0] for r in rows] == ["quá hạn", "đang thực hiện", "đang thực hiện", "đang thực hiện"]
    assert "bố trí kinh phí thực hiện Kế hoạch" in rows[0] and late in rows[0] and "quá 10 ngày" in rows[0]
    assert "Sở Tài chính tỉnh Lạng Sơn" in rows[0] and "07/KH-UBND" in rows[0]
    assert "còn 3 ngày" in rows[1] and "còn 40 ngày" in rows[3]
    assert "Tải về:" in page and "Excel" in page
    screenshot(url, "tracker-due-duties.png", tmp_path, "1600,1000")


def test_agency_page_in_chromium(served, tmp_path):
    base, ids = served
    url = f"{base}/vanban/agencies/{ids['so_noi_vu']}"
    page = dom(url, tmp_path)
    assert "Nhiệm vụ phải thực hiện (2)" in page and "Tải về Excel" in page
    owed = page.split('class="vb-duties vb-owed"', 1)[1].split("</table>", 1)[0]
    assert owed.count('class="vb-row-open"') == 2
    assert owed.index("chuẩn bị nội dung hội nghị sơ kết") < owed.index("tổng hợp kết quả kiểm tra")  # due first
    screenshot(url, "tracker-agency.png", tmp_path, "1366,900")


def test_deadline_calendar_in_chromium(served, tmp_path):
    base, _ = served
    url = f"{base}/-/vanban/deadlines?" + urllib.parse.urlencode(
        {"from": f"{TODAY - timedelta(days=21):%d/%m/%Y}", "weeks": "10"}
    )
    page = dom(url, tmp_path)
    assert "Lịch hạn nhiệm vụ theo tuần" in page and 'class="vb-today"' in page.replace(" vb-weekend", "")
    assert page.count('class="vb-status vb-status-overdue" href=') == 1  # Sở Tài chính's, 10 days ago
    assert page.count('class="vb-status vb-status-answered" href=') == 1  # Sở Tư pháp's, 20 days ago
    assert page.count('class="vb-status vb-status-open" href=') == 2  # in 3 days (one duty, two agencies), in 40
    screenshot(url, "tracker-calendar.png", tmp_path, "1366,1000")


def test_document_page_tracking_in_chromium(served, tmp_path):
    base, ids = served
    url = f"{base}/vanban/documents/{ids['plan']}#duties"
    page = dom(url, tmp_path)
    duties = page.split('id="duties"', 1)[1].split("</table>", 1)[0]
    assert duties.count("vb-status-overdue") == 1 and duties.count("vb-status-answered") == 1
    assert duties.count("vb-status-open") == 3  # Sở Nội vụ's, and the list's two agencies
    assert f'href="/vanban/documents/{ids["stp"]}"' in duties  # the answer, linked
    screenshot(url, "tracker-document.png", tmp_path, "1366,1100")
