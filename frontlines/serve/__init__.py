"""frontlines.serve."""
