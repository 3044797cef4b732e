"""Staff accounts: only admins manage them, the email is an identity, one admin always remains."""

import pytest

from hydreight_desktop.domain.contact import EMAIL_IMMUTABLE_REASON
from hydreight_desktop.domain.errors import (
    AuthenticationFailed,
    ConflictError,
    PermissionDenied,
    ValidationError,
)
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.auth import sign_in
from hydreight_desktop.services.providers import list_csps, list_hcps
from hydreight_desktop.services.staff import (
    NewStaffForm,
    StaffUpdate,
    change_own_password,
    change_staff_email,
    create_staff,
    list_staff,
    reset_password,
    update_staff,
)
from tests.setup_helpers import (
    PASSWORD,
    add_front_desk,
    nothing_written,
)


def form(
    email="sam@glowclinic.com", role=Role.FRONT_DESK, phone="(305) 555-0180", password=PASSWORD
):
    return NewStaffForm(email, "Sam Staff", phone, role, password)


def test_admin_adds_a_front_desk_account_that_can_sign_in(uow, admin, business):
    record = create_staff(uow, admin, form())
    assert record.role == Role.FRONT_DESK and record.active
    assert record.phone == "+13055550180"
    actor = sign_in(uow, business.id, "SAM@glowclinic.com", PASSWORD)
    assert actor.user_id == record.id and actor.role == Role.FRONT_DESK


def test_staff_list_is_sorted_by_name_and_includes_the_admin(uow, admin):
    create_staff(
        uow, admin, NewStaffForm("zed@glowclinic.com", "Zed Young", None, "front_desk", PASSWORD)
    )
    create_staff(uow, admin, NewStaffForm("al@glowclinic.com", "al Able", None, "admin", PASSWORD))
    names = [r.full_name for r in list_staff(uow, admin)]
    assert names == ["al Able", "Olivia Owner", "Zed Young"]


@pytest.mark.parametrize("email", ["not-an-email", "sam@", "sam@glowclinic", ""])
def test_invalid_staff_email_is_refused(uow, admin, email):
    with nothing_written(uow), pytest.raises(ValidationError) as err:
        create_staff(uow, admin, form(email=email))
    assert err.value.field == "email"


@pytest.mark.parametrize("email", ["owner@glowclinic.com", "OWNER@GlowClinic.com"])
def test_duplicate_staff_email_in_any_case_is_refused(uow, admin, email):
    with nothing_written(uow), pytest.raises(ConflictError, match="already exists"):
        create_staff(uow, admin, form(email=email))


def test_invalid_staff_phone_is_refused(uow, admin):
    with nothing_written(uow), pytest.raises(ValidationError, match="phone") as err:
        create_staff(uow, admin, form(phone="555-12"))
    assert err.value.field == "phone"


def test_short_password_is_refused(uow, admin):
    with nothing_written(uow), pytest.raises(ValidationError, match="at least 8"):
        create_staff(uow, admin, form(password="short"))


def test_changing_a_staff_email_is_refused_with_the_reason(uow, admin):
    record = create_staff(uow, admin, form())
    with nothing_written(uow), pytest.raises(ValidationError) as err:
        change_staff_email(uow, admin, record.id, "new@glowclinic.com")
    assert EMAIL_IMMUTABLE_REASON in str(err.value)
    assert err.value.field == "email"


def test_front_desk_cannot_add_or_change_other_staff(uow, admin):
    desk = add_front_desk(uow, admin)
    with nothing_written(uow), pytest.raises(PermissionDenied, match="Only a Business Admin"):
        create_staff(uow, desk, form())
    with nothing_written(uow), pytest.raises(PermissionDenied):
        update_staff(uow, desk, admin.user_id, StaffUpdate("Hacked", None, Role.FRONT_DESK))
    with nothing_written(uow), pytest.raises(PermissionDenied):
        reset_password(uow, desk, admin.user_id, "new-password-1")
    with pytest.raises(PermissionDenied):
        list_staff(uow, desk)


def test_admin_changes_name_phone_and_role(uow, admin):
    record = create_staff(uow, admin, form())
    updated = update_staff(
        uow, admin, record.id, StaffUpdate("Sam Senior", "212 555 0199", "admin")
    )
    assert (updated.full_name, updated.phone, updated.role) == (
        "Sam Senior",
        "+12125550199",
        Role.ADMIN,
    )


def test_the_last_active_admin_cannot_be_demoted_or_deactivated(uow, admin):
    with nothing_written(uow), pytest.raises(ConflictError, match="only active Business Admin"):
        update_staff(uow, admin, admin.user_id, StaffUpdate("Olivia Owner", None, Role.FRONT_DESK))
    with nothing_written(uow), pytest.raises(ConflictError, match="only active Business Admin"):
        update_staff(
            uow, admin, admin.user_id, StaffUpdate("Olivia Owner", None, Role.ADMIN, active=False)
        )


def test_an_admin_can_step_down_once_another_admin_exists(uow, admin):
    create_staff(uow, admin, form(role=Role.ADMIN))
    updated = update_staff(
        uow, admin, admin.user_id, StaffUpdate("Olivia Owner", None, Role.FRONT_DESK)
    )
    assert updated.role == Role.FRONT_DESK


def test_a_deactivated_account_can_no_longer_sign_in(uow, admin, business):
    record = create_staff(uow, admin, form())
    update_staff(
        uow, admin, record.id, StaffUpdate("Sam Staff", None, Role.FRONT_DESK, active=False)
    )
    with pytest.raises(AuthenticationFailed):
        sign_in(uow, business.id, "sam@glowclinic.com", PASSWORD)


def test_admin_resets_a_forgotten_password(uow, admin, business):
    record = create_staff(uow, admin, form())
    reset_password(uow, admin, record.id, "brand-new-pass")
    assert sign_in(uow, business.id, "sam@glowclinic.com", "brand-new-pass").user_id == record.id


def test_changing_your_own_password_needs_the_current_one(uow, admin, business):
    desk = add_front_desk(uow, admin)
    with nothing_written(uow), pytest.raises(ValidationError, match="current password"):
        change_own_password(uow, desk, "wrong-one", "another-pass-1")
    change_own_password(uow, desk, PASSWORD, "another-pass-1")
    assert sign_in(uow, business.id, desk.email, "another-pass-1").user_id == desk.user_id


def test_a_new_csp_or_hcp_account_gets_a_profile_to_fill_in(uow, admin):
    create_staff(uow, admin, form(email="csp@glowclinic.com", role=Role.CSP))
    create_staff(uow, admin, form(email="hcp@glowclinic.com", role=Role.HCP))
    (csp,) = list_csps(uow, admin)
    assert csp.email == "csp@glowclinic.com" and not csp.is_live
    assert csp.default_time_zone == "America/New_York"
    assert [h.email for h in list_hcps(uow, admin)] == ["hcp@glowclinic.com"]


def test_staff_changes_are_audited_with_who_did_them(uow, admin, store):
    record = create_staff(uow, admin, form())
    with store.read_engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT actor_name, action FROM audit_log WHERE entity_id = ?", (record.id,)
        ).all()
    assert ("Olivia Owner", "staff.create") in rows
