"""PSF approvals, the HCP queue, the clinical timeline, amendments and the visit summary PDF."""

from datetime import timedelta

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select

from hydreight_desktop.documents.visit_summary import build_visit_summary
from hydreight_desktop.domain.clinical.psf import PsfStatus
from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from hydreight_desktop.services import clinical_records as records
from hydreight_desktop.services import mse as mse_service
from hydreight_desktop.services import psf as psf_service
from hydreight_desktop.services import sessions
from hydreight_desktop.services.clinical_types import TreatmentForm
from hydreight_desktop.store.models import PsfDecision, Vial
from tests.clinical_support import book, build_clinic, mse_form, saline


@pytest.fixture
def clinic(uow, admin):
    return build_clinic(uow, admin)


def _valid(uow, clinic, at=None):
    with uow.read() as s:
        return psf_service.has_valid_psf_approval(
            s, clinic.admin.business_id, clinic.maria, clinic.glp1, at or utcnow()
        )


def test_an_hcp_approval_is_valid_for_that_client_and_service_until_its_date(uow, clinic):
    req = psf_service.request_approval(uow, clinic.admin, clinic.maria, clinic.glp1, "Starting program")
    assert not _valid(uow, clinic)
    until = utcnow() + timedelta(days=30)
    done = psf_service.approve(uow, clinic.hcp, req.id, "Semaglutide 0.25 mg weekly", until)
    assert done.status is PsfStatus.APPROVED and done.hcp_name == "Kim Lee, MD"
    assert _valid(uow, clinic)
    assert not _valid(uow, clinic, at=until + timedelta(minutes=1))
    with uow.read() as s:
        assert not psf_service.has_valid_psf_approval(
            s, clinic.admin.business_id, clinic.tom, clinic.glp1, utcnow()
        )


def test_the_hcp_queue_lists_pending_requests_until_decided(uow, clinic):
    req = psf_service.request_approval(uow, clinic.csp, clinic.maria, clinic.glp1)
    (pending,) = psf_service.pending_approvals(uow, clinic.hcp)
    assert (pending.client_name, pending.service_name, pending.requested_by_name) == (
        "Maria Lopez", "Semaglutide GLP-1", "Ana Ruiz")
    refused = psf_service.refuse(uow, clinic.hcp, req.id, "History of pancreatitis")
    assert refused.status is PsfStatus.REFUSED and refused.reason == "History of pancreatitis"
    assert psf_service.pending_approvals(uow, clinic.hcp) == []
    assert psf_service.approvals_for_client(uow, clinic.admin, clinic.maria)[0].status is PsfStatus.REFUSED


def test_only_an_hcp_approves_or_refuses(uow, clinic):
    req = psf_service.request_approval(uow, clinic.csp, clinic.maria, clinic.glp1)
    for actor in (clinic.admin, clinic.csp):
        with pytest.raises(PermissionDenied, match="Healthcare Provider"):
            psf_service.approve(uow, actor, req.id, "0.25 mg", utcnow() + timedelta(days=30))
        with pytest.raises(PermissionDenied):
            psf_service.refuse(uow, actor, req.id, "no")
    with pytest.raises(PermissionDenied):
        psf_service.pending_approvals(uow, clinic.csp)


def test_bad_approvals_are_refused_and_write_nothing(uow, clinic):
    req = psf_service.request_approval(uow, clinic.csp, clinic.maria, clinic.glp1)
    with pytest.raises(ValidationError, match="protocol or dose"):
        psf_service.approve(uow, clinic.hcp, req.id, "", utcnow() + timedelta(days=30))
    with pytest.raises(ValidationError, match="future"):
        psf_service.approve(uow, clinic.hcp, req.id, "0.25 mg", utcnow() - timedelta(days=1))
    with pytest.raises(ValidationError, match="reason"):
        psf_service.refuse(uow, clinic.hcp, req.id, " ")
    with uow.read() as s:
        assert s.scalars(select(PsfDecision)).all() == []


def test_a_request_is_not_duplicated_nor_decided_twice(uow, clinic):
    req = psf_service.request_approval(uow, clinic.csp, clinic.maria, clinic.glp1)
    with pytest.raises(ConflictError, match="already waiting"):
        psf_service.request_approval(uow, clinic.csp, clinic.maria, clinic.glp1)
    psf_service.approve(uow, clinic.hcp, req.id, "0.25 mg weekly", utcnow() + timedelta(days=30))
    with pytest.raises(ConflictError, match="already been decided"):
        psf_service.refuse(uow, clinic.hcp, req.id, "changed my mind")
    with pytest.raises(ConflictError, match="already has a valid"):
        psf_service.request_approval(uow, clinic.csp, clinic.maria, clinic.glp1)


def test_a_service_that_is_not_patient_specific_needs_no_approval(uow, clinic):
    with pytest.raises(ValidationError, match="not a patient-specific"):
        psf_service.request_approval(uow, clinic.csp, clinic.maria, clinic.iv)


