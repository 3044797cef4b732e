"""What every screen is handed: the signed-in actor, the task runner, formatting, navigation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # kept out of start-up: the window paints before the store is loaded
    from hydreight_desktop.services.business import BusinessRecord
    from hydreight_desktop.services.context import Actor
    from hydreight_desktop.store.uow import UnitOfWork
    from hydreight_desktop.ui.format import Formatter
    from hydreight_desktop.ui.tasks import TaskRunner


@dataclass
class AppContext:
    """Screens call services through ``call``: the work runs on the DB worker, never here."""

    uow: UnitOfWork
    runner: TaskRunner
    actor: Actor
    business: BusinessRecord
    navigate: Callable[..., None] = field(default=lambda key, **params: None)
    status_message: Callable[[str], None] = field(default=lambda text: None)

    @property
    def fmt(self) -> Formatter:
        from hydreight_desktop.ui.format import Formatter

        return Formatter(self.business.currency, self.business.locale, self.business.time_zone)

    def call(
        self,
        service_fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> int:
        """Run ``service_fn(uow, actor, *args, **kwargs)`` off the UI thread."""
        return self.runner.submit(
            service_fn,
            self.uow,
            self.actor,
            *args,
            on_result=on_result,
            on_error=on_error,
            **kwargs,
        )
