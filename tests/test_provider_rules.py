"""Pure provider rules: weekly ranges, NPI check digits, state codes, commission bounds."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hydreight_desktop.domain.errors import ValidationError
from hydreight_desktop.domain.providers import (
    HoursRange,
    minute_label,
    parse_states,
    validate_commission_bp,
    validate_npi,
    validate_week,
)

ranges = st.builds(
    HoursRange,
    st.integers(0, 6),
    st.integers(0, 1439),
    st.integers(1, 1440),
)


@given(st.lists(ranges, max_size=12))
def test_an_accepted_week_never_has_two_overlapping_ranges_on_one_day(week):
    try:
        clean = validate_week(week)
    except ValidationError:
        return
    for a in clean:
        assert a.start_minute < a.end_minute
        for b in clean:
            if a is not b and a.weekday == b.weekday:
                assert a.end_minute <= b.start_minute or b.end_minute <= a.start_minute


def test_the_overlap_message_names_the_day_and_both_ranges():
    with pytest.raises(ValidationError) as err:
        validate_week([HoursRange(2, 540, 720), HoursRange(2, 700, 800)])
    assert str(err.value).startswith("Wednesday: 9:00 AM – 12:00 PM and 11:40 AM – 1:20 PM overlap")


def test_minute_labels_read_like_a_clock():
    assert [minute_label(m) for m in (0, 570, 720, 1439, 1440)] == [
        "12:00 AM", "9:30 AM", "12:00 PM", "11:59 PM", "midnight",
    ]  # fmt: skip


@pytest.mark.parametrize("npi", ["1234567893", "1245319599", " 1234 567893 "])
def test_real_npi_numbers_pass_the_check_digit(npi):
    assert validate_npi(npi) == npi.replace(" ", "")


def test_state_codes_are_deduplicated_and_sorted():
    assert parse_states("ny, fl NY") == ("FL", "NY")
    assert parse_states("") == ()


@pytest.mark.parametrize("value", [-1, 10_001, True, 30.5])
def test_commission_outside_0_to_100_percent_is_refused(value):
    with pytest.raises(ValidationError, match="between 0% and 100%"):
        validate_commission_bp(value)
