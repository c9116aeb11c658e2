"""The layout holds: a pure core, no import cycle, every column described, an installable package."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import duckdb
import pytest

from akhbar.lexicons import read_lexicon
from akhbar.tables.dictionary import undescribed
from akhbar.tables.schema import PARTITION_KEY, SCHEMAS
from akhbar.warehouse.catalog import tables_md

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "raw"


@pytest.fixture(scope="module")
def built_lake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lake = tmp_path_factory.mktemp("layout") / "lake"
    cli = Path(sys.executable).with_name("akhbar")
    subprocess.run(
        [str(cli), "run", "--raw", str(SAMPLES), "--lake", str(lake)], check=True, capture_output=True
    )
    return lake


def test_the_core_never_imports_dagster() -> None:
    for path in (REPO / "akhbar").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(n.split(".")[0] == "dagster" for n in names), path


def test_no_import_cycle_and_no_backward_import() -> None:
    done = subprocess.run(
        [sys.executable, "scripts/import_cycles.py"], cwd=REPO, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout


def test_every_lake_column_is_described() -> None:
    assert undescribed({t: [*s.names, PARTITION_KEY] for t, s in SCHEMAS.items()}) == []
    assert all(f.metadata and f.metadata[b"description"] for s in SCHEMAS.values() for f in s)


def test_every_warehouse_column_has_a_comment(built_lake: Path) -> None:
    with duckdb.connect(str(built_lake / "warehouse.duckdb"), read_only=True) as con:
        missing = con.execute(
            "select table_name || '.' || column_name from duckdb_columns() where comment is null and not internal"
        ).fetchall()
        tables = con.execute(
            "select view_name from duckdb_views() where comment is null and not internal "
            "union all select table_name from duckdb_tables() where comment is null and not internal"
        ).fetchall()
    assert missing == [] and tables == []


def test_docs_tables_md_is_current(built_lake: Path) -> None:
    expected = tables_md(str(built_lake / "warehouse.duckdb"))
    assert (REPO / "docs" / "tables.md").read_text(encoding="utf-8") == expected, (
        "docs/tables.md is stale: python -m akhbar.warehouse.catalog <lake>/warehouse.duckdb > docs/tables.md"
    )


def test_every_lexicon_has_a_header_a_key_and_no_duplicate_keys() -> None:
    for path in sorted((REPO / "akhbar" / "lexicons").glob("*.tsv")):
        rows = read_lexicon(path.name)
        assert rows, f"{path.name}: no rows"
        header = list(rows[0])
        assert all(h and h == h.strip() and h.islower() for h in header), f"{path.name}: header {header}"
        keys = [tuple(r.values()) for r in rows]
        duplicates = {k for k in keys if keys.count(k) > 1}
        assert not duplicates, f"{path.name}: duplicate rows {sorted(duplicates)[:3]}"


@pytest.mark.slow
def test_a_non_editable_install_runs_the_samples_and_builds_every_model(tmp_path: Path) -> None:
    """`pip install .` (a wheel, no source tree): the SQL models ship inside the package."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", str(REPO)]
    subprocess.run(pip, check=True, capture_output=True)
    # the dependencies come from this environment (appended after the new venv's own site-packages)
    site = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "akhbar_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DAGSTER_HOME")}
    lake = tmp_path / "lake"
    code = "import akhbar, sys; print(akhbar.__file__); from pipelines.cli import main; sys.exit(main())"
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code, "run", "--raw", str(SAMPLES), "--lake", str(lake)],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert str(venv) in done.stdout.splitlines()[0], "akhbar was imported from the source tree"
    sql = [p.stem for layer in ("staging", "marts") for p in (REPO / "dbt_like_sql" / layer).glob("*.sql")]
    with duckdb.connect(str(lake / "warehouse.duckdb"), read_only=True) as con:
        built = {
            r[0]
            for r in con.execute(
                "select table_name from duckdb_tables() union select view_name from duckdb_views()"
            ).fetchall()
        }
    assert set(sql) <= built


def test_definite_plural_heads_and_definite_election_cues_are_read() -> None:
    """The lexicon rows that once stood duplicated now carry the definite forms they stood in for."""
    from akhbar.extract.dates import find_dates
    from akhbar.extract.places import find_places

    places = find_places("عقد الحزب لقاءات بالأقاليم تازة وتاونات.", "ar")
    assert {m.code for m in places} == {"03.561", "03.531"}
    years = find_dates("شارك الحزب في الجماعيات 2015 وفي الاقتراع 2016.", "ar")
    assert [d.iso for d in years] == ["2015", "2016"]
