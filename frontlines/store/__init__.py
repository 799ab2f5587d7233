"""The Frontlines store: documents, sources, event mentions, canonical events, claims (SQLite or PostgreSQL).

Open one with :meth:`Database.open`; the schema is created and upgraded by Alembic on open.  This package
does not import the command line or the web server.
"""

from frontlines.store.database import Database
from frontlines.store.writer import SaveOutcome, SourceRef

__all__ = ["Database", "SaveOutcome", "SourceRef"]
