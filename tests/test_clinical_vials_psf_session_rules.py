"""Vials, PSF approvals, session finishing and amendments: the rules a CSP meets at the door."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from hydreight_desktop.domain.clinical.psf import (
    PsfApprovalState,
    PsfStatus,
    current_status,
    refusal_to_perform,
    validate_approval,
    validate_refusal,
)
from hydreight_desktop.domain.clinical.session_rules import (
    AmendableKind,
    ClientProgress,
    ClientState,
    TreatmentCheck,
    check_can_finish,
    check_can_treat,
    check_client_open,
    check_open,
    check_session_actor,
    validate_amendment,
)
from hydreight_desktop.domain.clinical.vials import (
    DoseUnit,
    Route,
    VialEntry,
    format_amount,
    parse_amount,
    validate_vial,
)
from hydreight_desktop.domain.errors import DomainError, PermissionDenied, ValidationError

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def vial(**kw):
    base = dict(medication="Normal saline 0.9%", lot_number="24a117-b", expiry_date=date(2027, 1, 31),
                amount="1000", unit="mL", route="IV", site="Left antecubital")
    base.update(kw)
    return VialEntry(**base)


# --- vials ---------------------------------------------------------------

def test_a_complete_vial_is_accepted_and_tidied():
    v = validate_vial(vial(), treatment_date=TODAY)
    assert v.lot_number == "24A117-B"
    assert v.amount == Decimal("1000") and v.unit is DoseUnit.ML and v.route is Route.IV


def test_an_expired_vial_is_refused():
    with pytest.raises(ValidationError, match="expired on Mar 01, 2026") as err:
        validate_vial(vial(expiry_date=date(2026, 3, 1)), treatment_date=TODAY)
    assert err.value.field == "expiry_date"


def test_a_vial_expiring_on_the_treatment_date_may_still_be_used():
    assert validate_vial(vial(expiry_date=TODAY), treatment_date=TODAY)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"lot_number": "  "}, "lot_number", "lot number"),
        ({"lot_number": "lot #5!"}, "lot_number", "letters, digits"),
        ({"medication": ""}, "medication", "medication"),
        ({"expiry_date": None}, "expiry_date", "expiry date"),
        ({"amount": "0"}, "amount", "more than zero"),
        ({"amount": "-2"}, "amount", "more than zero"),
        ({"amount": "two"}, "amount", "must be a number"),
        ({"amount": "0.0001"}, "amount", "three decimals"),
        ({"unit": "cups"}, "unit", "unit"),
        ({"route": "teleport"}, "route", "route"),
        ({"route": "IM", "site": ""}, "site", "deltoid"),
    ],
)
def test_incomplete_vials_are_refused_with_the_field_named(changes, field, message):
    with pytest.raises(ValidationError, match=message) as err:
        validate_vial(vial(**changes), treatment_date=TODAY)
    assert err.value.field == field


def test_an_oral_dose_needs_no_site():
    assert validate_vial(vial(route="PO", site="", unit="mg", amount="500"), treatment_date=TODAY)


def test_amounts_read_and_print_naturally():
    assert parse_amount("2,5") == Decimal("2.5")
    assert format_amount(Decimal("1000"), "mL") == "1000 mL"
    assert format_amount(parse_amount("0.250"), "mg") == "0.25 mg"


# --- PSF approvals -------------------------------------------------------

def approval(decision=PsfStatus.APPROVED, until=NOW + timedelta(days=30), decided=NOW - timedelta(days=1),
             client="c1", service="s1", requested=NOW - timedelta(days=2)):
    return PsfApprovalState(client, service, requested, decision, until if decision else None,
                            decided if decision else None, "hcp1")


def test_a_valid_approval_lets_the_psf_service_be_performed():
    assert current_status([approval()], "c1", "s1", NOW) is PsfStatus.APPROVED
    assert refusal_to_perform(PsfStatus.APPROVED, "Semaglutide", "Maria Lopez") is None


def test_an_approval_is_for_one_client_and_one_service():
    assert current_status([approval()], "c2", "s1", NOW) is None
    assert current_status([approval()], "c1", "s2", NOW) is None


@pytest.mark.parametrize(
    ("approvals", "status", "message"),
    [
        ([], None, "Request an HCP approval"),
        ([approval(decision=None)], PsfStatus.PENDING, "still waiting"),
        ([approval(decision=PsfStatus.REFUSED)], PsfStatus.REFUSED, "refused"),
        ([approval(until=NOW - timedelta(minutes=1))], PsfStatus.EXPIRED, "expired"),
    ],
)
def test_a_psf_service_without_valid_approval_is_refused(approvals, status, message):
    found = current_status(approvals, "c1", "s1", NOW)
    assert found is status
    assert message in refusal_to_perform(found, "Semaglutide", "Maria Lopez")


def test_a_new_approval_after_a_refusal_counts():
    refused = approval(decision=PsfStatus.REFUSED, decided=NOW - timedelta(days=5))
    assert current_status([refused, approval()], "c1", "s1", NOW) is PsfStatus.APPROVED


def test_an_approval_needs_a_protocol_and_a_future_end_date_within_a_year():
    with pytest.raises(ValidationError, match="protocol or dose"):
        validate_approval(" ", NOW + timedelta(days=30), now=NOW)
    with pytest.raises(ValidationError, match="future"):
        validate_approval("0.25 mg weekly", NOW - timedelta(days=1), now=NOW)
    with pytest.raises(ValidationError, match="one year"):
        validate_approval("0.25 mg weekly", NOW + timedelta(days=400), now=NOW)
    with pytest.raises(ValidationError, match="valid until"):
        validate_approval("0.25 mg weekly", None, now=NOW)


def test_a_refusal_needs_a_reason():
    with pytest.raises(ValidationError, match="reason"):
        validate_refusal("")


# --- sessions ------------------------------------------------------------

def test_the_bookings_own_csp_and_an_admin_may_run_the_session():
    check_session_actor("csp", "csp-1", "csp-1", "Ana Ruiz, RN")
    check_session_actor("admin", None, "csp-1", "Ana Ruiz, RN")


def test_a_csp_acting_on_another_csps_session_is_refused():
    with pytest.raises(PermissionDenied, match="belongs to Ana Ruiz, RN"):
        check_session_actor("csp", "csp-2", "csp-1", "Ana Ruiz, RN")
    with pytest.raises(PermissionDenied):
        check_session_actor("front_desk", None, "csp-1", "Ana Ruiz, RN")


def test_treatment_before_a_required_mse_is_cleared_is_refused():
    with pytest.raises(DomainError, match="needs a cleared MSE"):
        check_can_treat(TreatmentCheck("Maria Lopez", mse_needed=True, mse_cleared=False), ["s1"])
    with pytest.raises(DomainError, match="waits for the HCP"):
        check_can_treat(TreatmentCheck("Maria Lopez", True, False, mse_pending_referral=True), ["s1"])
    check_can_treat(TreatmentCheck("Maria Lopez", mse_needed=False, mse_cleared=False), ["s1"])


def test_treatment_with_a_psf_refusal_is_refused_and_needs_services():
    with pytest.raises(DomainError, match="patient-specific"):
        check_can_treat(TreatmentCheck("M", False, False, psf_refusals=["Semaglutide is a patient-specific service"]), ["s1"])
    with pytest.raises(ValidationError, match="services performed"):
        check_can_treat(TreatmentCheck("M", False, False), [])


def test_finishing_with_an_untreated_client_is_refused():
    clients = [ClientProgress("Maria Lopez", ClientState.TREATED), ClientProgress("Tom Lopez", ClientState.CHECKED_IN)]
    with pytest.raises(DomainError, match="Tom Lopez has not been treated yet"):
        check_can_finish(clients)


def test_finishing_with_a_not_treated_client_and_no_reason_is_refused():
    with pytest.raises(DomainError, match="without a reason"):
        check_can_finish([ClientProgress("Tom Lopez", ClientState.NOT_TREATED, "")])


def test_a_session_finishes_when_every_client_is_treated_or_not_treated_with_reason():
    check_can_finish([
        ClientProgress("Maria Lopez", ClientState.TREATED),
        ClientProgress("Tom Lopez", ClientState.NOT_TREATED, "Client declined"),
    ])


def test_a_finished_record_is_not_edited_except_by_amendment():
    with pytest.raises(DomainError, match="amendment"):
        check_open("finished")
    check_open("in_progress")
    with pytest.raises(DomainError, match="already marked treated"):
        check_client_open("treated", "Maria Lopez")


def test_an_amendment_references_its_record_and_says_what_and_why():
    assert validate_amendment("vial", "v1", "Lot is 24A117-C", "Misread label")[0] is AmendableKind.VIAL
    with pytest.raises(ValidationError, match="record this amendment corrects"):
        validate_amendment("vial", "", "x", "y")
    with pytest.raises(ValidationError, match="record this amendment corrects"):
        validate_amendment("invoice", "v1", "x", "y")
    with pytest.raises(ValidationError, match="write the correction"):
        validate_amendment("vial", "v1", " ", "y")
    with pytest.raises(ValidationError, match="reason"):
        validate_amendment("vial", "v1", "x", "")
