"""Forms that check what is typed as it is typed, and repeat the service's refusal.

``Form`` lays out labelled rows; each row may carry a *check*: a function returning the message
to show under the field (``None`` when the value is fine). Domain rules are reused as checks
through ``rule(...)``, so the screen and the service say the same sentence.
``FormDialog`` wraps a form with Save/Cancel, Ctrl+S, the busy state while the DB worker
saves, and keeps itself open with the service's message when the save is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.errors import DomainError, ValidationError
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.messages import error_text
from hydreight_desktop.ui.widgets.scroll import PageScrollArea
from hydreight_desktop.ui.widgets.wrap_label import WrapLabel

Check = Callable[[], str | None]
ERROR_COLOR = "#b42318"
CAPTION_STYLE = "color: #6b7280; font-size: 9pt;"
INVALID_STYLE = '*[invalid="true"] { border: 1px solid #b42318; border-radius: 3px; }'


def rule(fn: Callable[[], Any]) -> Check:
    """A check from a domain rule: runs ``fn`` and turns its ``ValidationError`` into the hint."""

    def check() -> str | None:
        try:
            fn()
        except DomainError as exc:
            return str(exc)
        return None

    return check


def required(widget: QLineEdit, label: str) -> Check:
    return lambda: None if widget.text().strip() else f"Please enter the {label}."


def changed_signal(widget: QWidget):
    """The signal that says this input's value changed (our custom widgets expose ``changed``)."""
    if isinstance(widget, QComboBox) and not hasattr(widget, "changed"):
        return widget.currentTextChanged  # also fires while typing in an editable combo
    for name in ("changed", "textChanged", "valueChanged", "dateTimeChanged", "dateChanged"):
        signal = getattr(widget, name, None)
        if signal is not None and hasattr(signal, "connect"):
            return signal
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    return None


def set_read_only(widget: QWidget, read_only: bool) -> None:
    """Read-only but still selectable where Qt allows; otherwise disabled."""
    if hasattr(widget, "set_read_only"):
        widget.set_read_only(read_only)
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        widget.setReadOnly(read_only)
    elif isinstance(widget, QAbstractSpinBox):
        widget.setReadOnly(read_only)
        widget.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.NoButtons
            if read_only
            else QAbstractSpinBox.ButtonSymbols.UpDownArrows
        )
    else:
        widget.setEnabled(not read_only)


