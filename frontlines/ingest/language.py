"""Language identification (placeholder until the reading work lands)."""


def detect_language(text: str) -> str:
    """ISO 639-1 code of the report's language."""
    return "en"
