"""The schedule screens driven like a receptionist would, against a real store."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from hydreight_desktop.domain.booking_status import BookingStatus
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services import scheduling
from hydreight_desktop.services.business import get_business
from hydreight_desktop.services.context import Actor
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.schedule.booking_details import BookingDetailsDialog
from hydreight_desktop.ui.schedule.booking_dialog import NewBookingDialog
from hydreight_desktop.ui.schedule.client_picker import PickedClient
from hydreight_desktop.ui.schedule.why_dialog import WhyDialog
from hydreight_desktop.ui.sections import today as today_section
from hydreight_desktop.ui.sections.schedule import ScheduleSection
from hydreight_desktop.ui.sections.today import TodaySection
from hydreight_desktop.ui.tasks import TaskRunner
from tests.schedule_clinic import at, build_clinic


@pytest.fixture
def navigations():
    return []


@pytest.fixture
def ctx(qapp, uow, admin, navigations):
    runner = TaskRunner()
    context = AppContext(uow, runner, admin, get_business(uow, admin),
                         navigate=lambda key, **params: navigations.append((key, params)))
    yield context
    runner.wait_idle()
    runner.shutdown()


@pytest.fixture
def clinic(uow, admin):
    return build_clinic(uow, admin)


def settle(ctx, dialog=None) -> None:
    """Let debounced refreshes fire and every service call answer."""
    for _ in range(3):
        if dialog is not None and dialog._timer.isActive():
            dialog.refresh_now()
        ctx.runner.wait_idle()


def test_booking_two_clients_through_the_dialog_creates_one_booking(qtbot, ctx, clinic, uow,
                                                                    admin):
    start = at(clinic.day, 13)
    dialog = NewBookingDialog(ctx, csp_id=clinic.ana, start=start, mode="facility")
    qtbot.addWidget(dialog)
    settle(ctx, dialog)
    first = dialog.rows[0]
    first.set_client(PickedClient(clinic.maria, "Maria Gomez", "maria@example.com"))
    first.check_service(clinic.energy)
    second = dialog.add_client_row()
    second.set_client(PickedClient(clinic.john, "John Smith", "john@example.com"))
    second.check_service(clinic.recovery)
    settle(ctx, dialog)
    assert dialog.selected_slot().start_at == start
    assert "Total" in dialog.summary.text() and "$350.00" in dialog.summary.text()
    qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    settle(ctx)
    assert dialog.result() == NewBookingDialog.DialogCode.Accepted
    assert [c.name for c in dialog.booking.clients] == ["Maria Gomez", "John Smith"]
    day = scheduling.list_schedule(uow, admin, clinic.day, 1)
    ana = next(c for c in day.columns if c.csp_id == clinic.ana)
    at_one = [b for b in ana.bookings if b.start_at == start]
    assert len(at_one) == 1 and at_one[0].client_names == ("Maria Gomez", "John Smith")


def test_clients_are_found_as_you_type(qtbot, ctx, clinic):
    dialog = NewBookingDialog(ctx)
    qtbot.addWidget(dialog)
    settle(ctx, dialog)
    search = dialog.rows[0].search
    qtbot.keyClicks(search, "mar")
    search.search_now()
    settle(ctx)
    labels = search.completer().model().stringList()
    assert labels == ["Maria Gomez <maria@example.com>"]
    search._on_activated(labels[0])
    settle(ctx)
    assert search.chosen.id == clinic.maria


def test_a_callout_without_address_cannot_be_booked(qtbot, ctx, clinic):
    dialog = NewBookingDialog(ctx, csp_id=clinic.ana, mode="callout")
    qtbot.addWidget(dialog)
    settle(ctx, dialog)
    dialog.rows[0].set_client(PickedClient(clinic.maria, "Maria Gomez", "maria@example.com"))
    dialog.rows[0].check_service(clinic.energy)
    settle(ctx, dialog)
    assert not dialog.book_button.isEnabled()
    assert dialog.book_button.toolTip() == "Enter the address the CSP travels to."


def test_patient_specific_services_are_flagged_for_hcp_approval(qtbot, ctx, clinic):
    dialog = NewBookingDialog(ctx)
    qtbot.addWidget(dialog)
    settle(ctx, dialog)
    services = dialog.rows[0].services
    labels = [services.item(i).text() for i in range(services.count())]
    assert any(t.startswith("Semaglutide") and t.endswith("needs HCP approval") for t in labels)
    assert not any(t.startswith("Energy IV") and "approval" in t for t in labels)


def _section(qtbot, ctx, clinic) -> ScheduleSection:
    section = ScheduleSection(ctx)
    qtbot.addWidget(section)
    section.resize(1200, 800)
    section.show()
    settle(ctx)
    section.show_day(clinic.day)
    settle(ctx)
    return section


def test_a_refused_reschedule_snaps_back_and_shows_the_message(qtbot, ctx, clinic):
    section = _section(qtbot, ctx, clinic)
    canvas = section.view.canvas
    grab = canvas.point_for(clinic.ana, at(clinic.day, 9, 20)).toPoint()
    target = canvas.point_for(clinic.ana, at(clinic.day, 11, 20)).toPoint()  # John is there
    booking_id = canvas.booking_at(QPointF(grab))
    assert booking_id is not None
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(canvas, QPoint(grab.x(), (grab.y() + target.y()) // 2))
    qtbot.mouseMove(canvas, target)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=target)
    settle(ctx)
    assert canvas.pending_move(booking_id) is None
    assert canvas.booking_at(QPointF(grab)) == booking_id
    assert "Ana Lopez already has a booking" in section.view.message.text()


def test_dragging_a_booking_to_free_time_moves_it(qtbot, ctx, clinic, uow, admin):
    section = _section(qtbot, ctx, clinic)
    canvas = section.view.canvas
    grab = canvas.point_for(clinic.ana, at(clinic.day, 9, 10)).toPoint()
    target = canvas.point_for(clinic.ana, at(clinic.day, 17, 10)).toPoint()
    booking_id = canvas.booking_at(QPointF(grab))
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(canvas, target)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=target)
    settle(ctx)
    assert scheduling.get_booking(uow, admin, booking_id).start_at == at(clinic.day, 17)
    assert canvas.booking_at(QPointF(target)) == booking_id


def test_the_why_panels_button_opens_the_tab_where_it_is_fixed(qtbot, ctx, clinic, navigations):
    dialog = WhyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.ask(clinic.cara, "callout", clinic.day)
    settle(ctx)
    cards = dialog.panel.cards()
    assert [c.reason.title for c in cards][:2] == ["Account not live", "No callout hours"]
    cards[1].fix_button.click()
    assert navigations == [("providers", {"csp_id": clinic.cara, "tab": "hours"})]


def test_ctrl_n_opens_a_new_booking_from_the_schedule(qtbot, ctx, clinic, monkeypatch):
    opened = []
    monkeypatch.setattr(NewBookingDialog, "exec", lambda self: opened.append(self) or 0)
    section = _section(qtbot, ctx, clinic)
    section.view.canvas.setFocus()
    qtbot.keyClick(section.view.canvas, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1


def test_clicking_free_time_starts_a_booking_for_that_csp_and_time(qtbot, ctx, clinic,
                                                                    monkeypatch):
    opened = []
    monkeypatch.setattr(NewBookingDialog, "exec", lambda self: opened.append(self) or 0)
    section = _section(qtbot, ctx, clinic)
    canvas = section.view.canvas
    point = canvas.point_for(clinic.ben, at(clinic.day, 17, 40)).toPoint()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert opened[0]._wanted_csp == clinic.ben
    assert opened[0]._wanted_start == at(clinic.day, 17, 30)


def test_cancelling_from_the_details_keeps_the_reason(qtbot, ctx, clinic, uow, admin,
                                                      monkeypatch):
    booking = scheduling.list_schedule(uow, admin, clinic.day, 1).columns[0].bookings[0]
    dialog = BookingDetailsDialog(ctx, booking.id)
    qtbot.addWidget(dialog)
    settle(ctx)
    assert dialog.cancel_button.isEnabled()
    from hydreight_desktop.ui.schedule import booking_details

    def answer(self):
        self.field.setText("Client is unwell")
        return 1

    monkeypatch.setattr(booking_details._AskDialog, "exec", answer)
    dialog.cancel_button.click()
    settle(ctx)
    record = scheduling.get_booking(uow, admin, booking.id)
    assert record.status.value == "cancelled" and record.cancel_reason == "Client is unwell"
    assert not dialog.cancel_button.isEnabled()


def test_today_lists_a_csps_bookings_and_checks_in(qtbot, ctx, clinic, uow, admin):
    section = TodaySection(ctx)
    qtbot.addWidget(section)
    settle(ctx)
    section.navigate_to(csp_id=clinic.ana, day=clinic.day)
    settle(ctx)
    assert section.table.rowCount() == 2
    assert section.table.item(0, 1).text() == "Maria Gomez"
    section.table.selectRow(0)
    section.check_in_selected()
    settle(ctx)
    assert section.table.item(0, 4).text() == "Checked in"
    day_after = clinic.day + timedelta(days=1)
    section.navigate_to(day=day_after)
    settle(ctx)
    assert section.table.rowCount() == 0 and "No bookings" in section.empty.text()


def _today_on(qtbot, ctx, clinic, monkeypatch=None) -> TodaySection:
    """The Today list on Ana's day; with ``monkeypatch`` the clock says it is that morning."""
    if monkeypatch is not None:
        monkeypatch.setattr(today_section, "utcnow", lambda: at(clinic.day, 7))
    section = TodaySection(ctx)
    qtbot.addWidget(section)
    settle(ctx)
    section.navigate_to(csp_id=clinic.ana, day=clinic.day)
    settle(ctx)
    return section


