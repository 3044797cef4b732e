"""Saving a finished PDF: checked before anything is made, written all at once."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hydreight_desktop.domain.errors import DomainError, ValidationError


def check_output_path(path: str | os.PathLike[str]) -> Path:
    """Where the PDF goes: a .pdf file in an existing folder we can write to."""
    text = str(path).strip() if path is not None else ""
    if not text:
        raise ValidationError("Please choose where to save the PDF.", field="out")
    out = Path(text).expanduser()
    if out.suffix.lower() != ".pdf":
        raise ValidationError(f"The file name must end in .pdf (got “{out.name}”).", field="out")
    if out.is_dir():
        raise ValidationError(f"{out} is a folder. Give a file name ending in .pdf.", field="out")
    folder = out.parent
    if not folder.is_dir():
        raise ValidationError(f"The folder {folder} does not exist.", field="out")
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise ValidationError(
            f"Cannot save to {out}: this account may not write there. Choose another folder.",
            field="out",
        )
    return out


def write_pdf(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` all at once: a half-written PDF never replaces a good one."""
    out = check_output_path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".part", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, out)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise DomainError(
            f"The PDF could not be saved to {out} ({exc.strerror or exc}). Nothing was written."
        ) from exc
    return out
