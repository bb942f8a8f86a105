"""medialit's version, in one place: the package, its metadata and the handouts read it."""

__version__ = "0.1.0"
