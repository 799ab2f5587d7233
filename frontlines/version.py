"""Version strings recorded with every stored event, so a re-extraction can tell what produced a row."""

__version__ = "0.1.0"
# Bump when extraction rules change in a way that changes output for the same text.
EXTRACTOR_VERSION = "1"
