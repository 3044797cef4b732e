"""The sidebar's sections. A capability adds one ``SectionSpec`` line here.

Factories are imported lazily so that opening the app does not import every screen.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from hydreight_desktop.domain.roles import Permission
from hydreight_desktop.ui.context import AppContext


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    icon: str  # a qtawesome name, e.g. "fa5s.users"
    permission: Permission
    factory_path: str  # "module:Class"; the class takes (ctx: AppContext)

    def create(self, ctx: AppContext) -> QWidget:
        module_name, _, class_name = self.factory_path.partition(":")
        return getattr(importlib.import_module(module_name), class_name)(ctx)


_UI = "hydreight_desktop.ui.sections"

# Sidebar order: what the front desk reaches for most comes first. Each role sees the
# sections it may use, and Ctrl+1..Ctrl+9 open them in this order.
SECTIONS: list[SectionSpec] = [
    SectionSpec("home", "Overview", "fa5s.home", Permission.VIEW_BUSINESS, f"{_UI}.home:HomeSection"),
    SectionSpec("schedule", "Schedule", "fa5s.calendar-alt", Permission.VIEW_SCHEDULE, f"{_UI}.schedule:ScheduleSection"),
    SectionSpec("today", "Today", "fa5s.clipboard-list", Permission.VIEW_SCHEDULE, f"{_UI}.today:TodaySection"),
    SectionSpec("clients", "Clients", "fa5s.address-book", Permission.VIEW_CLIENTS, f"{_UI}.clients:ClientsSection"),
    SectionSpec("sessions", "Sessions", "fa5s.stethoscope", Permission.CONDUCT_SESSIONS, f"{_UI}.sessions:SessionsSection"),
    SectionSpec("approvals", "Approvals", "fa5s.user-md", Permission.APPROVE_CLINICAL, f"{_UI}.approvals:ApprovalsSection"),
    SectionSpec("records", "Clinical records", "fa5s.notes-medical", Permission.VIEW_CLINICAL_RECORDS, f"{_UI}.records:RecordsSection"),
    SectionSpec("handouts", "Handouts & links", "fa5s.qrcode", Permission.PRINT_HANDOUTS, f"{_UI}.handouts:HandoutsSection"),
    SectionSpec("providers", "Providers", "fa5s.user-nurse", Permission.VIEW_PROVIDERS, f"{_UI}.providers:ProvidersSection"),
    SectionSpec("services", "Services", "fa5s.syringe", Permission.VIEW_SERVICES, f"{_UI}.catalog:ServicesSection"),
    SectionSpec("staff", "Staff", "fa5s.id-badge", Permission.MANAGE_STAFF, f"{_UI}.staff:StaffSection"),
    SectionSpec("business", "Business", "fa5s.building", Permission.VIEW_BUSINESS, f"{_UI}.business:BusinessSection"),
]  # fmt: skip


def sections_for(can: Callable[[Permission], bool]) -> list[SectionSpec]:
    """The sections the signed-in role may use, in sidebar order."""
    return [spec for spec in SECTIONS if can(spec.permission)]
