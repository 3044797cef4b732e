"""The visit summary PDF on its own: every section drawn, names in any alphabet, several pages."""

from datetime import UTC, date, datetime, timedelta

import pypdfium2 as pdfium

from hydreight_desktop.documents.visit_summary import (
    ClientVisit,
    MseSummary,
    VialLine,
    VisitSummary,
    build_visit_summary,
)

T = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)


def _text(data: bytes) -> tuple[int, str]:
    pdf = pdfium.PdfDocument(data)
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    return len(pdf), " ".join(text.split())


def _visit(name: str, **kw) -> ClientVisit:
    mse = MseSummary("referred", "Referred to HCP (waiting for decision)", T, "Ana Ruiz, RN",
                     "BP 168/96 mmHg · HR 88 bpm", ["Blood pressure 168/96 is high"], name, T,
                     T + timedelta(days=365), outcome_reason="BP high",
                     hcp_decision="Waiting for an HCP decision")
    return ClientVisit(name, date(1990, 1, 2), "Not treated", "Waiting for an HCP decision", mse,
                       services=("Energy IV",), **kw)


def _summary(clients, finished=True) -> VisitSummary:
    return VisitSummary("Glow Mobile IV", "(305) 555-0100", "1 Ocean Dr", "America/New_York", "en_US",
                        "Ana Ruiz, RN", T, "Callout", "44 Palm Ave", "Finished", T, "Ana Ruiz, RN",
                        T + timedelta(hours=1) if finished else None, "Ana Ruiz, RN" if finished else "",
                        tuple(clients), T)


def test_a_client_with_a_vietnamese_name_prints_with_the_right_letters():
    pages, text = _text(build_visit_summary(_summary([_visit("Nguyễn Thị Lan")])))
    assert "Nguyễn Thị Lan" in text
    assert "Not performed Energy IV" in text and "Waiting for an HCP decision" in text


def test_a_large_family_booking_flows_onto_more_pages_with_every_vial_listed():
    vials = tuple(VialLine("Normal saline 0.9%", f"LOT-{i}", date(2027, 1, 1), "1000 mL",
                           "Intravenous (IV)", "Left antecubital") for i in range(3))
    treated = [ClientVisit(f"Client {i}", None, "Treated", mse=None, services=("Energy IV",),
                           vials=vials, notes="Fine", performed_by="Ana Ruiz, RN", performed_at=T)
               for i in range(12)]
    pages, text = _text(build_visit_summary(_summary(treated)))
    assert pages >= 2
    assert all(f"Client {i}" in text for i in range(12))
    assert text.count("LOT-2") == 12


def test_an_unfinished_session_is_marked_not_stamped():
    _pages, text = _text(build_visit_summary(_summary([_visit("Maria Lopez")], finished=False)))
    assert "Session not finished yet: not stamped" in text
