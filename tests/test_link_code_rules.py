"""Booking-link codes, links and widget snippets (pure rules), QR drawing and text fitting."""

from __future__ import annotations

import html
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from hydreight_desktop.documents.qr import draw_qr, qr_matrix
from hydreight_desktop.documents.text_fit import fit_text
from hydreight_desktop.domain.errors import ConflictError, ValidationError
from hydreight_desktop.domain.link_codes import (
    CODE_ALPHABET,
    CODE_LENGTH,
    build_link,
    code_from_text,
    generate_code,
    normalize_code,
    validate_base_url,
    widget_snippets,
)
from tests.pdf_scan import decode_qr_codes, render_pages


def test_codes_use_no_look_alike_characters():
    for ch in "0O1IL":
        assert ch not in CODE_ALPHABET
    code = generate_code(lambda c: False)
    assert len(code) == CODE_LENGTH
    assert set(code) <= set(CODE_ALPHABET)


def test_a_code_already_taken_is_never_handed_out_again():
    taken = {"AAAAAA", "BBBBBB"}
    picks = iter(["A"] * 6 + ["B"] * 6 + ["C"] * 6)
    assert generate_code(lambda c: c in taken, choice=lambda _: next(picks)) == "CCCCCC"


def test_running_out_of_free_codes_is_reported_not_looped_forever():
    with pytest.raises(ConflictError, match="could not be found"):
        generate_code(lambda c: True)


def test_typed_codes_are_accepted_in_any_case_with_spaces_or_dashes():
    assert normalize_code(" 7kq-4mx ") == "7KQ4MX"


@pytest.mark.parametrize("typed", ["", "   ", "7KQ0MX", "AB", "https://x"])
def test_text_that_is_not_a_code_is_refused_with_a_clear_message(typed):
    with pytest.raises(ValidationError) as err:
        normalize_code(typed)
    assert "code" in str(err.value)


@pytest.mark.parametrize(
    "base",
    [
        "ftp://booking.example.com/",
        "booking.hydreight.com/widget",
        "javascript:alert(1)",
        "https://",
        "mailto:front@clinic.com",
        "https://booking.example.com/a b/",
    ],
)
def test_booking_link_base_must_be_a_web_address(base):
    with pytest.raises(ValidationError) as err:
        validate_base_url(base)
    assert err.value.field == "booking_link_base"
    assert "https://" in str(err.value) or "spaces" in str(err.value)


def test_missing_booking_link_base_says_where_to_set_it():
    with pytest.raises(ValidationError, match="Business settings"):
        validate_base_url("  ")


@pytest.mark.parametrize(
    ("base", "link"),
    [
        (
            "https://booking.hydreight.com/widget-business/",
            "https://booking.hydreight.com/widget-business/7KQ4MX",
        ),
        (
            "https://booking.hydreight.com/widget-business",
            "https://booking.hydreight.com/widget-business/7KQ4MX",
        ),
        (
            "https://booking.hydreight.com/widget-business/<code>",
            "https://booking.hydreight.com/widget-business/7KQ4MX",
        ),
        ("https://glow.com/book?ref={code}&src=qr", "https://glow.com/book?ref=7KQ4MX&src=qr"),
        ("http://glow.com/book?ref=", "http://glow.com/book?ref=7KQ4MX"),
    ],
)
def test_the_link_carries_the_code(base, link):
    assert build_link(base, "7KQ4MX") == link


def test_a_query_base_without_a_place_for_the_code_is_refused():
    with pytest.raises(ValidationError, match="<code>"):
        build_link("https://glow.com/book?src=qr", "7KQ4MX")


def test_widget_snippets_escape_names_and_links():
    snippets = widget_snippets("https://glow.com/book?ref=7KQ4MX&src=web", 'O\'Brien & "Sons" <IV>')
    for snippet in (snippets.iframe, snippets.button):
        assert "&src=web" not in snippet and "&amp;src=web" in snippet
        assert "<IV>" not in snippet and "&lt;IV&gt;" in snippet
        assert '"Sons"' not in snippet
    assert snippets.iframe.startswith("<iframe ") and snippets.iframe.endswith("</iframe>")
    assert snippets.button.startswith("<a ") and snippets.button.endswith("</a>")
    src = re.search(r'src="([^"]*)"', snippets.iframe).group(1)
    assert html.unescape(src) == "https://glow.com/book?ref=7KQ4MX&src=web"
    href = re.search(r'href="([^"]*)"', snippets.button).group(1)
    assert html.unescape(href) == "https://glow.com/book?ref=7KQ4MX&src=web"


def test_qr_modules_are_merged_into_one_rectangle_per_dark_run():
    matrix = qr_matrix("https://booking.hydreight.com/widget-business/7KQ4MX")
    runs = matrix.runs()
    dark = sum(sum(row) for row in matrix.rows)
    assert sum(length for _, _, length in runs) == dark
    assert len(runs) < dark / 1.5  # far fewer shapes than modules
    for row, col, length in runs:  # each run is maximal
        assert all(matrix.rows[row][col : col + length])
        assert col == 0 or not matrix.rows[row][col - 1]
        end = col + length
        assert end == matrix.size or not matrix.rows[row][end]


@pytest.mark.parametrize("level", ["M", "Q"])
def test_a_small_printed_qr_code_with_its_quiet_zone_scans(level):
    link = "https://booking.hydreight.com/widget-business/H4K9PQ"
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(200, 200))
    draw_qr(canvas, qr_matrix(link, level=level), 20, 20, 1.2 * 72)  # 1.2 inch square
    canvas.save()
    (page,) = render_pages(buffer.getvalue())
    assert decode_qr_codes(page) == [link]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=300
    ),
    width=st.floats(min_value=40, max_value=500),
    lines=st.integers(min_value=1, max_value=4),
)
def test_fitted_text_never_leaves_its_box(text, width, lines):
    height = lines * 12 * 1.18
    fitted = fit_text(text, "Helvetica", width=width, height=height, max_size=30, min_size=10)
    assert fitted.height <= height + 0.01
    for line in fitted.lines:
        assert stringWidth(line, "Helvetica", fitted.size) <= width + 0.01


def test_a_name_that_fits_is_shrunk_on_one_line_before_it_wraps():
    fitted = fit_text(
        "Jane Alexandra Doe-Smith", "Helvetica-Bold", width=200, height=80, max_size=30, min_size=10
    )
    assert len(fitted.lines) == 1 and fitted.size < 30


def test_a_link_is_never_cut_short():
    link = "https://booking.hydreight.com/widget-business/" + "segment/" * 20 + "7KQ4MX"
    fitted = fit_text(
        link, "Helvetica", width=150, height=20, max_size=12, min_size=8, truncate=False
    )
    assert "".join(fitted.lines) == link


@pytest.mark.parametrize(
    ("recorded", "code"),
    [
        ("7kq4mx", "7KQ4MX"),
        ("https://booking.hydreight.com/widget-business/7KQ4MX", "7KQ4MX"),
        ("https://glow.com/book?ref=7KQ4MX&src=qr", "7KQ4MX"),
        ("walk-in", None),
        ("", None),
        ("https://glow.com/", None),
    ],
)
def test_the_code_is_found_in_what_a_booking_recorded(recorded, code):
    assert code_from_text(recorded) == code
