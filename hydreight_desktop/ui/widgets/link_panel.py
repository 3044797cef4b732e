"""One booking link (the business's or a CSP's): code, link, widget snippets, history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from hydreight_desktop.services.link_codes import LinkRecord
from hydreight_desktop.ui.icons import icon

SNIPPET_KINDS = (("iframe", "Embedded booking page (iframe)"), ("button", "“Book now” button"))


class LinkPanel(QGroupBox):
    """Shows a ``LinkRecord``; copying is local, regenerating is asked of the section."""

    regenerateRequested = Signal(object)  # csp_id, or None for the business
    copied = Signal(str)  # what was copied, for the status bar

    def __init__(
        self,
        title: str,
        *,
        can_regenerate: bool,
        format_time: Callable[[datetime | None], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._record: LinkRecord | None = None
        self._format_time = format_time
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)

        self.problem = QLabel()
        self.problem.setObjectName("warningBox")
        self.problem.setWordWrap(True)
        self.problem.hide()
        grid.addWidget(self.problem, 0, 0, 1, 3)

        grid.addWidget(QLabel("Code"), 1, 0)
        self.code = QLabel("…")
        self.code.setObjectName("statValue")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.code, 1, 1)
        self.regenerate = QPushButton(icon("fa5s.sync-alt"), "New code…")
        self.regenerate.setToolTip(
            "Retire this code and issue a new one (Business Admin only). "
            "Bookings made with the old code stay credited."
        )
        self.regenerate.setVisible(can_regenerate)
        self.regenerate.clicked.connect(self._ask_regenerate)
        grid.addWidget(self.regenerate, 1, 2)

        grid.addWidget(QLabel("Link"), 2, 0)
        self.link = QLineEdit()
        self.link.setReadOnly(True)
        grid.addWidget(self.link, 2, 1)
        self.copy_link = QPushButton(icon("fa5s.copy"), "Copy link")
        self.copy_link.clicked.connect(lambda: self._copy(self.link.text(), "Booking link"))
        grid.addWidget(self.copy_link, 2, 2)

        grid.addWidget(QLabel("Website"), 3, 0)
        self.kind = QComboBox()
        for key, label in SNIPPET_KINDS:
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(self._show_snippet)
        grid.addWidget(self.kind, 3, 1)
        self.copy_snippet = QPushButton(icon("fa5s.code"), "Copy HTML")
        self.copy_snippet.clicked.connect(
            lambda: self._copy(self.snippet.toPlainText(), "Widget HTML")
        )
        grid.addWidget(self.copy_snippet, 3, 2)
        self.snippet = QPlainTextEdit()
        self.snippet.setReadOnly(True)
        self.snippet.setFixedHeight(64)
        self.snippet.setToolTip(
            "Paste this into the website's HTML where the booking should appear."
        )
        grid.addWidget(self.snippet, 4, 1, 1, 2)

        self.history = QTableWidget(0, 4)
        self.history.setHorizontalHeaderLabels(["Code", "Status", "In use", "Bookings"])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.total = QLabel()
        self.total.setObjectName("hint")
        grid.addWidget(QLabel("Bookings"), 5, 0)
        grid.addWidget(self.total, 5, 1, 1, 2)
        grid.addWidget(self.history, 6, 0, 1, 3)

    # ------------------------------------------------------------------ showing

    @property
    def record(self) -> LinkRecord | None:
        return self._record

    def show_record(self, record: LinkRecord) -> None:
        self._record = record
        self.code.setText(record.code)
        usable = record.link is not None
        self.problem.setVisible(not usable)
        self.problem.setText(record.link_problem or "")
        self.link.setText(record.link or "")
        for widget in (self.copy_link, self.copy_snippet, self.kind, self.snippet):
            widget.setEnabled(usable)
        self._show_snippet()
        self.history.setRowCount(len(record.codes))
        for row, code in enumerate(record.codes):
            since = self._format_time(code.activated_at)
            until = self._format_time(code.retired_at) if code.retired_at else "now"
            values = (
                code.code,
                "Current" if code.active else "Retired",
                f"{since} – {until}",
                f"{code.bookings:,}",
            )
            for col, value in enumerate(values):
                self.history.setItem(row, col, QTableWidgetItem(value))
        rows = min(len(record.codes), 4)
        self.history.setFixedHeight(
            self.history.horizontalHeader().height()
            + 4
            + sum(self.history.rowHeight(r) for r in range(rows))
        )
        count = record.total_bookings
        self.total.setText(
            f"{count:,} booking{'s' if count != 1 else ''} came through "
            f"{'this link' if len(record.codes) == 1 else 'these codes'}"
        )

    def _show_snippet(self) -> None:
        record = self._record
        if record is None or record.snippets is None:
            self.snippet.setPlainText("")
            return
        kind = self.kind.currentData()
        self.snippet.setPlainText(
            record.snippets.iframe if kind == "iframe" else record.snippets.button
        )

    # ------------------------------------------------------------------ actions

    def _copy(self, text: str, what: str) -> None:
        if not text:
            return
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(f"{what} copied to the clipboard.")

    def _ask_regenerate(self) -> None:
        if self._record is not None:
            self.regenerateRequested.emit(self._record.csp_id)
