"""The annotated view: spaCy span groups drawn by displaCy, from the CLI and from Datasette."""

from __future__ import annotations

import subprocess
import sys

import pytest
from test_datasette import REPORT_TEXT, db_path  # noqa: F401  (the fixture)

from vanban.annotate import SPAN_GROUP, line_doc, record_spans, render_html, render_text
from vanban.extraction import extract_file
from vanban.publish import make_datasette

RECORD = {
    "citations": [{"role": "basis", "spans": [[10, 32]]}, {"role": "reference", "spans": [[60, 75]]}],
    "duties": [{"role": "lead", "span": [40, 90]}],
}


def test_spans_become_a_span_group_on_whole_words_with_overlaps():
    text = "Thực hiện Kế hoạch số 02/KH-UBND, giao Sở Nội vụ chủ trì theo Quyết định số 5/QĐ-UBND trước ngày 31/12."
    doc = line_doc(text, 0, record_spans(RECORD))
    labels = [(span.text, span.label_) for span in doc.spans[SPAN_GROUP]]
    assert ("Kế hoạch số 02/KH-UBND,", "BASIS") in labels
    assert any(label == "DUTY LEAD" for _, label in labels) and any(label == "CITATION" for _, label in labels)
    assert "02/KH-UBND" in [token.text.rstrip(",") for token in doc]  # symbols are not split


def test_text_is_escaped_and_lines_kept():
    text = "Dòng một <script>alert(1)</script>\nThực hiện Kế hoạch số 02/KH-UBND ngày 04/01/2023"
    start = text.index("Kế hoạch")
    html = render_text(text, {"citations": [{"role": "basis", "spans": [[start, start + 22]]}]})
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count('class="line"') == 1 and "BASIS" in html and "02/KH-UBND" in html


def test_cli_writes_the_annotated_page_of_a_real_document(seeds, tmp_path):
    path = seeds / "003_32ae2a5d26357acd.txt"
    out = tmp_path / "plan.html"
    done = subprocess.run(
        [sys.executable, "-m", "vanban", "highlight", str(path), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    record, doc = extract_file(path)
    assert html == render_html(doc.text, record.to_dict())
    assert "Kế hoạch 02/KH-UBND" in html and "BASIS" in html and "DUTY LEAD" in html


@pytest.mark.asyncio
async def test_datasette_serves_the_annotated_view(db_path):  # noqa: F811
    ds = make_datasette(db_path)
    report_id = (await ds.client.get("/vanban/documents.json?symbol=15/BC-SNV&_shape=array")).json()[0]["id"]
    page = await ds.client.get(f"/vanban/documents/{report_id}")
    assert f"/-/vanban/annotated/{report_id}" in page.text
    response = await ds.client.get(f"/-/vanban/annotated/{report_id}")
    assert response.status_code == 200
    assert "BASIS" in response.text and "DUTY LEAD" in response.text
    assert "<script>alert" not in response.text and REPORT_TEXT.split("\n")[0] in response.text
    assert (await ds.client.get("/-/vanban/annotated/999999")).status_code == 404
