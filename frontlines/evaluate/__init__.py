"""frontlines.evaluate."""
