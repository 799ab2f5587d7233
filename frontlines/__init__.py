"""Frontlines: an open-source conflict monitor.

>>> import frontlines
>>> result = frontlines.extract(text, published="2021-08-09", source="Example Wire")
>>> result.events[0].sub_event_type
"""

from frontlines.errors import FrontlinesError, InputError
from frontlines.extract.extractor import Extractor, ReportInput, extract
from frontlines.model import Actor, Claim, Event, Place, Result, Speaker
from frontlines.version import __version__

__all__ = [
    "Actor",
    "Claim",
    "Event",
    "Extractor",
    "FrontlinesError",
    "InputError",
    "Place",
    "ReportInput",
    "Result",
    "Speaker",
    "__version__",
    "extract",
]
