"""Layer 4, show: HTML highlights, charts and printable handouts. Reads findings, never
re-runs a detector of its own."""