def test_on_the_day_a_booking_goes_from_today_straight_to_its_session(qtbot, ctx, clinic,
                                                                       navigations,
                                                                       monkeypatch):
    section = _today_on(qtbot, ctx, clinic, monkeypatch)
    section.table.selectRow(0)
    booking = section.selected()
    assert not section.session_button.isHidden() and section.session_button.isEnabled()
    assert section.session_button.text().replace("&", "") == "Start session"
    section.session_button.click()
    assert navigations == [("sessions", {"booking_id": booking.id})]


def test_a_running_session_is_reopened_from_today(qtbot, ctx, clinic, navigations, monkeypatch):
    section = _today_on(qtbot, ctx, clinic, monkeypatch)
    first, *rest = section.today.bookings
    running = replace(first, status=BookingStatus.IN_SESSION)
    section.show_list(replace(section.today, bookings=(running, *rest)))
    section.table.selectRow(0)
    assert section.session_button.text().replace("&", "") == "Open session"
    section.session_for_selected()
    assert navigations == [("sessions", {"booking_id": first.id})]


def test_coming_back_to_today_shows_what_changed_elsewhere(qtbot, ctx, clinic, uow, admin,
                                                           monkeypatch):
    section = _today_on(qtbot, ctx, clinic, monkeypatch)
    section.show()
    first = section.today.bookings[0]
    section.hide()
    scheduling.check_in_booking(uow, admin, first.id)  # e.g. at the front desk's screen
    section.show()
    settle(ctx)
    assert section.table.item(0, 4).text() == "Checked in"
    section.table.selectRow(0)
    assert not section.check_in_button.isEnabled() and section.session_button.isEnabled()


