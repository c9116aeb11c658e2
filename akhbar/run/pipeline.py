"""The pipeline's stages as plain functions over one arrival day: raw -> clean -> extract.

Each stage reads its input partition from the lake in batches and writes its output
partitions whole (see `akhbar.lake`), so memory stays flat and any stage can be re-run
alone. Dagster assets (package `assets`) call these; so can a notebook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from akhbar.ingest.reader import (
    Document,
    RawFile,
    Rejection,
    read_document,
    scan,
)
from akhbar.lake import parquet as lake
from akhbar.lake.faults import checkpoint
from akhbar.run.documents import DocumentFailure, clean_document, extract_document, guarded
from akhbar.run.parallel import map_batches, serial_map

BATCH = 500


@dataclass
class StageReport:
    """What a stage did, for logs, the CLI summary and Dagster metadata."""

    rows: dict[str, int] = field(default_factory=dict)
    files_seen: int = 0
    accepted: int = 0
    rejected: int = 0
    reasons: dict[str, int] = field(default_factory=dict)


@dataclass
class DayInput:
    """What arrived on one day: readable files, and paths refused while scanning (bad links...)."""

    files: list[RawFile] = field(default_factory=list)
    refused: list[Rejection] = field(default_factory=list)


def files_by_day(raw_root: str) -> dict[dt.date, DayInput]:
    """The raw folder's files grouped by arrival day (UTC day of their modification time)."""
    files, refused = scan(raw_root)
    by_day: dict[dt.date, DayInput] = {}
    for f in files:
        by_day.setdefault(f.arrival_day, DayInput()).files.append(f)
    for r in refused:
        by_day.setdefault(r.arrival_day, DayInput()).refused.append(r)
    return by_day


def has_output(lake_root: str, table: str, day: dt.date) -> bool:
    """Whether a day's partition was written before (so re-running it must replace it)."""
    return lake.partition_exists(lake_root, table, day)


def _earlier_articles(lake_root: str, day: dt.date) -> dict[str, str]:
    """article_id -> 'day path' for articles already ingested on days before `day`."""
    seen: dict[str, str] = {}
    for other in lake.partitions(lake_root, "raw_documents"):
        if other >= str(day):
            continue
        for batch in lake.read_partition(lake_root, "raw_documents", other, ["article_id", "source_path"]):
            for aid, path in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True):
                seen.setdefault(aid, f"{other} {path}")
    return seen


def ingest_day(
    lake_root: str,
    day: dt.date,
    arrived: DayInput,
    now: dt.datetime | None = None,
    mapper: Mapper | None = None,
) -> StageReport:
    """Raw layer for one day: decode, identify, read headers; write raw_documents and rejected_files.

    `mapper` spreads the reading (langid is most of the cost) over worker processes, in
    batches so memory stays flat; duplicates are still decided here, in file order.
    """
    checkpoint("pipeline.ingest_day")
    now = now or dt.datetime.now(dt.UTC)
    files, refused = arrived.files, arrived.refused
    report = StageReport(files_seen=len(files) + len(refused))
    earlier = _earlier_articles(lake_root, day)
    seen_today: dict[str, str] = {}
    rejected_rows: list[dict] = []

    def reject(source_path: str, reason: str, detail: str) -> None:
        rejected_rows.append({"source_path": source_path, "reason": reason, "detail": detail, "seen_at": now})
        report.reasons[reason] = report.reasons.get(reason, 0) + 1

    for r in refused:
        reject(r.source_path, r.reason, r.detail)

    def accepted() -> Iterator[dict]:
        for doc in _read_documents(files, mapper or serial_map):
            if isinstance(doc, Rejection):
                reject(doc.source_path, doc.reason, doc.detail)
                continue
            first = seen_today.get(doc.article_id)
            if first is None and doc.article_id in earlier:
                first = earlier[doc.article_id]
            if first is not None:
                reject(
                    doc.source_path, "duplicate_content", f"same bytes as {first} (article {doc.article_id})"
                )
                continue
            seen_today[doc.article_id] = doc.source_path
            yield _raw_row(doc, now)

    report.accepted = lake.write_partition(lake_root, "raw_documents", day, accepted())
    report.rejected = lake.write_partition(lake_root, "rejected_files", day, rejected_rows, part="part-raw")
    report.rows = {"raw_documents": report.accepted, "rejected_files": report.rejected}
    return report


