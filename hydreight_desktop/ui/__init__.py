"""The PySide6 user interface: windows, dialogs, table models and the task runner."""
