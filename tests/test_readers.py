"""Readers on the real documents in ../shared/realdocs: text, header columns, tables, footnotes.

Every text-layer PDF, DOCX, DOC and HTML must give NFC text holding its header
words; scanned PDFs must say OCR is needed. Header regions must come out column
by column: the issuer's lines and "Số:" first, the Quốc hiệu and place/date after.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
import regex
from conftest import SHARED, shared_path

from vanban.errors import ReadError
from vanban.pipeline.read import read

pytestmark = pytest.mark.realdocs

# What a header can show: the Quốc hiệu (either tone style), or the Party's name.
HEADER_WORDS = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "ĐOÀN TNCS HỒ CHÍ MINH",
)


def scanned_names() -> set[str]:
    """Scanned PDFs: ../shared/eval/scanned.txt plus SOURCES.md rows whose text-layer column says "no"."""
    names: set[str] = set()
    listing = shared_path("eval", "scanned.txt")
    names.update(line.strip() for line in listing.read_text(encoding="utf-8").splitlines() if line.strip())
    for line in shared_path("realdocs", "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) > 4 and cells[1].endswith(".pdf") and cells[3].startswith("no"):
            names.add(cells[1])
    return names


def pytest_generate_tests(metafunc) -> None:
    """Parametrize over the real documents present (none when ../shared is absent)."""
    root = SHARED / "realdocs"
    if "real_document" in metafunc.fixturenames:
        paths = (
            sorted(p for p in root.rglob("*") if p.suffix.lower() in (".pdf", ".docx", ".doc", ".html"))
            if root.exists()
            else []
        )
        metafunc.parametrize("real_document", paths or [None], ids=[p.name for p in paths] or ["absent"])


def test_every_real_document(real_document: Path | None) -> None:
    if real_document is None:
        pytest.skip("../shared/realdocs not present")
    if real_document.name in scanned_names():
        # Without OCR the reader must say so; with pipeline/ocr.py wired in, the pages come from OCR.
        try:
            doc = read(real_document)
        except ReadError as exc:
            assert "no text layer (scanned PDF); OCR is needed" in exc.reason
            return
        assert doc.ocr is not None and doc.ocr.pages and doc.text.strip()
        return
    doc = read(real_document)
    assert doc.text.strip()
    assert unicodedata.is_normalized("NFC", doc.text)
    assert doc.format == real_document.suffix.lower().lstrip(".")
    assert len(doc.raw_offsets) == len(doc.text) + 1
    assert doc.page_starts[0] == 0 and doc.page_starts == sorted(doc.page_starts)
    assert len(doc.page_starts) == (doc.page_count if doc.format == "pdf" else 1)
    assert any(words in doc.text for words in HEADER_WORDS), doc.text[:300]
    for table in doc.tables:
        assert table.rows and all(isinstance(cell, str) for row in table.rows for cell in row)
        if table.start is not None:
            assert 0 <= table.start <= table.end <= len(doc.text)
    for start, end in doc.footnotes:
        assert doc.header_end <= start < end <= len(doc.text)


# (file under realdocs, lines the header starts with, words in order within the header).
# The order check is the point: left column (issuer, Số, V/v) before the right
# column (Quốc hiệu, motto, place/date), never interleaved.
HEADERS = [
    (
        "vbai/10797 Tổ giúp việc CCHC.pdf",
        ["UBND TỈNH LÂM ĐỒNG", "HỘI ĐỒNG THẨM ĐỊNH,"],
        # e-signed: the number and day are text in the signature widgets
        [
            "Số: 10797/QĐ-HĐTĐ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Lâm Đồng, ngày 28 tháng 10 năm 2025",
        ],
    ),
    (
        "vbai/788 HC.signed.signed.kydauden.pdf",
        ["UBND TỈNH BÌNH THUẬN", "SỞ TƯ PHÁP", "Số: 788/STP-HCBT"],
        [
            "V/v trình hồ sơ phê chuẩn kết quả",
            "Thuận nhiệm kỳ 2024 - 2029",
            "CỘNG HÒA XÃ HỘI",
            "Bình Thuận, ngày 16 tháng 5 năm 2025",
        ],
    ),
    (
        "vbai/Công văn số 11902 của BNV.pdf",  # e-signed: pdfplumber's annots recurse
        ["BỘ NỘI VỤ", "Số: 11902/BNV-TCPCP"],
        ["V/v báo cáo tình hình tổ chức,", "CỘNG HÒA XÃ HỘI", "Hà Nội, ngày 11 tháng 12 năm 2025"],
    ),
    (
        "vbai/congvan3917ngay017202 của BTP.pdf",  # condensed spacing: words must not glue
        ["BỘ TƯ PHÁP", "Số: 3917/BTP-BTTP", "V/v hợp nhất TCXH-NN của công"],
        ["CỘNG HOÀ XÃ HỘI", "Hà Nội, ngày 01 tháng 7 năm 2025"],
    ),
    (
        "vbai/17.9.2025.Vv lay y kien du thao BC so ket 2021-2025.pdf",
        ["BỘ NỘI VỤ", "Số: 8151/BNV-CCHC"],
        # e-signed: the number, day and month are text in the signature widgets
        ["giải pháp trọng tâm giai đoạn 2026 - 2030", "CỘNG HÒA XÃ HỘI", "Hà Nội, ngày 18 tháng 9 năm 2025"],
    ),
    (
        "vbai/tỉnh Đoàn.pdf",  # youth union: no Quốc hiệu, boundary from the date line
        ["BCH ĐOÀN TỈNH LÂM ĐỒNG"],
        ["Số: 156 -CV/TĐTN-BCTĐ&TTN", "ĐOÀN TNCS HỒ CHÍ MINH", "Lâm Đồng, ngày 04 tháng 9 năm 2025"],
    ),
    (
        "vbai/Văn bản của Sở Nội vụ.docx",
        ["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"],
        ["Số: /SNV-TCBC", "V/v báo cáo tình hình", "CỘNG HÒA XÃ HỘI", "Lâm Đồng, ngày tháng 12 năm 2025"],
    ),
    (
        "vbai/36-HD_VPTW_380096.docx",  # Party document
        ["BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG"],
        ["Số: 36-HD/VPTW", "ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 03 tháng 4 năm 2018"],
    ),
    (
        "vbai/giao 5689 BCA - CAT muc tieu nhiem vu ke hoach dau tu cong trung han CTMTQG.docx",  # space-aligned
        ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: /UBND-NC"],
        ["của Bộ Công an", "CỘNG HÒA XÃ HỘI", "Lâm Đồng, ngày tháng 12 năm 2025"],
    ),
    (
        "vbai/CV xin ý kiến ngoài Bộ.docx",  # "Kính gửi" in the header table's last row is body
        ["BỘ TÀI CHÍNH", "Số: /BTC-CST"],
        ["V/v dự thảo Thông tư", "CỘNG HOÀ XÃ HỘI", "Hà Nội, ngày tháng năm 2025"],
    ),
    (
        "vbai/Cong van VP UBND tinh cu cong chuc tham gia doan cchc.doc",
        ["UBND TỈNH BÌNH THUẬN", "VĂN PHÒNG"],
        ["Số: /VP-NCKSTTHC", "CỘNG HÒA XÃ HỘI", "Bình Thuận, ngày tháng 11 năm 2024"],
    ),
    (
        "vbpl_layout_html/doc_000234.html",
        ["BỘ TÀI NGUYÊN", "VÀ MÔI TRƯỜNG", "Số: 51/2024/TT-BTNMT"],
        ["CỘNG HOÀ XÃ HỘI", "Hà Nội, ngày 32 tháng 12 năm 2024"],
    ),
]


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name, first_lines, in_order", HEADERS, ids=[h[0].split("/")[-1] for h in HEADERS])
def test_header_columns(name: str, first_lines: list[str], in_order: list[str]) -> None:
    doc = read(shared_path("realdocs", name))
    header_lines = [squeeze(line) for line in doc.header.splitlines()]
    assert header_lines[: len(first_lines)] == first_lines, header_lines
    header = squeeze(doc.header)
    positions = [header.find(squeeze(words)) for words in in_order]
    assert all(p >= 0 for p in positions), (in_order, header)
    assert positions == sorted(positions), header
    body = doc.body.lstrip()
    assert "Độc lập" not in body[:200] and not body.startswith("Số:")


@pytest.mark.parametrize(
    "name, body_starts",
    [
        ("vbai/10797 Tổ giúp việc CCHC.pdf", "QUYẾT ĐỊNH"),
        ("vbai/Công văn số 11902 của BNV.pdf", "Kính gửi:"),
        ("vbai/17.9.2025.Vv lay y kien du thao BC so ket 2021-2025.pdf", "Kính gửi:"),
        ("vbai/CV xin ý kiến ngoài Bộ.docx", "Kính gửi:"),
        ("vbpl_layout_html/doc_000234.html", "THÔNG TƯ"),
    ],
)
def test_body_starts_after_header(name: str, body_starts: str) -> None:
    doc = read(shared_path("realdocs", name))
    assert doc.body.lstrip().startswith(body_starts), doc.body[:200]


def test_pdf_page_starts() -> None:
    doc = read(shared_path("realdocs", "vbai", "10797 Tổ giúp việc CCHC.pdf"))
    assert doc.page_count == 3 and len(doc.page_starts) == 3
    assert doc.page_of(0) == 1 and doc.page_of(len(doc.text) - 1) == 3
    assert doc.page_of(doc.text.index("Căn cứ Luật Tổ chức chính quyền")) == 1


def test_pdf_esigned_page_falls_back_without_losing_text() -> None:
    """pdfplumber cannot read the signature annotations of this file; the text is still whole."""
    doc = read(shared_path("realdocs", "vbai", "Công văn số 11902 của BNV.pdf"))
    assert "Nghị định số 126/2024/NĐ-CP" in doc.text


def test_pdf_tables() -> None:
    doc = read(shared_path("realdocs", "vbai", "Báo cáo thực hiện các mô hình thí điểm CCHC theo QĐ787 04.10.pdf"))
    assert doc.tables
    assert all(table.page and 1 <= table.page <= doc.page_count for table in doc.tables)
    assert all(sum(1 for cell in row if cell) >= 1 for table in doc.tables for row in table.rows)


# Tables are looked for only where ruling lines make a grid: (file under realdocs, 1-based ruled pages).
# The 35-page report highlights its text with filled boxes on pages 1-24 (no table there) and
# has its statistics tables on pages 25-35; the e-signed letter shades its header table's cells.
RULED_PAGES = [
    ("vbai/329 BAO CAO CCHC NAM 2025.pdf", list(range(25, 36))),
    ("vbai/Văn bản của Sở Nội vụ.pdf", []),
    ("dev2/banbaucuso01_signed.pdf", []),
    ("vbai/Báo cáo thực hiện các mô hình thí điểm CCHC theo QĐ787 04.10.pdf", [3, 4, 5]),
]


@pytest.mark.parametrize("name, ruled", RULED_PAGES, ids=[r[0].split("/")[-1][:30] for r in RULED_PAGES])
def test_tables_looked_for_only_on_ruled_pages(name: str, ruled: list[int]) -> None:
    import pypdfium2 as pdfium

    from vanban.pipeline import pdf as pdf_reader

    document = pdfium.PdfDocument(str(shared_path("realdocs", name)))
    try:
        pages = [pdf_reader._read_page(document, i) for i in range(len(document))]
    finally:
        document.close()
    assert [i + 1 for i, page in enumerate(pages) if page.ruled] == ruled


def test_generated_grid_and_highlights(tmp_path: Path) -> None:
    """A ruled table is found; words highlighted by filled boxes (no stroke) are no table."""
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table, TableStyle
    from synth import FONT_CANDIDATES

    font = next(
        (
            Path(folder) / pattern.format(faces[0])
            for folder, pattern, faces in FONT_CANDIDATES
            if (Path(folder) / pattern.format(faces[0])).exists()
        ),
        None,
    )
    if font is None:
        pytest.skip("no TrueType font with Vietnamese glyphs")
    pdfmetrics.registerFont(TTFont("GridTest", str(font)))
    path = tmp_path / "tables.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("GridTest", 12)
    words = "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân ngày 25 tháng 6 năm 2015".split()
    for line in range(6):  # page 1: every word on a yellow box, as a highlighter leaves it
        x = 85
        for word in words:
            width = page.stringWidth(word, "GridTest", 12)
            page.setFillColorRGB(1, 1, 0.6)  # the word's box and the space's box, lines touching
            page.rect(x, 700 - 16 * line, width, 16, stroke=0, fill=1)
            page.rect(x + width, 700 - 16 * line, 4, 16, stroke=0, fill=1)
            page.setFillColorRGB(0, 0, 0)
            page.drawString(x, 704 - 16 * line, word)
            x += width + 4
    page.showPage()
    page.setFont("GridTest", 12)
    rows = [
        ["STT", "Nhiệm vụ", "Chủ trì"],
        ["1", "Cải cách thể chế", "Sở Tư pháp"],
        ["2", "Cải cách thủ tục", "Sở Nội vụ"],
    ]
    grid = Table(rows)
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONTNAME", (0, 0), (-1, -1), "GridTest")]))
    grid.wrapOn(page, 400, 200)
    grid.drawOn(page, 85, 600)
    for line, text in enumerate(
        [
            "Bảng phân công nhiệm vụ cải cách hành chính năm 2026 của các sở, ban, ngành tỉnh",
            "Các sở, ban, ngành chủ trì thực hiện nhiệm vụ được giao và báo cáo kết quả định kỳ",
        ]
    ):
        page.drawString(85, 760 - 18 * line, text)
    page.save()
    doc = read(path)
    assert doc.ocr is None
    assert [(t.page, t.rows[0]) for t in doc.tables] == [(2, ["STT", "Nhiệm vụ", "Chủ trì"])]


def test_docx_footnotes_tied_to_markers() -> None:
    doc = read(shared_path("realdocs", "vbai", "BÁO CÁO ĐỀ ÁN 06 tháng 10.docx"))
    assert len(doc.footnotes) == 6
    first_start, first_end = doc.footnotes[0]
    assert doc.text[first_start:first_end].startswith("¹ Kế hoạch số 3920/KH-UBND")
    assert "06 văn bản¹" in doc.text[:first_start]  # the body marker for footnote 1


def test_docx_appendix_table() -> None:
    doc = read(shared_path("realdocs", "vbai", "Kế hoạch CCHC 2026 của tỉnh Lâm Đồng.docx"))
    table = next(t for t in doc.tables if t.rows[0][:2] == ["STT", "Nhiệm vụ"])
    assert "Chủ trì thực hiện" in table.rows[0]
    assert len(table.rows) > 20
    assert "Cải cách thể chế" in doc.text[table.start : table.end]


def test_html_vbpl_content_only() -> None:
    doc = read(shared_path("realdocs", "vbpl_layout_html", "doc_000001.html"))
    assert doc.text.lstrip().startswith("CHÍNH PHỦ")
    assert "Cơ sở dữ liệu quốc gia" not in doc.text[:50]
    assert "function(" not in doc.text and "{" not in doc.text[:2000]
    assert any("Nguyễn Hòa Bình" in cell for table in doc.tables for row in table.rows for cell in row)


def test_html_article_without_chrome(tmp_path: Path) -> None:
    page = tmp_path / "article.html"
    page.write_text(
        """<!doctype html><html><head><title>Tin</title><script>var x = {a: 1};</script>
