"""Numbers written by hand into ``Số:      /…``: left blank unless read for sure, or confirmed by the file's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ocr import needs_tesseract

from vanban.extraction import extract_file
from vanban.extractors.file_name import number_from_file_name
from vanban.pipeline import ocr
from vanban.pipeline.ocr import OcrWord
from vanban.record import DocumentInfo

# --- The file's name ---------------------------------------------------------------

CV_C04 = DocumentInfo(doc_type="Công văn", issuer_code="C04-P6")
TTR_CAT = DocumentInfo(doc_type="Tờ trình", type_code="TTr", issuer_code="CAT(PC04)")
QD_TTG = DocumentInfo(doc_type="Quyết định", type_code="QĐ", issuer_code="TTg")
KH_DCT = DocumentInfo(doc_type="Kế hoạch", type_code="KH", issuer_code="DCT")
CV_LS = DocumentInfo(doc_type="Công văn", issuer_code="LĐLSVN-BTV")
BC_SNV = DocumentInfo(doc_type="Báo cáo", type_code="BC", issuer_code="SNV")

NAME_CASES = [
    # (path, OCR readings, what the header read, number)
    ("/inbox/2388.C04.pdf", ["23§ÿÿ"], CV_C04, "2388"),  # names a code of the symbol
    ("/inbox/to trinh 511.pdf", ["Z⁄"], TTR_CAT, "511"),  # names the type
    ("/inbox/QD932.pdf", ["Ở32"], QD_TTG, "932"),  # the type code glued to the number
    ("/inbox/cv 358_LĐ LSVN.pdf", ["4Ÿ"], CV_LS, "358"),  # "cv", and the code with its space
    ("/inbox/kh-753-khao-sat-nam-2026-20260629110301-e.pdf", ["Á$3"], KH_DCT, "753"),  # year, timestamp
    (
        "/inbox/519-TTr-CAT-PC06.pdf",
        ["422"],
        DocumentInfo(doc_type="Tờ trình", type_code="TTr", issuer_code="CAT-PC06"),
        "519",
    ),  # not PC06's 06
    ("/inbox/1_4214.signed.pdf", ["4214"], CV_C04, "4214"),  # two numbers: the one OCR also read
    # Nothing to go on: a scanner's or a system's name, dates, no name of the document.
    ("/inbox/SKM_450i25082609220.pdf", ["4ZZ"], CV_C04, None),
    ("/inbox/1774256810651.pdf", ["4Jl2"], CV_C04, None),
    ("/inbox/17.9.2025.Vv lay y kien du thao BC so ket 2021-2025.pdf", ["7"], BC_SNV, None),
    ("/inbox/3980_0001 (1).pdf", ["349", "394"], CV_C04, None),  # the name does not name it; no reading agrees
    ("/inbox/Kế hoạch CCHC 2026.pdf", ["Z"], KH_DCT, None),  # a year is not a number
    ("/inbox/Phúc đáp CV 123 và CV 456 của Bộ.pdf", ["Z"], CV_C04, None),  # two numbers, none read
]


@pytest.mark.parametrize("path, readings, info, expected", NAME_CASES)
def test_number_from_file_name(path: str, readings: list[str], info: DocumentInfo, expected: str | None) -> None:
    assert number_from_file_name(path, readings, info) == expected


# --- The slot on the OCR'd page ------------------------------------------------------


def _word(text: str, left: int, confidence: float, line: int = 3) -> OcrWord:
    return OcrWord(text, left, 400, left + 40 * len(text), 460, confidence, (2, 1, line))


def test_number_slot_between_label_and_slash() -> None:
    words = [_word("Số:", 300, 93), _word("3", 420, 87), _word("49/C04-P6", 470, 31), _word("Hà", 1500, 97)]
    slot = ocr.find_number_slot(words, page_height=3508)
    assert slot is not None and slot.text == "349" and slot.confidence == 31
    assert [w.text for w in ocr._without_slot(words, slot)] == ["Số:", "/C04-P6", "Hà"]
    # Glued to the label, and a Party form's dash.
    glued = ocr.find_number_slot([_word("Số:69đ", 300, 2), _word("/BCA-C04", 600, 91)], 3508)
    assert glued is not None and glued.text == "69đ"
    party = ocr.find_number_slot([_word("Số", 300, 93), _word("391-TTr/VTCCB-TH", 400, 92)], 3508)
    assert party is not None and party.text == "391"
    # Nothing written in; the symbol's own dash with its slash lost; a Số far down the page.
    assert ocr.find_number_slot([_word("Số:", 300, 96), _word("/BC-UBND", 420, 92)], 3508) is None
    assert ocr.find_number_slot([_word("Só:%CAT-PA05", 300, 40)], 3508) is None
    assert ocr.find_number_slot([_word("SÓC", 300, 90), _word("12/BC", 420, 90)], 3508) is None
    assert (
        ocr.find_number_slot(
            [
                OcrWord("Số:", 300, 3000, 380, 3050, 93, (9, 1, 1)),
                OcrWord("12/BC", 400, 3000, 600, 3050, 93, (9, 1, 1)),
            ],
            3508,
        )
        is None
    )


def test_printed_number_read_with_confidence_stands() -> None:
    words = [_word("Số:", 300, 93), _word("62/TTr-STP", 420, 92)]

    def no_render():
        raise AssertionError("a sure reading needs no second one")

    assert ocr.settle_number_slot(words, 3508, no_render) == (words, None)


@needs_tesseract
def test_unsure_reading_is_taken_out_with_what_was_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("VANBAN_OCR_CACHE", str(tmp_path / "cache"))
    words = [_word("Số:", 300, 93), _word("4ZZ", 420, 50), _word("/TTr-CAT-PC06", 560, 92)]
    blank = ocr._Render(bytes([255]) * (2480 * 700), 2480, 700)  # the slot shows nothing a digit model reads
    kept, readings = ocr.settle_number_slot(words, 3508, lambda: blank)
    assert [w.text for w in kept] == ["Số:", "/TTr-CAT-PC06"]
    assert readings == ["422"]  # "4ZZ" as digits: kept for the file name to confirm, never used alone


# --- Real scans (../shared/realdocs) ---------------------------------------------------


@needs_tesseract
@pytest.mark.slow
@pytest.mark.realdocs
@pytest.mark.parametrize(
    "name, symbol",
    [
        ("2388.C04.pdf", "2388/C04-P6"),  # dev gold: the number is written in blue ink
        ("QD932.pdf", "932/QĐ-TTg"),
    ],
)
def test_handwritten_number_confirmed_by_file_name(realdocs: Path, name: str, symbol: str) -> None:
    record, doc = extract_file(realdocs / "vbai" / name)
    assert doc.ocr is not None and doc.ocr.unread_number
    assert record.document.symbol == symbol
    assert any("written by hand" in w and "file name" in w for w in record.source.warnings)


@needs_tesseract
@pytest.mark.slow
@pytest.mark.realdocs
def test_handwritten_number_without_confirmation_is_left_blank(realdocs: Path) -> None:
    # "3980" written by hand, read "3 49" by the page model: once recorded as 349/C04-P6.
    record, doc = extract_file(realdocs / "vbai" / "3980_0001 (1).pdf")
    assert doc.ocr is not None and doc.ocr.unread_number
    assert record.document.number is None and record.document.symbol is None
    assert record.document.issuer_code == "C04-P6"
