"""Raw layer: files in the raw folder -> decoded documents and the files refused, per arrival day."""

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, MetadataValue, multi_asset

from akhbar.lake.lock import lake_lock
from akhbar.run import pipeline
from assets import processed
from assets.checks import LAYER_RETRY_POLICY, check_results, check_specs, failures_named
from assets.metadata import FRESHNESS, OWNERS, table_metadata
from assets.partitions import arrival_days, days_of, single_run
from assets.resources import LakeResource, RawFolderResource
from assets.runtime import WorkersResource, tag_run

TABLES = ["raw_documents", "rejected_files"]


@multi_asset(
    name="raw_layer",
    specs=[
        AssetSpec(
            "raw_documents",
            group_name="raw",
            kinds={"parquet"},
            owners=OWNERS,
            freshness_policy=FRESHNESS,
            description="Every accepted raw file, decoded, with its language (langid), encoding and header "
            "(published date, title, byline). Internal staging for the clean layer.",
        ),
        AssetSpec(
            "rejected_files",
            group_name="raw",
            kinds={"parquet"},
            owners=OWNERS,
            freshness_policy=FRESHNESS,
            description="Every raw file that was not accepted, with the reason (empty, binary, undecodable, "
            "too_large, unsupported_language, duplicate_content, outside_raw_folder, ...). Nothing is dropped silently.",
        ),
    ],
    check_specs=check_specs(TABLES),
    partitions_def=arrival_days,
    backfill_policy=single_run,
    retry_policy=LAYER_RETRY_POLICY,
)
def raw_layer(
    context: AssetExecutionContext,
    raw_folder: RawFolderResource,
    lake: LakeResource,
    workers: WorkersResource,
):
    """Read the raw files that arrived on the run's days."""
    tag_run(context)
    by_day = pipeline.files_by_day(raw_folder.root)
    run_days = days_of(context)
    days = [d for d in run_days if d in by_day or pipeline.has_output(lake.root, "raw_documents", d)]
    prints = {
        str(d): processed.day_fingerprint(*_day_files(by_day.get(d, pipeline.DayInput()))) for d in run_days
    }
    totals = {"raw_documents": 0, "rejected_files": 0}
    files = accepted = 0
    reasons: dict[str, int] = {}
    with (
        failures_named("raw", lake.root, context.retry_number) as step,  # names the day and file
        lake_lock(lake.root, purpose=f"dagster run {context.run.run_id}"),  # one writer per lake
        workers.mapper() as mapper,  # decoding and langid on every core
    ):
        processed.mark(lake.root, processed.RAW, prints)  # before any write: a crash leaves them not done
        for day in days:
            step.day = day
            report = pipeline.ingest_day(lake.root, day, by_day.get(day, pipeline.DayInput()), mapper=mapper)
            context.log.info(
                f"{day}: {report.files_seen} files, {report.accepted} accepted, {report.rejected} rejected"
            )
            for k, v in report.rows.items():
                totals[k] += v
            files += report.files_seen
            accepted += report.accepted
            for k, v in report.reasons.items():
                reasons[k] = reasons.get(k, 0) + v
    yield MaterializeResult(
        asset_key="raw_documents",
        metadata={
            **table_metadata(lake.root, "raw_documents", totals["raw_documents"], days),
            "files_read": MetadataValue.int(files),
            "accepted": MetadataValue.int(accepted),
        },
    )
    yield MaterializeResult(
        asset_key="rejected_files",
        metadata={
            **table_metadata(lake.root, "rejected_files", totals["rejected_files"], days),
            "reasons": MetadataValue.json(reasons),
        },
    )
    yield from check_results(lake.root, TABLES, days)


def _day_files(day: pipeline.DayInput) -> tuple[list, list]:
    return day.files, day.refused
