"""Test helpers: render PDF pages at print resolution and read every QR code on them."""

from __future__ import annotations

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image

PRINT_DPI = 150


def render_pages(pdf: bytes, dpi: int = PRINT_DPI) -> list[Image.Image]:
    """Every page as a greyscale image at ``dpi`` (the printed size)."""
    doc = pdfium.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in doc]
    finally:
        doc.close()


def decode_qr_codes(image: Image.Image) -> list[str]:
    """The text of every QR code zxing-cpp finds on ``image``."""
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return sorted(result.text for result in found)


def page_texts(pdf: bytes) -> list[str]:
    """The text layer of every page (what was written, in drawing order)."""
    doc = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for page in doc:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
        return texts
    finally:
        doc.close()


def is_blank(
    image: Image.Image,
    box: tuple[float, float, float, float],
    dpi: int = PRINT_DPI,
    threshold: int = 245,
) -> bool:
    """True when the region (left, top, right, bottom) in points holds no ink."""
    scale = dpi / 72
    region = image.crop(tuple(round(v * scale) for v in box))
    low, _ = region.getextrema()
    return low >= threshold
