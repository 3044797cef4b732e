"""Child process for the startup benchmark: start, paint one window, exit.

``app DB``: the real main window on a demo store, signed in as the demo admin.
``bare``: a bare PySide6 main window (the baseline).
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _exit_after_first_paint(window) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class PaintWatcher(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, QApplication.quit)
            return False

    watcher = PaintWatcher()
    window.installEventFilter(watcher)
    window.show()
    window.repaint()
    QApplication.instance().exec()


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1280, 800)
    _exit_after_first_paint(window)
    del app


def app(db: str) -> None:
    from PySide6.QtWidgets import QApplication

    from hydreight_desktop.services.auth import sign_in
    from hydreight_desktop.services.business import first_business
    from hydreight_desktop.services.demo_accounts import DEMO_ADMIN
    from hydreight_desktop.store.engine import open_store
    from hydreight_desktop.store.uow import UnitOfWork
    from hydreight_desktop.ui.context import AppContext
    from hydreight_desktop.ui.main_window import MainWindow
    from hydreight_desktop.ui.style import apply_style
    from hydreight_desktop.ui.tasks import TaskRunner

    qt_app = QApplication(sys.argv[:1])
    apply_style(qt_app)
    store = open_store(db)
    uow = UnitOfWork(store)
    business = first_business(uow)
    actor = sign_in(uow, business.id, DEMO_ADMIN.email, DEMO_ADMIN.password)
    runner = TaskRunner()
    window = MainWindow(AppContext(uow, runner, actor, business))
    _exit_after_first_paint(window)
    runner.shutdown()
    store.close()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        app(sys.argv[2])
