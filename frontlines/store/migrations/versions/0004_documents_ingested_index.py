"""index on documents (ingested_at, document_key) for the syndication index top-up

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

Each write tops the in-memory syndication index up with the documents stored since its last look
(``ingested_at`` at or after that moment, less a little slack).  Without an index that query read every
documents row, text included, once per document written: 3.3 ms per document at 10,000 documents and
growing with the store.  With ``document_key`` in the index it reads only the few newest index entries.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NAME = "ix_documents_ingested_at_document_key"


def upgrade() -> None:
    op.create_index(NAME, "documents", ["ingested_at", "document_key"], unique=False, if_not_exists=True)


def downgrade() -> None:
    op.drop_index(NAME, table_name="documents", if_exists=True)
