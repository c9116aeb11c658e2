"""The `akhbar` command as a user runs it: run a folder, then query the warehouse."""

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

from pipelines.cli import main

REPO_SAMPLES = Path(__file__).resolve().parents[1] / "data" / "raw"


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """One real `akhbar run` on the samples: (lake, exit code, what it printed)."""
    base = tmp_path_factory.mktemp("cli")
    raw, lake = base / "raw", base / "lake"
    raw.mkdir()
    for f in REPO_SAMPLES.glob("*.txt"):
        shutil.copy(f, raw / f.name)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["run", "--raw", str(raw), "--lake", str(lake), "--processes", "1", "--quiet"])
    return lake, code, out.getvalue()


def test_run_prints_a_summary_and_exits_0(ran: tuple[Path, int, str]) -> None:
    lake, code, out = ran
    assert code == 0
    assert "files read 5, accepted 5, rejected 0" in out
    assert "articles" in out and "done in" in out
    assert (lake / "warehouse.duckdb").exists()


def test_sql_prints_a_table_csv_and_json(
    ran: tuple[Path, int, str], capsys: pytest.CaptureFixture, tmp_path: Path
) -> None:
    lake = ran[0]
    query = "select language, count(*) as n from articles group by language order by language"
    assert main(["sql", query, "--lake", str(lake)]) == 0
    table = capsys.readouterr().out
    assert "language" in table and "ar" in table and "fr" in table
    assert main(["sql", query, "--lake", str(lake), "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["language,n", "ar,4", "fr,1"]
    file = tmp_path / "q.sql"
    file.write_text(query, encoding="utf-8")
    assert main(["sql", "--file", str(file), "--lake", str(lake), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"language": "ar", "n": 4}, {"language": "fr", "n": 1}]


def test_folders_come_from_the_environment(
    ran: tuple[Path, int, str], capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    lake = ran[0]
    monkeypatch.setenv("AKHBAR_LAKE", str(lake))
    assert main(["sql", "select count(*) as n from events"]) == 0
    assert "n" in capsys.readouterr().out


def test_clear_errors_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["run", "--raw", str(tmp_path / "missing"), "--lake", str(tmp_path / "lake")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["sql", "select 1", "--lake", str(tmp_path / "nolake")]) == 2
    assert "run `akhbar run` first" in capsys.readouterr().err


def test_a_bad_query_says_why(ran: tuple[Path, int, str], capsys: pytest.CaptureFixture) -> None:
    lake = ran[0]
    assert main(["sql", "select * from no_such_table", "--lake", str(lake)]) == 1
    assert "no_such_table" in capsys.readouterr().err


def test_the_program_exits_with_its_code_and_all_its_output(tmp_path: Path) -> None:
    """`akhbar` ends without the interpreter's teardown (`exit_now`): the exit code and everything
    printed still come out, on both streams."""
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    missing = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "run",
            "--raw",
            str(tmp_path / "missing"),
            "--lake",
            str(tmp_path),
        ],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    (tmp_path / "raw").mkdir()
    empty = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "run",
            "--raw",
            str(tmp_path / "raw"),
            "--lake",
            str(tmp_path / "l"),
        ],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert empty.returncode == 0 and empty.stdout.strip().endswith("nothing to do")
