"""Signing in. A refusal never says whether the email or the password was wrong."""

from __future__ import annotations

from sqlalchemy import select

from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.contact import parse_email
from hydreight_desktop.domain.errors import AuthenticationFailed, ValidationError
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.passwords import dummy_hash, verify_password
from hydreight_desktop.store.models import StaffAccount
from hydreight_desktop.store.uow import UnitOfWork

SIGN_IN_REFUSED = "That email and password do not match an active account. Please try again."


def sign_in(uow: UnitOfWork, business_id: str, email: str, password: str) -> Actor:
    """Check the credentials and return the signed-in actor; records the time of sign-in."""
    try:
        key = parse_email(email).key
    except ValidationError as exc:
        raise AuthenticationFailed(SIGN_IN_REFUSED) from exc
    with uow.read() as s:
        account = s.scalars(
            select(StaffAccount).where(
                StaffAccount.business_id == business_id, StaffAccount.email_key == key
            )
        ).first()
        stored = account.password_hash if account else dummy_hash()
        ok = verify_password(stored, password or "") and account is not None and account.active
        if not ok:
            raise AuthenticationFailed(SIGN_IN_REFUSED)
        actor = Actor(account.id, business_id, Role(account.role), account.full_name, account.email)
    with uow.write(actor, "staff.sign_in") as s:
        s.get(StaffAccount, actor.user_id).last_login_at = utcnow()
    return actor
