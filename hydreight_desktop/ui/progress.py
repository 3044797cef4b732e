"""Running a slow job on the DB worker behind a progress dialog, for start-up steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from hydreight_desktop.ui.tasks import TaskRunner


def run_with_progress(
    runner: TaskRunner,
    label: str,
    fn: Callable[..., Any],
    *args: Any,
    parent: QWidget | None = None,
) -> Any:
    """Run ``fn(*args)`` off the UI thread while a busy dialog keeps the window alive.

    Returns the result or re-raises the job's error.
    """
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle("Hydreight Desktop")
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(300)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def finish(key: str, value: Any) -> None:
        outcome[key] = value
        loop.quit()

    runner.submit(
        fn, *args, on_result=lambda r: finish("result", r), on_error=lambda e: finish("error", e)
    )
    if not outcome:
        loop.exec()
    dialog.close()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
