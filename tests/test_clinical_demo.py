"""The demo clinic's clinical rows: yesterday's visits recorded, and an HCP queue with work."""

from hydreight_desktop.domain.clinical.psf import PsfStatus
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services import (
    clinical_records,
    demo,
    demo_clinical,
    demo_scheduling,
    mse,
    psf,
)
from hydreight_desktop.services.auth import sign_in
from hydreight_desktop.services.context import system_actor


def test_the_demo_clinic_has_clinical_history_and_a_queue_for_its_hcp(uow):
    info = demo.build_demo_clinic(uow)
    actor = system_actor(info.business_id)
    if demo_scheduling.__name__ not in demo.CAPABILITY_SEEDERS:
        demo_scheduling.seed_demo(uow, actor)
    if demo_clinical.__name__ not in demo.CAPABILITY_SEEDERS:
        demo_clinical.seed_demo(uow, actor)
    hcp_login = info.login_for(Role.HCP)
    hcp = sign_in(uow, info.business_id, hcp_login.email, hcp_login.password)
    assert len(mse.pending_referrals(uow, hcp)) == 1
    requests = [a for c in info.client_ids for a in psf.approvals_for_client(uow, hcp, c)]
    statuses = [a.status for a in requests]
    assert PsfStatus.APPROVED in statuses
    assert len(statuses) == 1 or PsfStatus.PENDING in statuses
    assert all(a.requested_by_name != "Hydreight Desktop" for a in requests)
    treated = [c for c in info.client_ids
               if any(e.kind == "vial" for e in clinical_records.client_timeline(uow, hcp, c).entries)]
    assert treated, "yesterday's completed visit shows its vials in the records"
