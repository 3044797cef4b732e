"""Builders for the clinical tests: a CSP, an HCP, clients, services and a booking for today."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from hydreight_desktop.domain.clinical.contraindications import checklist_for, service_kind
from hydreight_desktop.domain.clinical.mse import MseForm
from hydreight_desktop.domain.clinical.outcome import MseOutcome
from hydreight_desktop.domain.clinical.vials import VialEntry
from hydreight_desktop.domain.clinical.vitals import TemperatureUnit, Vitals
from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.context import Actor
from hydreight_desktop.store.models import (
    Booking,
    BookingClient,
    BookingService,
    Client,
    CspProfile,
    HcpProfile,
    Service,
    StaffAccount,
)


@dataclass(frozen=True)
class Clinic:
    admin: Actor
    csp: Actor
    csp_id: str
    other_csp: Actor
    other_csp_id: str
    hcp: Actor
    iv: str  # needs an MSE
    b12: str  # no MSE
    glp1: str  # needs an MSE, patient-specific
    maria: str
    tom: str


def _staff(s, business_id, name, email, role) -> StaffAccount:
    row = StaffAccount(business_id=business_id, email=email, email_key=email.lower(), full_name=name,
                       role=role.value, password_hash="x")
    s.add(row)
    s.flush()
    return row


def _actor(row: StaffAccount, business_id: str, role: Role) -> Actor:
    return Actor(row.id, business_id, role, row.full_name, row.email)


def build_clinic(uow, admin) -> Clinic:
    biz = admin.business_id
    with uow.write(admin, "test.setup") as s:
        ana = _staff(s, biz, "Ana Ruiz", "ana@glow.test", Role.CSP)
        ben = _staff(s, biz, "Ben Cole", "ben@glow.test", Role.CSP)
        kim = _staff(s, biz, "Kim Lee", "kim@glow.test", Role.HCP)
        csp = CspProfile(business_id=biz, staff_id=ana.id, title="RN", default_time_zone="America/New_York",
                         is_live=True)
        other = CspProfile(business_id=biz, staff_id=ben.id, title="EMT-P",
                           default_time_zone="America/New_York", is_live=True)
        s.add_all([csp, other, HcpProfile(business_id=biz, staff_id=kim.id, credentials="MD")])
        services = {}
        for key, name, cat, mse, psf in [
            ("iv", "Athlete Recovery IV", "IV Therapy", True, False),
            ("b12", "B12 Injection", "Injections", False, False),
            ("glp1", "Semaglutide GLP-1", "Weight Loss", True, True),
        ]:
            row = Service(business_id=biz, name=name, category=cat, price_cents=15000,
                          duration_minutes=45, needs_mse=mse, patient_specific=psf)
            s.add(row)
            services[key] = row
        clients = {}
        for first, last in [("Maria", "Lopez"), ("Tom", "Lopez")]:
            row = Client(business_id=biz, first_name=first, last_name=last, first_name_key=first.lower(),
                         last_name_key=last.lower(), email=f"{first.lower()}@lopez.test",
                         email_key=f"{first.lower()}@lopez.test", date_of_birth=date(1988, 4, 12),
                         phone="+13055550142", phone_digits="3055550142")
            s.add(row)
            clients[first] = row
        s.flush()
        return Clinic(
            admin=admin, csp=_actor(ana, biz, Role.CSP), csp_id=csp.id,
            other_csp=_actor(ben, biz, Role.CSP), other_csp_id=other.id,
            hcp=_actor(kim, biz, Role.HCP), iv=services["iv"].id, b12=services["b12"].id,
            glp1=services["glp1"].id, maria=clients["Maria"].id, tom=clients["Tom"].id,
        )


def book(uow, clinic: Clinic, clients: dict[str, list[str]], *, csp_id=None, start=None,
         status="booked") -> str:
    """A callout booking starting a few minutes ago (so it is 'today' at any hour)."""
    start = start or utcnow() - timedelta(minutes=10)
    with uow.write(clinic.admin, "test.book") as s:
        booking = Booking(business_id=clinic.admin.business_id, csp_id=csp_id or clinic.csp_id,
                          mode="callout", start_at=start, end_at=start + timedelta(minutes=90),
                          status=status, address="44 Palm Ave, Miami FL 33139",
                          booked_by_id=clinic.admin.user_id)
        s.add(booking)
        s.flush()
        for pos, (client_id, service_ids) in enumerate(clients.items(), start=1):
            bc = BookingClient(business_id=booking.business_id, booking_id=booking.id,
                               client_id=client_id, position=pos)
            s.add(bc)
            s.flush()
            for sid in service_ids:
                s.add(BookingService(business_id=booking.business_id, booking_client_id=bc.id,
                                     service_id=sid, price_cents=15000, duration_minutes=45))
        return booking.id


def mse_form(first="Maria", last="Lopez", kinds=None, **changes) -> MseForm:
    kinds = kinds or {service_kind("IV Therapy")}
    base = MseForm(
        medical_history="None",
        current_medications="None",
        allergies="No known allergies",
        checklist={item.key: False for item in checklist_for(kinds)},
        vitals=Vitals(122, 78, 72, 98.4, TemperatureUnit.F, 98, 150),
        consent_name=f"{first} {last}",
        outcome=MseOutcome.CLEARED,
    )
    return replace(base, **changes)


def saline(**changes) -> VialEntry:
    base = VialEntry("Normal saline 0.9%", "24A117-B", date.today() + timedelta(days=200), "1000",
                     "mL", "IV", "Left antecubital")
    return replace(base, **changes)
