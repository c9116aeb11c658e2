"""Clean layer: decoded documents -> normalized articles, with every edit the cleaning made."""

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from akhbar import pipeline
from akhbar.lock import lake_lock
from assets.checks import LAYER_RETRY_POLICY, check_results, check_specs, failures_named
from assets.metadata import OWNERS, table_metadata
from assets.partitions import arrival_days, days_of, single_run
from assets.resources import LakeResource
from assets.runtime import WorkersResource


@multi_asset(
    name="clean_layer",
    specs=[
        AssetSpec(
            "articles",
            group_name="clean",
            kinds={"parquet"},
            owners=OWNERS,
            deps=["raw_documents"],
            description="One row per distinct accepted raw document: language, header fields and `text_clean` "
            "(boilerplate removed, Unicode and spelling normalized, glued words split).",
        ),
        AssetSpec(
            "normalization_edits",
            group_name="clean",
            kinds={"parquet"},
            owners=OWNERS,
            deps=["raw_documents"],
            description="Every change the cleaning made (rule, before, after, offset in the raw text), for audit.",
        ),
    ],
    check_specs=check_specs(["articles", "normalization_edits"]),
    partitions_def=arrival_days,
    backfill_policy=single_run,
    retry_policy=LAYER_RETRY_POLICY,
)
def clean_layer(context: AssetExecutionContext, lake: LakeResource, workers: WorkersResource):
    """Normalize the documents of the run's days."""
    days = [d for d in days_of(context) if pipeline.has_output(lake.root, "raw_documents", d)]
    totals = {"articles": 0, "normalization_edits": 0}
    with (
        failures_named("clean", lake.root, context.retry_number) as step,  # names the day and file
        lake_lock(lake.root, purpose=f"dagster run {context.run.run_id}"),  # one writer per lake
        workers.mapper() as mapper,
    ):
        for day in days:
            step.day = day
            report = pipeline.clean_day(lake.root, day, mapper)
            context.log.info(f"{day}: {report.rows}, {report.rejected} documents failed")
            for k, v in report.rows.items():
                totals[k] += v
    for table, rows in totals.items():
        yield MaterializeResult(asset_key=table, metadata=table_metadata(lake.root, table, rows, days))
    yield from check_results(lake.root, ["articles", "normalization_edits"], days)
