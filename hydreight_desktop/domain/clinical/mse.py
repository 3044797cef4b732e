"""The medical screening exam (MSE): what a complete screening holds and what it concludes.

The examiner chooses the outcome, but never a less careful one than the findings allow:
a crisis blood pressure or a "yes" to pancreatitis before GLP-1 cannot be "cleared".
A clearance is valid for the business's period, or the service's own period where one
is set; a referral counts only once an HCP has decided it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from hydreight_desktop.domain.clinical import contraindications
from hydreight_desktop.domain.clinical import vitals as vitals_rules
from hydreight_desktop.domain.clinical.contraindications import ServiceKind
from hydreight_desktop.domain.clinical.outcome import (
    OUTCOME_CAUTION,
    Consequence,
    Finding,
    MseOutcome,
)
from hydreight_desktop.domain.clinical.vitals import Vitals
from hydreight_desktop.domain.errors import ValidationError

MAX_VALIDITY_DAYS = 730
CONSENT_MAX_AGE = timedelta(hours=12)
CLOCK_SKEW = timedelta(minutes=2)


@dataclass(frozen=True, slots=True)
class MseForm:
    """What the examiner filled in at the client's side."""

    medical_history: str
    current_medications: str
    allergies: str
    checklist: Mapping[str, bool | None]
    vitals: Vitals
    consent_name: str
    outcome: MseOutcome | str
    outcome_reason: str = ""
    notes: str = ""
    consent_at: datetime | None = None  # None: stamped when recorded
    checklist_kinds: frozenset[ServiceKind] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Assessment:
    """All findings of a screening and the least careful outcome they still allow."""

    findings: tuple[Finding, ...]

    @property
    def least_outcome(self) -> MseOutcome:
        if not self.findings:
            return MseOutcome.CLEARED
        return max(f.consequence for f in self.findings).least_outcome

    def blocking(self, outcome: MseOutcome) -> tuple[Finding, ...]:
        """Findings that forbid ``outcome``."""
        return tuple(
            f for f in self.findings
            if OUTCOME_CAUTION[f.consequence.least_outcome] > OUTCOME_CAUTION[outcome]
        )


def assess(checklist: Mapping[str, bool], vitals: Vitals, kinds: Iterable[ServiceKind]) -> Assessment:
    """Findings from the checklist answers and the vital signs, most serious first."""
    found = contraindications.findings(checklist, kinds) + vitals_rules.findings(vitals)
    found.sort(key=lambda f: -int(f.consequence))
    return Assessment(tuple(found))


def _name_tokens(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text or "")
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    letters = re.sub(r"['’`.]", "", letters.casefold())
    return [t for t in re.split(r"[^\w]+", letters) if t]


def consent_name_matches(typed: str, first_name: str, last_name: str) -> bool:
    """The typed name is the client's: first and last name, middle names allowed between."""
    typed_t = _name_tokens(typed)
    first_t, last_t = _name_tokens(first_name), _name_tokens(last_name)
    if not typed_t or not first_t or not last_t or len(typed_t) < len(first_t) + len(last_t):
        return False
    return typed_t[: len(first_t)] == first_t and typed_t[-len(last_t):] == last_t


def _required_text(value: str, field_name: str, message: str) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise ValidationError(message, field=field_name)
    return cleaned


