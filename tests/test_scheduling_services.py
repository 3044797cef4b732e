"""Booking use cases against a real store: the clinic's booking rules, end to end."""

from __future__ import annotations

import shutil
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from hydreight_desktop.domain.booking_status import BookingStatus
from hydreight_desktop.domain.errors import (
    ConflictError,
    DomainError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.domain.why_not_bookable import ReasonCode
from hydreight_desktop.services import scheduling as sched
from hydreight_desktop.services.auth import sign_in
from hydreight_desktop.services.business import (
    BusinessSettings,
    NewBusiness,
    create_business,
    get_business,
    update_business,
)
from hydreight_desktop.services.catalog import ServiceForm, update_service
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.providers import add_vacation
from hydreight_desktop.services.scheduling_records import (
    BookingClientForm,
    BookingForm,
    SlotTakenError,
)
from hydreight_desktop.store.engine import open_store
from hydreight_desktop.store.models import Booking, BookingClient, BookingService, OutboxEntry
from hydreight_desktop.store.uow import UnitOfWork
from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD
from tests.scheduling_support import NY, build_scheduling_clinic, clinic_at


@pytest.fixture(scope="module")
def clinic_template(tmp_path_factory, template_store_path):
    """Build the clinic once (staff passwords are slow to hash); each test gets a copy."""
    path = tmp_path_factory.mktemp("clinic") / "clinic.sqlite"
    shutil.copyfile(template_store_path, path)
    built = open_store(path)
    try:
        setup_uow = UnitOfWork(built)
        business = create_business(
            setup_uow,
            NewBusiness(
                BusinessSettings(name="Glow Mobile IV", time_zone="America/New_York"),
                "Olivia Owner",
                ADMIN_EMAIL,
                ADMIN_PASSWORD,
            ),
        )
        owner = sign_in(setup_uow, business.id, ADMIN_EMAIL, ADMIN_PASSWORD)
        return path, build_scheduling_clinic(setup_uow, owner)
    finally:
        built.close()


@pytest.fixture
def store(tmp_path, clinic_template):
    path = tmp_path / "clinic.sqlite"
    shutil.copyfile(clinic_template[0], path)
    opened = open_store(path)
    yield opened
    opened.close()


@pytest.fixture
def clinic(clinic_template):
    return clinic_template[1]


@pytest.fixture
def admin(clinic):
    return clinic.admin


def one(client_id, *service_ids):
    return BookingClientForm(client_id, tuple(service_ids))


def form(clinic, start, *clients, csp=None, mode="callout", address="12 Elm St, Boston"):
    return BookingForm(
        csp_id=csp or clinic.jane,
        mode=mode,
        start_at=start,
        clients=tuple(clients) or (one(clinic.clients[0], clinic.iv),),
        address=address,
    )


def counts(uow) -> tuple[int, int, int, int]:
    with uow.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m))
            for m in (Booking, BookingClient, BookingService, OutboxEntry)
        )


# --------------------------------------------------------------------------- creating


def test_front_desk_books_four_clients_one_after_another(uow, clinic):
    c = clinic.clients
    rec = sched.create_booking(
        uow,
        clinic.desk,
        form(
            clinic,
            clinic_at(clinic, 9),
            one(c[0], clinic.iv),
            one(c[1], clinic.nad),
            one(c[2], clinic.b12, clinic.iv),
            one(c[3], clinic.b12),
        ),
    )
    assert [x.name for x in rec.clients] == ["Maria Lopez", "Tom Lopez", "Ana Lopez", "Ben Lopez"]
    assert rec.duration_minutes == 60 + 90 + 75 + 15
    assert rec.total_cents == 15000 + 30000 + 3500 + 15000 + 3500
    assert rec.status is BookingStatus.BOOKED and rec.booked_by_name == "Dana Desk"
    assert rec.address == "12 Elm St, Boston" and rec.csp_name == "Jane Rivera"
    assert sched.get_booking(uow, clinic.desk, rec.id) == rec


def test_side_by_side_clients_take_the_longest_plus_set_up_minutes(uow, admin, clinic):
    settings = get_business(uow, admin).settings
    from dataclasses import replace

    update_business(
        uow,
        admin,
        replace(settings, multi_client_timing="side_by_side", extra_client_setup_minutes=10),
    )
    c = clinic.clients
    clients = [
        one(c[0], clinic.iv),
        one(c[1], clinic.nad),
        one(c[2], clinic.b12),
        one(c[3], clinic.iv),
    ]
    quote = sched.quote_booking(uow, clinic.desk, clients)
    assert quote.duration_minutes == 90 + 3 * 10 and quote.timing == "side_by_side"
    rec = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 10), *clients))
    assert rec.duration_minutes == 120


