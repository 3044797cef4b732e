"""Applying the one style sheet (``resources/style.qss``) and the application's identity."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QApplication

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
log = logging.getLogger(__name__)


def apply_style(app: QApplication) -> None:
    app.setApplicationName("Hydreight Desktop")
    app.setOrganizationName("Hydreight")
    app.setStyle("Fusion")
    sheet = RESOURCES / "style.qss"
    if sheet.exists():
        app.setStyleSheet(sheet.read_text("utf-8"))
    else:
        log.warning("style sheet %s not found; using the plain Fusion style", sheet)
