"""Pages of a PDF as pixels for OCR: pypdfium2 renders them at :data:`DPI`, in gray, with form fields drawn."""

from __future__ import annotations

import io
import math
import os
from dataclasses import dataclass

from vanban.errors import ReadError

from .limits import check_render

DPI = 300


@dataclass
class GrayImage:
    """A rendered page region as 8-bit gray pixels."""

    pixels: bytes
    width: int
    height: int

    def png(self) -> bytes:
        """The pixels as a lightly compressed PNG: Tesseract reads it from stdin ~20 % faster than a PGM."""
        from PIL import Image

        buffer = io.BytesIO()
        Image.frombytes("L", (self.width, self.height), self.pixels).save(buffer, format="PNG", compress_level=1)
        return buffer.getvalue()


def render_gray(page, fraction: float = 1.0, stamps: bool = True) -> GrayImage:
    """Page (or its top ``fraction``) at :data:`DPI`, gray.

    ``stamps``: with the annotations and form fields drawn over the page (e-signature
    stamps: ``Ký bởi: …``, the number an e-office system stamps into the Số slot).
    A scan is read without them: they are not on the paper, and their text is in
    the PDF's text layer.
    """
    width_pt, height_pt = page.get_size()
    check_render(width_pt, height_pt, DPI, fraction)  # too many pixels is refused before rendering (pipeline/limits.py)
    crop = (0, height_pt * (1 - fraction), 0, 0) if fraction < 1 else (0, 0, 0, 0)
    bitmap = page.render(scale=DPI / 72, crop=crop, may_draw_forms=stamps, draw_annots=stamps, grayscale=True)
    image = bitmap.to_pil().convert("L")
    return GrayImage(image.tobytes(), image.width, image.height)


def open_pdf(pdf_path: str | os.PathLike):
    """The PDF opened for rendering, its form fields ready to draw; a file pdfium refuses is a ReadError."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(pdf_path))
    except pdfium.PdfiumError as exc:
        raise ReadError(str(pdf_path), f"cannot open PDF for OCR: {exc}") from None
    pdf.init_forms()  # before any page is loaded, so widget appearances (the stamp) are drawn
    return pdf


def render_colour(page, box: tuple[int, int, int, int], stamps: bool = True):
    """The part ``box`` (left, top, right, bottom, pixels at :data:`DPI`) of a page, in colour (a PIL image);
    ``stamps`` as for :func:`render_gray`."""
    scale = DPI / 72
    width, height = math.ceil(page.get_width() * scale), math.ceil(page.get_height() * scale)  # as pypdfium2 sizes it
    left, top, right, bottom = box
    # pypdfium2 rounds each crop up to whole pixels: a hair under each edge gives exactly that pixel.
    crop = tuple(max(0, pixels - 0.001) / scale for pixels in (left, height - bottom, width - right, top))
    return page.render(scale=scale, crop=crop, may_draw_forms=stamps, draw_annots=stamps).to_pil().convert("RGB")


def crop(image: GrayImage, box: tuple[int, int, int, int], pad: int = 12) -> GrayImage:
    """The pixels of ``box`` (left, top, right, bottom) and ``pad`` around it, within the image."""
    from PIL import Image

    whole = Image.frombytes("L", (image.width, image.height), image.pixels)
    left, top, right, bottom = box
    piece = whole.crop(
        (max(0, left - pad), max(0, top - pad), min(image.width, right + pad), min(image.height, bottom + pad))
    )
    return GrayImage(piece.tobytes(), piece.width, piece.height)
