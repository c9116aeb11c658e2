"""The warehouse core on a tiny real lake: views, gazetteer, atomic rebuild, lineage from SQL, queries."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from akhbar.tables.schema import CONTRACT_TABLES, PARTITION_KEY, SCHEMAS
from akhbar.warehouse.build import (
    SQL_DIR,
    WAREHOUSE_FILE,
    build_warehouse,
    data_tests,
    guarded_model,
    known_relations,
    model_dependencies,
    relations_read,
    stored_build,
    update_warehouse,
)
from akhbar.warehouse.query import query, render

DAY = "2026-11-23"
NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)

_ROWS: dict[str, list[dict]] = {
    "articles": [
        {
            "article_id": "a1",
            "source_path": "000.txt",
            "language": "ar",
            "language_score": 0.99,
            "published_date": dt.date(2026, 11, 10),
            "title": "مؤتمر إقليمي",
            "author": None,
            "text_clean": "انعقد المؤتمر الإقليمي لحزب التقدم والاشتراكية بطنجة",
            "encoding": "utf-8",
            "ingested_at": NOW,
            "size_bytes": 120,
        },
        {
            "article_id": "a2",
            "source_path": "001.txt",
            "language": "fr",
            "language_score": 0.97,
            "published_date": dt.date(2026, 10, 2),
            "title": "Réunion",
            "author": "A. B.",
            "text_clean": "L'USFP a tenu une réunion en octobre.",
            "encoding": "utf-8",
            "ingested_at": NOW,
            "size_bytes": 80,
        },
        {
            "article_id": "a3",
            "source_path": "002.txt",
            "language": "ar",
            "language_score": 0.9,
            "published_date": None,
            "title": None,
            "author": None,
            "text_clean": "نص بلا حدث",
            "encoding": "windows-1256",
            "ingested_at": NOW,
            "size_bytes": 20,
        },
    ],
    "normalization_edits": [
        {"article_id": "a1", "rule": "remove_tatweel", "before": "ـ", "after": "", "start_char": 4},
    ],
    "rejected_files": [],
    "events": [
        {
            "event_id": "e1",
            "article_id": "a1",
            "event_type": "congress",
            "event_date": dt.date(2026, 11, 8),
            "date_precision": "day",
            "date_text": "8 نونبر 2026",
            "party": "PPS",
            "place_name": "طنجة",
            "commune_code": "01.511.01.0",
            "province_code": "01.511",
            "region_code": "01",
            "place_precision": "commune",
            "evidence": "انعقد المؤتمر الإقليمي",
            "start_char": 0,
            "end_char": 22,
        },
        {
            "event_id": "e2",
            "article_id": "a1",
            "event_type": "statement",
            "event_date": None,
            "date_precision": None,
            "date_text": None,
            "party": "PPS",
            "place_name": "طنجة-أصيلة",
            "commune_code": None,
            "province_code": "01.511",
            "region_code": "01",
            "place_precision": "province",
            "evidence": "بلاغ",
            "start_char": 23,
            "end_char": 27,
        },
        {
            "event_id": "e3",
            "article_id": "a2",
            "event_type": "meeting",
            "event_date": dt.date(2026, 10, 1),
            "date_precision": "month",
            "date_text": "octobre",
            "party": "USFP",
            "place_name": None,
            "commune_code": None,
            "province_code": None,
            "region_code": None,
            "place_precision": None,
            "evidence": "L'USFP a tenu une réunion en octobre.",
            "start_char": 0,
            "end_char": 37,
        },
    ],
    "event_participants": [
        {
            "event_id": "e1",
            "article_id": "a1",
            "person_name": "محمد العلمي",
            "role": "الكاتب الإقليمي",
            "organization": None,
            "party": "PPS",
        },
        {
            "event_id": "e3",
            "article_id": "a2",
            "person_name": "Driss Lachgar",
            "role": "Premier secrétaire",
            "organization": None,
            "party": "USFP",
        },
    ],
    "mentions": [
        {
            "article_id": "a1",
            "entity_type": "place",
            "text": "طنجة",
            "normalized": "طنجة",
            "code": "01.511.01.0",
            "start_char": 40,
            "end_char": 44,
        },
        {
            "article_id": "a1",
            "entity_type": "party",
            "text": "حزب التقدم والاشتراكية",
            "normalized": "حزب التقدم والاشتراكية",
            "code": "PPS",
            "start_char": 18,
            "end_char": 39,
        },
        {
            "article_id": "a2",
            "entity_type": "date",
            "text": "octobre",
            "normalized": "octobre",
            "code": "2026-10",
            "start_char": 29,
            "end_char": 36,
        },
    ],
}


def tiny_lake_rows() -> dict[str, list[dict]]:
    """A few rows per contract table (a fresh copy: tests plant bad rows in it)."""
    return copy.deepcopy(_ROWS)


def write_lake(lake: Path, rows: dict[str, list[dict]], day: str = DAY) -> Path:
    """Write each non-empty table as `<lake>/<table>/ingest_date=<day>/part-0.parquet` (the lake layout)."""
    for table, table_rows in rows.items():
        if not table_rows:
            continue
        folder = lake / table / f"{PARTITION_KEY}={day}"
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(table_rows, schema=SCHEMAS[table]), folder / "part-0.parquet")
    return lake


@pytest.fixture
def tiny_lake(tmp_path: Path) -> Path:
    return write_lake(tmp_path / "lake", tiny_lake_rows())


def test_a_view_per_lake_table_typed_even_when_the_table_has_no_file(tiny_lake: Path) -> None:
    report = build_warehouse(tiny_lake)
    assert report.path == tiny_lake.resolve() / WAREHOUSE_FILE
    assert report.base_rows["rejected_files"] == 0
    assert report.base_rows["events"] == 3
    with duckdb.connect(str(report.path), read_only=True) as con:
        views = {
            r[0] for r in con.execute("select view_name from duckdb_views() where not internal").fetchall()
        }
        assert set(CONTRACT_TABLES) <= views
        types = dict(con.execute("select column_name, column_type from (describe rejected_files)").fetchall())
        assert types == {
            "source_path": "VARCHAR",
            "reason": "VARCHAR",
            "detail": "VARCHAR",
            "seen_at": "TIMESTAMP WITH TIME ZONE",
            "ingest_date": "DATE",
        }
        assert con.execute("select typeof(ingest_date) from events limit 1").fetchone() == ("DATE",)


def test_gazetteer_is_a_table_with_every_level(tiny_lake: Path) -> None:
    report = build_warehouse(tiny_lake)
    with duckdb.connect(str(report.path), read_only=True) as con:
        levels = dict(con.execute("select level, count(*) from gazetteer group by level").fetchall())
        tangier = con.execute(
            "select level, province_code, region_code from gazetteer where code = '01.511.01.0'"
        )
        assert tangier.fetchone() == ("commune", "01.511", "01")
    assert levels["region"] == 12
    assert levels["province"] >= 75
    assert levels["commune"] > 1000


def test_the_lake_may_be_empty(tmp_path: Path) -> None:
    report = build_warehouse(tmp_path / "empty_lake")
    assert all(report.model_rows[m] == 0 for m in ("stg_events", "role_holders"))
    assert report.model_rows["provinces_without_activity"] == 75


def test_a_reader_holding_the_warehouse_open_does_not_block_a_rebuild(tiny_lake: Path) -> None:
    first = build_warehouse(tiny_lake)
    analyst = duckdb.connect(str(first.path), read_only=True)
    try:
        before = analyst.execute("select count(*) from events_with_participants").fetchone()[0]
        rows = tiny_lake_rows()
        rows["events"].append({**rows["events"][0], "event_id": "e4"})
        write_lake(tiny_lake, rows)
        second = build_warehouse(tiny_lake)
        # the analyst keeps the marts of the file they opened (views read the Parquet live)
        assert analyst.execute("select count(*) from events_with_participants").fetchone()[0] == before == 3
        assert second.model_rows["stg_events"] == 4
        assert query(second.path, "select count(*) from stg_events")[1] == [(4,)]
    finally:
        analyst.close()
    assert [p.name for p in tiny_lake.iterdir() if p.name.endswith((".tmp", ".wal"))] == []


def test_a_failing_model_leaves_the_previous_warehouse_in_place(tiny_lake: Path, tmp_path: Path) -> None:
    build_warehouse(tiny_lake)
    broken = tmp_path / "sql"
    (broken / "staging").mkdir(parents=True)
    (broken / "staging" / "stg_bad.sql").write_text("select no_such_column from events\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="stg_bad"):
        build_warehouse(tiny_lake, broken)
    assert query(tiny_lake / WAREHOUSE_FILE, "select count(*) from stg_events")[1] == [(3,)]
    assert [p.name for p in tiny_lake.iterdir() if p.name.endswith(".tmp")] == []


def test_dependencies_come_from_ref_and_from_join_not_from_ctes_or_extract() -> None:
    deps = model_dependencies()
    assert deps["stg_events"] == {"events"}
    assert deps["role_holders"] == {"stg_event_participants", "stg_events", "stg_articles", "gazetteer"}
    assert deps["dated_events_coverage"] == {"stg_articles", "stg_events"}
    known = {"events", "articles", "stg_events"}
    sql = "with x as (select 1) select extract(year from d), 'from articles' from x join events using (id) -- from articles"
    assert relations_read(sql, known) == {"events"}


def test_dependencies_are_read_by_duckdbs_parser_in_the_forms_regexes_miss() -> None:
    known = {"events", "articles", "mentions", "gazetteer"}
    assert relations_read("select * from events, articles", known) == {"events", "articles"}
    assert relations_read('select * from "mentions" as m join "gazetteer" g on g.code = m.code', known) == {
        "mentions",
        "gazetteer",
    }
    assert relations_read(
        "select * from main.events e where e.x in (select 1 from main.articles)", known
    ) == {
        "events",
        "articles",
    }
    with pytest.raises(ValueError, match="cannot parse"):
        relations_read("select * fromm events", known)


def test_query_is_read_only_and_renders_table_csv_json(tiny_lake: Path) -> None:
    path = build_warehouse(tiny_lake).path
    columns, rows = query(path, "select event_id, event_date, party from stg_events order by event_id")
    assert columns == ["event_id", "event_date", "party"]
    assert rows[0] == ("e1", dt.date(2026, 11, 8), "PPS")
    with pytest.raises(duckdb.Error):
        query(path, "drop view stg_events")
    assert render(columns, rows, "csv").splitlines()[:2] == ["event_id,event_date,party", "e1,2026-11-08,PPS"]
    assert json.loads(render(columns, rows, "json"))[2] == {
        "event_id": "e3",
        "event_date": "2026-10-01",
        "party": "USFP",
    }
    table = render(columns, rows, "table").splitlines()
    assert table[0].split(" | ") == ["event_id", "event_date", "party"]
    assert table[-1] == "(3 rows)"
    arabic = render(["name"], [("محمد العلمي",)], "table").splitlines()
    assert arabic[2] == "محمد العلمي"
    with pytest.raises(ValueError):
        render(columns, rows, "xml")


def test_a_killed_build_leftover_is_removed_once_stale(tiny_lake: Path) -> None:
    stale = tiny_lake / f".{WAREHOUSE_FILE}.dead.tmp"
    fresh = tiny_lake / f".{WAREHOUSE_FILE}.running.tmp"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    os.utime(stale, (1, 1))
    build_warehouse(tiny_lake)
    assert not stale.exists() and fresh.exists()


def test_a_data_test_must_guard_a_model(tmp_path: Path) -> None:
    sql = tmp_path / "sql"
    (sql / "tests").mkdir(parents=True)
    (sql / "tests" / "bad_guard.sql").write_text(
        "-- guards: events\nselect * from events\n", encoding="utf-8"
    )
    (sql / "tests" / "no_model.sql").write_text("select * from events where false\n", encoding="utf-8")
    tests = {t.name: t for t in data_tests(sql)}
    with pytest.raises(ValueError, match="not a model"):
        guarded_model(tests["bad_guard"], known_relations(sql))
    with pytest.raises(ValueError, match="reads no model"):
        guarded_model(tests["no_model"], known_relations(sql))


def _identity(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_ino, st.st_mtime_ns


def test_update_leaves_the_file_alone_when_nothing_it_reads_changed(tiny_lake: Path) -> None:
    first = update_warehouse(tiny_lake)
    assert first.rebuilt and first.reason == "no warehouse yet"
    before = _identity(first.path)
    second = update_warehouse(tiny_lake)
    assert not second.rebuilt and "nothing" in second.reason
    assert _identity(second.path) == before
    # the stored row counts stand in for the build's
    assert (second.base_rows, second.model_rows) == (first.base_rows, first.model_rows)
    assert stored_build(second.path)["model_rows"]["stg_events"] == 3


def test_update_rebuilds_for_a_new_partition_a_rewritten_one_or_a_changed_model(
    tiny_lake: Path, tmp_path: Path
) -> None:
    update_warehouse(tiny_lake)
    late = {**tiny_lake_rows()["events"][0], "event_id": "e9", "article_id": "a9"}
    write_lake(tiny_lake, {"events": [late]}, day="2026-11-24")
    new_day = update_warehouse(tiny_lake)
    assert new_day.rebuilt and new_day.reason == "changed since the last build: lake files"
    assert new_day.model_rows["stg_events"] == 4

    rows = tiny_lake_rows()
    rows["events"] = rows["events"][:1]
    write_lake(tiny_lake, rows)  # the same day's partition replaced
    assert update_warehouse(tiny_lake).model_rows["stg_events"] == 2

    sql = tmp_path / "sql"
    for layer in ("staging", "marts"):
        (sql / layer).mkdir(parents=True)
        for model in (SQL_DIR / layer).glob("*.sql"):
            (sql / layer / model.name).write_text(model.read_text(encoding="utf-8"), encoding="utf-8")
    assert not update_warehouse(tiny_lake, sql).rebuilt  # same SQL in another folder: same models
    stg = sql / "staging" / "stg_events.sql"
    stg.write_text(
        stg.read_text(encoding="utf-8").replace("from events\n", "from events where event_id <> 'e9'\n")
    )
    changed = update_warehouse(tiny_lake, sql)
    assert changed.reason == "changed since the last build: SQL models"
    assert changed.model_rows["stg_events"] == 1


def test_a_warehouse_without_a_build_record_is_rebuilt(tiny_lake: Path) -> None:
    with duckdb.connect(str(tiny_lake / WAREHOUSE_FILE)) as con:
        con.execute("create table old as select 1 as x")
    report = update_warehouse(tiny_lake)
    assert report.rebuilt and report.reason == "the warehouse has no build record"
    assert report.model_rows["stg_events"] == 3
