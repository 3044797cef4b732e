"""The visit summary: one printable page (or a few) per session, for the chart and the client.

Built from plain records (the service layer gathers them), drawn as vectors by reportlab.
Every clinical fact carries who recorded it and when: the electronic stamps are the
signatures; a signature line is left for clinics that also sign on paper.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from hydreight_desktop.documents.fonts import BOLD, REGULAR, font_for
from hydreight_desktop.domain.clock import zone
from hydreight_desktop.ui.format import Formatter

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
RULE = colors.HexColor("#cbd2d9")
BAND = colors.HexColor("#f0f4f8")
ACCENT = colors.HexColor("#0b7285")
OUTCOME_COLOURS = {
    "cleared": colors.HexColor("#2b8a3e"),
    "not_cleared": colors.HexColor("#c92a2a"),
    "referred": colors.HexColor("#e67700"),
}


@dataclass(frozen=True, slots=True)
class VialLine:
    medication: str
    lot_number: str
    expiry_date: date
    amount: str  # "1000 mL"
    route: str  # "Intravenous (IV)"
    site: str


@dataclass(frozen=True, slots=True)
class MseSummary:
    outcome: str  # MseOutcome value
    outcome_label: str
    examined_at: datetime
    examiner_name: str
    vitals: str
    findings: Sequence[str]
    consent_name: str
    consent_at: datetime
    valid_until: datetime
    outcome_reason: str = ""
    hcp_decision: str = ""  # "Cleared by Dr Kim Lee, MD on …: reason"
    from_earlier_visit: bool = False


@dataclass(frozen=True, slots=True)
class ClientVisit:
    name: str
    date_of_birth: date | None
    state_label: str  # "Treated" / "Not treated"
    not_treated_reason: str = ""
    mse: MseSummary | None = None
    services: Sequence[str] = ()
    vials: Sequence[VialLine] = ()
    notes: str = ""
    adverse_events: str = ""
    performed_by: str = ""
    performed_at: datetime | None = None
    amendments: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class VisitSummary:
    business_name: str
    business_phone: str
    business_address: str
    time_zone: str
    locale: str
    csp_name: str
    booking_start: datetime
    mode_label: str
    address: str
    status_label: str
    started_at: datetime
    started_by: str
    finished_at: datetime | None
    finished_by: str
    clients: Sequence[ClientVisit] = field(default_factory=tuple)
    printed_at: datetime | None = None


def _styles(regular: str = REGULAR, bold: str = BOLD) -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName=regular, fontSize=9.5,
                          leading=12.5, textColor=INK)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=18,
                                leading=22, textColor=INK),
        "business": ParagraphStyle("business", parent=body, fontName=bold,
                                   fontSize=11, alignment=TA_RIGHT, textColor=ACCENT),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT, textColor=MUTED,
                                fontSize=8.5),
        "h2": ParagraphStyle("h2", parent=body, fontName=bold, fontSize=12.5,
                             leading=16, spaceBefore=10, spaceAfter=2, textColor=INK),
        "h3": ParagraphStyle("h3", parent=body, fontName=bold, fontSize=9.5,
                             leading=12, spaceBefore=6, spaceAfter=2, textColor=ACCENT),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
        "label": ParagraphStyle("label", parent=body, fontSize=8, leading=10, textColor=MUTED),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text or "").replace("\n", "<br/>"), style)


def _kv_table(rows: list[tuple[str, str]], st, widths=(1.35 * inch, 5.65 * inch)) -> Table:
    table = Table([[_p(k, st["label"]), _p(v, st["cell"])] for k, v in rows], colWidths=widths)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def _mse_block(mse: MseSummary, fmt: Formatter, st) -> list:
    colour = OUTCOME_COLOURS.get(mse.outcome, INK)
    outcome = Paragraph(
        f'<font color="{colour.hexval().replace("0x", "#")}"><b>{escape(mse.outcome_label)}</b></font>'
        + (" &nbsp;(clearance from an earlier visit)" if mse.from_earlier_visit else ""),
        st["cell"],
    )
    rows: list[list] = [
        [_p("Outcome", st["label"]), outcome],
        [_p("Examined", st["label"]), _p(f"{fmt.datetime(mse.examined_at)} by {mse.examiner_name}", st["cell"])],
        [_p("Vitals", st["label"]), _p(mse.vitals, st["cell"])],
        [_p("Findings", st["label"]),
         _p("\n".join(f"• {f}" for f in mse.findings) if mse.findings else "None", st["cell"])],
    ]
    if mse.outcome_reason:
        rows.append([_p("Reason", st["label"]), _p(mse.outcome_reason, st["cell"])])
    if mse.hcp_decision:
        rows.append([_p("HCP decision", st["label"]), _p(mse.hcp_decision, st["cell"])])
    rows.append([_p("Consent", st["label"]),
                 _p(f"Typed name “{mse.consent_name}” at {fmt.datetime(mse.consent_at)}", st["cell"])])
    if mse.outcome == "cleared" or mse.hcp_decision.startswith("Cleared"):
        rows.append([_p("Valid until", st["label"]), _p(fmt.datetime(mse.valid_until), st["cell"])])
    table = Table(rows, colWidths=(1.35 * inch, 5.65 * inch))
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), BAND),
        ("LINEBEFORE", (0, 0), (0, -1), 3, colour),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [_p("Medical screening exam (MSE)", st["h3"]), table]


def _vials_table(vials: Sequence[VialLine], fmt: Formatter, st) -> Table:
    head = ["Medication", "Lot", "Expiry", "Amount", "Route", "Site"]
    data = [[_p(h, st["label"]) for h in head]]
    for v in vials:
        data.append([_p(v.medication, st["cell"]), _p(v.lot_number, st["cell"]),
                     _p(fmt.date(v.expiry_date), st["cell"]), _p(v.amount, st["cell"]),
                     _p(v.route, st["cell"]), _p(v.site or "—", st["cell"])])
    widths = [2.0, 0.95, 0.95, 0.8, 1.2, 1.1]
    table = Table(data, colWidths=[w * inch for w in widths], repeatRows=1)
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _client_block(visit: ClientVisit, index: int, fmt: Formatter, st) -> list:
    title = f"{index}. {visit.name}"
    if visit.date_of_birth:
        title += f"  ·  born {fmt.date(visit.date_of_birth)}"
    state = visit.state_label + (f": {visit.not_treated_reason}" if visit.not_treated_reason else "")
    flow: list = [_p(title, st["h2"]), _p(state, st["body"])]
    if visit.mse is not None:
        flow += _mse_block(visit.mse, fmt, st)
    if visit.performed_at is not None:
        flow.append(_p("Treatment", st["h3"]))
        flow.append(_kv_table([
            ("Services", ", ".join(visit.services)),
            ("Performed", f"{fmt.datetime(visit.performed_at)} by {visit.performed_by}"),
            ("Notes", visit.notes or "—"),
            ("Adverse events", visit.adverse_events or "None reported"),
        ], st))
    elif visit.services:
        flow.append(_kv_table([("Not performed", ", ".join(visit.services))], st))
    if visit.vials:
        flow += [_p("Vials", st["h3"]), _vials_table(visit.vials, fmt, st)]
    if visit.amendments:
        flow.append(_p("Amendments", st["h3"]))
        flow += [_p(f"• {a}", st["cell"]) for a in visit.amendments]
    return [KeepTogether(flow[:4]), *flow[4:]]


def build_visit_summary(summary: VisitSummary) -> bytes:
    """The PDF bytes of the visit summary."""
    fmt = Formatter(locale=summary.locale, time_zone=summary.time_zone)
    text = repr(summary)  # every string on the page: one font for the whole document
    regular, bold = font_for(REGULAR, text), font_for(BOLD, text)
    st = _styles(regular, bold)
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=LETTER, leftMargin=0.75 * inch, rightMargin=0.75 * inch,
        topMargin=0.7 * inch, bottomMargin=0.8 * inch,
        title=f"Visit summary – {fmt.date(summary.booking_start.astimezone(zone(summary.time_zone)).date())}",
        author=summary.business_name,
    )
    contact = " · ".join(x for x in (summary.business_phone, summary.business_address) if x)
    header = Table(
        [[_p("Visit summary", st["title"]),
          [_p(summary.business_name, st["business"]), _p(contact, st["right"])]]],
        colWidths=(3.3 * inch, 3.7 * inch),
    )
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("LINEBELOW", (0, 0), (-1, 0), 1.2, ACCENT),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    details = [
        ("Appointment", f"{fmt.datetime(summary.booking_start)} · {summary.mode_label}"),
        ("Provider (CSP)", summary.csp_name),
    ]
    if summary.address:
        details.append(("Address", summary.address))
    details.append(("Session", f"{summary.status_label} · started {fmt.datetime(summary.started_at)} "
                               f"by {summary.started_by}"))
    if summary.finished_at is not None:
        details.append(("Finished", f"{fmt.datetime(summary.finished_at)} by {summary.finished_by}"))
    story: list = [header, Spacer(1, 8), _kv_table(details, st)]
    for i, visit in enumerate(summary.clients, start=1):
        story += _client_block(visit, i, fmt, st)
    story += [Spacer(1, 18), _signatures(summary, fmt, st)]

    printed = fmt.datetime(summary.printed_at) if summary.printed_at else ""

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(0.75 * inch, 0.5 * inch,
                          f"{summary.business_name} · Confidential clinical record"
                          + (f" · printed {printed}" if printed else ""))
        canvas.drawRightString(LETTER[0] - 0.75 * inch, 0.5 * inch, f"Page {document.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _signatures(summary: VisitSummary, fmt: Formatter, st) -> Table:
    stamp = (f"Electronically stamped by {summary.finished_by} on {fmt.datetime(summary.finished_at)}"
             if summary.finished_at else "Session not finished yet: not stamped")
    table = Table(
        [[_p("", st["cell"]), _p("", st["cell"])],
         [_p(f"CSP signature — {summary.csp_name}", st["small"]), _p(stamp, st["small"])]],
        colWidths=(3.3 * inch, 3.7 * inch), rowHeights=[0.35 * inch, None],
    )
    table.setStyle(TableStyle([("LINEABOVE", (0, 1), (0, 1), 0.6, INK),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table
