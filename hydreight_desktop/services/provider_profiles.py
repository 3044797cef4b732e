"""A CSP or HCP account always has its profile: made here when an account takes that role."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hydreight_desktop.domain.roles import Role
from hydreight_desktop.store.models import Business, CspProfile, HcpProfile, StaffAccount


def ensure_provider_profile(s: Session, account: StaffAccount) -> None:
    """Add the empty profile a CSP/HCP account needs (not live; the business's time zone).

    Profiles are kept when the role changes later, so past bookings keep their provider.
    """
    if account.role not in (Role.CSP.value, Role.HCP.value):
        return
    model = CspProfile if account.role == Role.CSP.value else HcpProfile
    if s.scalar(select(model.id).where(model.staff_id == account.id)) is not None:
        return
    tz = s.scalar(select(Business.time_zone).where(Business.id == account.business_id))
    if model is CspProfile:
        s.add(
            CspProfile(business_id=account.business_id, staff_id=account.id, default_time_zone=tz)
        )
    else:
        s.add(
            HcpProfile(
                business_id=account.business_id, staff_id=account.id, credentials="", time_zone=tz
            )
        )
    s.flush()


def take_offline_when_inactive(s: Session, account: StaffAccount) -> None:
    """A deactivated CSP is no longer bookable; going live again is an admin's explicit choice."""
    if account.active:
        return
    profile = s.scalars(select(CspProfile).where(CspProfile.staff_id == account.id)).first()
    if profile is not None and profile.is_live:
        profile.is_live = False
