"""Starting the GUI: open the store, first-run or demo, sign in, main window, sign out loop."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from hydreight_desktop.services.auth import sign_in
from hydreight_desktop.services.business import BusinessRecord, first_business
from hydreight_desktop.services.demo_accounts import DEMO_ADMIN
from hydreight_desktop.store.engine import Store, open_store
from hydreight_desktop.store.uow import UnitOfWork
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.first_run import FirstRunDialog
from hydreight_desktop.ui.login import LoginDialog
from hydreight_desktop.ui.main_window import MainWindow
from hydreight_desktop.ui.progress import run_with_progress
from hydreight_desktop.ui.style import apply_style
from hydreight_desktop.ui.tasks import TaskRunner


def _build_demo(uow: UnitOfWork) -> BusinessRecord:
    from hydreight_desktop.services.demo import build_demo_clinic

    build_demo_clinic(uow)
    business = first_business(uow)
    assert business is not None
    return business


def _scale(uow: UnitOfWork, business_id: str, count: int) -> None:
    from hydreight_desktop.services.demo import generate_clients

    generate_clients(uow, business_id, count)


def _choose_business(
    args: argparse.Namespace, uow: UnitOfWork, runner: TaskRunner
) -> BusinessRecord | None:
    business = first_business(uow)
    if business is not None:
        return business
    if args.demo or args.smoke:
        return run_with_progress(runner, "Setting up the demo clinic…", _build_demo, uow)
    dialog = FirstRunDialog(uow, runner)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if dialog.choice == "demo":
        return run_with_progress(runner, "Setting up the demo clinic…", _build_demo, uow)
    return dialog.business


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app)
    try:
        store: Store = open_store(args.db)
    except Exception as exc:  # noqa: BLE001 - tell the person, not a traceback
        QMessageBox.critical(None, "Hydreight Desktop", f"The store could not be opened:\n{exc}")
        return 2
    uow = UnitOfWork(store)
    runner = TaskRunner()
    try:
        business = _choose_business(args, uow, runner)
        if business is None:
            return 0
        if args.demo_scale:
            run_with_progress(
                runner,
                f"Adding {args.demo_scale:,} demo clients…",
                _scale,
                uow,
                business.id,
                args.demo_scale,
            )
        if args.smoke:
            return _smoke(args, uow, runner, business)
        return _session_loop(app, uow, runner, business)
    finally:
        runner.shutdown()
        store.close()


def _smoke(
    args: argparse.Namespace, uow: UnitOfWork, runner: TaskRunner, business: BusinessRecord
) -> int:
    from hydreight_desktop.ui.smoke import run_smoke

    if not business.is_demo:
        print(
            "smoke: --smoke signs in as the demo admin; use an empty or demo store (--db PATH)",
            file=sys.stderr,
        )
        return 2
    actor = run_with_progress(
        runner, "Signing in…", sign_in, uow, business.id, DEMO_ADMIN.email, DEMO_ADMIN.password
    )
    window = MainWindow(AppContext(uow, runner, actor, business))
    code = run_smoke(window, args.screenshots)
    window.close()
    return code


def _session_loop(
    app: QApplication, uow: UnitOfWork, runner: TaskRunner, business: BusinessRecord
) -> int:
    """Sign in, work, sign out, sign in again... until the window is closed without signing out."""
    while True:
        login = LoginDialog(uow, runner, business)
        if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
            return 0
        window = MainWindow(AppContext(uow, runner, login.actor, business))
        window.show()
        app.exec()
        runner.wait_idle(5000)
        if not window.signed_out:
            return 0
