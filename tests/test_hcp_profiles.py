"""HCP profiles: credentials, NPI and licensed states are checked; only admins change them."""

import pytest

from hydreight_desktop.domain.errors import PermissionDenied, ValidationError
from hydreight_desktop.services.providers import (
    HcpDetails,
    NewHcpForm,
    create_hcp,
    get_hcp,
    list_hcps,
    update_hcp,
)
from tests.setup_helpers import (
    PASSWORD,
    add_front_desk,
    nothing_written,
)

VALID_NPI = "1234567893"


def details(**changes):
    values = dict(
        full_name="Sarah Patel",
        phone="(305) 555-0150",
        credentials="md",
        npi_number=VALID_NPI,
        licensed_states="fl, ny CA",
        time_zone="America/New_York",
    )
    values.update(changes)
    return HcpDetails(**values)


def test_admin_adds_an_hcp_with_normalised_credentials_and_states(uow, admin):
    record = create_hcp(uow, admin, NewHcpForm("dr.patel@glowclinic.com", PASSWORD, details()))
    assert record.credentials == "MD"
    assert record.licensed_states == ("CA", "FL", "NY")
    assert record.display_name == "Sarah Patel, MD"
    assert [h.id for h in list_hcps(uow, admin)] == [record.id]


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"licensed_states": "FL, XX"}, "licensed_states"),
        ({"licensed_states": "Florida"}, "licensed_states"),
        ({"npi_number": "1234567890"}, "npi_number"),
        ({"npi_number": "12345"}, "npi_number"),
        ({"credentials": "Nurse"}, "credentials"),
        ({"time_zone": "Somewhere/Else"}, "time_zone"),
        ({"phone": "abc"}, "phone"),
    ],
)
def test_bad_hcp_details_are_refused(uow, admin, changes, field):
    with nothing_written(uow), pytest.raises(ValidationError) as err:
        create_hcp(uow, admin, NewHcpForm("dr.x@glowclinic.com", PASSWORD, details(**changes)))
    assert err.value.field == field


def test_unknown_state_codes_are_named_in_the_message(uow, admin):
    with pytest.raises(ValidationError, match="XX is not a US state code"):
        create_hcp(
            uow,
            admin,
            NewHcpForm("dr.x@glowclinic.com", PASSWORD, details(licensed_states="FL XX")),
        )


def test_admin_updates_licences_and_zone(uow, admin):
    record = create_hcp(uow, admin, NewHcpForm("dr.patel@glowclinic.com", PASSWORD, details()))
    updated = update_hcp(
        uow,
        admin,
        record.id,
        details(licensed_states=["tx", "NV"], time_zone="America/Chicago", npi_number=""),
    )
    assert updated.licensed_states == ("NV", "TX")
    assert updated.time_zone == "America/Chicago"
    assert updated.npi_number is None
    assert get_hcp(uow, admin, record.id) == updated


def test_front_desk_cannot_change_an_hcp(uow, admin):
    record = create_hcp(uow, admin, NewHcpForm("dr.patel@glowclinic.com", PASSWORD, details()))
    desk = add_front_desk(uow, admin)
    with nothing_written(uow), pytest.raises(PermissionDenied):
        update_hcp(uow, desk, record.id, details(full_name="Someone Else"))
    assert get_hcp(uow, desk, record.id).full_name == "Sarah Patel"
