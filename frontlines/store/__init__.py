"""frontlines.store."""
