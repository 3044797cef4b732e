"""The Qt binding we install survives a long working day of small UI updates."""

import os
import subprocess
import sys

LONG_DAY = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for _ in range(50_000):  # more void calls than a clock and a busy screen make in a day
    label.setText("x")
print("survived")
"""


def test_many_void_qt_calls_do_not_crash_the_app():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", LONG_DAY], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout
