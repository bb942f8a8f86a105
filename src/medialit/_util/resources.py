"""Find medialit's bundled data files, in an installed wheel or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

# This file is medialit/_util/resources.py; the package folder is one level up.
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


@cache
def data_dir() -> Path:
    """Return the folder that holds the bundled data.

    A wheel carries the repository's ``data/`` folder as ``medialit/data``; an
    editable install or a source checkout reads ``data/`` at the top of the
    repository instead, so there is one copy of every file.
    """
    for candidate in (_PACKAGE_DIR / "data", _PACKAGE_DIR.parent.parent / "data"):
        if (candidate / "articles").is_dir():
            return candidate
    raise FileNotFoundError(
        "medialit's data folder is missing; reinstall medialit (pip install medialit)."
    )


def data_path(*parts: str) -> Path:
    """Return the path of a bundled data file, e.g. ``data_path("lexicons", "hedges.csv")``."""
    return data_dir().joinpath(*parts)
