"""Clinical records: find a client, read their clinical timeline, amend, print a visit summary.

Nothing here edits a record. "Amend" writes an amendment that references the selected
record; the timeline then shows it under that record and as its own line.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.documents.pdf_files import write_pdf
from hydreight_desktop.domain.clinical.session_rules import AmendableKind
from hydreight_desktop.services import clinical_records as records
from hydreight_desktop.services.clients import ClientListRow
from hydreight_desktop.services.clinical_types import ClientTimeline, TimelineEntry
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.csv_export import export_csv
from hydreight_desktop.ui.widgets.messages import error_text, show_error
from hydreight_desktop.ui.widgets.pdf_output import choose_pdf_path, preview_pdf

SEARCH_LIMIT = 50
KIND_ICONS = {
    "session": ("fa5s.calendar-check", "#0f766e"),
    "mse": ("fa5s.stethoscope", "#0369a1"),
    "mse_decision": ("fa5s.user-md", "#7c3aed"),
    "treatment": ("fa5s.syringe", "#15803d"),
    "vial": ("fa5s.vial", "#475569"),
    "psf_request": ("fa5s.prescription-bottle-alt", "#b45309"),
    "psf_decision": ("fa5s.user-md", "#7c3aed"),
    "amendment": ("fa5s.pen", "#b91c1c"),
}


class RecordsSection(QWidget):
    """Section key ``records``; ``navigate("records", client_id=...)`` opens a client."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.hits: list[ClientListRow] = []
        self.timeline: ClientTimeline | None = None
        self.sessions: list[tuple[str, object, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel("Clinical records")
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        split = QSplitter()

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName("recordSearch")
        self.search.setPlaceholderText("Search clients: name, email or phone")
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        ll.addWidget(self.search)
        left.setMinimumWidth(280)
        self.results = QListWidget()
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.results.currentRowChanged.connect(self._client_chosen)
        ll.addWidget(self.results, 1)
        self.more = QLabel(f"Showing the first {SEARCH_LIMIT} matches: type more to narrow the search.")
        self.more.setObjectName("hint")
        self.more.setWordWrap(True)
        self.more.hide()
        ll.addWidget(self.more)
        split.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        self.client_title = QLabel("Choose a client")
        self.client_title.setObjectName("pageTitle")
        title_row = QHBoxLayout()
        title_row.addWidget(self.client_title, 1)
        self.export = QPushButton(icon("fa5s.file-csv"), "Export CSV…")
        self.export.clicked.connect(self._export)
        self.export.hide()
        title_row.addWidget(self.export)
        rl.addLayout(title_row)
        self.client_facts = QLabel("Search on the left, then pick a client to read their clinical timeline.")
        self.client_facts.setObjectName("pageSubtitle")
        rl.addWidget(self.client_facts)
        self.tree = QTreeWidget()
        self.tree.setObjectName("timeline")
        self.tree.setHeaderLabels(["When", "Record", "Details", "By"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._entry_chosen)
        rl.addWidget(self.tree, 1)
        self.detail = QLabel("")
        self.detail.setObjectName("infoBox")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rl.addWidget(self.detail)
        self.detail.hide()

        bottom = QHBoxLayout()
        amend_box = QGroupBox("Amend the selected record")
        al = QVBoxLayout(amend_box)
        self.amend_target = QLabel("Select a record in the timeline.")
        self.amend_target.setWordWrap(True)
        al.addWidget(self.amend_target)
        self.correction = QPlainTextEdit()
        self.correction.setObjectName("amendCorrection")
        self.correction.setPlaceholderText("The correction, e.g. “Lot number is 24A117-C”")
        self.correction.setMaximumHeight(60)
        self.reason = QLineEdit()
        self.reason.setObjectName("amendReason")
        self.reason.setPlaceholderText("Why, e.g. “Misread the label”")
        self.amend = QPushButton(icon("fa5s.pen"), "Add amendment")
        self.amend.clicked.connect(self._amend)
        al.addWidget(self.correction)
        row = QHBoxLayout()
        row.addWidget(self.reason, 1)
        row.addWidget(self.amend)
        al.addLayout(row)
        self.amend_error = QLabel("")
        self.amend_error.setObjectName("errorLabel")
        self.amend_error.setWordWrap(True)
        al.addWidget(self.amend_error)
        bottom.addWidget(amend_box, 3)
        summary_box = QGroupBox("Visit summary")
        sl = QVBoxLayout(summary_box)
        self.session_pick = QComboBox()
        sl.addWidget(self.session_pick)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(icon("fa5s.print"), "Print…")
        self.print_button.clicked.connect(lambda: self._summary(save=False))
        self.save_button = QPushButton(icon("fa5s.file-pdf"), "Save PDF…")
        self.save_button.clicked.connect(lambda: self._summary(save=True))
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        sl.addLayout(buttons)
        sl.addStretch(1)
        bottom.addWidget(summary_box, 2)
        self.bottom = QWidget()
        self.bottom.setLayout(bottom)
        bottom.setContentsMargins(0, 0, 0, 0)
        self.bottom.hide()
        rl.addWidget(self.bottom)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([260, 1000])
        layout.addWidget(split, 1)
        self._set_enabled(False)
        self._run_search()

    # -- search ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._run_search()
        if self.timeline is not None:
            self.open_client(self.timeline.client_id)

    def _run_search(self) -> None:
        self.ctx.call(records.find_clients, self.search.text(), SEARCH_LIMIT, on_result=self._show_hits,
                      on_error=lambda e: show_error(self, e, "Could not search"))

    def _show_hits(self, hits: list[ClientListRow]) -> None:
        self.hits = hits
        self.more.setVisible(len(hits) >= SEARCH_LIMIT)
        self.results.blockSignals(True)
        self.results.clear()
        for h in hits:
            dob = f" · {self.ctx.fmt.date(h.date_of_birth)}" if h.date_of_birth else ""
            self.results.addItem(QListWidgetItem(f"{h.full_name}{dob}\n{h.email}"))
        self.results.blockSignals(False)
        if self.timeline is not None:
            ids = [h.id for h in hits]
            if self.timeline.client_id in ids:
                self.results.setCurrentRow(ids.index(self.timeline.client_id))

    def _mark_in_list(self, client_id: str) -> None:
        """Highlight the open client on the left (also when opened from another screen)."""
        ids = [h.id for h in self.hits]
        self.results.blockSignals(True)
        if client_id in ids:
            self.results.setCurrentRow(ids.index(client_id))
        else:
            self.results.clearSelection()
            self.results.setCurrentRow(-1)
        self.results.blockSignals(False)

    def _client_chosen(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            self.open_client(self.hits[row].id)

    def navigate_to(self, client_id: str | None = None, **_params) -> None:
        if client_id:
            self.open_client(client_id)

    # -- timeline -------------------------------------------------------------------------
    def open_client(self, client_id: str) -> None:
        self.ctx.call(records.client_timeline, client_id, on_result=self._show_timeline,
                      on_error=lambda e: show_error(self, e, "Could not open"))
        self.ctx.call(records.client_sessions, client_id, on_result=self._show_sessions)

    def _show_timeline(self, timeline: ClientTimeline) -> None:
        self.timeline = timeline
        self._mark_in_list(timeline.client_id)
        fmt = self.ctx.fmt
        self.client_title.setText(timeline.client_name)
        facts = [timeline.email]
        if timeline.date_of_birth:
            facts.insert(0, f"Born {fmt.date(timeline.date_of_birth)}")
        facts.append(f"{len(timeline.entries)} record(s)")
        self.client_facts.setText(" · ".join(facts))
        self.tree.clear()
        for entry in timeline.entries:
            item = QTreeWidgetItem([fmt.datetime(entry.at), entry.title, entry.detail, entry.who])
            item.setIcon(1, icon(*KIND_ICONS.get(entry.kind, ("fa5s.circle", "#475569"))))
            item.setData(0, Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(2, entry.detail)
            for a in entry.amendments:
                child = QTreeWidgetItem([fmt.datetime(a.amended_at), "Amended",
                                         f"{a.correction} (reason: {a.reason})", a.amended_by_name])
                child.setForeground(1, Qt.GlobalColor.darkRed)
                child.setIcon(1, icon("fa5s.pen", "#b91c1c"))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        if not timeline.entries:
            self.tree.addTopLevelItem(QTreeWidgetItem(["", "No clinical records yet", "", ""]))
        self._set_enabled(True)
        self.bottom.show()
        self.export.show()
        self._entry_chosen(None, None)

    def _show_sessions(self, sessions: list) -> None:
        self.sessions = sessions
        self.session_pick.clear()
        for session_id, started_at, csp in sessions:
            self.session_pick.addItem(f"{self.ctx.fmt.datetime(started_at)} · {csp}", session_id)
        has = bool(sessions)
        if not has:
            self.session_pick.addItem("No sessions yet")
        self.session_pick.setEnabled(has)
        self.print_button.setEnabled(has)
        self.save_button.setEnabled(has)

    def selected_entry(self) -> TimelineEntry | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _entry_chosen(self, _current, _previous) -> None:
        entry = self.selected_entry()
        can_amend = entry is not None and entry.target_kind is not None
        if entry is not None:
            self.detail.setText(
                f"<b>{escape(entry.title)}</b> · {self.ctx.fmt.datetime(entry.at)} · "
                f"{escape(entry.who)}<br>" + escape(entry.detail).replace("\n", "<br>")
            )
        self.detail.setVisible(entry is not None)
        if can_amend:
            kind = AmendableKind(entry.target_kind).label.lower()
            self.amend_target.setText(f"Amending the {kind} record “{entry.title}”")
            if entry.session_id:
                index = self.session_pick.findData(entry.session_id)
                if index >= 0:
                    self.session_pick.setCurrentIndex(index)
        else:
            self.amend_target.setText("Select a record in the timeline to amend it.")
        for w in (self.correction, self.reason, self.amend):
            w.setEnabled(can_amend)
        self.amend_error.clear()

    def _set_enabled(self, on: bool) -> None:
        for w in (self.correction, self.reason, self.amend, self.print_button, self.save_button,
                  self.session_pick):
            w.setEnabled(on)

    # -- actions --------------------------------------------------------------------------
    def _amend(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.target_kind is None or self.timeline is None:
            return
        self.ctx.call(records.amend, self.timeline.client_id, entry.target_kind, entry.target_id,
                      self.correction.toPlainText(), self.reason.text(),
                      on_result=self._amended, on_error=lambda e: self.amend_error.setText(error_text(e)))

    def _amended(self, _result) -> None:
        self.correction.clear()
        self.reason.clear()
        self.ctx.status_message("Amendment added to the record.")
        if self.timeline is not None:
            self.open_client(self.timeline.client_id)

    def timeline_rows(self) -> list[list[str]]:
        """The timeline as the CSV export writes it: one row per record, amendments after it."""
        fmt = self.ctx.fmt
        rows: list[list[str]] = []
        for e in self.timeline.entries if self.timeline else ():
            rows.append([fmt.datetime(e.at), e.title, e.detail, e.who])
            rows += [[fmt.datetime(a.amended_at), f"Amendment: {e.title}",
                      f"{a.correction} (reason: {a.reason})", a.amended_by_name] for a in e.amendments]
        return rows

    def _export(self) -> None:
        if self.timeline is None:
            return
        name = self.timeline.client_name.replace(" ", "-")
        path = export_csv(self, ["When", "Record", "Details", "By"], self.timeline_rows(),
                          f"clinical-timeline-{name}.csv")
        if path:
            self.ctx.status_message(f"Saved {path}")

    def _summary(self, save: bool) -> None:
        session_id = self.session_pick.currentData()
        if not session_id:
            return
        name = self.timeline.client_name.replace(" ", "-") if self.timeline else "client"

        def failed(error: BaseException) -> None:
            show_error(self, error, "Could not save" if save else "Could not print")

        def saved(path) -> None:
            self.ctx.status_message(f"Saved {path}")

        def output(data: bytes) -> None:
            if not save:
                preview_pdf(self, data, f"Visit summary — {self.timeline.client_name}")
                return
            path = choose_pdf_path(self, f"visit-summary-{name}.pdf")
            if path:
                self.ctx.runner.submit(write_pdf, path, data, on_result=saved, on_error=failed)

        self.ctx.call(records.visit_summary_pdf, session_id, on_result=output, on_error=failed)
