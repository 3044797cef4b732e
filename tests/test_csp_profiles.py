"""CSP profiles: details, weekly hours per mode, settings, vacations, and who may change them."""

from datetime import UTC, datetime, timedelta

import pytest

from hydreight_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from hydreight_desktop.domain.providers import HoursRange, Mode
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.providers import (
    CspDetails,
    CspSettings,
    NewCspForm,
    add_vacation,
    create_csp,
    get_csp_profile,
    list_csps,
    own_csp_profile,
    remove_vacation,
    set_csp_hours,
    update_csp_details,
    update_csp_settings,
)
from hydreight_desktop.services.staff import StaffUpdate, update_staff
from tests.setup_helpers import (
    PASSWORD,
    add_csp,
    add_front_desk,
    nothing_written,
)

MON, TUE = 0, 1
START = datetime(2027, 1, 4, 14, 0, tzinfo=UTC)


def h(day, start, end):
    return HoursRange(day, int(start * 60), int(end * 60))


def test_new_csp_has_account_and_profile_in_their_time_zone(uow, admin):
    _, profile = add_csp(uow, admin, time_zone="America/Los_Angeles")
    fetched = get_csp_profile(uow, admin, profile.id)
    assert fetched.default_time_zone == "America/Los_Angeles"
    assert not fetched.is_live
    assert fetched.hours_for("callout") == () and fetched.vacations == ()


def test_csp_with_unknown_time_zone_is_refused(uow, admin):
    with nothing_written(uow), pytest.raises(ValidationError, match="not a time zone") as err:
        create_csp(uow, admin, NewCspForm("x@glowclinic.com", "X", None, PASSWORD, "Mars/Olympus"))
    assert err.value.field == "time_zone"


def test_csp_email_clashing_with_any_staff_email_in_any_case_is_refused(uow, admin):
    with nothing_written(uow), pytest.raises(ConflictError):
        create_csp(uow, admin, NewCspForm("Owner@GlowClinic.com", "X", None, PASSWORD, "UTC"))


def test_several_ranges_a_day_are_kept_per_mode(uow, admin):
    _, profile = add_csp(uow, admin)
    set_csp_hours(
        uow, admin, profile.id, Mode.CALLOUT, [h(MON, 13, 18), h(MON, 8, 12), h(TUE, 9, 17)]
    )
    set_csp_hours(uow, admin, profile.id, "facility", [h(MON, 10, 16)])
    record = get_csp_profile(uow, admin, profile.id)
    assert record.hours_for(Mode.CALLOUT) == (h(MON, 8, 12), h(MON, 13, 18), h(TUE, 9, 17))
    assert record.hours_for(Mode.FACILITY) == (h(MON, 10, 16),)


def test_setting_one_modes_hours_replaces_only_that_mode(uow, admin):
    _, profile = add_csp(uow, admin)
    set_csp_hours(uow, admin, profile.id, "callout", [h(MON, 8, 12)])
    set_csp_hours(uow, admin, profile.id, "facility", [h(MON, 10, 16)])
    record = set_csp_hours(uow, admin, profile.id, "callout", [h(TUE, 9, 11)])
    assert record.hours_for("callout") == (h(TUE, 9, 11),)
    assert record.hours_for("facility") == (h(MON, 10, 16),)


def test_ranges_that_touch_are_not_overlapping(uow, admin):
    _, profile = add_csp(uow, admin)
    record = set_csp_hours(uow, admin, profile.id, "callout", [h(MON, 9, 12), h(MON, 12, 17)])
    assert len(record.hours_for("callout")) == 2


def test_overlapping_hour_ranges_are_refused(uow, admin):
    _, profile = add_csp(uow, admin)
    set_csp_hours(uow, admin, profile.id, "callout", [h(MON, 8, 12)])
    with nothing_written(uow), pytest.raises(ValidationError, match="Monday: .* overlap"):
        set_csp_hours(uow, admin, profile.id, "callout", [h(MON, 9, 12), h(MON, 11, 14)])
    assert get_csp_profile(uow, admin, profile.id).hours_for("callout") == (h(MON, 8, 12),)


def test_a_range_ending_before_it_starts_is_refused(uow, admin):
    _, profile = add_csp(uow, admin)
    with nothing_written(uow), pytest.raises(ValidationError, match="must end after it starts"):
        set_csp_hours(uow, admin, profile.id, "callout", [h(TUE, 17, 9)])


@pytest.mark.parametrize(
    "rng", [HoursRange(0, -30, 60), HoursRange(0, 60, 1500), HoursRange(7, 60, 120)]
)
def test_ranges_outside_the_day_or_week_are_refused(uow, admin, rng):
    _, profile = add_csp(uow, admin)
    with nothing_written(uow), pytest.raises(ValidationError):
        set_csp_hours(uow, admin, profile.id, "callout", [rng])


