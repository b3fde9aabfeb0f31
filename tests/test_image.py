"""Scanned images in the inbox: .png, .jpg and multi-page .tif read and OCR'd like a scanned PDF."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from test_ocr import FONT, _scanned_pdf, needs_tesseract

from vanban.errors import ReadError
from vanban.extraction import extract_file
from vanban.intake import SUPPORTED_EXTENSIONS, iter_files
from vanban.pipeline.read import EXTENSIONS, read

pytestmark = [needs_tesseract, pytest.mark.slow]


@pytest.fixture(scope="module")
def page_image(tmp_path_factory):
    """Page 1 of a scanned Quyết định as a clerk's scanner saves it: gray, 200 dpi."""
    if not FONT.exists():
        pytest.skip("DejaVu fonts not installed")
    folder = tmp_path_factory.mktemp("images")
    pdf = pdfium.PdfDocument(str(_scanned_pdf(folder / "scan.pdf")))
    image = pdf[0].render(scale=200 / 72).to_pil().convert("L")
    pdf.close()
    return image


@pytest.fixture
def ocr_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("VANBAN_OCR_CACHE", str(tmp_path / "ocr-cache"))


@pytest.mark.parametrize(
    "name, save, pages",
    [
        ("2471-QD.png", {"dpi": (200, 200)}, 1),
        ("2471-QD.jpg", {"quality": 90}, 1),  # no DPI recorded: the page is taken as A4 wide
        ("2471-QD.tif", {"dpi": (200, 200), "compression": "tiff_lzw", "pages": 2}, 2),
        ("2471-QD.TIFF", {"compression": "group4", "mode": "1"}, 1),  # a fax-style black-and-white scan
    ],
)
def test_scanned_image_gives_the_record_of_the_scan(tmp_path, page_image, ocr_cache, name, save, pages):
    save = dict(save)
    image = page_image.convert(save.pop("mode", "L"))
    path = tmp_path / name
    extra = [image] * (save.pop("pages", 1) - 1)
    image.save(path, save_all=bool(extra), append_images=extra, **save)
    record, doc = extract_file(path)
    assert (record.source.format, record.source.pages, record.source.ocr) == ("image", pages, True)
    assert record.source.ocr_confidence > 80
    assert (record.document.doc_type, record.document.symbol) == ("Quyết định", "2471/QĐ-UBND")
    assert record.document.issued_date == "2025-10-14"
    assert "cải cách hành chính" in doc.text


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("scan.png", b"%PDF-1.4 not an image", "not a JPEG, PNG or TIFF image"),
        ("scan.jpg", b"", "empty file"),
        ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "image"),  # cut off after its header
        ("scan.tif", b"II*\x00\x08\x00\x00\x00\xff\xff", "image"),
    ],
)
def test_a_bad_image_is_one_clear_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError) as caught:
        read(path)
    assert reason in caught.value.reason and "Traceback" not in caught.value.reason


def test_one_list_of_extensions_for_readers_ingest_and_inbox(tmp_path):
    assert SUPPORTED_EXTENSIONS == set(EXTENSIONS)
    for name in ("a.jpg", "b.JPEG", "c.png", "d.tif", "e.tiff", "f.pdf", "g.gif"):
        (tmp_path / name).write_bytes(b"x")
    assert sorted(p.name for p in iter_files([tmp_path])) == ["a.jpg", "b.JPEG", "c.png", "d.tif", "e.tiff", "f.pdf"]


def test_unsupported_type_names_images(tmp_path):
    path = Path(tmp_path / "scan.gif")
    path.write_bytes(b"GIF89a")
    with pytest.raises(ReadError, match=r"scanned images \(\.jpg, \.png, \.tif\)"):
        read(path)


def test_inbox_takes_a_scanned_image(tmp_path, page_image, ocr_cache):
    """A clerk drops a phone-scanner PNG into the inbox: it is stored, archived, and the log line names it."""
    import subprocess
    import sys

    from vanban.store import open_db

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    page_image.save(inbox / "QD 2471.png", dpi=(200, 200))
    db_path = tmp_path / "vanban.db"
    done = subprocess.run(
        [sys.executable, "-m", "vanban", "watch", str(inbox), "--db", str(db_path), "--settle", "0.2", "--once"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not list(inbox.iterdir())
    assert [p.name for p in (tmp_path / "archive").rglob("*.png")] == ["QD 2471.png"]
    db = open_db(db_path)
    try:
        assert db.execute("SELECT format, symbol FROM documents").fetchall() == [("image", "2471/QĐ-UBND")]
    finally:
        db.close()