def test_a_booking_keeps_the_price_and_length_it_was_booked_at(uow, admin, clinic):
    rec = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    update_service(uow, admin, clinic.iv, ServiceForm("Energy IV", "IV Therapy", 19900, 45))
    again = sched.get_booking(uow, clinic.desk, rec.id)
    assert again.total_cents == 15000 and again.duration_minutes == 60


def test_patient_specific_services_are_booked_and_flagged_for_approval(uow, clinic):
    quote = sched.quote_booking(uow, clinic.desk, [one(clinic.clients[0], clinic.glp1)])
    assert quote.psf_service_names == ("GLP-1 Start",)
    rec = sched.create_booking(
        uow, clinic.desk, form(clinic, clinic_at(clinic, 9), one(clinic.clients[0], clinic.glp1))
    )
    assert rec.clients[0].services[0].psf_needs_approval and rec.needs_psf_approval


def test_a_facility_booking_keeps_no_address(uow, clinic):
    rec = sched.create_booking(
        uow, clinic.desk, form(clinic, clinic_at(clinic, 9), mode="facility", address="ignored")
    )
    assert rec.address is None


def test_making_a_booking_writes_its_outbox_entries(uow, clinic):
    before = counts(uow)
    sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    after = counts(uow)
    assert after[:3] == (before[0] + 1, before[1] + 1, before[2] + 1)
    assert after[3] >= before[3] + 3


# --------------------------------------------------------------------------- refusals


def refused(uow, clinic, booking_form, error=DomainError, match=None, actor=None):
    before = counts(uow)
    with pytest.raises(error, match=match):
        sched.create_booking(uow, actor or clinic.desk, booking_form)
    assert counts(uow) == before, "a refused booking must write nothing"


def test_a_start_in_the_past_is_refused(uow, clinic):
    refused(
        uow, clinic, form(clinic, datetime.now(UTC) - timedelta(hours=1)), match="already passed"
    )


def test_a_start_inside_the_advance_booking_time_is_refused(uow, clinic):
    soon = datetime.now(UTC) + timedelta(minutes=30)  # callout needs 2 hours by default
    refused(uow, clinic, form(clinic, soon), match="of notice")


def test_a_start_outside_hours_is_refused(uow, clinic):
    refused(
        uow,
        clinic,
        form(clinic, clinic_at(clinic, 21)),
        match="outside Jane Rivera's callout hours",
    )


def test_a_start_on_a_vacation_is_refused(uow, admin, clinic):
    add_vacation(
        uow, admin, clinic.jane, clinic_at(clinic, 0), clinic_at(clinic, 0, days=1), "Vacation"
    )
    refused(uow, clinic, form(clinic, clinic_at(clinic, 10)), match="away \\(Vacation\\)")


def test_overlapping_another_booking_of_the_csp_is_refused_with_next_free_slots(uow, clinic):
    sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    before = counts(uow)
    with pytest.raises(SlotTakenError) as err:
        sched.create_booking(
            uow,
            clinic.desk,
            form(clinic, clinic_at(clinic, 9, 30), one(clinic.clients[4], clinic.iv)),
        )
    assert counts(uow) == before
    assert "already has a booking" in str(err.value) and "Next free times" in str(err.value)
    assert err.value.next_slots[0].start_at == clinic_at(clinic, 10, 30)  # 30 min travel buffer


def test_a_client_already_booked_with_another_csp_at_that_time_is_refused(uow, clinic):
    sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 12)))
    refused(
        uow,
        clinic,
        form(clinic, clinic_at(clinic, 12, 30), csp=clinic.leo),
        ConflictError,
        "Maria Lopez already has a booking with Jane Rivera",
    )


def test_a_callout_without_address_is_refused(uow, clinic):
    refused(
        uow, clinic, form(clinic, clinic_at(clinic, 9), address="  "), ValidationError, "address"
    )


def test_a_booking_with_no_client_is_refused(uow, clinic):
    bad = BookingForm(clinic.jane, "callout", clinic_at(clinic, 9), (), "12 Elm St")
    refused(uow, clinic, bad, ValidationError, "at least one client")


