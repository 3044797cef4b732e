"""Printed handouts: gather plain records from the store and make the PDF.

The screen and the command line both come through here. Bad requests (no
provider chosen, a provider not live yet, an unusable booking-link address,
an output file that cannot be written) are refused before anything is made
or written; the file itself is written atomically (all or nothing).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.utils import ImageReader
from sqlalchemy import select

from hydreight_desktop.documents.handouts import (
    BusinessHandout,
    CspHandout,
    Layout,
    Paper,
    PriceLine,
    Progress,
    handouts_pdf,
)
from hydreight_desktop.documents.pdf_files import check_output_path, write_pdf
from hydreight_desktop.domain.contact import format_phone, parse_email
from hydreight_desktop.domain.errors import DomainError, NotFound, ValidationError
from hydreight_desktop.domain.roles import Permission
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.link_codes import LinkRecord, list_links
from hydreight_desktop.store.models import Business, CspProfile, Service, StaffAccount
from hydreight_desktop.store.uow import UnitOfWork


class NotLiveWarning(DomainError):
    """Some chosen providers are not live: clients cannot book them yet.

    The caller asks the person to confirm and repeats the request with
    ``confirm_not_live=True``.
    """

    def __init__(self, names: list[str]) -> None:
        who = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        verb = "is" if len(names) == 1 else "are"
        super().__init__(
            f"{who} {verb} not live yet, so clients cannot book "
            f"{'them' if len(names) > 1 else 'this provider'} from the handout until an admin "
            "makes the account live. Print anyway?"
        )
        self.names = tuple(names)


@dataclass(frozen=True, slots=True)
class HandoutRequest:
    """What to print. ``csp_ids`` is ignored for the table tent (it carries the business code)."""

    layout: Layout
    paper: Paper = Paper.LETTER
    csp_ids: tuple[str, ...] = ()
    include_services: bool = False
    logo_path: str | None = None
    confirm_not_live: bool = False


@dataclass(frozen=True, slots=True)
class HandoutBundle:
    """Everything the documents layer needs, as plain records."""

    business: BusinessHandout
    csps: tuple[CspHandout, ...]


@dataclass(frozen=True, slots=True)
class SavedHandouts:
    path: Path
    providers: int
    size_bytes: int


# ---------------------------------------------------------------------- choosing providers


def all_csp_ids(uow: UnitOfWork, actor: Actor) -> tuple[str, ...]:
    """Every CSP of the business, by name (``--all`` on the command line)."""
    actor.require(Permission.PRINT_HANDOUTS)
    with uow.read() as s:
        return tuple(s.scalars(
            select(CspProfile.id).join(StaffAccount, CspProfile.staff_id == StaffAccount.id)
            .where(CspProfile.business_id == actor.business_id)
            .order_by(StaffAccount.full_name)
        ))


def csp_ids_for_emails(uow: UnitOfWork, actor: Actor, emails: list[str]) -> tuple[str, ...]:
    """The CSPs with these emails, in the order given; every unknown email is named."""
    actor.require(Permission.PRINT_HANDOUTS)
    keys = [parse_email(e).key for e in emails]
    with uow.read() as s:
        rows = s.execute(
            select(StaffAccount.email_key, CspProfile.id)
            .join(CspProfile, CspProfile.staff_id == StaffAccount.id)
            .where(StaffAccount.business_id == actor.business_id,
                   StaffAccount.email_key.in_(keys))
        )
        found = dict(rows.all())
    unknown = [e.strip() for e, k in zip(emails, keys, strict=True) if k not in found]
    if unknown:
        raise NotFound(
            "No provider (CSP) on this computer has the email "
            + ", ".join(unknown)
            + ". Check the spelling or list the providers in the app."
        )
    return tuple(dict.fromkeys(found[k] for k in keys))


# ---------------------------------------------------------------------- checks


def check_logo(path: str | None) -> str | None:
    """The logo file, if one is set, must be a picture reportlab can draw (PNG or JPEG)."""
    if not path:
        return None
    file = Path(path)
    if not file.is_file():
        raise ValidationError(f"The logo file {file} does not exist.", field="logo_path")
    try:
        ImageReader(str(file)).getSize()
    except Exception as exc:  # noqa: BLE001 - reportlab raises many kinds for a bad picture
        raise ValidationError(
            f"The logo file {file.name} is not a picture we can print. Use a PNG or JPEG.",
            field="logo_path",
        ) from exc
    return str(file)


# ---------------------------------------------------------------------- gathering and making


def _services(uow: UnitOfWork, actor: Actor) -> tuple[PriceLine, ...]:
    with uow.read() as s:
        rows = s.execute(
            select(Service.name, Service.price_cents)
            .where(Service.business_id == actor.business_id, Service.active.is_(True))
            .order_by(Service.category, Service.name)
        )
        return tuple(PriceLine(name, cents) for name, cents in rows)


def _require_link(record: LinkRecord) -> str:
    if record.link is None:
        raise ValidationError(record.link_problem or "The booking link is not set.",
                              field="booking_link_base")
    return record.link


def gather_handouts(uow: UnitOfWork, actor: Actor, request: HandoutRequest) -> HandoutBundle:
    """The plain records for ``request``, after every check (nothing is made yet)."""
    actor.require(Permission.PRINT_HANDOUTS)
    logo = check_logo(request.logo_path)
    if request.layout.needs_csps and not request.csp_ids:
        raise ValidationError("Choose at least one provider to print for.", field="csp_ids")
    links = list_links(uow, actor)
    by_id = {record.csp_id: record for record in links}
    business_record = by_id[None]
    with uow.read() as s:
        row = s.get(Business, actor.business_id)
        currency, locale, phone = row.currency, row.locale, row.phone
    business = BusinessHandout(
        name=business_record.name, link=_require_link(business_record),
        code=business_record.code, currency=currency, locale=locale, logo_path=logo,
        # stored as +13055550100; printed the way people in the clinic's country dial it
        phone=format_phone(phone, locale.split("_")[-1] if "_" in locale else "US") or None,
    )
    if not request.layout.needs_csps:
        return HandoutBundle(business, ())
    missing = [cid for cid in request.csp_ids if cid not in by_id]
    if missing:
        raise NotFound("A chosen provider no longer exists on this computer. Refresh the list.")
    chosen = [by_id[cid] for cid in dict.fromkeys(request.csp_ids)]
    not_live = [r.name for r in chosen if not r.is_live]
    if not_live and not request.confirm_not_live:
        raise NotLiveWarning(not_live)
    services = _services(uow, actor) if request.include_services else ()
    csps = tuple(
        CspHandout(name=r.name, link=_require_link(r), code=r.code, title=r.title,
                   services=services)
        for r in chosen
    )
    return HandoutBundle(business, csps)


def make_handouts_pdf(uow: UnitOfWork, actor: Actor, request: HandoutRequest,
                      progress: Progress | None = None) -> bytes:
    """The PDF for ``request`` as bytes (for a preview or the printer)."""
    bundle = gather_handouts(uow, actor, request)
    return handouts_pdf(request.layout, bundle.business, bundle.csps, request.paper,
                        include_services=request.include_services, progress=progress)


def save_handouts_pdf(uow: UnitOfWork, actor: Actor, request: HandoutRequest,
                      out: str | os.PathLike[str],
                      progress: Progress | None = None) -> SavedHandouts:
    """Make the PDF and save it to ``out``; the path is checked before any work is done."""
    check_output_path(out)
    bundle = gather_handouts(uow, actor, request)
    data = handouts_pdf(request.layout, bundle.business, bundle.csps, request.paper,
                        include_services=request.include_services, progress=progress)
    path = write_pdf(out, data)
    return SavedHandouts(path, len(bundle.csps), len(data))
