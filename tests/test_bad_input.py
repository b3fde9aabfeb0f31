"""Files that cannot be read: each gives one ReadError with a reason a clerk can act on.

Every bad file is made here in tmp_path: hand-built PDFs (encrypted, no pages),
truncated copies of real documents, renamed or mis-encoded files.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from vanban.errors import ReadError
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
    path = realdocs / "vbai" / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


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
