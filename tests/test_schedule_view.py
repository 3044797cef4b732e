"""The painted schedule: what it draws, where a click lands, and how a drag reschedules."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor

from hydreight_desktop.ui.schedule import palette
from hydreight_desktop.ui.schedule.view import ScheduleView
from hydreight_desktop.ui.schedule.zone_selector import ZoneSelector, zone_choices
from tests.schedule_data import DAY, LOS_ANGELES, at, sample_schedule


@pytest.fixture
def view(qtbot):
    widget = ScheduleView(now=lambda: at(11, 40))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.set_data(sample_schedule())
    widget.set_days([DAY])
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _point(view, csp_id, instant) -> QPoint:
    point = view.canvas.point_for(csp_id, instant)
    assert point is not None
    return point.toPoint()


def _pixel(view, point: QPoint) -> QColor:
    image = view.canvas.grab().toImage()
    return image.pixelColor(point)


def test_bookings_are_painted_in_their_status_colour(view):
    centre = _point(view, "ana", at(9, 30))
    assert _pixel(view, centre).name().upper() == palette.STATUS_STYLES["booked"].fill


def test_time_outside_working_hours_is_shaded_and_working_time_is_not(view):
    assert _pixel(view, _point(view, "ana", at(18, 40))) == palette.OUTSIDE_HOURS
    assert _pixel(view, _point(view, "ana", at(16, 10))) == palette.WORKING_HOURS


def test_lunch_block_is_hatched(view):
    colours = set()
    centre = _point(view, "ana", at(12, 40))
    image = view.canvas.grab().toImage()
    for dx in range(-12, 12):
        colours.add(image.pixelColor(centre + QPoint(dx, 0)).name())
    assert palette.BLOCKED_HATCH.name() in colours and palette.BLOCKED_FILL.name() in colours


def test_now_line_is_drawn_at_the_current_time(view):
    point = _point(view, "ben", at(11, 40))
    assert _pixel(view, point) == palette.NOW_LINE


def test_the_hour_gutter_names_the_selected_zone(view):
    assert view.header.corner_text() == ("EDT", "New York")
    view.set_display_zone("America/Los_Angeles")
    assert view.header.corner_text() == ("PDT", "Los Angeles")


def test_a_csp_in_another_zone_is_labelled_with_their_home_zone(view):
    titles = dict(view.header.column_texts())
    assert titles["Ben Okafor"] == "Home zone PDT · Los Angeles"


def test_clicking_free_time_gives_the_csp_and_the_utc_start(view, qtbot):
    # 1:10 PM in New York on Ben's lane: Ben lives in Los Angeles; the slot is 17:00 UTC
    point = _point(view, "ben", at(13, 10))
    with qtbot.waitSignal(view.freeTimeClicked) as signal:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=point)
    csp_id, start = signal.args
    assert csp_id == "ben"
    assert start == at(13, 0) == at(10, 0, LOS_ANGELES)


def test_clicking_free_time_in_the_csps_own_zone_gives_the_same_instant(view, qtbot):
    view.set_display_zone("America/Los_Angeles")
    point = _point(view, "ben", at(10, 20, LOS_ANGELES))
    with qtbot.waitSignal(view.freeTimeClicked) as signal:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == ["ben", at(10, 15, LOS_ANGELES)]


def test_clicking_a_booking_opens_it_instead_of_starting_a_new_one(view, qtbot):
    with qtbot.waitSignal(view.bookingActivated) as signal:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=_point(view, "ana", at(9, 20)))
    assert signal.args == ["b-booked"]


def test_week_view_click_lands_on_the_right_day_and_csp(view, qtbot):
    monday = DAY - timedelta(days=DAY.weekday())
    view.set_days([monday + timedelta(days=n) for n in range(7)])
    thursday = monday + timedelta(days=3)
    point = _point(view, "ana", at(15, 50, day=thursday))
    with qtbot.waitSignal(view.freeTimeClicked) as signal:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == ["ana", at(15, 45, day=thursday)]


def _drag(qtbot, canvas, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    qtbot.mouseMove(canvas, middle)
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)


def test_dragging_a_booking_asks_to_reschedule_at_the_nearest_quarter_hour(view, qtbot):
    grab = _point(view, "ana", at(9, 0) + timedelta(minutes=10))
    target = _point(view, "ben", at(13, 17))  # grabbed 10 min into the block: start 13:07
    with qtbot.waitSignal(view.rescheduleRequested) as signal:
        _drag(qtbot, view.canvas, grab, target)
    booking_id, csp_id, start = signal.args
    assert (booking_id, csp_id) == ("b-booked", "ben")
    assert start == at(13, 0)
    # until the service answers, the block waits at its new place
    assert view.canvas.pending_move("b-booked") == ("ben", at(13, 0))
    assert view.canvas.booking_at(QPointF(target)) == "b-booked"


def test_a_refused_move_snaps_back_and_shows_the_services_message(view, qtbot):
    grab = _point(view, "ana", at(9, 20))
    target = _point(view, "ana", at(16, 20))
    with qtbot.waitSignal(view.rescheduleRequested):
        _drag(qtbot, view.canvas, grab, target)
    message = "Ana Lopez already has a booking at 4:00 PM EDT."
    view.refuse_reschedule("b-booked", message)
    assert view.canvas.pending_move("b-booked") is None
    assert view.canvas.booking_at(QPointF(grab)) == "b-booked"
    assert view.canvas.booking_at(QPointF(target)) is None
    assert view.message.isVisible() and view.message.text() == message


def test_a_completed_booking_cannot_be_dragged(view, qtbot):
    grab = _point(view, "ana", at(10, 40))
    with qtbot.assertNotEmitted(view.rescheduleRequested):
        _drag(qtbot, view.canvas, grab, _point(view, "ana", at(15, 40)))
    assert view.canvas.pending_move("b-done") is None


def test_escape_cancels_a_drag(view, qtbot):
    grab = _point(view, "ana", at(9, 20))
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(view.canvas, _point(view, "ana", at(15, 0)))
    qtbot.keyClick(view.canvas, Qt.Key.Key_Escape)
    with qtbot.assertNotEmitted(view.rescheduleRequested):
        qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, pos=_point(view, "ana", at(15, 0)))


def test_zone_choices_offer_the_clinic_zone_then_each_csp_zone(qtbot):
    data = sample_schedule()
    choices = zone_choices(data.clinic_zone, data.csps, DAY)
    assert [zone for _, zone in choices] == ["America/New_York", "America/Los_Angeles"]
    assert choices[0][0] == "Clinic time: New York (EDT)"
    assert choices[1][0] == "Los Angeles (PDT): Ben Okafor"
    selector = ZoneSelector()
    qtbot.addWidget(selector)
    selector.set_choices(data.clinic_zone, data.csps, DAY)
    with qtbot.waitSignal(selector.zoneChanged) as signal:
        selector.setCurrentIndex(1)
    assert signal.args == ["America/Los_Angeles"]


def test_tooltip_explains_the_booking_under_the_mouse(view):
    text = view.canvas.tooltip_at(QPointF(_point(view, "ana", at(14, 30))))
    assert "The Johnson family" in text and "Callout" in text and "Booked" in text


def test_a_read_only_schedule_neither_moves_nor_starts_bookings(view, qtbot):
    view.set_editable(False)
    grab = _point(view, "ana", at(9, 20))
    with qtbot.assertNotEmitted(view.rescheduleRequested), \
            qtbot.assertNotEmitted(view.freeTimeClicked):
        _drag(qtbot, view.canvas, grab, _point(view, "ana", at(15, 20)))
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                         pos=_point(view, "ana", at(16, 10)))
    with qtbot.waitSignal(view.bookingActivated):
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=grab)
