"""What an operator sees after `akhbar run`, asked of the real Dagster webserver (GraphQL) and, at
the end, of a real headless Chromium.

One module-scoped setup: the samples spread over three arrival days, `akhbar run` (the installed
command) with DAGSTER_HOME set, a second `akhbar run` that must find nothing new, then
`dagster-webserver` on that same instance. The tests then read the partitions, freshness
policies, blocking checks and run tags through GraphQL, plant a duplicate article so a blocking
check fails, and look at it all in the browser.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from dagster import SensorResult, build_sensor_context
from test_ui_smoke import Webserver, _free_port, _instance_yaml, _stop, _wait_until_up

from assets.checks import BLOCKING
from pipelines.sensors import raw_folder_sensor, read_cursor

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SAMPLES = sorted((REPO / "data" / "raw").glob("*.txt"))
LAKE_ASSETS = ["raw_documents", "rejected_files", "articles", "normalization_edits", "events",
               "event_participants", "mentions"]  # fmt: skip
TODAY = dt.datetime.now(dt.UTC).date()
DAYS = [TODAY - dt.timedelta(days=n) for n in (9, 5, 2)]  # three arrival days, with gaps between
SECOND_RUN_BUDGET_S = 10.0

pytestmark = pytest.mark.slow


@dataclass
class Setup:
    raw: Path
    lake: Path
    home: Path
    env: dict[str, str]
    first: subprocess.CompletedProcess
    second: subprocess.CompletedProcess
    second_seconds: float
    before: dict[str, tuple[int, int, int]]
    after: dict[str, tuple[int, int, int]]
    server: Webserver


def _files(lake: Path) -> dict[str, tuple[int, int, int]]:
    """Every file under the lake (Parquet, warehouse, ledger) with inode, size and mtime."""
    out = {}
    for path in sorted(lake.rglob("*")):
        if path.is_file():
            st = path.stat()
            out[str(path.relative_to(lake))] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return out


def akhbar(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "akhbar"), "run", "--processes", "1", "--quiet", *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    base = tmp_path_factory.mktemp("operator")
    raw, lake, home = base / "raw", base / "lake", base / "dagster_home"
    raw.mkdir()
    home.mkdir()
    for i, sample in enumerate(SAMPLES):  # 1, 2 and 2 files on the three days
        day = DAYS[min(2, (i + 1) // 2)]
        target = raw / sample.name
        shutil.copy(sample, target)
        noon = dt.datetime.combine(day, dt.time(12), dt.UTC).timestamp()
        os.utime(target, (noon, noon))
    _instance_yaml(home)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AKHBAR_")}
    env |= {
        "DAGSTER_HOME": str(home),
        "AKHBAR_RAW": str(raw),
        "AKHBAR_LAKE": str(lake),
        "AKHBAR_PROCESSES": "1",
    }

    first = akhbar(env)
    before = _files(lake)
    started = time.monotonic()
    second = akhbar(env)
    second_seconds = time.monotonic() - started
    after = _files(lake)

    port = _free_port()
    log = base / "webserver.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(BIN / "dagster-webserver"), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    server = Webserver(f"http://127.0.0.1:{port}", process, log)
    try:
        _wait_until_up(server, time.monotonic() + 90)
        yield Setup(raw, lake, home, env, first, second, second_seconds, before, after, server)
    finally:
        _stop(process)


def test_akhbar_run_then_again_with_nothing_new_is_fast_and_writes_nothing(setup: Setup) -> None:
    assert setup.first.returncode == 0, setup.first.stderr[-3000:]
    assert "files read 5, accepted 5, rejected 0" in setup.first.stdout
    assert setup.second.returncode == 0, setup.second.stderr[-3000:]
    assert "3 arrival day(s) unchanged" in setup.second.stdout and "nothing new" in setup.second.stdout
    assert setup.second_seconds < SECOND_RUN_BUDGET_S, setup.second_seconds
    assert setup.after == setup.before  # not one file rewritten, touched, added or removed
    print(f"second akhbar run: {setup.second_seconds:.1f} s")


PARTITIONS = """query P($keys: [AssetKeyInput!]) { assetNodes(assetKeys: $keys) {
    assetKey { path }
    partitionStats { numMaterialized numPartitions numFailed numMaterializing }
    assetPartitionStatuses { __typename ... on DefaultPartitionStatuses {
        materializedPartitions unmaterializedPartitions failedPartitions materializingPartitions } }
} }"""


def test_the_ui_reports_the_three_days_materialized_and_nothing_missing(setup: Setup) -> None:
    keys = [{"path": [name]} for name in LAKE_ASSETS]
    nodes = setup.server.graphql(PARTITIONS, {"keys": keys})["assetNodes"]
    assert {n["assetKey"]["path"][0] for n in nodes} == set(LAKE_ASSETS)
    for node in nodes:
        name, statuses = node["assetKey"]["path"][0], node["assetPartitionStatuses"]
        assert statuses["__typename"] == "DefaultPartitionStatuses", name
        assert sorted(statuses["materializedPartitions"]) == [str(d) for d in DAYS], name
        assert statuses["unmaterializedPartitions"] == [] and statuses["failedPartitions"] == [], name
        assert node["partitionStats"] == {
            "numMaterialized": 3, "numPartitions": 3, "numFailed": 0, "numMaterializing": 0
        }, name  # fmt: skip


POLICIES = """{ assetNodes {
    assetKey { path }
    internalFreshnessPolicy { __typename ... on TimeWindowFreshnessPolicy { failWindowSeconds warnWindowSeconds } }
    assetChecksOrError { ... on AssetChecks { checks { name blocking } } }
} }"""


def test_freshness_policies_and_blocking_checks_are_visible(setup: Setup) -> None:
    nodes = {n["assetKey"]["path"][0]: n for n in setup.server.graphql(POLICIES)["assetNodes"]}
    assert set(LAKE_ASSETS) <= set(nodes) and "warehouse_views" in nodes
    for name, node in nodes.items():  # every asset: lake tables, warehouse file and models
        policy = node["internalFreshnessPolicy"]
        assert policy == {
            "__typename": "TimeWindowFreshnessPolicy", "failWindowSeconds": 36 * 3600, "warnWindowSeconds": 26 * 3600
        }, name  # fmt: skip
    blocking = {
        (name, c["name"])
        for name, n in nodes.items()
        for c in n["assetChecksOrError"]["checks"]
        if c["blocking"]
    }
    assert blocking == BLOCKING


RUNS = """{ runsOrError { ... on Runs { results {
    runId jobName status tags { key value }
    stepStats { stepKey status }
} } } }"""


def _runs(setup: Setup) -> list[dict]:
    runs = setup.server.graphql(RUNS)["runsOrError"]["results"]
    for run in runs:
        run["tags"] = {t["key"]: t["value"] for t in run["tags"]}
    return runs


def test_the_cli_run_is_in_the_instance_with_its_job_range_and_tags(setup: Setup) -> None:
    (run,) = _runs(setup)  # the second `akhbar run` started no run
    assert run["jobName"] == "akhbar_daily" and run["status"] == "SUCCESS"
    tags = run["tags"]
    assert tags["dagster/asset_partition_range_start"] == str(DAYS[0])
    assert tags["dagster/asset_partition_range_end"] == str(DAYS[-1])
    assert tags["akhbar/launched_by"] == "cli" and tags["akhbar/writes_lake"] == "true"
    assert tags["akhbar/project"] == "akhbar"


def test_the_sensor_takes_the_cli_run_into_account(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKHBAR_RAW", str(setup.raw))
    monkeypatch.setenv("AKHBAR_LAKE", str(setup.lake))
    result = raw_folder_sensor(build_sensor_context(cursor=None))
    assert isinstance(result, SensorResult) and not result.run_requests
    assert "3 day(s) already processed by `akhbar run`" in result.skip_reason.skip_message
    assert sorted(read_cursor(result.cursor)) == [str(d) for d in DAYS]


CHECKS = """query C($key: AssetKeyInput!) { assetNodes(assetKeys: [$key]) {
    assetChecksOrError { ... on AssetChecks { checks {
        name blocking executionForLatestMaterialization { runId status
            evaluation { severity description } }
    } } }
} }"""


def test_a_failed_blocking_check_fails_the_run_and_stops_the_later_layers(setup: Setup) -> None:
    # plant a copy of day 3's articles under a fourth day: the article ids are no longer unique
    planted = setup.lake / "articles" / f"ingest_date={TODAY - dt.timedelta(days=1)}"
    planted.mkdir()
    shutil.copy(
        setup.lake / "articles" / f"ingest_date={DAYS[2]}" / "part-0.parquet", planted / "part-0.parquet"
    )
    warehouse = (setup.lake / "warehouse.duckdb").stat()
    failed = akhbar(setup.env, "--force", "--days", f"{DAYS[2]}:{DAYS[2]}")
    assert failed.returncode == 1
    assert "blocking asset check failed" in failed.stderr and "article_id_unique_not_null" in failed.stderr

    run = next(r for r in _runs(setup) if r["tags"].get("dagster/partition") == str(DAYS[2]))
    assert run["status"] == "FAILURE" and run["jobName"] == "akhbar_daily"
    steps = {s["stepKey"]: s["status"] for s in run["stepStats"]}
    assert steps["raw_layer"] == "SUCCESS" and steps["clean_layer"] == "FAILURE"
    assert steps.get("extract_layer") != "SUCCESS" and steps.get("warehouse") != "SUCCESS"
    assert (setup.lake / "warehouse.duckdb").stat().st_mtime_ns == warehouse.st_mtime_ns  # not rebuilt

    node = setup.server.graphql(CHECKS, {"key": {"path": ["articles"]}})["assetNodes"][0]
    checks = {c["name"]: c for c in node["assetChecksOrError"]["checks"]}
    unique = checks["article_id_unique_not_null"]
    assert unique["blocking"] and unique["executionForLatestMaterialization"]["runId"] == run["runId"]
    assert unique["executionForLatestMaterialization"]["status"] == "FAILED"
    assert unique["executionForLatestMaterialization"]["evaluation"]["severity"] == "ERROR"


def test_the_browser_shows_the_graph_the_asset_page_and_the_failed_check(
    setup: Setup, tmp_path: Path
) -> None:
    spec = importlib.util.spec_from_file_location("ui_check", REPO / "scripts" / "ui_check.py")
    ui_check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ui_check)
    BrowserUnavailable, check_ui = ui_check.BrowserUnavailable, ui_check.check_ui  # noqa: N806

    shots = Path(os.environ.get("AKHBAR_SCREENSHOTS", tmp_path))
    try:
        seen = check_ui(setup.server.url, shots)
    except BrowserUnavailable as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no headless Chromium here: {exc}")
    assert seen["graph"] and seen["asset_page"] and seen["failed_check"], seen
    assert (shots / "asset_graph.png").stat().st_size > 10_000
