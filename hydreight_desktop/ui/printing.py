"""PDFs on screen and on paper: a page preview, printing through Qt, batch progress.

The PDF is made by a service on the DB worker; here it is only shown
(QtPdf) and painted onto a printer page by page.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QProgressDialog, QWidget

from hydreight_desktop.documents.handouts import HandoutCancelled, Paper

PRINT_DPI_CAP = 300  # pages are rasterised for the printer at most this fine


class PdfBytesDocument(QPdfDocument):
    """A QPdfDocument loaded from bytes (it keeps its buffer alive)."""

    def __init__(self, data: bytes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.load(self._buffer)


def page_size_for(paper: Paper) -> QPageSize:
    return QPageSize(
        QPageSize.PageSizeId.Letter if paper is Paper.LETTER else QPageSize.PageSizeId.A4
    )


def paint_pdf(printer: QPrinter, data: bytes) -> int:
    """Paint every page of ``data`` onto ``printer``, each filling its page; returns pages."""
    document = PdfBytesDocument(data)
    pages = document.pageCount()
    if pages == 0:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = min(printer.resolution(), PRINT_DPI_CAP)
        for index in range(pages):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            image = document.render(
                index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            )
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
    finally:
        painter.end()
    return pages


def make_printer(paper: Paper, title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(page_size_for(paper))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF already has its margins
    return printer


def print_with_preview(parent: QWidget, data: bytes, paper: Paper, title: str) -> int:
    """Qt's print preview (its Print button opens the system print dialog)."""
    printer = make_printer(paper, title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print preview: {title}")
    dialog.paintRequested.connect(lambda target: paint_pdf(target, data))
    return dialog.exec()


class BatchProgress(QObject):
    """Carries progress from the DB worker to a QProgressDialog; Cancel stops the batch.

    ``report`` is handed to the service (it runs on the worker thread); the
    signal crosses to the UI thread. It appears only when the work is slow.
    """

    advanced = Signal(int, int)

    def __init__(self, parent: QWidget, label: str) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle("Making handouts")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel.set)
        self.advanced.connect(self._show)

    def report(self, done: int, total: int) -> bool:
        self.advanced.emit(done, total)
        return not self._cancel.is_set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _show(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(f"Making handouts: {done} of {total} providers")

    def finish(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()


def is_cancel(error: BaseException) -> bool:
    return isinstance(error, HandoutCancelled)
