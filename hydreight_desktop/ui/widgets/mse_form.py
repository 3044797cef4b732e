"""The MSE form: built for a laptop on a kitchen table.

Big fields, one column of sections to scroll through, vitals checked as they are typed
(a typo turns red with the expected range; a worrying reading turns amber with what it
means), the contraindication checklist with a plain yes/no per question, consent by the
client typing their own name, and outcome buttons that only allow what the findings allow.
The same domain rules run here and in the service, so the form and the service agree.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.clinical.contraindications import checklist_for
from hydreight_desktop.domain.clinical.mse import MseForm, assess, consent_name_matches
from hydreight_desktop.domain.clinical.outcome import (
    OUTCOME_CAUTION,
    Consequence,
    MseOutcome,
)
from hydreight_desktop.domain.clinical.vitals import (
    TemperatureUnit,
    VitalField,
    Vitals,
    WeightUnit,
    parse_reading,
    plausible_range,
    reading_problem,
)
from hydreight_desktop.domain.errors import DomainError
from hydreight_desktop.services.clinical_types import SessionClientView
from hydreight_desktop.ui.widgets.form_footer import add_form_footer

FORM_STYLE = """
#mseForm { background: #f8fafc; }
#mseForm QWidget { font-size: 12pt; }
#mseForm QLineEdit, #mseForm QComboBox { min-height: 34px; font-size: 13pt; }
#mseForm QPlainTextEdit { font-size: 12pt; }
#mseForm QGroupBox { font-size: 12pt; padding: 12px 10px 10px 10px; }
#mseForm QRadioButton { spacing: 6px; padding: 4px 10px; }
#mseForm QRadioButton::indicator { width: 20px; height: 20px; }
#mseForm #vitalHint { font-size: 10pt; color: #64748b; }
#mseForm #vitalHint[level="error"] { color: #b91c1c; }
#mseForm #vitalHint[level="warn"] { color: #b45309; }
#mseForm #checkQuestion { font-size: 12pt; }
#mseForm #checkTag { font-size: 10pt; font-weight: 600; }
#mseForm QPushButton[outcome="true"] { min-height: 44px; font-size: 12pt; font-weight: 600; padding: 6px 18px; }
#mseForm QPushButton#outcome_cleared:checked { background: #0f766e; color: white; border-color: #0f766e; }
#mseForm QPushButton#outcome_referred:checked { background: #d97706; color: white; border-color: #d97706; }
#mseForm QPushButton#outcome_not_cleared:checked { background: #b91c1c; color: white; border-color: #b91c1c; }
#mseForm QPushButton#primary { min-height: 44px; font-size: 13pt; padding: 6px 24px; }
#mseForm #findingsBox { font-size: 11pt; }
"""

CONSEQUENCE_TAGS = {
    Consequence.REFER: ("HCP must decide", "#b45309"),
    Consequence.EXCLUDE: ("No treatment today", "#b91c1c"),
}


def _set_level(label: QLabel, level: str, text: str) -> None:
    label.setProperty("level", level)
    label.setText(text)
    label.style().unpolish(label)
    label.style().polish(label)


class VitalInput(QWidget):
    """One reading: a big field, its unit, and the live check under it."""

    changed = Signal()

    def __init__(self, field: VitalField, caption: str, units: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.field = field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        label = QLabel(caption)
        label.setWordWrap(True)  # long captions wrap: three vitals a row fit a laptop screen
        layout.addWidget(label)
        row = QHBoxLayout()
        self.edit = QLineEdit()
        self.edit.setObjectName(f"vital_{field.value}")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setMaximumWidth(120)
        row.addWidget(self.edit)
        self.unit = QComboBox() if len(units) > 1 else None
        if self.unit is not None:
            self.unit.addItems(list(units))
            self.unit.setMaximumWidth(80)
            row.addWidget(self.unit)
            self.unit.currentTextChanged.connect(self._check)
        else:
            row.addWidget(QLabel(plausible_range(field).unit))
        row.addStretch(1)
        layout.addLayout(row)
        self.hint = QLabel("")
        self.hint.setObjectName("vitalHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.edit.textChanged.connect(self._check)
        self._check()

    def unit_value(self) -> str | None:
        return self.unit.currentText().replace("°", "") if self.unit is not None else None

    def value(self) -> float | int | None:
        """The reading, or None when blank or not a number (the hint says which)."""
        try:
            value = parse_reading(self.field, self.edit.text())
        except DomainError:
            return None
        return int(value) if value is not None and value == int(value) else value

    def problem(self) -> str | None:
        try:
            value = parse_reading(self.field, self.edit.text())
        except DomainError as exc:
            return str(exc)
        return reading_problem(self.field, value, self.unit_value())

    def _check(self) -> None:
        problem = self.problem()
        self.edit.setProperty("invalid", bool(problem))
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)
        self.show_finding(None)
        self.changed.emit()

    def show_finding(self, text: str | None) -> None:
        """Red for an implausible reading, amber for a worrying one, grey for the range."""
        problem = self.problem()
        if problem:
            _set_level(self.hint, "error", problem)
        elif text:
            _set_level(self.hint, "warn", text)
        else:
            rng = plausible_range(self.field, self.unit_value())
            _set_level(self.hint, "", f"Expected {rng.describe()}")


class ChecklistRow(QWidget):
    changed = Signal()

    def __init__(self, key: str, question: str) -> None:
        super().__init__()
        self.key = key
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        label = QLabel(question)
        label.setObjectName("checkQuestion")
        label.setWordWrap(True)
        layout.addWidget(label, 1)
        self.tag = QLabel("")
        self.tag.setObjectName("checkTag")
        layout.addWidget(self.tag)
        self.yes = QRadioButton("Yes")
        self.no = QRadioButton("No")
        self.yes.setObjectName(f"check_{key}_yes")
        self.no.setObjectName(f"check_{key}_no")
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        layout.addWidget(self.yes)
        layout.addWidget(self.no)
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())

    def answer(self) -> bool | None:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None


class MseFormWidget(QScrollArea):
    """Emits ``submitted(MseForm)``; the screen sends it to the service and shows any refusal."""

    submitted = Signal(object)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("mseForm")
        body.setStyleSheet(FORM_STYLE)
        self.setWidget(body)
        self.client: SessionClientView | None = None
        self.consent_at: datetime | None = None
        self.rows: list[ChecklistRow] = []
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)

        self.title = QLabel("Medical screening exam")
        self.title.setObjectName("pageTitle")
        layout.addWidget(self.title)
        self.subtitle = QLabel("")
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.subtitle)

        history = QGroupBox("1. History")
        grid = QGridLayout(history)
        self.history = self._text("Conditions, surgeries, hospital stays… or “None”")
        self.medications = self._text("Prescriptions, supplements… or “None”")
        self.allergies = self._text("Medicines, foods, latex… or “No known allergies”")
        nka = QPushButton("No known allergies")
        nka.clicked.connect(lambda: self.allergies.setPlainText("No known allergies"))
        grid.addWidget(QLabel("Medical history"), 0, 0)
        grid.addWidget(self.history, 1, 0)
        grid.addWidget(QLabel("Current medications"), 0, 1)
        grid.addWidget(self.medications, 1, 1)
        grid.addWidget(QLabel("Allergies"), 0, 2)
        grid.addWidget(self.allergies, 1, 2)
        # under the box, not beside its label: three columns then fit a laptop-wide session pane
        grid.addWidget(nka, 2, 2, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(history)

        self.checklist_box = QGroupBox("2. Contraindications — ask each question")
        self.checklist_layout = QVBoxLayout(self.checklist_box)
        self.checklist_layout.setSpacing(0)
        all_no = QPushButton("Answer “No” to all")
        all_no.setToolTip("Only after asking the client every question")
        all_no.clicked.connect(self._all_no)
        head = QHBoxLayout()
        head.addStretch(1)
        head.addWidget(all_no)
        self.checklist_layout.addLayout(head)
        layout.addWidget(self.checklist_box)

        vitals = QGroupBox("3. Vitals")
        vgrid = QGridLayout(vitals)
        vgrid.setHorizontalSpacing(24)
        self.vitals = {
            VitalField.SYSTOLIC: VitalInput(VitalField.SYSTOLIC, "Blood pressure — systolic (top)"),
            VitalField.DIASTOLIC: VitalInput(VitalField.DIASTOLIC, "Diastolic (bottom)"),
            VitalField.HEART_RATE: VitalInput(VitalField.HEART_RATE, "Heart rate"),
            VitalField.TEMPERATURE: VitalInput(VitalField.TEMPERATURE, "Temperature", ("°F", "°C")),
            VitalField.SPO2: VitalInput(VitalField.SPO2, "Oxygen saturation (SpO2)"),
            VitalField.WEIGHT: VitalInput(VitalField.WEIGHT, "Weight (optional)", ("lb", "kg")),
        }
        for i, widget in enumerate(self.vitals.values()):
            vgrid.addWidget(widget, i // 3, i % 3, Qt.AlignmentFlag.AlignTop)
            widget.changed.connect(self._reassess)
        layout.addWidget(vitals)

        self.findings = QLabel("")
        self.findings.setObjectName("findingsBox")
        self.findings.setWordWrap(True)
        self.findings.setMargin(6)
        layout.addWidget(self.findings)

        consent = QGroupBox("4. Consent")
        cl = QVBoxLayout(consent)
        self.consent_text = QLabel("")
        self.consent_text.setWordWrap(True)
        cl.addWidget(self.consent_text)
        crow = QHBoxLayout()
        self.consent_name = QLineEdit()
        self.consent_name.setObjectName("consentName")
        self.consent_name.setPlaceholderText("Client types their full name here")
        crow.addWidget(self.consent_name, 1)
        self.consent_stamp = QLabel("")
        self.consent_stamp.setObjectName("vitalHint")
        crow.addWidget(self.consent_stamp)
        cl.addLayout(crow)
        self.consent_name.textChanged.connect(self._consent_changed)
        layout.addWidget(consent)

        outcome = QGroupBox("5. Outcome")
        ol = QVBoxLayout(outcome)
        buttons = QHBoxLayout()
        self.outcome_buttons: dict[MseOutcome, QPushButton] = {}
        self.outcome_group = QButtonGroup(self)
        for value, text in (
            (MseOutcome.CLEARED, "Cleared"),
            (MseOutcome.REFERRED, "Refer to HCP"),
            (MseOutcome.NOT_CLEARED, "Not cleared"),
        ):
            button = QPushButton(text)
            button.setObjectName(f"outcome_{value.value}")
            button.setProperty("outcome", True)
            button.setCheckable(True)
            self.outcome_group.addButton(button)
            self.outcome_buttons[value] = button
            buttons.addWidget(button)
            button.toggled.connect(self._outcome_changed)
        ol.addLayout(buttons)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            "Why not cleared / why referred (the findings are filled in when left blank)"
        )
        self.reason.setMaximumHeight(70)
        ol.addWidget(self.reason)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Examiner's notes (optional)")
        self.notes.setMaximumHeight(60)
        ol.addWidget(self.notes)
        layout.addWidget(outcome)

        self.error, self.save = add_form_footer(layout, "Save MSE", self._submit, self.cancelled.emit)

    @staticmethod
    def _text(placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(80)
        edit.setMaximumHeight(110)
        edit.setTabChangesFocus(True)
        return edit

    # -- filling in -----------------------------------------------------------------------
    def set_client(
        self, client: SessionClientView, business_name: str,
        time_text: Callable[[datetime], str] = lambda t: t.strftime("%H:%M"),
    ) -> None:
        """Start a fresh form for ``client`` with the checklist their services call for."""
        self.client = client
        self.time_text = time_text
        self.title.setText(f"Medical screening exam — {client.name}")
        services = ", ".join(s.name for s in client.services)
        self.subtitle.setText(f"For: {services}")
        for edit in (self.history, self.medications, self.reason, self.notes):
            edit.clear()
        self.allergies.setPlainText(client.allergies_on_file or "")
        for row in self.rows:
            self.checklist_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for item in checklist_for(client.checklist_kinds):
            row = ChecklistRow(item.key, item.question)
            row.changed.connect(self._reassess)
            self.checklist_layout.addWidget(row)
            self.rows.append(row)
        for widget in self.vitals.values():
            widget.edit.clear()
        self.consent_name.clear()
        self.consent_at = None
        self.consent_text.setText(
            f"I, {client.name}, have answered these questions truthfully and consent to "
            f"{services} by {business_name}. I understand the risks explained to me."
        )
        self.outcome_group.setExclusive(False)
        for button in self.outcome_buttons.values():
            button.setChecked(False)
        self.outcome_group.setExclusive(True)
        self.error.clear()
        self._reassess()
        self.verticalScrollBar().setValue(0)

    def _all_no(self) -> None:
        for row in self.rows:
            row.no.setChecked(True)

    def _consent_changed(self, text: str) -> None:
        if self.client is None:
            return
        if consent_name_matches(text, self.client.first_name, self.client.last_name):
            self.consent_at = self.consent_at or datetime.now(UTC)
            self.consent_stamp.setText(f"✓ Signed {self.time_text(self.consent_at)}")
        else:
            self.consent_at = None
            self.consent_stamp.setText("Must match the client's name" if text.strip() else "")

    # -- live assessment ------------------------------------------------------------------
    def current_vitals(self) -> Vitals:
        v = {f: w.value() for f, w in self.vitals.items()}
        return Vitals(
            systolic=v[VitalField.SYSTOLIC],
            diastolic=v[VitalField.DIASTOLIC],
            heart_rate=v[VitalField.HEART_RATE],
            temperature=v[VitalField.TEMPERATURE],
            temperature_unit=TemperatureUnit(self.vitals[VitalField.TEMPERATURE].unit_value()),
            spo2=v[VitalField.SPO2],
            weight=v[VitalField.WEIGHT],
            weight_unit=WeightUnit(self.vitals[VitalField.WEIGHT].unit_value()),
        )

    def answers(self) -> dict[str, bool | None]:
        return {row.key: row.answer() for row in self.rows}

    def _reassess(self) -> None:
        if self.client is None:
            return
        vitals = self.current_vitals()
        plausible = Vitals(**{
            f.value: (vitals.value(f) if not self.vitals[f].problem() else None) for f in VitalField
        }, temperature_unit=vitals.temperature_unit, weight_unit=vitals.weight_unit)
        answers = {k: bool(a) for k, a in self.answers().items()}
        assessment = assess(answers, plausible, self.client.checklist_kinds)
        by_key = {f.key: f for f in assessment.findings}
        for row in self.rows:
            finding = by_key.get(row.key)
            if finding and finding.consequence in CONSEQUENCE_TAGS:
                text, colour = CONSEQUENCE_TAGS[finding.consequence]
                row.tag.setText(text)
                row.tag.setStyleSheet(f"color: {colour};")
            else:
                row.tag.setText("")
        vital_keys = {
            VitalField.SYSTOLIC: ("bp_",), VitalField.DIASTOLIC: ("-",),
            VitalField.HEART_RATE: ("hr_",), VitalField.TEMPERATURE: ("fever", "temp_"),
            VitalField.SPO2: ("spo2_",),
        }
        for field, prefixes in vital_keys.items():
            match = next((f for f in assessment.findings if f.key.startswith(prefixes)), None)
            self.vitals[field].show_finding(match.message if match else None)
        least = assessment.least_outcome
        for outcome, button in self.outcome_buttons.items():
            allowed = OUTCOME_CAUTION[outcome] >= OUTCOME_CAUTION[least]
            button.setEnabled(allowed)
            button.setToolTip("" if allowed else "Not possible with these findings")
            if not allowed and button.isChecked():
                self.outcome_group.setExclusive(False)
                button.setChecked(False)
                self.outcome_group.setExclusive(True)
        unanswered = sum(1 for a in self.answers().values() if a is None)
        lines = []
        if assessment.findings:
            lines += [f"• {f.message}" for f in assessment.findings]
        if unanswered:
            lines.append(f"{unanswered} checklist question(s) still to answer.")
        if assessment.findings:
            lines.append(f"Least careful outcome allowed: {least.label}.")
        self.findings.setText("\n".join(lines))
        self.findings.setObjectName("warningBox" if assessment.findings else "findingsBox")
        self.findings.style().unpolish(self.findings)
        self.findings.style().polish(self.findings)
        self.findings.setVisible(bool(lines))

    def _outcome_changed(self) -> None:
        self.error.clear()

    def selected_outcome(self) -> MseOutcome | None:
        for outcome, button in self.outcome_buttons.items():
            if button.isChecked():
                return outcome
        return None

    # -- submitting -----------------------------------------------------------------------
    def form(self) -> MseForm:
        return MseForm(
            medical_history=self.history.toPlainText(),
            current_medications=self.medications.toPlainText(),
            allergies=self.allergies.toPlainText(),
            checklist=self.answers(),
            vitals=self.current_vitals(),
            consent_name=self.consent_name.text(),
            outcome=self.selected_outcome() or "",
            outcome_reason=self.reason.toPlainText(),
            notes=self.notes.toPlainText(),
            consent_at=self.consent_at,
        )

    def _submit(self) -> None:
        problem = next((w.problem() for w in self.vitals.values() if w.problem()), None)
        if problem:
            self.show_error(problem)
            return
        self.error.clear()
        self.submitted.emit(self.form())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.ensureWidgetVisible(self.error)
