"""Printed handouts: every QR code scans back to exactly its link, and no text runs off."""

from __future__ import annotations

import pytest
from reportlab.lib.units import inch

from hydreight_desktop.documents.handouts import (
    CARD_SAFE,
    BusinessHandout,
    CspHandout,
    HandoutCancelled,
    Layout,
    Paper,
    PriceLine,
    card_grid,
    cards_pdf,
    flyers_pdf,
    handouts_pdf,
    initials,
    tent_pdf,
)
from tests.pdf_scan import decode_qr_codes, is_blank, page_texts, render_pages

BASE = "https://booking.hydreight.com/widget-business/"
BUSINESS = BusinessHandout(
    name="Glow Mobile IV & Wellness",
    link=BASE + "7KQ4MX",
    code="7KQ4MX",
    phone="(512) 555-0142",
    website="glowmobileiv.com",
)
SERVICES = (
    PriceLine("Athlete Recovery IV", 18900),
    PriceLine("Energy IV", 15900),
    PriceLine("B12 Injection", 3500),
)
LONG_NAME = (
    "Maria-Fernanda Guadalupe Alejandrina de los Santos Villanueva-Rodriguez "
    "Montenegro-Castellanos, RN BSN CCRN CEN"
)
LONG_BUSINESS = (
    "The Very Long Named Mobile Intravenous Hydration, Aesthetics and Weight-Loss "
    "Wellness Collective of Greater Austin & Round Rock, LLC"
)
LONG_LINK = BASE + "franchise/central-texas/austin-round-rock-georgetown/" + "R2D2C3"


def csp(name: str, code: str, **extra) -> CspHandout:
    return CspHandout(name=name, link=BASE + code, code=code, **extra)


CSPS = [
    csp("Jane Doe", "H4K9PQ", title="Registered Nurse", services=SERVICES),
    csp("Sam Lee", "M7XW2B", title="Paramedic"),
    CspHandout(
        LONG_NAME, LONG_LINK, "R2D2C3", title="Registered Nurse " * 6, services=SERVICES * 9
    ),
]


@pytest.mark.parametrize("paper", list(Paper))
def test_every_flyer_qr_code_scans_to_its_providers_link(paper):
    pdf = flyers_pdf(BUSINESS, CSPS, paper, include_services=True)
    pages = render_pages(pdf)
    assert len(pages) == len(CSPS)
    for page, handout in zip(pages, CSPS, strict=True):
        # rendered at the printed size: 150 pixels per inch of paper
        assert abs(page.width - paper.size[0] * 150 / 72) <= 1
        assert abs(page.height - paper.size[1] * 150 / 72) <= 1
        assert decode_qr_codes(page) == [handout.link]


@pytest.mark.parametrize("paper", list(Paper))
def test_every_business_card_on_the_sheet_scans_to_its_providers_link(paper):
    pdf = cards_pdf(BUSINESS, CSPS, paper, copies=4)
    pages = render_pages(pdf)
    assert len(pages) == 2  # 12 cards, 10 to a sheet
    found = [text for page in pages for text in decode_qr_codes(page)]
    assert sorted(found) == sorted([c.link for c in CSPS for _ in range(4)])


def test_one_provider_gets_a_full_sheet_of_ten_cards():
    pages = render_pages(cards_pdf(BUSINESS, CSPS[:1], Paper.LETTER))
    assert len(pages) == 1
    assert decode_qr_codes(pages[0]) == [CSPS[0].link] * 10


