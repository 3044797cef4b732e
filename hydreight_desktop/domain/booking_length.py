"""How long a booking takes: its clients one after another, or side by side with set-up time.

The business chooses (setting ``multi_client_timing``): a CSP serving a family one by one
needs the sum of everyone's services; a team setting up drips side by side needs the longest
client's services plus some set-up minutes for each extra client.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from hydreight_desktop.domain.errors import ValidationError


class ClientTiming(StrEnum):
    SEQUENTIAL = "sequential"
    SIDE_BY_SIDE = "side_by_side"

    @property
    def label(self) -> str:
        return "One after another" if self is ClientTiming.SEQUENTIAL else "Side by side"


def parse_timing(value: str) -> ClientTiming:
    try:
        return ClientTiming(value)
    except ValueError:
        raise ValidationError(
            "Choose whether clients are served one after another or side by side.",
            field="multi_client_timing",
        ) from None


def client_minutes(service_minutes: Sequence[int]) -> int:
    """One client's time: the sum of their services."""
    return sum(service_minutes)


def booking_minutes(
    clients_service_minutes: Sequence[Sequence[int]],
    timing: ClientTiming | str,
    setup_minutes_per_extra_client: int = 0,
) -> int:
    """The length of a booking whose clients have these service durations (minutes)."""
    timing = parse_timing(timing) if isinstance(timing, str) else timing
    if not clients_service_minutes:
        raise ValidationError("Add at least one client to the booking.", field="clients")
    if setup_minutes_per_extra_client < 0:
        raise ValidationError("Set-up minutes cannot be negative.", field="setup_minutes")
    per_client = []
    for position, minutes in enumerate(clients_service_minutes, start=1):
        if not minutes:
            raise ValidationError(
                f"Client {position} has no service. Pick at least one service for each client.",
                field="services",
            )
        if any(m <= 0 for m in minutes):
            raise ValidationError("Every service must last at least one minute.", field="services")
        per_client.append(client_minutes(minutes))
    if timing is ClientTiming.SEQUENTIAL:
        return sum(per_client)
    return max(per_client) + setup_minutes_per_extra_client * (len(per_client) - 1)
