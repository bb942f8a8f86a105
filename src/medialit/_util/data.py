"""The one reader of medialit's bundled tables (``data/*.csv``), with the checks every
table must pass.

Word lists and outlet facts are data, so a teacher or a linguist can change them without
touching code. Every table names its columns in its first line and gives a ``source`` for
every row (where the word, pattern or fact comes from). A broken file is a
:class:`DataFileError` that names the file, the row and what is wrong, before any
detector reads a half-broken list.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import cache

from ..errors import DataFileError
from .resources import data_path

Row = dict[str, str]


@cache
def read_table(*parts: str, columns: Sequence[str] = ()) -> tuple[Row, ...]:
    """The rows of the bundled CSV file ``data/<parts>`` as dicts of strings, read once.

    ``columns`` lists the columns a caller needs; each must be in the header, and every
    row must have a non-empty ``source``. Values are kept exactly as written (a pattern's
    spaces may matter); an empty cell is ``""``. Callers must not change the rows.
    """
    path = data_path(*parts)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = list(reader.fieldnames or [])
            rows = tuple({k: v or "" for k, v in row.items() if k is not None} for row in reader)
    except FileNotFoundError:
        raise DataFileError(
            f"medialit's data file {path} is missing; reinstall medialit."
        ) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataFileError(f"{path} cannot be read as a UTF-8 CSV table: {exc}") from None
    missing = [c for c in (*columns, "source") if c not in header]
    if missing:
        raise DataFileError(f"{path} has no {', '.join(missing)} column(s).")
    unsourced = [i + 2 for i, row in enumerate(rows) if not row["source"].strip()]
    if unsourced:
        lines = ", ".join(map(str, unsourced[:10]))
        raise DataFileError(
            f"{path}: every row needs a source (where it comes from); "
            f"line(s) {lines} have none."
        )
    return rows
