"""Identity across articles (issue #16): event clusters, person ids, stable event ids, the analyst API.

Real runs on real files: `akhbar run` through Dagster on the reports in tests/fixtures/identity/
(short Arabic and French texts written for these tests), real Parquet and a real DuckDB warehouse.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import shutil
import sys
from pathlib import Path

import duckdb
import pytest

import akhbar
from akhbar.extract.article import extract_article
from akhbar.extract.identity import known_figure, name_key, role_code, skeleton
from akhbar.ingest.reader import read_header, source_of
from akhbar.text.textedit import TrackedText
from akhbar.warehouse.build import build_warehouse
from akhbar.warehouse.resolve import resolve
from pipelines.cli import main

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "tests" / "fixtures" / "identity" / "articles"
TAZA = (
    "albayane/pps_taza_ar1.txt",
    "hespress/pps_taza_ar2.txt",
    "lematin/pps_taza_fr1.txt",
    "le360/pps_taza_fr2.txt",
)

sys.path.insert(0, str(REPO / "scripts"))
from identity_eval import evaluate  # noqa: E402


def _run(raw: Path, lake: Path) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["run", "--raw", str(raw), "--lake", str(lake), "--processes", "1", "--quiet"]) == 0


def _copy(files: list[str] | tuple[str, ...], raw: Path) -> None:
    for rel in files:
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ARTICLES / rel, raw / rel)


@pytest.fixture(scope="module")
def gold_lake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole identity set, run once."""
    base = tmp_path_factory.mktemp("identity")
    _run(ARTICLES, base / "lake")
    return base / "lake"


