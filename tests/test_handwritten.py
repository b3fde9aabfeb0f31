"""Numbers written by hand into ``Số:      /…``: left blank unless read for sure, or confirmed by the file's name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_ocr import needs_tesseract

from vanban.extraction import extract_file
from vanban.extractors.file_name import number_from_file_name
from vanban.extractors.read_date import check_read_date
from vanban.pipeline import pen_digits, slots, tesseract
from vanban.pipeline.page_image import GrayImage
from vanban.pipeline.tesseract import OcrWord
from vanban.record import Citation, DocumentInfo

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


# --- The pen-digit reader (pipeline/pen_digits.py) -------------------------------------
#
# Validated on figures it was not trained on: scikit-learn's digits split 70/30, the
# model trained on the 70 %, the held-out 30 % drawn again as pen figures of a scan
# (50–90 pixels high, turned, slanted, thinner or thicker, in blue ballpoint or black)
# and set side by side in a slot.


def _pen_figure(image, height: int, rng):
    """A digits-set image (8 × 8) drawn as a pen figure ``height`` pixels high, perturbed."""
    import numpy as np
    from PIL import Image
    from scipy import ndimage

    grey = Image.fromarray((image * 255 / 16).astype(np.uint8)).resize((height * 3 // 4, height), Image.BICUBIC)
    ink = np.pad(np.asarray(grey) >= 110, height // 4)
    ink = ndimage.rotate(ink.astype(float), rng.uniform(-10, 10), reshape=False, order=1) > 0.5
    shear = rng.uniform(-0.3, 0.1)  # pen figures lean right
    ink = ndimage.affine_transform(ink.astype(float), [[1, 0], [shear, 1]], offset=[0, -shear * len(ink) / 2]) > 0.5
    stroke = int(rng.integers(-1, 3))
    if stroke > 0:
        ink = ndimage.binary_dilation(ink, iterations=stroke)
    elif stroke < 0:
        ink = ndimage.binary_erosion(ink)
    rows, columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return ink[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1]


def _slot_image(figures: list, colour: tuple[int, int, int], rng, gaps: list[int] | None = None):
    """The figures side by side on white paper, in ``colour``, each at its own height."""
    import numpy as np
    from PIL import Image

    gaps = gaps or [int(rng.integers(4, 16)) for _ in figures]
    height = max(f.shape[0] for f in figures) + 40
    width = sum(f.shape[1] for f in figures) + sum(gaps) + 40
    canvas = np.full((height, width, 3), 255, dtype=np.uint8)
    x = 20
    for figure, gap in zip(figures, gaps):
        y = 20 + int(rng.integers(0, height - 40 - figure.shape[0] + 1))
        canvas[y : y + figure.shape[0], x : x + figure.shape[1]][figure] = colour
        x += figure.shape[1] + gap
    return Image.fromarray(canvas)


BLUE_PEN, BLACK_PEN = (40, 60, 170), (20, 20, 20)


@pytest.fixture(scope="module")
def held_out():
    """(model trained on 70 % of the digits set, the other 30 %'s images, their digits)."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    train, test, train_target, test_target = train_test_split(
        digits.images, digits.target, test_size=0.3, random_state=0, stratify=digits.target
    )
    return pen_digits.train_digit_model(train, train_target), test, test_target


def test_pen_digits_read_held_out_figures_drawn_as_pen_slots(held_out) -> None:
    import numpy as np

    model, images, digits = held_out
    rng = np.random.default_rng(1)
    right = wrong = unsure = figures = figures_right = 0
    for trial in range(200):
        picked = rng.choice(len(images), int(rng.integers(1, 4)), replace=False)
        height = int(rng.integers(50, 90))
        slot = _slot_image(
            [_pen_figure(images[i], height, rng) for i in picked], BLUE_PEN if trial % 2 else BLACK_PEN, rng
        )
        reading = pen_digits.read_pen_digits(slot, model=model)
        truth = "".join(str(digits[i]) for i in picked)
        figures += len(truth)
        figures_right += sum(a == b for a, b in zip(reading.text, truth))
        if not slots._pen_sure(reading):
            unsure += 1
        elif reading.text == truth:
            right += 1
        else:
            wrong += 1
    assert figures_right >= 0.9 * figures  # 96 % when measured
    assert right >= 0.8 * 200 and wrong <= 0.08 * (right + wrong)  # 275 / 13 / 12 of 300 when measured
    assert unsure < 0.15 * 200


