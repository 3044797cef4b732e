"""Export what a list shows to a CSV file the clinic can open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    """UTF-8 with a byte-order mark, so spreadsheet programs read accents and symbols right."""
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def export_csv(
    parent: QWidget | None, headers: Sequence[str], rows: Iterable[Sequence[str]], suggested_name: str
) -> Path | None:
    """Ask where to save, write the file, return its path (None when cancelled)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Export to CSV", str(Path(folder) / suggested_name), "CSV files (*.csv)"
    )
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(".csv") else f"{chosen}.csv")
    return write_csv(path, headers, rows)