def _read_documents(files: list[RawFile], mapper: Mapper) -> Iterator[Document | Rejection]:
    """Read files BATCH at a time through the mapper (worker processes), keeping their order; the
    next batch is read while this one is checked for duplicates and written (`map_batches`)."""
    batches = (files[at : at + BATCH] for at in range(0, len(files), BATCH))
    for documents in map_batches(mapper, read_document, batches):
        yield from documents


def _raw_row(doc: Document, now: dt.datetime) -> dict:
    return {
        "article_id": doc.article_id,
        "source_path": doc.source_path,
        "encoding": doc.encoding,
        "language": doc.language,
        "language_score": doc.language_score,
        "published_date": doc.published_date,
        "published_precision": doc.published_precision,
        "source": doc.source,
        "title": doc.title,
        "author": doc.author,
        "raw_text": doc.raw_text,
        "size_bytes": doc.size_bytes,
        "ingested_at": now,
    }


Mapper = Callable[[Callable, list[dict]], list]


def _failure_rows(failures: list[DocumentFailure], stage: str) -> list[dict]:
    now = dt.datetime.now(dt.UTC)
    return [
        {
            "source_path": f.source_path,
            "reason": f.reason or f"{stage}_error",
            "detail": f.detail[:2000],
            "seen_at": now,
        }
        for f in failures
    ]


def clean_day(lake_root: str, day: dt.date, mapper: Mapper = serial_map) -> StageReport:
    """Clean layer for one day: raw_documents -> articles + normalization_edits."""
    checkpoint("pipeline.clean_day")
    report = StageReport()
    failures: list[DocumentFailure] = []
    with (
        lake.PartitionWriter(lake_root, "articles", day) as articles,
        lake.PartitionWriter(lake_root, "normalization_edits", day) as edits,
    ):
        batches = (
            b.to_pylist() for b in lake.read_partition(lake_root, "raw_documents", day, batch_size=BATCH)
        )
        for results in map_batches(mapper, guarded(clean_document), batches):  # next batch runs meanwhile
            checkpoint("pipeline.clean_batch")
            failures += [r for r in results if isinstance(r, DocumentFailure)]
            results = [r for r in results if not isinstance(r, DocumentFailure)]
            articles.write_rows([article for article, _ in results])
            edits.write_rows([edit for _, edit_rows in results for edit in edit_rows])
        report.rows = {"articles": articles.rows, "normalization_edits": edits.rows}
    report.rejected = lake.write_partition(
        lake_root, "rejected_files", day, _failure_rows(failures, "clean"), part="part-clean"
    )
    return report


def extract_day(lake_root: str, day: dt.date, mapper: Mapper = serial_map) -> StageReport:
    """Extract layer for one day: articles -> events, event_participants, mentions."""
    checkpoint("pipeline.extract_day")
    report = StageReport()
    columns = ["article_id", "source_path", "language", "published_date", "published_precision", "text_clean"]
    failures: list[DocumentFailure] = []
    with (
        lake.PartitionWriter(lake_root, "events", day) as events,
        lake.PartitionWriter(lake_root, "event_participants", day) as participants,
        lake.PartitionWriter(lake_root, "mentions", day) as mentions,
    ):
        batches = (
            b.to_pylist()
            for b in lake.read_partition(lake_root, "articles", day, columns=columns, batch_size=BATCH)
        )
        for results in map_batches(mapper, guarded(extract_document), batches):  # next batch runs meanwhile
            checkpoint("pipeline.extract_batch")
            failures += [r for r in results if isinstance(r, DocumentFailure)]
            results = [r for r in results if not isinstance(r, DocumentFailure)]
            events.write_rows([row for ev, _, _ in results for row in ev])
            participants.write_rows([row for _, parts, _ in results for row in parts])
            mentions.write_rows([row for _, _, ments in results for row in ments])
        report.rows = {
            "events": events.rows,
            "event_participants": participants.rows,
            "mentions": mentions.rows,
        }
    report.rejected = lake.write_partition(
        lake_root, "rejected_files", day, _failure_rows(failures, "extract"), part="part-extract"
    )
    return report
