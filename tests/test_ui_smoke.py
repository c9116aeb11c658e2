"""The real Dagster webserver on a free loopback port: the code location loads, lists what an
operator needs, and a run launched through its GraphQL API succeeds.

Runs `dagster-webserver` (no daemon) on temporary raw, lake and DAGSTER_HOME folders. The
instance is the project's `dagster_home/dagster.yaml` with one change: runs start at once
(DefaultRunCoordinator) because the queue is served by the daemon, which is not started here.
Every process the test starts is in its own process group, stopped in a `finally`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from pipelines.definitions import defs

REPO = Path(__file__).resolve().parents[1]
WEBSERVER = Path(sys.executable).parent / "dagster-webserver"  # installed with the project
SAMPLE = REPO / "data" / "raw" / "000_bd8bc082fb552f6f.txt"
LOCATION = "pipelines.definitions"
BUDGET_S = 85  # the whole test, webserver start to run success, stays under 90 s
STARTUP_TIMEOUT_S = 60
GROUPS = {"raw", "clean", "extract", "warehouse"}

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _instance_yaml(home: Path) -> None:
    config = yaml.safe_load((REPO / "dagster_home" / "dagster.yaml").read_text())
    config.pop("concurrency", None)  # queue limits belong to the daemon's coordinator
    config["run_coordinator"] = {"module": "dagster.core.run_coordinator", "class": "DefaultRunCoordinator"}
    (home / "dagster.yaml").write_text(yaml.safe_dump(config))


class Webserver:
    def __init__(self, url: str, process: subprocess.Popen, log: Path) -> None:
        self.url, self.process, self.log = url, process, log
        self.deadline = time.monotonic() + BUDGET_S

    def graphql(self, query: str, variables: dict | None = None, timeout: float = 60) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(
            f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.load(response)
        assert "errors" not in answer, answer["errors"]
        return answer["data"]

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


def _wait_until_up(server: Webserver, deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"dagster-webserver exited with {server.process.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(f"{server.url}/server_info", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"dagster-webserver not up after {STARTUP_TIMEOUT_S} s:\n{server.log_tail()}")


def _stop(process: subprocess.Popen) -> None:
    """Stop the webserver's whole process group (its code server and run workers too)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass
    with contextlib.suppress(ProcessLookupError):  # children that outlived the leader
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture
def webserver(tmp_path: Path) -> Iterator[Webserver]:
    raw, lake, home = tmp_path / "raw", tmp_path / "lake", tmp_path / "dagster_home"
    raw.mkdir()
    home.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    _instance_yaml(home)
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "AKHBAR_RAW": str(raw),
        "AKHBAR_LAKE": str(lake),
        "AKHBAR_PROCESSES": "1",
    }
    env.pop("AKHBAR_LAKE_LOCK", None)
    port = _free_port()
    log = tmp_path / "webserver.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(WEBSERVER), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so the finally stops all of it
        )
    server = Webserver(f"http://127.0.0.1:{port}", process, log)
    try:
        _wait_until_up(server, time.monotonic() + STARTUP_TIMEOUT_S)
        yield server
    finally:
        _stop(process)


WORKSPACE = """{ workspaceOrError { __typename ... on Workspace { locationEntries {
    name loadStatus
    locationOrLoadError { __typename ... on PythonError { message stack } }
} } } }"""

REPOSITORIES = """{ repositoriesOrError { __typename ... on RepositoryConnection { nodes {
    name location { name }
    jobs { name }
    schedules { name cronSchedule }
    sensors { name }
} } } }"""

ASSETS = """{ assetNodes {
    assetKey { path } groupName description kinds
    owners { __typename ... on TeamAssetOwner { team } }
    assetChecksOrError { __typename ... on AssetChecks { checks { name } } }
} }"""

ADD_PARTITION = """mutation Add($repo: RepositorySelector!, $name: String!, $key: String!) {
    addDynamicPartition(repositorySelector: $repo, partitionsDefName: $name, partitionKey: $key) {
        __typename ... on PythonError { message }
} }"""

LAUNCH = """mutation Launch($params: ExecutionParams!) { launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message }
    ... on RunConfigValidationInvalid { errors { message } }
} }"""

RUN = """query Run($id: ID!) { runOrError(runId: $id) { __typename
    ... on Run { status stepStats { stepKey status } }
} }"""