def test_a_client_with_no_service_is_refused(uow, clinic):
    bad = form(
        clinic, clinic_at(clinic, 9), one(clinic.clients[0], clinic.iv), one(clinic.clients[1])
    )
    refused(uow, clinic, bad, ValidationError, "Client 2 has no service")


def test_an_inactive_service_is_refused(uow, clinic):
    bad = form(clinic, clinic_at(clinic, 9), one(clinic.clients[0], clinic.retired))
    refused(uow, clinic, bad, ValidationError, "Old Drip is no longer offered")


def test_a_csp_who_is_not_live_cannot_be_booked(uow, clinic):
    refused(uow, clinic, form(clinic, clinic_at(clinic, 9), csp=clinic.sam), match="not live")


def test_the_same_client_twice_in_one_booking_is_refused(uow, clinic):
    c = clinic.clients[0]
    refused(
        uow,
        clinic,
        form(clinic, clinic_at(clinic, 9), one(c, clinic.iv), one(c, clinic.b12)),
        ValidationError,
        "twice",
    )


def test_an_unknown_mode_is_refused(uow, clinic):
    refused(uow, clinic, form(clinic, clinic_at(clinic, 9), mode="drive-thru"), ValidationError)


def test_a_time_without_a_zone_is_refused(uow, clinic):
    naive = clinic_at(clinic, 9).replace(tzinfo=None)
    refused(uow, clinic, form(clinic, naive), ValidationError, "date and a time")


def test_an_hcp_cannot_make_bookings(uow, clinic):
    hcp = Actor("x", clinic.admin.business_id, Role.HCP, "Dr Who", "dr@glowclinic.com")
    refused(uow, clinic, form(clinic, clinic_at(clinic, 9)), PermissionDenied, actor=hcp)


# --------------------------------------------------------------------------- racing


