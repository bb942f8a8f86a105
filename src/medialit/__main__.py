"""``python -m medialit ...`` runs the same command line as the ``medialit`` command."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
