"""The life of a booking: booked → checked in → in session → completed, or cancelled / no-show.

One rule for every caller (front desk, sessions, sync), so a booking can never jump
backwards or come back from the dead.
"""

from __future__ import annotations

from enum import StrEnum

from hydreight_desktop.domain.errors import DomainError


class BookingStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    IN_SESSION = "in_session"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def holds_time(self) -> bool:
        """Whether the booking still occupies the CSP's (and its clients') time."""
        return self not in (BookingStatus.CANCELLED, BookingStatus.NO_SHOW)

    @property
    def is_open(self) -> bool:
        """Whether the front desk may still change the booking (time, CSP, clients)."""
        return self in (BookingStatus.BOOKED, BookingStatus.CHECKED_IN)


STATUS_LABELS: dict[BookingStatus, str] = {
    BookingStatus.BOOKED: "Booked",
    BookingStatus.CHECKED_IN: "Checked in",
    BookingStatus.IN_SESSION: "In session",
    BookingStatus.COMPLETED: "Completed",
    BookingStatus.CANCELLED: "Cancelled",
    BookingStatus.NO_SHOW: "No-show",
}

#: Statuses whose bookings block time in availability checks.
TIME_HOLDING_STATUSES: tuple[str, ...] = tuple(s.value for s in BookingStatus if s.holds_time)

ALLOWED_TRANSITIONS: dict[BookingStatus, frozenset[BookingStatus]] = {
    BookingStatus.BOOKED: frozenset(
        {BookingStatus.CHECKED_IN, BookingStatus.CANCELLED, BookingStatus.NO_SHOW}
    ),
    BookingStatus.CHECKED_IN: frozenset(
        {BookingStatus.IN_SESSION, BookingStatus.CANCELLED, BookingStatus.NO_SHOW}
    ),
    BookingStatus.IN_SESSION: frozenset({BookingStatus.COMPLETED}),
    BookingStatus.COMPLETED: frozenset(),
    BookingStatus.CANCELLED: frozenset(),
    BookingStatus.NO_SHOW: frozenset(),
}


def parse_status(value: str) -> BookingStatus:
    """The status called ``value``; a clear message for anything else."""
    try:
        return BookingStatus(value)
    except ValueError:
        raise DomainError(f"“{value}” is not a booking status.") from None


def can_transition(old: BookingStatus | str, new: BookingStatus | str) -> bool:
    """Whether the rule allows moving a booking from ``old`` to ``new``."""
    return parse_status(new) in ALLOWED_TRANSITIONS[parse_status(old)]


def check_transition(old: BookingStatus | str, new: BookingStatus | str) -> BookingStatus:
    """Refuse a status change the clinic's workflow does not allow; returns the new status."""
    old_s, new_s = parse_status(old), parse_status(new)
    if new_s in ALLOWED_TRANSITIONS[old_s]:
        return new_s
    if old_s == new_s:
        raise DomainError(f"This booking is already {old_s.label.lower()}.")
    if not ALLOWED_TRANSITIONS[old_s]:
        raise DomainError(
            f"This booking is {old_s.label.lower()}; its status can no longer change."
        )
    if new_s == BookingStatus.IN_SESSION:
        raise DomainError("Check the client in before starting the session.")
    if new_s == BookingStatus.COMPLETED:
        raise DomainError("A booking is completed by finishing its session.")
    if new_s in (BookingStatus.CANCELLED, BookingStatus.NO_SHOW):
        raise DomainError(
            f"This booking is {old_s.label.lower()}; it can no longer be marked "
            f"{new_s.label.lower()}."
        )
    raise DomainError(
        f"A booking that is {old_s.label.lower()} cannot go back to {new_s.label.lower()}."
    )