<style>p {color: red}</style></head><body>
<header><nav><ul><li>Trang chủ</li><li>Giới thiệu</li></ul></nav></header>
<div class="main-menu">Tin tức | Liên hệ</div>
<article><h1>Văn phòng UBND tỉnh chỉ đạo tăng cường kỷ luật, kỷ cương</h1>
<p>Ngày 04/01/2023, UBND tỉnh ban hành Kế hoạch số 02/KH-UBND về cải cách hành chính.</p>
<p>Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành triển khai thực hiện.</p>
<table><tr><td>Nhiệm vụ</td><td>Cơ quan chủ trì</td></tr><tr><td>Rà soát</td><td>Sở Tư pháp</td></tr></table>
</article>
<aside class="related">Bài viết liên quan</aside>
<footer>Bản quyền © Cổng thông tin điện tử tỉnh</footer></body></html>""",
        encoding="utf-8",
    )
    doc = read(page)
    assert doc.text.startswith("Văn phòng UBND tỉnh chỉ đạo")
    assert "Kế hoạch số 02/KH-UBND" in doc.text
    for chrome in ("Trang chủ", "Liên hệ", "Bản quyền", "liên quan", "var x", "color"):
        assert chrome not in doc.text
    assert doc.tables[0].rows == [["Nhiệm vụ", "Cơ quan chủ trì"], ["Rà soát", "Sở Tư pháp"]]
    assert doc.header_end == 0


@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_txt_encodings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = (
        "ỦY BAN NHÂN DÂN           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\r\n"
        "TỈNH LẠNG SƠN                  Độc lập - Tự do - Hạnh phúc\r\n"
        "Số: 02/KH-UBND             Lạng Sơn, ngày 04 tháng 01 năm 2023\r\n"
        "\r\nKẾ HOẠCH\r\nCải cách hành chính tỉnh Lạng Sơn năm 2023\r\n"
    )
    path = tmp_path / "kh.txt"
    path.write_bytes(bom + text.encode(encoding))
    doc = read(path)
    assert doc.header.splitlines() == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LẠNG SƠN",
        "Số: 02/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lạng Sơn, ngày 04 tháng 01 năm 2023",
    ]
    assert doc.body.strip().startswith("KẾ HOẠCH")
    assert "\ufeff" not in doc.text and "\r" not in doc.text


def test_seed_text_files() -> None:
    for path in sorted(shared_path("seeds").glob("*.txt")):
        doc = read(path)
        assert doc.text.strip() and doc.format == "txt"


# --- Broken text layers: a font that maps letters to spaces is read by OCR instead ---

# PDFs whose text layer lost letters: (file under realdocs, 0-based pages affected).
BROKEN_TEXT_LAYERS = {"vbai/CV 1925.signed.signed.pdf": [0]}  # "Sở ội vụ", "1185/S V-CCVC"


def test_lost_glyphs_only_where_the_font_is_broken() -> None:
    """Every text-layer PDF in realdocs: no sound page is sent to OCR, the broken one is."""
    import pypdfium2 as pdfium

    from vanban.pipeline import pdf as pdf_reader

    root = shared_path("realdocs")
    scanned = scanned_names()
    checked = 0
    for path in sorted(root.rglob("*.pdf")):
        name = str(path.relative_to(root))
        document = pdfium.PdfDocument(str(path))
        try:
            pages = [pdf_reader._read_page(document, i) for i in range(len(document))]
        finally:
            document.close()
        broken = [i for i, page in enumerate(pages) if page.lost_glyphs >= pdf_reader.MIN_LOST_GLYPHS]
        assert broken == BROKEN_TEXT_LAYERS.get(name, []), (name, [p.lost_glyphs for p in pages])
        if path.name not in scanned:
            sound = [i for i, page in enumerate(pages) if page.chars >= pdf_reader.MIN_TEXT_CHARS]
            assert not set(pdf_reader.pages_needing_ocr(pages)) & (set(sound) - set(broken)), name
            checked += 1
    assert checked >= 20


@pytest.mark.skipif(__import__("shutil").which("tesseract") is None, reason="tesseract not installed")
def test_broken_text_layer_is_read_by_ocr() -> None:
    doc = read(shared_path("realdocs", "vbai", "CV 1925.signed.signed.pdf"))
    assert doc.ocr is not None and doc.ocr.pages == [1] and not doc.ocr.header_only
    for words in (
        "Kính gửi: Sở Nội vụ",
        "Công văn số 1185/SNV-CCVC",
        "Nghị định số",
        "126/2024/NĐ-CP",
        "Hiệp hội Doanh nghiệp",
        "Số: 1925 /STC- HTDN",
    ):
        assert words in doc.text, words
    assert "Sở ội vụ" not in doc.text
    assert doc.header.index("SỞ TÀI CHÍNH") < doc.header.index("CỘNG HÒA")


# --- Nothing the page shows is lost: the Số and ngày lines hold what pdftotext prints ---

# "Số: 8151 /BNV-CCHC", "Số:  /QĐ-UBND", "Số: 156 -CV/TĐTN-BCTĐ&TTN" as pdftotext -layout prints the Số line.
PRINTED_SYMBOL = regex.compile(
    r"""(?x)
    (?<!\p{L}) (?i: số ) \s* :? \s*
    (?P<number> \d+ )? \s*
    (?P<rest> [/-] [\p{L}\d&().]+ (?: \s? [/-] \s? [\p{L}\d&().]+ )* )   # "/STC- HTDN": a space after the dash
    """
)
# "Hà Nội, ngày 18 tháng 9 năm 2025", "ngày    tháng 12 năm 2025"
PRINTED_DATE = regex.compile(
    r"(?x) (?<!\p{L}) ngày \s* (?P<day> \d{1,2} )? \s* tháng \s* (?P<month> \d{1,2} )? \s* năm \s* (?P<year> \d{4} )"
)


def shown_slots(text: str) -> tuple[tuple[str | None, str] | None, tuple[str | None, ...] | None]:
    """(number, symbol rest) of the first Số line and (day, month, year) of the first date line in ``text``."""
    symbol = PRINTED_SYMBOL.search(text)
    date = PRINTED_DATE.search(text)
    return (
        (symbol.group("number"), regex.sub(r"\s+", "", symbol.group("rest"))) if symbol else None,
        date.group("day", "month", "year") if date else None,
    )


def text_layer_pdfs() -> list[Path]:
    root = SHARED / "realdocs"
    if not root.exists():
        return []
    scanned = scanned_names()
    return sorted(p for p in root.rglob("*.pdf") if p.name not in scanned)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")
@pytest.mark.parametrize("path", text_layer_pdfs(), ids=lambda p: p.name[:40])
def test_number_and_date_lines_hold_what_pdftotext_prints(path: Path) -> None:
    """Every digit and letter of page 1's Số and ngày lines, as ``pdftotext -layout`` prints them
    (widget appearance streams included), is in ``vanban text``."""
    printed = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    printed = unicodedata.normalize("NFC", printed)
    symbol, date = shown_slots(printed)
    doc = read(path)
    got_symbol, got_date = shown_slots(doc.text[: max(doc.header_end, 1500)])
    if symbol is not None:
        assert got_symbol == symbol, (symbol, got_symbol)
    if date is not None:
        assert got_date == date, (date, got_date)
