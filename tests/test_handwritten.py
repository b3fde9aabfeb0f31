"""Numbers written by hand into ``Số:      /…``: left blank unless read for sure, or confirmed by the file's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ocr import needs_tesseract

from vanban.extraction import extract_file
from vanban.extractors.file_name import number_from_file_name
from vanban.pipeline import slots, tesseract
from vanban.pipeline.page_image import GrayImage
from vanban.pipeline.tesseract import OcrWord
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
    slot = slots.find_number_slot(words, page_height=3508)
    assert slot is not None and slot.text == "349" and slot.confidence == 31
    assert [w.text for w in slots.with_slot_text(words, slot, "")] == ["Số:", "/C04-P6", "Hà"]
    assert [w.text for w in slots.with_slot_text(words, slot, "349")] == ["Số:", "349", "/C04-P6", "Hà"]
    # Glued to the label, and a Party form's dash.
    glued = slots.find_number_slot([_word("Số:69đ", 300, 2), _word("/BCA-C04", 600, 91)], 3508)
    assert glued is not None and glued.text == "69đ"
    party = slots.find_number_slot([_word("Số", 300, 93), _word("391-TTr/VTCCB-TH", 400, 92)], 3508)
    assert party is not None and party.text == "391"
    # Nothing read in: the gap between the label and the slash, for its ink to be looked at.
    empty = slots.find_number_slot([_word("Số:", 300, 96), _word("/BC-UBND", 620, 92)], 3508)
    assert empty is not None and empty.text == "" and empty.box[0] == 420 and empty.box[2] == 620
    # The symbol's own dash with its slash lost; a Số far down the page.
    assert slots.find_number_slot([_word("Só:%CAT-PA05", 300, 40)], 3508) is None
    assert slots.find_number_slot([_word("SÓC", 300, 90), _word("12/BC", 420, 90)], 3508) is None
    assert (
        slots.find_number_slot(
            [
                OcrWord("Số:", 300, 3000, 380, 3050, 93, (9, 1, 1)),
                OcrWord("12/BC", 400, 3000, 600, 3050, 93, (9, 1, 1)),
            ],
            3508,
        )
        is None
    )


DAY_CASES = [
    # (words of the date line, the day slot as read, the words with the slot left blank)
    (["Quảng", "Ngãi,", "ngày4†tháng", "01"], "4†", ["Quảng", "Ngãi,", "ngày", "tháng", "01"]),
    (["Hà", "Nội,", "ngày", "04tháng", "02"], "04", ["Hà", "Nội,", "ngày", "tháng", "02"]),
    (["Lâm", "Đồng,", "ngày,#8", "tháng", "12"], ",#8", ["Lâm", "Đồng,", "ngày", "tháng", "12"]),
    (["Hải", "Dương,", "ngày", "|D", "thóng", "01"], "|D", ["Hải", "Dương,", "ngày", "thóng", "01"]),
]


@pytest.mark.parametrize("line, read, blank", DAY_CASES)
def test_day_slot_between_ngay_and_thang(line: list[str], read: str, blank: list[str]) -> None:
    words = [_word(text, 1200 + 200 * i, 60) for i, text in enumerate(line)]
    slot = slots.find_day_slot(words, 3508)
    assert slot is not None and slot.text == read
    assert [w.text for w in slots.with_slot_text(words, slot, "")] == blank
    with_day = slots.with_slot_text(words, slot, "17")
    assert [w.text for w in with_day] == blank[: blank.index("ngày") + 1] + ["17"] + blank[blank.index("ngày") + 1 :]


@pytest.mark.parametrize(
    "reading, readings, seen, value",
    [
        ("", ["660", "660", "660", "60"], 3, "660"),  # 660TBUB.signed_…: three readers read the pen figures alike
        ("422", ["", "422", "", ""], 3, "422"),  # the page model and the digit model's word agree
        ("", ["1", "4", "1", "1"], 2, None),  # 51 QĐ UB.signed_…: "1" of a 17 the page saw as two figures
        ("", ["95", "95", "86", "86"], 3, None),  # 5689_BCA-C04.pdf: two against two
        ("349", ["394", "", "", ""], 3, None),  # 3980_0001 (1).pdf: no two alike
    ],
)
def test_slot_value_stands_when_readers_agree(reading: str, readings: list[str], seen: int, value: str | None) -> None:
    assert slots._settled(reading, readings, seen) == value


def test_blank_slots_without_ink_are_left_alone() -> None:
    """A draft's "Số:      /KH-UBND" and "ngày    tháng": blank on the page, nothing to read."""
    words = [_word("Số:", 300, 96), _word("/KH-UBND", 620, 92), _word("ngày", 1300, 95), _word("tháng", 1600, 95)]
    runs = tesseract.tesseract_runs
    assert slots.settle_number_slot(words, BLANK_PAGE) == (words, None)
    assert slots.settle_day_slot(words, BLANK_PAGE) == words
    assert tesseract.tesseract_runs == runs


# A page-1 bitmap that shows nothing a digit model reads.
BLANK_PAGE = GrayImage(bytes([255]) * (2480 * 3508), 2480, 3508)


def test_printed_number_read_with_confidence_stands() -> None:
    words = [_word("Số:", 300, 93), _word("62/TTr-STP", 420, 92)]
    runs = tesseract.tesseract_runs
    assert slots.settle_number_slot(words, BLANK_PAGE) == (words, None)
    assert tesseract.tesseract_runs == runs  # a sure reading needs no second one


@needs_tesseract
def test_unsure_reading_is_taken_out_with_what_was_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("VANBAN_OCR_CACHE", str(tmp_path / "cache"))
    words = [_word("Số:", 300, 93), _word("4ZZ", 420, 50), _word("/TTr-CAT-PC06", 560, 92)]
    kept, readings = slots.settle_number_slot(words, BLANK_PAGE)
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
