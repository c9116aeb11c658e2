"""Extract layer: articles -> events, their participants, and every entity mention."""

from dagster import AssetExecutionContext, AssetSpec, multi_asset

from akhbar.run import pipeline
from assets.checks import LAYER_RETRY_POLICY, check_specs
from assets.metadata import FRESHNESS, OWNERS
from assets.partitions import arrival_days, single_run
from assets.resources import LakeResource
from assets.runtime import WorkersResource, run_document_stage

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
            name,
            group_name="extract",
            kinds={"parquet"},
            owners=OWNERS,
            freshness_policy=FRESHNESS,
            deps=["articles"],
            description=text,
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
    yield from run_document_stage(
        context, lake, workers, "extract", pipeline.extract_day, "articles", list(_SPECS), last_stage=True
    )