def _treated_session(uow, clinic):
    view = sessions.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]}))
    sc = view.clients[0].id
    mse_service.record_mse(uow, clinic.csp, sc, mse_form())
    sessions.record_treatment(uow, clinic.csp, sc, TreatmentForm((clinic.iv,), (saline(),), notes="Fine"))
    return sessions.finish_session(uow, clinic.csp, view.id)


def test_the_timeline_shows_sessions_mses_treatments_vials_and_approvals_with_who(uow, clinic):
    _treated_session(uow, clinic)
    psf_service.request_approval(uow, clinic.csp, clinic.maria, clinic.glp1)
    timeline = records.client_timeline(uow, clinic.hcp, clinic.maria)
    kinds = [e.kind for e in timeline.entries]
    assert {"session", "mse", "treatment", "vial", "psf_request"} <= set(kinds)
    assert kinds[0] == "psf_request"  # newest first
    mse = next(e for e in timeline.entries if e.kind == "mse")
    assert mse.who == "Ana Ruiz, RN" and "BP 122/78" in mse.detail


def test_a_finished_record_is_corrected_by_an_amendment_that_references_it(uow, clinic):
    _treated_session(uow, clinic)
    timeline = records.client_timeline(uow, clinic.csp, clinic.maria)
    vial = next(e for e in timeline.entries if e.kind == "vial")
    amendment = records.amend(uow, clinic.csp, clinic.maria, vial.target_kind, vial.target_id,
                              "Lot number is 24A117-C", "Misread the label")
    assert amendment.target_id == vial.target_id
    with uow.read() as s:
        assert s.get(Vial, vial.target_id).lot_number == "24A117-B"  # the record itself is kept
    timeline = records.client_timeline(uow, clinic.csp, clinic.maria)
    vial = next(e for e in timeline.entries if e.kind == "vial")
    assert vial.amendments[0].correction == "Lot number is 24A117-C"
    assert timeline.entries[0].kind == "amendment"


def test_bad_amendments_are_refused(uow, clinic):
    _treated_session(uow, clinic)
    timeline = records.client_timeline(uow, clinic.csp, clinic.maria)
    vial = next(e for e in timeline.entries if e.kind == "vial")
    with pytest.raises(ValidationError, match="reason"):
        records.amend(uow, clinic.csp, clinic.maria, "vial", vial.target_id, "Lot is X", "")
    with pytest.raises(NotFound):
        records.amend(uow, clinic.csp, clinic.tom, "vial", vial.target_id, "Lot is X", "typo")
    with pytest.raises(PermissionDenied, match="belongs to Ana Ruiz"):
        records.amend(uow, clinic.other_csp, clinic.maria, "vial", vial.target_id, "Lot is X", "typo")
    with pytest.raises(PermissionDenied):
        records.amend(uow, clinic.hcp, clinic.maria, "vial", vial.target_id, "Lot is X", "typo")


def test_the_visit_summary_pdf_names_the_csp_clients_vials_and_stamps(uow, clinic):
    done = _treated_session(uow, clinic)
    summary = records.visit_summary(uow, clinic.admin, done.id)
    assert summary.csp_name == "Ana Ruiz, RN" and summary.finished_by == "Ana Ruiz, RN"
    (visit,) = summary.clients
    assert visit.mse.outcome == "cleared" and visit.vials[0].lot_number == "24A117-B"
    pdf = pdfium.PdfDocument(build_visit_summary(summary))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    for expected in ("Visit summary", "Glow Mobile IV", "Maria Lopez", "24A117-B", "Cleared",
                     "Normal saline 0.9%", "Electronically stamped by Ana Ruiz, RN"):
        assert expected in text


def test_client_search_finds_by_name_email_or_phone(uow, clinic):
    assert [h.full_name for h in records.find_clients(uow, clinic.csp, "maria lop")] == ["Maria Lopez"]
    assert [h.full_name for h in records.find_clients(uow, clinic.csp, "tom@")] == ["Tom Lopez"]
    assert len(records.find_clients(uow, clinic.csp, "(305) 555")) == 2
    with pytest.raises(PermissionDenied):
        records.find_clients(uow, clinic.admin.__class__(
            "x", clinic.admin.business_id, "front_desk", "Fred", "f@x.test"), "maria")


def test_a_booked_psf_service_stays_flagged_until_an_hcp_approval_covers_the_booking(uow, clinic):
    from hydreight_desktop.services import scheduling

    booking_id = book(uow, clinic, {clinic.maria: [clinic.glp1]})
    assert scheduling.get_booking(uow, clinic.admin, booking_id).needs_psf_approval
    req = psf_service.request_approval(uow, clinic.admin, clinic.maria, clinic.glp1)
    assert scheduling.get_booking(uow, clinic.admin, booking_id).needs_psf_approval
    psf_service.approve(
        uow, clinic.hcp, req.id, "Semaglutide 0.25 mg weekly", utcnow() + timedelta(days=30)
    )
    assert not scheduling.get_booking(uow, clinic.admin, booking_id).needs_psf_approval
