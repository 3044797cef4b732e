"""Vital signs: plausibility (a typo is refused) and clinical flags (a real reading that matters).

Two different questions. "Is 1200 a heart rate?" is answered by the plausible ranges: a
reading outside them is a typing or measuring mistake and is refused with a message that
says what was expected. "Is 182/95 safe to treat?" is answered by :func:`findings`: the
reading is real, and it pushes the MSE outcome towards a referral or no treatment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from enum import StrEnum

from hydreight_desktop.domain.clinical.outcome import Consequence, Finding
from hydreight_desktop.domain.errors import ValidationError


class TemperatureUnit(StrEnum):
    F = "F"
    C = "C"


class WeightUnit(StrEnum):
    LB = "lb"
    KG = "kg"


class VitalField(StrEnum):
    SYSTOLIC = "systolic"
    DIASTOLIC = "diastolic"
    HEART_RATE = "heart_rate"
    TEMPERATURE = "temperature"
    SPO2 = "spo2"
    WEIGHT = "weight"


@dataclass(frozen=True, slots=True)
class PlausibleRange:
    low: float
    high: float
    unit: str
    label: str  # "systolic blood pressure"

    def describe(self) -> str:
        return f"{_num(self.low)}–{_num(self.high)} {self.unit}"


_RANGES: dict[tuple[VitalField, str | None], PlausibleRange] = {
    (VitalField.SYSTOLIC, None): PlausibleRange(50, 260, "mmHg", "systolic blood pressure"),
    (VitalField.DIASTOLIC, None): PlausibleRange(30, 160, "mmHg", "diastolic blood pressure"),
    (VitalField.HEART_RATE, None): PlausibleRange(25, 250, "bpm", "heart rate"),
    (VitalField.TEMPERATURE, TemperatureUnit.F): PlausibleRange(90, 110, "°F", "temperature"),
    (VitalField.TEMPERATURE, TemperatureUnit.C): PlausibleRange(32, 43.5, "°C", "temperature"),
    (VitalField.SPO2, None): PlausibleRange(50, 100, "%", "oxygen saturation (SpO2)"),
    (VitalField.WEIGHT, WeightUnit.LB): PlausibleRange(40, 700, "lb", "weight"),
    (VitalField.WEIGHT, WeightUnit.KG): PlausibleRange(18, 318, "kg", "weight"),
}

_WHOLE_NUMBERS = {VitalField.SYSTOLIC, VitalField.DIASTOLIC, VitalField.HEART_RATE, VitalField.SPO2}
REQUIRED = (
    VitalField.SYSTOLIC,
    VitalField.DIASTOLIC,
    VitalField.HEART_RATE,
    VitalField.TEMPERATURE,
    VitalField.SPO2,
)
"""Weight is optional: a callout visit may have no scale."""


def plausible_range(field: VitalField | str, unit: str | None = None) -> PlausibleRange:
    """The range a reading of ``field`` (in ``unit`` for temperature and weight) must fall in."""
    field = VitalField(field)
    if field is VitalField.TEMPERATURE:
        return _RANGES[(field, TemperatureUnit(unit or TemperatureUnit.F))]
    if field is VitalField.WEIGHT:
        return _RANGES[(field, WeightUnit(unit or WeightUnit.LB))]
    return _RANGES[(field, None)]


def _num(value: float) -> str:
    return f"{value:g}"


def parse_reading(field: VitalField | str, text: str) -> float | None:
    """Turn what was typed into a number (blank -> None); refuse words and symbols."""
    field = VitalField(field)
    label = plausible_range(field).label
    cleaned = (text or "").strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ValidationError(
            f"The {label} must be a number, e.g. {_example(field)}.", field=field.value
        ) from None
    if not math.isfinite(value):
        raise ValidationError(f"The {label} must be a number.", field=field.value)
    return value


def _example(field: VitalField) -> str:
    return {
        VitalField.SYSTOLIC: "120",
        VitalField.DIASTOLIC: "80",
        VitalField.HEART_RATE: "72",
        VitalField.TEMPERATURE: "98.6",
        VitalField.SPO2: "98",
        VitalField.WEIGHT: "165",
    }[field]


def reading_problem(field: VitalField | str, value: float | None, unit: str | None = None) -> str | None:
    """The sentence to show when ``value`` cannot be a real reading; ``None`` when it can."""
    if value is None:
        return None
    field = VitalField(field)
    rng = plausible_range(field, unit)
    if field in _WHOLE_NUMBERS and value != int(value):
        return f"The {rng.label} is a whole number ({rng.unit}), e.g. {_example(field)}."
    if not rng.low <= value <= rng.high:
        return (
            f"A {rng.label} of {_num(value)} {rng.unit} is not a plausible reading "
            f"(expected {rng.describe()}). Please measure again and retype it."
        )
    return None


@dataclass(frozen=True, slots=True)
class Vitals:
    """One set of readings taken at the MSE."""

    systolic: int | None = None
    diastolic: int | None = None
    heart_rate: int | None = None
    temperature: float | None = None
    temperature_unit: TemperatureUnit = TemperatureUnit.F
    spo2: int | None = None
    weight: float | None = None
    weight_unit: WeightUnit = WeightUnit.LB

    def value(self, field: VitalField) -> float | None:
        return getattr(self, field.value)

    def unit(self, field: VitalField) -> str | None:
        if field is VitalField.TEMPERATURE:
            return self.temperature_unit.value
        if field is VitalField.WEIGHT:
            return self.weight_unit.value
        return None

    @property
    def temperature_f(self) -> float | None:
        if self.temperature is None:
            return None
        if self.temperature_unit is TemperatureUnit.C:
            return self.temperature * 9 / 5 + 32
        return self.temperature

    @property
    def blood_pressure(self) -> str:
        if self.systolic is None or self.diastolic is None:
            return "—"
        return f"{self.systolic}/{self.diastolic} mmHg"

    def summary(self) -> str:
        """One line for records and the visit summary."""
        parts = [f"BP {self.blood_pressure}"]
        if self.heart_rate is not None:
            parts.append(f"HR {self.heart_rate} bpm")
        if self.temperature is not None:
            parts.append(f"Temp {self.temperature:g} °{self.temperature_unit.value}")
        if self.spo2 is not None:
            parts.append(f"SpO2 {self.spo2}%")
        if self.weight is not None:
            parts.append(f"Weight {self.weight:g} {self.weight_unit.value}")
        return " · ".join(parts)


def validate_vitals(vitals: Vitals) -> Vitals:
    """Refuse a missing required reading or any implausible one; return the readings tidied."""
    for field in REQUIRED:
        if vitals.value(field) is None:
            label = plausible_range(field).label
            raise ValidationError(f"Please enter the {label}.", field=field.value)
    for field in VitalField:
        problem = reading_problem(field, vitals.value(field), vitals.unit(field))
        if problem:
            raise ValidationError(problem, field=field.value)
    assert vitals.systolic is not None and vitals.diastolic is not None
    if vitals.diastolic >= vitals.systolic:
        raise ValidationError(
            f"Blood pressure {vitals.systolic}/{vitals.diastolic}: the top number (systolic) must be "
            "higher than the bottom number (diastolic). Please check the reading.",
            field=VitalField.DIASTOLIC.value,
        )
    return replace(
        vitals,
        systolic=int(vitals.systolic),
        diastolic=int(vitals.diastolic),
        heart_rate=int(vitals.heart_rate) if vitals.heart_rate is not None else None,
        spo2=int(vitals.spo2) if vitals.spo2 is not None else None,
        temperature=round(float(vitals.temperature), 1) if vitals.temperature is not None else None,
        weight=round(float(vitals.weight), 1) if vitals.weight is not None else None,
    )


def findings(vitals: Vitals) -> list[Finding]:
    """Clinical flags for plausible readings: what the examiner must weigh before clearing."""
    out: list[Finding] = []
    sys_, dia = vitals.systolic, vitals.diastolic
    if sys_ is not None and dia is not None:
        bp = f"{_num(sys_)}/{_num(dia)}"
        if sys_ >= 180 or dia >= 110:
            out.append(Finding("bp_crisis", Consequence.EXCLUDE,
                               f"Blood pressure {bp} is in the crisis range (180/110 or higher): do not treat today."))
        elif sys_ >= 160 or dia >= 100:
            out.append(Finding("bp_high", Consequence.REFER,
                               f"Blood pressure {bp} is high (160/100 or higher): an HCP must decide."))
        elif sys_ >= 140 or dia >= 90:
            out.append(Finding("bp_raised", Consequence.NOTE, f"Blood pressure {bp} is raised."))
        elif sys_ < 80:
            out.append(Finding("bp_very_low", Consequence.REFER,
                               f"Blood pressure {bp} is very low: an HCP must decide."))
        elif sys_ < 90 or dia < 60:
            out.append(Finding("bp_low", Consequence.NOTE, f"Blood pressure {bp} is low."))
    hr = vitals.heart_rate
    if hr is not None:
        if hr > 120 or hr < 45:
            out.append(Finding("hr_abnormal", Consequence.REFER,
                               f"Heart rate {_num(hr)} bpm is outside 45–120: an HCP must decide."))
        elif hr > 100:
            out.append(Finding("hr_fast", Consequence.NOTE, f"Heart rate {_num(hr)} bpm is fast."))
    temp_f = vitals.temperature_f
    if temp_f is not None:
        shown = f"{vitals.temperature:g} °{vitals.temperature_unit.value}"
        if temp_f >= 100.4:
            out.append(Finding("fever", Consequence.EXCLUDE,
                               f"Temperature {shown} is a fever (100.4 °F / 38 °C or higher): treatment is deferred."))
        elif temp_f < 95:
            out.append(Finding("temp_low", Consequence.REFER,
                               f"Temperature {shown} is below 95 °F / 35 °C: an HCP must decide."))
    spo2 = vitals.spo2
    if spo2 is not None:
        if spo2 < 90:
            out.append(Finding("spo2_critical", Consequence.EXCLUDE,
                               f"Oxygen saturation {_num(spo2)}% is below 90%: do not treat; seek urgent care."))
        elif spo2 < 94:
            out.append(Finding("spo2_low", Consequence.REFER,
                               f"Oxygen saturation {_num(spo2)}% is below 94%: an HCP must decide."))
    return out
