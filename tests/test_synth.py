"""The synthetic document generator: specs, real PDF/DOCX files, the committed sample corpus."""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import date
from pathlib import Path

import docx
import pdfplumber
import pypdfium2 as pdfium
import pytest
import synth

from vanban.pipeline.read import read

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"


def flat(text: str) -> str:
    """Whitespace collapsed, so wrapped lines compare with the spec's strings."""
    return re.sub(r"\s+", " ", text).strip()


# --- tables of real strings -------------------------------------------------

SYMBOLS = [  # (symbol as printed in real documents, doc type, expected parts)
    ("02/KH-UBND", "Kế hoạch", {"number": "02", "year": None, "type_code": "KH", "issuer_code": "UBND"}),
    ("45/2020/NĐ-CP", "Nghị định", {"number": "45", "year": 2020, "type_code": "NĐ", "issuer_code": "CP"}),
    ("60-NQ/TU", "Nghị quyết", {"number": "60", "year": None, "type_code": "NQ", "issuer_code": "TU"}),
    ("5743/VP-HCQT", "Công văn", {"number": "5743", "year": None, "type_code": None, "issuer_code": "VP-HCQT"}),
    ("15/2022/NQ-HĐND", "Nghị quyết", {"number": "15", "year": 2022, "type_code": "NQ", "issuer_code": "HĐND"}),
    ("2536/QĐ-UBND", "Quyết định", {"number": "2536", "year": None, "type_code": "QĐ", "issuer_code": "UBND"}),
]

DATES = [  # (date, the địa danh line's date as real documents print it, as citations print it)
    (date(2023, 1, 4), "ngày 04 tháng 01 năm 2023", "04/1/2023"),  # seed 003: Kế hoạch 02/KH-UBND
    (date(2025, 12, 12), "ngày 12 tháng 12 năm 2025", "12/12/2025"),  # QĐ 2536/QĐ-UBND Lâm Đồng
    (date(2025, 11, 5), "ngày 05 tháng 11 năm 2025", "05/11/2025"),  # Báo cáo 181/BC-SNV Lâm Đồng
    (date(2020, 4, 8), "ngày 08 tháng 4 năm 2020", "08/4/2020"),  # Nghị định 45/2020/NĐ-CP
]


@pytest.mark.parametrize("symbol, doc_type, parts", SYMBOLS)
def test_split_symbol(symbol, doc_type, parts):
    assert synth.split_symbol(symbol, doc_type) == parts


@pytest.mark.parametrize("day, long, short", DATES)
def test_dates_printed_like_real_documents(day, long, short):
    assert synth.long_date(day) == long
    assert synth.short_date(day) == short


# --- the random builder -----------------------------------------------------


def test_random_spec_is_deterministic_and_varied():
    specs = [synth.random_spec(random.Random(i), i) for i in range(160)]
    again = [synth.random_spec(random.Random(i), i) for i in range(160)]
    assert [synth.render_txt(s) for s in specs] == [synth.render_txt(s) for s in again]
    assert {s.doc_type for s in specs} == set(synth.DOC_TYPES)
    provinces = {s.place for s in specs}
    assert provinces & {p.name for p in synth.PROVINCES_OLD} - {p.name for p in synth.PROVINCES_2025}
    assert {s.issued >= synth.MERGER_DATE for s in specs} == {True, False}  # both eras
    for spec in specs:  # a merged-away province never issues after 1 July 2025, nor a new one before
        era = synth.PROVINCES_2025 if spec.issued >= synth.MERGER_DATE else synth.PROVINCES_OLD
        assert spec.place in {p.name for p in era}
    symbols = {s.symbol for s in specs}
    assert any(re.fullmatch(r"\d+-NQ/TU", s) for s in symbols)
    assert any(re.fullmatch(r"\d+/\d{4}/NQ-HĐND", s) for s in symbols)
    assert any(re.fullmatch(r"\d+/VP-[A-Z]+", s) for s in symbols)
    deadlines = {d["deadline"] or d["recurrence"] for s in specs for d in synth.expected_record(s)["duties"]}
    assert any(re.fullmatch(r"\d{4}-\d\d-\d\d", d or "") for d in deadlines)
    assert any(re.fullmatch(r"Quý [IV]+/\d{4}", d or "") for d in deadlines)
    assert any(d and d.lower() == "hằng tháng" for d in deadlines)


