"""indexes for the dashboard's queries and for partitioned merging at scale

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Dashboard filters: date ranges, country (iso3 or name), province (admin1), sub-event type; lookups by
canonical uid and document key.  Partitioned merging (``frontlines.store.scale``) reads mentions by
(iso3, event_date).  Existing indexes from 0001 (event_date, sub_event_type, (iso3, event_date),
canonical_uid, the primary keys on document_key) are not repeated.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_canonical_events_iso3_admin1", "canonical_events", ["iso3", "admin1"]),
    ("ix_canonical_events_country", "canonical_events", ["country"]),
    ("ix_canonical_events_type_date", "canonical_events", ["sub_event_type", "event_date"]),
    ("ix_event_mentions_iso3_date", "event_mentions", ["iso3", "event_date"]),
    ("ix_event_mentions_document_key", "event_mentions", ["document_key", "rank"]),
    ("ix_claims_event_id", "claims", ["event_id"]),
    ("ix_documents_status_version", "documents", ["status", "extractor_version"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
