"""frontlines.export."""
