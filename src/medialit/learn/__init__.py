"""Layer 5, learn: exercises, answer keys, saved progress and each lesson's activities."""
