"""The words every clinical rule shares: what a finding means for the client's clearance."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum


class MseOutcome(StrEnum):
    """The examiner's conclusion. A referral waits for an HCP's decision."""

    CLEARED = "cleared"
    NOT_CLEARED = "not_cleared"
    REFERRED = "referred"

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]


OUTCOME_LABELS = {
    MseOutcome.CLEARED: "Cleared",
    MseOutcome.NOT_CLEARED: "Not cleared",
    MseOutcome.REFERRED: "Referred to HCP",
}


class Consequence(IntEnum):
    """How far a finding pushes the outcome; higher is more cautious."""

    NOTE = 0  # worth writing down, does not stop a clearance
    REFER = 1  # an HCP must decide before treatment
    EXCLUDE = 2  # no treatment today

    @property
    def least_outcome(self) -> MseOutcome:
        """The least cautious outcome the examiner may still choose."""
        return {
            Consequence.NOTE: MseOutcome.CLEARED,
            Consequence.REFER: MseOutcome.REFERRED,
            Consequence.EXCLUDE: MseOutcome.NOT_CLEARED,
        }[self]


# Cleared < referred < not cleared: an examiner may always be more careful than the findings.
OUTCOME_CAUTION = {MseOutcome.CLEARED: 0, MseOutcome.REFERRED: 1, MseOutcome.NOT_CLEARED: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the screening found, with the sentence shown to the examiner."""

    key: str
    consequence: Consequence
    message: str
