"""The contraindication checklist of the MSE and what each "yes" means for the outcome.

Every question on the list must be answered yes or no; an unanswered question is a
screening not done. Some questions only apply to some kinds of service (GLP-1 weight-loss
medication has its own warnings), and a "yes" can mean different things by kind: heart
failure rules out an IV drip (fluid load) but is for an HCP to weigh on an injection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from hydreight_desktop.domain.clinical.outcome import Consequence, Finding
from hydreight_desktop.domain.errors import ValidationError


class ServiceKind(StrEnum):
    IV = "iv"
    INJECTION = "injection"
    GLP1 = "glp1"
    OTHER = "other"


_GLP1_WORDS = ("glp", "semaglutide", "tirzepatide", "liraglutide", "weight loss", "weight-loss")
_IV_WORDS = frozenset({"iv", "ivs", "drip", "drips", "infusion", "infusions", "hydration"})
_INJECTION_WORDS = frozenset({"injection", "injections", "shot", "shots", "im", "b12", "booster"})


def service_kind(category: str, name: str = "") -> ServiceKind:
    """Which checklist a service calls for, read from its category and name."""
    text = f"{category} {name}".lower()
    if "consult" in text:
        return ServiceKind.OTHER  # a conversation with an HCP: no needle, no checklist of its own
    if any(word in text for word in _GLP1_WORDS):
        return ServiceKind.GLP1
    words = set(re.split(r"[^a-z0-9]+", text))
    if words & _IV_WORDS:
        return ServiceKind.IV
    if words & _INJECTION_WORDS:
        return ServiceKind.INJECTION
    return ServiceKind.OTHER


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    key: str
    question: str
    consequence: Consequence
    only_for: frozenset[ServiceKind] = frozenset()  # empty: every kind
    by_kind: Mapping[ServiceKind, Consequence] = field(default_factory=dict)

    def applies_to(self, kinds: Iterable[ServiceKind]) -> bool:
        return not self.only_for or bool(self.only_for & set(kinds))

    def consequence_for(self, kinds: Iterable[ServiceKind]) -> Consequence:
        """The most cautious consequence among the kinds of service being given."""
        kinds = set(kinds) or {ServiceKind.OTHER}
        return max(self.by_kind.get(kind, self.consequence) for kind in kinds)


_C = Consequence
_K = ServiceKind

CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem("pregnancy", "Pregnant, trying to conceive, or could be pregnant", _C.REFER,
                  by_kind={_K.GLP1: _C.EXCLUDE}),
    ChecklistItem("breastfeeding", "Breastfeeding", _C.REFER, by_kind={_K.GLP1: _C.EXCLUDE}),
    ChecklistItem("kidney_disease", "Kidney disease or reduced kidney function", _C.REFER),
    ChecklistItem("heart_failure", "Heart failure (congestive heart failure)", _C.REFER,
                  by_kind={_K.IV: _C.EXCLUDE}),
    ChecklistItem("uncontrolled_bp", "High blood pressure that is not controlled", _C.REFER),
    ChecklistItem("liver_disease", "Liver disease (cirrhosis, hepatitis)", _C.REFER),
    ChecklistItem("g6pd", "G6PD deficiency", _C.REFER, by_kind={_K.IV: _C.EXCLUDE}),
    ChecklistItem("ingredient_allergy", "Known allergy to any ingredient of today's services",
                  _C.EXCLUDE),
    ChecklistItem("infection_fever", "Active infection or fever today", _C.EXCLUDE),
    ChecklistItem("recent_chemo", "Chemotherapy or radiation in the last 6 months", _C.REFER),
    ChecklistItem("bleeding", "Bleeding disorder, or takes blood thinners (anticoagulants)", _C.REFER),
    ChecklistItem("seizures", "Seizure disorder or epilepsy", _C.REFER),
    ChecklistItem("recent_surgery", "Surgery or hospital stay in the last 4 weeks", _C.REFER),
    ChecklistItem("diabetes_insulin", "Diabetes treated with insulin or sulfonylureas", _C.REFER,
                  only_for=frozenset({_K.GLP1})),
    ChecklistItem("pancreatitis", "History of pancreatitis", _C.EXCLUDE,
                  only_for=frozenset({_K.GLP1})),
    ChecklistItem("thyroid_cancer",
                  "Personal or family history of medullary thyroid cancer (MTC) or MEN2",
                  _C.EXCLUDE, only_for=frozenset({_K.GLP1})),
    ChecklistItem("gallbladder", "Gallbladder disease or gallstones", _C.REFER,
                  only_for=frozenset({_K.GLP1})),
    ChecklistItem("gastroparesis", "Gastroparesis or severe stomach/bowel disease", _C.REFER,
                  only_for=frozenset({_K.GLP1})),
)

ITEMS_BY_KEY = {item.key: item for item in CHECKLIST}


def checklist_for(kinds: Iterable[ServiceKind]) -> tuple[ChecklistItem, ...]:
    """The questions to ask for the services this client is booked for."""
    kinds = set(kinds)
    return tuple(item for item in CHECKLIST if item.applies_to(kinds))


def validate_answers(answers: Mapping[str, bool | None], kinds: Iterable[ServiceKind]) -> dict[str, bool]:
    """Every applicable question answered yes or no; unknown keys refused. Returns the clean answers."""
    kinds = set(kinds)
    unknown = sorted(set(answers) - set(ITEMS_BY_KEY))
    if unknown:
        raise ValidationError(f"Unknown checklist question: {', '.join(unknown)}.", field="checklist")
    items = checklist_for(kinds)
    missing = [item.question for item in items if answers.get(item.key) is None]
    if missing:
        more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
        raise ValidationError(
            f"Please answer every question on the contraindication checklist "
            f"(“{missing[0]}”{more}).",
            field="checklist",
        )
    return {item.key: bool(answers[item.key]) for item in items}


def findings(answers: Mapping[str, bool], kinds: Iterable[ServiceKind]) -> list[Finding]:
    """One finding per "yes", with the consequence for these kinds of service."""
    kinds = set(kinds)
    out = []
    for item in checklist_for(kinds):
        if answers.get(item.key):
            consequence = item.consequence_for(kinds)
            tail = {
                Consequence.NOTE: "noted",
                Consequence.REFER: "an HCP must decide",
                Consequence.EXCLUDE: "no treatment today",
            }[consequence]
            out.append(Finding(item.key, consequence, f"{item.question}: {tail}."))
    return out