def validate_mse(
    form: MseForm,
    *,
    client_first_name: str,
    client_last_name: str,
    kinds: Iterable[ServiceKind],
    now: datetime,
) -> tuple[MseForm, Assessment]:
    """Check a screening is complete and its outcome is allowed; return it tidied and assessed."""
    kinds = frozenset(kinds)
    history = _required_text(form.medical_history, "medical_history",
                             "Please record the medical history, or write “None”.")
    medications = _required_text(form.current_medications, "current_medications",
                                 "Please record the current medications, or write “None”.")
    allergies = _required_text(form.allergies, "allergies",
                               "Please record allergies, or write “No known allergies”.")
    answers = contraindications.validate_answers(form.checklist, kinds)
    clean_vitals = vitals_rules.validate_vitals(form.vitals)

    full_name = f"{client_first_name} {client_last_name}".strip()
    consent_name = " ".join((form.consent_name or "").split())
    if not consent_name:
        raise ValidationError(
            f"Consent: ask {full_name} to type their full name to consent.", field="consent_name"
        )
    if not consent_name_matches(consent_name, client_first_name, client_last_name):
        raise ValidationError(
            f"The consent name “{consent_name}” does not match the client ({full_name}). "
            "Ask the client to type their own full name.",
            field="consent_name",
        )
    consent_at = form.consent_at or now
    if consent_at > now + CLOCK_SKEW:
        raise ValidationError("The consent time cannot be in the future.", field="consent_at")
    if consent_at < now - CONSENT_MAX_AGE:
        raise ValidationError(
            "The consent was given more than 12 hours ago. Ask the client to consent again.",
            field="consent_at",
        )

    try:
        outcome = MseOutcome(form.outcome)
    except ValueError:
        raise ValidationError(
            "Please choose the outcome: cleared, not cleared or referred to an HCP.", field="outcome"
        ) from None
    assessment = assess(answers, clean_vitals, kinds)
    blocking = assessment.blocking(outcome)
    if blocking:
        raise ValidationError(
            f"The client cannot be {outcome.label.lower()}: {blocking[0].message} "
            f"Choose “{assessment.least_outcome.label}”"
            + (" or “Not cleared”." if assessment.least_outcome is MseOutcome.REFERRED else "."),
            field="outcome",
        )
    reason = (form.outcome_reason or "").strip()
    if outcome is not MseOutcome.CLEARED and not reason:
        reason = " ".join(f.message for f in assessment.findings if f.consequence > Consequence.NOTE)
        if not reason:
            raise ValidationError(
                f"Please say why the client is {outcome.label.lower()}.", field="outcome_reason"
            )
    clean = replace(
        form,
        medical_history=history,
        current_medications=medications,
        allergies=allergies,
        checklist=answers,
        vitals=clean_vitals,
        consent_name=consent_name,
        consent_at=consent_at,
        outcome=outcome,
        outcome_reason=reason,
        notes=(form.notes or "").strip(),
        checklist_kinds=kinds,
    )
    return clean, assessment


def validity_days(business_days: int, service_days: int | None = None) -> int:
    """The service's own clearance period where set, otherwise the business's."""
    days = service_days if service_days else business_days
    if not 1 <= days <= MAX_VALIDITY_DAYS:
        raise ValidationError(
            f"An MSE clearance period must be between 1 and {MAX_VALIDITY_DAYS} days.",
            field="mse_validity_days",
        )
    return days


def valid_until(examined_at: datetime, days: int) -> datetime:
    return examined_at + timedelta(days=days)


@dataclass(frozen=True, slots=True)
class Clearance:
    """One recorded MSE as far as clearance goes: its outcome after any HCP decision."""

    examined_at: datetime
    outcome: MseOutcome  # the examiner's
    hcp_decision: MseOutcome | None = None  # cleared / not cleared, for referrals

    @property
    def effective_outcome(self) -> MseOutcome:
        if self.outcome is MseOutcome.REFERRED and self.hcp_decision is not None:
            return self.hcp_decision
        return self.outcome


def clearance_covers(
    clearance: Clearance, *, business_days: int, service_days: int | None, at: datetime
) -> bool:
    """True when this MSE clears the client for a service at ``at``."""
    if clearance.effective_outcome is not MseOutcome.CLEARED:
        return False
    if at < clearance.examined_at - CLOCK_SKEW:
        return False
    return at < valid_until(clearance.examined_at, validity_days(business_days, service_days))


def latest_clearance_state(clearances: Iterable[Clearance]) -> Clearance | None:
    """The most recent screening: a newer "not cleared" outweighs an older clearance."""
    ordered = sorted(clearances, key=lambda c: c.examined_at)
    return ordered[-1] if ordered else None


def validate_referral_decision(decision: MseOutcome | str, reason: str) -> tuple[MseOutcome, str]:
    """An HCP clears or does not clear a referred client; a refusal needs a reason."""
    try:
        outcome = MseOutcome(decision)
    except ValueError:
        outcome = None
    if outcome not in (MseOutcome.CLEARED, MseOutcome.NOT_CLEARED):
        raise ValidationError("Decide the referral: cleared or not cleared.", field="decision")
    reason = (reason or "").strip()
    if outcome is MseOutcome.NOT_CLEARED and not reason:
        raise ValidationError("Please give the reason the client is not cleared.", field="reason")
    return outcome, reason