def test_sessions_for_a_later_day_cannot_be_started_yet(qtbot, ctx, clinic, navigations):
    section = _today_on(qtbot, ctx, clinic)  # the clinic's bookings are tomorrow
    section.table.selectRow(0)
    assert not section.session_button.isEnabled()
    assert "day of the booking" in section.session_button.toolTip()
    section.session_for_selected()
    assert navigations == []


def test_a_cancelled_booking_has_no_session_to_start(qtbot, ctx, clinic, uow, admin,
                                                     monkeypatch):
    booking = scheduling.list_schedule(uow, admin, clinic.day, 1).columns[0].bookings[0]
    scheduling.cancel_booking(uow, admin, booking.id, "Client is unwell")
    section = _today_on(qtbot, ctx, clinic, monkeypatch)
    row = next(i for i, b in enumerate(section.today.bookings) if b.id == booking.id)
    section.table.selectRow(row)
    assert not section.session_button.isEnabled()


def test_the_front_desk_cannot_start_sessions_from_today(qtbot, qapp, uow, admin, clinic,
                                                         navigations, monkeypatch):
    desk = Actor(admin.user_id, admin.business_id, Role.FRONT_DESK, "Fran Front",
                 "fran@glowclinic.com")
    runner = TaskRunner()
    desk_ctx = AppContext(uow, runner, desk, get_business(uow, desk),
                          navigate=lambda key, **params: navigations.append((key, params)))
    try:
        section = _today_on(qtbot, desk_ctx, clinic, monkeypatch)
        section.table.selectRow(0)
        assert section.open_button.isEnabled()
        assert section.session_button.isHidden() and not section.session_button.isEnabled()
        section.session_for_selected()
        assert navigations == []
    finally:
        runner.wait_idle()
        runner.shutdown()


