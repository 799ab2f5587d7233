"""frontlines.engines."""
