"""The Overview shows what the clinic has set up and today's bookings in time order."""

import shutil

from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.services.auth import sign_in
from hydreight_desktop.services.demo import build_demo_clinic
from hydreight_desktop.services.demo_accounts import DEMO_FRONT_DESK
from hydreight_desktop.services.overview import overview
from hydreight_desktop.services.schedule_views import list_schedule
from hydreight_desktop.store.engine import open_store
from hydreight_desktop.store.uow import UnitOfWork


def test_overview_counts_the_demo_clinic_and_lists_todays_bookings_in_order(
    tmp_path, template_store_path
):
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(template_store_path, path)
    store = open_store(path)
    try:
        uow = UnitOfWork(store)
        info = build_demo_clinic(uow)
        desk = sign_in(uow, info.business_id, DEMO_FRONT_DESK.email, DEMO_FRONT_DESK.password)
        data = overview(uow, desk)
        assert (data.clients, data.csps_live, data.csps_onboarding, data.hcps) == (30, 3, 1, 1)
        today = utcnow().astimezone(zone("America/New_York")).date()
        expected = {b.id for c in list_schedule(uow, desk, today, 1).columns for b in c.bookings}
        assert {row.id for row in data.today} == expected
        starts = [row.start_at for row in data.today]
        assert starts == sorted(starts)
        assert data.still_to_come <= data.bookings_today == len(expected)
    finally:
        store.close()


def test_an_hcp_sees_how_many_approvals_and_referrals_wait_for_them(tmp_path, template_store_path):
    from hydreight_desktop.services.demo_accounts import DEMO_HCP
    from hydreight_desktop.services.mse import pending_referrals
    from hydreight_desktop.services.psf import pending_approvals

    path = tmp_path / "demo.sqlite"
    shutil.copyfile(template_store_path, path)
    store = open_store(path)
    try:
        uow = UnitOfWork(store)
        info = build_demo_clinic(uow)
        hcp = sign_in(uow, info.business_id, DEMO_HCP.email, DEMO_HCP.password)
        data = overview(uow, hcp)
        assert data.psf_waiting == len(pending_approvals(uow, hcp)) > 0
        assert data.referrals_waiting == len(pending_referrals(uow, hcp)) > 0
        desk = sign_in(uow, info.business_id, DEMO_FRONT_DESK.email, DEMO_FRONT_DESK.password)
        assert overview(uow, desk).psf_waiting is None
    finally:
        store.close()
