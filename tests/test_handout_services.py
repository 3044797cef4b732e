"""Making handouts from the store: checks first, nothing written when refused."""

from __future__ import annotations

import os

import pytest

from hydreight_desktop.documents.handouts import HandoutCancelled, Layout, Paper
from hydreight_desktop.domain.errors import DomainError, NotFound, ValidationError
from hydreight_desktop.services.handouts import (
    HandoutRequest,
    NotLiveWarning,
    all_csp_ids,
    csp_ids_for_emails,
    gather_handouts,
    make_handouts_pdf,
    save_handouts_pdf,
)
from hydreight_desktop.services.link_codes import csp_link
from hydreight_desktop.store.models import Business
from tests.handouts_support import add_csp, add_service
from tests.pdf_scan import decode_qr_codes, page_texts, render_pages


@pytest.fixture
def team(uow, admin):
    jane = add_csp(uow, admin, "Jane Rivera", "jane@glowclinic.com")
    sam = add_csp(uow, admin, "Sam Lee", "sam@glowclinic.com", live=False)
    add_service(uow, admin, "Energy IV", 15900)
    add_service(uow, admin, "Retired Drip", 9900, active=False)
    return jane, sam


def test_flyers_carry_each_providers_own_link(uow, admin, team):
    jane, _ = team
    request = HandoutRequest(Layout.FLYER, Paper.LETTER, (jane,), include_services=True)
    pdf = make_handouts_pdf(uow, admin, request)
    (page,) = render_pages(pdf)
    assert decode_qr_codes(page) == [csp_link(uow, admin, jane).link]
    text = page_texts(pdf)[0]
    assert "Jane Rivera" in text and "Energy IV" in text and "$159.00" in text
    assert "Retired Drip" not in text


def test_a_provider_not_live_needs_confirmation(uow, admin, team):
    jane, sam = team
    with pytest.raises(NotLiveWarning, match="Sam Lee is not live") as warning:
        gather_handouts(uow, admin, HandoutRequest(Layout.CARDS, csp_ids=(jane, sam)))
    assert warning.value.names == ("Sam Lee",)
    bundle = gather_handouts(
        uow, admin, HandoutRequest(Layout.CARDS, csp_ids=(jane, sam), confirm_not_live=True)
    )
    assert [c.name for c in bundle.csps] == ["Jane Rivera", "Sam Lee"]


def test_the_table_tent_needs_no_provider_and_shows_the_business_code(uow, admin, team):
    pdf = make_handouts_pdf(uow, admin, HandoutRequest(Layout.TENT, Paper.A4))
    bundle = gather_handouts(uow, admin, HandoutRequest(Layout.TENT))
    (page,) = render_pages(pdf)
    assert decode_qr_codes(page) == [bundle.business.link] * 2


def test_handouts_print_the_clinic_phone_the_way_people_dial_it(uow, admin, team):
    with uow.write(admin, "test.set_phone") as s:
        s.get(Business, admin.business_id).phone = "+13055550100"
    bundle = gather_handouts(uow, admin, HandoutRequest(Layout.TENT))
    assert bundle.business.phone == "(305) 555-0100"


def test_flyers_and_cards_need_at_least_one_provider(uow, admin, team):
    with pytest.raises(ValidationError, match="at least one provider"):
        gather_handouts(uow, admin, HandoutRequest(Layout.FLYER))


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("base", ["ftp://glow.com/book/", "https://glow.com/?s=1"])
def test_a_booking_link_address_that_is_not_usable_is_refused_and_nothing_is_written(
    uow, admin, team, out_dir, base
):
    jane, _ = team
    with uow.write(admin, "test.set_base") as s:  # e.g. arrived by sync from an old version
        s.get(Business, admin.business_id).booking_link_base = base
    out = out_dir / "flyers.pdf"
    with pytest.raises(ValidationError) as err:
        save_handouts_pdf(uow, admin, HandoutRequest(Layout.FLYER, csp_ids=(jane,)), out)
    assert err.value.field == "booking_link_base"
    assert os.listdir(out_dir) == []


def test_unknown_emails_on_the_command_line_are_all_named(uow, admin, team):
    with pytest.raises(NotFound) as err:
        csp_ids_for_emails(uow, admin, ["JANE@glowclinic.com", "nobody@x.com", "ghost@x.com"])
    assert "nobody@x.com" in str(err.value) and "ghost@x.com" in str(err.value)
    assert "jane" not in str(err.value).lower()
    assert csp_ids_for_emails(uow, admin, [" Jane@GlowClinic.com "]) == (team[0],)


def test_all_providers_are_listed_by_name(uow, admin, team):
    assert all_csp_ids(uow, admin) == team


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing/flyers.pdf", "does not exist"), ("flyers.txt", "end in .pdf"), ("", "choose where")],
)
def test_a_bad_output_path_is_refused_before_any_work(uow, admin, team, out_dir, name, message):
    out = str(out_dir / name) if name else ""
    with pytest.raises(ValidationError, match=message):
        save_handouts_pdf(uow, admin, HandoutRequest(Layout.FLYER, csp_ids=(team[0],)), out)
    assert os.listdir(out_dir) == []


def test_an_output_folder_that_is_a_file_is_refused(uow, admin, team, tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    with pytest.raises(ValidationError, match="does not exist"):
        save_handouts_pdf(
            uow, admin, HandoutRequest(Layout.FLYER, csp_ids=(team[0],)), blocker / "out.pdf"
        )


def test_a_read_only_output_folder_is_refused(uow, admin, team, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if str(p) == str(folder) else real_access(p, mode)
    )
    with pytest.raises(ValidationError, match="may not write there"):
        save_handouts_pdf(
            uow, admin, HandoutRequest(Layout.FLYER, csp_ids=(team[0],)), folder / "flyers.pdf"
        )
    assert os.listdir(folder) == []


def test_saving_replaces_the_file_whole_and_reports_what_was_made(uow, admin, team, out_dir):
    out = out_dir / "cards.pdf"
    out.write_bytes(b"old")
    saved = save_handouts_pdf(
        uow,
        admin,
        HandoutRequest(Layout.CARDS, Paper.A4, (team[0], team[1]), confirm_not_live=True),
        out,
    )
    assert saved.path == out and saved.providers == 2
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size == saved.size_bytes
    assert os.listdir(out_dir) == ["cards.pdf"]  # no temporary file left behind


def test_a_cancelled_batch_leaves_no_file(uow, admin, team, out_dir):
    out = out_dir / "flyers.pdf"
    with pytest.raises(HandoutCancelled):
        save_handouts_pdf(
            uow,
            admin,
            HandoutRequest(Layout.FLYER, csp_ids=team, confirm_not_live=True),
            out,
            progress=lambda done, total: False,
        )
    assert os.listdir(out_dir) == []


def test_a_logo_that_is_not_a_picture_is_refused(uow, admin, team, tmp_path):
    fake = tmp_path / "logo.png"
    fake.write_text("not a picture")
    with pytest.raises(ValidationError, match="PNG or JPEG"):
        gather_handouts(uow, admin, HandoutRequest(Layout.TENT, logo_path=str(fake)))
    with pytest.raises(ValidationError, match="does not exist"):
        gather_handouts(uow, admin, HandoutRequest(Layout.TENT, logo_path=str(tmp_path / "no.png")))


def test_a_disk_failure_while_saving_leaves_nothing_behind(uow, admin, team, out_dir, monkeypatch):
    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(DomainError, match="No space left on device"):
        save_handouts_pdf(uow, admin, HandoutRequest(Layout.TENT), out_dir / "tent.pdf")
    assert os.listdir(out_dir) == []
