"""The service catalogue: what the clinic sells, at what price and length, with clinical gates.

Everyone reads it; only Business Admins add or change services and prices. Services are
deactivated, never deleted, so past bookings keep pointing at them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hydreight_desktop.domain.contact import require_text
from hydreight_desktop.domain.errors import ConflictError, NotFound, ValidationError
from hydreight_desktop.domain.providers import validate_commission_bp
from hydreight_desktop.domain.roles import Permission
from hydreight_desktop.services.context import Actor
from hydreight_desktop.store.models import Service
from hydreight_desktop.store.uow import UnitOfWork

MAX_DURATION_MINUTES = 12 * 60
MAX_PRICE_CENTS = 100_000_00
CATEGORIES = ("IV Therapy", "Injections", "GLP-1 Program", "Consultations", "Add-ons", "Other")


@dataclass(frozen=True, slots=True)
class ServiceForm:
    name: str
    category: str
    price_cents: int
    duration_minutes: int
    description: str = ""
    needs_mse: bool = False
    patient_specific: bool = False
    commission_rate_bp: int | None = None  # None: the CSP's own rate applies
    mse_validity_days: int | None = None  # None: the business's MSE validity applies
    active: bool = True


@dataclass(frozen=True, slots=True)
class ServiceRecord:
    id: str
    name: str
    category: str
    description: str
    price_cents: int
    duration_minutes: int
    needs_mse: bool
    patient_specific: bool
    commission_rate_bp: int | None
    mse_validity_days: int | None
    active: bool

    @property
    def form(self) -> ServiceForm:
        """The record as an editable form (for the edit dialog)."""
        return ServiceForm(
            self.name,
            self.category,
            self.price_cents,
            self.duration_minutes,
            self.description,
            self.needs_mse,
            self.patient_specific,
            self.commission_rate_bp,
            self.mse_validity_days,
            self.active,
        )

    @staticmethod
    def from_row(row: Service) -> ServiceRecord:
        return ServiceRecord(
            row.id,
            row.name,
            row.category,
            row.description,
            row.price_cents,
            row.duration_minutes,
            row.needs_mse,
            row.patient_specific,
            row.commission_rate_bp,
            row.mse_validity_days,
            row.active,
        )


def _int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def validate_service(form: ServiceForm) -> dict:
    """Every field checked with a message for the admin; returns the values to store."""
    name = require_text(form.name, "service name", "name", max_length=120)
    category = require_text(form.category, "category", "category", max_length=60)
    if not _int(form.price_cents):
        raise ValidationError("Please enter the price.", field="price_cents")
    if form.price_cents < 0:
        raise ValidationError("The price cannot be negative.", field="price_cents")
    if form.price_cents > MAX_PRICE_CENTS:
        raise ValidationError("The price is too high; check the amount.", field="price_cents")
    if not _int(form.duration_minutes) or form.duration_minutes <= 0:
        raise ValidationError("The duration must be at least 1 minute.", field="duration_minutes")
    if form.duration_minutes > MAX_DURATION_MINUTES:
        raise ValidationError("A service can last at most 12 hours.", field="duration_minutes")
    if form.commission_rate_bp is not None:
        validate_commission_bp(form.commission_rate_bp, field="commission_rate_bp")
    if form.mse_validity_days is not None and (
        not _int(form.mse_validity_days) or not 1 <= form.mse_validity_days <= 730
    ):
        raise ValidationError(
            "The MSE validity must be between 1 and 730 days.", field="mse_validity_days"
        )
    return {
        "name": name,
        "category": category,
        "description": (form.description or "").strip(),
        "price_cents": form.price_cents,
        "duration_minutes": form.duration_minutes,
        "needs_mse": bool(form.needs_mse),
        "patient_specific": bool(form.patient_specific),
        "commission_rate_bp": form.commission_rate_bp,
        "mse_validity_days": form.mse_validity_days,
        "active": bool(form.active),
    }


def _check_name_free(s: Session, business_id: str, name: str, except_id: str | None) -> None:
    query = select(Service.id).where(
        Service.business_id == business_id, func.lower(Service.name) == name.lower()
    )
    if except_id:
        query = query.where(Service.id != except_id)
    if s.scalar(query) is not None:
        raise ConflictError(
            f"There is already a service called “{name}”. Pick another name.", field="name"
        )


def _load(s: Session, actor: Actor, service_id: str) -> Service:
    row = s.get(Service, service_id)
    if row is None or row.business_id != actor.business_id:
        raise NotFound("That service no longer exists.")
    return row


def list_services(uow: UnitOfWork, actor: Actor, active: bool | None = True) -> list[ServiceRecord]:
    """Services by category then name; ``active=None`` lists all, ``False`` only retired ones."""
    actor.require(Permission.VIEW_SERVICES)
    query = select(Service).where(Service.business_id == actor.business_id)
    if active is not None:
        query = query.where(Service.active.is_(active))
    query = query.order_by(Service.category, func.lower(Service.name))
    with uow.read() as s:
        return [ServiceRecord.from_row(r) for r in s.scalars(query)]


def get_service(uow: UnitOfWork, actor: Actor, service_id: str) -> ServiceRecord:
    actor.require(Permission.VIEW_SERVICES)
    with uow.read() as s:
        return ServiceRecord.from_row(_load(s, actor, service_id))


def list_categories(uow: UnitOfWork, actor: Actor) -> list[str]:
    """The usual categories plus any the business has used, for the category picker."""
    actor.require(Permission.VIEW_SERVICES)
    with uow.read() as s:
        used = s.scalars(
            select(Service.category).where(Service.business_id == actor.business_id).distinct()
        ).all()
    return sorted(set(CATEGORIES) | set(used))


def create_service(uow: UnitOfWork, actor: Actor, form: ServiceForm) -> ServiceRecord:
    actor.require(Permission.MANAGE_SERVICES)
    values = validate_service(form)
    with uow.write(actor, "service.create") as s:
        _check_name_free(s, actor.business_id, values["name"], None)
        row = Service(business_id=actor.business_id, **values)
        s.add(row)
        s.flush()
        return ServiceRecord.from_row(row)


def update_service(
    uow: UnitOfWork, actor: Actor, service_id: str, form: ServiceForm
) -> ServiceRecord:
    """Change a service. Bookings already made keep the price and duration they were made at."""
    actor.require(Permission.MANAGE_SERVICES)
    values = validate_service(form)
    with uow.write(actor, "service.update") as s:
        row = _load(s, actor, service_id)
        _check_name_free(s, actor.business_id, values["name"], row.id)
        for key, value in values.items():
            setattr(row, key, value)
        s.flush()
        return ServiceRecord.from_row(row)


def set_active(uow: UnitOfWork, actor: Actor, service_id: str, active: bool) -> ServiceRecord:
    """Offer a service again, or retire it (no new bookings; history stays)."""
    actor.require(Permission.MANAGE_SERVICES)
    with uow.write(actor, "service.activate" if active else "service.deactivate") as s:
        row = _load(s, actor, service_id)
        row.active = bool(active)
        s.flush()
        return ServiceRecord.from_row(row)
