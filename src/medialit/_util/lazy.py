"""Import heavy libraries on first use, so ``import medialit`` stays fast.

pandas alone takes about 0.3 s to import; a lesson's first cell should not wait
for it before it needs a table. ``from ._lazy import pd`` gives a stand-in that
imports pandas the first time an attribute (``pd.DataFrame``) is used.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Any


class LazyModule:
    """A module that is imported when one of its attributes is first read."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def _load(self) -> ModuleType:
        # Kept once imported: building a small table reads ``pd.`` a dozen times, and
        # ``import_module`` is a dictionary look-up with a lock around it each time.
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return self._module

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._load(), attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


if TYPE_CHECKING:
    import pandas as pd
else:
    pd = LazyModule("pandas")
