"""Vital signs: typos are refused with a clear message; real but worrying readings are flagged."""

import pytest

from hydreight_desktop.domain.clinical.outcome import Consequence
from hydreight_desktop.domain.clinical.vitals import (
    TemperatureUnit,
    Vitals,
    WeightUnit,
    findings,
    parse_reading,
    reading_problem,
    validate_vitals,
)
from hydreight_desktop.domain.errors import ValidationError

GOOD = Vitals(systolic=122, diastolic=78, heart_rate=72, temperature=98.4, spo2=98, weight=170)


def test_normal_readings_are_accepted_and_raise_no_flags():
    assert validate_vitals(GOOD) == GOOD
    assert findings(GOOD) == []


@pytest.mark.parametrize(
    ("field", "value", "unit"),
    [
        ("systolic", 300, None),
        ("systolic", 40, None),
        ("diastolic", 200, None),
        ("heart_rate", 1200, None),
        ("heart_rate", 10, None),
        ("temperature", 986, "F"),
        ("temperature", 37.0, "F"),
        ("temperature", 98.6, "C"),
        ("spo2", 101, None),
        ("spo2", 30, None),
        ("weight", 1700, "lb"),
        ("weight", 500, "kg"),
    ],
)
def test_vitals_out_of_any_plausible_range_are_refused(field, value, unit):
    vitals = Vitals(
        **{
            **{k: getattr(GOOD, k) for k in ("systolic", "diastolic", "heart_rate", "temperature", "spo2", "weight")},
            field: value,
        },
        temperature_unit=TemperatureUnit(unit) if field == "temperature" else TemperatureUnit.F,
        weight_unit=WeightUnit(unit) if field == "weight" else WeightUnit.LB,
    )
    with pytest.raises(ValidationError, match="not a plausible reading") as err:
        validate_vitals(vitals)
    assert err.value.field == field


def test_celsius_temperature_is_checked_in_celsius():
    assert reading_problem("temperature", 37.0, "C") is None
    assert "expected 32–43.5 °C" in reading_problem("temperature", 98.6, "C")


def test_a_missing_blood_pressure_is_asked_for():
    with pytest.raises(ValidationError, match="Please enter the systolic blood pressure"):
        validate_vitals(Vitals(diastolic=80, heart_rate=70, temperature=98.6, spo2=98))


def test_weight_may_be_left_blank_on_a_callout_without_scales():
    assert validate_vitals(Vitals(120, 80, 70, 98.6, TemperatureUnit.F, 98)).weight is None


def test_diastolic_must_be_below_systolic():
    with pytest.raises(ValidationError, match="top number"):
        validate_vitals(Vitals(80, 120, 70, 98.6, TemperatureUnit.F, 98))


def test_heart_rate_must_be_a_whole_number():
    assert "whole number" in reading_problem("heart_rate", 72.5)


def test_words_typed_in_a_vital_field_are_refused():
    with pytest.raises(ValidationError, match="heart rate must be a number"):
        parse_reading("heart_rate", "seventy")
    assert parse_reading("temperature", " 98,6 ") == pytest.approx(98.6)
    assert parse_reading("spo2", "") is None


@pytest.mark.parametrize(
    ("vitals", "key", "consequence"),
    [
        (Vitals(185, 95, 70, 98.6, TemperatureUnit.F, 98), "bp_crisis", Consequence.EXCLUDE),
        (Vitals(165, 95, 70, 98.6, TemperatureUnit.F, 98), "bp_high", Consequence.REFER),
        (Vitals(145, 85, 70, 98.6, TemperatureUnit.F, 98), "bp_raised", Consequence.NOTE),
        (Vitals(120, 80, 130, 98.6, TemperatureUnit.F, 98), "hr_abnormal", Consequence.REFER),
        (Vitals(120, 80, 70, 38.5, TemperatureUnit.C, 98), "fever", Consequence.EXCLUDE),
        (Vitals(120, 80, 70, 101.2, TemperatureUnit.F, 98), "fever", Consequence.EXCLUDE),
        (Vitals(120, 80, 70, 98.6, TemperatureUnit.F, 92), "spo2_low", Consequence.REFER),
        (Vitals(120, 80, 70, 98.6, TemperatureUnit.F, 85), "spo2_critical", Consequence.EXCLUDE),
    ],
)
def test_worrying_readings_are_flagged_with_their_consequence(vitals, key, consequence):
    found = {f.key: f.consequence for f in findings(vitals)}
    assert found[key] == consequence


def test_summary_reads_like_a_chart_line():
    assert GOOD.summary() == "BP 122/78 mmHg · HR 72 bpm · Temp 98.4 °F · SpO2 98% · Weight 170 lb"
