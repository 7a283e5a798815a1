"""PDF text is untrusted input: helpers that keep it text in HTML and keep derived file names in their folder.

Every string from a document (its text, its file name, a unit as written) reaches a page only through `esc`
(element text and double-quoted attribute values alike); links are built only by `file_link`, which yields a
`file:` URI or nothing; output files are named by `safe_stem` and written only after `inside` says so.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

_UNSAFE_NAME = re.compile(r"[^\w\u0E00-\u0E7F.+-]+")


def esc(value) -> str:
    """Text for HTML element content or a double-quoted attribute: & < > " ' are escaped."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_stem(text: str, fallback: str = "file", limit: int = 80) -> str:
    """A file name stem from untrusted text: letters (Thai too), digits, `._+-` only, no leading dots."""
    stem = _UNSAFE_NAME.sub("_", str(text)).strip("._")[:limit].strip("._")
    return stem or fallback


def inside(base: Path, path: Path) -> bool:
    """Whether `path` (after resolving `..` and links) lies within `base`."""
    try:
        Path(path).resolve().relative_to(Path(base).resolve())
    except ValueError:
        return False
    return True


def source_file(input_dir: Path | None, source_path: str | None) -> Path | None:
    """The PDF a documents row names, only when it exists inside the run's input folder."""
    if input_dir is None or not source_path:
        return None
    path = Path(input_dir) / source_path
    return path.resolve() if inside(input_dir, path) and path.is_file() else None


def file_link(path: Path | None, page: int | None = None) -> str | None:
    """A `file:` URI (percent-encoded by pathlib) to a PDF, optionally at a page; never another scheme."""
    if path is None:
        return None
    uri = Path(path).resolve().as_uri()
    return f"{uri}#page={int(page)}" if page else uri
