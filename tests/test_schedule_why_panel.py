"""The “Why can't I book this CSP?” panel: reasons in checklist order, each opening its fix."""

from __future__ import annotations

from datetime import date

import pytest

from hydreight_desktop.domain.availability import Block, Mode
from hydreight_desktop.domain.why_not_bookable import why_not_bookable
from hydreight_desktop.ui.schedule.why_panel import WhyPanel
from tests.scheduling_support import LA, NOW, RULES, calendar, ny


@pytest.fixture
def navigations():
    return []


@pytest.fixture
def panel(qtbot, navigations):
    widget = WhyPanel(lambda key, **params: navigations.append((key, params)))
    qtbot.addWidget(widget)
    widget.resize(700, 600)
    widget.set_csps([("csp-1", "Jane Rivera")])
    return widget


def _report(**overrides):
    cal = calendar(**overrides)
    return why_not_bookable(cal, Mode.CALLOUT, date(2026, 12, 3), 60, NOW, RULES)


def test_reasons_are_listed_in_the_clinics_checklist_order(panel):
    report = _report(
        is_live=False,
        time_zone=LA.key,
        blocks=(Block(ny(3, 0), ny(4, 0), "Vacation"),),
    )
    panel.show_report(report)
    titles = [card.reason.title for card in panel.cards()]
    assert titles[0] == "Account not live"
    assert titles.index("Different time zone") < titles.index("Vacation or block time")
    assert "cannot be booked for callout" in panel.summary.text()


def test_the_not_live_reason_opens_the_csps_details_tab(panel, navigations, qtbot):
    panel.show_report(_report(is_live=False))
    card = panel.cards()[0]
    card.fix_button.click()
    assert navigations == [("providers", {"csp_id": "csp-1", "tab": "details"})]


def test_the_vacation_reason_opens_the_vacations_tab(panel, navigations):
    panel.show_report(_report(blocks=(Block(ny(3, 0), ny(4, 0), "Vacation"),)))
    [card] = [c for c in panel.cards() if c.reason.title == "Vacation or block time"]
    card.fix_button.click()
    assert navigations == [("providers", {"csp_id": "csp-1", "tab": "vacations"})]


def test_a_bookable_csp_says_how_many_starts_are_free(panel):
    panel.show_report(_report())
    assert panel.cards() == []
    assert "can be booked for callout" in panel.summary.text()


def test_changing_the_question_asks_again(panel, qtbot):
    with qtbot.waitSignal(panel.queryChanged) as signal:
        panel.ask("csp-1", "facility", date(2026, 12, 8))
    assert signal.args == ["csp-1", "facility", date(2026, 12, 8)]