class ErrorBanner(QFrame):
    """A calm red box above the form with the refusal in plain words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setStyleSheet(
            "#errorBanner { background: #fef3f2; border: 1px solid #fecdca; border-radius: 4px; }"
        )
        glyph = QLabel()
        glyph.setPixmap(icon("fa5s.exclamation-circle", color=ERROR_COLOR).pixmap(16, 16))
        self.text = WrapLabel()
        self.text.setStyleSheet(f"color: {ERROR_COLOR};")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(glyph, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self.hide()

    def show_message(self, message: str) -> None:
        self.text.setText(message)
        self.show()

    def clear(self) -> None:
        self.text.clear()
        self.hide()


@dataclass
class _Row:
    key: str
    widget: QWidget
    hint: QLabel
    checks: list[Check] = field(default_factory=list)
    touched: bool = False
    refusal: str | None = None
    aliases: tuple[str, ...] = ()


class Form(QWidget):
    """Labelled rows with live checks. ``validityChanged(bool)`` drives the Save button."""

    validityChanged = Signal(bool)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.layout_.setVerticalSpacing(8)
        self.layout_.setHorizontalSpacing(14)
        self.setStyleSheet(INVALID_STYLE)
        self._rows: dict[str, _Row] = {}
        self._rules: list[Callable[[], Any]] = []
        self._rule_errors: dict[str, str] = {}
        self._valid = True
        self._read_only = False

    # --- building --------------------------------------------------------------------------
    def add_row(
        self,
        label: str,
        widget: QWidget,
        key: str | None = None,
        *,
        checks: Iterable[Check] = (),
        caption: str | None = None,
        aliases: Iterable[str] = (),
    ) -> QWidget:
        """Add ``label: widget`` with a red hint line under it and an optional grey caption."""
        holder = QWidget()
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        hint = WrapLabel()
        hint.setStyleSheet(f"color: {ERROR_COLOR}; font-size: 9pt;")
        hint.hide()
        box.addWidget(hint)
        if caption:
            cap = WrapLabel(caption)
            cap.setStyleSheet(CAPTION_STYLE)
            box.addWidget(cap)
        label_widget = QLabel(label)
        label_widget.setBuddy(widget)
        label_widget.setFixedHeight(
            max(min(widget.sizeHint().height(), 30), label_widget.sizeHint().height())
        )
        label_widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.layout_.addRow(label_widget, holder)
        row_key = key or label
        row = _Row(row_key, widget, hint, list(checks), aliases=tuple(aliases))
        self._rows[row_key] = row
        signal = changed_signal(widget)
        if signal is not None:
            signal.connect(lambda *_: self._on_edit(row))
        self.revalidate()
        self.updateGeometry()  # a form filled before it is shown must still report its new size
        return holder

    def add_section(self, title: str) -> None:
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: 600; font-size: 10.5pt; margin-top: 10px;")
        self.layout_.addRow(heading)
        self.updateGeometry()

    def add_widget(self, widget: QWidget) -> None:
        self.layout_.addRow(widget)
        self.updateGeometry()

    def add_check(self, key: str, check: Check) -> None:
        self._rows[key].checks.append(check)
        self.revalidate()

    def add_rule(self, fn: Callable[[], Any]) -> None:
        """A whole-form domain rule (e.g. the service's own validator): the ``ValidationError``
        it raises is shown under the field it names."""
        self._rules.append(fn)
        self.revalidate()

    def widget(self, key: str) -> QWidget:
        return self._rows[key].widget

    # --- checking --------------------------------------------------------------------------
    @property
    def is_valid(self) -> bool:
        return self._valid

    def problems(self) -> dict[str, str]:
        """Every field's current message (including ones not shown yet)."""
        found: dict[str, str] = {}
        for row in self._rows.values():
            message = self._message(row)
            if message:
                found[row.key] = message
        claimed = {name for row in self._rows.values() for name in (row.key, *row.aliases)}
        for name, message in self._rule_errors.items():
            if name not in claimed:
                found[name] = message
        return found

    def first_problem(self) -> str | None:
        problems = self.problems()
        return next(iter(problems.values()), None)

    def revalidate(self) -> None:
        self._rule_errors = {}
        if not self._read_only:
            for fn in self._rules:
                try:
                    fn()
                except DomainError as exc:
                    self._rule_errors.setdefault(exc.field or "", str(exc))
        for row in self._rows.values():
            self._paint(row)
        valid = not self.problems()
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)

    def touch_all(self) -> None:
        """Show every hint (after a save attempt, so nothing wrong stays hidden)."""
        for row in self._rows.values():
            row.touched = True
        self.revalidate()

    def show_refusal(self, error: BaseException) -> bool:
        """Put the service's message under the field it names; True when a field took it."""
        target = getattr(error, "field", None)
        for row in self._rows.values():
            if target and (row.key == target or target in row.aliases):
                row.refusal = str(error)
                row.touched = True
                self._paint(row)
                row.widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for row in self._rows.values():
            set_read_only(row.widget, read_only)
        self.revalidate()

    @property
    def read_only(self) -> bool:
        return self._read_only

    # --- private ---------------------------------------------------------------------------
    def _message(self, row: _Row) -> str | None:
        if row.refusal:
            return row.refusal
        if self._read_only:
            return None
        for check in row.checks:
            message = check()
            if message:
                return message
        for name in (row.key, *row.aliases):
            if name in self._rule_errors:
                return self._rule_errors[name]
        return None

    def _paint(self, row: _Row) -> None:
        message = self._message(row) if row.touched else None
        row.hint.setText(message or "")
        row.hint.setVisible(bool(message))
        invalid = "true" if message else "false"
        if row.widget.property("invalid") != invalid:
            row.widget.setProperty("invalid", invalid)
            row.widget.style().unpolish(row.widget)
            row.widget.style().polish(row.widget)

    def _on_edit(self, row: _Row) -> None:
        row.touched = True
        row.refusal = None
        self.revalidate()
        self.edited.emit()


