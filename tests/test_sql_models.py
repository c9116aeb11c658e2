"""The SQL models and data tests on a tiny real lake: every model builds, every test passes,
and a planted bad row makes exactly the matching rule fail, in the one place that rule lives
(a lake rule of `akhbar.lake.quality` or a SQL data test; docs/quality.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from test_warehouse import DAY, tiny_lake_rows, write_lake

from akhbar.lake import quality
from akhbar.warehouse.build import SQL_DIR, build_order, build_warehouse, data_tests, models, run_data_tests
from akhbar.warehouse.query import query


@pytest.fixture(scope="module")
def clean_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lake = write_lake(tmp_path_factory.mktemp("clean") / "lake", tiny_lake_rows())
    return build_warehouse(lake).path


def test_every_model_builds_in_dependency_order(tmp_path: Path) -> None:
    report = build_warehouse(write_lake(tmp_path / "lake", tiny_lake_rows()))
    assert list(report.model_rows) == build_order()
    assert set(report.model_rows) == set(models())
    order = list(report.model_rows)
    assert all(order.index(m) < order.index("role_holders") for m in ("stg_events", "stg_event_participants"))
    assert report.model_rows["stg_events"] == 3
    assert report.model_rows["events_with_participants"] == 3
    assert report.model_rows["role_holders"] == 2


def test_every_data_test_passes_on_a_clean_lake(clean_warehouse: Path) -> None:
    results = run_data_tests(clean_warehouse)
    assert len(results) == len(data_tests()) >= 5
    assert [(r.name, r.failing, r.sample) for r in results if not r.passed] == []
    assert {r.model for r in results} <= set(models())


def test_marts_answer_the_analyst_questions(clean_warehouse: Path) -> None:
    _, activity = query(
        clean_warehouse,
        "select party, event_month, region_code, region_name_fr, events, congresses, statements "
        "from party_activity_by_month_region order by all",
    )
    assert activity == [
        ("PPS", dt.date(2026, 11, 1), "01", "Tanger-Tétouan-Al Hoceima", 1, 1, 0),
        ("PPS", None, "01", "Tanger-Tétouan-Al Hoceima", 1, 0, 1),
        ("USFP", dt.date(2026, 10, 1), None, None, 1, 0, 0),
    ]
    _, roles = query(
        clean_warehouse,
        "select person_name, role, party, province_name_fr, first_seen, dated_by "
        "from role_holders order by person_name",
    )
    assert roles == [
        ("Driss Lachgar", "Premier secrétaire", "USFP", None, dt.date(2026, 10, 1), "event"),
        ("محمد العلمي", "الكاتب الإقليمي", "PPS", "Tanger-Assilah", dt.date(2026, 11, 8), "event"),
    ]
    _, inactive = query(
        clean_warehouse,
        "select count(*), count(*) filter (where province_code = '01.511') from provinces_without_activity",
    )
    assert inactive == [(74, 0)]
    _, coverage = query(
        clean_warehouse,
        "select language, articles, articles_with_dated_events, events, "
        "dated_events from dated_events_coverage",
    )
    assert coverage == [("ar", 2, 1, 2, 1), ("fr", 1, 1, 1, 1), ("all", 3, 2, 3, 2)]
    _, participants = query(
        clean_warehouse,
        "select event_id, participant_count, participants from events_with_participants order by event_id",
    )
    assert participants[0] == ("e1", 1, "محمد العلمي (الكاتب الإقليمي)")
    assert participants[1] == ("e2", 0, None)


def test_an_article_that_arrived_twice_counts_once(tmp_path: Path) -> None:
    lake = write_lake(tmp_path / "lake", tiny_lake_rows())
    write_lake(lake, tiny_lake_rows(), day="2026-11-24")
    report = build_warehouse(lake)
    assert report.base_rows["events"] == 6
    assert report.model_rows["stg_events"] == 3
    assert report.model_rows["stg_articles"] == 3
    assert all(r.passed for r in run_data_tests(report.path))


def _event(rows: dict, **changes: object) -> None:
    rows["events"].append({**rows["events"][0], "event_id": "bad", **changes})


def _lake_failures(lake: Path) -> dict[str, int]:
    """Failing rows per lake rule (`table.rule`) on the tiny lake's day, as the lake's asset checks see them."""
    days = [dt.date.fromisoformat(DAY)]
    return {
        f"{r.table}.{r.name}": n
        for r in quality.RULES
        if (n := quality.evaluate(r, str(lake), days).failures)
    }


@pytest.fixture(scope="module")
def clean_lake_failures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """The tiny lake's own span mismatches (its offsets are hand-written): a planted row adds to these."""
    return _lake_failures(write_lake(tmp_path_factory.mktemp("clean-lake") / "lake", tiny_lake_rows()))


