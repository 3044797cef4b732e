"""The clinical screens end to end: start a session, complete an MSE, treat, finish; the HCP queue;
the records timeline and an amendment, all through the widgets and the task runner."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from hydreight_desktop.domain.clinical.outcome import MseOutcome
from hydreight_desktop.domain.clinical.vitals import TemperatureUnit, VitalField, Vitals
from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.services import mse as mse_service
from hydreight_desktop.services import psf as psf_service
from hydreight_desktop.services import sessions as session_service
from hydreight_desktop.services.business import get_business
from hydreight_desktop.store.models import CspProfile
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.sections.approvals import ApprovalsSection
from hydreight_desktop.ui.sections.records import RecordsSection
from hydreight_desktop.ui.sections.sessions import SessionsSection
from hydreight_desktop.ui.widgets.csv_export import write_csv
from tests.clinical_support import book, build_clinic, mse_form


@pytest.fixture
def clinic(uow, admin):
    return build_clinic(uow, admin)


def _ctx(uow, runner, actor, admin):
    return AppContext(uow, runner, actor, get_business(uow, admin))


def _settle(runner, qtbot):
    assert runner.wait_idle()
    qtbot.wait(1)


def _fill_mse(form, name="Maria Lopez", systolic="122"):
    form.history.setPlainText("Mild asthma")
    form.medications.setPlainText("Albuterol inhaler as needed")
    form.allergies.setPlainText("No known allergies")
    for row in form.rows:
        row.no.setChecked(True)
    values = {VitalField.SYSTOLIC: systolic, VitalField.DIASTOLIC: "78", VitalField.HEART_RATE: "72",
              VitalField.TEMPERATURE: "98.4", VitalField.SPO2: "98"}
    for field, text in values.items():
        form.vitals[field].edit.setText(text)
    form.consent_name.setText(name)


def test_a_csp_starts_a_session_completes_an_mse_treats_and_finishes_through_the_screens(
    qtbot, uow, runner, clinic, admin, messages
):
    booking = book(uow, clinic, {clinic.maria: [clinic.iv], clinic.tom: [clinic.iv]})
    section = SessionsSection(_ctx(uow, runner, clinic.csp, admin))
    qtbot.addWidget(section)
    _settle(runner, qtbot)
    day = section.day_list
    assert day.table.rowCount() == 1 and day.start.text() == "Start session"

    qtbot.mouseClick(day.start, Qt.MouseButton.LeftButton)
    _settle(runner, qtbot)
    page = section.session_page
    assert section.currentWidget() is page
    assert page.clients.count() == 2
    assert not page.panel.treat_button.isEnabled()  # MSE first

    qtbot.mouseClick(page.panel.mse_button, Qt.MouseButton.LeftButton)
    form = page.mse_form
    assert page.right.currentWidget() is form
    _fill_mse(form)
    assert form.consent_stamp.text().startswith("✓ Signed")
    qtbot.mouseClick(form.outcome_buttons[MseOutcome.CLEARED], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    _settle(runner, qtbot)
    assert page.right.currentWidget() is page.panel
    assert page.view.clients[0].mse_state == "cleared"
    assert page.panel.treat_button.isEnabled()

    qtbot.mouseClick(page.panel.treat_button, Qt.MouseButton.LeftButton)
    tf = page.treatment_form
    tf.medication.setText("Normal saline 0.9%")
    tf.lot.setText("24A117-B")
    expiry = (utcnow() + timedelta(days=300)).date()
    tf.expiry.setDate(QDate(expiry.year, expiry.month, expiry.day))
    tf.amount.setText("1000")
    tf.unit.setCurrentText("mL")
    tf.site.setEditText("Left antecubital")
    qtbot.mouseClick(tf.add_vial, Qt.MouseButton.LeftButton)
    assert tf.table.rowCount() == 1, tf.vial_error.text()
    qtbot.mouseClick(tf.save, Qt.MouseButton.LeftButton)
    _settle(runner, qtbot)
    assert page.view.clients[0].state == "treated"

    # finishing with Tom untreated is refused with the service's sentence
    qtbot.mouseClick(page.finish, Qt.MouseButton.LeftButton)
    _settle(runner, qtbot)
    assert any("Tom Lopez has not been treated yet" in text for _t, text in messages)

    page.clients.setCurrentRow(1)
    page.panel.reason.setEditText("Client declined")
    qtbot.mouseClick(page.panel.not_treated, Qt.MouseButton.LeftButton)
    _settle(runner, qtbot)
    assert page.view.clients[1].state == "not_treated"

    qtbot.mouseClick(page.finish, Qt.MouseButton.LeftButton)
    _settle(runner, qtbot)
    assert page.view.is_finished and not page.finish.isVisible()
    assert "Finished" in page.banner.text()
    rows = session_service.day_bookings(uow, clinic.csp)
    assert rows[0].booking_id == booking and rows[0].status == "completed"


def test_the_mse_form_checks_vitals_as_they_are_typed_and_limits_the_outcome(
    qtbot, uow, runner, clinic, admin
):
    booking = book(uow, clinic, {clinic.maria: [clinic.iv]})
    section = SessionsSection(_ctx(uow, runner, clinic.csp, admin))
    qtbot.addWidget(section)
    section.open_session(session_service.start_session(uow, clinic.csp, booking))
    section.session_page.open_mse(section.session_page.view.clients[0])
    form = section.session_page.mse_form
    form.vitals[VitalField.HEART_RATE].edit.setText("1200")
    assert "not a plausible reading" in form.vitals[VitalField.HEART_RATE].hint.text()
    _fill_mse(form, systolic="186")
    assert "crisis range" in form.vitals[VitalField.SYSTOLIC].hint.text()
    assert not form.outcome_buttons[MseOutcome.CLEARED].isEnabled()
    assert not form.outcome_buttons[MseOutcome.REFERRED].isEnabled()
    assert form.outcome_buttons[MseOutcome.NOT_CLEARED].isEnabled()
    form.consent_name.setText("Someone Else")
    assert "match" in form.consent_stamp.text()


def test_an_mse_refused_by_the_service_shows_its_message_on_the_form_and_saves_nothing(
    qtbot, uow, runner, clinic, admin
):
    booking = book(uow, clinic, {clinic.maria: [clinic.iv]})
    section = SessionsSection(_ctx(uow, runner, clinic.csp, admin))
    qtbot.addWidget(section)
    section.open_session(session_service.start_session(uow, clinic.csp, booking))
    page = section.session_page
    page.open_mse(page.view.clients[0])
    _fill_mse(page.mse_form)
    page.mse_form.allergies.clear()
    page.mse_form.outcome_buttons[MseOutcome.CLEARED].click()
    page.mse_form.save.click()
    _settle(runner, qtbot)
    assert "No known allergies" in page.mse_form.error.text()
    assert session_service.get_session(uow, clinic.csp, page.view.id).clients[0].latest_mse is None


def test_the_hcp_approves_a_psf_request_and_clears_a_referral_from_the_queue(
    qtbot, uow, runner, clinic, admin
):
    psf_service.request_approval(uow, clinic.csp, clinic.maria, clinic.glp1, "Starting program")
    view = session_service.start_session(uow, clinic.csp, book(uow, clinic, {clinic.tom: [clinic.iv]}))
    mse_service.record_mse(uow, clinic.csp, view.clients[0].id, mse_form(
        "Tom", "Lopez", vitals=Vitals(166, 96, 80, 98.6, TemperatureUnit.F, 97),
        outcome=MseOutcome.REFERRED))
    section = ApprovalsSection(_ctx(uow, runner, clinic.hcp, admin))
    qtbot.addWidget(section)
    _settle(runner, qtbot)
    assert section.tabs.tabText(0) == "PSF approvals (1)"
    assert section.tabs.tabText(1) == "MSE referrals (1)"
    section.psf.protocol.setText("Semaglutide 0.25 mg SC weekly")
    section.psf.approve.click()
    _settle(runner, qtbot)
    assert section.tabs.tabText(0) == "PSF approvals (0)"
    assert "166/96" in section.referrals.info.text()
    section.referrals.not_clear_button.click()
    _settle(runner, qtbot)
    assert "reason" in section.referrals.error.text()
    section.referrals.reason.setPlainText("Known hypertension, on meds; recheck fine")
    section.referrals.clear_button.click()
    _settle(runner, qtbot)
    assert section.tabs.tabText(1) == "MSE referrals (0)"
    with uow.read() as s:
        assert psf_service.has_valid_psf_approval(s, admin.business_id, clinic.maria, clinic.glp1, utcnow())


def test_an_admin_sees_the_queue_but_cannot_decide(qtbot, uow, runner, clinic, admin):
    psf_service.request_approval(uow, clinic.csp, clinic.maria, clinic.glp1)
    section = ApprovalsSection(_ctx(uow, runner, admin, admin))
    qtbot.addWidget(section)
    _settle(runner, qtbot)
    assert section.psf.table.rowCount() == 1
    assert not section.psf.approve.isEnabled() and not section.psf.hint.isHidden()


def test_the_day_list_gives_clinic_time_beside_a_provider_in_another_zone(qtbot, uow, runner,
                                                                           clinic, admin):
    with uow.write(admin, "test.zone") as s:
        s.get(CspProfile, clinic.other_csp_id).default_time_zone = "America/Los_Angeles"
    book(uow, clinic, {clinic.maria: [clinic.b12]}, csp_id=clinic.other_csp_id)
    book(uow, clinic, {clinic.tom: [clinic.b12]})
    section = SessionsSection(_ctx(uow, runner, admin, admin))
    qtbot.addWidget(section)
    _settle(runner, qtbot)
    table = section.day_list.table
    times = {table.item(i, 4).text(): table.item(i, 0).text() for i in range(table.rowCount())}
    away, home = times["Ben Cole, EMT-P"], times["Ana Ruiz, RN"]
    assert away.split("\n")[0].endswith(("PST", "PDT"))
    assert away.split("\n")[1].endswith(("EST clinic", "EDT clinic"))
    assert "\n" not in home and home.endswith(("EST", "EDT"))


def test_an_empty_queue_tells_the_hcp_nothing_is_waiting(qtbot, uow, runner, clinic, admin):
    section = ApprovalsSection(_ctx(uow, runner, clinic.hcp, admin))
    qtbot.addWidget(section)
    _settle(runner, qtbot)
    for tab, words in ((section.psf, "No approval requests"), (section.referrals, "No MSE referrals")):
        assert tab.table.rowCount() == 0
        assert tab.detail_area.isHidden() and not tab.empty.isHidden()
        assert tab.empty.text().startswith(words)


def test_the_clinical_screens_fit_a_laptop_window(qtbot, uow, runner, clinic, admin):
    """1024x700 less the sidebar, title bar and status bar leaves about 800x620 for a screen."""
    view = session_service.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]}))
    psf_service.request_approval(uow, clinic.csp, clinic.maria, clinic.glp1)
    sessions = SessionsSection(_ctx(uow, runner, clinic.csp, admin))
    approvals = ApprovalsSection(_ctx(uow, runner, clinic.hcp, admin))
    for widget in (sessions, approvals):
        qtbot.addWidget(widget)
    _settle(runner, qtbot)
    sessions.open_session(view)
    sessions.session_page.open_mse(view.clients[0])
    for widget in (sessions, approvals):
        hint = widget.minimumSizeHint()
        assert hint.width() <= 820 and hint.height() <= 620, (type(widget).__name__, hint)


def test_a_client_opened_from_another_screen_is_highlighted_in_the_records_list(
    qtbot, uow, runner, clinic, admin
):
    section = RecordsSection(_ctx(uow, runner, clinic.hcp, admin))
    qtbot.addWidget(section)
    _settle(runner, qtbot)
    section.navigate_to(client_id=clinic.tom)  # e.g. "Client's clinical records" in Approvals
    _settle(runner, qtbot)
    row = section.results.currentRow()
    assert section.hits[row].id == clinic.tom
    assert section.results.currentItem().isSelected()


def test_records_show_the_timeline_and_an_amendment_is_added_to_the_selected_record(
    qtbot, uow, runner, clinic, admin, tmp_path
):
    view = session_service.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]}))
    mse_service.record_mse(uow, clinic.csp, view.clients[0].id, mse_form())
    section = RecordsSection(_ctx(uow, runner, clinic.csp, admin))
    qtbot.addWidget(section)
    _settle(runner, qtbot)
    section.navigate_to(client_id=clinic.maria)
    _settle(runner, qtbot)
    titles = [section.tree.topLevelItem(i).text(1) for i in range(section.tree.topLevelItemCount())]
    assert "MSE: Cleared" in titles
    section.tree.setCurrentItem(section.tree.topLevelItem(titles.index("MSE: Cleared")))
    section.correction.setPlainText("Weight was 152 lb, not 150 lb")
    section.amend.click()
    _settle(runner, qtbot)
    assert "reason" in section.amend_error.text()
    section.reason.setText("Scale re-zeroed")
    section.amend.click()
    _settle(runner, qtbot)
    mse_item = next(section.tree.topLevelItem(i) for i in range(section.tree.topLevelItemCount())
                    if section.tree.topLevelItem(i).text(1) == "MSE: Cleared")
    assert mse_item.childCount() == 1 and "152 lb" in mse_item.child(0).text(2)
    assert section.print_button.isEnabled() and section.session_pick.count() == 1
    path = write_csv(tmp_path / "timeline.csv", ["When", "Record", "Details", "By"],
                     section.timeline_rows())
    text = path.read_text("utf-8-sig")
    assert "Amendment: MSE: Cleared" in text and "Scale re-zeroed" in text


def test_the_visit_summary_prints_through_qt_page_by_page(qtbot, uow, clinic, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from hydreight_desktop.documents.visit_summary import build_visit_summary
    from hydreight_desktop.services.clinical_records import visit_summary
    from hydreight_desktop.ui.widgets.pdf_output import paint_pdf

    view = session_service.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]}))
    data = build_visit_summary(visit_summary(uow, clinic.csp, view.id))
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pdf(printer, data) == 1
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_a_psf_service_without_approval_cannot_be_ticked_and_approval_is_requested_from_the_form(
    qtbot, uow, runner, clinic, admin
):
    from PySide6.QtWidgets import QPushButton

    from hydreight_desktop.domain.clinical.contraindications import ServiceKind

    booking = book(uow, clinic, {clinic.maria: [clinic.glp1]})
    view = session_service.start_session(uow, clinic.csp, booking)
    mse_service.record_mse(uow, clinic.csp, view.clients[0].id, mse_form(kinds={ServiceKind.GLP1}))
    section = SessionsSection(_ctx(uow, runner, clinic.csp, admin))
    qtbot.addWidget(section)
    _settle(runner, qtbot)
    section.open_session(session_service.get_session(uow, clinic.csp, view.id))
    page = section.session_page
    page.open_treatment(page.view.clients[0])
    check = page.treatment_form.service_checks[clinic.glp1]
    assert not check.isEnabled() and not check.isChecked()
    ask = next(b for b in page.treatment_form.findChildren(QPushButton) if b.text() == "Request approval")
    ask.click()
    _settle(runner, qtbot)
    (pending,) = psf_service.pending_approvals(uow, clinic.hcp)
    assert pending.service_name == "Semaglutide GLP-1" and pending.client_name == "Maria Lopez"
    assert page.view.clients[0].services[0].psf_status.value == "pending"


def test_save_pdf_writes_the_visit_summary_where_the_user_chose(
    qtbot, uow, runner, clinic, admin, tmp_path, monkeypatch
):
    from hydreight_desktop.ui.sections import records as records_screen

    view = session_service.start_session(uow, clinic.csp, book(uow, clinic, {clinic.maria: [clinic.iv]}))
    section = RecordsSection(_ctx(uow, runner, clinic.csp, admin))
    qtbot.addWidget(section)
    _settle(runner, qtbot)
    section.navigate_to(client_id=clinic.maria)
    _settle(runner, qtbot)
    target = tmp_path / "visit.pdf"
    monkeypatch.setattr(records_screen, "choose_pdf_path", lambda parent, name: target)
    section.save_button.click()
    _settle(runner, qtbot)
    _settle(runner, qtbot)
    assert view.id and target.read_bytes().startswith(b"%PDF")