class Saver(QObject):
    """Runs a save through the DB worker once at a time and reports back on the UI thread."""

    saved = Signal(object)
    refused = Signal(object)

    def __init__(self, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pending = False

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        if self.pending:
            return
        self.pending = True
        self.ctx.call(fn, *args, on_result=self._done, on_error=self._failed, **kwargs)

    def _done(self, result: Any) -> None:
        self.pending = False
        self.saved.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.pending = False
        self.refused.emit(error)


class FormDialog(QDialog):
    """A dialog around a ``Form``: Save enabled only when valid, Ctrl+S, refusals kept visible.

    Subclasses build the form in ``__init__`` and implement ``save_call()`` returning
    ``(service_fn, *args)``; ``result_record`` holds what the service returned.
    """

    def __init__(
        self, ctx, title: str, parent: QWidget | None = None, *, save_text: str = "Save"
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setModal(True)
        self.result_record: Any = None
        self.form = Form()
        self.banner = ErrorBanner()
        self.intro = WrapLabel()
        self.intro.hide()

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            save_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setIcon(icon("fa5s.check"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(f"{save_text} (Ctrl+S)")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self._save_text = save_text

        self.body = QVBoxLayout()
        self.body.addWidget(self.intro)
        self.body.addWidget(self.banner)
        self.body.addWidget(self.form)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 16, 18, 14)
        outer.setSpacing(10)
        self.body.addStretch(1)
        inner = QWidget()
        inner.setLayout(self.body)
        scroll = PageScrollArea(inner)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.buttons)

        self.saver = Saver(ctx, self)
        self.saver.saved.connect(self._saved)
        self.saver.refused.connect(self.show_refusal)
        self.form.validityChanged.connect(self._update_save)
        self.form.edited.connect(self.banner.clear)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.submit)
        self.setMinimumWidth(540)

    # --- for subclasses --------------------------------------------------------------------
    def save_call(self) -> tuple:
        raise TypeError(f"{type(self).__name__} must define save_call()")  # a hook each subclass fills

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def set_read_only(self, read_only: bool, reason: str = "") -> None:
        self.form.set_read_only(read_only)
        self.save_button.setVisible(not read_only)
        self.cancel_button.setText("Close" if read_only else "Cancel")
        if read_only and reason:
            self.set_intro(reason)

    # --- flow ------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.form.read_only or self.saver.pending:
            return
        self.form.revalidate()
        if not self.form.is_valid:
            self.form.touch_all()
            self.banner.show_message(
                self.form.first_problem() or "Please check the fields marked in red."
            )
            return
        try:
            fn, *args = self.save_call()
        except ValidationError as exc:  # a value the dialog itself could not turn into a form
            self.show_refusal(exc)
            return
        self.banner.clear()
        self._set_saving(True)
        self.saver.run(fn, *args)

    def show_refusal(self, error: BaseException) -> None:
        self._set_saving(False)
        self.form.show_refusal(error)
        self.banner.show_message(error_text(error))

    def _saved(self, result: Any) -> None:
        self._set_saving(False)
        self.result_record = result
        self.accept()

    def _set_saving(self, saving: bool) -> None:
        self.save_button.setText("Saving…" if saving else self._save_text)
        self._update_save()
        self.cancel_button.setEnabled(not saving)

    def _update_save(self, *_: Any) -> None:
        enabled = self.form.is_valid and not self.saver.pending
        self.save_button.setEnabled(enabled)
        problem = None if self.form.is_valid else self.form.first_problem()
        self.save_button.setToolTip(problem or f"{self._save_text} (Ctrl+S)")
