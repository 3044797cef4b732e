"""The demo clinic's sign-in details, shown on its login screen so a newcomer is in with one click."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_PASSWORD = "demo-clinic-2026"


@dataclass(frozen=True, slots=True)
class DemoAccount:
    label: str
    email: str
    password: str = DEMO_PASSWORD


DEMO_ADMIN = DemoAccount("Business Admin", "admin@hydreightdemo.com")
DEMO_FRONT_DESK = DemoAccount("Front desk", "frontdesk@hydreightdemo.com")
DEMO_CSP = DemoAccount("CSP (nurse)", "maya.nurse@hydreightdemo.com")
DEMO_HCP = DemoAccount("HCP (doctor)", "dr.patel@hydreightdemo.com")
DEMO_ACCOUNTS = (DEMO_ADMIN, DEMO_FRONT_DESK, DEMO_CSP, DEMO_HCP)