MATERIALIZATION = """query Last($key: AssetKeyInput!) { assetNodes(assetKeys: [$key]) {
    assetMaterializations(limit: 1) {
        partition
        metadataEntries { label ... on IntMetadataEntry { intValue } ... on MarkdownMetadataEntry { mdStr } }
    }
    assetChecksOrError { ... on AssetChecks { checks {
        name executionForLatestMaterialization { runId status }
    } } }
} }"""


def _expected() -> tuple[set[str], set[tuple[str, str]]]:
    graph = defs.get_repository_def().asset_graph
    assets = {key.to_user_string() for key in graph.get_all_asset_keys()}
    checks = {(key.asset_key.to_user_string(), key.name) for key in graph.asset_check_keys}
    return assets, checks


def test_the_ui_lists_everything_and_runs_the_job(webserver: Webserver) -> None:
    started = time.monotonic()
    (entry,) = webserver.graphql(WORKSPACE)["workspaceOrError"]["locationEntries"]
    assert entry["name"] == LOCATION
    assert entry["loadStatus"] == "LOADED"
    assert entry["locationOrLoadError"]["__typename"] == "RepositoryLocation", entry["locationOrLoadError"]

    (repo,) = webserver.graphql(REPOSITORIES)["repositoriesOrError"]["nodes"]
    assert "akhbar_daily" in {j["name"] for j in repo["jobs"]}
    assert {"nightly": "30 1 * * *"}.items() <= {
        s["name"]: s["cronSchedule"] for s in repo["schedules"]
    }.items()
    assert "raw_folder_sensor" in {s["name"] for s in repo["sensors"]}

    nodes = webserver.graphql(ASSETS)["assetNodes"]
    listed = {"/".join(n["assetKey"]["path"]): n for n in nodes}
    assets, checks = _expected()
    assert set(listed) == assets
    assert {n["groupName"] for n in nodes} <= GROUPS
    listed_checks = {(key, c["name"]) for key, n in listed.items() for c in n["assetChecksOrError"]["checks"]}
    assert listed_checks == checks
    for table in ("raw_documents", "rejected_files", "articles", "events", "event_participants", "mentions"):
        node = listed[table]
        assert node["description"] and node["kinds"] == ["parquet"], table
        assert {"team": "akhbar-data", "__typename": "TeamAssetOwner"} in node["owners"], table
        assert node["assetChecksOrError"]["checks"] or table == "raw_documents", table

    day = str(dt.datetime.now(dt.UTC).date())
    repo_selector = {"repositoryLocationName": LOCATION, "repositoryName": repo["name"]}
    added = webserver.graphql(  # arrival days are dynamic partitions: the day is added first
        ADD_PARTITION, {"repo": repo_selector, "name": "arrival_days", "key": day}
    )["addDynamicPartition"]
    assert added["__typename"] == "AddDynamicPartitionSuccess", added
    params = {
        "selector": {
            "repositoryLocationName": LOCATION,
            "repositoryName": repo["name"],
            "jobName": "akhbar_daily",
        },
        "runConfigData": {},
        "executionMetadata": {"tags": [{"key": "dagster/partition", "value": day}]},
    }
    launched = webserver.graphql(LAUNCH, {"params": params})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id = launched["run"]["runId"]

    status, steps = "STARTING", []
    while time.monotonic() < webserver.deadline:
        run = webserver.graphql(RUN, {"id": run_id})["runOrError"]
        status, steps = run["status"], run["stepStats"]
        if status in ("SUCCESS", "FAILURE", "CANCELED"):
            break
        time.sleep(1)
    assert status == "SUCCESS", (status, steps, webserver.log_tail())

    (articles,) = webserver.graphql(MATERIALIZATION, {"key": {"path": ["articles"]}})["assetNodes"]
    (last,) = articles["assetMaterializations"]
    assert last["partition"] == day
    entries = {e["label"]: e for e in last["metadataEntries"]}
    assert entries["dagster/row_count"]["intValue"] == 1
    assert "article_id" in entries["preview"]["mdStr"]
    checked = {
        c["name"]: c["executionForLatestMaterialization"] for c in articles["assetChecksOrError"]["checks"]
    }
    assert checked and all(
        e and e["runId"] == run_id and e["status"] == "SUCCEEDED" for e in checked.values()
    ), checked
    print(f"smoke test: {time.monotonic() - started:.1f} s after the webserver was up")
