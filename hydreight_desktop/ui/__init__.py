"""The PySide6 user interface. Importing it first makes Qt safe to call (see ``qt_compat``)."""

from hydreight_desktop.ui.qt_compat import keep_none_alive

keep_none_alive()
