"""The lake's tables: one Arrow schema per contract table (see README, "Tables").

One place for column names and types, so the writer, the warehouse views and the tests
agree. Every table carries `ingest_date`, the arrival day of its raw files, which is also
the Hive partition key (`<lake>/<table>/ingest_date=YYYY-MM-DD/part-0.parquet`).
"""

from __future__ import annotations

import pyarrow as pa

from akhbar.tables.dictionary import column_description, table_description

PARTITION_KEY = "ingest_date"

_TS = pa.timestamp("us", tz="UTC")

SCHEMAS: dict[str, pa.Schema] = {
    # Internal staging table of the raw layer: decoded text plus what ingestion read.
    "raw_documents": pa.schema(
        [
            ("article_id", pa.string()),
            ("source_path", pa.string()),
            ("encoding", pa.string()),
            ("language", pa.string()),
            ("language_score", pa.float64()),
            ("published_date", pa.date32()),
            ("published_precision", pa.string()),
            ("source", pa.string()),
            ("title", pa.string()),
            ("author", pa.string()),
            ("raw_text", pa.string()),
            ("size_bytes", pa.int64()),
            ("ingested_at", _TS),
        ]
    ),
    "articles": pa.schema(
        [
            ("article_id", pa.string()),
            ("source_path", pa.string()),
            ("language", pa.string()),
            ("language_score", pa.float64()),
            ("published_date", pa.date32()),
            ("published_precision", pa.string()),
            ("source", pa.string()),
            ("title", pa.string()),
            ("author", pa.string()),
            ("text_clean", pa.string()),
            ("encoding", pa.string()),
            ("ingested_at", _TS),
            ("size_bytes", pa.int64()),
        ]
    ),
    "normalization_edits": pa.schema(
        [
            ("article_id", pa.string()),
            ("rule", pa.string()),
            ("before", pa.string()),
            ("after", pa.string()),
            ("start_char", pa.int32()),
        ]
    ),
    "rejected_files": pa.schema(
        [
            ("source_path", pa.string()),
            ("reason", pa.string()),
            ("detail", pa.string()),
            ("seen_at", _TS),
        ]
    ),
    "events": pa.schema(
        [
            ("event_id", pa.string()),
            ("article_id", pa.string()),
            ("event_type", pa.string()),
            ("event_date", pa.date32()),
            ("date_precision", pa.string()),
            ("date_text", pa.string()),
            ("party", pa.string()),
            ("place_name", pa.string()),
            ("commune_code", pa.string()),
            ("province_code", pa.string()),
            ("region_code", pa.string()),
            ("place_precision", pa.string()),
            ("evidence", pa.string()),
            ("start_char", pa.int32()),
            ("end_char", pa.int32()),
        ]
    ),
    "event_participants": pa.schema(
        [
            ("event_id", pa.string()),
            ("article_id", pa.string()),
            ("person_name", pa.string()),
            ("role", pa.string()),
            ("organization", pa.string()),
            ("party", pa.string()),
        ]
    ),
    "mentions": pa.schema(
        [
            ("article_id", pa.string()),
            ("entity_type", pa.string()),
            ("text", pa.string()),
            ("normalized", pa.string()),
            ("code", pa.string()),
            ("start_char", pa.int32()),
            ("end_char", pa.int32()),
        ]
    ),
}


def _described(table: str, arrow: pa.Schema) -> pa.Schema:
    """The schema with each field's description (from the data dictionary) as Parquet field metadata."""
    fields = [f.with_metadata({"description": column_description(table, f.name) or ""}) for f in arrow]
    return pa.schema(fields, metadata={"description": table_description(table) or ""})


SCHEMAS = {table: _described(table, arrow) for table, arrow in SCHEMAS.items()}

CONTRACT_TABLES: tuple[str, ...] = (
    "articles",
    "normalization_edits",
    "rejected_files",
    "events",
    "event_participants",
    "mentions",
)
TABLES: tuple[str, ...] = tuple(SCHEMAS)

EVENT_TYPES = ("congress", "meeting", "general_assembly", "public_election", "statement")
ENTITY_TYPES = ("person", "place", "party", "organization", "date")
DATE_PRECISIONS = ("day", "month", "year")
PLACE_PRECISIONS = ("commune", "province", "region")
