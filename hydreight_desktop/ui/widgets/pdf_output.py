"""Printing and saving the PDFs the documents layer draws: Qt's print preview, or a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, QStandardPaths
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget


class _LoadedPdf:
    """Keeps the buffer alive as long as the document reads from it."""

    def __init__(self, data: bytes) -> None:
        self.bytes = QByteArray(data)
        self.buffer = QBuffer(self.bytes)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self.buffer)


def paint_pdf(printer: QPrinter, data: bytes) -> int:
    """Draw every page of ``data`` onto ``printer``; returns the number of pages."""
    pdf = _LoadedPdf(data)
    painter = QPainter(printer)
    try:
        pages = pdf.document.pageCount()
        for index in range(pages):
            if index:
                printer.newPage()
            target: QRect = printer.pageLayout().paintRectPixels(printer.resolution())
            target.moveTo(0, 0)
            size = pdf.document.pagePointSize(index)
            scale = min(target.width() / size.width(), target.height() / size.height())
            image = pdf.document.render(index, QSize(int(size.width() * scale), int(size.height() * scale)))
            painter.drawImage(QRect(0, 0, image.width(), image.height()), image)
        return pages
    finally:
        painter.end()


def preview_pdf(parent: QWidget | None, data: bytes, title: str) -> None:
    """Open the print preview with the PDF's pages (print from there)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(lambda p: paint_pdf(p, data))
    dialog.resize(900, 1000)
    dialog.exec()


def choose_pdf_path(parent: QWidget | None, suggested_name: str) -> Path | None:
    """Ask where to save a PDF (None when cancelled); the caller writes it off the UI thread."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(
        parent, "Save PDF", str(Path(folder) / suggested_name), "PDF files (*.pdf)"
    )
    if not path:
        return None
    return Path(path if path.lower().endswith(".pdf") else f"{path}.pdf")
