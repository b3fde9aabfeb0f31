"""Broken text layers passing as text: read as Vietnamese only when they are the page as printed.

A font without a Unicode map, a scanner's OCR layer without tone marks or with
Cyrillic look-alikes, a legacy font's ``ƣ`` for ``ư``: the glyphs with one reading
are read so (normalize.py), and a page whose layer still does not read as
Vietnamese (pipeline/syllables.py) is read by OCR and says so.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import shared_path

from vanban.pipeline.normalize import normalize
from vanban.pipeline.read import read
from vanban.pipeline.syllables import is_syllable, layer_quality, reads_as_vietnamese

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")

# (word as a text layer holds it, whether it is a Vietnamese syllable as spelled)
SYLLABLES = [
    ("nghĩa", True),  # ngh + ia, tone on i
    ("Quyết", True),  # qu + yêt
    ("khuya", True),  # kh + uya
    ("người", True),
    ("được", True),
    ("gì", True),  # gi before i written once
    ("giêng", True),
    ("thuở", True),
    ("oái", True),  # no initial
    ("Ủy", True),
    ("BO", True),  # 3588_QD_SGK …pdf's OCR layer: toneless, still spelled as a syllable
    ("GIAO", True),
    ("DVC", False),  # the same layer's "DỤC"
    ("VItT", False),  # its "VIỆT"
    ("Chinhphn", False),  # its "Chính phủ"
    ("thcing", False),  # its "tháng"
    ("hßa", False),  # TCVN3 bytes read as Latin-1: "hòa"
    ("ViÖt", False),
    ("héi", False),
    ("Сộng", False),  # a Cyrillic С
    ("C\x01NG", False),  # a font without a Unicode map: control codes for Ộ
    ("Pickleball", False),  # a loanword is no syllable either; a page has few of them
]


@pytest.mark.parametrize("word, expected", SYLLABLES)
def test_syllables(word: str, expected: bool) -> None:
    assert is_syllable(word) is expected


# Lines as text layers hold them: (line, reads as Vietnamese)
LINES = [
    # 3588_QD_SGK_THONG_NHAT …pdf, page 1: the scanner's OCR layer, no tone marks
    (
        "Can ca.Nght clink so 303/2025/ND-CP ngay 19 thcing 11 nom 2025 cna Chinhphn quy dinh chirc ming, nhiem vy, "
        "quydn hgn va ea eciu to chirc cria bo, ca quan ngang b6; Can cll. Nghi dinh s6 37/2025/ND-CP ngay 26 thang",
        False,
    ),
    # TB 348 TU_1.signed.pdf: an OCR layer with marks on a third of its words
    (
        "- Can ct'r Diu 1 Bang Cong san Vit Nam; Quy djnh s 294-QD/TW, ngày 26/5/2025 cüa Ban Chip hành Trung ucing "
        "v thi hành Diu 1 Dáng; - Can cü Chi thj s 45-CT/TW, ngày 14/4/2025 cüa B ChInh trj v diai hi dâng b các cp",
        False,
    ),
    # a national title in TCVN3 bytes read as Latin-1 (a font without its Unicode map): letters of other scripts
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam " * 4, False),
    # a page in another language is as printed: few syllables, no marks, no foreign letters
    (
        "The Ministry of Home Affairs shall coordinate with the provincial committees to implement the plan "
        "and report the results to the Prime Minister before the end of the year",
        True,
    ),
    # the same lines as printed (page 2 of 3588 …pdf has a sound layer)
    (
        "Căn cứ Nghị định số 303/2025/NĐ-CP ngày 19 tháng 11 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, "
        "quyền hạn và cơ cấu tổ chức của bộ, cơ quan ngang bộ; Căn cứ Nghị định số 37/2025/NĐ-CP ngày 26 tháng",
        True,
    ),
]


@pytest.mark.parametrize("line, expected", LINES)
def test_lines_read_as_vietnamese(line: str, expected: bool) -> None:
    assert reads_as_vietnamese(layer_quality(line)) is expected


# --- every real text-layer page: only the OCR layers are refused ---

NOT_AS_PRINTED = {
    "dev2/3588_QD_SGK_THONG_NHAT_20251227_23h00_FN_f6141-1781327650867.pdf": [0],
    "dev2/TB 348 TU_1.signed.pdf": [0],
}


@pytest.mark.realdocs
def test_only_the_ocr_layers_are_refused() -> None:
    import pypdfium2 as pdfium

    from vanban.pipeline import pdf as pdf_reader

    root = shared_path("realdocs")
    judged = 0
    for path in sorted(root.rglob("*.pdf")):
        name = str(path.relative_to(root))
        document = pdfium.PdfDocument(str(path))
        try:
            pages = [pdf_reader._read_page(document, i) for i in range(len(document))]
        finally:
            document.close()
        assert [i for i, page in enumerate(pages) if page.not_vietnamese] == NOT_AS_PRINTED.get(name, []), name
        judged += sum(page.quality is not None for page in pages)
    assert judged >= 200


# What OCR reads where the layers had "Ha N6i, ngay 26 thang 12 nom 2025" and "TháiNguyên, ngày22 tháng8nám 2025".
OCR_READS = {
    "dev2/3588_QD_SGK_THONG_NHAT_20251227_23h00_FN_f6141-1781327650867.pdf": "Hà Nội, ngày 26 tháng 12 năm 2025",
    "dev2/TB 348 TU_1.signed.pdf": "Thái Nguyên, ngày 22 tháng 8 năm 2025",
}


@pytest.mark.realdocs
@needs_tesseract
@pytest.mark.parametrize("name", sorted(NOT_AS_PRINTED))
def test_real_ocr_layers_are_read_by_ocr(name: str) -> None:
    doc = read(shared_path("realdocs", name))
    assert doc.ocr is not None and 1 in doc.ocr.pages
    assert any(w.startswith("page 1: the text layer is not Vietnamese as printed") for w in doc.warnings)
    page_1 = doc.text[: doc.page_starts[1]] if doc.page_count > 1 else doc.text
    assert OCR_READS[name] in page_1
    assert reads_as_vietnamese(layer_quality(page_1))


# --- glyphs with one reading ---


def test_legacy_glyphs_read_with_offsets_kept() -> None:
    raw = "Trƣờng ƢU TIÊN; Сộng hòa хã hội; Москва"  # ƣ/Ƣ of a legacy font, Cyrillic С and х in Latin words
    norm = normalize(raw)
    assert norm.text == "Trường ƯU TIÊN; Cộng hòa xã hội; Москва"  # a Cyrillic word stays Cyrillic
    assert list(norm.offsets) == list(range(len(raw) + 1))


# --- generated PDFs with the same faults ---

BODY = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
    "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 10 tháng 01 năm 2026,",
    "Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính năm 2026 với các nội dung sau:",
    "1. Đẩy mạnh cải cách thủ tục hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp.",
    "2. Các sở, ban, ngành tỉnh chủ trì, phối hợp thực hiện và báo cáo kết quả trước ngày 15 tháng 12.",
]
HEADER = [
    (70, "ỦY BAN NHÂN DÂN", 330, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (75, "TỈNH LÂM ĐỒNG", 350, "Độc lập - Tự do - Hạnh phúc"),
    (70, "Số: 15/KH-UBND", 330, "Lâm Đồng, ngày 20 tháng 01 năm 2026"),
]


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from synth import FONT_CANDIDATES

    for folder, pattern, faces in FONT_CANDIDATES:
        path = Path(folder) / pattern.format(faces[0])
        if path.exists():
            pdfmetrics.registerFont(TTFont("LayerTest", str(path)))
            return "LayerTest"
    pytest.skip("no TrueType font with Vietnamese glyphs")


def _draw_page(page, font: str, transform=lambda line: line, mode: int = 0) -> None:
    """The page's header and body lines, each line passed through ``transform``, in text render ``mode``."""
    lines = [(x, 790 - 18 * row, text) for row, (x, text, _, _) in enumerate(HEADER)]
    lines += [(x, 790 - 18 * row, text) for row, (_, _, x, text) in enumerate(HEADER)]
    lines += [(297 - 60, 720, "KẾ HOẠCH"), (150, 702, "Cải cách hành chính tỉnh Lâm Đồng năm 2026")]
    lines += [(70, 670 - 20 * row, text) for row, text in enumerate(BODY)]
    for x, y, text in lines:
        words = page.beginText(x, y)
        words.setFont(font, 12)
        words.setTextRenderMode(mode)
        words.textOut(transform(text))
        page.drawText(words)


