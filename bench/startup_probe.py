"""Child process for the startup benchmarks: start, paint, exit.

``bare``       a bare PySide6 main window (the baseline).
``app DB``     the real launcher on a demo store, until its main window has painted.
``ready DB``   the real launcher, signed in as the demo admin, until the first section has
               its data and has painted.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402


class QuitOnPaint(QObject):
    """At the watched widget's next paint: print the wall-clock time and leave at once.

    The parent subtracts the time it started the process, so start-up is measured from
    process start to painted pixels, and tear-down (which users never wait for) is left out.
    """

    def __init__(self, widget) -> None:
        super().__init__()
        self.armed = True
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            QTimer.singleShot(0, self.leave)
        return False

    @staticmethod
    def leave() -> None:
        print(f"painted-at {time.time():.6f}", flush=True)
        os._exit(0)


def bare() -> None:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1280, 800)
    watcher = QuitOnPaint(window)
    window.show()
    app.exec()
    del watcher


def _args(db: str) -> argparse.Namespace:
    return argparse.Namespace(db=db, demo=False, demo_scale=None, smoke=False, screenshots=None)


def app(db: str) -> None:
    from hydreight_desktop.ui.launcher import Launcher
    from hydreight_desktop.ui.style import apply_style

    qt_app = QApplication(sys.argv[:1])
    apply_style(qt_app)

    class FirstPaint(Launcher):
        def __init__(self, *a) -> None:
            super().__init__(*a)
            self.watcher = QuitOnPaint(self.window)

        def _ask_sign_in(self) -> None:  # the benchmark stops at the first paint
            pass

    launcher = FirstPaint(qt_app, _args(db))
    qt_app.exec()
    launcher.close()


def ready(db: str) -> None:
    from hydreight_desktop.ui.launcher import Launcher, _sign_in_demo_admin
    from hydreight_desktop.ui.style import apply_style

    qt_app = QApplication(sys.argv[:1])
    apply_style(qt_app)

    class SignedIn(Launcher):
        def _ask_sign_in(self) -> None:
            self.runner.submit(
                _sign_in_demo_admin, self.uow, self.business.id, on_result=self._entered
            )

        def _entered(self, actor) -> None:
            self._enter(actor)
            self.runner.wait_idle()
            self.watcher = QuitOnPaint(self.window)
            self.window.update()

    launcher = SignedIn(qt_app, _args(db))
    qt_app.exec()
    launcher.close()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "app":
        app(sys.argv[2])
    else:
        ready(sys.argv[2])
