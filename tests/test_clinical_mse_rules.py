"""MSE rules: a complete screening, an honest outcome, consent by the client, a clearance period."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from hydreight_desktop.domain.clinical.contraindications import (
    CHECKLIST,
    ServiceKind,
    checklist_for,
    service_kind,
    validate_answers,
)
from hydreight_desktop.domain.clinical.mse import (
    Clearance,
    MseForm,
    clearance_covers,
    consent_name_matches,
    validate_mse,
    validate_referral_decision,
    validity_days,
)
from hydreight_desktop.domain.clinical.outcome import MseOutcome
from hydreight_desktop.domain.clinical.vitals import TemperatureUnit, Vitals
from hydreight_desktop.domain.errors import ValidationError

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
IV = {ServiceKind.IV}
GLP1 = {ServiceKind.GLP1}


def all_no(kinds=IV):
    return {item.key: False for item in checklist_for(kinds)}


def form(**changes):
    base = MseForm(
        medical_history="Asthma, well controlled",
        current_medications="Albuterol inhaler as needed",
        allergies="No known allergies",
        checklist=all_no(),
        vitals=Vitals(124, 80, 70, 98.4, TemperatureUnit.F, 98, 150),
        consent_name="Maria Lopez",
        outcome=MseOutcome.CLEARED,
    )
    return replace(base, **changes)


def check(f, kinds=IV):
    return validate_mse(f, client_first_name="Maria", client_last_name="Lopez", kinds=kinds, now=NOW)


def test_a_complete_screening_with_nothing_found_clears_the_client():
    clean, assessment = check(form())
    assert clean.outcome is MseOutcome.CLEARED
    assert clean.consent_at == NOW
    assert assessment.least_outcome is MseOutcome.CLEARED


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("medical_history", "medical history"),
        ("current_medications", "current medications"),
        ("allergies", "No known allergies"),
    ],
)
def test_history_medications_and_allergies_must_be_recorded(field, message):
    with pytest.raises(ValidationError, match=message):
        check(form(**{field: "  "}))


def test_every_checklist_question_must_be_answered():
    answers = all_no()
    answers["kidney_disease"] = None
    with pytest.raises(ValidationError, match="answer every question") as err:
        check(form(checklist=answers))
    assert err.value.field == "checklist"


def test_glp1_adds_its_own_questions():
    glp_keys = {i.key for i in checklist_for(GLP1)}
    iv_keys = {i.key for i in checklist_for(IV)}
    assert {"pancreatitis", "thyroid_cancer", "diabetes_insulin"} <= glp_keys - iv_keys
    with pytest.raises(ValidationError, match="Diabetes treated with insulin.* and 4 more"):
        validate_answers(all_no(IV), GLP1)


def test_the_checklist_covers_what_a_clinic_expects():
    keys = {i.key for i in CHECKLIST}
    assert {
        "pregnancy", "breastfeeding", "kidney_disease", "heart_failure", "uncontrolled_bp",
        "liver_disease", "g6pd", "ingredient_allergy", "infection_fever", "recent_chemo",
        "bleeding", "diabetes_insulin", "pancreatitis", "thyroid_cancer",
    } <= keys


def test_a_referral_finding_forbids_clearing_but_allows_referral():
    answers = all_no() | {"kidney_disease": True}
    with pytest.raises(ValidationError, match="cannot be cleared.*Kidney disease"):
        check(form(checklist=answers))
    clean, _ = check(form(checklist=answers, outcome=MseOutcome.REFERRED))
    assert clean.outcome is MseOutcome.REFERRED
    assert "Kidney disease" in clean.outcome_reason  # the findings become the reason


def test_pancreatitis_before_glp1_means_not_cleared():
    answers = all_no(GLP1) | {"pancreatitis": True}
    with pytest.raises(ValidationError, match="cannot be referred to hcp"):
        check(form(checklist=answers, outcome=MseOutcome.REFERRED), GLP1)
    clean, _ = check(form(checklist=answers, outcome=MseOutcome.NOT_CLEARED), GLP1)
    assert clean.outcome is MseOutcome.NOT_CLEARED


def test_heart_failure_rules_out_an_iv_drip_but_is_referred_for_an_injection():
    answers_iv = all_no(IV) | {"heart_failure": True}
    with pytest.raises(ValidationError):
        check(form(checklist=answers_iv, outcome=MseOutcome.REFERRED), IV)
    inj = {ServiceKind.INJECTION}
    answers_inj = all_no(inj) | {"heart_failure": True}
    assert check(form(checklist=answers_inj, outcome=MseOutcome.REFERRED), inj)[0].outcome is MseOutcome.REFERRED


def test_a_crisis_blood_pressure_cannot_be_cleared():
    vitals = Vitals(186, 112, 80, 98.6, TemperatureUnit.F, 97)
    with pytest.raises(ValidationError, match="crisis range"):
        check(form(vitals=vitals))


def test_the_examiner_may_always_be_more_careful_but_must_say_why():
    with pytest.raises(ValidationError, match="say why"):
        check(form(outcome=MseOutcome.NOT_CLEARED))
    clean, _ = check(form(outcome=MseOutcome.NOT_CLEARED, outcome_reason="Client felt faint"))
    assert clean.outcome_reason == "Client felt faint"


def test_implausible_vitals_stop_the_mse():
    with pytest.raises(ValidationError, match="not a plausible reading"):
        check(form(vitals=Vitals(124, 80, 700, 98.4, TemperatureUnit.F, 98)))


def test_consent_needs_the_clients_own_typed_name():
    with pytest.raises(ValidationError, match="type their full name"):
        check(form(consent_name=" "))
    with pytest.raises(ValidationError, match="does not match the client"):
        check(form(consent_name="Jane Smith"))
    assert check(form(consent_name="  maria   LOPEZ "))[0].consent_name == "maria LOPEZ"


def test_consent_name_tolerates_case_accents_and_middle_names():
    assert consent_name_matches("Maria Elena López", "Maria", "Lopez")
    assert consent_name_matches("sean o'brien", "Seán", "O'Brien")
    assert not consent_name_matches("Maria", "Maria", "Lopez")
    assert not consent_name_matches("Lopez Maria", "Maria", "Lopez")


def test_consent_time_cannot_be_in_the_future_or_stale():
    with pytest.raises(ValidationError, match="future"):
        check(form(consent_at=NOW + timedelta(hours=1)))
    with pytest.raises(ValidationError, match="12 hours"):
        check(form(consent_at=NOW - timedelta(days=1)))


def test_a_clearance_is_valid_for_the_business_period():
    c = Clearance(NOW, MseOutcome.CLEARED)
    assert clearance_covers(c, business_days=30, service_days=None, at=NOW + timedelta(days=29))
    assert not clearance_covers(c, business_days=30, service_days=None, at=NOW + timedelta(days=30))


def test_a_service_period_overrides_the_business_period():
    c = Clearance(NOW, MseOutcome.CLEARED)
    assert not clearance_covers(c, business_days=365, service_days=7, at=NOW + timedelta(days=8))
    assert validity_days(365, 7) == 7
    assert validity_days(365, None) == 365


def test_a_referral_counts_only_once_an_hcp_cleared_it():
    pending = Clearance(NOW, MseOutcome.REFERRED)
    assert not clearance_covers(pending, business_days=365, service_days=None, at=NOW)
    cleared = Clearance(NOW, MseOutcome.REFERRED, hcp_decision=MseOutcome.CLEARED)
    assert clearance_covers(cleared, business_days=365, service_days=None, at=NOW)
    refused = Clearance(NOW, MseOutcome.REFERRED, hcp_decision=MseOutcome.NOT_CLEARED)
    assert not clearance_covers(refused, business_days=365, service_days=None, at=NOW)


def test_an_hcp_refusing_a_referral_must_give_a_reason():
    with pytest.raises(ValidationError, match="reason"):
        validate_referral_decision(MseOutcome.NOT_CLEARED, "")
    with pytest.raises(ValidationError, match="cleared or not cleared"):
        validate_referral_decision(MseOutcome.REFERRED, "x")
    assert validate_referral_decision("cleared", "")[0] is MseOutcome.CLEARED


@pytest.mark.parametrize(
    ("category", "name", "kind"),
    [
        ("IV Therapy", "Athlete Recovery IV", ServiceKind.IV),
        ("Injections", "B12 Injection", ServiceKind.INJECTION),
        ("Weight Loss", "Semaglutide GLP-1 Program", ServiceKind.GLP1),
        ("GLP-1", "Monthly check-in", ServiceKind.GLP1),
        ("Consultation", "Wellness consult", ServiceKind.OTHER),
        ("Consultations", "GLP-1 HCP consultation", ServiceKind.OTHER),
    ],
)
def test_service_kind_is_read_from_category_and_name(category, name, kind):
    assert service_kind(category, name) is kind
