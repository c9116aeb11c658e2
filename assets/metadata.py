"""Materialization metadata an operator reads in the Dagster UI: counts, schema, a preview."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq
from dagster import FreshnessPolicy, MetadataValue, TableColumn, TableSchema

from akhbar import lake
from akhbar.schema import PARTITION_KEY, SCHEMAS

OWNERS = ["team:akhbar-data"]  # who answers for the tables, shown on every asset in the UI

# Every asset is materialized at least once a day: the nightly run (01:30 UTC) runs yesterday's
# partition even when no file arrived (0 rows) and rebuilds the warehouse step. So an asset not
# materialized for 26 h warns (the nightly run is late), and for 36 h fails (a nightly run did
# not happen). Evaluated by the daemon (`freshness: enabled: true` in dagster.yaml).
FRESHNESS = FreshnessPolicy.time_window(
    fail_window=dt.timedelta(hours=36), warn_window=dt.timedelta(hours=26)
)
PREVIEW_ROWS = 5
PREVIEW_CHARS = 80

# What each column holds, shown in the asset's schema in the UI. By column name; the tables
# that use a name differently override it in TABLE_COLUMN_DOCS.
COLUMN_DOCS: dict[str, str] = {
    "article_id": "Content hash of the raw file's bytes: the article's key (the same bytes give the same id).",
    "source_path": "Path of the raw file, relative to the raw folder, POSIX style.",
    "encoding": "Encoding the raw bytes were decoded from (utf-8, windows-1256, utf-16...).",
    "language": "Language identified by langid: `ar` or `fr`.",
    "language_score": "langid's confidence in the language, 0..1.",
    "published_date": "Publication date read from the article's header line, if any.",
    "title": "Title read from the article's header, if any.",
    "author": "Byline read from the article's header, if any.",
    "raw_text": "The decoded text before any cleaning (internal staging only).",
    "size_bytes": "Size of the raw file in bytes.",
    "ingested_at": "UTC time the run read the file.",
    "text_clean": "The cleaned text: boilerplate removed, Unicode and spelling normalized; offsets index it.",
    "rule": "Cleaning rule that made the change (see docs/normalization.md).",
    "before": "Text before the change.",
    "after": "Text after the change (empty when the rule removed text).",
    "start_char": "Offset (code points) where the span starts in text_clean.",
    "end_char": "Offset (code points) just after the span's end in text_clean.",
    "reason": "Why the file was not accepted: a short code (empty, binary, duplicate_content, clean_error...).",
    "detail": "The reason in words: the first bad byte, the earlier copy of a duplicate, the exception...",
    "seen_at": "UTC time the run looked at the file.",
    "event_id": "Key of the event (hash of the article and the event's evidence span).",
    "event_type": "congress, meeting, general_assembly, public_election or statement.",
    "event_date": "When the event took place (first day of the month or year when only that is known).",
    "date_precision": "day, month or year: how much of event_date the text gave; null without a date.",
    "date_text": "The words the date was read from.",
    "party": "Code of the political party (see the parties lexicon).",
    "place_name": "Name of the place as the text writes it.",
    "commune_code": "HCP code of the commune, if the place is one.",
    "province_code": "HCP code of the province or prefecture.",
    "region_code": "HCP code of the region.",
    "place_precision": "commune, province or region: the finest level the place was resolved to.",
    "evidence": "The sentence the event was read from (text_clean[start_char:end_char]).",
    "person_name": "The participant's name, without titles.",
    "role": "The participant's role in the event as the text gives it (secretary general, speaker...).",
    "organization": "Organization the text ties the participant to.",
    "entity_type": "person, place, party, organization or date.",
    "text": "The mention as written in text_clean.",
    "normalized": "The mention's normalized form (the name without clitics, the ISO date...).",
    "code": "The entity's code: HCP place code, party code or ISO date.",
    PARTITION_KEY: "Arrival day (UTC day of the raw file's modification time): the partition key.",
}
TABLE_COLUMN_DOCS: dict[tuple[str, str], str] = {
    ("normalization_edits", "start_char"): "Offset (code points) of the change in the raw text.",
    ("mentions", "start_char"): "Offset (code points) where the mention starts in text_clean; null when "
    "read outside the text (the metadata-line date).",
    (
        "mentions",
        "end_char",
    ): "Offset (code points) just after the mention in text_clean; null with start_char.",
    ("event_participants", "party"): "Code of the participant's party, if the text gives one.",
    ("events", "party"): "Code of the party holding the event.",
    ("rejected_files", "source_path"): "Path of the file not accepted, relative to the raw folder.",
}


def column_description(table: str, column: str) -> str:
    return TABLE_COLUMN_DOCS.get((table, column)) or COLUMN_DOCS[column]


def table_schema(table: str) -> TableSchema:
    return TableSchema(
        columns=[
            TableColumn(f.name, str(f.type), description=column_description(table, f.name))
            for f in SCHEMAS[table]
        ]
    )


def partition_files(lake_root: str, table: str, day: dt.date | str) -> list[str]:
    """Every part file of one partition (rejected_files has one per stage: part-raw, part-clean,
    part-extract), in name order."""
    fs, base = lake.filesystem(lake_root)
    selector = pafs.FileSelector(lake.partition_path(base, table, day), allow_not_found=True)
    return sorted(i.path for i in fs.get_file_info(selector) if i.path.endswith(".parquet"))


def preview(lake_root: str, table: str, days: list[dt.date]) -> str:
    """A markdown table of the first rows of the last written partitions (all their part files),
    long text cut short. rejected_files shows its rows first-come across days: it names files."""
    fs, _ = lake.filesystem(lake_root)
    batches: list[pa.Table] = []
    rows = 0
    for day in reversed(days):
        for path in partition_files(lake_root, table, day):
            with fs.open_input_file(path) as handle:
                part = pq.read_table(handle).slice(0, PREVIEW_ROWS - rows)
            if part.num_rows:
                batches.append(part.append_column(PARTITION_KEY, pa.array([str(day)] * part.num_rows)))
                rows += part.num_rows
            if rows >= PREVIEW_ROWS:
                return _markdown(pa.concat_tables(batches))
    return _markdown(pa.concat_tables(batches)) if batches else "_no rows_"


def _markdown(table: pa.Table) -> str:
    columns = [c for c in table.column_names if c != "raw_text"]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in table.select(columns).to_pylist():
        cells = []
        for c in columns:
            text = "" if row[c] is None else str(row[c]).replace("\n", " ").replace("|", "/")
            cells.append(text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def days_text(days: list[dt.date]) -> str:
    return ", ".join(map(str, days)) if len(days) <= 10 else f"{days[0]} .. {days[-1]} ({len(days)} days)"


def table_metadata(lake_root: str, table: str, rows: int, days: list[dt.date]) -> dict:
    return {
        "dagster/row_count": MetadataValue.int(rows),
        "partitions_written": MetadataValue.text(
            days_text(days) if days else "none (no data for the run's days)"
        ),
        "preview": MetadataValue.md(preview(lake_root, table, days)),
        "dagster/column_schema": table_schema(table),
        "path": MetadataValue.path(f"{lake_root}/{table}"),
    }
