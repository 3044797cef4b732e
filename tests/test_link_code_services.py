"""Booking-link codes in the store: one active code each, regenerating, credit for old codes."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hydreight_desktop.domain.errors import NotFound, PermissionDenied
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.business import update_business
from hydreight_desktop.services.link_codes import (
    bookings_by_code,
    business_link,
    csp_link,
    ensure_link_codes,
    list_links,
    regenerate_code,
    resolve_code,
)
from hydreight_desktop.store.models import AuditEntry, LinkCode
from tests.handouts_support import actor_as, add_booking, add_csp

BASE = "https://booking.hydreight.com/widget-business/"


@pytest.fixture
def jane(uow, admin):
    return add_csp(uow, admin, "Jane Rivera", "jane@glowclinic.com")


@pytest.fixture
def sam(uow, admin):
    return add_csp(uow, admin, "Sam Lee", "sam@glowclinic.com", live=False)


def test_the_business_and_every_provider_get_their_own_code(uow, admin, jane, sam):
    links = list_links(uow, admin)
    assert [r.csp_id for r in links] == [None, jane, sam]  # business first, then by name
    codes = [r.code for r in links]
    assert len(set(codes)) == 3
    for record in links:
        assert record.link == BASE + record.code
        assert record.link in record.snippets.iframe and record.link in record.snippets.button
    assert links[0].name == "Glow Mobile IV"
    assert (links[2].name, links[2].is_live) == ("Sam Lee", False)


def test_codes_are_stable_between_visits(uow, admin, jane):
    first = csp_link(uow, admin, jane).code
    assert csp_link(uow, admin, jane).code == first
    assert ensure_link_codes(uow, admin) == 0


def test_a_provider_added_later_gets_a_code_on_next_listing(uow, admin, jane):
    list_links(uow, admin)
    later = add_csp(uow, admin, "Ana Ortiz", "ana@glowclinic.com")
    assert ensure_link_codes(uow, admin) == 1
    assert csp_link(uow, admin, later).code


def test_regenerating_retires_the_old_code_and_keeps_its_bookings_credited(uow, admin, jane):
    old = csp_link(uow, admin, jane).code
    add_booking(uow, admin, jane, old)
    add_booking(uow, admin, jane, old)
    record = regenerate_code(uow, admin, jane)
    assert record.code != old
    add_booking(uow, admin, jane, record.code)
    assert [(c.code, c.active, c.bookings) for c in record.codes][1] == (old, False, 2)
    assert bookings_by_code(uow, admin, jane) == {old: 2, record.code: 1}
    assert csp_link(uow, admin, jane).total_bookings == 3
    owner = resolve_code(uow, admin, old.lower())
    assert (owner.csp_id, owner.name, owner.active) == (jane, "Jane Rivera", False)
    assert resolve_code(uow, admin, record.code).active


def test_the_business_code_can_be_regenerated_too(uow, admin):
    old = business_link(uow, admin).code
    new = regenerate_code(uow, admin, None)
    assert new.csp_id is None and new.code != old
    assert resolve_code(uow, admin, old).csp_id is None
    assert business_link(uow, admin).code == new.code


def test_only_an_admin_can_regenerate_a_code(uow, admin, jane):
    front_desk = actor_as(admin, Role.FRONT_DESK)
    before = csp_link(uow, front_desk, jane).code  # the front desk may see and print it
    with pytest.raises(PermissionDenied, match="Business Admin"):
        regenerate_code(uow, front_desk, jane)
    assert csp_link(uow, admin, jane).code == before


def test_a_provider_cannot_print_handouts(uow, admin, jane):
    with pytest.raises(PermissionDenied):
        list_links(uow, actor_as(admin, Role.CSP))


def test_an_unknown_code_is_reported(uow, admin, jane):
    list_links(uow, admin)
    with pytest.raises(NotFound, match="ZZZZZZ"):
        resolve_code(uow, admin, "zzzzzz")


def test_regenerating_writes_one_audited_change(uow, admin, jane, store):
    csp_link(uow, admin, jane)
    regenerate_code(uow, admin, jane)
    with uow.read() as s:
        actions = list(
            s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "link_codes"))
        )
        assert actions.count("link_code.regenerate") == 2  # old retired + new issued
        active = s.scalar(
            select(func.count())
            .select_from(LinkCode)
            .where(LinkCode.csp_id == jane, LinkCode.status == "active")
        )
        assert active == 1


def test_a_bad_booking_link_address_is_shown_not_crashed(uow, admin, jane):
    from dataclasses import replace

    from hydreight_desktop.services.business import get_business

    settings = get_business(uow, admin).settings
    update_business(uow, admin, replace(settings, booking_link_base="https://glow.com/book?src=qr"))
    record = csp_link(uow, admin, jane)
    assert record.link is None and record.snippets is None
    assert "<code>" in record.link_problem


def test_demo_clinic_credits_some_bookings_to_provider_codes(uow, admin, jane):
    from hydreight_desktop.services.demo_handouts import seed_demo

    for _ in range(6):
        add_booking(uow, admin, jane, None)
    assert seed_demo(uow, admin) == 2
    code = csp_link(uow, admin, jane).code
    assert bookings_by_code(uow, admin, jane) == {code: 2}


def test_bookings_that_recorded_the_link_or_a_lowercase_code_are_credited(uow, admin, jane):
    record = csp_link(uow, admin, jane)
    add_booking(uow, admin, jane, record.code.lower())
    add_booking(uow, admin, jane, record.link)
    add_booking(uow, admin, jane, "walk-in")
    assert bookings_by_code(uow, admin, jane) == {record.code: 2}
    assert resolve_code(uow, admin, record.link).csp_id == jane