Planter = Callable[[dict], None]
UNLOCATED = {"start_char": None, "end_char": None}  # the tiny lake's place mention has hand-made offsets
# Each planted bad row and where it is caught: the lake rules (`table.rule`, the asset checks that
# run as the lake is written, docs/quality.md) or the SQL data tests (on the warehouse); never both.
PLANTED: dict[str, tuple[Planter, set[str], set[str]]] = {
    "event_type outside the vocabulary": (
        lambda r: _event(r, event_type="picnic"),
        {"events.event_type_in_vocabulary"},
        set(),
    ),
    "duplicate event_id": (lambda r: _event(r, event_id="e1"), {"events.event_id_unique_not_null"}, set()),
    "event whose article is missing": (
        lambda r: _event(r, article_id="zz"),
        {"events.article_exists"},
        set(),
    ),
    "event without an article_id": (lambda r: _event(r, article_id=None), {"events.article_exists"}, set()),
    "event date far in the future": (
        lambda r: _event(r, event_date=dt.date(2099, 1, 1)),
        set(),
        {"no_future_event_dates"},
    ),
    "article published tomorrow": (
        lambda r: r["articles"][0].update(published_date=dt.date.today() + dt.timedelta(days=2)),
        {"articles.published_date_not_future"},
        set(),
    ),
    "unknown commune code": (
        lambda r: _event(r, commune_code="99.999.99.99"),
        set(),
        {"event_place_codes_in_gazetteer"},
    ),
    "commune of another province": (
        lambda r: _event(r, commune_code="01.511.01.0", province_code="01.573"),
        set(),
        {"event_place_codes_in_gazetteer"},
    ),
    "unknown place code on a mention": (
        lambda r: r["mentions"].append({**r["mentions"][0], **UNLOCATED, "code": "42"}),
        set(),
        {"mention_place_codes_in_gazetteer"},
    ),
    "unknown party code": (lambda r: _event(r, party="XYZ"), set(), {"accepted_party_codes"}),
    "unknown party code on a participant": (
        lambda r: r["event_participants"].append({**r["event_participants"][0], "party": "XYZ"}),
        set(),
        {"accepted_party_codes"},
    ),
    "date precision without a date": (
        lambda r: _event(r, event_date=None, date_precision="day"),
        {"events.date_precision_consistent"},
        set(),
    ),
    "unknown date precision": (
        lambda r: _event(r, date_precision="week"),
        {"events.date_precision_consistent"},
        set(),
    ),
    "place precision without its code": (
        lambda r: _event(r, place_precision="commune", commune_code=None),
        {"events.place_precision_consistent"},
        set(),
    ),
    "unknown place precision": (
        lambda r: _event(r, place_precision="street"),
        {"events.place_precision_consistent"},
        set(),
    ),
    "null event_type": (lambda r: _event(r, event_type=None), {"events.event_type_in_vocabulary"}, set()),
    "participant of a missing event": (
        lambda r: r["event_participants"].append({**r["event_participants"][0], "event_id": "nope"}),
        {"event_participants.event_exists"},
        set(),
    ),
    "participant without a name": (
        lambda r: r["event_participants"].append({**r["event_participants"][0], "person_name": "  "}),
        {"event_participants.person_name_not_empty"},
        set(),
    ),
    "unknown entity type": (
        lambda r: r["mentions"].append(
            {**r["mentions"][0], **UNLOCATED, "entity_type": "animal", "code": None}
        ),
        {"mentions.entity_type_in_vocabulary"},
        set(),
    ),
    "mention whose article is missing": (
        lambda r: r["mentions"].append({**r["mentions"][2], "article_id": "zz"}),
        {"mentions.article_exists"},
        set(),
    ),
    "duplicate article id": (
        lambda r: r["articles"].append({**r["articles"][0], "source_path": "copy.txt"}),
        {"articles.article_id_unique_not_null"},
        set(),
    ),
    "article without a source_path": (
        lambda r: r["articles"][2].update(source_path=None),
        {"articles.source_path_not_null"},
        set(),
    ),
    "article without a language": (
        lambda r: r["articles"][2].update(language=None),
        {"articles.language_is_ar_or_fr"},
        set(),
    ),
}


@pytest.mark.parametrize("case", list(PLANTED))
def test_a_planted_bad_row_is_caught_in_one_place_by_the_matching_rule(
    case: str, tmp_path: Path, clean_lake_failures: dict[str, int]
) -> None:
    plant, lake_rules, sql_tests = PLANTED[case]
    assert bool(lake_rules) != bool(sql_tests)  # each rule lives in one place
    rows = tiny_lake_rows()
    plant(rows)
    lake = write_lake(tmp_path / "lake", rows)
    found = _lake_failures(lake)
    assert {rule for rule, n in found.items() if n > clean_lake_failures.get(rule, 0)} == lake_rules
    report = build_warehouse(lake)
    failed = {r.name: r for r in run_data_tests(report.path) if not r.passed}
    assert set(failed) == sql_tests
    for result in failed.values():
        assert result.failing >= 1 and result.sample and len(result.sample[0]) == len(result.columns)


@pytest.mark.parametrize("analysis", sorted((SQL_DIR / "analyses").glob("*.sql")), ids=lambda p: p.stem)
def test_the_documented_analyst_queries_run(analysis: Path, clean_warehouse: Path) -> None:
    columns, rows = query(clean_warehouse, analysis.read_text(encoding="utf-8"))
    assert columns and rows


def test_a_clusters_place_and_party_come_from_one_report_whatever_the_scan_order(tmp_path: Path) -> None:
    """Two reports of one congress, ingested the same day, naming its commune in two spellings: the tie
    is broken by the smaller event id, not by the order DuckDB's threads read the rows in, so every
    place column comes from one report and every build gives the same rows."""
    rows = tiny_lake_rows()
    first = rows["events"][0]
    second = {
        **first,
        "event_id": "e0",
        "article_id": "a2",
        "place_name": "Tanger",
    }
    rows["events"] = [first, second]
    rows["event_participants"] = []
    lake = write_lake(tmp_path / "lake", rows)
    sql = "select n_reports, place_name, commune_code from event_clusters"
    clusters = query(build_warehouse(lake).path, sql)[1]
    assert clusters == [(2, "Tanger", "01.511.01.0")]