def test_pen_ink_is_cut_into_figures(held_out) -> None:
    """Blue figures beside black print: the print is no figure; touching figures are split; a
    rule under them and specks are dropped."""
    import numpy as np

    model, images, digits = held_out
    rng = np.random.default_rng(7)
    two, zero = (next(i for i in range(len(digits)) if digits[i] == d) for d in (2, 0))
    figures = [_pen_figure(images[two], 60, rng), _pen_figure(images[zero], 60, rng)]
    slot = np.asarray(_slot_image(figures, BLUE_PEN, rng, gaps=[-2, 10])).copy()  # the 2 runs into the 0
    slot[-12:-9, 5:-5] = BLACK_PEN  # the issuer's rule
    slot[5:8, 5:8] = BLUE_PEN  # a speck
    slot[20:70, 0:4] = BLACK_PEN  # the printed "ngày"'s last stroke
    from PIL import Image

    reading = pen_digits.read_pen_digits(Image.fromarray(slot), model=model)
    assert reading.coloured and len(reading.digits) == 2


@pytest.mark.parametrize(
    "value, pen, others, expected",
    [
        (None, ("20", 0.21), ["", "2", "20", "20", "2"], "20"),  # 2388.C04.pdf: sure, and two readers read 20
        (None, ("17", 0.61), ["4", "1", "4", "1", "1"], None),  # 51 QĐ UB…: sure, but nobody else read 17
        (None, ("0", 0.25), ["", "1", "0"], "0"),  # agreement alone: the slot's rules then check the value
        (None, ("05", 0.06), ["05", "6", "", ""], None),  # not sure: not heard
        ("04", ("01", 0.63), ["04", "04", "04", "04"], "04"),  # the readers' value stands over the pen's
    ],
)
def test_pen_reading_stands_only_when_sure_and_read_by_another(value, pen, others, expected) -> None:
    digits = tuple(pen_digits.PenDigit(d, 1.0, pen[1]) for d in pen[0])
    assert slots._with_pen(value, pen_digits.PenReading(digits, True), others) == expected


@pytest.mark.parametrize(
    "day, month, year, signed, fits",
    [
        (5, 2, 2025, date(2025, 2, 8), True),  # 22 TTR.signed_…: signed by the Công báo on 8 February
        (8, 2, 2025, date(2025, 2, 5), False),  # a day after the file's signature
        (31, 4, 2018, None, False),  # April has 30 days
        (29, 2, 2024, None, True),
        (29, 2, None, None, True),  # the year unread: February may have 29
        (30, 2, None, None, False),
        (0, None, None, None, False),
        (23, None, None, None, True),  # the month unread: any day of a month
    ],
)
def test_day_fits_its_month_year_and_signature(day, month, year, signed, fits) -> None:
    assert slots._day_fits(day, month, year, signed) is fits


def test_month_and_year_after_the_day_slot() -> None:
    words = [
        _word(t, 1200 + 200 * i, 90)
        for i, t in enumerate(["Quảng", "Ngãi,", "ngày", "|D", "tháng", "4", "năm", "2018"])
    ]
    slot = slots.find_day_slot(words, 3508)
    assert slot is not None and slots._month_and_year(words, slot) == (4, 2018)


def test_slot_gap_runs_from_the_label_printed_end_to_the_symbol() -> None:
    """The pen reader's crop: a word box Tesseract stretched over pen figures, or glued them to,
    is measured with the line's own letter width (real boxes of SCAN0097.pdf and kh-753-….pdf)."""
    line = (4, 1, 1)

    def word(text, left, right, confidence=95):
        return OcrWord(text, left, 394, right, 462, confidence, line)

    stretched = [
        word("Hải", 1148, 1237),
        word("Dương,", 1250, 1421),
        word("ngày", 1444, 1623),
        word("|D", 1574, 1619, 84),
        word("tháng", 1646, 1779),
    ]
    slot = slots.find_day_slot(stretched, 3508)
    assert slot is not None and slot.gap[0] < 1574 and slot.gap[2] == 1646  # "ngày" is ~105 pixels, not 179
    glued = [word("Số:", 497, 559), word("Á$3/KH-DCT", 568, 863, 19)]
    slot = slots.find_number_slot(glued, 3508)
    assert slot is not None and slot.gap[0] == 559 and 640 < slot.gap[2] < 760  # the printed "/KH-DCT" measured


def test_a_body_so_is_no_number_slot() -> None:
    """3588_QD_SGK_…pdf: with the header's Số line lost, "Nghị định số 303/2025/NĐ-CP" in the body
    was taken for the slot and its number blanked."""
    words = [_word("Nghị", 300, 96), _word("định", 480, 96), _word("số", 660, 96), _word("303/2025/NĐ-CP", 760, 61)]
    assert slots.find_number_slot(words, 3508) is None


