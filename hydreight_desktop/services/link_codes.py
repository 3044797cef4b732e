"""Booking-link codes: the business's and each CSP's, their links, widgets and credit.

Every CSP (and the business) always has exactly one active code; codes are
created on first use. Regenerating (admins only) retires the old code; a
retired code still resolves to its CSP so bookings made from an old handout
are credited correctly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.errors import DomainError, NotFound
from hydreight_desktop.domain.link_codes import (
    WidgetSnippets,
    build_link,
    code_from_text,
    generate_code,
    normalize_code,
    widget_snippets,
)
from hydreight_desktop.domain.roles import Permission
from hydreight_desktop.services.context import Actor
from hydreight_desktop.store.models import Business, CspProfile, LinkCode, StaffAccount
from hydreight_desktop.store.models.scheduling import Booking
from hydreight_desktop.store.uow import UnitOfWork

ACTIVE = "active"
RETIRED = "retired"


@dataclass(frozen=True, slots=True)
class CodeRecord:
    """One code with the bookings it brought (retired codes keep their count)."""

    code: str
    active: bool
    activated_at: datetime
    retired_at: datetime | None
    bookings: int


@dataclass(frozen=True, slots=True)
class LinkRecord:
    """The business's or one CSP's booking link, as the handouts screen shows it.

    ``link`` and ``snippets`` are None when the business's booking-link address
    is not usable; ``link_problem`` then says why (and how to fix it).
    """

    csp_id: str | None
    name: str
    email: str | None
    title: str | None
    is_live: bool
    code: str
    link: str | None
    snippets: WidgetSnippets | None
    link_problem: str | None
    codes: tuple[CodeRecord, ...]  # active first, then retired newest first

    @property
    def total_bookings(self) -> int:
        return sum(c.bookings for c in self.codes)


@dataclass(frozen=True, slots=True)
class CodeOwner:
    """Who a code credits: a CSP, or the business itself (``csp_id`` None)."""

    code: str
    csp_id: str | None
    name: str
    active: bool


# ---------------------------------------------------------------------- internals


def _code_taken(s: Session) -> Callable[[str], bool]:
    return lambda code: s.scalar(select(func.count()).where(LinkCode.code == code)) > 0


def _active_codes(s: Session, business_id: str) -> dict[str | None, LinkCode]:
    rows = s.scalars(
        select(LinkCode).where(LinkCode.business_id == business_id, LinkCode.status == ACTIVE)
    )
    return {row.csp_id: row for row in rows}


def _csp_ids(s: Session, business_id: str) -> list[str]:
    return list(s.scalars(select(CspProfile.id).where(CspProfile.business_id == business_id)))


def _missing_owners(s: Session, business_id: str) -> list[str | None]:
    active = _active_codes(s, business_id)
    owners: list[str | None] = [None, *_csp_ids(s, business_id)]
    return [owner for owner in owners if owner not in active]


def _issue_code(s: Session, business_id: str, csp_id: str | None) -> LinkCode:
    row = LinkCode(business_id=business_id, csp_id=csp_id, code=generate_code(_code_taken(s)),
                   status=ACTIVE, activated_at=utcnow())
    s.add(row)
    s.flush()
    return row


def ensure_link_codes(uow: UnitOfWork, actor: Actor) -> int:
    """Give the business and every CSP an active code if they lack one; returns how many
    were created (0 means nothing was written)."""
    actor.require(Permission.PRINT_HANDOUTS)
    with uow.read() as s:
        if not _missing_owners(s, actor.business_id):
            return 0
    with uow.write(actor, "link_code.ensure") as s:
        missing = _missing_owners(s, actor.business_id)  # again, under the write lock
        for owner in missing:
            _issue_code(s, actor.business_id, owner)
        return len(missing)


def _bookings_per_code(s: Session, business_id: str, codes: list[str]) -> Counter[str]:
    """Bookings per code; a booking may have recorded the code in any case, or the whole link."""
    wanted = set(codes)
    counts: Counter[str] = Counter()
    if not wanted:
        return counts
    rows = s.execute(
        select(Booking.link_code, func.count())
        .where(Booking.business_id == business_id, Booking.link_code.is_not(None))
        .group_by(Booking.link_code)
    )
    for recorded, count in rows:
        code = code_from_text(recorded)
        if code in wanted:
            counts[code] += count
    return counts


def _link_for(base: str, code: str, name: str) -> tuple[str | None, WidgetSnippets | None, str | None]:
    try:
        link = build_link(base, code)
    except DomainError as problem:
        return None, None, str(problem)
    return link, widget_snippets(link, name), None


def _records(s: Session, actor: Actor, csp_ids: list[str | None] | None) -> list[LinkRecord]:
    """Link records for the business (``None`` in ``csp_ids``) and the given CSPs."""
    business = s.get(Business, actor.business_id)
    if business is None:
        raise NotFound("This business no longer exists on this computer.")
    owners: list[str | None] = [None, *_csp_ids(s, actor.business_id)] if csp_ids is None \
        else list(csp_ids)
    query = select(LinkCode).where(LinkCode.business_id == actor.business_id)
    codes_by_owner: dict[str | None, list[LinkCode]] = {}
    for row in s.scalars(query):
        codes_by_owner.setdefault(row.csp_id, []).append(row)
    counts = _bookings_per_code(s, actor.business_id,
                                [r.code for rows in codes_by_owner.values() for r in rows])
    profiles = {
        p.id: p
        for p in s.scalars(
            select(CspProfile).join(StaffAccount, CspProfile.staff_id == StaffAccount.id)
            .where(CspProfile.business_id == actor.business_id)
        )
    }
    records: list[LinkRecord] = []
    for owner in owners:
        rows = codes_by_owner.get(owner, [])
        active = next((r for r in rows if r.status == ACTIVE), None)
        if active is None:
            raise NotFound("This provider has no booking code yet. Please refresh the list.")
        history = sorted(rows, key=lambda r: (r.status != ACTIVE, -r.activated_at.timestamp()))
        code_records = tuple(
            CodeRecord(r.code, r.status == ACTIVE, r.activated_at, r.retired_at, counts[r.code])
            for r in history
        )
        if owner is None:
            name, email, title, live = business.name, None, None, True
        else:
            profile = profiles.get(owner)
            if profile is None:
                raise NotFound("That provider no longer exists on this computer.")
            name, email = profile.staff.full_name, profile.staff.email
            title, live = profile.title, profile.is_live
        link, snippets, problem = _link_for(business.booking_link_base, active.code, name)
        records.append(LinkRecord(owner, name, email, title, live, active.code, link, snippets,
                                  problem, code_records))
    return records


# ---------------------------------------------------------------------- public API


def list_links(uow: UnitOfWork, actor: Actor) -> list[LinkRecord]:
    """The business's link first, then every CSP's (by name), creating missing codes."""
    ensure_link_codes(uow, actor)
    with uow.read() as s:
        records = _records(s, actor, None)
    return [records[0], *sorted(records[1:], key=lambda r: r.name.casefold())]


def business_link(uow: UnitOfWork, actor: Actor) -> LinkRecord:
    """The business's own code, link and widget snippets."""
    ensure_link_codes(uow, actor)
    with uow.read() as s:
        return _records(s, actor, [None])[0]


