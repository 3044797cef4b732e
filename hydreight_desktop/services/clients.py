"""Clients: their record and addresses, and the fast list (search in SQL over indexed keys).

The list at 100,000 clients works over ids: ``search_client_ids`` returns every matching id in
display order (indexed range lookups, see ``client_search``), ``client_rows`` fetches one page
of display rows. The ``*_key`` columns (case-blind, accent-blind) are rewritten on every write
that touches a name, email or phone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hydreight_desktop.domain.clients import search_key, validate_birth_date
from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.domain.contact import (
    EMAIL_IMMUTABLE_REASON,
    parse_email,
    parse_phone,
    require_text,
)
from hydreight_desktop.domain.errors import ConflictError, NotFound, ValidationError
from hydreight_desktop.domain.providers import US_STATES
from hydreight_desktop.domain.roles import Permission
from hydreight_desktop.services.client_search import (  # the fast list, re-exported
    SORTS,
    ClientListRow,
    client_rows,
    count_clients,
    search_client_ids,
)
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.staff import business_region
from hydreight_desktop.store.models import Business, Client, ClientAddress
from hydreight_desktop.store.uow import UnitOfWork

__all__ = [
    "SORTS",
    "AddressForm",
    "AddressRecord",
    "ClientForm",
    "ClientListRow",
    "ClientRecord",
    "ClientUpdate",
    "add_address",
    "change_client_email",
    "client_rows",
    "count_clients",
    "create_client",
    "get_client",
    "remove_address",
    "search_client_ids",
    "update_address",
    "update_client",
]

NOTES_MAX = 4000
ZIP_RE = re.compile(r"^\d{5}(-\d{4})?$")

# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class AddressForm:
    line1: str
    city: str
    state: str = ""
    postal_code: str = ""
    line2: str = ""
    label: str = "Home"
    is_default: bool = False


@dataclass(frozen=True, slots=True)
class AddressRecord:
    id: str
    client_id: str
    label: str
    line1: str
    line2: str
    city: str
    state: str
    postal_code: str
    is_default: bool

    @property
    def one_line(self) -> str:
        """'12 Ocean Ave, Apt 4, Miami, FL 33139' for lists and bookings."""
        street = ", ".join(p for p in (self.line1, self.line2) if p)
        tail = " ".join(p for p in (self.state, self.postal_code) if p)
        return ", ".join(p for p in (street, self.city, tail) if p)

    @staticmethod
    def from_row(row: ClientAddress) -> AddressRecord:
        return AddressRecord(
            row.id,
            row.client_id,
            row.label,
            row.line1,
            row.line2,
            row.city,
            row.state,
            row.postal_code,
            row.is_default,
        )


@dataclass(frozen=True, slots=True)
class ClientForm:
    """A new client. The UI asks the user to double-check the email before sending this."""

    first_name: str
    last_name: str
    email: str
    phone: str | None = None
    date_of_birth: date | None = None
    allergies: str = ""
    notes: str = ""
    address: AddressForm | None = None


@dataclass(frozen=True, slots=True)
class ClientUpdate:
    """What can change on a client. There is deliberately no email here."""

    first_name: str
    last_name: str
    phone: str | None = None
    date_of_birth: date | None = None
    allergies: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ClientRecord:
    id: str
    first_name: str
    last_name: str
    email: str
    phone: str | None  # E.164
    date_of_birth: date | None
    allergies: str
    notes: str
    addresses: tuple[AddressRecord, ...]
    created_at: datetime

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def default_address(self) -> AddressRecord | None:
        return next((a for a in self.addresses if a.is_default), None) or next(
            iter(self.addresses), None
        )

    @staticmethod
    def from_row(row: Client) -> ClientRecord:
        return ClientRecord(
            id=row.id,
            first_name=row.first_name,
            last_name=row.last_name,
            email=row.email,
            phone=row.phone,
            date_of_birth=row.date_of_birth,
            allergies=row.allergies,
            notes=row.notes,
            addresses=tuple(AddressRecord.from_row(a) for a in row.addresses),
            created_at=row.created_at,
        )


# ---------------------------------------------------------------- validation helpers


def _business_today(s: Session, business_id: str) -> date:
    tz = s.scalar(select(Business.time_zone).where(Business.id == business_id)) or "UTC"
    return utcnow().astimezone(zone(tz)).date()


def _clean_text(value: str | None, label: str, field: str, max_length: int = NOTES_MAX) -> str:
    text = (value or "").strip()
    if len(text) > max_length:
        raise ValidationError(
            f"The {label} are too long (at most {max_length} characters).", field=field
        )
    return text


def _apply_person(s: Session, actor: Actor, row: Client, form: ClientForm | ClientUpdate) -> None:
    """Validate the editable fields and write them with their search keys."""
    first = require_text(form.first_name, "first name", "first_name", max_length=100)
    last = require_text(form.last_name, "last name", "last_name", max_length=100)
    phone = parse_phone(form.phone, business_region(s, actor.business_id))
    dob = validate_birth_date(form.date_of_birth, _business_today(s, actor.business_id))
    row.first_name, row.last_name = first, last
    row.first_name_key, row.last_name_key = search_key(first), search_key(last)
    row.phone = phone.e164 if phone else None
    row.phone_digits = phone.national_digits if phone else None
    row.date_of_birth = dob
    row.allergies = _clean_text(form.allergies, "allergies", "allergies")
    row.notes = _clean_text(form.notes, "notes", "notes")


def _clean_address(s: Session, actor: Actor, form: AddressForm) -> dict:
    values = {
        "label": require_text(form.label or "Home", "address label", "label", max_length=60),
        "line1": require_text(form.line1, "street address", "line1"),
        "line2": (form.line2 or "").strip(),
        "city": require_text(form.city, "city", "city", max_length=100),
        "state": (form.state or "").strip(),
        "postal_code": (form.postal_code or "").strip(),
    }
    if business_region(s, actor.business_id) == "US":
        state = values["state"].upper()
        if state not in US_STATES:
            raise ValidationError(
                "Enter the state as its two-letter code, e.g. FL or CA.", field="state"
            )
        values["state"] = state
        if not ZIP_RE.match(values["postal_code"]):
            raise ValidationError(
                "Enter the ZIP code as 5 digits (or ZIP+4, e.g. 33139-1234).", field="postal_code"
            )
    return values


def _load_client(s: Session, actor: Actor, client_id: str) -> Client:
    row = s.get(Client, client_id)
    if row is None or row.business_id != actor.business_id:
        raise NotFound("That client no longer exists.")
    return row


def _set_default(row: Client, chosen: ClientAddress | None) -> None:
    """Exactly one default address when there is any (the chosen one, else the oldest)."""
    if not row.addresses:
        return
    chosen = chosen or next((a for a in row.addresses if a.is_default), row.addresses[0])
    for a in row.addresses:
        a.is_default = a is chosen


# ---------------------------------------------------------------- use cases


def create_client(uow: UnitOfWork, actor: Actor, form: ClientForm) -> ClientRecord:
    """Add a client; the email must be new to this business (compared case-blind)."""
    actor.require(Permission.MANAGE_CLIENTS)
    email = parse_email(form.email)
    with uow.write(actor, "client.create") as s:
        clash = s.scalar(
            select(Client.first_name + " " + Client.last_name).where(
                Client.business_id == actor.business_id, Client.email_key == email.key
            )
        )
        if clash is not None:
            raise ConflictError(
                f"{email.address} already belongs to the client {clash}. "
                "Search for them instead of adding them twice.",
                field="email",
            )
        row = Client(business_id=actor.business_id, email=email.address, email_key=email.key)
        _apply_person(s, actor, row, form)
        if form.address is not None:
            row.addresses.append(
                ClientAddress(
                    business_id=actor.business_id,
                    is_default=True,
                    **_clean_address(s, actor, form.address),
                )
            )
        s.add(row)
        s.flush()
        return ClientRecord.from_row(row)


def update_client(
    uow: UnitOfWork, actor: Actor, client_id: str, update: ClientUpdate
) -> ClientRecord:
    """Change name, phone, date of birth, allergies, notes. The email never changes."""
    actor.require(Permission.MANAGE_CLIENTS)
    with uow.write(actor, "client.update") as s:
        row = _load_client(s, actor, client_id)
        _apply_person(s, actor, row, update)
        s.flush()
        return ClientRecord.from_row(row)


def change_client_email(uow: UnitOfWork, actor: Actor, client_id: str, new_email: str) -> None:
    """Always refused: the email is the client's identity."""
    actor.require(Permission.MANAGE_CLIENTS)
    with uow.read() as s:
        _load_client(s, actor, client_id)
    raise ValidationError(
        f"{EMAIL_IMMUTABLE_REASON} If the client has a new address, note it in the client's notes.",
        field="email",
    )