def test_first_available_lists_free_times_with_the_csp_who_has_them(qtbot, ctx, clinic):
    dialog = NewBookingDialog(ctx, mode="facility")
    qtbot.addWidget(dialog)
    settle(ctx, dialog)
    assert dialog.csp_id is None  # "First available" is the default
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(1))
    dialog.rows[0].set_client(PickedClient(clinic.maria, "Maria Gomez", "maria@example.com"))
    dialog.rows[0].check_service(clinic.energy)
    settle(ctx, dialog)
    texts = [dialog.slot_list.item(i).text() for i in range(dialog.slot_list.count())]
    assert texts and texts[0].startswith("8:00 AM") and texts[0].endswith("Ana Lopez")
    assert any(t.endswith("Ben Okafor") for t in texts)


def _fill_one_client(dialog, clinic) -> None:
    dialog.rows[0].set_client(PickedClient(clinic.john, "John Smith", "john@example.com"))
    dialog.rows[0].check_service(clinic.energy)


def test_two_desks_booking_the_same_time_the_second_gets_the_next_free_times(qtbot, ctx,
                                                                             clinic):
    start = at(clinic.day, 17)
    desks = []
    for _ in range(2):
        dialog = NewBookingDialog(ctx, csp_id=clinic.ana, start=start)
        qtbot.addWidget(dialog)
        settle(ctx, dialog)
        _fill_one_client(dialog, clinic)
        settle(ctx, dialog)
        assert dialog.selected_slot().start_at == start
        desks.append(dialog)
    first, second = desks
    first.show()
    qtbot.waitExposed(first)
    first.activateWindow()
    qtbot.keyClick(first.slot_list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(ctx)
    assert first.booking is not None, first.message.text()
    second.book()
    settle(ctx)
    assert second.booking is None
    assert "already" in second.message.text()
    assert second.slot_list.count() > 0
    assert second.selected_slot().start_at != start


def test_tab_walks_the_booking_form_from_top_to_bottom(qtbot, ctx, clinic):
    dialog = NewBookingDialog(ctx)
    qtbot.addWidget(dialog)
    settle(ctx, dialog)
    second = dialog.add_client_row()
    order, widget = [], dialog.date_edit
    for _ in range(40):
        widget = widget.nextInFocusChain()
        order.append(widget)
        if widget is dialog.slot_list:
            break
    first = dialog.rows[0]
    positions = [order.index(w) for w in (first.search, first.services, second.search,
                                          second.services, dialog.add_client_button,
                                          dialog.slot_list)]
    assert positions == sorted(positions)
