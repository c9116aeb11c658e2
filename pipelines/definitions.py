"""The Dagster code location: `dagster dev -w workspace.yaml` (or `dg dev`) loads `defs` from here."""

from __future__ import annotations

from dagster import Definitions, multiprocess_executor

from assets.clean import clean_layer
from assets.extract import extract_layer
from assets.raw import raw_layer
from assets.warehouse import warehouse_assets, warehouse_checks
from pipelines.jobs import all_assets_job
from pipelines.resources import resources
from pipelines.schedules import nightly
from pipelines.sensors import raw_folder_sensor

defs = Definitions(
    assets=[raw_layer, clean_layer, extract_layer, *warehouse_assets],
    asset_checks=[*warehouse_checks],
    jobs=[all_assets_job],
    schedules=[nightly],
    sensors=[raw_folder_sensor],
    resources=resources(),
    executor=multiprocess_executor.configured({"max_concurrent": 2}),
)