def get_client(uow: UnitOfWork, actor: Actor, client_id: str) -> ClientRecord:
    actor.require(Permission.VIEW_CLIENTS)
    with uow.read() as s:
        return ClientRecord.from_row(_load_client(s, actor, client_id))


def add_address(uow: UnitOfWork, actor: Actor, client_id: str, form: AddressForm) -> ClientRecord:
    actor.require(Permission.MANAGE_CLIENTS)
    with uow.write(actor, "client.add_address") as s:
        row = _load_client(s, actor, client_id)
        address = ClientAddress(business_id=row.business_id, **_clean_address(s, actor, form))
        row.addresses.append(address)
        _set_default(row, address if form.is_default or len(row.addresses) == 1 else None)
        s.flush()
        return ClientRecord.from_row(row)


def _load_address(row: Client, address_id: str) -> ClientAddress:
    address = next((a for a in row.addresses if a.id == address_id), None)
    if address is None:
        raise NotFound("That address was already removed.")
    return address


def update_address(
    uow: UnitOfWork, actor: Actor, client_id: str, address_id: str, form: AddressForm
) -> ClientRecord:
    actor.require(Permission.MANAGE_CLIENTS)
    with uow.write(actor, "client.update_address") as s:
        row = _load_client(s, actor, client_id)
        address = _load_address(row, address_id)
        for key, value in _clean_address(s, actor, form).items():
            setattr(address, key, value)
        _set_default(row, address if form.is_default else None)
        s.flush()
        return ClientRecord.from_row(row)


def remove_address(uow: UnitOfWork, actor: Actor, client_id: str, address_id: str) -> ClientRecord:
    actor.require(Permission.MANAGE_CLIENTS)
    with uow.write(actor, "client.remove_address") as s:
        row = _load_client(s, actor, client_id)
        row.addresses.remove(_load_address(row, address_id))
        _set_default(row, None)
        s.flush()
        return ClientRecord.from_row(row)
