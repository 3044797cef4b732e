"""Sessions through the service layer: start, screen, treat, finish, with nothing half written."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from hydreight_desktop.domain.clinical.contraindications import ServiceKind
from hydreight_desktop.domain.clinical.outcome import MseOutcome
from hydreight_desktop.domain.clinical.vitals import TemperatureUnit, Vitals
from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.errors import DomainError, PermissionDenied, ValidationError
from hydreight_desktop.services import mse as mse_service
from hydreight_desktop.services import psf as psf_service
from hydreight_desktop.services import sessions
from hydreight_desktop.services.clinical_types import TreatmentForm
from hydreight_desktop.store.models import (
    Booking,
    ClinicalSession,
    MseRecord,
    OutboxEntry,
    SessionClient,
    Treatment,
    Vial,
)
from tests.clinical_support import book, build_clinic, mse_form, saline


@pytest.fixture
def clinic(uow, admin):
    return build_clinic(uow, admin)


def _booking_status(uow, booking_id):
    with uow.read() as s:
        return s.get(Booking, booking_id).status


def _count(uow, model):
    with uow.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_starting_a_session_checks_every_client_in_and_puts_the_booking_in_session(uow, clinic):
    booking = book(uow, clinic, {clinic.maria: [clinic.iv], clinic.tom: [clinic.b12]})
    view = sessions.start_session(uow, clinic.csp, booking)
    assert [c.name for c in view.clients] == ["Maria Lopez", "Tom Lopez"]
    assert {c.state for c in view.clients} == {"checked_in"}
    assert view.started_by_name == "Ana Ruiz, RN"
    assert _booking_status(uow, booking) == "in_session"
    maria, tom = view.clients
    assert maria.mse_state == "needed" and tom.mse_state == "not_needed"


def test_starting_again_resumes_the_same_session(uow, clinic):
    booking = book(uow, clinic, {clinic.maria: [clinic.iv]})
    assert sessions.session_for_booking(uow, clinic.csp, booking) is None
    first = sessions.start_session(uow, clinic.csp, booking)
    assert sessions.session_for_booking(uow, clinic.csp, booking).id == first.id
    assert sessions.start_session(uow, clinic.csp, booking).id == first.id
    assert _count(uow, ClinicalSession) == 1


def test_an_admin_starts_a_session_on_the_csps_behalf_and_the_record_shows_who(uow, clinic):
    booking = book(uow, clinic, {clinic.maria: [clinic.b12]})
    view = sessions.start_session(uow, clinic.admin, booking)
    assert view.started_by_name == "Olivia Owner (admin, for Ana Ruiz, RN)"


def test_a_csp_acting_on_another_csps_session_is_refused(uow, clinic):
    booking = book(uow, clinic, {clinic.maria: [clinic.b12]})
    with pytest.raises(PermissionDenied, match="belongs to Ana Ruiz, RN"):
        sessions.start_session(uow, clinic.other_csp, booking)
    view = sessions.start_session(uow, clinic.csp, booking)
    with pytest.raises(PermissionDenied):
        sessions.mark_not_treated(uow, clinic.other_csp, view.clients[0].id, "Client declined")
    with pytest.raises(PermissionDenied):
        sessions.finish_session(uow, clinic.other_csp, view.id)
    assert _booking_status(uow, booking) == "in_session"


def test_a_cancelled_booking_cannot_start_a_session(uow, clinic):
    booking = book(uow, clinic, {clinic.maria: [clinic.b12]}, status="cancelled")
    with pytest.raises(DomainError, match="cancelled"):
        sessions.start_session(uow, clinic.csp, booking)
    assert _count(uow, ClinicalSession) == 0


def test_a_booking_on_a_later_day_cannot_start_yet(uow, clinic):
    booking = book(uow, clinic, {clinic.maria: [clinic.b12]}, start=utcnow() + timedelta(days=2))
    with pytest.raises(DomainError, match="day of the booking"):
        sessions.start_session(uow, clinic.csp, booking)


def test_the_day_list_shows_a_csp_only_their_own_bookings(uow, clinic):
    mine = book(uow, clinic, {clinic.maria: [clinic.b12]})
    book(uow, clinic, {clinic.tom: [clinic.b12]}, csp_id=clinic.other_csp_id)
    rows = sessions.day_bookings(uow, clinic.csp)
    assert [r.booking_id for r in rows] == [mine]
    assert rows[0].client_names == ("Maria Lopez",)
    assert len(sessions.day_bookings(uow, clinic.admin)) == 2


def test_a_psf_service_booked_without_approval_is_flagged(uow, clinic):
    book(uow, clinic, {clinic.maria: [clinic.glp1]})
    (row,) = sessions.day_bookings(uow, clinic.csp)
    assert row.flags == ("PSF approval — Not requested: Semaglutide GLP-1 for Maria Lopez",)


def test_treatment_before_a_required_mse_is_cleared_is_refused_and_writes_nothing(uow, clinic):
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]}))
    with pytest.raises(DomainError, match="needs a cleared MSE"):
        sessions.record_treatment(uow, clinic.csp, view.clients[0].id,
                                  TreatmentForm((clinic.iv,), (saline(),)))
    assert _count(uow, Treatment) == 0 and _count(uow, Vial) == 0


def test_a_cleared_mse_lets_the_client_be_treated_with_vials(uow, clinic):
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]}))
    sc = view.clients[0].id
    view = mse_service.record_mse(uow, clinic.csp, sc, mse_form())
    assert view.clients[0].mse_state == "cleared"
    view = sessions.record_treatment(
        uow, clinic.csp, sc,
        TreatmentForm((clinic.iv,), (saline(lot_number="24a117-b"),), notes="Tolerated well"),
    )
    client = view.clients[0]
    assert client.state == "treated"
    assert client.treatment.service_names == ("Athlete Recovery IV",)
    (vial,) = client.treatment.vials
    assert (vial.lot_number, vial.amount_text, vial.route) == ("24A117-B", "1000 mL", "IV")


@pytest.mark.parametrize(
    ("vial_changes", "message"),
    [
        ({"expiry_date": date.today() - timedelta(days=2)}, "expired"),
        ({"lot_number": ""}, "lot number"),
        ({"amount": "0"}, "more than zero"),
    ],
)
def test_a_bad_vial_refuses_the_whole_treatment(uow, clinic, vial_changes, message):
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.b12]}))
    with pytest.raises(ValidationError, match=message):
        sessions.record_treatment(uow, clinic.csp, view.clients[0].id,
                                  TreatmentForm((clinic.b12,), (saline(), saline(**vial_changes))))
    assert _count(uow, Treatment) == 0 and _count(uow, Vial) == 0
    assert sessions.get_session(uow, clinic.csp, view.id).clients[0].state == "checked_in"


def test_an_injection_needs_its_vial_recorded(uow, clinic):
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.b12]}))
    with pytest.raises(ValidationError, match="record the vials"):
        sessions.record_treatment(uow, clinic.csp, view.clients[0].id, TreatmentForm((clinic.b12,)))


def test_only_booked_services_can_be_recorded(uow, clinic):
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.b12]}))
    with pytest.raises(ValidationError, match="Only services booked"):
        sessions.record_treatment(uow, clinic.csp, view.clients[0].id,
                                  TreatmentForm((clinic.iv,), (saline(),)))


def test_a_referred_client_waits_for_the_hcp_and_is_treated_once_cleared(uow, clinic):
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]}))
    sc = view.clients[0].id
    form = mse_form(vitals=Vitals(166, 96, 80, 98.6, TemperatureUnit.F, 97), outcome=MseOutcome.REFERRED)
    view = mse_service.record_mse(uow, clinic.csp, sc, form)
    assert view.clients[0].mse_state == "referred"
    with pytest.raises(DomainError, match="waits for the HCP"):
        sessions.record_treatment(uow, clinic.csp, sc, TreatmentForm((clinic.iv,), (saline(),)))
    (referral,) = mse_service.pending_referrals(uow, clinic.hcp)
    assert referral.client_name == "Maria Lopez" and referral.csp_name == "Ana Ruiz, RN"
    with pytest.raises(PermissionDenied, match="Healthcare Provider"):
        mse_service.decide_referral(uow, clinic.admin, referral.mse.id, "cleared")
    decided = mse_service.decide_referral(uow, clinic.hcp, referral.mse.id, "cleared", "BP known, on meds")
    assert decided.outcome_text == "Referred, then cleared by Kim Lee, MD"
    assert mse_service.pending_referrals(uow, clinic.hcp) == []
    view = sessions.record_treatment(uow, clinic.csp, sc, TreatmentForm((clinic.iv,), (saline(),)))
    assert view.clients[0].state == "treated"


def test_an_mse_that_forbids_clearing_writes_nothing(uow, clinic):
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]}))
    bad = mse_form(vitals=Vitals(122, 78, 72, 103.0, TemperatureUnit.F, 98))
    with pytest.raises(ValidationError, match="fever"):
        mse_service.record_mse(uow, clinic.csp, view.clients[0].id, bad)
    assert _count(uow, MseRecord) == 0


def test_the_mse_checklist_follows_the_services_booked(uow, clinic):
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.glp1]}))
    assert view.clients[0].checklist_kinds == {ServiceKind.GLP1}
    with pytest.raises(ValidationError, match="answer every question"):
        mse_service.record_mse(uow, clinic.csp, view.clients[0].id, mse_form())  # IV checklist only


def test_a_clearance_from_an_earlier_visit_is_reused_while_valid(uow, clinic):
    first = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]}))
    mse_service.record_mse(uow, clinic.csp, first.clients[0].id, mse_form())
    second = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]},
                                                          start=utcnow() - timedelta(minutes=5)))
    assert second.clients[0].mse_state == "cleared"


def test_a_psf_service_without_valid_approval_cannot_be_performed(uow, clinic):
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.glp1]}))
    sc = view.clients[0].id
    mse_service.record_mse(uow, clinic.csp, sc, mse_form(kinds={ServiceKind.GLP1}))
    pen = saline(medication="Semaglutide pen", amount="0.25", unit="mg", route="SC", site="Abdomen")
    with pytest.raises(DomainError, match="Request an HCP approval"):
        sessions.record_treatment(uow, clinic.csp, sc, TreatmentForm((clinic.glp1,), (pen,)))
    request = psf_service.request_approval(uow, clinic.csp, clinic.maria, clinic.glp1)
    with pytest.raises(DomainError, match="still waiting"):
        sessions.record_treatment(uow, clinic.csp, sc, TreatmentForm((clinic.glp1,), (pen,)))
    psf_service.approve(uow, clinic.hcp, request.id, "0.25 mg weekly x 4", utcnow() + timedelta(days=90))
    view = sessions.record_treatment(uow, clinic.csp, sc, TreatmentForm((clinic.glp1,), (pen,)))
    assert view.clients[0].state == "treated"


def test_finishing_with_an_untreated_client_and_no_reason_is_refused(uow, clinic):
    booking = book(uow, clinic, {clinic.maria: [clinic.b12], clinic.tom: [clinic.b12]})
    view = sessions.start_session(uow, clinic.csp, booking)
    sessions.record_treatment(uow, clinic.csp, view.clients[0].id, TreatmentForm((clinic.b12,), (saline(),)))
    with pytest.raises(DomainError, match="Tom Lopez has not been treated yet"):
        sessions.finish_session(uow, clinic.csp, view.id)
    with pytest.raises(ValidationError, match="reason"):
        sessions.mark_not_treated(uow, clinic.csp, view.clients[1].id, "  ")
    assert _booking_status(uow, booking) == "in_session"


def test_finishing_completes_the_booking_and_stamps_who_and_when(uow, clinic):
    booking = book(uow, clinic, {clinic.maria: [clinic.b12], clinic.tom: [clinic.b12]})
    view = sessions.start_session(uow, clinic.csp, booking)
    sessions.record_treatment(uow, clinic.csp, view.clients[0].id, TreatmentForm((clinic.b12,), (saline(),)))
    sessions.mark_not_treated(uow, clinic.csp, view.clients[1].id, "Client declined")
    done = sessions.finish_session(uow, clinic.admin, view.id)
    assert done.is_finished and done.finished_at is not None
    assert done.finished_by_name == "Olivia Owner (admin, for Ana Ruiz, RN)"
    assert _booking_status(uow, booking) == "completed"


def test_a_finished_session_is_closed_to_edits(uow, clinic):
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.b12]}))
    sessions.mark_not_treated(uow, clinic.csp, view.clients[0].id, "Client not present")
    sessions.finish_session(uow, clinic.csp, view.id)
    with pytest.raises(DomainError, match="amendment"):
        sessions.finish_session(uow, clinic.csp, view.id)
    with pytest.raises(DomainError, match="amendment"):
        mse_service.record_mse(uow, clinic.csp, view.clients[0].id, mse_form())
    with pytest.raises(DomainError, match="amendment"), uow.write(clinic.admin, "sneaky") as s:
        s.get(SessionClient, view.clients[0].id).not_treated_reason = "changed"
    with pytest.raises(DomainError, match="amendment"), uow.write(clinic.admin, "sneaky") as s:
        s.get(ClinicalSession, view.id).finished_by_name = "someone else"


def test_clinical_rows_are_append_only(uow, clinic):
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]}))
    mse_service.record_mse(uow, clinic.csp, view.clients[0].id, mse_form())
    with pytest.raises(DomainError, match="cannot be changed"), uow.write(clinic.admin, "sneaky") as s:
        s.scalars(select(MseRecord)).one().outcome = "not_cleared"


def test_every_clinical_write_leaves_an_outbox_entry_for_sync(uow, clinic):
    before = _count(uow, OutboxEntry)
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]}))
    mse_service.record_mse(uow, clinic.csp, view.clients[0].id, mse_form())
    with uow.read() as s:
        entities = set(s.scalars(select(OutboxEntry.entity).where(OutboxEntry.id > before)))
    assert {"clinical_sessions", "session_clients", "mses", "bookings"} <= entities


def test_a_csp_day_list_follows_the_csps_own_time_zone(uow, clinic):
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    from hydreight_desktop.store.models import CspProfile

    la = ZoneInfo("America/Los_Angeles")
    with uow.write(clinic.admin, "test.zone") as s:
        s.get(CspProfile, clinic.csp_id).default_time_zone = "America/Los_Angeles"
    today_la = sessions.working_today(uow, clinic.csp)
    assert today_la == utcnow().astimezone(la).date()
    late = datetime.combine(today_la, time(23, 30), tzinfo=la)  # 2:30 AM the next day in New York
    booking = book(uow, clinic, {clinic.maria: [clinic.b12]}, start=late)
    assert [r.booking_id for r in sessions.day_bookings(uow, clinic.csp, today_la)] == [booking]
    assert sessions.day_bookings(uow, clinic.admin, today_la) == []
    assert sessions.day_bookings(uow, clinic.csp, today_la)[0].csp_time_zone == "America/Los_Angeles"


def test_a_client_not_cleared_today_gets_no_treatment_at_all(uow, clinic):
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv, clinic.b12]}))
    sc = view.clients[0].id
    fever = mse_form(vitals=Vitals(122, 78, 72, 101.5, TemperatureUnit.F, 98), outcome=MseOutcome.NOT_CLEARED)
    mse_service.record_mse(uow, clinic.csp, sc, fever)
    with pytest.raises(DomainError, match="not cleared at today's MSE"):
        sessions.record_treatment(uow, clinic.csp, sc, TreatmentForm((clinic.b12,), (saline(),)))
    assert sessions.mark_not_treated(uow, clinic.csp, sc, "Not cleared at the MSE").clients[0].state == "not_treated"


def test_a_service_with_its_own_clearance_period_needs_a_new_mse_sooner(uow, clinic, monkeypatch):
    from hydreight_desktop.store.models import Service

    with uow.write(clinic.admin, "test.validity") as s:
        s.get(Service, clinic.glp1).mse_validity_days = 7  # GLP-1: weekly screening
    first = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]}))
    mse_service.record_mse(uow, clinic.csp, first.clients[0].id, mse_form())
    later = utcnow() + timedelta(days=8)
    monkeypatch.setattr(sessions, "utcnow", lambda: later)
    iv_only = book(uow, clinic, {clinic.maria: [clinic.iv]}, start=later - timedelta(minutes=5))
    with_glp1 = book(uow, clinic, {clinic.maria: [clinic.glp1]}, start=later - timedelta(minutes=4))
    # the IV follows the business's 365 days; the GLP-1 service's own 7 days have passed
    assert sessions.start_session(uow, clinic.csp, iv_only).clients[0].mse_state == "cleared"
    assert sessions.start_session(uow, clinic.csp, with_glp1).clients[0].mse_state == "needed"
