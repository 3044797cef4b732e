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

    _fmt: Formatter | None = field(default=None, init=False, repr=False)

    @property
    def fmt(self) -> Formatter:
        """One formatter while the business's currency, locale and zone stay the same
        (Business settings may replace ``business`` while the app runs)."""
        from hydreight_desktop.ui.format import Formatter

        b = self.business
        current = self._fmt
        if current is None or (current.currency, current.locale, current.time_zone) != (
            b.currency, b.locale, b.time_zone
        ):
            current = self._fmt = Formatter(b.currency, b.locale, b.time_zone)
        return current

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