def test_citations_form_a_graph_within_a_cluster():
    specs = [synth.random_spec(random.Random(i), i) for i in range(synth.CLUSTER)]
    own = {s.symbol for s in specs}
    cited = {c["symbol"] for s in specs for c in synth.expected_record(s)["citations"]}
    assert cited & own, "documents cite earlier documents of their cluster"
    assert cited - own - set(synth.REAL_BASES), "and local documents outside the corpus"
    assert cited & set(synth.REAL_BASES)
    for spec in specs:
        for cite in spec.preamble + spec.references:
            assert cite.issued is None or cite.issued < spec.issued


def test_expected_record_of_a_draft_keeps_codes_not_number():
    spec = synth.random_spec(random.Random(5), 2, doc_type="Quyết định", kind="ubnd", draft=True)
    document = synth.expected_record(spec)["document"]
    assert document["symbol"] is None and document["number"] is None
    assert (document["type_code"], document["issuer_code"]) == ("QĐ", "UBND")
    assert re.fullmatch(r"\d{4}-\d\d", document["issued_date"])
    assert synth.printed_symbol(spec) == "Số:        /QĐ-UBND"
    assert re.search(r"ngày +tháng", synth.printed_date(spec))


# --- rendered files -----------------------------------------------------------


@pytest.fixture(scope="module")
def plan() -> synth.DocSpec:
    return synth.random_spec(random.Random(7), 9, doc_type="Kế hoạch", kind="ubnd", appendix=True)


@pytest.fixture(scope="module")
def letter() -> synth.DocSpec:
    return synth.random_spec(random.Random(3), 37, doc_type="Công văn", kind="so")


@pytest.fixture(scope="module")
def plan_pdf(plan, tmp_path_factory) -> Path:
    return synth.render_pdf(plan, tmp_path_factory.mktemp("synth") / "plan.pdf")


@pytest.fixture(scope="module")
def plan_docx(plan, tmp_path_factory) -> Path:
    return synth.render_docx(plan, tmp_path_factory.mktemp("synth") / "plan.docx")


def expected_strings(spec: synth.DocSpec) -> list[str]:
    return [
        synth.printed_symbol(spec),
        synth.printed_date(spec),
        spec.subject,
        spec.signer.name,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "TỔ CHỨC THỰC HIỆN",
        *spec.issuer_lines,
        *(d.agency for d in spec.duties),
    ]


def test_pdf_has_a_vietnamese_text_layer(plan, plan_pdf):
    pdf = pdfium.PdfDocument(str(plan_pdf))
    assert len(pdf) >= 2, "a Kế hoạch runs over several pages"
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert unicodedata.is_normalized("NFC", text)
    body = flat(text)
    for expected in expected_strings(plan):
        assert flat(expected) in body


def test_pdf_header_columns_sit_where_real_ones_do(plan, plan_pdf):
    with pdfplumber.open(plan_pdf) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        width = float(page.width)

    def centre_of(line: str) -> float:
        first, last = line.split()[0], line.split()[-1]
        top = next(w["top"] for w in words if w["text"] == first)
        row = [w for w in words if abs(w["top"] - top) < 2]
        start = next(i for i, w in enumerate(row) if w["text"] == first)
        end = next(i for i in range(start, len(row)) if row[i]["text"] == last)
        return (row[start]["x0"] + row[end]["x1"]) / 2

    assert centre_of(plan.issuer_lines[-1]) == pytest.approx(0.25 * width, abs=0.03 * width)
    assert centre_of(synth.printed_symbol(plan)) == pytest.approx(0.25 * width, abs=0.03 * width)
    assert centre_of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == pytest.approx(0.65 * width, abs=0.03 * width)
    assert centre_of("Độc lập - Tự do - Hạnh phúc") == pytest.approx(0.65 * width, abs=0.03 * width)


def test_pdf_appendix_is_a_ruled_table(plan, plan_pdf):
    with pdfplumber.open(plan_pdf) as pdf:
        tables = [t.extract() for t in pdf.pages[-1].find_tables()]
    assert len(tables) == 1
    rows = [[flat(cell or "") for cell in row] for row in tables[0]]
    assert rows[0] == synth.APPENDIX_COLUMNS
    assert len(rows) == len(plan.appendix) + 1
    assert [r[1] for r in rows[1:]] == [row.task for row in plan.appendix]
    assert [r[2] for r in rows[1:]] == [row.lead for row in plan.appendix]


