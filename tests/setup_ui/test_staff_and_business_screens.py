"""Staff and Business screens: accounts and roles; the business's own settings."""

from __future__ import annotations

from hydreight_desktop.domain.contact import EMAIL_IMMUTABLE_REASON
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.auth import sign_in
from hydreight_desktop.services.business import get_business
from hydreight_desktop.services.staff import NewStaffForm, create_staff, list_staff
from hydreight_desktop.ui.sections.business import BusinessSection
from hydreight_desktop.ui.sections.staff import StaffSection
from tests.setup_ui.support import settle


def _staff(qtbot, ctx) -> StaffSection:
    section = StaffSection(ctx)
    qtbot.addWidget(section)
    settle(ctx)
    return section


def test_a_new_staff_account_needs_the_email_typed_twice(qtbot, uow, admin, make_ctx):
    ctx = make_ctx(admin)
    section = _staff(qtbot, ctx)
    dialog = section.new_account()
    dialog.name.setText("Fiona Front")
    dialog.email.email.setText("fiona@glowclinic.com")
    dialog.email.again.setText("fiona@glowclinc.com")
    dialog.password.password.setText("desk-password-1")
    dialog.password.again.setText("desk-password-1")
    assert not dialog.save_button.isEnabled()
    dialog.submit()  # Ctrl+S on an invalid form explains instead of saving
    assert "not the same" in dialog.banner.text.text()
    dialog.email.again.setText("FIONA@glowclinic.com")
    dialog.submit()
    settle(ctx)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "fiona@glowclinic.com" in {s.email for s in list_staff(uow, admin)}
    assert section.list.current().full_name == "Fiona Front"


def test_a_duplicate_staff_email_is_refused_under_the_email_field(qtbot, admin, make_ctx):
    ctx = make_ctx(admin)
    dialog = _staff(qtbot, ctx).new_account()
    dialog.name.setText("Olivia Again")
    for edit in (dialog.email.email, dialog.email.again):
        edit.setText("OWNER@glowclinic.com")
    dialog.password.password.setText("another-pass-1")
    dialog.password.again.setText("another-pass-1")
    dialog.submit()
    settle(ctx)
    assert dialog.isVisible()
    assert "already exists" in dialog.form.problems()["email"]


def test_the_edit_form_shows_the_email_read_only_with_the_reason(qtbot, admin, make_ctx):
    ctx = make_ctx(admin)
    section = _staff(qtbot, ctx)
    dialog = section.edit(section.list.model.record(0))
    email = dialog.form.widget("email")
    assert email.isReadOnly()
    assert email.toolTip() == EMAIL_IMMUTABLE_REASON


def test_a_password_reset_lets_the_person_sign_in_with_the_new_one(
    qtbot, uow, business, admin, make_ctx
):
    ctx = make_ctx(admin)
    section = _staff(qtbot, ctx)
    section.panel.select_source_row(0)
    dialog = section.reset_selected()
    dialog.password.password.setText("brand-new-secret")
    dialog.password.again.setText("brand-new-secret")
    dialog.submit()
    settle(ctx)
    assert sign_in(uow, business.id, admin.email, "brand-new-secret").user_id == admin.user_id


def test_the_only_admin_cannot_be_deactivated_and_the_message_says_why(
    qtbot, uow, admin, make_ctx, messages
):
    ctx = make_ctx(admin)
    section = _staff(qtbot, ctx)
    section.panel.select_source_row(0)
    section.toggle_selected()
    settle(ctx)
    assert any("only active Business Admin" in text for _title, text in messages)
    assert all(s.active for s in list_staff(uow, admin))


def test_business_settings_save_and_update_the_screens_currency(qtbot, uow, admin, make_ctx):
    ctx = make_ctx(admin)
    section = BusinessSection(ctx)
    qtbot.addWidget(section)
    settle(ctx)
    assert not section.save_button.isEnabled()  # nothing changed yet
    section.name.setText("Glow Mobile IV Miami")
    section.currency.setCurrentIndex(section.currency.findData("CAD"))
    section.travel.setValue(45)
    assert section.save_button.isEnabled()
    section.save()
    settle(ctx)
    saved = get_business(uow, admin).settings
    assert (saved.name, saved.currency, saved.travel_buffer_minutes) == (
        "Glow Mobile IV Miami",
        "CAD",
        45,
    )
    assert ctx.business.currency == "CAD"


def test_a_bad_booking_link_shows_the_rule_and_blocks_saving(qtbot, admin, make_ctx):
    ctx = make_ctx(admin)
    section = BusinessSection(ctx)
    qtbot.addWidget(section)
    settle(ctx)
    section.booking_link.setText("booking.example.com")
    assert not section.save_button.isEnabled()
    assert "must start with https://" in section.form.problems()["booking_link_base"]


def test_business_settings_are_read_only_for_the_front_desk(qtbot, uow, business, admin, make_ctx):
    create_staff(
        uow,
        admin,
        NewStaffForm("desk@glowclinic.com", "Dana Desk", None, Role.FRONT_DESK, "desk-pass-123"),
    )
    desk = sign_in(uow, business.id, "desk@glowclinic.com", "desk-pass-123")
    ctx = make_ctx(desk)
    section = BusinessSection(ctx)
    qtbot.addWidget(section)
    settle(ctx)
    assert section.name.text() == business.name
    assert section.name.isReadOnly()
    assert section.save_button.isHidden()
    assert "Only a Business Admin" in section.note.text.text()
