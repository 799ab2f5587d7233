"""The one exception tree of Frontlines.

Every error the library raises on purpose derives from :class:`FrontlinesError`, so callers can catch one
class.  Each error carries the input it is about (a path, a line, a URL, a data file) so that the command
line can print one line naming the input and the problem.

    FrontlinesError
    ├── InputError            bad input: empty, binary, undecodable, too large, not JSON, no text
    │   └── FetchError        a URL that could not or may not be fetched
    ├── DataFileError         a packaged lexicon or dictionary failed validation
    ├── StoreError            the database could not be opened, read or written
    └── UsageError            options that do not fit together
"""

from __future__ import annotations


class FrontlinesError(Exception):
    """Base of every error Frontlines raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)

    def to_dict(self) -> dict[str, str | None]:
        """The one JSON error shape used by the CLI's batch mode and the REST API."""
        return {"error": type(self).__name__, "message": self.message, "input": self.source}


class InputError(FrontlinesError):
    """The input cannot be read as a report."""


class FetchError(InputError):
    """A URL could not be fetched, or fetching it is refused (private address, too large, HTTP error)."""


class DataFileError(FrontlinesError):
    """A data file shipped with the package (lexicon, dictionary, register) is invalid."""


class StoreError(FrontlinesError):
    """The store could not be opened, read or written."""


class UsageError(FrontlinesError):
    """Options or arguments that do not fit together."""