@pytest.fixture(scope="module")
def taza_lake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four reports of one congress: two Arabic, two French, four outlets."""
    base = tmp_path_factory.mktemp("taza")
    _copy(TAZA, base / "raw")
    _run(base / "raw", base / "lake")
    return base / "lake"


def _sql(lake: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(lake / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_four_reports_of_one_congress_are_one_cluster_with_one_leader(taza_lake: Path) -> None:
    clusters = _sql(
        taza_lake,
        "select event_type, party, event_date, province_code, n_articles, n_sources, languages from event_clusters",
    )
    assert clusters == [("congress", "PPS", dt.date(2025, 3, 15), "03.561", 4, 4, "ar,fr")]
    leader = _sql(
        taza_lake,
        "select distinct person_id from event_participants where role_code = 'secretary_general'",
    )
    assert (
        len(leader) == 1
    )  # نبيل بنعبد الله, محمد نبيل بن عبد الله, Nabil Benabdallah, Mohamed Nabil Ben Abdallah
    secretary = _sql(
        taza_lake,
        "select count(distinct person_id), count(distinct person_name) from event_participants "
        "where person_name like '%Ouazzani%' or person_name like '%الوزاني%'",
    )
    assert secretary == [(1, 3)]  # nobody famous: linked by the cluster and the transliteration key
    persons = _sql(taza_lake, "select name_ar, name_latin, n_events, n_articles from persons order by 1")
    assert ("نبيل بنعبد الله", "Nabil Benabdallah", 1, 4) in persons


def test_one_party_two_provinces_one_day_are_two_clusters(gold_lake: Path) -> None:
    rows = _sql(
        gold_lake,
        "select province_code, n_articles from event_clusters "
        "where party = 'PPS' and event_date = date '2025-05-10' order by 1",
    )
    assert rows == [("03.061", 2), ("03.231", 2)]  # Meknès, Fès
    tazi = _sql(
        gold_lake, "select count(distinct person_id) from event_participants where person_name like '%Tazi'"
    )
    assert tazi == [(2,)]  # Ahmed Tazi and Karim Tazi share a family name, not an identity


def test_two_councils_a_month_apart_stay_apart(gold_lake: Path) -> None:
    rows = _sql(
        gold_lake,
        "select event_date, n_articles from event_clusters where party = 'PI' and province_code = '04.421' order by 1",
    )
    assert rows == [(dt.date(2025, 6, 7), 2), (dt.date(2025, 7, 5), 2)]


def test_pair_precision_and_recall_on_the_gold_set(gold_lake: Path) -> None:
    scores = evaluate(gold_lake)
    for kind in ("events", "people"):
        assert scores[kind]["precision"] >= 0.95, scores[kind]
        assert scores[kind]["recall"] >= 0.85, scores[kind]
        assert scores[kind]["gold_pairs"] >= 15


def test_cluster_and_person_ids_are_stable_across_rebuilds(gold_lake: Path) -> None:
    query = "select event_id, cluster_id from events union all select event_id || person_name, person_id from event_participants order by 1"
    before = _sql(gold_lake, query)
    build_warehouse(gold_lake)
    assert _sql(gold_lake, query) == before


def test_a_new_day_joins_reports_to_old_events(taza_lake: Path, tmp_path: Path) -> None:
    """The nightly run processes one new arrival day; its report joins the old cluster and keeps its id."""
    lake = tmp_path / "lake"
    shutil.copytree(taza_lake, lake, ignore=shutil.ignore_patterns("warehouse.duckdb*", "_lock"))
    raw = tmp_path / "raw"
    _copy(TAZA, raw)
    _copy(["hespress/pps_taza_undated_ar.txt"], raw)
    tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    late = raw / "hespress" / "pps_taza_undated_ar.txt"
    import os

    os.utime(late, (tomorrow.timestamp(), tomorrow.timestamp()))
    old = _sql(taza_lake, "select cluster_id from event_clusters")
    _run(raw, lake)
    assert _sql(lake, "select cluster_id, n_articles from event_clusters") == [(old[0][0], 5)]


def test_event_ids_do_not_depend_on_offsets() -> None:
    text = (
        "عقد حزب التقدم والاشتراكية يوم السبت 15 مارس 2025 المؤتمر الإقليمي لفرع تازة.\n"
        "وانتخب المؤتمر السيد عبد الرحيم الوزاني كاتبا إقليميا للحزب."
    )
    before = [e["event_id"] for e in extract_article("a1", text, "ar", None).events]
    # a cleaning rule that changes text before the event (here: a longer first line) shifts every offset
    shifted = "مقدمة طويلة عن تاريخ الحزب في الإقليم وعن مناضليه.\n" + text
    after = [e["event_id"] for e in extract_article("a1", shifted, "ar", None).events]
    assert before and before == after
    starts = [e["start_char"] for e in extract_article("a1", shifted, "ar", None).events]
    assert starts != [e["start_char"] for e in extract_article("a1", text, "ar", None).events]


def test_names_fold_across_titles_particles_and_scripts() -> None:
    assert name_key("محمد نبيل بن عبد الله") == name_key("نبيل بنعبد الله")
    assert name_key("Mohamed Nabil Ben Abdallah") == name_key("M. Nabil Benabdallah")
    assert (
        skeleton("عبد الرحيم الوزاني")
        == skeleton("Abderrahim Ouazzani")
        == skeleton("Abderrahim El Ouazzani")
    )
    assert known_figure("نزار بركة") == known_figure("Nizar Baraka") == "nizar_baraka"
    assert role_code("الأمين العام") == role_code("secrétaire général") == "secretary_general"
    assert (
        role_code("عضو الديوان السياسي")
        == role_code("membre du Bureau politique")
        == "political_bureau_member"
    )
    assert role_code("الكاتب الإقليمي") == role_code("secrétaire provincial") == "provincial_secretary"


def test_a_shared_family_name_never_merges_two_people() -> None:
    day = dt.date(2025, 1, 1)
    event = {
        "event_type": "meeting", "event_date": day, "date_precision": "day", "party": "PI",
        "commune_code": None, "province_code": "04.421", "region_code": "04", "ingest_date": day, "reference_day": day,
    }  # fmt: skip
    events = [
        {**event, "event_id": "e1", "article_id": "a1"},
        {**event, "event_id": "e2", "article_id": "a2"},
    ]
    people = [
        {"event_id": "e1", "article_id": "a1", "person_name": "أحمد العلوي", "role": None, "party": "PI", "ingest_date": day},
        {"event_id": "e2", "article_id": "a2", "person_name": "Hamid Alaoui", "role": None, "party": "PI", "ingest_date": day},
        {"event_id": "e2", "article_id": "a2", "person_name": "Karim Alaoui", "role": None, "party": "PI", "ingest_date": day},
    ]  # fmt: skip
    ids = resolve(events, people)
    assert ids.events.column("cluster_id").to_pylist()[0] == ids.events.column("cluster_id").to_pylist()[1]
    assert len(set(ids.participants.column("person_id").to_pylist())) == 3


def test_published_precision_and_source() -> None:
    month = read_header(TrackedText("date 2021-09\nنص المقال"))
    assert (month.published_date, month.published_precision) == (dt.date(2021, 9, 1), "month")
    assert read_header(TrackedText("date 2021-09-14\nنص")).published_precision == "day"
    assert source_of("hespress/2021/a.txt") == "hespress" and source_of("a.txt") is None


def test_articles_source_and_precision_in_the_warehouse(gold_lake: Path) -> None:
    rows = _sql(
        gold_lake, "select source, published_precision, count(*) from articles group by all order by all"
    )
    assert {r[0] for r in rows} == {"albayane", "hespress", "le360", "lematin"}
    assert {r[1] for r in rows} == {"day", None}  # le360/pam_agadir_fr.txt has no date line


def test_warehouse_vocabulary_and_audit(gold_lake: Path) -> None:
    systems = _sql(
        gold_lake,
        "select entity_type, code_system, count(*) from mentions where code is not null group by all",
    )
    assert {(t, s) for t, s, _ in systems} <= {("place", "hcp"), ("party", "party"), ("date", "iso_date")}
    # every cleaning edit can be checked against the raw text it counts in
    wrong = _sql(
        gold_lake,
        "select count(*) from normalization_edits e join raw_documents r using (article_id) "
        "where e.rule <> 'metadata_line' and e.before <> '' and "
        "substr(r.raw_text, e.start_char + 1, length(e.before)) <> e.before",
    )
    assert wrong == [(0,)]
    names = _sql(gold_lake, "select column_name from duckdb_columns() where column_name = 'arrival_date'")
    assert names == []  # the partition column is ingest_date everywhere


def test_notebook_handle_follows_a_rebuild(taza_lake: Path, tmp_path: Path) -> None:
    lake = tmp_path / "lake"
    shutil.copytree(taza_lake, lake, ignore=shutil.ignore_patterns("_lock"))
    held_raw = duckdb.connect(str(lake / "warehouse.duckdb"), read_only=True)  # what a notebook keeps open
    handle = akhbar.connect(lake)
    before = handle.query("select built_at from akhbar_build")["built_at"][0]
    assert akhbar.query("select count(*) as n from event_clusters", lake)["n"][0] == 1
    build_warehouse(lake)  # a run swaps in a new file
    after = handle.query("select built_at from akhbar_build")["built_at"][0]
    assert after > before
    assert akhbar.query("select built_at from akhbar_build", lake)["built_at"][0] == after
    # the trap this avoids: a plain connect in the same process still gets the cached old build
    with duckdb.connect(str(lake / "warehouse.duckdb"), read_only=True) as stale:
        assert stale.execute("select built_at from akhbar_build").fetchone()[0] == before
    held_raw.close()
    handle.close()


def test_sql_cli_missing_file_width_and_bom(
    taza_lake: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["sql", "--lake", str(taza_lake), "--file", str(tmp_path / "missing.sql")]) == 2
    err = capsys.readouterr().err
    assert "missing.sql" in err and "Traceback" not in err
    assert main(["sql", "--lake", str(taza_lake), "--max-width", "0", "select evidence from events"]) == 0
    assert max(len(line) for line in capsys.readouterr().out.splitlines()) > 60
    out = tmp_path / "persons.csv"
    assert (
        main(
            [
                "sql",
                "--lake",
                str(taza_lake),
                "--format",
                "csv",
                "--bom",
                "--output",
                str(out),
                "select name_ar from persons",
            ]
        )
        == 0
    )
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfname_ar") and "نبيل".encode() in data
