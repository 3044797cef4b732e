"""The main window: paints at once, then hosts the signed-in workspace.

Start-up shows the window immediately with an "Opening…" page while the store is opened on
the DB worker; signing in attaches the workspace (header, sidebar of sections, pages, status
bar with clock and sync state); signing out detaches it. Nothing heavy is imported here at
module level, so the first paint does not wait for SQLAlchemy or the icon fonts.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

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

from hydreight_desktop.ui.sections import SectionSpec, sections_for
from hydreight_desktop.ui.widgets.messages import show_error

if TYPE_CHECKING:
    from hydreight_desktop.services.sync_status import SyncStatus
    from hydreight_desktop.ui.context import AppContext

SYNC_POLL_MS = 15_000


def section_shortcut(index: int) -> str | None:
    """Ctrl+1 .. Ctrl+9 for the first nine sections the signed-in role sees."""
    return f"Ctrl+{index + 1}" if index < 9 else None
CLOCK_TICK_MS = 20_000


class StartupPage(QWidget):
    """What the window shows before anyone is signed in."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel("Hydreight Desktop")
        title.setObjectName("pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel("Opening your clinic…")
        self.status.setObjectName("pageSubtitle")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(320)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        layout.addWidget(title)
        layout.addWidget(self.status)
        layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def set_status(self, text: str, busy: bool = True) -> None:
        self.status.setText(text)
        self.busy.setVisible(busy)


class MainWindow(QMainWindow):
    """One window for the whole run; shows only the sections the signed-in role may use."""

    signOutRequested = Signal()

    def __init__(self, ctx: AppContext | None = None, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings("Hydreight", "HydreightDesktop")
        self.setWindowTitle("Hydreight Desktop")
        self.ctx: AppContext | None = None
        self.specs: list[SectionSpec] = []
        self.pages: dict[str, QWidget] = {}
        self.section_errors: dict[str, BaseException] = {}
        self.signed_out = False
        self.frames = QStackedWidget()
        self.startup = StartupPage()
        self.frames.addWidget(self.startup)
        self.setCentralWidget(self.frames)
        self.workspace: QWidget | None = None
        self.sync_label = QLabel("")
        self.sync_label.setObjectName("syncLabel")
        self.clock_label = QLabel("")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(14)
        self.busy.setVisible(False)
        self.busy.setToolTip("Working…")
        bar = self.statusBar()
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.clock_label)
        self.clock = QTimer(self)
        self.clock.timeout.connect(self._tick)
        self.sync_timer = QTimer(self)
        self.sync_timer.timeout.connect(self.refresh_sync_state)
        self._restore_geometry()
        self._shortcuts: list[QShortcut] = []
        if ctx is not None:
            self.attach(ctx)

    # -- signing in and out ---------------------------------------------------------------
    def attach(self, ctx: AppContext) -> None:
        """Build the workspace for the signed-in actor and show it."""
        self.detach()
        self.ctx = ctx
        self.signed_out = False
        ctx.navigate = self.navigate
        ctx.status_message = lambda text: self.statusBar().showMessage(text, 6000)
        self.setWindowTitle(f"Hydreight Desktop — {ctx.business.name}")
        self.specs = sections_for(ctx.actor.can)
        self.workspace = self._build_workspace(ctx)
        self.frames.addWidget(self.workspace)
        self.frames.setCurrentWidget(self.workspace)
        self._build_shortcuts()
        ctx.runner.busyChanged.connect(self.busy.setVisible)
        ctx.runner.errorOccurred.connect(self._show_unhandled)
        self._tick()
        self.clock.start(CLOCK_TICK_MS)
        self.sync_timer.start(SYNC_POLL_MS)
        self.refresh_sync_state()
        self._restore_section()

    def detach(self) -> None:
        """Drop the workspace (after signing out): back to the start page."""
        if self.workspace is None or self.ctx is None:
            return
        self.save_state()
        self.ctx.runner.busyChanged.disconnect(self.busy.setVisible)
        self.ctx.runner.errorOccurred.disconnect(self._show_unhandled)
        self.clock.stop()
        self.sync_timer.stop()
        for shortcut in self._shortcuts:
            shortcut.setParent(None)
        self._shortcuts.clear()
        self.frames.removeWidget(self.workspace)
        self.workspace.deleteLater()
        self.workspace = None
        self.pages.clear()
        self.section_errors.clear()
        self.specs = []
        self.ctx = None
        self.sync_label.setText("")
        self.clock_label.setText("")
        self.frames.setCurrentWidget(self.startup)
        self.setWindowTitle("Hydreight Desktop")

    def sign_out(self) -> None:
        """Leave the workspace; the launcher shows the sign-in screen again."""
        self.signed_out = True
        self.detach()
        self.startup.set_status("Signed out.", busy=False)
        self.signOutRequested.emit()

    def _show_unhandled(self, error: BaseException) -> None:
        show_error(self, error)

    # -- layout -----------------------------------------------------------------------------
    def _build_workspace(self, ctx: AppContext) -> QWidget:
        from hydreight_desktop.ui.icons import icon

        workspace = QWidget()
        outer = QVBoxLayout(workspace)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header(ctx))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setMinimumWidth(190)
        self.sidebar.setMaximumWidth(260)
        for index, spec in enumerate(self.specs):
            item = QListWidgetItem(icon(spec.icon, "#0f766e"), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            shortcut = section_shortcut(index)
            item.setToolTip(f"{spec.title} ({shortcut})" if shortcut else spec.title)
            self.sidebar.addItem(item)
        self.stack = QStackedWidget()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        outer.addWidget(self.splitter, 1)
        self.sidebar.currentRowChanged.connect(self._show_row)
        return workspace

    def _build_header(self, ctx: AppContext) -> QWidget:
        from hydreight_desktop.ui.icons import icon

        header = QWidget()
        header.setObjectName("header")
        row = QHBoxLayout(header)
        row.setContentsMargins(16, 8, 16, 8)
        name = QLabel(ctx.business.name)
        name.setObjectName("headerBusiness")
        row.addWidget(name)
        if ctx.business.is_demo:
            badge = QLabel("DEMO")
            badge.setObjectName("demoBadge")
            row.addWidget(badge)
        row.addStretch(1)
        user = QLabel(f"{ctx.actor.name} · {ctx.actor.role.label}")
        user.setObjectName("headerUser")
        row.addWidget(user)
        sign_out = QPushButton(icon("fa5s.sign-out-alt", "white"), "Sign out")
        sign_out.clicked.connect(self.sign_out)
        row.addWidget(sign_out)
        return header

    def _build_shortcuts(self) -> None:
        for index in range(len(self.specs)):
            shortcut = section_shortcut(index)
            if shortcut:
                self._shortcuts.append(
                    QShortcut(
                        QKeySequence(shortcut),
                        self,
                        activated=lambda i=index: self.sidebar.setCurrentRow(i),
                    )
                )
        if not self.actions():
            refresh = QAction("Refresh", self)
            refresh.setShortcut(QKeySequence.StandardKey.Refresh)
            refresh.triggered.connect(self.refresh_current)
            self.addAction(refresh)
            quit_action = QAction("Quit", self)
            quit_action.setShortcut(QKeySequence.StandardKey.Quit)
            quit_action.triggered.connect(self.close)
            self.addAction(quit_action)

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
        if row < 0 or row >= len(self.specs):
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
        if self.workspace is None:
            return None
        row = self.sidebar.currentRow()
        return self.specs[row].key if row >= 0 else None

    def refresh_current(self) -> None:
        if self.workspace is None:
            return
        widget = self.stack.currentWidget()
        if widget is not None and hasattr(widget, "refresh"):
            widget.refresh()
        self.refresh_sync_state()

    # -- status bar ---------------------------------------------------------------------------
    def _tick(self) -> None:
        if self.ctx is not None:
            self.clock_label.setText(self.ctx.fmt.datetime(datetime.now(UTC)))

    def refresh_sync_state(self) -> None:
        if self.ctx is None:
            return
        from hydreight_desktop.services.sync_status import sync_status

        self.ctx.call(sync_status, on_result=self._show_sync, on_error=lambda e: None)

    def _show_sync(self, status: SyncStatus) -> None:
        if self.ctx is None:
            return
        count = status.pending_changes
        waiting = f"{count:,} change{'s' if count != 1 else ''} waiting"
        if not status.configured:
            text = f"Sync: offline (no server set up) · {waiting}"
        elif status.last_synced_at:
            text = f"Sync: last synced {self.ctx.fmt.datetime(status.last_synced_at)} · {waiting}"
        else:
            text = f"Sync: never synced · {waiting}"
        self.sync_label.setText(text)

    # -- window state -------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("main/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def _restore_section(self) -> None:
        splitter = self.settings.value("main/splitter")
        if isinstance(splitter, QByteArray | bytes):
            self.splitter.restoreState(splitter)
        last = self.settings.value("main/section", "home")
        keys = self.section_keys()
        self.sidebar.setCurrentRow(keys.index(last) if last in keys else 0)

    def save_state(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        if self.workspace is not None:
            self.settings.setValue("main/splitter", self.splitter.saveState())
            if self.current_key():
                self.settings.setValue("main/section", self.current_key())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_state()
        super().closeEvent(event)