@pytest.mark.parametrize("paper", list(Paper))
def test_table_tent_shows_the_business_code_upright_on_both_faces(paper):
    pdf = tent_pdf(BUSINESS, paper)
    (page,) = render_pages(pdf)
    assert decode_qr_codes(page) == [BUSINESS.link, BUSINESS.link]
    width, height = paper.size
    # One face per half: the lower half and the upper half (turned) each hold one code.
    lower = page.crop((0, page.height // 2, page.width, page.height))
    upper = page.crop((0, 0, page.width, page.height // 2))
    assert decode_qr_codes(lower) == [BUSINESS.link]
    assert decode_qr_codes(upper.rotate(180)) == [BUSINESS.link]
    assert page_texts(pdf)[0].count("7KQ4MX") >= 2
    # Nothing printed across the fold except the fold line itself.
    assert is_blank(page, (0, height / 2 + 0.15 * inch, width, height / 2 + 0.4 * inch))
    assert is_blank(page, (0, height / 2 - 0.4 * inch, width, height / 2 - 0.15 * inch))


def test_flyer_writes_the_link_out_in_full_even_when_it_wraps():
    pdf = flyers_pdf(BUSINESS, CSPS, Paper.LETTER)
    texts = ["".join(t.split()) for t in page_texts(pdf)]
    for text, handout in zip(texts, CSPS, strict=True):
        assert handout.link in text
        assert handout.code in text


def test_flyer_lists_services_with_prices_in_the_business_currency():
    business = BusinessHandout(
        "Clinique Éclat", BASE + "7KQ4MX", "7KQ4MX", currency="EUR", locale="fr_FR"
    )
    pdf = flyers_pdf(business, CSPS[:1], Paper.A4, include_services=True)
    text = page_texts(pdf)[0]
    assert "Athlete Recovery IV" in text
    assert "189,00\xa0€" in text or "189,00 €" in text or "189,00\u202f€" in text


def test_services_are_left_out_unless_asked_for():
    text = page_texts(flyers_pdf(BUSINESS, CSPS[:1], Paper.LETTER))[0]
    assert "Athlete Recovery IV" not in text


def test_a_very_long_service_list_ends_with_how_many_more_are_online():
    text = page_texts(flyers_pdf(BUSINESS, CSPS[2:], Paper.LETTER, include_services=True))[0]
    assert "more on the booking page" in text


@pytest.mark.parametrize("paper", list(Paper))
def test_very_long_names_and_links_stay_inside_the_flyer_margins(paper):
    business = BusinessHandout(
        LONG_BUSINESS,
        LONG_LINK,
        "R2D2C3",
        phone="+1 512 555 0142 " * 4,
        website="www." + "long" * 20 + ".com",
    )
    pdf = flyers_pdf(business, CSPS, paper, include_services=True)
    width, height = paper.size
    band = 0.5 * inch  # the flyer's margin is 0.6 in
    for page in render_pages(pdf):
        assert is_blank(page, (0, 0, width, band))
        assert is_blank(page, (0, height - band, width, height))
        assert is_blank(page, (0, 0, band, height))
        assert is_blank(page, (width - band, 0, width, height))
        assert len(decode_qr_codes(page)) == 1


@pytest.mark.parametrize("paper", list(Paper))
def test_very_long_names_and_links_stay_inside_each_cards_safe_area(paper):
    business = BusinessHandout(LONG_BUSINESS, LONG_LINK, "R2D2C3")
    pdf = cards_pdf(business, CSPS[2:], paper)
    (page,) = render_pages(pdf)
    grid = card_grid(paper)
    inset = CARD_SAFE - 2  # a little slack for anti-aliasing
    for slot in range(grid.per_page):
        x, y = grid.origin(slot, paper.size[1])
        top = paper.size[1] - (y + grid.card_height)  # image rows run top-down
        bottom = paper.size[1] - y
        right = x + grid.card_width
        assert is_blank(page, (x + 1, top + 1, right - 1, top + inset)), slot
        assert is_blank(page, (x + 1, bottom - inset, right - 1, bottom - 1)), slot
        assert is_blank(page, (x + 1, top + 1, x + inset, bottom - 1)), slot
        assert is_blank(page, (right - inset, top + 1, right - 1, bottom - 1)), slot
    assert decode_qr_codes(page) == [LONG_LINK] * 10


def test_card_sheet_has_crop_marks_in_the_margins_on_every_cut_line():
    (page,) = render_pages(cards_pdf(BUSINESS, CSPS[:1], Paper.LETTER))
    grid = card_grid(Paper.LETTER)
    top_margin_mid = grid.bottom / 2  # crop marks sit halfway into the top margin
    for col in range(grid.columns + 1):
        x = grid.left + col * grid.card_width
        assert not is_blank(page, (x - 2, top_margin_mid - 4, x + 2, top_margin_mid + 4))
    # Between cut lines the margin stays clean.
    mid = grid.left + grid.card_width / 2
    assert is_blank(page, (mid - 20, 2, mid + 20, grid.bottom - 2))


def test_batch_reports_progress_after_each_provider():
    seen: list[tuple[int, int]] = []
    handouts_pdf(
        Layout.FLYER,
        BUSINESS,
        CSPS,
        Paper.LETTER,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_cancelling_a_batch_produces_no_pdf():
    with pytest.raises(HandoutCancelled):
        handouts_pdf(Layout.CARDS, BUSINESS, CSPS, Paper.A4, progress=lambda done, total: done < 2)


def test_logo_badge_uses_the_business_initials():
    assert initials("Glow Mobile IV") == "GM"
    assert initials("  hydrate   ") == "H"
    assert initials("& Co") == "C"


def test_a_logo_image_replaces_the_initials_badge(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 120), (200, 30, 30)).save(logo)
    business = BusinessHandout(**{**BUSINESS.__dict__, "logo_path": str(logo)})
    pdf = flyers_pdf(business, CSPS[:1], Paper.LETTER)
    assert "GM" not in page_texts(pdf)[0].split()
    assert "GM" in page_texts(flyers_pdf(BUSINESS, CSPS[:1], Paper.LETTER))[0].split()
    (page,) = render_pages(pdf)
    dot = int(0.9 * inch * 150 / 72), int(1.0 * inch * 150 / 72)  # inside the logo box
    assert page.getpixel(dot) < 120
    assert decode_qr_codes(page) == [CSPS[0].link]


def test_names_beyond_western_letters_print_with_a_unicode_font():
    from hydreight_desktop.documents.fonts import unicode_fonts_available

    if not unicode_fonts_available():
        pytest.skip("no Unicode TrueType font on this computer")
    name = "Nguyễn Thị Ánh, Łukasz Żółć"
    pdf = flyers_pdf(BUSINESS, [csp(name, "H4K9PQ")], Paper.A4)
    assert name in page_texts(pdf)[0]
    (page,) = render_pages(pdf)
    assert decode_qr_codes(page) == [BASE + "H4K9PQ"]
