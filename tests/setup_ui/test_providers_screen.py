"""Providers screen: CSP profiles with four tabs, navigation to a tab, a CSP's own Set Up."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.providers import HoursRange, Mode
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.providers import get_csp_profile, get_hcp, own_csp_profile
from hydreight_desktop.services.staff import NewStaffForm, create_staff
from hydreight_desktop.ui.sections.providers import NewCspDialog, ProvidersSection
from tests.setup_ui.support import settle

NINE, NOON, ONE_PM, FIVE_PM = 9 * 60, 12 * 60, 13 * 60, 17 * 60


@pytest.fixture
def store(demo_store):
    """These tests work on the demo clinic."""
    return demo_store


def _section(qtbot, ctx) -> ProvidersSection:
    section = ProvidersSection(ctx)
    qtbot.addWidget(section)
    settle(ctx)
    return section


def test_navigate_to_opens_the_csp_on_the_requested_tab(qtbot, demo, sign_in_as, make_ctx):
    ctx = make_ctx(sign_in_as(Role.ADMIN))
    section = _section(qtbot, ctx)
    assert section.csps.panel.visible_rows() == len(demo.csp_ids)
    for tab in ("hours", "vacations", "settings", "details"):
        section.navigate_to(csp_id=demo.csp_ids[1], tab=tab)
        settle(ctx)
        assert section.stack.currentWidget() is section.profile
        assert section.profile.record.id == demo.csp_ids[1]
        assert section.profile.current_tab() == tab


def test_the_csp_hours_tab_saves_two_ranges_a_day(qtbot, uow, demo, sign_in_as, make_ctx):
    admin = sign_in_as(Role.ADMIN)
    ctx = make_ctx(admin)
    section = _section(qtbot, ctx)
    csp_id = demo.csp_ids[0]
    section.navigate_to(csp_id=csp_id, tab="hours")
    settle(ctx)
    facility = section.profile.hours.modes[Mode.FACILITY]
    week = [(day, NINE, NOON) for day in range(5)] + [(day, ONE_PM, FIVE_PM) for day in range(5)]
    facility.editor.set_value(week)
    facility.editor.on_change()
    assert facility.save_button.isEnabled()
    facility.save()
    settle(ctx)

    saved = get_csp_profile(uow, admin, csp_id).hours_for(Mode.FACILITY)
    assert saved == tuple(sorted(HoursRange(*r) for r in week))
    assert facility.status.text() == "Facility hours saved."
    assert not facility.save_button.isEnabled()  # nothing left to save


def test_overlapping_hours_cannot_be_saved_and_say_why(qtbot, uow, demo, sign_in_as, make_ctx):
    admin = sign_in_as(Role.ADMIN)
    ctx = make_ctx(admin)
    section = _section(qtbot, ctx)
    section.navigate_to(csp_id=demo.csp_ids[0], tab="hours")
    settle(ctx)
    before = get_csp_profile(uow, admin, demo.csp_ids[0]).hours_for(Mode.CALLOUT)
    callout = section.profile.hours.modes[Mode.CALLOUT]
    callout.editor.set_value([(2, NINE, ONE_PM), (2, NOON, FIVE_PM)])
    callout.editor.on_change()
    assert not callout.save_button.isEnabled()
    assert "overlap" in callout.editor.days[2].hint.text()
    callout.save()
    settle(ctx)
    assert get_csp_profile(uow, admin, demo.csp_ids[0]).hours_for(Mode.CALLOUT) == before


def test_saving_one_mode_keeps_unsaved_edits_of_the_other(qtbot, demo, sign_in_as, make_ctx):
    ctx = make_ctx(sign_in_as(Role.ADMIN))
    section = _section(qtbot, ctx)
    section.navigate_to(csp_id=demo.csp_ids[0], tab="hours")
    settle(ctx)
    callout = section.profile.hours.modes[Mode.CALLOUT]
    facility = section.profile.hours.modes[Mode.FACILITY]
    facility.editor.set_value([(6, NINE, NOON)])
    facility.editor.on_change()
    callout.editor.set_value([(0, NINE, NOON)])
    callout.editor.on_change()
    callout.save()
    settle(ctx)
    assert facility.editor.value() == [(6, NINE, NOON)]
    assert facility.is_dirty()


def test_a_csp_sees_only_their_own_profile_with_only_hours_and_vacations_editable(
    qtbot, uow, demo, sign_in_as, make_ctx
):
    csp = sign_in_as(Role.CSP)
    ctx = make_ctx(csp)
    section = _section(qtbot, ctx)
    own = own_csp_profile(uow, csp)
    assert section.stack.currentWidget() is section.profile
    assert section.profile.record.id == own.id
    assert not section.profile.back.isVisible()
    profile = section.profile
    assert profile.details.name.isReadOnly() and profile.details.save_button.isHidden()
    assert profile.settings.commission.isReadOnly() and profile.settings.save_button.isHidden()
    assert all(not h.save_button.isHidden() for h in profile.hours.modes.values())
    assert not profile.vacations.read_only

    section.navigate_to(csp_id=demo.csp_ids[-1], tab="vacations")  # someone else's: ignored
    settle(ctx)
    assert section.profile.record.id == own.id
    assert section.profile.current_tab() == "vacations"


def test_a_csp_adds_a_vacation_from_their_own_profile(qtbot, uow, demo, sign_in_as, make_ctx):
    csp = sign_in_as(Role.CSP)
    ctx = make_ctx(csp)
    section = _section(qtbot, ctx)
    before = len(own_csp_profile(uow, csp).vacations)
    dialog = section.profile.vacations.add()
    dialog.reason.setText("Training day")
    dialog.submit()
    settle(ctx)
    vacations = own_csp_profile(uow, csp).vacations
    assert len(vacations) == before + 1
    added = next(v for v in vacations if v.reason == "Training day")
    assert added.starts_at > utcnow() and added.ends_at - added.starts_at == timedelta(hours=8)
    assert section.profile.vacations.model.row_of(added.id) >= 0  # the table shows it


def test_a_vacation_ending_before_it_starts_is_refused_in_the_dialog(
    qtbot, demo, sign_in_as, make_ctx
):
    ctx = make_ctx(sign_in_as(Role.ADMIN))
    section = _section(qtbot, ctx)
    section.navigate_to(csp_id=demo.csp_ids[0], tab="vacations")
    settle(ctx)
    dialog = section.profile.vacations.add()
    dialog.ends.setDateTime(dialog.starts.dateTime().addSecs(-3600))
    assert not dialog.save_button.isEnabled()
    assert dialog.form.problems()["ends_at"] == "The end must be after the start."


def test_front_desk_reads_profiles_but_cannot_change_them(qtbot, demo, sign_in_as, make_ctx):
    ctx = make_ctx(sign_in_as(Role.FRONT_DESK))
    section = _section(qtbot, ctx)
    assert section.csps.panel.new_button is None
    section.navigate_to(csp_id=demo.csp_ids[0], tab="hours")
    settle(ctx)
    assert not any(not h.save_button.isHidden() for h in section.profile.hours.modes.values())
    assert section.profile.vacations.read_only
    dialog = section.open_hcp(section.hcps.model.record(0))
    assert not dialog.save_button.isVisible()


def test_a_new_csp_opens_on_the_hours_tab(qtbot, uow, demo, sign_in_as, make_ctx):
    ctx = make_ctx(sign_in_as(Role.ADMIN))
    section = _section(qtbot, ctx)
    dialog = section.new_csp()
    dialog.name.setText("Nora Quinn")
    dialog.email.email.setText("nora.quinn@example.com")
    dialog.email.again.setText("Nora.Quinn@example.com")
    dialog.password.password.setText("welcome-2026")
    dialog.password.again.setText("welcome-2026")
    assert dialog.form.is_valid, dialog.form.problems()
    dialog.submit()
    settle(ctx)
    assert section.profile.record.full_name == "Nora Quinn"
    assert section.profile.current_tab() == "hours"
    assert section.csps.panel.visible_rows() == len(demo.csp_ids) + 1


def test_the_profile_says_what_stops_a_csp_from_being_booked(
    qtbot, uow, demo, sign_in_as, make_ctx
):
    admin = sign_in_as(Role.ADMIN)
    ctx = make_ctx(admin)
    section = _section(qtbot, ctx)
    section.new_csp()  # a brand-new CSP: not live, no hours
    dialog = section.findChild(NewCspDialog)
    dialog.name.setText("Owen Park")
    dialog.email.email.setText("owen.park@example.com")
    dialog.email.again.setText("owen.park@example.com")
    dialog.password.password.setText("welcome-2026")
    dialog.password.again.setText("welcome-2026")
    dialog.submit()
    settle(ctx)
    note = section.profile.readiness.text.text()
    assert "not live (Details tab)" in note
    assert "no Callout hours" in note and "no Facility hours" in note


def test_coming_back_to_providers_shows_a_csp_added_on_the_staff_screen(
    qtbot, uow, demo, sign_in_as, make_ctx
):
    admin = sign_in_as(Role.ADMIN)
    ctx = make_ctx(admin)
    section = _section(qtbot, ctx)
    section.show()
    settle(ctx)
    section.hide()
    create_staff(
        uow, admin, NewStaffForm("lee.ward@example.com", "Lee Ward", None, Role.CSP, "welcome-2026")
    )
    section.show()
    settle(ctx)
    assert section.csps.panel.visible_rows() == len(demo.csp_ids) + 1


def test_an_hcps_licensed_states_are_checked_as_typed_and_saved(
    qtbot, uow, demo, sign_in_as, make_ctx
):
    admin = sign_in_as(Role.ADMIN)
    ctx = make_ctx(admin)
    section = _section(qtbot, ctx)
    dialog = section.open_hcp(section.hcps.model.record(0))
    dialog.fields.states.setText("FL, XX")
    assert "XX is not a US state code" in dialog.form.problems()["licensed_states"]
    assert not dialog.save_button.isEnabled()
    dialog.fields.states.setText("fl, ga")
    dialog.submit()
    settle(ctx)
    assert get_hcp(uow, admin, demo.hcp_id).licensed_states == ("FL", "GA")
    assert section.hcps.model.index(0, 3).data() == "FL, GA"
