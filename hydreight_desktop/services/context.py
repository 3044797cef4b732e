"""The acting user, passed to every service function."""

from __future__ import annotations

from dataclasses import dataclass

from hydreight_desktop.domain.errors import PermissionDenied
from hydreight_desktop.domain.roles import Permission, Role, can, refusal_message


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is doing this, for which business. Services check rights against it."""

    user_id: str
    business_id: str
    role: Role
    name: str
    email: str

    def can(self, permission: Permission) -> bool:
        return can(self.role, permission)

    def require(self, permission: Permission) -> None:
        """Raise ``PermissionDenied`` with a plain sentence when the role lacks ``permission``."""
        if not self.can(permission):
            raise PermissionDenied(refusal_message(permission))

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


SYSTEM_USER_ID = "system"


def system_actor(business_id: str) -> Actor:
    """The app itself (demo builder, migrations, sync): an admin with a recognisable name."""
    return Actor(SYSTEM_USER_ID, business_id, Role.ADMIN, "Hydreight Desktop", "system@localhost")