def printed_pdf(path: Path, transform=lambda line: line) -> Path:
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=(595.28, 841.89))
    _draw_page(page, _font(), transform)
    page.save()
    return path


def test_generated_legacy_glyph_layer_is_read_without_ocr(tmp_path: Path) -> None:
    """A layer with ƣ for ư and Cyrillic look-alikes reads as Vietnamese once those are read."""
    lookalikes = str.maketrans({"ư": "ƣ", "Ư": "Ƣ", "o": "о", "C": "С", "x": "х"})
    doc = read(printed_pdf(tmp_path / "legacy.pdf", lambda line: line.translate(lookalikes)))
    assert doc.ocr is None and not doc.warnings
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in doc.text and "Căn cứ Luật Tổ chức chính quyền" in doc.text
    assert "người dân" in doc.text and "ƣ" not in doc.text


@needs_tesseract
def test_generated_font_without_unicode_map_is_read_by_ocr(tmp_path: Path) -> None:
    path = printed_pdf(tmp_path / "printed.pdf")
    broken = tmp_path / "no-tounicode.pdf"
    broken.write_bytes(path.read_bytes().replace(b"/ToUnicode", b"/NoUnicode"))  # the map is gone
    doc = read(broken)
    assert doc.ocr is not None and doc.ocr.pages == [1]
    assert doc.warnings and doc.warnings[0].startswith("page 1: the text layer is not Vietnamese as printed")
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Căn cứ Luật Tổ chức chính quyền", "cải cách hành chính"):
        assert words in doc.text, words


