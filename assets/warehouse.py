"""Warehouse layer: the DuckDB file analysts query, one asset per SQL model, SQL data tests as checks.

One multi-asset builds everything in one step: the warehouse is rebuilt whole into a new
file and swapped in (see `akhbar.warehouse`), so building a subset would make no sense
(`can_subset=False`). It is rebuilt only when the lake, the SQL or the gazetteer changed
since the last build; otherwise the step leaves the file alone, reports the stored row
counts (metadata `rebuilt: false` and why) and still runs the data tests, read-only. The
specs are generated from `dbt_like_sql/`: adding a `.sql` file adds an asset (or a check),
and each asset's upstreams are the relations its SQL reads, so the lineage in the UI is the
SQL's. The data tests warn (WARN severity, not blocking): the key-integrity rules are blocking
lake checks, run before this step (docs/quality.md). Lake tables in a model's FROM/JOIN point at the lake assets; `gazetteer` and
`vocabularies` point at `warehouse_views`, the base of the file.
"""

import hashlib

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    AssetKey,
    AssetSpec,
    MaterializeResult,
    MetadataValue,
    multi_asset,
)

from akhbar.lake.lock import lake_lock
from akhbar.tables import schema
from akhbar.warehouse.build import (
    BASE_TABLES,
    SQL_DIR,
    TestResult,
    data_tests,
    guarded_model,
    known_relations,
    model_dependencies,
    models,
    run_data_tests,
    update_warehouse,
)
from assets.metadata import FRESHNESS, OWNERS
from assets.resources import LakeResource
from assets.runtime import tag_run

GROUP = "warehouse"
KINDS = {"duckdb", "sql"}
BASE_ASSET = "warehouse_views"
SAMPLE_CHARS = 80


def _upstream(relation: str) -> AssetKey:
    return AssetKey([BASE_ASSET if relation in BASE_TABLES else relation])


def _specs() -> list[AssetSpec]:
    base = AssetSpec(
        BASE_ASSET,
        group_name=GROUP,
        kinds=KINDS,
        owners=OWNERS,
        freshness_policy=FRESHNESS,
        deps=[AssetKey([t]) for t in schema.CONTRACT_TABLES],
        description="warehouse.duckdb itself: one view per lake table (same name, over its Parquet, typed and "
        "empty when the table has no file yet), the gazetteer of HCP codes and the contract vocabularies.",
    )
    dependencies = model_dependencies(SQL_DIR)
    specs = [base]
    for name, model in models(SQL_DIR).items():
        specs.append(
            AssetSpec(
                name,
                group_name=GROUP,
                kinds=KINDS,
                owners=OWNERS,
                freshness_policy=FRESHNESS,
                deps=sorted({_upstream(r) for r in dependencies[name]}, key=lambda k: k.to_user_string()),
                description=model.description or None,
                code_version=hashlib.sha256(model.sql.encode()).hexdigest()[:12],
                metadata={
                    "materialized": model.materialized,
                    "sql_file": MetadataValue.path(str(model.path.relative_to(SQL_DIR.parent))),
                    "sql": MetadataValue.md(f"```sql\n{model.sql}\n```"),
                },
            )
        )
    return specs


def _check_specs() -> list[AssetCheckSpec]:
    known = known_relations(SQL_DIR)
    return [
        AssetCheckSpec(
            test.name,
            asset=_upstream(guarded_model(test, known)),
            description=test.description or None,
            metadata={"sql_file": MetadataValue.path(str(test.path.relative_to(SQL_DIR.parent)))},
        )
        for test in data_tests(SQL_DIR)
    ]


def _markdown(result: TestResult) -> str:
    """The failing rows' sample as a markdown table, long cells cut."""

    def cell(value: object) -> str:
        text = "" if value is None else " ".join(str(value).split()).replace("|", "/")
        return text if len(text) <= SAMPLE_CHARS else text[: SAMPLE_CHARS - 1] + "…"

    lines = ["| " + " | ".join(result.columns) + " |", "|" + "---|" * len(result.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in result.sample]
    return "\n".join(lines)


def failing_text(n: int) -> str:
    return f"{n} failing row" + ("" if n == 1 else "s")


def check_result(result: TestResult) -> AssetCheckResult:
    """One SQL data test's outcome; the description says what the test asserts and how it went.

    Every SQL data test warns: the key-integrity rules, which block, are lake checks
    (`assets/checks.py`) and run before the warehouse is built (docs/quality.md)."""
    metadata = {"failing_rows": MetadataValue.int(result.failing)}
    if result.failing:
        metadata["sample"] = MetadataValue.md(_markdown(result))
    what = (result.description or f"SQL data test {result.name}").rstrip(".")
    return AssetCheckResult(
        asset_key=_upstream(result.model),
        check_name=result.name,
        passed=result.passed,
        severity=AssetCheckSeverity.WARN,
        metadata=metadata,
        description=f"{what}: {'passed' if result.passed else failing_text(result.failing)}.",
    )


@multi_asset(
    name="warehouse",
    specs=_specs(),
    check_specs=_check_specs(),
    can_subset=False,
)
def warehouse(context: AssetExecutionContext, lake: LakeResource):
    """Rebuild warehouse.duckdb (views, gazetteer, every SQL model) if an input changed, and run the
    SQL data tests on it."""
    tag_run(context)
    with lake_lock(lake.root, purpose=f"dagster run {context.run.run_id} (warehouse)"):
        report = update_warehouse(lake.root, SQL_DIR)
        results = run_data_tests(report.path, SQL_DIR)
    context.log.info(f"warehouse {'rebuilt' if report.rebuilt else 'not rebuilt'}: {report.reason}")
    build = {
        "path": MetadataValue.path(str(report.path)),
        "rebuilt": MetadataValue.bool(report.rebuilt),
        "build_reason": MetadataValue.text(report.reason),
    }
    yield MaterializeResult(
        asset_key=BASE_ASSET,
        metadata={
            **build,
            **{f"rows/{name}": MetadataValue.int(rows) for name, rows in report.base_rows.items()},
        },
    )
    for name, rows in report.model_rows.items():
        yield MaterializeResult(
            asset_key=name, metadata={"dagster/row_count": MetadataValue.int(rows), **build}
        )
    for result in results:
        if not result.passed:
            context.log.warning(f"data test {result.name} on {result.model}: {failing_text(result.failing)}")
        yield check_result(result)


warehouse_assets = [warehouse]
warehouse_checks: list = []  # the checks are declared on the multi-asset (check_specs), not separately
