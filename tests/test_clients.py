"""Clients: the email is their identity, phones and birth dates are checked, addresses kept tidy."""

from datetime import date, timedelta

import pytest

from hydreight_desktop.domain.contact import EMAIL_IMMUTABLE_REASON
from hydreight_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.clients import (
    AddressForm,
    ClientForm,
    ClientUpdate,
    add_address,
    change_client_email,
    create_client,
    get_client,
    remove_address,
    search_client_ids,
    update_address,
    update_client,
)
from hydreight_desktop.services.staff import NewStaffForm, create_staff
from tests.setup_helpers import (
    PASSWORD,
    actor_for,
    add_csp,
    add_front_desk,
    nothing_written,
)

HOME = AddressForm("1450 Ocean Dr", "Miami Beach", "fl", "33139")


def anna(**changes):
    values = dict(
        first_name="Anna",
        last_name="Smith",
        email="Anna.Smith@gmail.com",
        phone="(305) 555-0120",
        date_of_birth=date(1988, 4, 12),
        allergies="Latex",
        address=HOME,
    )
    values.update(changes)
    return ClientForm(**values)


def test_front_desk_adds_a_client_with_an_address(uow, admin):
    desk = add_front_desk(uow, admin)
    record = create_client(uow, desk, anna())
    assert (record.full_name, record.email, record.phone) == (
        "Anna Smith",
        "Anna.Smith@gmail.com",
        "+13055550120",
    )
    assert record.default_address.one_line == "1450 Ocean Dr, Miami Beach, FL 33139"
    assert get_client(uow, desk, record.id) == record


@pytest.mark.parametrize(
    "email", ["anna.smith@gmail.com", "ANNA.SMITH@GMAIL.COM", " Anna.Smith@Gmail.com "]
)
def test_a_second_client_with_the_same_email_in_any_case_is_refused(uow, admin, email):
    create_client(uow, admin, anna())
    with (
        nothing_written(uow),
        pytest.raises(ConflictError, match="already belongs to the client Anna Smith"),
    ):
        create_client(uow, admin, anna(first_name="Other", email=email))


@pytest.mark.parametrize("email", ["anna", "anna@", "anna smith@gmail.com", "anna@gmail", ""])
def test_an_invalid_client_email_is_refused(uow, admin, email):
    with nothing_written(uow), pytest.raises(ValidationError) as err:
        create_client(uow, admin, anna(email=email))
    assert err.value.field == "email"


@pytest.mark.parametrize("phone", ["123", "(305) 555", "call me", "+1 999 555 0120"])
def test_an_invalid_client_phone_is_refused(uow, admin, phone):
    with nothing_written(uow), pytest.raises(ValidationError) as err:
        create_client(uow, admin, anna(phone=phone))
    assert err.value.field == "phone"


def test_a_birth_date_in_the_future_is_refused(uow, admin):
    with nothing_written(uow), pytest.raises(ValidationError, match="future"):
        create_client(uow, admin, anna(date_of_birth=date.today() + timedelta(days=400)))


def test_missing_names_are_refused(uow, admin):
    with nothing_written(uow), pytest.raises(ValidationError, match="first name"):
        create_client(uow, admin, anna(first_name="  "))


@pytest.mark.parametrize(
    "address,field",
    [
        (AddressForm("", "Miami", "FL", "33139"), "line1"),
        (AddressForm("1 Main St", "", "FL", "33139"), "city"),
        (AddressForm("1 Main St", "Miami", "Florida", "33139"), "state"),
        (AddressForm("1 Main St", "Miami", "FL", "3313"), "postal_code"),
    ],
)
def test_an_incomplete_address_is_refused(uow, admin, address, field):
    with nothing_written(uow), pytest.raises(ValidationError) as err:
        create_client(uow, admin, anna(address=address))
    assert err.value.field == field


def test_changing_a_clients_email_is_refused_with_the_reason(uow, admin):
    record = create_client(uow, admin, anna())
    with nothing_written(uow), pytest.raises(ValidationError) as err:
        change_client_email(uow, admin, record.id, "anna.new@gmail.com")
    assert EMAIL_IMMUTABLE_REASON in str(err.value)


def test_updating_a_client_keeps_the_email_and_refreshes_search(uow, admin):
    record = create_client(uow, admin, anna())
    update = ClientUpdate(
        "Anna", "Smith-Jones", "(212) 555-0199", date(1988, 4, 12), "", "Prefers mornings"
    )
    updated = update_client(uow, admin, record.id, update)
    assert updated.email == "Anna.Smith@gmail.com"
    assert (updated.last_name, updated.phone, updated.notes) == (
        "Smith-Jones",
        "+12125550199",
        "Prefers mornings",
    )
    assert search_client_ids(uow, admin, "smith-j") == [record.id]
    assert search_client_ids(uow, admin, "212 555") == [record.id]
    assert search_client_ids(uow, admin, "305 555") == []


def test_an_invalid_phone_on_update_changes_nothing(uow, admin):
    record = create_client(uow, admin, anna())
    with nothing_written(uow), pytest.raises(ValidationError):
        update_client(uow, admin, record.id, ClientUpdate("Anna", "Smith", "12"))
    assert get_client(uow, admin, record.id).phone == "+13055550120"


def test_exactly_one_address_is_the_default(uow, admin):
    record = create_client(uow, admin, anna())
    work = AddressForm("200 S Biscayne Blvd", "Miami", "FL", "33131", label="Work", is_default=True)
    record = add_address(uow, admin, record.id, work)
    assert [(a.label, a.is_default) for a in record.addresses] == [("Home", False), ("Work", True)]
    home = record.addresses[0]
    record = update_address(
        uow,
        admin,
        record.id,
        home.id,
        AddressForm("1450 Ocean Dr", "Miami Beach", "FL", "33139", line2="Apt 5", is_default=True),
    )
    assert record.default_address.line2 == "Apt 5"
    assert sum(a.is_default for a in record.addresses) == 1
    record = remove_address(uow, admin, record.id, home.id)
    assert [(a.label, a.is_default) for a in record.addresses] == [("Work", True)]


def test_a_csp_may_add_clients_but_an_hcp_may_not(uow, admin):
    nina, _ = add_csp(uow, admin)
    assert create_client(uow, nina, anna()).email == "Anna.Smith@gmail.com"
    hcp_record = create_staff(
        uow, admin, NewStaffForm("doc@glowclinic.com", "Doc", None, Role.HCP, PASSWORD)
    )
    hcp = actor_for(admin, hcp_record.id, Role.HCP, "Doc", "doc@glowclinic.com")
    with nothing_written(uow), pytest.raises(PermissionDenied):
        create_client(uow, hcp, anna(email="x@gmail.com"))
