"""Clean layer: decoded documents -> normalized articles, with every edit the cleaning made."""

from dagster import AssetExecutionContext, AssetSpec, multi_asset

from akhbar.run import pipeline
from assets.checks import LAYER_RETRY_POLICY, check_specs
from assets.metadata import FRESHNESS, OWNERS
from assets.partitions import arrival_days, single_run
from assets.resources import LakeResource
from assets.runtime import WorkersResource, run_document_stage


@multi_asset(
    name="clean_layer",
    specs=[
        AssetSpec(
            "articles",
            group_name="clean",
            kinds={"parquet"},
            owners=OWNERS,
            freshness_policy=FRESHNESS,
            deps=["raw_documents"],
            description="One row per distinct accepted raw document: language, header fields and `text_clean` "
            "(boilerplate removed, Unicode and spelling normalized, glued words split).",
        ),
        AssetSpec(
            "normalization_edits",
            group_name="clean",
            kinds={"parquet"},
            owners=OWNERS,
            freshness_policy=FRESHNESS,
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
    yield from run_document_stage(
        context,
        lake,
        workers,
        "clean",
        pipeline.clean_day,
        "raw_documents",
        ["articles", "normalization_edits"],
    )
