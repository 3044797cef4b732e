"""The main window: header, sidebar of sections, pages, and a status bar with clock and sync state."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.services.sync_status import SyncStatus, sync_status
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.sections import SectionSpec, sections_for
from hydreight_desktop.ui.widgets.messages import show_error

SYNC_POLL_MS = 15_000


class MainWindow(QMainWindow):
    """Shows only the sections the signed-in role may use; pages are built on first visit."""

    signOutRequested = Signal()

    def __init__(self, ctx: AppContext, settings: QSettings | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        ctx.navigate = self.navigate
        ctx.status_message = lambda text: self.statusBar().showMessage(text, 6000)
        self.settings = settings or QSettings("Hydreight", "HydreightDesktop")
        self.setWindowTitle(f"Hydreight Desktop — {ctx.business.name}")
        self.specs: list[SectionSpec] = sections_for(ctx.actor.can)
        self.pages: dict[str, QWidget] = {}
        self.section_errors: dict[str, BaseException] = {}
        self.signed_out = False

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setMinimumWidth(190)
        self.sidebar.setMaximumWidth(260)
        for spec in self.specs:
            item = QListWidgetItem(icon(spec.icon, "#0f766e"), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            if spec.shortcut:
                item.setToolTip(f"{spec.title} ({spec.shortcut})")
            self.sidebar.addItem(item)
        self.stack = QStackedWidget()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._show_row)

        self._build_status_bar()
        self._build_shortcuts()
        ctx.runner.errorOccurred.connect(lambda err: show_error(self, err))
        self._restore_state()

    # -- layout -----------------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        header = QWidget()
        header.setObjectName("header")
        row = QHBoxLayout(header)
        row.setContentsMargins(16, 8, 16, 8)
        name = QLabel(self.ctx.business.name)
        name.setObjectName("headerBusiness")
        row.addWidget(name)
        if self.ctx.business.is_demo:
            badge = QLabel("DEMO")
            badge.setObjectName("demoBadge")
            row.addWidget(badge)
        row.addStretch(1)
        user = QLabel(f"{self.ctx.actor.name} · {self.ctx.actor.role.label}")
        user.setObjectName("headerUser")
        row.addWidget(user)
        sign_out = QPushButton(icon("fa5s.sign-out-alt"), "Sign out")
        sign_out.clicked.connect(self.sign_out)
        row.addWidget(sign_out)
        return header

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(14)
        self.busy.setVisible(False)
        self.busy.setToolTip("Working…")
        self.sync_label = QLabel("Sync: checking…")
        self.sync_label.setObjectName("syncLabel")
        self.clock_label = QLabel("")
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.clock_label)
        self.ctx.runner.busyChanged.connect(self._on_busy)
        self._tick()
        self.clock = QTimer(self)
        self.clock.timeout.connect(self._tick)
        self.clock.start(1000 * 20)
        self.sync_timer = QTimer(self)
        self.sync_timer.timeout.connect(self.refresh_sync_state)
        self.sync_timer.start(SYNC_POLL_MS)
        self.refresh_sync_state()

    def _build_shortcuts(self) -> None:
        for index, spec in enumerate(self.specs):
            if spec.shortcut:
                QShortcut(
                    QKeySequence(spec.shortcut),
                    self,
                    activated=lambda i=index: self.sidebar.setCurrentRow(i),
                )
        refresh = QAction("Refresh", self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh_current)
        self.addAction(refresh)
        quit_action = QAction("Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

    def sign_out(self) -> None:
        """Close the window and go back to the sign-in screen."""
        self.signed_out = True
        self.signOutRequested.emit()
        self.close()

    # -- navigation ---------------------------------------------------------------------------
    def section_keys(self) -> list[str]:
        return [spec.key for spec in self.specs]

    def page(self, key: str) -> QWidget:
        """The section's widget, created on first use."""
        if key not in self.pages:
            spec = next(s for s in self.specs if s.key == key)
            widget = spec.create(self.ctx)
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return self.pages[key]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.specs[row].key
        try:
            self.stack.setCurrentWidget(self.page(key))
        except Exception as exc:  # noqa: BLE001 - a broken screen must not take the window down
            self.section_errors[key] = exc
            show_error(self, exc, "This screen could not open")

    def navigate(self, key: str, **params) -> None:
        """Open section ``key`` and hand it ``params`` (e.g. csp_id, tab)."""
        keys = self.section_keys()
        if key not in keys:
            self.statusBar().showMessage("Your role cannot open that screen.", 6000)
            return
        self.sidebar.setCurrentRow(keys.index(key))
        widget = self.pages.get(key)
        if params and widget is not None and hasattr(widget, "navigate_to"):
            widget.navigate_to(**params)

    def current_key(self) -> str | None:
        row = self.sidebar.currentRow()
        return self.specs[row].key if row >= 0 else None

    def refresh_current(self) -> None:
        widget = self.stack.currentWidget()
        if widget is not None and hasattr(widget, "refresh"):
            widget.refresh()
        self.refresh_sync_state()

    # -- status bar ---------------------------------------------------------------------------
    def _tick(self) -> None:
        self.clock_label.setText(self.ctx.fmt.datetime(datetime.now(UTC)))

    def _on_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def refresh_sync_state(self) -> None:
        self.ctx.call(sync_status, on_result=self._show_sync, on_error=lambda e: None)

    def _show_sync(self, status: SyncStatus) -> None:
        waiting = (
            f"{status.pending_changes:,} change{'s' if status.pending_changes != 1 else ''} waiting"
        )
        if not status.configured:
            text = f"Sync: offline (no server set up) · {waiting}"
        elif status.last_synced_at:
            text = f"Sync: last synced {self.ctx.fmt.datetime(status.last_synced_at)} · {waiting}"
        else:
            text = f"Sync: never synced · {waiting}"
        self.sync_label.setText(text)

    # -- window state -------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("main/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.value("main/splitter")
        if isinstance(splitter, QByteArray | bytes):
            self.splitter.restoreState(splitter)
        last = self.settings.value("main/section", "home")
        keys = self.section_keys()
        self.sidebar.setCurrentRow(keys.index(last) if last in keys else 0)

    def save_state(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/splitter", self.splitter.saveState())
        if self.current_key():
            self.settings.setValue("main/section", self.current_key())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_state()
        super().closeEvent(event)