def csp_link(uow: UnitOfWork, actor: Actor, csp_id: str) -> LinkRecord:
    """One CSP's code, link, widget snippets and the bookings each of their codes brought."""
    ensure_link_codes(uow, actor)
    with uow.read() as s:
        profile = s.get(CspProfile, csp_id)
        if profile is None or profile.business_id != actor.business_id:
            raise NotFound("That provider no longer exists on this computer.")
        return _records(s, actor, [csp_id])[0]


def regenerate_code(uow: UnitOfWork, actor: Actor, csp_id: str | None) -> LinkRecord:
    """Give the CSP (or the business, ``csp_id`` None) a new code; the old one is retired.

    Printed handouts with the old code stop being current, but bookings made
    with it still count for the same CSP.
    """
    actor.require(Permission.MANAGE_LINK_CODES)
    with uow.write(actor, "link_code.regenerate") as s:
        if csp_id is not None:
            profile = s.get(CspProfile, csp_id)
            if profile is None or profile.business_id != actor.business_id:
                raise NotFound("That provider no longer exists on this computer.")
        now = utcnow()
        for row in s.scalars(
            select(LinkCode).where(LinkCode.business_id == actor.business_id,
                                   LinkCode.status == ACTIVE, _owner_is(csp_id))
        ):
            row.status, row.retired_at, row.retired_by_id = RETIRED, now, actor.user_id
        s.flush()
        _issue_code(s, actor.business_id, csp_id)
    with uow.read() as s:
        return _records(s, actor, [csp_id])[0]


def _owner_is(csp_id: str | None):
    return LinkCode.csp_id.is_(None) if csp_id is None else LinkCode.csp_id == csp_id


def resolve_code(uow: UnitOfWork, actor: Actor, code: str) -> CodeOwner:
    """Who a code (typed, or a whole booking link) credits; retired codes still resolve."""
    actor.require(Permission.VIEW_SCHEDULE)
    clean = code_from_text(code) or normalize_code(code)  # a pasted link works too
    with uow.read() as s:
        row = s.scalars(
            select(LinkCode).where(LinkCode.business_id == actor.business_id,
                                   LinkCode.code == clean)
        ).first()
        if row is None:
            raise NotFound(f"No provider or business uses the booking code {clean}.")
        if row.csp_id is None:
            name = s.get(Business, actor.business_id).name
        else:
            name = s.get(CspProfile, row.csp_id).staff.full_name
        return CodeOwner(row.code, row.csp_id, name, row.status == ACTIVE)


def bookings_by_code(uow: UnitOfWork, actor: Actor, csp_id: str | None = None) -> dict[str, int]:
    """How many bookings each of the CSP's (or the business's) codes brought, old codes included."""
    actor.require(Permission.PRINT_HANDOUTS)
    with uow.read() as s:
        codes = list(s.scalars(
            select(LinkCode.code).where(LinkCode.business_id == actor.business_id,
                                        _owner_is(csp_id))
        ))
        counts = _bookings_per_code(s, actor.business_id, codes)
        return {code: counts[code] for code in codes}