def test_two_front_desks_racing_for_one_slot_one_wins_the_other_gets_next_free_slots(store, clinic):
    """Two desks, two connections to one SQLite file, the same slot at the same moment."""
    stores = [open_store(store.path), open_store(store.path)]
    barrier = threading.Barrier(2)
    results: list[object] = [None, None]

    def desk(i: int) -> None:
        booking = form(clinic, clinic_at(clinic, 14), one(clinic.clients[i * 4], clinic.iv))
        barrier.wait()
        try:
            results[i] = sched.create_booking(UnitOfWork(stores[i]), clinic.desk, booking)
        except DomainError as exc:
            results[i] = exc

    threads = [threading.Thread(target=desk, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    for s in stores:
        s.close()
    errors = [r for r in results if isinstance(r, DomainError)]
    winners = [r for r in results if not isinstance(r, DomainError)]
    assert len(winners) == 1 and len(errors) == 1
    assert isinstance(errors[0], SlotTakenError)
    assert "already has a booking" in str(errors[0])
    assert errors[0].next_slots and errors[0].next_slots[0].start_at >= winners[0].end_at
    with UnitOfWork(store).read() as s:
        assert s.scalar(select(func.count()).select_from(Booking)) == 1


# --------------------------------------------------------------------------- changes


def test_rescheduling_rechecks_availability(uow, clinic):
    first = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    second = sched.create_booking(
        uow, clinic.desk, form(clinic, clinic_at(clinic, 13), one(clinic.clients[4], clinic.iv))
    )
    with pytest.raises(SlotTakenError):
        sched.reschedule_booking(uow, clinic.desk, second.id, clinic_at(clinic, 9, 30))
    moved = sched.reschedule_booking(uow, clinic.desk, first.id, clinic_at(clinic, 9, 30))
    assert moved.start_at == clinic_at(clinic, 9, 30) and moved.duration_minutes == 60


def test_rescheduling_outside_hours_is_refused(uow, clinic):
    rec = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    with pytest.raises(ValidationError, match="outside"):
        sched.reschedule_booking(uow, clinic.desk, rec.id, clinic_at(clinic, 23))
    assert sched.get_booking(uow, clinic.desk, rec.id).start_at == clinic_at(clinic, 9)


def test_changing_the_csp_checks_the_new_csps_hours(uow, clinic):
    rec = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    # Leo works 8-5 in Los Angeles: 9 AM New York is 6 AM for him.
    with pytest.raises(ValidationError, match="outside Leo Park's callout hours"):
        sched.change_booking_csp(uow, clinic.desk, rec.id, clinic.leo)
    with pytest.raises(DomainError, match="not live"):
        sched.change_booking_csp(uow, clinic.desk, rec.id, clinic.sam)
    moved = sched.change_booking_csp(uow, clinic.desk, rec.id, clinic.leo, clinic_at(clinic, 12))
    assert moved.csp_name == "Leo Park" and moved.start_at == clinic_at(clinic, 12)


def test_adding_a_client_lengthens_the_booking_and_rechecks_it(uow, clinic):
    rec = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    sched.create_booking(
        uow, clinic.desk, form(clinic, clinic_at(clinic, 12), one(clinic.clients[4], clinic.iv))
    )
    grown = sched.add_booking_client(uow, clinic.desk, rec.id, one(clinic.clients[1], clinic.iv))
    assert grown.end_at == clinic_at(clinic, 11) and len(grown.clients) == 2
    with pytest.raises(SlotTakenError):  # 11:00 + 90 min would run into the 12:00 callout
        sched.add_booking_client(uow, clinic.desk, rec.id, one(clinic.clients[2], clinic.nad))
    assert len(sched.get_booking(uow, clinic.desk, rec.id).clients) == 2


def test_removing_a_client_shortens_the_booking_but_not_the_last_one(uow, clinic):
    rec = sched.create_booking(
        uow,
        clinic.desk,
        form(
            clinic,
            clinic_at(clinic, 9),
            one(clinic.clients[0], clinic.iv),
            one(clinic.clients[1], clinic.nad),
        ),
    )
    shorter = sched.remove_booking_client(uow, clinic.desk, rec.id, rec.clients[1].id)
    assert shorter.duration_minutes == 60 and [c.position for c in shorter.clients] == [1]
    with pytest.raises(ValidationError, match="Cancel the booking instead"):
        sched.remove_booking_client(uow, clinic.desk, rec.id, shorter.clients[0].id)


def test_cancelling_needs_a_reason_and_frees_the_time(uow, clinic):
    rec = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    with pytest.raises(ValidationError, match="why"):
        sched.cancel_booking(uow, clinic.desk, rec.id, "  ")
    done = sched.cancel_booking(uow, clinic.desk, rec.id, "Client is unwell")
    assert done.status is BookingStatus.CANCELLED and done.cancel_reason == "Client is unwell"
    sched.create_booking(
        uow, clinic.desk, form(clinic, clinic_at(clinic, 9), one(clinic.clients[4], clinic.iv))
    )
    with pytest.raises(ValidationError, match="cancelled, so it can no longer be moved"):
        sched.reschedule_booking(uow, clinic.desk, rec.id, clinic_at(clinic, 15))


def test_a_no_show_can_only_be_marked_after_the_start(uow, clinic):
    rec = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    with pytest.raises(ValidationError, match="once its start time has passed"):
        sched.mark_no_show(uow, clinic.desk, rec.id)


def test_a_csp_checks_in_their_own_booking_but_cannot_book(uow, clinic):
    rec = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    other = sched.create_booking(
        uow,
        clinic.desk,
        form(clinic, clinic_at(clinic, 12), one(clinic.clients[4], clinic.iv), csp=clinic.leo),
    )
    assert sched.check_in_booking(uow, clinic.jane_actor, rec.id).status is BookingStatus.CHECKED_IN
    with pytest.raises(ValidationError, match="your own bookings"):
        sched.check_in_booking(uow, clinic.jane_actor, other.id)
    with pytest.raises(PermissionDenied):
        sched.create_booking(uow, clinic.jane_actor, form(clinic, clinic_at(clinic, 15)))


def test_status_menu_routes_to_the_owning_action(uow, clinic):
    rec = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    assert sched.set_booking_status(uow, clinic.desk, rec.id, "checked_in").status == "checked_in"
    cancelled = sched.set_booking_status(uow, clinic.desk, rec.id, "cancelled", "Rain")
    assert cancelled.cancel_reason == "Rain"
    with pytest.raises(DomainError, match="can no longer change"):
        sched.set_booking_status(uow, clinic.desk, rec.id, "checked_in")


def test_an_unknown_booking_is_reported_plainly(uow, clinic):
    with pytest.raises(NotFound, match="no longer exists"):
        sched.get_booking(uow, clinic.desk, "nope")


# --------------------------------------------------------------------------- reading


def test_slots_leave_out_booked_time_and_travel(uow, clinic):
    sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    slots = sched.find_slots(uow, clinic.desk, clinic.jane, "callout", 60, clinic.day)
    starts = [x.start_at.astimezone(NY).strftime("%H:%M") for x in slots]
    assert starts[0] == "10:30" and "08:00" not in starts and starts[-1] == "19:00"


def test_csp_in_another_time_zone_has_slots_in_their_own_hours(uow, clinic):
    slots = sched.find_slots(uow, clinic.desk, clinic.leo, "callout", 60, clinic.day)
    assert slots[0].start_at.astimezone(NY).hour == 11  # 8 AM in Los Angeles
    assert slots[-1].end_at.astimezone(NY).hour == 20  # 5 PM in Los Angeles


def test_first_available_picks_the_earliest_live_csp(uow, clinic):
    sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 8), csp=clinic.jane))
    best = sched.first_available(uow, clinic.desk, "callout", 60, clinic.day)
    assert best.csp_name == "Jane Rivera" and best.start_at == clinic_at(clinic, 9, 30)


