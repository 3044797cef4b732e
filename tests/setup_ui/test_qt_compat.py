"""PySide6 6.12 on Python 3.11 drops a reference to None on every void call; the UI survives it."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

import hydreight_desktop.ui  # noqa: F401 - importing the UI applies the fix


def test_many_thousand_qt_calls_do_not_exhaust_nones_reference_count(qapp):
    label = QLabel()
    for n in range(20_000):  # ~ five and a half hours of the status-bar clock
        label.setText(str(n))
    assert sys.getrefcount(None) > 1_000_000
