"""Who may do what. The service layer checks these; the sidebar only hides what would be refused."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    FRONT_DESK = "front_desk"
    CSP = "csp"
    HCP = "hcp"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ADMIN: "Business Admin",
    Role.FRONT_DESK: "Front desk",
    Role.CSP: "Clinical Service Provider",
    Role.HCP: "Healthcare Provider",
}


class Permission(StrEnum):
    VIEW_BUSINESS = "view_business"
    MANAGE_BUSINESS = "manage_business"
    MANAGE_STAFF = "manage_staff"
    VIEW_PROVIDERS = "view_providers"
    MANAGE_PROVIDERS = "manage_providers"  # any CSP/HCP profile, commission, cash rights
    EDIT_OWN_AVAILABILITY = "edit_own_availability"  # a CSP's own hours and vacations
    VIEW_CLIENTS = "view_clients"
    MANAGE_CLIENTS = "manage_clients"
    VIEW_SERVICES = "view_services"
    MANAGE_SERVICES = "manage_services"
    VIEW_SCHEDULE = "view_schedule"
    MANAGE_BOOKINGS = "manage_bookings"
    CONDUCT_SESSIONS = "conduct_sessions"
    APPROVE_CLINICAL = "approve_clinical"  # HCP: PSF approvals, MSE referrals
    VIEW_CLINICAL_RECORDS = "view_clinical_records"
    PRINT_HANDOUTS = "print_handouts"
    MANAGE_LINK_CODES = "manage_link_codes"


_FRONT_DESK = {
    Permission.VIEW_BUSINESS,
    Permission.VIEW_PROVIDERS,
    Permission.VIEW_CLIENTS,
    Permission.MANAGE_CLIENTS,
    Permission.VIEW_SERVICES,
    Permission.VIEW_SCHEDULE,
    Permission.MANAGE_BOOKINGS,
    Permission.PRINT_HANDOUTS,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.FRONT_DESK: frozenset(_FRONT_DESK),
    Role.CSP: frozenset(
        {
            Permission.VIEW_BUSINESS,
            Permission.EDIT_OWN_AVAILABILITY,
            Permission.VIEW_PROVIDERS,
            Permission.VIEW_CLIENTS,
            Permission.MANAGE_CLIENTS,
            Permission.VIEW_SERVICES,
            Permission.VIEW_SCHEDULE,
            Permission.CONDUCT_SESSIONS,
            Permission.VIEW_CLINICAL_RECORDS,
        }
    ),
    Role.HCP: frozenset(
        {
            Permission.VIEW_BUSINESS,
            Permission.VIEW_PROVIDERS,
            Permission.VIEW_CLIENTS,
            Permission.VIEW_SERVICES,
            Permission.VIEW_SCHEDULE,
            Permission.APPROVE_CLINICAL,
            Permission.VIEW_CLINICAL_RECORDS,
        }
    ),
}


def can(role: Role | str, permission: Permission) -> bool:
    """True when ``role`` holds ``permission``."""
    return permission in ROLE_PERMISSIONS[Role(role)]


REFUSALS: dict[Permission, str] = {
    Permission.MANAGE_BUSINESS: "Only a Business Admin can change the business settings.",
    Permission.MANAGE_STAFF: "Only a Business Admin can add or change staff accounts.",
    Permission.MANAGE_PROVIDERS: "Only a Business Admin can change provider profiles, commission or cash permissions.",
    Permission.EDIT_OWN_AVAILABILITY: "You can only change your own hours and vacations.",
    Permission.MANAGE_SERVICES: "Only a Business Admin can add or change services and prices.",
    Permission.MANAGE_CLIENTS: "Your role cannot add or change clients.",
    Permission.MANAGE_BOOKINGS: "Your role cannot make or change bookings.",
    Permission.CONDUCT_SESSIONS: "Only the booking's provider or an admin can run a session.",
    Permission.APPROVE_CLINICAL: "Only a Healthcare Provider can approve or refuse clinical requests.",
    Permission.MANAGE_LINK_CODES: "Only a Business Admin can regenerate booking codes.",
}


def refusal_message(permission: Permission) -> str:
    """The sentence shown when a role acts outside its rights."""
    return REFUSALS.get(permission, "Your role is not allowed to do this. Ask a Business Admin.")
