"""Small typed inputs the back-office forms share: percentages, minutes, optional overrides."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QHBoxLayout, QSpinBox, QWidget


class PercentEdit(QDoubleSpinBox):
    """A rate shown as 30.00 % and kept as basis points (3000), the way the store keeps it."""

    changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(2)
        self.setRange(0, 100)
        self.setSingleStep(1)
        self.setSuffix(" %")
        self.setMaximumWidth(140)
        self.valueChanged.connect(lambda _v: self.changed.emit(self.bp()))

    def bp(self) -> int:
        return int(round(self.value() * 100))

    def set_bp(self, value: int) -> None:
        self.setValue(value / 100)


def minutes_spin(maximum: int, suffix: str = " min", step: int = 5) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setSingleStep(step)
    spin.setSuffix(suffix)
    spin.setAccelerated(True)
    spin.setMaximumWidth(160)
    return spin


class OptionalValue(QWidget):
    """'[x] Own value: <spin>' — unchecked means 'use the default' (``value()`` is None)."""

    changed = Signal()

    def __init__(self, editor: QWidget, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.toggle = QCheckBox(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(editor)
        layout.addStretch(1)
        self.toggle.toggled.connect(self._toggled)
        signal = getattr(editor, "changed", None) or editor.valueChanged
        signal.connect(lambda *_: self.changed.emit())
        self._toggled(False)

    def _read(self) -> int:
        return self.editor.bp() if hasattr(self.editor, "bp") else self.editor.value()

    def _write(self, value: int) -> None:
        if hasattr(self.editor, "set_bp"):
            self.editor.set_bp(value)
        else:
            self.editor.setValue(value)

    def value(self) -> int | None:
        return self._read() if self.toggle.isChecked() else None

    def set_value(self, value: int | None, default: int = 0) -> None:
        self.toggle.setChecked(value is not None)
        self._write(default if value is None else value)

    def set_read_only(self, read_only: bool) -> None:
        self.toggle.setEnabled(not read_only)
        self.editor.setEnabled(not read_only and self.toggle.isChecked())

    def _toggled(self, on: bool) -> None:
        self.editor.setEnabled(on)
        self.changed.emit()
