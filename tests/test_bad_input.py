"""Files that cannot be read: each gives one ReadError with a reason a clerk can act on.

Every bad file is made here in tmp_path: hand-built PDFs (encrypted, no pages, a
page too large to render, a blank scan), truncated copies of real documents,
renamed or mis-encoded files, a FIFO and a socket, a zip bomb. Text in the legacy
Vietnamese encodings and in UTF-16 without a BOM is read, with a warning.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import threading
import unicodedata
import zipfile
import zlib
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from conftest import shared_path

from vanban.errors import ReadError
from vanban.pipeline import legacy, legacy_tables
from vanban.pipeline.limits import MAX_TEXT_FILE_BYTES
from vanban.pipeline.read import read


def minimal_pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF from object bodies (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def encrypted_pdf() -> bytes:
    """A PDF under the Standard security handler whose user password is not empty."""
    return minimal_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>",
        ],
        trailer_extra=b"/Encrypt 4 0 R /ID [<" + b"ab" * 16 + b"> <" + b"ab" * 16 + b">] ",
    )


def zero_page_pdf() -> bytes:
    return minimal_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def blank_pdf(path: Path) -> None:
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    pdf.save(str(path))


def real_file(realdocs: Path, name: str) -> Path:
    return shared_path("realdocs", "vbai", name)


GOOD_TXT = "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\nSố: 02/KH-UBND\n\nKẾ HOẠCH\nCải cách hành chính tỉnh Lạng Sơn năm 2023\n"


def make_bad_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name → (file, a phrase its ReadError reason must contain)."""
    files: dict[str, tuple[Path, str]] = {}

    def put(name: str, data: bytes, expect: str) -> None:
        path = tmp / name
        path.write_bytes(data)
        files[name] = (path, expect)

    put("empty.pdf", b"", "empty file")
    put("empty.docx", b"", "empty file")
    put("encrypted.pdf", encrypted_pdf(), "encrypted")
    put("zero-pages.pdf", zero_page_pdf(), "no pages")
    put("garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 20, "damaged")
    put("not-a-pdf.pdf", b"<html><body>404 Not Found</body></html>", "not a PDF")
    put("report.xlsx", b"PK\x03\x04 whatever", "unsupported file type")
    put("README", b"plain words", "unsupported file type")
    put("word97.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "named .docx")
    put("zipped.doc", b"PK\x03\x04" + b"\0" * 100, "named .doc")
    put("notword.docx", b"PK\x03\x04" + b"\0" * 100, "Word document")
    put(
        "latin1.txt",
        "Quyết định số 12/QĐ-UBND của Ủy ban".encode().decode("utf-8").encode("cp1258", errors="replace"),
        "not UTF-8 text",
    )
    put("binary.txt", b"\x00\x01\x02\x03ELF\x7f" * 50, "binary")

    zip_path = tmp / "no-document.docx"
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.writestr("hello.txt", "not a Word package")
    files["no-document.docx"] = (zip_path, "Word document")

    blank = tmp / "blank.pdf"
    blank_pdf(blank)
    files["blank.pdf"] = (blank, "no text")

    directory = tmp / "folder.pdf"
    directory.mkdir()
    files["folder.pdf"] = (directory, "directory")
    files["missing.pdf"] = (tmp / "missing.pdf", "no such file")
    return files


BAD_NAMES = [
    "empty.pdf",
    "empty.docx",
    "encrypted.pdf",
    "zero-pages.pdf",
    "garbage.pdf",
    "not-a-pdf.pdf",
    "report.xlsx",
    "README",
    "word97.docx",
    "zipped.doc",
    "notword.docx",
    "latin1.txt",
    "binary.txt",
    "no-document.docx",
    "blank.pdf",
    "folder.pdf",
    "missing.pdf",
]


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    return make_bad_files(tmp_path_factory.mktemp("bad"))


@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_file_gives_read_error(bad_files, name: str) -> None:
    path, expect = bad_files[name]
    with pytest.raises(ReadError) as caught:
        read(path)
    assert expect.lower() in caught.value.reason.lower(), caught.value.reason
    assert "\n" not in caught.value.reason


@pytest.mark.realdocs
@pytest.mark.parametrize("keep", [3000, 60_000])
def test_truncated_real_pdf(realdocs: Path, tmp_path: Path, keep: int) -> None:
    """Cut before pdfium can rebuild the page tree: a clear ReadError."""
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(real_file(realdocs, "sở Y tế.pdf").read_bytes()[:keep])
    with pytest.raises(ReadError) as caught:
        read(truncated)
    assert "damaged or truncated" in caught.value.reason


@pytest.mark.realdocs
def test_truncated_real_pdf_recovered(realdocs: Path, tmp_path: Path) -> None:
    """Cut after the page content: pdfium recovers the text; the reader warns it may be incomplete."""
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(real_file(realdocs, "sở Y tế.pdf").read_bytes()[:500_000])
    doc = read(truncated)
    assert any("truncated" in warning for warning in doc.warnings)


@pytest.mark.realdocs
def test_truncated_real_docx(realdocs: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(real_file(realdocs, "Văn bản của Sở Nội vụ.docx").read_bytes()[:4000])
    with pytest.raises(ReadError) as caught:
        read(truncated)
    assert "Word document" in caught.value.reason


@pytest.mark.realdocs
def test_damaged_doc(realdocs: Path, tmp_path: Path) -> None:
    """An OLE2 file that is not a Word document: LibreOffice refuses it, we say so."""
    damaged = tmp_path / "damaged.doc"
    damaged.write_bytes(real_file(realdocs, "CVVP_phucdapTT182SDTTG.doc").read_bytes()[:2048])
    with pytest.raises(ReadError) as caught:
        read(damaged)
    assert "LibreOffice" in caught.value.reason or "cannot read" in caught.value.reason


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban", *args], capture_output=True, text=True, timeout=300)


def test_cli_text_bad_file_is_one_line(bad_files) -> None:
    path, expect = bad_files["encrypted.pdf"]
    result = run_cli("text", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and expect in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_extract_good_and_bad(tmp_path: Path, bad_files) -> None:
    """`vanban extract good bad`: the good record on stdout, one line on stderr, exit 1."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TXT, encoding="utf-8")
    result = run_cli("extract", str(good), str(bad_files["encrypted.pdf"][0]))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1 and '"source"' in result.stdout
    assert result.stderr.count("\n") == 1 and "encrypted" in result.stderr


# --- files that are not regular files, and files past a limit ---------------------------------------


def read_in_thread(path: Path, unblock=None, wait: float = 30.0):
    """``read(path)`` in a thread: its ReadError, or a test failure if it blocks (``unblock`` then frees it)."""
    outcome: list[BaseException | object] = []

    def run() -> None:
        try:
            outcome.append(read(path))
        except BaseException as exc:  # noqa: BLE001  (handed to the test)
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(wait)
    if thread.is_alive():
        if unblock is not None:
            unblock()
        pytest.fail(f"read({path.name}) blocked")
    return outcome[0]


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "b.pdf"
    os.mkfifo(fifo)
    caught = read_in_thread(fifo, unblock=lambda: open(fifo, "wb").close())
    assert isinstance(caught, ReadError) and "named pipe (FIFO)" in caught.reason, caught


def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(path))
        caught = read_in_thread(path)
    assert isinstance(caught, ReadError) and "socket" in caught.reason, caught


@pytest.mark.parametrize(("name", "kind"), [("huge.txt", "text file"), ("huge.html", "web page")])
def test_text_file_over_the_size_limit(tmp_path: Path, name: str, kind: str) -> None:
    path = tmp_path / name
    with open(path, "wb") as fh:
        fh.write(b"<p>" if name.endswith(".html") else b"Kinh gui")
        fh.truncate(MAX_TEXT_FILE_BYTES + 1)  # sparse: instant to make, refused before it is read
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.reason.startswith(f"{kind} of ") and "20 MB limit" in caught.value.reason


def docx_with_body(path: Path, element: bytes, repeat: int) -> Path:
    """A real python-docx package whose body holds ``element`` ``repeat`` times (streamed: small on disk)."""
    base = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Kính gửi: Sở Nội vụ")
    document.save(base)
    source = zipfile.ZipFile(io.BytesIO(base.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, source.read(item))
                continue
            head, tail = source.read(item).split(b"<w:body>")
            with out.open("word/document.xml", "w", force_zip64=True) as fh:
                fh.write(head + b"<w:body>")
                block = element * 10_000
                for _ in range(repeat // 10_000):
                    fh.write(block)
                fh.write(tail)
    return path


def zip_bomb_docx(path: Path) -> Path:
    """A ~200 KB DOCX whose document.xml expands to 114 MB of empty paragraphs."""
    return docx_with_body(path, b"<w:p/>", 20_000_000)


def test_zip_bomb_docx_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = zip_bomb_docx(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 1024**2
    with pytest.raises(ReadError) as caught:
        read(bomb)
    assert "word/document.xml expands to 114 MB" in caught.value.reason and "zip bomb" in caught.value.reason


def huge_page_pdf() -> bytes:
    """A 660-byte PDF: one 14,400 × 14,400 pt page drawn by a 1-pixel image, so it is sent to OCR."""
    return minimal_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R"
            b" /Resources << /XObject << /Im1 5 0 R >> >> >>",
            b"<< /Length 35 >>\nstream\nq 14400 0 0 14400 0 0 cm /Im1 Do Q\nendstream",
            b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray"
            b" /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream",
        ]
    )


def blank_scan_pdf() -> bytes:
    """An A4 page holding only a white image: a scan on which OCR finds no word."""
    width, height = 200, 283
    image = zlib.compress(b"\xff" * (width * height))
    return minimal_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /XObject << /Im1 5 0 R >> >> >>",
            b"<< /Length 31 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream",
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8"
            b" /Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, len(image)) + image + b"\nendstream",
        ]
    )


needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")


@needs_tesseract
def test_page_too_large_to_ocr_is_refused_before_rendering(tmp_path: Path) -> None:
    path = tmp_path / "huge-page.pdf"
    path.write_bytes(huge_page_pdf())
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.reason.startswith("page of 14400×14400 pt is too large to OCR")


@needs_tesseract
def test_empty_ocr_gives_a_document_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "blank-scan.pdf"
    path.write_bytes(blank_scan_pdf())
    doc = read(path)
    assert doc.ocr is not None and not doc.text.strip()
    assert doc.warnings == ["no text: OCR found no words on the scanned pages"]


# --- text in other encodings -----------------------------------------------------------------------

# Lines as Word files typed in the legacy fonts show them in any Western code page, with what they say.
LEGACY_LINES = [
    ("TCVN3 (ABC)", "Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("TCVN3 (ABC)", "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("TCVN3 (ABC)", "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("TCVN3 (ABC)", "KÕ HO¹CH", "KẾ HOẠCH"),
    ("TCVN3 (ABC)", "L¹ng S¬n, ngµy 05 th¸ng 01 n¨m 2023", "Lạng Sơn, ngày 05 tháng 01 năm 2023"),
    ("VNI-Windows", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("VNI-Windows", "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("VNI-Windows", "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("VNI-Windows", "UÛY BAN NHAÂN DAÂN TÆNH LAÏNG SÔN", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"),
    (
        "VNI-Windows",
        "Giao Sôû Noäi vuï chuû trì, phoái hôïp vôùi caùc sôû",
        "Giao Sở Nội vụ chủ trì, phối hợp với các sở",
    ),
]


@pytest.mark.parametrize(("encoding", "shown", "meant"), LEGACY_LINES)
def test_legacy_vietnamese_line(encoding: str, shown: str, meant: str) -> None:
    decoded = legacy.decode(shown.encode("cp1252"))
    assert decoded is not None and (decoded.encoding, decoded.text) == (encoding, meant)


@pytest.mark.parametrize(
    "text",
    [
        "Größe und Übermaß: für die Straße gemäß der Verordnung",  # German in Latin-1
        "Les élèves étudient à l'école près de la forêt",  # French in Latin-1
    ],
)
def test_western_text_is_not_taken_for_legacy_vietnamese(tmp_path: Path, text: str) -> None:
    path = tmp_path / "western.txt"
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(ReadError) as caught:
        read(path)
    assert "not UTF-8 text" in caught.value.reason


def to_tcvn3(text: str) -> bytes:
    """``text`` typed in .VnTime and saved as text: TCVN3 codes; a marked capital (only in the capitals
    font .VnTimeH) gets its small letter's code."""
    codes = {letter: code for code, letter in legacy_tables.TCVN3.items() if letter.islower() or code <= 0xA7}
    out = bytearray()
    for char in text:
        code = codes.get(char, codes.get(char.lower()))
        out += bytes([code]) if code is not None else char.encode("cp1252", errors="replace")
    return bytes(out)


def to_vni(text: str) -> bytes:
    """``text`` typed in VNI-Times and saved as text: base letters followed by VNI's mark characters."""
    letters = {letter: code for code, letter in legacy_tables.VNI_LETTERS.items()}
    marks = {
        (unicodedata.normalize("NFD", "a" + mark)[1:], code.isupper()): code
        for code, mark in legacy_tables.VNI_MARKS.items()
    }
    out = []
    for char in text:
        if char in letters:
            out.append(letters[char])
            continue
        base, *rest = unicodedata.normalize("NFD", char)
        rest = "".join(rest)
        if rest.startswith("\u031b"):  # the horn letters ơ, ư are one VNI character
            base, rest = letters[unicodedata.normalize("NFC", base + "\u031b")], rest[1:]
        if rest and unicodedata.normalize("NFC", base + rest) in letters:  # ỉ ĩ ị ỵ: one character too
            out.append(letters[unicodedata.normalize("NFC", base + rest)])
            continue
        if base in "iI" and rest in ("\u0301", "\u0300"):  # í ì: the Windows-1252 characters themselves
            out.append(char)
            continue
        out.append(base + (marks[(rest, base.isupper())] if rest else ""))
    return "".join(out).encode("cp1252", errors="replace")


def test_seed_texts_come_back_from_tcvn3_and_vni(seeds: Path, tmp_path: Path) -> None:
    """Every seed text, saved in TCVN3 and in VNI, reads back as itself (TCVN3 loses only which marked
    letters were capitals outside all-capitals words)."""
    for seed in sorted(seeds.glob("*.txt")):
        text = typable_in_legacy_fonts(unicodedata.normalize("NFC", seed.read_text(encoding="utf-8")))
        for name, encode, same in (("TCVN3 (ABC)", to_tcvn3, str.casefold), ("VNI-Windows", to_vni, str)):
            path = tmp_path / f"{seed.stem}.txt"
            path.write_bytes(encode(text))
            doc = read(path)
            assert doc.warnings[:1] == [f"text in the legacy {name} encoding, converted to Unicode: check its accents"]
            expected = read_text_of(text, tmp_path)
            assert same(doc.text) == same(expected), (seed.name, name)


def typable_in_legacy_fonts(text: str) -> str:
    """``text`` without what a .VnTime or VNI-Times font has no room for (footnote marks such as ``¹``)."""
    return "".join(c for c in text if c.isascii() or c in legacy.VIETNAMESE_LETTERS or c in "“”‘’–—…")


def read_text_of(text: str, tmp_path: Path) -> str:
    """What the reader makes of ``text`` saved as UTF-8 (the same header split and normalisation)."""
    path = tmp_path / "utf8.txt"
    path.write_text(text, encoding="utf-8")
    return read(path).text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(GOOD_TXT.encode(encoding))
    doc = read(path)
    assert doc.text.startswith("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN") and doc.warnings == []


ENGLISH_TXT = (
    "MINISTRY OF FINANCE\nNo. 12/2024/TT-BTC\n\nCIRCULAR\nGuiding the management of public assets in state "
    "agencies.\nPursuant to the Law on Management and Use of Public Assets, the Minister of Finance issues "
    "this Circular guiding the procedures for the disposal of public assets.\n"
)


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        (ENGLISH_TXT, "the text does not look Vietnamese (0 of 43 words have Vietnamese letters)"),
        (
            "BO GIAO DUC VA DAO TAO\nCONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\n" * 3,
            "does not look",
        ),
        (GOOD_TXT, None),
        (GOOD_TXT + ENGLISH_TXT, None),  # Vietnamese with an English passage is Vietnamese
    ],
)
def test_language_warning(tmp_path: Path, text: str, warning: str | None) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    warnings = read(path).warnings
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warning in warnings[0]
