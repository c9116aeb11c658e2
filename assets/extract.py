"""Extract layer: articles -> events, their participants, and every entity mention."""

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from akhbar import pipeline
from akhbar.lock import lake_lock
from assets.checks import LAYER_RETRY_POLICY, check_results, check_specs, failures_named
from assets.metadata import OWNERS, table_metadata
from assets.partitions import arrival_days, days_of, single_run
from assets.resources import LakeResource
from assets.runtime import WorkersResource

_SPECS = {
    "events": "One row per event an article reports (congress, meeting, general_assembly, public_election, "
    "statement) with date and precision, party, place and HCP codes, and the evidence sentence with offsets.",
    "event_participants": "People named in an event, without titles, with the role, organization and party "
    "the text gives them.",
    "mentions": "Every entity found in an article (person, place, party, organization, date) with its code "
    "(HCP code, party code, ISO date) and offsets in text_clean.",
}


@multi_asset(
    name="extract_layer",
    specs=[
        AssetSpec(
            name, group_name="extract", kinds={"parquet"}, owners=OWNERS, deps=["articles"], description=text
        )
        for name, text in _SPECS.items()
    ],
    check_specs=check_specs(list(_SPECS)),
    partitions_def=arrival_days,
    backfill_policy=single_run,
    retry_policy=LAYER_RETRY_POLICY,
)
def extract_layer(context: AssetExecutionContext, lake: LakeResource, workers: WorkersResource):
    """Extract the event tables from the articles of the run's days."""
    days = [d for d in days_of(context) if pipeline.has_output(lake.root, "articles", d)]
    totals = dict.fromkeys(_SPECS, 0)
    with (
        failures_named("extract", lake.root, context.retry_number) as step,  # names the day and file
        lake_lock(lake.root, purpose=f"dagster run {context.run.run_id}"),  # one writer per lake
        workers.mapper() as mapper,
    ):
        for day in days:
            step.day = day
            report = pipeline.extract_day(lake.root, day, mapper)
            context.log.info(f"{day}: {report.rows}, {report.rejected} documents failed")
            for k, v in report.rows.items():
                totals[k] += v
    for table, rows in totals.items():
        yield MaterializeResult(asset_key=table, metadata=table_metadata(lake.root, table, rows, days))
    yield from check_results(lake.root, list(_SPECS), days)