@needs_tesseract
def test_generated_ocr_layer_without_tones_is_read_by_ocr(tmp_path: Path) -> None:
    """A scan with an invisible OCR layer (render mode 3) that lost the tone marks."""
    import unicodedata

    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    printed = pdfium.PdfDocument(str(printed_pdf(tmp_path / "printed.pdf")))
    image = printed[0].render(scale=200 / 72, grayscale=True).to_pil()
    printed.close()

    def toneless(line: str) -> str:
        bare = unicodedata.normalize("NFD", line.replace("đ", "d").replace("Đ", "D"))
        return "".join(c for c in bare if not unicodedata.combining(c))

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path), pagesize=(595.28, 841.89))
    page.drawImage(ImageReader(image), 0, 0, width=595.28, height=841.89)
    _draw_page(page, _font(), toneless, mode=3)
    page.save()
    doc = read(path)
    assert doc.ocr is not None and doc.ocr.pages == [1]
    assert "Can cu Luat" not in doc.text
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Căn cứ Luật Tổ chức chính quyền", "cải cách hành chính"):
        assert words in doc.text, words


@pytest.mark.realdocs
@needs_tesseract
def test_source_names_the_ocr_pages() -> None:
    from vanban.extraction import extract_file

    record, _ = extract_file(shared_path("realdocs", "dev2", "TB 348 TU_1.signed.pdf"))
    assert record.source.ocr and record.source.ocr_pages == [1]
    assert record.source.warnings[0].startswith("page 1: the text layer is not Vietnamese as printed (")
    assert (record.document.symbol, record.document.issued_date) == ("348-TB/TU", "2025-08-22")
