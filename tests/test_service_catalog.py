"""The service catalogue: prices, durations and commission are checked; only admins change it."""

from dataclasses import replace

import pytest

from hydreight_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from hydreight_desktop.services.catalog import (
    ServiceForm,
    create_service,
    get_service,
    list_categories,
    list_services,
    set_active,
    update_service,
)
from tests.setup_helpers import (
    add_csp,
    add_front_desk,
    nothing_written,
)

ENERGY = ServiceForm("Energy IV", "IV Therapy", 17500, 45, "B12 and vitamin C", needs_mse=True)


def test_admin_adds_a_service_with_its_clinical_gates(uow, admin):
    record = create_service(
        uow, admin, replace(ENERGY, patient_specific=True, commission_rate_bp=4000)
    )
    assert (record.price_cents, record.duration_minutes) == (17500, 45)
    assert record.needs_mse and record.patient_specific and record.commission_rate_bp == 4000
    assert get_service(uow, admin, record.id) == record


def test_a_negative_price_is_refused(uow, admin):
    with nothing_written(uow), pytest.raises(ValidationError, match="cannot be negative") as err:
        create_service(uow, admin, replace(ENERGY, price_cents=-100))
    assert err.value.field == "price_cents"


def test_a_free_service_is_allowed(uow, admin):
    assert (
        create_service(uow, admin, replace(ENERGY, name="Free check-in", price_cents=0)).price_cents
        == 0
    )


def test_a_zero_duration_is_refused(uow, admin):
    with nothing_written(uow), pytest.raises(ValidationError, match="at least 1 minute") as err:
        create_service(uow, admin, replace(ENERGY, duration_minutes=0))
    assert err.value.field == "duration_minutes"


@pytest.mark.parametrize("rate", [-1, 10_001])
def test_a_commission_override_outside_0_to_100_percent_is_refused(uow, admin, rate):
    with nothing_written(uow), pytest.raises(ValidationError, match="0% and 100%"):
        create_service(uow, admin, replace(ENERGY, commission_rate_bp=rate))


def test_a_service_needs_a_name(uow, admin):
    with nothing_written(uow), pytest.raises(ValidationError, match="service name"):
        create_service(uow, admin, replace(ENERGY, name="   "))


@pytest.mark.parametrize("name", ["Energy IV", "energy iv", "  ENERGY IV "])
def test_two_services_cannot_share_a_name_in_any_case(uow, admin, name):
    create_service(uow, admin, ENERGY)
    with nothing_written(uow), pytest.raises(ConflictError, match="already a service called"):
        create_service(uow, admin, replace(ENERGY, name=name))


def test_renaming_a_service_to_its_own_name_in_another_case_is_fine(uow, admin):
    record = create_service(uow, admin, ENERGY)
    assert (
        update_service(uow, admin, record.id, replace(ENERGY, name="ENERGY IV")).name == "ENERGY IV"
    )


def test_admin_changes_price_and_a_refused_change_keeps_the_old_one(uow, admin):
    record = create_service(uow, admin, ENERGY)
    assert (
        update_service(uow, admin, record.id, replace(record.form, price_cents=19900)).price_cents
        == 19900
    )
    with nothing_written(uow), pytest.raises(ValidationError):
        update_service(uow, admin, record.id, replace(record.form, price_cents=-1))
    assert get_service(uow, admin, record.id).price_cents == 19900


def test_retired_services_leave_the_active_list_but_stay_on_record(uow, admin):
    record = create_service(uow, admin, ENERGY)
    create_service(uow, admin, ServiceForm("B12 injection", "Injections", 3500, 10))
    set_active(uow, admin, record.id, False)
    assert [s.name for s in list_services(uow, admin)] == ["B12 injection"]
    assert [s.name for s in list_services(uow, admin, active=False)] == ["Energy IV"]
    assert len(list_services(uow, admin, active=None)) == 2
    assert set_active(uow, admin, record.id, True).active


def test_front_desk_and_csps_cannot_change_services_or_prices(uow, admin):
    record = create_service(uow, admin, ENERGY)
    desk = add_front_desk(uow, admin)
    nina, _ = add_csp(uow, admin)
    for actor in (desk, nina):
        with nothing_written(uow), pytest.raises(PermissionDenied, match="Only a Business Admin"):
            create_service(uow, actor, replace(ENERGY, name="Cheap IV"))
        with nothing_written(uow), pytest.raises(PermissionDenied):
            update_service(uow, actor, record.id, replace(record.form, price_cents=100))
        with nothing_written(uow), pytest.raises(PermissionDenied):
            update_service(uow, actor, record.id, replace(record.form, commission_rate_bp=9000))
        with nothing_written(uow), pytest.raises(PermissionDenied):
            set_active(uow, actor, record.id, False)
        assert [s.id for s in list_services(uow, actor)] == [record.id]


def test_categories_offer_the_usual_ones_and_those_in_use(uow, admin):
    create_service(uow, admin, replace(ENERGY, category="Wellness shots"))
    categories = list_categories(uow, admin)
    assert "IV Therapy" in categories and "Wellness shots" in categories