def test_a_range_may_run_until_midnight(uow, admin):
    _, profile = add_csp(uow, admin)
    record = set_csp_hours(uow, admin, profile.id, "callout", [HoursRange(4, 18 * 60, 1440)])
    assert record.hours_for("callout")[0].label == "6:00 PM – midnight"


def test_unknown_mode_is_refused(uow, admin):
    _, profile = add_csp(uow, admin)
    with nothing_written(uow), pytest.raises(ValidationError, match="callout .* or facility"):
        set_csp_hours(uow, admin, profile.id, "teleport", [h(MON, 8, 9)])


def test_admin_updates_details_and_sets_the_csp_live(uow, admin):
    _, profile = add_csp(uow, admin)
    details = CspDetails("Nina Rae Nurse", "(415) 555-0190", "America/Los_Angeles", True, "BSN, RN")
    record = update_csp_details(uow, admin, profile.id, details)
    assert record.details == CspDetails(
        "Nina Rae Nurse", "+14155550190", "America/Los_Angeles", True, "BSN, RN"
    )
    (row,) = list_csps(uow, admin, live_only=True)
    assert row.full_name == "Nina Rae Nurse" and row.default_time_zone == "America/Los_Angeles"


def test_details_with_unknown_time_zone_or_bad_phone_are_refused(uow, admin):
    _, profile = add_csp(uow, admin)
    with nothing_written(uow), pytest.raises(ValidationError, match="time zone"):
        update_csp_details(uow, admin, profile.id, CspDetails("N", None, "Eastern", True))
    with nothing_written(uow), pytest.raises(ValidationError, match="phone"):
        update_csp_details(uow, admin, profile.id, CspDetails("N", "12", "UTC", True))


def test_list_shows_modes_with_hours_and_hides_non_live_when_asked(uow, admin):
    _, live = add_csp(uow, admin, "a@glowclinic.com", "Amy Able")
    add_csp(uow, admin, "b@glowclinic.com", "Ben Boyd")
    update_csp_details(uow, admin, live.id, CspDetails("Amy Able", None, "America/New_York", True))
    set_csp_hours(uow, admin, live.id, "facility", [h(MON, 9, 17)])
    rows = list_csps(uow, admin)
    assert [(r.full_name, r.is_live, r.modes) for r in rows] == [
        ("Amy Able", True, (Mode.FACILITY,)),
        ("Ben Boyd", False, ()),
    ]
    assert [r.full_name for r in list_csps(uow, admin, live_only=True)] == ["Amy Able"]


def test_admin_sets_advance_booking_cash_and_commission(uow, admin):
    _, profile = add_csp(uow, admin)
    record = update_csp_settings(uow, admin, profile.id, CspSettings(240, 30, True, 3500))
    assert record.settings == CspSettings(240, 30, True, 3500)
    assert record.settings.advance_minutes("callout") == 240


@pytest.mark.parametrize(
    "settings,field",
    [
        (CspSettings(-5, 30, False, 3000), "callout_advance_minutes"),
        (CspSettings(60, 60 * 24 * 31, False, 3000), "facility_advance_minutes"),
        (CspSettings(60, 30, False, 10_001), "commission_rate_bp"),
        (CspSettings(60, 30, False, -1), "commission_rate_bp"),
    ],
)
def test_out_of_range_settings_are_refused(uow, admin, settings, field):
    _, profile = add_csp(uow, admin)
    with nothing_written(uow), pytest.raises(ValidationError) as err:
        update_csp_settings(uow, admin, profile.id, settings)
    assert err.value.field == field


def test_csp_edits_their_own_hours_and_vacations(uow, admin):
    nina, profile = add_csp(uow, admin)
    set_csp_hours(uow, nina, profile.id, "callout", [h(MON, 8, 12)])
    vacation = add_vacation(uow, nina, profile.id, START, START + timedelta(days=2), "Conference")
    record = get_csp_profile(uow, nina, profile.id)
    assert record.hours_for("callout") == (h(MON, 8, 12),)
    assert [v.reason for v in record.vacations] == ["Conference"]
    remove_vacation(uow, nina, profile.id, vacation.id)
    assert get_csp_profile(uow, nina, profile.id).vacations == ()


def test_csp_cannot_change_another_csps_hours_or_vacations(uow, admin):
    nina, _ = add_csp(uow, admin)
    _, other = add_csp(uow, admin, "omar@glowclinic.com", "Omar Other")
    with nothing_written(uow), pytest.raises(PermissionDenied, match="your own hours"):
        set_csp_hours(uow, nina, other.id, "callout", [h(MON, 8, 12)])
    with nothing_written(uow), pytest.raises(PermissionDenied, match="your own hours"):
        add_vacation(uow, nina, other.id, START, START + timedelta(days=1), "")


