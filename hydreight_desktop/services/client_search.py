"""The clients list at 100,000 clients: matching ids in display order, then one page of rows.

Each way a search can match (first name, last name, email, phone, first + last...) is its own
indexed range lookup (``key >= :q AND key < :q || '\\uffff'``) of row numbers; their union is
sorted by a covering index. A single ``WHERE a OR b OR c`` would let SQLite walk the whole sort
index instead. Statements are built once per shape and reused with new parameters, so typing
in the search box costs little more than the SQL itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    func,
    literal_column,
    select,
    union_all,
)

from hydreight_desktop.domain.clients import ClientQuery, parse_client_query
from hydreight_desktop.domain.contact import format_phone
from hydreight_desktop.domain.errors import ValidationError
from hydreight_desktop.domain.roles import Permission
from hydreight_desktop.services.context import Actor
from hydreight_desktop.store.models import Client
from hydreight_desktop.store.uow import UnitOfWork

PREFIX_END = "\uffff"  # 'abc' <= key < 'abc\uffff' means "starts with abc" and uses the index
ROWID = literal_column("clients.rowid")

SORTS: dict[str, tuple[ColumnElement, ...]] = {
    "name": (Client.last_name_key, Client.first_name_key, Client.id),
    "first_name": (Client.first_name_key, Client.last_name_key, Client.id),
    "email": (Client.email_key,),
    "newest": (Client.id.desc(),),  # UUIDv7 ids sort by creation time
}


@dataclass(frozen=True, slots=True)
class ClientListRow:
    """One line of the clients list."""

    id: str
    first_name: str
    last_name: str
    email: str
    phone: str | None  # E.164
    date_of_birth: date | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)


def _starts_with(column, name: str) -> ColumnElement[bool]:
    """``column`` starts with the parameter ``name`` (bound with ``_prefix_params``)."""
    return and_(column >= bindparam(name), column < bindparam(f"{name}_end"))


def _prefix_params(params: dict[str, Any], name: str, value: str) -> None:
    params[name] = value
    params[f"{name}_end"] = value + PREFIX_END


def _lookups(kind: str, arity: int) -> list[ColumnElement[bool]]:
    """The ways a query of this shape can match, one indexed range each."""
    if kind == "email":
        return [_starts_with(Client.email_key, "mail")]
    if kind == "phone":
        return [_starts_with(Client.phone_digits, f"digits{i}") for i in range(arity)]
    conditions = [
        _starts_with(Client.first_name_key, "whole"),
        _starts_with(Client.last_name_key, "whole"),
        _starts_with(Client.email_key, "mail"),
    ]
    # 'anna smi' is first + last; 'smith anna' (or 'smith, anna') is last + first.
    for split in range(1, arity):
        head, tail = f"head{split}", f"tail{split}"
        conditions.append(
            and_(
                _starts_with(Client.first_name_key, head), _starts_with(Client.last_name_key, tail)
            )
        )
        conditions.append(
            and_(
                _starts_with(Client.last_name_key, head), _starts_with(Client.first_name_key, tail)
            )
        )
    return conditions


@lru_cache(maxsize=128)
def _search_statement(kind: str, arity: int, sort: str) -> Select:
    stmt = select(Client.id)
    if kind == "all":
        stmt = stmt.where(Client.business_id == bindparam("business_id"))
    else:
        lookups = [
            select(ROWID).where(Client.business_id == bindparam("business_id"), condition)
            for condition in _lookups(kind, arity)
        ]
        matches = union_all(*lookups) if len(lookups) > 1 else lookups[0]
        stmt = stmt.where(ROWID.in_(matches))
    return stmt.order_by(*SORTS[sort])


def _shape_and_params(query: ClientQuery, business_id: str) -> tuple[int, dict[str, Any]]:
    params: dict[str, Any] = {"business_id": business_id}
    if query.kind == "email":
        _prefix_params(params, "mail", query.key)
        return 1, params
    if query.kind == "phone":
        for i, digits in enumerate(query.digits):
            _prefix_params(params, f"digits{i}", digits)
        return len(query.digits), params
    if query.kind == "name":
        _prefix_params(params, "whole", query.key)
        _prefix_params(params, "mail", query.key.replace(" ", ""))
        words = query.words
        for split in range(1, len(words)):
            _prefix_params(params, f"head{split}", " ".join(words[:split]))
            _prefix_params(params, f"tail{split}", " ".join(words[split:]))
        return len(words), params
    return 0, params


def search_client_ids(uow: UnitOfWork, actor: Actor, query: str, sort: str = "name") -> list[str]:
    """Every client id matching ``query`` (name, email or phone prefix), in display order.

    An empty query lists every client. Sorts: ``name`` (last, first), ``first_name``,
    ``email``, ``newest``.
    """
    actor.require(Permission.VIEW_CLIENTS)
    if sort not in SORTS:
        raise ValidationError(f"Sort by one of: {', '.join(SORTS)}.", field="sort")
    understood = parse_client_query(query)
    arity, params = _shape_and_params(understood, actor.business_id)
    stmt = _search_statement(understood.kind, arity, sort)
    with uow.read() as s:
        return s.connection().execute(stmt, params).scalars().all()  # one fetchall, not per row


_ROWS_STATEMENT = select(
    Client.business_id,
    Client.id,
    Client.first_name,
    Client.last_name,
    Client.email,
    Client.phone,
    Client.date_of_birth,
).where(Client.id.in_(bindparam("ids", expanding=True)))
# By primary key only: a business_id condition here would let SQLite scan the sort index.


def client_rows(uow: UnitOfWork, actor: Actor, ids: list[str]) -> list[ClientListRow]:
    """Display rows for one page of ids, in the order given (unknown ids are skipped)."""
    actor.require(Permission.VIEW_CLIENTS)
    if not ids:
        return []
    with uow.read() as s:
        rows = s.connection().execute(_ROWS_STATEMENT, {"ids": list(ids)}).all()
        found = {r[1]: ClientListRow(*r[1:]) for r in rows if r[0] == actor.business_id}
    return [found[i] for i in ids if i in found]


def count_clients(uow: UnitOfWork, actor: Actor) -> int:
    actor.require(Permission.VIEW_CLIENTS)
    stmt = select(func.count()).select_from(Client).where(Client.business_id == actor.business_id)
    with uow.read() as s:
        return s.scalar(stmt) or 0
