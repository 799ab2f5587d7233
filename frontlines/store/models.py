"""The store's tables, as SQLAlchemy 2 declarative models.

One row per document (keyed by the contract's document key), one per place the document was seen
(``document_sources``), the document's speakers, actors, places, event mentions and claims, the canonical
events that mentions of the same happening merge into, and the inputs that could not be read.

Text columns that take part in unique constraints are ``NOT NULL`` with ``''`` for "none": both SQLite and
PostgreSQL treat NULLs as distinct in unique constraints, which would let duplicates through.
The schema itself is created by the Alembic migrations in ``frontlines/store/migrations``, never by
``metadata.create_all``, so that every database carries a migration version.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so that migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING)


def _fk_doc() -> Any:
    return ForeignKey("documents.document_key", ondelete="CASCADE")


class Document(Base):
    """One distinct text (the same text under two URLs is one document)."""

    __tablename__ = "documents"
    # the syndication index's top-up reads the newest keys by ingestion time (migration 0004)
    __table_args__ = (Index("ix_documents_ingested_at_document_key", "ingested_at", "document_key"),)

    document_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    language: Mapped[str | None] = mapped_column(String(16))
    extractor_version: Mapped[str] = mapped_column(String(32), index=True)
    lexicon_version: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(8), default="ok")  # ok | failed
    error: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[list[str] | None] = mapped_column(JSON)
    origin_key: Mapped[str | None] = mapped_column(String(64), index=True)  # syndication group origin
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime())


class DocumentSource(Base):
    """Where a document was seen: a URL, an outlet, an input id (file path or batch id)."""

    __tablename__ = "document_sources"
    __table_args__ = (UniqueConstraint("document_key", "url", "source", "input_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_key: Mapped[str] = mapped_column(String(64), _fk_doc(), index=True)
    url: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    input_id: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[dt.datetime] = mapped_column(DateTime())


class Speaker(Base):
    """A person quoted or interviewed in a document."""

    __tablename__ = "speakers"

    document_key: Mapped[str] = mapped_column(String(64), _fk_doc(), primary_key=True)
    speaker_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    aliases: Mapped[list[str] | None] = mapped_column(JSON)
    role: Mapped[str | None] = mapped_column(Text)
    organization: Mapped[str | None] = mapped_column(Text)


class ActorRow(Base):
    """A group or force named in a document, by canonical name."""

    __tablename__ = "actors"

    document_key: Mapped[str] = mapped_column(String(64), _fk_doc(), primary_key=True)
    actor_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    aliases: Mapped[list[str] | None] = mapped_column(JSON)
    inter: Mapped[int] = mapped_column(Integer, default=0)
    iso3: Mapped[str | None] = mapped_column(String(3))


class PlaceRow(Base):
    """A resolved place named in a document."""

    __tablename__ = "places"

    document_key: Mapped[str] = mapped_column(String(64), _fk_doc(), primary_key=True)
    place_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(Text)
    iso3: Mapped[str | None] = mapped_column(String(3))
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    feature: Mapped[str | None] = mapped_column(String(32))


class CanonicalEvent(Base):
    """One happening: the merge of every event mention that reports it.

    ``id`` numbers the happening for ACLED's ``event_id_cnty`` (ISO3 + number); ``uid`` is the stable
    identifier the merging code derives from the first mention.
    """

    __tablename__ = "canonical_events"
    __table_args__ = (
        Index("ix_canonical_events_window", "iso3", "event_date"),
        # covers the API's filtered counts and daily aggregates (migration 0003)
        Index(
            "ix_canonical_events_country_day_type",
            "iso3",
            "event_date",
            "event_type",
            "admin1",
            "fatalities",
            "fatalities_low",
            "fatalities_high",
            "sources_independent",
            "modality",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    event_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    time_precision: Mapped[int] = mapped_column(Integer, default=1)
    disorder_type: Mapped[str] = mapped_column(String(32))
    event_type: Mapped[str] = mapped_column(String(40))
    sub_event_type: Mapped[str] = mapped_column(String(48), index=True)
    actor1: Mapped[str] = mapped_column(Text, default="")
    assoc_actor_1: Mapped[str] = mapped_column(Text, default="")
    inter1: Mapped[int] = mapped_column(Integer, default=0)
    actor2: Mapped[str] = mapped_column(Text, default="")
    assoc_actor_2: Mapped[str] = mapped_column(Text, default="")
    inter2: Mapped[int] = mapped_column(Integer, default=0)
    interaction: Mapped[int] = mapped_column(Integer, default=0)
    civilian_targeting: Mapped[str] = mapped_column(String(24), default="")
    country: Mapped[str | None] = mapped_column(Text)
    iso3: Mapped[str | None] = mapped_column(String(3))
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int] = mapped_column(Integer, default=3)
    source: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    modality: Mapped[str] = mapped_column(String(16), default="asserted")
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    fatalities_low: Mapped[int | None] = mapped_column(Integer)
    fatalities_high: Mapped[int | None] = mapped_column(Integer)
    civilian_fatalities: Mapped[int | None] = mapped_column(Integer)
    injured: Mapped[int | None] = mapped_column(Integer)
    arrested: Mapped[int | None] = mapped_column(Integer)
    sources_independent: Mapped[int] = mapped_column(Integer, default=1)
    mentions: Mapped[int] = mapped_column(Integer, default=1)
    merge_explanation: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime())


class EventMention(Base):
    """One event as one document reports it: every contract event field, plus where it merged."""

    __tablename__ = "event_mentions"

    document_key: Mapped[str] = mapped_column(String(64), _fk_doc(), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rank: Mapped[int] = mapped_column(Integer, default=0)  # salience order in the result; 0 = main event
    extractor_version: Mapped[str] = mapped_column(String(32))
    canonical_uid: Mapped[str | None] = mapped_column(
        String(64), ForeignKey("canonical_events.uid", ondelete="SET NULL"), index=True
    )
    merge_reasons: Mapped[list[str] | None] = mapped_column(JSON)
    origin_key: Mapped[str | None] = mapped_column(String(64))
    published: Mapped[dt.date | None] = mapped_column(Date)
    event_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    time_precision: Mapped[int] = mapped_column(Integer, default=1)
    disorder_type: Mapped[str] = mapped_column(String(32))
    event_type: Mapped[str] = mapped_column(String(40))
    sub_event_type: Mapped[str] = mapped_column(String(48))
    actor1: Mapped[str] = mapped_column(Text, default="")
    actor2: Mapped[str] = mapped_column(Text, default="")
    assoc_actor_1: Mapped[str] = mapped_column(Text, default="")
    assoc_actor_2: Mapped[str] = mapped_column(Text, default="")
    inter1: Mapped[int] = mapped_column(Integer, default=0)
    inter2: Mapped[int] = mapped_column(Integer, default=0)
    interaction: Mapped[int] = mapped_column(Integer, default=0)
    country: Mapped[str | None] = mapped_column(Text)
    iso3: Mapped[str | None] = mapped_column(String(3))
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int] = mapped_column(Integer, default=3)
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    fatalities_low: Mapped[int | None] = mapped_column(Integer)
    fatalities_high: Mapped[int | None] = mapped_column(Integer)
    civilian_fatalities: Mapped[int | None] = mapped_column(Integer)
    injured: Mapped[int | None] = mapped_column(Integer)
    arrested: Mapped[int | None] = mapped_column(Integer)
    civilian_targeting: Mapped[str] = mapped_column(String(24), default="")
    modality: Mapped[str] = mapped_column(String(16), default="asserted")
    historical: Mapped[bool] = mapped_column(Boolean, default=False)
    claims: Mapped[list[str] | None] = mapped_column(JSON)
    evidence: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    source: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")


class ClaimRow(Base):
    """Who says what about which event, in one document."""

    __tablename__ = "claims"

    document_key: Mapped[str] = mapped_column(String(64), _fk_doc(), primary_key=True)
    claim_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    extractor_version: Mapped[str] = mapped_column(String(32))
    claimant: Mapped[str] = mapped_column(Text)
    claimant_kind: Mapped[str] = mapped_column(String(16))
    stance: Mapped[str] = mapped_column(String(16))
    event_id: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class ClaimContradiction(Base):
    """Claim ``claim_id`` opposes claim ``other_claim_id`` (both in one document)."""

    __tablename__ = "claim_contradictions"
    __table_args__ = (
        ForeignKeyConstraint(
            ["document_key", "claim_id"],
            ["claims.document_key", "claims.claim_id"],
            ondelete="CASCADE",
            name="fk_claim_contradictions_claim",
        ),
    )

    document_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    claim_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    other_claim_id: Mapped[str] = mapped_column(String(64), primary_key=True)


class FailedInput(Base):
    """An input that could not be read or extracted, with the reason (latest failure per input)."""

    __tablename__ = "failed_inputs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    input_ref: Mapped[str] = mapped_column(Text, unique=True)
    reason: Mapped[str] = mapped_column(Text)
    error_type: Mapped[str | None] = mapped_column(String(40))
    failed_at: Mapped[dt.datetime] = mapped_column(DateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=1)


TABLES = Base.metadata.tables
