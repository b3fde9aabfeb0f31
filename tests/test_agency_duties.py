"""The duties of an agency, asked of a database of ingested real documents through Datasette.

A duty given to a list of agencies ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, …", "Giám đốc các
Sở, ngành: Nội vụ, Tài chính, …") counts for each agency of the list: ``agency_duties?agency=Sở Nội vụ`` finds every
stored duty whose agency, as written, names Sở Nội vụ or its head, and no other (Bộ Nội vụ is another body).
"""

from __future__ import annotations

import pytest
import regex

from vanban.publish import make_datasette
from vanban.store import ingest_file, open_db

pytestmark = [pytest.mark.realdocs, pytest.mark.slow]

# Text layers, Word and HTML, and a scan (its OCR cached): closings naming heads ("Giám đốc Sở Nội vụ"), a head
# shared before a colon ("Giám đốc các Sở, ngành: Nội vụ, Tài chính"), agency headings and table rows, and a
# ministry's Bộ Nội vụ that must not answer for the Sở.
DOCUMENTS = [
    "vbai/779qdubDLQUY KHUYEN HOC.signed.signed.kydauden.pdf",
    "vbai/BÁO CÁO ĐỀ ÁN 06 tháng 10.docx",
    "vbai/Kế hoạch CCHC 2026 của tỉnh Lâm Đồng.docx",
    "vbai/CV 1925.signed.signed.pdf",
    "dev2/SCAN0097.pdf",
    "vbai/QĐ 2536 SÁP NHẬP ĐLS.pdf",
    "vbpl_layout_html/doc_000001.html",
]

# Sở Nội vụ as a document writes it: by name ("Sở Nội vụ", "Giám đốc Sở Nội vụ"), or as one of the names after a
# shared "Sở …:" head ("Giám đốc các Sở, ngành: Nội vụ, Tài chính").
NAMES_SO_NOI_VU = regex.compile(r"(?i)\bSở\s+Nội\s+vụ\b|\bSở\b[^;:]{0,30}:[^;]*?(?<![\w])Nội\s+vụ\b")


@pytest.fixture(scope="module")
def database(realdocs, tmp_path_factory):
    path = tmp_path_factory.mktemp("agency_duties") / "vanban.db"
    db = open_db(path)
    for name in DOCUMENTS:
        assert ingest_file(db, realdocs / name).status == "ingested", name
    db.close()
    return path


async def rows(path, query: str) -> list[dict]:
    ds = make_datasette(path)
    response = await ds.client.get(f"/vanban/agency_duties.json?{query}&_shape=array")
    assert response.status_code == 200, response.text[:500]
    return response.json()


@pytest.mark.asyncio
async def test_every_duty_naming_so_noi_vu_is_found(database) -> None:
    db = open_db(database)
    written = {
        duty_id: agency
        for duty_id, agency in db.execute("SELECT id, agency FROM duties").fetchall()
        if NAMES_SO_NOI_VU.search(agency)
    }
    db.close()
    # the store holds lists as written, heads and shared heads among them
    assert any(regex.search(r"Giám đốc Sở Nội vụ", a) for a in written.values())
    assert any(regex.search(r"Sở, ngành:.*Nội vụ", a) for a in written.values())
    found = await rows(database, "agency=Sở+Nội+vụ&locality=&from=&to=")
    found_ids = {r["duty_id"] for r in found}
    assert set(written) <= found_ids
    assert all(NAMES_SO_NOI_VU.search(r["assigned_to"]) for r in found), "a duty of another body answered"


@pytest.mark.asyncio
async def test_marks_and_a_head_title_are_optional_bo_noi_vu_is_another_body(database) -> None:
    typed = await rows(database, "agency=so+noi+vu&locality=&from=&to=")
    proper = await rows(database, "agency=Sở+Nội+vụ&locality=&from=&to=")
    assert typed == proper and proper
    ministry = await rows(database, "agency=Bộ+Nội+vụ&locality=&from=&to=")
    assert ministry and all(r["assigned_to"].startswith("Bộ Nội vụ") for r in ministry)
