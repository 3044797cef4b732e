"""The demo clinic: a newcomer signs in with the shown details and finds a working clinic."""

import shutil

import pytest

from hydreight_desktop.domain.errors import ConflictError
from hydreight_desktop.domain.providers import Mode
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.auth import sign_in
from hydreight_desktop.services.business import get_business
from hydreight_desktop.services.catalog import list_services
from hydreight_desktop.services.clients import ClientForm, count_clients, create_client, get_client
from hydreight_desktop.services.demo import build_demo_clinic
from hydreight_desktop.services.demo_accounts import DEMO_ACCOUNTS
from hydreight_desktop.services.providers import get_csp_profile, list_csps, list_hcps
from hydreight_desktop.store.engine import open_store
from hydreight_desktop.store.uow import UnitOfWork
from tests.conftest import cheap_password_hashing


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory, template_store_path):
    """One demo clinic for this module ; tests only read."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    shutil.copyfile(template_store_path, path)
    store = open_store(path)
    with cheap_password_hashing():
        info = build_demo_clinic(UnitOfWork(store))
    yield store, info
    store.close()


@pytest.fixture
def uow(demo_store):
    return UnitOfWork(demo_store[0])


@pytest.fixture
def demo_clinic(demo_store):
    return demo_store[1]


def test_every_login_shown_on_the_demo_screen_signs_in(uow, demo_clinic):
    for login in demo_clinic.logins:
        actor = sign_in(uow, demo_clinic.business_id, login.email, login.password)
        assert actor.role == login.role
    shown = {(a.email, a.password) for a in DEMO_ACCOUNTS}
    assert shown <= {(login.email, login.password) for login in demo_clinic.logins}


def test_the_demo_business_is_flagged_and_named(uow, demo_clinic):
    admin = sign_in(
        uow, demo_clinic.business_id, demo_clinic.admin.email, demo_clinic.admin.password
    )
    business = get_business(uow, admin)
    assert business.is_demo and business.name == "Hydreight Demo Clinic"


def test_four_csps_in_two_zones_with_hours_for_both_modes_one_onboarding(uow, demo_clinic):
    admin = sign_in(
        uow, demo_clinic.business_id, demo_clinic.admin.email, demo_clinic.admin.password
    )
    csps = list_csps(uow, admin)
    assert len(csps) == 4
    assert {c.default_time_zone for c in csps} == {"America/New_York", "America/Los_Angeles"}
    assert all(c.modes == (Mode.CALLOUT, Mode.FACILITY) for c in csps)
    assert sorted(c.is_live for c in csps) == [False, True, True, True]
    profiles = [get_csp_profile(uow, admin, c.id) for c in csps]
    assert sum(len(p.vacations) for p in profiles) == 1
    assert all(p.settings.callout_advance_minutes >= 60 for p in profiles)


def test_one_hcp_and_the_clinics_services(uow, demo_clinic):
    desk = sign_in(
        uow, demo_clinic.business_id, demo_clinic.front_desk.email, demo_clinic.front_desk.password
    )
    (hcp,) = list_hcps(uow, desk)
    assert hcp.credentials == "MD" and "FL" in hcp.licensed_states
    names = {s.name for s in list_services(uow, desk)}
    for expected in (
        "Athlete Recovery IV",
        "Energy IV",
        "B12 injection",
        "Migraine IV",
        "Hangover IV",
        "GLP-1 check-in",
        "GLP-1 HCP consultation",
    ):
        assert expected in names
    psf = [s.name for s in list_services(uow, desk) if s.patient_specific]
    assert "Semaglutide (PSF)" in psf


def test_thirty_clients_with_addresses(uow, demo_clinic):
    desk = sign_in(
        uow, demo_clinic.business_id, demo_clinic.front_desk.email, demo_clinic.front_desk.password
    )
    assert count_clients(uow, desk) == len(demo_clinic.client_ids) == 30
    assert all(get_client(uow, desk, cid).default_address for cid in demo_clinic.client_ids[:5])
    with pytest.raises(ConflictError):
        create_client(uow, desk, ClientForm("Anna", "Again", "ANNA.SMITH@gmail.com"))


def test_demo_logins_cover_every_role(demo_clinic):
    assert {login.role for login in demo_clinic.logins} == set(Role)
