"""The UI kit every back-office screen is built from: lists, forms, hours, zones, money."""

from __future__ import annotations

import csv
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from hydreight_desktop.domain.contact import parse_email
from hydreight_desktop.domain.errors import ValidationError
from hydreight_desktop.ui.sections.csp_profile import week_check
from hydreight_desktop.ui.widgets.forms import Form, rule
from hydreight_desktop.ui.widgets.hours_editor import WeeklyHoursEditor
from hydreight_desktop.ui.widgets.list_panel import ListPanel
from hydreight_desktop.ui.widgets.money import MoneyEdit
from hydreight_desktop.ui.widgets.table_model import Column, RecordTableModel
from hydreight_desktop.ui.widgets.zone_combo import ZoneCombo


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    city: str


def _panel(qtbot) -> ListPanel:
    model = RecordTableModel([Column("Name", lambda r: r.name), Column("City", lambda r: r.city)])
    model.set_records(
        [
            Row("1", "Anna Smith", "Miami"),
            Row("2", "Ben Jones", "Orlando"),
            Row("3", "Cara Smith", "Tampa"),
        ]
    )
    panel = ListPanel(model, noun=("client", "clients"), new_text="New", empty_hint="Nobody yet.")
    qtbot.addWidget(panel)
    return panel


def test_list_filters_as_you_type_on_every_word_in_any_column(qtbot):
    panel = _panel(qtbot)
    panel.search.setText("smith")
    assert panel.visible_rows() == 2
    assert panel.count_label.text() == "2 of 3 clients"
    panel.search.setText("smith tampa")
    assert panel.visible_rows() == 1
    panel.search.setText("nobody")
    assert panel.visible_rows() == 0
    assert "No clients match “nobody”" in panel.empty_label.text()


def test_list_exports_the_rows_shown_to_csv(qtbot, tmp_path):
    panel = _panel(qtbot)
    panel.search.setText("smith")
    panel.export_to(tmp_path / "out.csv")
    with (tmp_path / "out.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["Name", "City"], ["Anna Smith", "Miami"], ["Cara Smith", "Tampa"]]


def test_enter_in_the_search_box_opens_the_first_match(qtbot):
    panel = _panel(qtbot)
    panel.search.setText("ben")
    with qtbot.waitSignal(panel.openRequested) as opened:
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.source.record(opened.args[0]).name == "Ben Jones"


def test_form_shows_the_domain_message_under_the_field_and_blocks_saving(qtbot):
    form = Form()
    qtbot.addWidget(form)
    email = QLineEdit()
    form.add_row("Email", email, "email", checks=[rule(lambda: parse_email(email.text()))])
    assert not form.is_valid
    email.setText("anna@")
    assert "not a valid email address" in form.problems()["email"]
    email.setText("anna@example.com")
    assert form.is_valid


def test_form_puts_a_refusal_under_the_field_the_service_named(qtbot):
    form = Form()
    qtbot.addWidget(form)
    name = QLineEdit("Energy IV")
    form.add_row("Name", name, "name")
    assert form.show_refusal(
        ValidationError("There is already a service called that.", field="name")
    )
    assert form.problems() == {"name": "There is already a service called that."}
    name.setText("Energy IV plus")  # typing again clears the refusal
    assert form.is_valid


def test_hours_editor_flags_overlapping_ranges_with_the_domain_message(qtbot):
    editor = WeeklyHoursEditor("Callout hours", day_check=week_check)
    qtbot.addWidget(editor)
    editor.set_value([(0, 9 * 60, 12 * 60), (0, 11 * 60, 15 * 60)])
    assert not editor.is_valid
    assert "overlap" in editor.problems()[0]
    editor.set_value([(0, 9 * 60, 12 * 60), (0, 13 * 60, 17 * 60)])
    assert editor.is_valid


def test_hours_editor_copies_monday_to_the_weekdays(qtbot):
    editor = WeeklyHoursEditor()
    qtbot.addWidget(editor)
    editor.set_value([(0, 9 * 60, 12 * 60), (0, 13 * 60, 17 * 60)])
    editor.copy_monday_to_weekdays()
    assert len(editor.value()) == 10
    assert {day for day, _s, _e in editor.value()} == {0, 1, 2, 3, 4}


def test_zone_picker_finds_a_zone_by_city_and_returns_its_iana_name(qtbot):
    combo = ZoneCombo()
    qtbot.addWidget(combo)
    combo.set_value("America/Los_Angeles")
    assert combo.value() == "America/Los_Angeles"
    combo.setEditText("America / New York")
    assert combo.value() == "America/New_York"
    combo.setEditText("Atlantis/Lost_City")
    assert combo.value() == "Atlantis/Lost_City"  # the domain rule explains what is wrong


def test_money_edit_keeps_cents_and_shows_the_currency(qtbot):
    edit = MoneyEdit("USD", "en_US")
    qtbot.addWidget(edit)
    edit.set_cents(17550)
    assert edit.cents() == 17550
    assert "$" in edit.text() and "175.50" in edit.text()


def test_ctrl_f_focuses_the_search_and_ctrl_n_asks_for_a_new_item(qtbot):
    panel = _panel(qtbot)
    panel.show()
    panel.activateWindow()
    qtbot.waitActive(panel)
    panel.table.setFocus()
    window = panel.windowHandle()  # keys through the window, as the keyboard sends them
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.search.hasFocus()
    with qtbot.waitSignal(panel.newRequested, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)


def test_enter_on_a_row_opens_it(qtbot):
    panel = _panel(qtbot)
    panel.show()
    qtbot.waitExposed(panel)
    panel.select_source_row(2)
    panel.table.setFocus()
    with qtbot.waitSignal(panel.openRequested) as opened:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened.args == [2]


def test_hour_ranges_step_by_quarter_hours_with_the_arrows(qtbot):
    editor = WeeklyHoursEditor()
    qtbot.addWidget(editor)
    editor.set_value([(0, 9 * 60, 12 * 60)])
    start = editor.days[0].ranges[0].start_edit
    start.setCurrentSection(start.Section.MinuteSection)
    start.stepBy(1)
    assert editor.value() == [(0, 9 * 60 + 15, 12 * 60)]