def test_csp_changes_own_advance_booking_but_not_cash_or_commission(uow, admin):
    nina, profile = add_csp(uow, admin)
    current = profile.settings
    record = update_csp_settings(
        uow,
        nina,
        profile.id,
        CspSettings(300, 90, current.cash_payments_allowed, current.commission_rate_bp),
    )
    assert (record.settings.callout_advance_minutes, record.settings.facility_advance_minutes) == (
        300,
        90,
    )
    with nothing_written(uow), pytest.raises(PermissionDenied, match="commission"):
        update_csp_settings(
            uow, nina, profile.id, CspSettings(300, 90, current.cash_payments_allowed, 9000)
        )
    with nothing_written(uow), pytest.raises(PermissionDenied, match="cash"):
        update_csp_settings(
            uow, nina, profile.id, CspSettings(300, 90, True, current.commission_rate_bp)
        )


def test_csp_cannot_change_their_own_details_or_go_live(uow, admin):
    nina, profile = add_csp(uow, admin)
    with nothing_written(uow), pytest.raises(PermissionDenied):
        update_csp_details(
            uow, nina, profile.id, CspDetails("Nina", None, "America/New_York", True)
        )


def test_front_desk_cannot_change_hours_vacations_commission_or_details(uow, admin):
    desk = add_front_desk(uow, admin)
    _, profile = add_csp(uow, admin)
    with nothing_written(uow), pytest.raises(PermissionDenied):
        set_csp_hours(uow, desk, profile.id, "callout", [h(MON, 8, 12)])
    with nothing_written(uow), pytest.raises(PermissionDenied):
        add_vacation(uow, desk, profile.id, START, START + timedelta(days=1), "")
    with nothing_written(uow), pytest.raises(PermissionDenied, match="commission"):
        update_csp_settings(uow, desk, profile.id, CspSettings(60, 30, False, 9000))
    with nothing_written(uow), pytest.raises(PermissionDenied):
        update_csp_details(uow, desk, profile.id, CspDetails("N", None, "UTC", True))
    assert get_csp_profile(uow, desk, profile.id).id == profile.id  # reading is fine


def test_a_vacation_ending_before_it_starts_is_refused(uow, admin):
    _, profile = add_csp(uow, admin)
    with (
        nothing_written(uow),
        pytest.raises(ValidationError, match="must end after it starts") as err,
    ):
        add_vacation(uow, admin, profile.id, START, START - timedelta(hours=1), "Trip")
    assert err.value.field == "ends_at"


def test_a_vacation_needs_zoned_times(uow, admin):
    _, profile = add_csp(uow, admin)
    naive = datetime(2027, 1, 4, 9, 0)
    with nothing_written(uow), pytest.raises(ValidationError, match="time zone"):
        add_vacation(uow, admin, profile.id, naive, naive + timedelta(days=1), "Trip")


def test_vacations_are_listed_in_date_order_with_their_reason(uow, admin):
    _, profile = add_csp(uow, admin)
    add_vacation(
        uow, admin, profile.id, START + timedelta(days=30), START + timedelta(days=31), "Training"
    )
    add_vacation(uow, admin, profile.id, START, START + timedelta(days=3), "  Family trip ")
    vacations = get_csp_profile(uow, admin, profile.id).vacations
    assert [v.reason for v in vacations] == ["Family trip", "Training"]


def test_the_signed_in_csp_finds_their_own_profile(uow, admin):
    nina, profile = add_csp(uow, admin)
    assert own_csp_profile(uow, nina).id == profile.id
    assert own_csp_profile(uow, admin) is None


def test_saving_the_same_hours_again_writes_nothing(uow, admin):
    _, profile = add_csp(uow, admin)
    set_csp_hours(uow, admin, profile.id, "callout", [h(MON, 8, 12), h(TUE, 9, 17)])
    with nothing_written(uow):
        record = set_csp_hours(uow, admin, profile.id, "callout", [h(TUE, 9, 17), h(MON, 8, 12)])
    assert len(record.hours_for("callout")) == 2


def test_deactivating_a_csps_account_takes_them_off_line(uow, admin):
    nina, profile = add_csp(uow, admin)
    update_csp_details(
        uow, admin, profile.id, CspDetails("Nina Nurse", None, "America/New_York", True)
    )
    update_staff(uow, admin, nina.user_id, StaffUpdate("Nina Nurse", None, Role.CSP, active=False))
    assert not get_csp_profile(uow, admin, profile.id).is_live
    assert list_csps(uow, admin) == []
    assert [c.id for c in list_csps(uow, admin, include_inactive=True)] == [profile.id]


def test_a_deactivated_csp_cannot_be_made_live(uow, admin):
    nina, profile = add_csp(uow, admin)
    update_staff(uow, admin, nina.user_id, StaffUpdate("Nina Nurse", None, Role.CSP, active=False))
    live = CspDetails("Nina Nurse", None, "America/New_York", True)
    with nothing_written(uow), pytest.raises(ValidationError, match="Reactivate"):
        update_csp_details(uow, admin, profile.id, live)