def test_docx_has_header_table_and_appendix_table(plan, plan_docx):
    document = docx.Document(str(plan_docx))
    header = document.tables[0].rows[0].cells
    assert header[0].text.splitlines() == plan.issuer_lines + [synth.printed_symbol(plan)]
    assert header[1].text.splitlines() == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        synth.printed_date(plan),
    ]
    appendix = document.tables[-1]
    assert [c.text for c in appendix.rows[0].cells] == synth.APPENDIX_COLUMNS
    assert len(appendix.rows) == len(plan.appendix) + 1
    assert document.styles["Normal"].font.name == "Times New Roman"
    text = "\n".join(p.text for p in document.paragraphs)
    assert unicodedata.is_normalized("NFC", text)
    assert plan.subject in text and "III. TỔ CHỨC THỰC HIỆN" in text


def test_letter_has_vv_and_kinh_gui(letter, tmp_path):
    assert letter.type_heading is None and letter.kinh_gui
    path = synth.render_pdf(letter, tmp_path / "letter.pdf")
    text = flat("\n".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(str(path))))
    assert flat(f"V/v {letter.subject}") in text
    assert "Kính gửi:" in text and all(flat(k) in text for k in letter.kinh_gui)
    record = synth.expected_record(letter)
    assert record["document"]["type_code"] is None
    assert set(letter.kinh_gui) <= set(record["recipients"])
    assert not any(r.startswith(("Như ", "Lưu")) for r in record["recipients"])


def test_txt_puts_left_column_before_right(plan):
    lines = synth.render_txt(plan).splitlines()
    left = plan.issuer_lines + [synth.printed_symbol(plan)]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", synth.printed_date(plan)]
    assert lines[: len(left) + len(right)] == left + right


def test_renderings_are_byte_stable(plan, tmp_path):
    for ext in ("pdf", "docx"):
        one = synth.render(plan, tmp_path / f"one.{ext}").read_bytes()
        two = synth.render(plan, tmp_path / f"two.{ext}").read_bytes()
        assert one == two, ext


# --- the committed sample corpus --------------------------------------------


def test_corpus_specs_cover_the_required_shapes():
    specs = synth.corpus_specs()
    names = [name for name, _ in specs]
    assert any(n.endswith(".pdf") for n in names) and any(n.endswith(".docx") for n in names)
    assert any(s.doc_type == "Kế hoạch" and s.appendix and s.duty_heading and n.endswith(".pdf") for n, s in specs)
    assert any(s.doc_type == "Công văn" and s.kinh_gui for _, s in specs)
    assert any(s.draft for _, s in specs)
    own = {s.symbol for _, s in specs}
    cited = {c.symbol for _, s in specs for c in s.preamble + s.references}
    assert cited & own and cited - own
    assert {"76/NQ-CP", "45/2020/NĐ-CP", "30/2020/NĐ-CP"} & cited


def test_committed_corpus_is_current(tmp_path):
    """corpus/ holds exactly what scripts/make_corpus.py renders now (run it after changing synth)."""
    for name, spec in synth.corpus_specs():
        committed = CORPUS / name
        assert committed.exists(), f"{name} missing: run python scripts/make_corpus.py"
        fresh = synth.render(spec, tmp_path / name)
        assert committed.read_bytes() == fresh.read_bytes(), f"{name} is stale: run python scripts/make_corpus.py"
    assert sum(p.stat().st_size for p in CORPUS.iterdir()) < 2_000_000


# --- round trip through the readers --------------------------------------------


@pytest.mark.parametrize("ext", ["pdf", "docx"])
def test_reader_round_trip_header_columns(plan, letter, ext, tmp_path):
    for spec in (plan, letter):
        doc = read(synth.render(spec, tmp_path / f"doc.{ext}"))
        columns = synth.layout(spec)[0]
        left = " ".join(line.text for line in columns.left)
        right = " ".join(line.text for line in columns.right)
        assert flat(doc.header) == flat(f"{left} {right}"), "left column, then right, never interleaved"
        assert flat(spec.subject) in flat(doc.text)
        if spec.appendix:
            assert any(flat(" ".join(t.rows[0])) == " ".join(synth.APPENDIX_COLUMNS) for t in doc.tables)
