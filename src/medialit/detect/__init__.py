"""Layer 2, detectors: hedges, attributions (who says what), outlets and the source chain.
Each reads an Article and returns plain records; imports only text and below."""
