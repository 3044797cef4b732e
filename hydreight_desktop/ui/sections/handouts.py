"""Handouts & links: print QR flyers, business cards and the table tent; copy links and widgets.

Left: the providers to print for (live or not shown). Right: the print
options with a live page preview, and each booking link with its code,
website snippets, the bookings it brought and (admins) a new code.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.documents.handouts import Layout, Paper
from hydreight_desktop.domain.roles import Permission
from hydreight_desktop.services.handouts import (
    HandoutRequest,
    NotLiveWarning,
    SavedHandouts,
    make_handouts_pdf,
    save_handouts_pdf,
)
from hydreight_desktop.services.link_codes import LinkRecord, list_links, regenerate_code
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.printing import (
    BatchProgress,
    PdfBytesDocument,
    is_cancel,
    print_with_preview,
)
from hydreight_desktop.ui.widgets.link_panel import LinkPanel
from hydreight_desktop.ui.widgets.messages import confirm, error_text, show_error

LOGO_SETTING = "handouts/logo_path"
CSP_ROLE = Qt.ItemDataRole.UserRole


class HandoutsSection(QWidget):
    def __init__(self, ctx: AppContext, settings: QSettings | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings = settings or QSettings()
        self.links: list[LinkRecord] = []
        self._preview_ticket = 0
        self._document: PdfBytesDocument | None = None
        self._pending_csp: str | None = None
        self._preview_timer = QTimer(self, singleShot=True, interval=250)
        self._preview_timer.timeout.connect(self._refresh_preview)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 16)
        title = QLabel("Handouts & booking links")
        title.setObjectName("pageTitle")
        subtitle = QLabel(
            "QR flyers, business cards and the front-desk table tent. Bookings made "
            "through a provider's link or code are credited to that provider."
        )
        subtitle.setObjectName("pageSubtitle")
        subtitle.setWordWrap(True)
        outer.addWidget(title)
        outer.addWidget(subtitle)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_provider_list())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_print_tab(), icon("fa5s.print"), "Print")
        self.tabs.addTab(self._build_links_tab(), icon("fa5s.link"), "Links && codes")
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 720])
        outer.addWidget(splitter, 1)
        self.refresh()

    # ------------------------------------------------------------------ building

    def _build_provider_list(self) -> QWidget:
        box = QGroupBox("Providers")
        layout = QVBoxLayout(box)
        self.search = QLineEdit(placeholderText="Search providers…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.providers = QListWidget()
        # long names wrap in the narrow column instead of hiding behind a sideways scroll bar
        self.providers.setWordWrap(True)
        self.providers.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.providers.itemChanged.connect(self._selection_changed)
        self.providers.currentItemChanged.connect(self._show_current_link)
        select_all = QPushButton("Select all")
        select_all.clicked.connect(lambda: self._check_all(True))
        select_none = QPushButton("Clear")
        select_none.clicked.connect(lambda: self._check_all(False))
        buttons = QHBoxLayout()
        buttons.addWidget(select_all)
        buttons.addWidget(select_none)
        buttons.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("hint")
        layout.addWidget(self.search)
        layout.addWidget(self.providers, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.count)
        return box

    def _build_print_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.layout_choice = QComboBox()
        for option in Layout:
            self.layout_choice.addItem(option.label, option)
        self.paper_choice = QComboBox()
        for option in Paper:
            self.paper_choice.addItem(option.label, option)
        self.services = QCheckBox("List services and prices on flyers")
        self.logo_label = QLabel()
        self.logo_label.setObjectName("hint")
        choose_logo = QPushButton(icon("fa5s.image"), "Choose logo…")
        choose_logo.clicked.connect(self._choose_logo)
        self.clear_logo = QPushButton("Use initials")
        self.clear_logo.clicked.connect(lambda: self._set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(choose_logo)
        logo_row.addWidget(self.clear_logo)
        form.addRow("Layout", self.layout_choice)
        form.addRow("Paper", self.paper_choice)
        form.addRow("", self.services)
        form.addRow("Logo", logo_row)
        layout.addLayout(form)
        self.not_live = QLabel()
        self.not_live.setObjectName("warningBox")
        self.not_live.setWordWrap(True)
        self.not_live.hide()
        layout.addWidget(self.not_live)

        self.preview_stack = QStackedWidget()
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("hint")
        self.placeholder.setWordWrap(True)
        self.preview = QPdfView()
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.preview_stack.addWidget(self.placeholder)
        self.preview_stack.addWidget(self.preview)
        layout.addWidget(self.preview_stack, 1)

        actions = QHBoxLayout()
        self.pages = QLabel()
        self.pages.setObjectName("hint")
        self.save_button = QPushButton(icon("fa5s.file-pdf", "white"), "Save as PDF…")
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self._save)
        self.print_button = QPushButton(icon("fa5s.print"), "Print…")
        self.print_button.clicked.connect(self._print)
        actions.addWidget(self.pages, 1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.save_button)
        layout.addLayout(actions)

        self.layout_choice.currentIndexChanged.connect(self._selection_changed)  # tent: no CSPs
        self.paper_choice.currentIndexChanged.connect(self._options_changed)
        self.services.toggled.connect(self._options_changed)
        self._set_logo(self.settings.value(LOGO_SETTING, None) or None, remember=False)
        return page

    def _build_links_tab(self) -> QWidget:
        can_regenerate = self.ctx.actor.can(Permission.MANAGE_LINK_CODES)
        fmt = self.ctx.fmt
        self.business_panel = LinkPanel(
            "The business's booking link",
            can_regenerate=can_regenerate,
            format_time=lambda t: fmt.date(t.date()) if t else "",
        )
        self.csp_panel = LinkPanel(
            "Provider's booking link",
            can_regenerate=can_regenerate,
            format_time=lambda t: fmt.date(t.date()) if t else "",
        )
        self.csp_hint = QLabel("Pick a provider on the left to see their link and code.")
        self.csp_hint.setObjectName("hint")
        for panel in (self.business_panel, self.csp_panel):
            panel.regenerateRequested.connect(self._regenerate)
            panel.copied.connect(self.ctx.status_message)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.business_panel)
        layout.addWidget(self.csp_hint)
        layout.addWidget(self.csp_panel)
        layout.addStretch(1)
        self.csp_panel.hide()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        self.ctx.call(
            list_links,
            on_result=self._show_links,
            on_error=lambda e: show_error(self, e, "Could not load the links"),
        )

    def navigate_to(self, csp_id: str | None = None, tab: str | None = None, **_: object) -> None:
        """Open on one provider (checked and current), on the print or links tab."""
        if tab in ("print", "links"):
            self.tabs.setCurrentIndex(0 if tab == "print" else 1)
        if csp_id and not self._select_csp(csp_id):
            self._pending_csp = csp_id  # applied when the list arrives

    def _show_links(self, records: list[LinkRecord]) -> None:
        current = self._current_csp_id()
        checked = set(self.selected_csp_ids())
        self.links = records
        self.business_panel.show_record(records[0])
        self.providers.blockSignals(True)
        self.providers.clear()
        for record in records[1:]:
            live = "" if record.is_live else "  (not live)"
            item = QListWidgetItem(
                f"{record.name}, {record.title}{live}" if record.title else f"{record.name}{live}"
            )
            item.setData(CSP_ROLE, record.csp_id)
            item.setIcon(
                icon("fa5s.check-circle", "#0f766e")
                if record.is_live
                else icon("fa5s.pause-circle", "#d97706")
            )
            item.setToolTip(
                f"{record.email}\nCode {record.code}\n"
                + (
                    "Live: clients can book"
                    if record.is_live
                    else "Not live yet: clients cannot book this provider"
                )
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if record.csp_id in checked else Qt.CheckState.Unchecked
            )
            self.providers.addItem(item)
        self.providers.blockSignals(False)
        if self._pending_csp:
            self._select_csp(self._pending_csp)
            self._pending_csp = None
        elif current:
            self._select_csp(current, check=False)
        self._filter(self.search.text())
        self._selection_changed()

    # ------------------------------------------------------------------ selection

    def _items(self) -> list[QListWidgetItem]:
        return [self.providers.item(i) for i in range(self.providers.count())]

    def selected_csp_ids(self) -> list[str]:
        return [
            item.data(CSP_ROLE)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _current_csp_id(self) -> str | None:
        item = self.providers.currentItem()
        return item.data(CSP_ROLE) if item else None

    def _select_csp(self, csp_id: str, check: bool = True) -> bool:
        for item in self._items():
            if item.data(CSP_ROLE) == csp_id:
                if check:
                    item.setCheckState(Qt.CheckState.Checked)
                self.providers.setCurrentItem(item)
                return True
        return False

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.providers.blockSignals(True)
        for item in self._items():
            if not item.isHidden():
                item.setCheckState(state)
        self.providers.blockSignals(False)
        self._selection_changed()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _selection_changed(self, *_: object) -> None:
        chosen = self.selected_csp_ids()
        total = self.providers.count()
        self.count.setText(f"{len(chosen)} of {total} provider{'s' if total != 1 else ''} selected")
        by_id = {r.csp_id: r for r in self.links}
        not_live = [by_id[c].name for c in chosen if c in by_id and not by_id[c].is_live]
        uses_csps = self._layout().needs_csps
        self.not_live.setVisible(bool(not_live) and uses_csps)
        self.not_live.setText(
            f"Not live yet: {', '.join(not_live)}. Clients cannot book "
            f"{'them' if len(not_live) > 1 else 'this provider'} from a handout until an admin "
            "makes the account live; you will be asked to confirm before printing."
        )
        self._options_changed()

    def _show_current_link(self, item: QListWidgetItem | None, *_: object) -> None:
        record = next((r for r in self.links if item and r.csp_id == item.data(CSP_ROLE)), None)
        self.csp_hint.setVisible(record is None)
        self.csp_panel.setVisible(record is not None)
        if record is not None:
            self.csp_panel.setTitle(f"{record.name}'s booking link")
            self.csp_panel.show_record(record)

    # ------------------------------------------------------------------ options and preview

    def _layout(self) -> Layout:
        return Layout(self.layout_choice.currentData())

    def _paper(self) -> Paper:
        return Paper(self.paper_choice.currentData())

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose the business logo", "", "Pictures (*.png *.jpg *.jpeg)"
        )
        if path:
            self._set_logo(path)

    def _set_logo(self, path: str | None, remember: bool = True) -> None:
        self.logo_path = path
        self.logo_label.setText(Path(path).name if path else "Initials badge (no logo chosen)")
        self.clear_logo.setEnabled(bool(path))
        if remember:
            self.settings.setValue(LOGO_SETTING, path or "")
            self._options_changed()

    def request(self, *, confirm_not_live: bool = False) -> HandoutRequest:
        layout = self._layout()
        return HandoutRequest(
            layout=layout,
            paper=self._paper(),
            csp_ids=tuple(self.selected_csp_ids()) if layout.needs_csps else (),
            include_services=self.services.isChecked() and layout is Layout.FLYER,
            logo_path=self.logo_path,
            confirm_not_live=confirm_not_live,
        )

    def _options_changed(self, *_: object) -> None:
        self.services.setEnabled(self._layout() is Layout.FLYER)
        ready = not self._layout().needs_csps or bool(self.selected_csp_ids())
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        if not ready:
            self._preview_ticket += 1  # any preview still running is now stale
            self.placeholder.setText("Tick the providers on the left to see their handouts here.")
            self.preview_stack.setCurrentWidget(self.placeholder)
            self.pages.setText("")
            return
        self._preview_timer.start()

    def _refresh_preview(self) -> None:
        self._preview_ticket += 1
        ticket = self._preview_ticket
        self.pages.setText("Making the preview…")
        self.ctx.call(
            make_handouts_pdf,
            self.request(confirm_not_live=True),
            on_result=lambda data: self._show_preview(ticket, data),
            on_error=lambda error: self._preview_failed(ticket, error),
        )

    def _show_preview(self, ticket: int, data: bytes) -> None:
        if ticket != self._preview_ticket:
            return
        previous = self._document
        self._document = PdfBytesDocument(data, self)
        self.preview_stack.setCurrentWidget(self.preview)  # visible first: zoom needs its size
        self.preview.setDocument(self._document)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitInView)
        if previous is not None:
            previous.deleteLater()
        count = self._document.pageCount()
        self.pages.setText(f"{count} page{'s' if count != 1 else ''}, {self._paper().label}")

    def _preview_failed(self, ticket: int, error: BaseException) -> None:
        if ticket != self._preview_ticket:
            return
        self.placeholder.setText(error_text(error))
        self.preview_stack.setCurrentWidget(self.placeholder)
        self.pages.setText("")

    # ------------------------------------------------------------------ save and print

    def _default_file_name(self) -> str:
        layout = self._layout()
        chosen = self.selected_csp_ids()
        if layout.needs_csps and len(chosen) == 1:
            name = next(r.name for r in self.links if r.csp_id == chosen[0])
            stem = f"{name} {layout.value}"
        else:
            stem = f"{self.ctx.business.name} {layout.value}{'s' if layout.needs_csps else ''}"
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in stem).strip()
        return f"{safe}.pdf"

    def _save(self) -> None:
        start = str(
            Path(self.settings.value("handouts/last_folder", str(Path.home())))
            / self._default_file_name()
        )
        path, _ = QFileDialog.getSaveFileName(
            self, "Save handouts as PDF", start, "PDF files (*.pdf)"
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.settings.setValue("handouts/last_folder", str(Path(path).parent))
        self.save_to(path)

    def save_to(self, path: str, *, confirm_not_live: bool = False) -> None:
        """Make and save the PDF off the UI thread, with a progress dialog for big batches."""
        progress = BatchProgress(self, "Making handouts…")
        self.ctx.call(
            save_handouts_pdf,
            self.request(confirm_not_live=confirm_not_live),
            path,
            progress=progress.report,
            on_result=lambda saved: self._saved(progress, saved),
            on_error=lambda error: self._failed(
                progress, error, lambda: self.save_to(path, confirm_not_live=True)
            ),
        )

    def _saved(self, progress: BatchProgress, saved: SavedHandouts) -> None:
        progress.finish()
        who = (
            f" for {saved.providers} provider{'s' if saved.providers != 1 else ''}"
            if saved.providers
            else ""
        )
        self.ctx.status_message(f"Saved handouts{who} to {saved.path}")

    def _failed(self, progress: BatchProgress, error: BaseException, retry) -> None:
        progress.finish()
        if is_cancel(error):
            self.ctx.status_message("Cancelled: nothing was saved.")
        elif isinstance(error, NotLiveWarning):
            if confirm(self, "Provider not live", str(error), yes="Print anyway"):
                retry()
        else:
            show_error(self, error, "Handouts not made")

    def _print(self, *, confirm_not_live: bool = False) -> None:
        progress = BatchProgress(self, "Preparing to print…")
        request = self.request(confirm_not_live=confirm_not_live)
        self.ctx.call(
            make_handouts_pdf,
            request,
            progress=progress.report,
            on_result=lambda data: self._print_ready(progress, request, data),
            on_error=lambda error: self._failed(
                progress, error, lambda: self._print(confirm_not_live=True)
            ),
        )

    def _print_ready(self, progress: BatchProgress, request: HandoutRequest, data: bytes) -> None:
        progress.finish()
        print_with_preview(
            self, data, request.paper, self._default_file_name().removesuffix(".pdf")
        )

    # ------------------------------------------------------------------ codes

    def _regenerate(self, csp_id: str | None) -> None:
        record = next((r for r in self.links if r.csp_id == csp_id), None)
        if record is None:
            return
        whose = "the business" if csp_id is None else record.name
        text = (
            f"Give {whose} a new booking code instead of {record.code}?\n\n"
            f"Handouts and website widgets with {record.code} should be replaced. Bookings "
            f"already made with it (and any still made from old handouts) stay credited to "
            f"{whose}."
        )
        if confirm(self, "New booking code", text, yes="Issue new code"):
            self.ctx.call(
                regenerate_code,
                csp_id,
                on_result=lambda rec: self._regenerated(rec),
                on_error=lambda e: show_error(self, e, "Code not changed"),
            )

    def _regenerated(self, record: LinkRecord) -> None:
        self.ctx.status_message(f"New booking code {record.code} for {record.name}.")
        self.refresh()
