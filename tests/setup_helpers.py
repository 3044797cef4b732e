"""Helpers for the back-office tests: extra staff as signed-in actors, and a write counter."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import func, select

from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.providers import CspProfileRecord, NewCspForm, create_csp
from hydreight_desktop.services.staff import NewStaffForm, create_staff
from hydreight_desktop.store.models import AuditEntry, OutboxEntry
from hydreight_desktop.store.uow import UnitOfWork

PASSWORD = "staff-pass-2026"


def actor_for(admin: Actor, staff_id: str, role: Role, name: str, email: str) -> Actor:
    """The actor a successful sign-in of that account would give (without hashing again)."""
    return Actor(staff_id, admin.business_id, role, name, email)


def add_front_desk(uow: UnitOfWork, admin: Actor, email: str = "desk@glowclinic.com") -> Actor:
    record = create_staff(
        uow, admin, NewStaffForm(email, "Fran Desk", "(305) 555-0170", Role.FRONT_DESK, PASSWORD)
    )
    return actor_for(admin, record.id, Role.FRONT_DESK, record.full_name, record.email)


def add_csp(
    uow: UnitOfWork,
    admin: Actor,
    email: str = "nina@glowclinic.com",
    name: str = "Nina Nurse",
    time_zone: str = "America/New_York",
) -> tuple[Actor, CspProfileRecord]:
    profile = create_csp(uow, admin, NewCspForm(email, name, None, PASSWORD, time_zone))
    return actor_for(admin, profile.staff_id, Role.CSP, name, profile.email), profile


def write_count(uow: UnitOfWork) -> tuple[int, int]:
    """How many outbox and audit rows exist: any committed write adds to both."""
    with uow.read() as s:
        return (
            s.scalar(select(func.count()).select_from(OutboxEntry)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )


@contextmanager
def nothing_written(uow: UnitOfWork):
    """Asserts the block (expected to raise inside ``pytest.raises``) committed nothing."""
    before = write_count(uow)
    try:
        yield
    finally:
        assert write_count(uow) == before, "a refused action must not write anything"
