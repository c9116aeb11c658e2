"""The shared-instance configuration for real: `deploy/dagster.postgres.yaml` on a PostgreSQL server.

Starts a throw-away PostgreSQL server (Debian's `postgresql` package: `initdb` into a temporary
folder, run as the `postgres` user when the test runs as root, listening on loopback only),
copies `deploy/dagster.postgres.yaml` unchanged to a temporary DAGSTER_HOME, starts
`dagster-webserver` and `dagster-daemon` on it (the file's queued run coordinator needs the
daemon), adds an arrival day and launches `akhbar_daily` for it through the webserver's GraphQL
API, waits for success, then reads the run, its event log and its asset check executions
straight from the database. Skipped, saying why, only where no PostgreSQL server binaries are
installed (CI installs them: `.ci/run`).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_ui_smoke import Webserver, _free_port, _stop, _wait_until_up

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SAMPLE = REPO / "data" / "raw" / "000_bd8bc082fb552f6f.txt"
DB, USER = "dagster", "dagster"
RUN_TIMEOUT_S = 180

pytestmark = pytest.mark.slow


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres(cmd: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the `postgres` user then."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@pytest.fixture
def postgres(tmp_path: Path) -> Iterator[int]:
    """A PostgreSQL server on a free loopback port with an empty database `dagster`; its port."""
    pg = _pg_bin()
    if pg is None:
        if os.environ.get("CI"):
            pytest.fail("no PostgreSQL server binaries; .ci/run installs the Debian package `postgresql`")
        pytest.skip("no PostgreSQL server here (install the Debian package `postgresql`)")
    # not under pytest's tmp_path: as root that is private (0700) and the postgres user must reach it
    base = Path(tempfile.mkdtemp(prefix="akhbar-pg-"))
    data, sockets = base / "data", base / "sockets"
    sockets.mkdir()
    if os.geteuid() == 0:
        os.chmod(base, 0o755)
        shutil.chown(base, "postgres")
        shutil.chown(sockets, "postgres")
    _run(
        _as_postgres([str(pg / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync"]),
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    port = _free_port()
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    log = base / "server.log"
    _run(
        _as_postgres([str(pg / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"]),
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    try:
        import psycopg2

        with contextlib.closing(
            psycopg2.connect(host="127.0.0.1", port=port, user=USER, dbname="postgres")
        ) as con:
            con.autocommit = True
            con.cursor().execute(f"create database {DB}")
        yield port
    finally:
        subprocess.run(
            _as_postgres([str(pg / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True, timeout=60,
        )  # fmt: skip
        shutil.rmtree(base, ignore_errors=True)


def _run(cmd: list[str], **kwargs) -> None:
    done = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        **{k: v for k, v in kwargs.items() if k not in ("check", "capture_output")},
    )
    assert done.returncode == 0, (cmd, done.stdout[-2000:], done.stderr[-2000:])


def _start(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        return subprocess.Popen(
            cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


ADD_PARTITION = """mutation Add($repo: RepositorySelector!, $name: String!, $key: String!) {
    addDynamicPartition(repositorySelector: $repo, partitionsDefName: $name, partitionKey: $key) {
        __typename ... on PythonError { message }
} }"""

LAUNCH = """mutation Launch($params: ExecutionParams!) { launchRun(executionParams: $params) {
    __typename ... on LaunchRunSuccess { run { runId } } ... on PythonError { message }
} }"""

RUN = """query Run($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }"""


def test_the_postgres_instance_stores_runs_events_and_checks(postgres: int, tmp_path: Path) -> None:
    import psycopg2

    home, raw, lake = tmp_path / "home", tmp_path / "raw", tmp_path / "lake"
    for folder in (home, raw):
        folder.mkdir()
    shutil.copy(REPO / "deploy" / "dagster.postgres.yaml", home / "dagster.yaml")  # the file as shipped
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    day = time.strftime("%Y-%m-%d", time.gmtime(os.stat(raw / SAMPLE.name).st_mtime))
    env = {k: v for k, v in os.environ.items() if not k.startswith("AKHBAR_")}
    env |= {
        "DAGSTER_HOME": str(home),
        "DAGSTER_PG_HOST": "127.0.0.1",
        "DAGSTER_PG_PORT": str(postgres),
        "DAGSTER_PG_DB": DB,
        "DAGSTER_PG_USER": USER,
        "DAGSTER_PG_PASSWORD": "",
        "DAGSTER_COMPUTE_LOGS_DIR": str(tmp_path / "compute_logs"),
        "AKHBAR_RAW": str(raw),
        "AKHBAR_LAKE": str(lake),
        "AKHBAR_PROCESSES": "1",
    }
    port = _free_port()
    webserver = _start(
        [str(BIN / "dagster-webserver"), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        env, tmp_path / "webserver.log",
    )  # fmt: skip
    daemon = _start(
        [str(BIN / "dagster-daemon"), "run", "-w", "workspace.yaml"], env, tmp_path / "daemon.log"
    )
    server = Webserver(f"http://127.0.0.1:{port}", webserver, tmp_path / "webserver.log")
    try:
        _wait_until_up(server, time.monotonic() + 90)
        repo = {"repositoryLocationName": "pipelines.definitions", "repositoryName": "__repository__"}
        added = server.graphql(ADD_PARTITION, {"repo": repo, "name": "arrival_days", "key": day})
        assert added["addDynamicPartition"]["__typename"] == "AddDynamicPartitionSuccess", added
        params = {
            "selector": {**repo, "jobName": "akhbar_daily"},
            "runConfigData": {},
            "executionMetadata": {"tags": [{"key": "dagster/partition", "value": day}]},
        }
        launched = server.graphql(LAUNCH, {"params": params})["launchRun"]
        assert launched["__typename"] == "LaunchRunSuccess", launched
        run_id = launched["run"]["runId"]
        status, deadline = "QUEUED", time.monotonic() + RUN_TIMEOUT_S
        while time.monotonic() < deadline and status not in ("SUCCESS", "FAILURE", "CANCELED"):
            time.sleep(2)
            status = server.graphql(RUN, {"id": run_id})["runOrError"]["status"]
        daemon_log = (tmp_path / "daemon.log").read_text(errors="replace")[-3000:]
        assert status == "SUCCESS", (status, daemon_log, server.log_tail())
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(daemon.pid, signal.SIGTERM)
        _stop(webserver)
        with contextlib.suppress(subprocess.TimeoutExpired):
            daemon.wait(timeout=20)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(daemon.pid, signal.SIGKILL)

    with contextlib.closing(psycopg2.connect(host="127.0.0.1", port=postgres, user=USER, dbname=DB)) as con:
        cur = con.cursor()
        cur.execute("select pipeline_name, status from runs where run_id = %s", (run_id,))
        assert cur.fetchone() == ("akhbar_daily", "SUCCESS")
        cur.execute(
            "select dagster_event_type, count(*) from event_logs where run_id = %s group by 1", (run_id,)
        )
        events = dict(cur.fetchall())
        # the run-success event keeps its historical name in the event log
        assert events.get("ASSET_MATERIALIZATION", 0) >= 7 and events.get("PIPELINE_SUCCESS") == 1, events
        assert events.get("ASSET_CHECK_EVALUATION", 0) >= 10, events
        cur.execute(
            "select asset_key, check_name, execution_status from asset_check_executions where run_id = %s",
            (run_id,),
        )
        checks = {(key, name): status for key, name, status in cur.fetchall()}
        assert checks[('["articles"]', "article_id_unique_not_null")] == "SUCCEEDED", checks
        assert all(s == "SUCCEEDED" for s in checks.values()), checks
        cur.execute("select partition from dynamic_partitions where partitions_def_name = 'arrival_days'")
        assert cur.fetchall() == [(day,)]