def test_why_not_bookable_explains_a_non_live_csp(uow, clinic):
    report = sched.why_not_bookable(uow, clinic.desk, clinic.sam, "callout", clinic.day)
    assert not report.bookable
    assert report.reasons[0].code is ReasonCode.NOT_LIVE and report.reasons[0].tab == "details"


def test_why_not_bookable_explains_missing_facility_hours_and_time_zone(uow, clinic):
    report = sched.why_not_bookable(uow, clinic.desk, clinic.leo, "facility", clinic.day)
    assert report.codes() == (ReasonCode.NO_HOURS, ReasonCode.TIME_ZONE)


def test_the_schedule_has_a_column_per_csp_with_hours_blocks_and_bookings(uow, admin, clinic):
    add_vacation(uow, admin, clinic.leo, clinic_at(clinic, 12), clinic_at(clinic, 14), "Training")
    rec = sched.create_booking(
        uow,
        clinic.desk,
        form(
            clinic,
            clinic_at(clinic, 9),
            one(clinic.clients[0], clinic.iv),
            one(clinic.clients[1], clinic.glp1),
        ),
    )
    view = sched.list_schedule(uow, clinic.desk, clinic.day)
    by_name = {c.name: c for c in view.columns}
    assert set(by_name) == {"Jane Rivera", "Leo Park", "Sam Onboarding"}
    jane = by_name["Jane Rivera"]
    assert [b.id for b in jane.bookings] == [rec.id]
    block = jane.bookings[0]
    assert block.title == "Maria Lopez +1" and block.needs_psf_approval
    assert block.service_names == ("Energy IV", "GLP-1 Start")
    assert {w.mode.value for w in jane.working} == {"callout", "facility"}
    assert by_name["Leo Park"].blocks[0].label == "Training"
    assert not by_name["Sam Onboarding"].is_live
    week = sched.list_schedule(uow, clinic.desk, clinic.day, 7)
    assert len([w for w in next(c for c in week.columns if c.name == "Leo Park").working]) == 7


def test_cancelled_bookings_leave_the_schedule_unless_asked_for(uow, clinic):
    rec = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    sched.cancel_booking(uow, clinic.desk, rec.id, "Moved away")
    view = sched.list_schedule(uow, clinic.desk, clinic.day)
    assert all(not c.bookings for c in view.columns)
    view = sched.list_schedule(uow, clinic.desk, clinic.day, include_cancelled=True)
    assert [b.status for c in view.columns for b in c.bookings] == [BookingStatus.CANCELLED]


def test_a_csps_today_list_shows_their_own_bookings(uow, clinic):
    rec = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    sched.create_booking(
        uow,
        clinic.desk,
        form(clinic, clinic_at(clinic, 12), one(clinic.clients[4], clinic.iv), csp=clinic.leo),
    )
    today = sched.today_for_csp(uow, clinic.jane_actor, day=clinic.day)
    assert [b.id for b in today.bookings] == [rec.id] and today.csp_name == "Jane Rivera"
    with pytest.raises(ValidationError, match="your own day"):
        sched.today_for_csp(uow, clinic.jane_actor, clinic.leo, clinic.day)
    assert sched.today_for_csp(uow, clinic.desk, clinic.leo, clinic.day).bookings


def test_the_booking_screen_lists_csps_and_bookable_services(uow, clinic):
    choices = sched.list_csps_for_booking(uow, clinic.desk, "facility")
    assert [c.name for c in choices] == ["Jane Rivera"]
    live = sched.list_csps_for_booking(uow, clinic.desk, live_only=True)
    assert [c.name for c in live] == ["Jane Rivera", "Leo Park"]
    names = [x.name for x in sched.bookable_services(uow, clinic.desk)]
    assert "Old Drip" not in names and "Energy IV" in names


