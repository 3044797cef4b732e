"""A small clinic built through the services, for the schedule screen tests and screenshots."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.domain.providers import HoursRange
from hydreight_desktop.services import scheduling
from hydreight_desktop.services.catalog import ServiceForm, create_service
from hydreight_desktop.services.clients import ClientForm, create_client
from hydreight_desktop.services.providers import (
    CspSettings,
    NewCspForm,
    add_vacation,
    create_csp,
    set_csp_hours,
    update_csp_settings,
)
from hydreight_desktop.services.scheduling_records import BookingClientForm, BookingForm

CLINIC_ZONE = "America/New_York"


@dataclass
class Clinic:
    ana: str  # live, New York, 8-18 both modes
    ben: str  # live, Los Angeles, 9-17 both modes
    cara: str  # not live, no hours
    energy: str
    recovery: str
    semaglutide: str  # patient-specific
    maria: str
    john: str
    day: date  # the clinic day the bookings are on (tomorrow)


def _csp(uow, admin, name, email, tz, live, hours):
    record = create_csp(uow, admin, NewCspForm(email, name, None, "correct-horse-42", tz, "RN",
                                                live))
    for mode in ("callout", "facility"):
        if hours:
            start, end = hours
            set_csp_hours(uow, admin, record.id, mode,
                          [HoursRange(d, start * 60, end * 60) for d in range(7)])
    update_csp_settings(uow, admin, record.id, CspSettings(0, 0, False, 3000))
    return record.id


def build_clinic(uow, admin, *, with_bookings: bool = True) -> Clinic:
    """Three CSPs (one in Los Angeles, one not live), three services, two clients, bookings."""
    ana = _csp(uow, admin, "Ana Lopez", "ana@glowclinic.com", CLINIC_ZONE, True, (8, 18))
    ben = _csp(uow, admin, "Ben Okafor", "ben@glowclinic.com", "America/Los_Angeles", True,
               (9, 17))
    cara = _csp(uow, admin, "Cara Singh", "cara@glowclinic.com", CLINIC_ZONE, False, None)
    energy = create_service(uow, admin, ServiceForm("Energy IV", "IV therapy", 15000, 45)).id
    recovery = create_service(
        uow, admin, ServiceForm("Athlete Recovery IV", "IV therapy", 20000, 60)).id
    sema = create_service(uow, admin, ServiceForm("Semaglutide", "GLP-1", 30000, 30,
                                                  patient_specific=True)).id
    maria = create_client(uow, admin, ClientForm("Maria", "Gomez", "maria@example.com")).id
    john = create_client(uow, admin, ClientForm("John", "Smith", "john@example.com")).id
    tz = zone(CLINIC_ZONE)
    day = utcnow().astimezone(tz).date() + timedelta(days=1)
    clinic = Clinic(ana, ben, cara, energy, recovery, sema, maria, john, day)
    add_vacation(uow, admin, ben, at(day, 13), at(day, 14), "Training")
    if with_bookings:
        book(uow, admin, ana, at(day, 9), [(maria, (energy,))], "facility")
        book(uow, admin, ana, at(day, 11), [(john, (recovery, sema))], "callout",
             "12 Main St, Springfield")
        book(uow, admin, ben, at(day, 15), [(maria, (recovery,)), (john, (energy,))],
                      "callout", "4 Elm Rd, Springfield")
    return clinic


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A clinic-time instant on `day`."""
    return datetime.combine(day, time(hour, minute), tzinfo=zone(CLINIC_ZONE))


def book(uow, admin, csp_id, start, clients, mode, address=None):
    form = BookingForm(csp_id, mode, start,
                       tuple(BookingClientForm(c, tuple(s)) for c, s in clients), address)
    return scheduling.create_booking(uow, admin, form)
