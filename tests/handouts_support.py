"""Builders for the handout tests: providers, services and bookings written straight to the store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.context import Actor
from hydreight_desktop.store.models import CspProfile, Service, StaffAccount
from hydreight_desktop.store.models.scheduling import Booking


def add_csp(
    uow, admin: Actor, name: str, email: str, *, live: bool = True, title: str = "RN"
) -> str:
    with uow.write(admin, "test.add_csp") as s:
        staff = StaffAccount(
            business_id=admin.business_id,
            email=email,
            email_key=email.casefold(),
            full_name=name,
            role=Role.CSP.value,
            password_hash="x",
        )
        s.add(staff)
        s.flush()
        profile = CspProfile(
            business_id=admin.business_id,
            staff_id=staff.id,
            title=title,
            default_time_zone="America/New_York",
            is_live=live,
        )
        s.add(profile)
        s.flush()
        return profile.id


def add_service(uow, admin: Actor, name: str, price_cents: int, *, active: bool = True) -> None:
    with uow.write(admin, "test.add_service") as s:
        s.add(
            Service(
                business_id=admin.business_id,
                name=name,
                category="IV Therapy",
                price_cents=price_cents,
                duration_minutes=45,
                active=active,
            )
        )


def add_booking(uow, admin: Actor, csp_id: str, link_code: str | None, *, status="booked") -> None:
    start = datetime(2026, 12, 10, 15, tzinfo=UTC)
    with uow.write(admin, "test.add_booking") as s:
        s.add(
            Booking(
                business_id=admin.business_id,
                csp_id=csp_id,
                mode="facility",
                start_at=start,
                end_at=start + timedelta(hours=1),
                status=status,
                link_code=link_code,
                booked_by_id=admin.user_id,
            )
        )


def actor_as(admin: Actor, role: Role) -> Actor:
    return Actor(admin.user_id, admin.business_id, role, "Fran Front", "fran@glowclinic.com")
