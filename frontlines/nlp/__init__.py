"""Language processing shared by the extractors: the spaCy models and the report's structure."""
