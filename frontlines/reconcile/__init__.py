"""frontlines.reconcile."""
