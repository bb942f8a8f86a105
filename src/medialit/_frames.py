"""Turn lists of small records into typed DataFrames, quickly.

Detectors build plain records in document order and make one table only when
they return. Building the columns with their dtypes up front is several times
faster than ``DataFrame(records).astype(...)``, which matters when a class
analyses a thousand articles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._lazy import pd


def records_frame(
    records: Sequence[Sequence[Any]], columns: Sequence[str], dtypes: Mapping[str, str]
) -> pd.DataFrame:
    """A DataFrame with ``columns`` (each of ``dtypes[column]``) from row records."""
    cols = list(zip(*records, strict=True)) if records else [()] * len(columns)
    # A Series with an explicit dtype: pandas 3 would turn plain object arrays into
    # its new string dtype, so an empty and a full table would differ.
    data = {
        name: pd.Series(list(values), dtype=dtypes.get(name, "object"))
        for name, values in zip(columns, cols, strict=True)
    }
    return pd.DataFrame(data, columns=list(columns))
