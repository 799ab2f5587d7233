"""Imported by the local engine's fork server: builds the extractor there, once, before any worker forks.

See :func:`frontlines.engines.local.preload_extractor`.
"""

from frontlines.engines.local import preload_extractor

preload_extractor()
