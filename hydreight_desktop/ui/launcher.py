"""Starting the GUI: the window paints first, then the store opens on the DB worker.

Sequence: window with "Opening…" → store opened and migrated (worker) → first run or demo
when empty → sign in → workspace; signing out returns to the sign-in screen. Heavy modules
(SQLAlchemy, the services) are imported on the worker, after the first paint.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from hydreight_desktop.ui.main_window import MainWindow
from hydreight_desktop.ui.style import apply_style
from hydreight_desktop.ui.tasks import TaskRunner


def _open(db) -> tuple[Any, Any, Any]:
    """On the worker: open (and migrate) the store; return it, its unit of work and business."""
    from hydreight_desktop.services.business import first_business
    from hydreight_desktop.store.engine import open_store
    from hydreight_desktop.store.uow import UnitOfWork

    store = open_store(db)
    uow = UnitOfWork(store)
    business = first_business(uow)
    _warm_up_imports()
    return store, uow, business


def _warm_up_imports() -> None:
    """Import, while the person is still at the sign-in screen, what the workspace needs next.

    Python imports are thread-safe and these create no widgets or fonts (icon fonts load on
    first use, on the UI thread), so signing in opens the workspace without waiting for them.
    """
    import qtawesome  # noqa: F401

    import hydreight_desktop.services.overview  # noqa: F401
    import hydreight_desktop.ui.sections.home  # noqa: F401


def _build_demo(uow):
    from hydreight_desktop.services.business import first_business
    from hydreight_desktop.services.demo import build_demo_clinic

    build_demo_clinic(uow)
    return first_business(uow)


def _scale(uow, business_id: str, count: int) -> None:
    from hydreight_desktop.services.demo import generate_clients

    generate_clients(uow, business_id, count)


def _sign_in_demo_admin(uow, business_id: str):
    from hydreight_desktop.services.auth import sign_in
    from hydreight_desktop.services.demo_accounts import DEMO_ADMIN

    return sign_in(uow, business_id, DEMO_ADMIN.email, DEMO_ADMIN.password)


class Launcher(QObject):
    """Drives the start-up steps as callbacks so the window stays responsive throughout."""

    def __init__(self, app: QApplication, args: argparse.Namespace) -> None:
        super().__init__()
        self.app, self.args = app, args
        self.store = self.uow = self.business = None
        self.window = MainWindow()
        self.window.signOutRequested.connect(self._ask_sign_in)
        self.runner = TaskRunner()
        self._waiting_for_first_paint = True
        self.window.installEventFilter(self)
        self.window.show()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        """Open the store only once the window has painted: the clinic sees the app at once."""
        if self._waiting_for_first_paint and event.type() == QEvent.Type.Paint:
            self._waiting_for_first_paint = False
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self._open_store)
        return False

    def _step(self, text: str, fn, *args, then) -> None:
        self.window.startup.set_status(text)
        self.runner.submit(fn, *args, on_result=then, on_error=self._fail)

    def _fail(self, error: BaseException) -> None:
        from hydreight_desktop.ui.widgets.messages import error_text

        message = error_text(error)
        self.window.startup.set_status(message, busy=False)
        if self.args.smoke:
            print(f"smoke: start-up failed: {error!r}", file=sys.stderr)
            self.app.exit(2)
            return
        QMessageBox.critical(
            self.window, "Hydreight Desktop", f"The clinic could not be opened.\n\n{message}"
        )
        self.app.exit(2)

    def _open_store(self) -> None:
        self._step("Opening your clinic…", _open, self.args.db, then=self._store_opened)

    def _store_opened(self, opened) -> None:
        self.store, self.uow, business = opened
        if business is not None:
            self._business_ready(business)
        elif self.args.demo or self.args.smoke:
            self._step(
                "Setting up the demo clinic…", _build_demo, self.uow, then=self._business_ready
            )
        else:
            self._first_run()

    def _first_run(self) -> None:
        from hydreight_desktop.ui.first_run import FirstRunDialog

        self.window.startup.set_status("Welcome! Let's set up your clinic.", busy=False)
        dialog = FirstRunDialog(self.uow, self.runner, parent=self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.app.quit()
        elif dialog.choice == "demo":
            self._step(
                "Setting up the demo clinic…", _build_demo, self.uow, then=self._business_ready
            )
        else:
            self._business_ready(dialog.business)

    def _business_ready(self, business) -> None:
        self.business = business
        if self.args.demo_scale:
            count = self.args.demo_scale
            self.args.demo_scale = None
            self._step(
                f"Adding {count:,} demo clients…",
                _scale,
                self.uow,
                business.id,
                count,
                then=lambda _: self._business_ready(business),
            )
        elif self.args.smoke:
            self._smoke()
        else:
            self._ask_sign_in()

    def _ask_sign_in(self) -> None:
        from hydreight_desktop.ui.login import LoginDialog

        self.window.startup.set_status(f"{self.business.name}: please sign in.", busy=False)
        dialog = LoginDialog(self.uow, self.runner, self.business, parent=self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.actor is not None:
            self._enter(dialog.actor)
        else:
            self.app.quit()

    def _enter(self, actor) -> None:
        from hydreight_desktop.ui.context import AppContext

        self.window.attach(AppContext(self.uow, self.runner, actor, self.business))

    def _smoke(self) -> None:
        if not self.business.is_demo:
            print(
                "smoke: --smoke signs in as the demo admin; use an empty or demo store (--db PATH)",
                file=sys.stderr,
            )
            self.app.exit(2)
            return
        self._step(
            "Signing in…", _sign_in_demo_admin, self.uow, self.business.id, then=self._run_smoke
        )

    def _run_smoke(self, actor) -> None:
        from hydreight_desktop.ui.smoke import run_smoke

        self._enter(actor)
        self.app.exit(run_smoke(self.window, self.args.screenshots))

    def close(self) -> None:
        self.runner.wait_idle(5000)
        self.runner.shutdown()
        if self.store is not None:
            self.store.close()


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app)
    launcher = Launcher(app, args)
    try:
        return app.exec()
    finally:
        launcher.close()
