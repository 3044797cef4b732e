"""Staff accounts: who can sign in, with which role. Only Business Admins manage them.

The email is the account's identity: checked hard, unique per business case-blind, and never
changed (``change_staff_email`` exists only to refuse with the reason the edit form shows).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NoReturn

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hydreight_desktop.domain.contact import (
    EMAIL_IMMUTABLE_REASON,
    parse_email,
    parse_phone,
    require_text,
)
from hydreight_desktop.domain.errors import ConflictError, NotFound, ValidationError
from hydreight_desktop.domain.roles import Permission, Role
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.passwords import (
    check_password_strength,
    hash_password,
    verify_password,
)
from hydreight_desktop.services.provider_profiles import (
    ensure_provider_profile,
    take_offline_when_inactive,
)
from hydreight_desktop.store.models import Business, StaffAccount
from hydreight_desktop.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class StaffRecord:
    id: str
    email: str
    full_name: str
    phone: str | None  # E.164
    role: Role
    active: bool
    last_login_at: datetime | None
    created_at: datetime

    @property
    def role_label(self) -> str:
        return self.role.label

    @staticmethod
    def from_row(row: StaffAccount) -> StaffRecord:
        return StaffRecord(
            id=row.id,
            email=row.email,
            full_name=row.full_name,
            phone=row.phone,
            role=Role(row.role),
            active=row.active,
            last_login_at=row.last_login_at,
            created_at=row.created_at,
        )


@dataclass(frozen=True, slots=True)
class NewStaffForm:
    email: str
    full_name: str
    phone: str | None
    role: Role | str
    password: str


@dataclass(frozen=True, slots=True)
class StaffUpdate:
    """What can change on an account. There is deliberately no email here."""

    full_name: str
    phone: str | None
    role: Role | str
    active: bool = True


def parse_role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError as exc:
        labels = ", ".join(r.label for r in Role)
        raise ValidationError(f"Pick a role: {labels}.", field="role") from exc


def business_region(s: Session, business_id: str) -> str:
    """The country phone numbers are read in (the business's locale, e.g. en_US -> US)."""
    locale = s.scalar(select(Business.locale).where(Business.id == business_id)) or "en_US"
    return locale.split("_")[-1].upper() if "_" in locale else "US"


def _email_taken(s: Session, business_id: str, key: str) -> bool:
    return (
        s.scalar(
            select(StaffAccount.id).where(
                StaffAccount.business_id == business_id, StaffAccount.email_key == key
            )
        )
        is not None
    )


def add_account(s: Session, actor: Actor, form: NewStaffForm) -> StaffAccount:
    """Validate and add one account inside the caller's transaction (used by providers too)."""
    email = parse_email(form.email)
    name = require_text(form.full_name, "full name", "full_name")
    role = parse_role(form.role)
    check_password_strength(form.password)
    phone = parse_phone(form.phone, business_region(s, actor.business_id))
    if _email_taken(s, actor.business_id, email.key):
        raise ConflictError(
            f"A staff account with the email {email.address} already exists. "
            "Each person signs in with their own email.",
            field="email",
        )
    row = StaffAccount(
        business_id=actor.business_id,
        email=email.address,
        email_key=email.key,
        full_name=name,
        phone=phone.e164 if phone else None,
        role=role.value,
        password_hash=hash_password(form.password),
        active=True,
    )
    s.add(row)
    s.flush()
    return row


def load_account(s: Session, actor: Actor, staff_id: str) -> StaffAccount:
    row = s.get(StaffAccount, staff_id)
    if row is None or row.business_id != actor.business_id:
        raise NotFound("That staff account no longer exists.")
    return row


def list_staff(
    uow: UnitOfWork, actor: Actor, *, include_inactive: bool = True, role: Role | None = None
) -> list[StaffRecord]:
    """Every account of the business, by name."""
    actor.require(Permission.MANAGE_STAFF)
    query = select(StaffAccount).where(StaffAccount.business_id == actor.business_id)
    if not include_inactive:
        query = query.where(StaffAccount.active.is_(True))
    if role is not None:
        query = query.where(StaffAccount.role == Role(role).value)
    with uow.read() as s:
        rows = s.scalars(query.order_by(func.lower(StaffAccount.full_name))).all()
        return [StaffRecord.from_row(r) for r in rows]


def get_staff(uow: UnitOfWork, actor: Actor, staff_id: str) -> StaffRecord:
    """One account; anyone may read their own, admins any."""
    if staff_id != actor.user_id:
        actor.require(Permission.MANAGE_STAFF)
    with uow.read() as s:
        return StaffRecord.from_row(load_account(s, actor, staff_id))


def create_staff(uow: UnitOfWork, actor: Actor, form: NewStaffForm) -> StaffRecord:
    """Add an account. CSP and HCP accounts also get an empty provider profile to fill in."""
    actor.require(Permission.MANAGE_STAFF)
    with uow.write(actor, "staff.create") as s:
        row = add_account(s, actor, form)
        ensure_provider_profile(s, row)
        return StaffRecord.from_row(row)


def _active_admins_besides(s: Session, business_id: str, staff_id: str) -> int:
    return (
        s.scalar(
            select(func.count())
            .select_from(StaffAccount)
            .where(
                StaffAccount.business_id == business_id,
                StaffAccount.role == Role.ADMIN.value,
                StaffAccount.active.is_(True),
                StaffAccount.id != staff_id,
            )
        )
        or 0
    )


def update_staff(uow: UnitOfWork, actor: Actor, staff_id: str, update: StaffUpdate) -> StaffRecord:
    """Change name, phone, role or active. The last active admin cannot be demoted or disabled."""
    actor.require(Permission.MANAGE_STAFF)
    name = require_text(update.full_name, "full name", "full_name")
    role = parse_role(update.role)
    with uow.write(actor, "staff.update") as s:
        row = load_account(s, actor, staff_id)
        phone = parse_phone(update.phone, business_region(s, actor.business_id))
        loses_admin = (
            row.role == Role.ADMIN.value
            and row.active
            and (role != Role.ADMIN or not update.active)
        )
        if loses_admin and _active_admins_besides(s, actor.business_id, row.id) == 0:
            raise ConflictError(
                f"{row.full_name} is the only active Business Admin. Make another account an "
                "admin first, so someone can still manage the business.",
                field="role" if role != Role.ADMIN else "active",
            )
        row.full_name = name
        row.phone = phone.e164 if phone else None
        row.role = role.value
        row.active = bool(update.active)
        ensure_provider_profile(s, row)
        take_offline_when_inactive(s, row)
        s.flush()
        return StaffRecord.from_row(row)


def change_staff_email(uow: UnitOfWork, actor: Actor, staff_id: str, new_email: str) -> NoReturn:
    """Always refused: an account's email is its identity. Create a new account instead."""
    actor.require(Permission.MANAGE_STAFF)
    with uow.read() as s:
        load_account(s, actor, staff_id)
    raise ValidationError(
        f"{EMAIL_IMMUTABLE_REASON} To use another address, create a new account and "
        "deactivate this one.",
        field="email",
    )


def reset_password(uow: UnitOfWork, actor: Actor, staff_id: str, new_password: str) -> None:
    """An admin sets a new password for an account (e.g. a forgotten one)."""
    actor.require(Permission.MANAGE_STAFF)
    check_password_strength(new_password)
    with uow.write(actor, "staff.reset_password") as s:
        load_account(s, actor, staff_id).password_hash = hash_password(new_password)


def change_own_password(uow: UnitOfWork, actor: Actor, current: str, new_password: str) -> None:
    """Anyone signed in changes their own password, proving they know the current one."""
    check_password_strength(new_password)
    with uow.write(actor, "staff.change_password") as s:
        row = load_account(s, actor, actor.user_id)
        if not verify_password(row.password_hash, current or ""):
            raise ValidationError("The current password is not right.", field="current_password")
        row.password_hash = hash_password(new_password)