def _next_dst_change(tz, after):
    """The first local day after ``after`` whose UTC offset differs from the day before."""
    day = after
    for _ in range(400):
        nxt = day + timedelta(days=1)
        if (
            datetime.combine(nxt, datetime.min.time(), tz).utcoffset()
            != datetime.combine(nxt + timedelta(days=1), datetime.min.time(), tz).utcoffset()
        ):
            return nxt
        day = nxt
    raise AssertionError("no daylight-saving change within a year")


def test_on_a_daylight_saving_day_slots_and_bookings_follow_local_hours(uow, admin, clinic):
    from dataclasses import replace

    settings = get_business(uow, admin).settings
    update_business(uow, admin, replace(settings, booking_window_days=730))
    day = _next_dst_change(NY, clinic.day)  # New York changes clocks overnight into this day
    slots = sched.find_slots(uow, clinic.desk, clinic.jane, "callout", 60, day)
    local = [x.start_at.astimezone(NY) for x in slots]
    assert local[0].strftime("%H:%M") == "08:00" and local[-1].strftime("%H:%M") == "19:00"
    assert len(slots) == 11 * 4 + 1
    start = datetime.combine(day, datetime.min.time().replace(hour=9), NY)
    rec = sched.create_booking(uow, clinic.desk, form(clinic, start))
    assert rec.start_at == start and rec.duration_minutes == 60


def test_a_former_csp_is_no_longer_bookable(uow, admin, clinic):
    from hydreight_desktop.services.providers import get_csp_profile
    from hydreight_desktop.services.staff import StaffUpdate, get_staff, update_staff

    staff_id = get_csp_profile(uow, admin, clinic.leo).staff_id
    current = get_staff(uow, admin, staff_id)
    update_staff(
        uow, admin, staff_id, StaffUpdate(current.full_name, current.phone, Role.FRONT_DESK, True)
    )
    assert clinic.leo not in [c.id for c in sched.list_csps_for_booking(uow, clinic.desk)]
    with pytest.raises(DomainError, match="not live"):
        sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 12), csp=clinic.leo))


def test_a_callout_address_can_be_changed_but_not_emptied(uow, clinic):
    rec = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 9)))
    changed = sched.update_booking_details(
        uow, clinic.desk, rec.id, notes="Gate code 4411", address="9 Oak Ave, Boston"
    )
    assert changed.address == "9 Oak Ave, Boston" and changed.notes == "Gate code 4411"
    with pytest.raises(ValidationError, match="address"):
        sched.update_booking_details(uow, clinic.desk, rec.id, notes="", address="")
    assert sched.get_booking(uow, clinic.desk, rec.id).address == "9 Oak Ave, Boston"


def test_adding_a_client_cannot_push_another_client_into_a_clash(uow, clinic):
    maria = clinic.clients[0]
    # 9:00-10:30 with Jane, then Maria sees Leo at 11:00 (8 AM his time).
    rec = sched.create_booking(
        uow, clinic.desk, form(clinic, clinic_at(clinic, 9), one(maria, clinic.nad))
    )
    sched.create_booking(
        uow,
        clinic.desk,
        form(clinic, clinic_at(clinic, 11), one(maria, clinic.b12), csp=clinic.leo),
    )
    with pytest.raises(ConflictError, match="Maria Lopez already has a booking with Leo Park"):
        sched.add_booking_client(uow, clinic.desk, rec.id, one(clinic.clients[1], clinic.iv))


def test_free_times_offered_for_a_client_leave_out_when_they_are_booked_elsewhere(uow, clinic):
    booked = sched.create_booking(uow, clinic.desk, form(clinic, clinic_at(clinic, 12)))
    client = clinic.clients[0]
    with_leo = sched.find_slots(uow, clinic.desk, clinic.leo, "callout", 60, clinic.day)
    for_client = sched.find_slots(
        uow, clinic.desk, clinic.leo, "callout", 60, clinic.day, client_ids=[client]
    )
    assert any(s.start_at < booked.end_at and booked.start_at < s.end_at for s in with_leo)
    assert for_client and all(
        not (s.start_at < booked.end_at and booked.start_at < s.end_at) for s in for_client
    )
    any_csp = sched.slots_with_any_csp(
        uow, clinic.desk, "callout", 60, clinic.day, client_ids=[client]
    )
    assert all(not (s.start_at < booked.end_at and booked.start_at < s.end_at) for s in any_csp)
