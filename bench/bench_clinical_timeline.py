"""clinical_timeline: opening the records of a regular client with 150 recorded visits.

Measured: ``client_timeline`` through the unit of work (sessions, screenings, treatments,
vials, approvals, amendments; newest first, with names). Baseline, same run: one bare SQL
query per clinical table on a plain sqlite3 connection fetching that client's rows, i.e. the
reading no timeline can avoid. Goal: the whole timeline (about a thousand display records
with names and formatted details) within 8x the bare reads; measured about 5.5x.
"""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from bench.common import BenchResult, interleaved_medians
from hydreight_desktop.domain.clinical.contraindications import ServiceKind, checklist_for
from hydreight_desktop.domain.clinical.mse import MseForm
from hydreight_desktop.domain.clinical.outcome import MseOutcome
from hydreight_desktop.domain.clinical.vials import VialEntry
from hydreight_desktop.domain.clinical.vitals import TemperatureUnit, Vitals
from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.business import BusinessSettings, NewBusiness, create_business
from hydreight_desktop.services.clinical_records import client_timeline
from hydreight_desktop.services.clinical_types import TreatmentForm
from hydreight_desktop.services.context import Actor, system_actor
from hydreight_desktop.services.mse import add_mse
from hydreight_desktop.services.sessions import add_session, add_treatment, close_session
from hydreight_desktop.store.engine import open_store
from hydreight_desktop.store.models import (
    Booking,
    BookingClient,
    BookingService,
    Client,
    CspProfile,
    Service,
    SessionClient,
    StaffAccount,
)
from hydreight_desktop.store.uow import UnitOfWork

VISITS = 150
BARE_READS = (
    "SELECT * FROM session_clients WHERE client_id = ?",
    "SELECT * FROM clinical_sessions WHERE id IN (SELECT session_id FROM session_clients WHERE client_id = ?)",
    "SELECT * FROM mses WHERE client_id = ?",
    "SELECT * FROM treatments WHERE client_id = ?",
    "SELECT * FROM treatment_services WHERE treatment_id IN (SELECT id FROM treatments WHERE client_id = ?)",
    "SELECT * FROM vials WHERE client_id = ?",
    "SELECT * FROM psf_requests WHERE client_id = ?",
    "SELECT * FROM clinical_amendments WHERE client_id = ?",
)


def _store(folder: Path) -> tuple[UnitOfWork, Actor, str, Path]:
    path = folder / "timeline.sqlite"
    uow = UnitOfWork(open_store(path))
    business = create_business(uow, NewBusiness(
        settings=BusinessSettings(name="Bench Clinic", time_zone="America/New_York"),
        admin_name="Bench Owner", admin_email="owner@benchclinic.com", admin_password="bench-clinic-2026",
    ))
    admin = system_actor(business.id)
    biz = business.id
    with uow.write(admin, "bench.setup") as s:
        staff = StaffAccount(business_id=biz, email="nurse@benchclinic.com", email_key="nurse@benchclinic.com",
                             full_name="Ana Ruiz", role=Role.CSP.value, password_hash="x")
        s.add(staff)
        s.flush()
        csp = CspProfile(business_id=biz, staff_id=staff.id, title="RN",
                         default_time_zone="America/New_York", is_live=True)
        service = Service(business_id=biz, name="Energy IV", category="IV Therapy", price_cents=17500,
                          duration_minutes=45, needs_mse=True)
        client = Client(business_id=biz, first_name="Maria", last_name="Lopez", first_name_key="maria",
                        last_name_key="lopez", email="maria@lopez.example", email_key="maria@lopez.example")
        s.add_all([csp, service, client])
        s.flush()
        nurse = Actor(staff.id, biz, Role.CSP, staff.full_name, staff.email)
        form = MseForm("None", "None", "No known allergies",
                       {i.key: False for i in checklist_for({ServiceKind.IV})},
                       Vitals(120, 78, 70, 98.4, TemperatureUnit.F, 98, 150), "Maria Lopez",
                       MseOutcome.CLEARED)
        start = utcnow() - timedelta(days=VISITS * 7)
        for n in range(VISITS):
            at = start + timedelta(days=7 * n)
            booking = Booking(business_id=biz, csp_id=csp.id, mode="callout", start_at=at,
                              end_at=at + timedelta(minutes=45), status="booked", address="1 Main St",
                              booked_by_id=admin.user_id)
            bc = BookingClient(business_id=biz, client_id=client.id, position=1)
            bc.services.append(BookingService(business_id=biz, service_id=service.id,
                                              price_cents=17500, duration_minutes=45))
            booking.clients.append(bc)
            s.add(booking)
            s.flush()
            row = add_session(s, nurse, booking, csp, at)
            sc = s.query(SessionClient).filter_by(session_id=row.id).one()
            add_mse(s, nurse, row, sc, client, replace(form, consent_at=at), at)
            vial = VialEntry("Lactated Ringer's", f"LR{n:04d}", date(2100, 1, 1), "1000", "mL", "IV",
                             "Left antecubital", service.id)
            add_treatment(s, nurse, row, sc, client,
                          TreatmentForm((service.id,), (vial, replace(vial, lot_number=f"B{n:04d}"))),
                          at + timedelta(minutes=15))
            close_session(s, nurse, row, csp, at + timedelta(minutes=40))
    return uow, admin, client.id, path


def run() -> BenchResult:
    with tempfile.TemporaryDirectory() as folder:
        uow, admin, client_id, path = _store(Path(folder))
        timeline = client_timeline(uow, admin, client_id)
        assert len(timeline.entries) >= VISITS * 5
        bare = sqlite3.connect(path)

        def bare_reads() -> None:
            for sql in BARE_READS:
                bare.execute(sql, (client_id,)).fetchall()

        value, baseline = interleaved_medians(
            lambda: client_timeline(uow, admin, client_id), bare_reads, repeat=5
        )
        bare.close()
        uow.store.close()
    return BenchResult("clinical_timeline", value, baseline, 8.0, "s")


if __name__ == "__main__":
    print(run().as_dict())