@needs_tesseract
@pytest.mark.realdocs
def test_earliest_signing_of_a_signed_scan(realdocs: Path) -> None:
    from vanban.pipeline.ocr import earliest_signing
    from vanban.pipeline.page_image import open_pdf

    signed = open_pdf(realdocs / "dev2" / "22 TTR.signed_20250510_124908.pdf")
    unsigned = open_pdf(realdocs / "dev2" / "SCAN0097.pdf")
    try:
        assert earliest_signing(signed) == date(2025, 2, 8)  # two signatures: 8 and 10 February
        assert earliest_signing(unsigned) is None
    finally:
        signed.close()
        unsigned.close()


@needs_tesseract
@pytest.mark.slow
@pytest.mark.realdocs
@pytest.mark.parametrize(
    "folder, name, symbol, issued",
    [
        ("vbai", "2388.C04.pdf", "2388/C04-P6", "2026-04-20"),  # day 20 in blue ink
        ("dev2", "22 TTR.signed_20250510_124908.pdf", "22/TTr-UBND", "2025-02-05"),  # day 05 read 0B by the page
        ("dev2", "280 BC.signed_20250219_164611.pdf", "280/BC-UBND", "2024-11-22"),
        ("dev2", "575 UB.signed_20250510_124908.pdf", "575/UBND-KTTH", "2025-02-04"),  # 575: pen reading + file name
    ],
)
def test_pen_figures_on_real_scans(realdocs: Path, folder: str, name: str, symbol: str, issued: str) -> None:
    record, _ = extract_file(realdocs / folder / name)
    assert record.document.symbol == symbol
    assert record.document.issued_date == issued


# --- A read date checked against the documents the body cites (extractors/read_date.py) ----


def _cited(symbol: str, issued_date: str) -> Citation:
    return Citation(doc_type="Công văn", symbol=symbol, issued_date=issued_date)


READ_DATE_CASES = [
    # (date as read, what the body cites, date kept) — the cited dates as the scans' bodies print them.
    # 1_4214: "ngày 16 tháng 9" written by pen, the 9 read 3; the body cites 6785/VPCP-KGVX of 21/7/2025
    # and Quyết định 7619/QĐ-BCA of 08/9/2025.
    ("2025-03", [_cited("6785/VPCP-KGVX", "2025-07-21"), _cited("7619/QĐ-BCA", "2025-09-08")], "2025"),
    # 62_0001: cites 1364/SNV-TCBC of 10/9/2025; its day 12 read 02 would put it before.
    ("2025-09-02", [_cited("1364/SNV-TCBC", "2025-09-10")], "2025-09"),
    ("2025-09-12", [_cited("1364/SNV-TCBC", "2025-09-10")], "2025-09-12"),
    # 22 TTR: dated the day after the 286/STC-HCSN it answers; QD932: the same day as 929/QĐ-TTg.
    ("2025-02-05", [_cited("286/STC-HCSN", "2025-02-04")], "2025-02-05"),
    ("2025-05-15", [_cited("929/QĐ-TTg", "2025-05-15")], "2025-05-15"),
    # kh-753: month read, day blank; cites 2637/BGDĐT-VP of 15/5/2026.
    ("2026-06", [_cited("2637/BGDĐT-VP", "2026-05-15")], "2026-06"),
    # 3980_0001: only the year read: nothing finer to check.
    ("2025", [_cited("3524/BCA-C04", "2025-08-06")], "2025"),
    # 1_4214's body misreads 08/9/2025 as 08/9/2925: a cited year past the printed year is no bound.
    ("2025-09-16", [_cited("7619/QĐ-BCA", "2925-09-08")], "2025-09-16"),
]


@pytest.mark.parametrize("read, cited, kept", READ_DATE_CASES)
def test_a_read_date_cannot_precede_what_it_cites(read: str, cited: list[Citation], kept: str) -> None:
    checked = check_read_date(read, cited)
    assert checked.issued_date == kept
    assert (checked.warning is None) == (kept == read)


@needs_tesseract
@pytest.mark.slow
@pytest.mark.realdocs
def test_a_pen_month_read_wrong_is_left_blank(realdocs: Path) -> None:
    record, _ = extract_file(realdocs / "vbai" / "1_4214.signed.pdf")
    assert record.document.issued_date in ("2025", "2025-09", "2025-09-16")
    cited = [c.issued_date for c in record.citations if c.issued_date and c.issued_date.startswith("2025")]
    assert record.document.issued_date >= max(cited)[: len(record.document.issued_date)]
