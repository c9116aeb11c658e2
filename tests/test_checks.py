"""Data-quality rules: silent on a good lake, each one fails on a planted bad row, and only on the run's days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from dagster import AssetCheckSeverity, Failure

from akhbar.lake import parquet as lake
from akhbar.lake import quality
from akhbar.lake.lock import LakeLocked
from akhbar.tables.schema import CONTRACT_TABLES
from assets.checks import BLOCKING, check_results, check_specs, failures_named

CHECKED_TABLES = CONTRACT_TABLES  # every contract table has lake checks
DAY = dt.date(2026, 3, 12)
OTHER_DAY = dt.date(2026, 3, 13)
NOW = dt.datetime(2026, 3, 12, 8, tzinfo=dt.UTC)
TEXT_AR = "عقد حزب التقدم والاشتراكية مؤتمره الإقليمي بصفرو يوم الأحد 19 فبراير 2012."
TEXT_FR = "Le bureau politique du PPS s'est réuni à Rabat en mars 2015."


def _article(article_id: str, text: str, language: str) -> dict:
    return {
        "article_id": article_id,
        "source_path": f"{article_id}.txt",
        "language": language,
        "language_score": 0.98,
        "published_date": None,
        "title": None,
        "author": None,
        "text_clean": text,
        "encoding": "utf-8",
        "ingested_at": NOW,
        "size_bytes": len(text.encode()),
    }


def _event(event_id: str, article_id: str, text: str, evidence: str, **extra) -> dict:
    start = text.index(evidence)
    row = {
        "event_id": event_id,
        "article_id": article_id,
        "event_type": "congress",
        "event_date": dt.date(2012, 2, 19),
        "date_precision": "day",
        "evidence": evidence,
        "start_char": start,
        "end_char": start + len(evidence),
    }
    return {**row, **extra}


def _mention(article_id: str, text: str, quoted: str, entity_type: str = "party") -> dict:
    start = text.index(quoted)
    return {
        "article_id": article_id,
        "entity_type": entity_type,
        "text": quoted,
        "normalized": quoted,
        "code": None,
        "start_char": start,
        "end_char": start + len(quoted),
    }


def good_tables() -> dict[str, list[dict]]:
    """One day of a small, correct lake (rows written by hand, the way the layers write them)."""
    return {
        "articles": [_article("a1", TEXT_AR, "ar"), _article("f1", TEXT_FR, "fr")],
        "normalization_edits": [
            {"article_id": "a1", "rule": "remove_tatweel", "before": "ـ", "after": "", "start_char": 4}
        ],
        "rejected_files": [
            {"source_path": "empty.txt", "reason": "empty", "detail": "0 bytes", "seen_at": NOW}
        ],
        "events": [
            _event("e1", "a1", TEXT_AR, "مؤتمره الإقليمي"),
            _event(
                "e2",
                "f1",
                TEXT_FR,
                "s'est réuni à Rabat",
                event_type="meeting",
                event_date=dt.date(2015, 3, 1),
                date_precision="month",
            ),
            _event("e3", "f1", TEXT_FR, "Le bureau", event_date=None, date_precision=None),
        ],
        "event_participants": [
            {
                "event_id": "e1",
                "article_id": "a1",
                "person_name": "إدريس بوطاهر",
                "role": None,
                "organization": None,
                "party": "PPS",
            },
        ],  # fmt: skip
        "mentions": [
            _mention("a1", TEXT_AR, "حزب التقدم والاشتراكية"),
            _mention("f1", TEXT_FR, "Rabat", "place"),
            {**_mention("f1", TEXT_FR, "mars 2015", "date"), "start_char": None, "end_char": None},
        ],
    }


def write_lake(root: Path, tables: dict[str, list[dict]], day: dt.date = DAY) -> str:
    for table, rows in tables.items():
        lake.write_partition(str(root), table, day, rows)
    return str(root)


def failing(root: str, days: list[dt.date] = [DAY]) -> dict[str, int]:  # noqa: B006
    return {
        f"{r.table}.{r.name}": o.failures
        for r in quality.RULES
        if (o := quality.evaluate(r, root, days)).failures
    }


def test_every_rule_holds_on_a_good_lake(tmp_path: Path) -> None:
    root = write_lake(tmp_path, good_tables())
    assert failing(root) == {}


PLANTED = [
    ("articles", 0, {"article_id": None}, "articles.article_id_unique_not_null"),
    ("articles", 1, {"article_id": "a1"}, "articles.article_id_unique_not_null"),
    ("articles", 1, {"source_path": None}, "articles.source_path_not_null"),
    ("articles", 1, {"language": None}, "articles.language_is_ar_or_fr"),
    ("articles", 1, {"language": "en"}, "articles.language_is_ar_or_fr"),
    ("articles", 0, {"language_score": 1.5}, "articles.language_score_in_0_1"),
    ("articles", 0, {"text_clean": "  \n"}, "articles.text_clean_not_empty"),
    ("articles", 0, {"published_date": dt.date(2999, 1, 1)}, "articles.published_date_not_future"),
    ("normalization_edits", 0, {"start_char": -1}, "normalization_edits.start_char_not_negative"),
    ("rejected_files", 0, {"reason": None}, "rejected_files.reason_not_null"),
    ("events", 2, {"event_id": None}, "events.event_id_unique_not_null"),
    ("events", 1, {"event_id": "e3"}, "events.event_id_unique_not_null"),
    ("events", 1, {"article_id": "nope"}, "events.article_exists"),
    ("events", 1, {"article_id": None}, "events.article_exists"),
    ("events", 0, {"event_type": "party"}, "events.event_type_in_vocabulary"),
    ("events", 0, {"event_type": None}, "events.event_type_in_vocabulary"),
    ("events", 0, {"place_precision": "street"}, "events.place_precision_consistent"),
    ("events", 0, {"place_precision": "province"}, "events.place_precision_consistent"),
    ("events", 0, {"date_precision": None}, "events.date_precision_consistent"),
    ("events", 1, {"event_date": dt.date(2015, 3, 7)}, "events.date_precision_consistent"),
    ("events", 0, {"end_char": 10_000}, "events.offsets_inside_text"),
    ("events", 0, {"evidence": "مؤتمر"}, "events.evidence_matches_offsets"),
    ("event_participants", 0, {"event_id": "nope"}, "event_participants.event_exists"),
    ("event_participants", 0, {"event_id": None}, "event_participants.event_exists"),
    ("event_participants", 0, {"person_name": " \u3000"}, "event_participants.person_name_not_empty"),
    ("mentions", 1, {"article_id": "nope"}, "mentions.article_exists"),
    ("mentions", 2, {"article_id": None}, "mentions.article_exists"),
    ("mentions", 0, {"entity_type": "thing"}, "mentions.entity_type_in_vocabulary"),
    ("mentions", 1, {"start_char": 0}, "mentions.offsets_valid"),
]


@pytest.mark.parametrize(
    ("table", "index", "change", "rule"), PLANTED, ids=[p[3] + str(p[2]) for p in PLANTED]
)
def test_a_planted_bad_row_fails_its_rule_and_only_it(
    tmp_path: Path, table: str, index: int, change: dict, rule: str
) -> None:
    tables = good_tables()
    tables[table][index] = {**tables[table][index], **change}
    root = write_lake(tmp_path, tables)
    failures = failing(root)
    if rule == "articles.article_id_unique_not_null" and change.get("article_id") == "a1":
        assert failures[rule] == 2  # both rows with the id are shown
        failures.pop("articles.language_is_ar_or_fr", None)
        failures = {k: v for k, v in failures.items() if k.startswith("articles.")}
    elif table == "articles":  # an article change can also break spans that point into it
        failures = {k: v for k, v in failures.items() if k.startswith("articles.")}
    assert set(failures) == {rule}


def test_an_article_id_seen_on_another_day_is_a_duplicate(tmp_path: Path) -> None:
    write_lake(tmp_path, good_tables())
    root = write_lake(tmp_path, {"articles": [_article("a1", TEXT_AR, "ar")]}, OTHER_DAY)
    assert failing(root, [OTHER_DAY]) == {"articles.article_id_unique_not_null": 1}


def test_an_event_id_seen_on_another_day_is_a_duplicate(tmp_path: Path) -> None:
    write_lake(tmp_path, good_tables())
    other = {
        "articles": [_article("x1", TEXT_AR, "ar")],
        "events": [_event("e1", "x1", TEXT_AR, "مؤتمره الإقليمي")],
    }
    root = write_lake(tmp_path, other, OTHER_DAY)
    assert failing(root, [OTHER_DAY]) == {"events.event_id_unique_not_null": 1}


def test_a_participant_points_at_an_event_of_its_own_day(tmp_path: Path) -> None:
    tables = good_tables()
    participants = tables.pop("event_participants")
    root = write_lake(tmp_path, tables)
    write_lake(tmp_path, {"event_participants": participants}, OTHER_DAY)
    assert failing(root, [DAY, OTHER_DAY]) == {"event_participants.event_exists": 1}


KEY_INTEGRITY = {
    ("articles", "article_id_unique_not_null"),
    ("articles", "source_path_not_null"),
    ("events", "event_id_unique_not_null"),
    ("events", "article_exists"),
    ("event_participants", "event_exists"),
    ("mentions", "article_exists"),
}


def test_key_integrity_blocks_and_every_other_rule_warns(tmp_path: Path) -> None:
    assert BLOCKING == KEY_INTEGRITY
    tables = list(CHECKED_TABLES)
    specs = {(s.asset_key.to_user_string(), s.name): s for s in check_specs(tables)}
    assert {key for key, spec in specs.items() if spec.blocking} == KEY_INTEGRITY
    assert len(specs) == len(quality.RULES)
    planted = good_tables()
    planted["events"][0]["event_type"] = "party"  # a vocabulary rule: warns
    planted["mentions"][1]["article_id"] = "nope"  # a key rule: blocks
    root = write_lake(tmp_path, planted)
    results = {(r.asset_key.to_user_string(), r.check_name): r for r in check_results(root, tables, [DAY])}
    assert {key for key, r in results.items() if not r.passed} == {
        ("events", "event_type_in_vocabulary"),
        ("mentions", "article_exists"),
    }
    for key, result in results.items():
        expected = AssetCheckSeverity.ERROR if key in KEY_INTEGRITY else AssetCheckSeverity.WARN
        assert result.severity == expected, key


def test_only_the_runs_days_are_checked(tmp_path: Path) -> None:
    tables = {  # the other day's articles are other documents, so their events have other ids
        table: [{**row, **{k: "x" + row[k] for k in ("article_id", "event_id") if k in row}} for row in rows]
        for table, rows in good_tables().items()
    }
    tables["events"][0]["event_type"] = "party"
    root = write_lake(tmp_path, tables, OTHER_DAY)
    write_lake(tmp_path, good_tables())
    assert failing(root, [DAY]) == {}
    assert failing(root, [OTHER_DAY]) == {"events.event_type_in_vocabulary": 1}


def test_rejected_files_reads_every_stage_part(tmp_path: Path) -> None:
    root = write_lake(tmp_path, good_tables())
    bad = {"source_path": "x.txt", "reason": None, "detail": "", "seen_at": NOW}
    lake.write_partition(root, "rejected_files", DAY, [bad], part="part-clean")
    assert failing(root) == {"rejected_files.reason_not_null": 1}


def test_dagster_results_carry_count_days_and_a_sample(tmp_path: Path) -> None:
    tables = good_tables()
    tables["events"][0]["event_type"] = "party"
    root = write_lake(tmp_path, tables)
    specs = check_specs(["events"])
    results = {r.check_name: r for r in check_results(root, ["events"], [DAY])}
    assert set(results) == {s.name for s in specs}
    bad = results["event_type_in_vocabulary"]
    assert not bad.passed
    assert bad.metadata["failing_rows"].value == 1
    assert bad.metadata["days_checked"].value == str(DAY)
    assert bad.metadata["sample"].value[0]["event_id"] == "e1"
    assert results["offsets_inside_text"].passed


def test_date_precision_rule() -> None:
    assert quality.date_precision_problem(None, None) is None
    assert quality.date_precision_problem(dt.date(2015, 1, 1), "year") is None
    assert quality.date_precision_problem(dt.date(2015, 6, 1), "year")
    assert quality.date_precision_problem(dt.date(2015, 6, 1), "month") is None
    assert quality.date_precision_problem(dt.date(2015, 6, 1), None)
    assert quality.date_precision_problem(dt.date(2015, 6, 1), "week")


def test_a_step_failure_names_the_layer_day_and_file(tmp_path: Path) -> None:
    target = tmp_path / "lake" / "articles"
    with pytest.raises(Failure) as caught, failures_named("clean", str(tmp_path / "lake")) as step:
        step.day = DAY
        open(target / "part-0.parquet", "wb")  # noqa: SIM115 - the folder is missing: an OSError with a file name
    message = caught.value.description
    assert message.startswith(f"clean layer failed on arrival day {DAY}, file {target / 'part-0.parquet'}")
    assert "FileNotFoundError" in message
    assert caught.value.allow_retries  # transient trouble gets the step's retry policy


def test_a_locked_lake_is_not_retried(tmp_path: Path) -> None:
    with pytest.raises(Failure) as caught, failures_named("raw", str(tmp_path)):
        raise LakeLocked(str(tmp_path), {"pid": 42, "command": "akhbar run"})
    assert "another run holds the lake lock" in caught.value.description
    assert not caught.value.allow_retries


def test_the_last_try_fails_for_good_with_its_own_message(tmp_path: Path) -> None:
    with pytest.raises(Failure) as caught, failures_named("extract", str(tmp_path), retry_number=2) as step:
        step.day = DAY
        raise OSError(28, "No space left on device", str(tmp_path / "_tmp" / "events.tmp"))
    assert not caught.value.allow_retries  # Dagster reports this message, not "Exceeded max_retries"
    assert "extract layer failed on arrival day" in caught.value.description
    assert "events.tmp" in caught.value.description


# --- The rules are DuckDB queries: they must say what the Python definitions say -------------------

DIACRITICS = "قَالَ الأمينُ العامّ لحزبِ الاستقلال"  # combining marks: code points, not graphemes


@pytest.mark.parametrize(
    ("start", "end", "quoted"),
    [
        (0, 5, DIACRITICS[0:5]),
        (6, 14, DIACRITICS[6:14]),
        (6, 14, DIACRITICS[6:13]),
        (0, len(DIACRITICS), DIACRITICS),
        (0, len(DIACRITICS) + 1, DIACRITICS),
        (5, 5, ""),
        (-1, 3, "قَا"),
        (None, 3, "قَا"),
        (2, None, "x"),
    ],
)
def test_span_rule_in_sql_agrees_with_span_problem(
    tmp_path: Path, start: int | None, end: int | None, quoted: str
) -> None:
    tables = good_tables()
    tables["articles"].append(_article("d1", DIACRITICS, "ar"))
    tables["mentions"] = [
        {"article_id": "d1", "entity_type": "party", "text": quoted, "normalized": quoted, "code": None,
         "start_char": start, "end_char": end},
        {"article_id": "gone", "entity_type": "party", "text": "x", "normalized": "x", "code": None,
         "start_char": 0, "end_char": 1},
    ]  # fmt: skip
    root = write_lake(tmp_path, tables)
    rule = next(r for r in quality.RULES if r.name == "offsets_valid")
    problems = {row["article_id"]: row["problem"] for row in rule.find(root, [DAY])}
    assert problems.get("d1") == quality.span_problem(DIACRITICS, start, end, quoted)
    assert "gone" not in problems  # a span without its article is the blocking article_exists's failure
    exists = next(r for r in quality.RULES if (r.table, r.name) == ("mentions", "article_exists"))
    assert [row["article_id"] for row in exists.find(root, [DAY])] == ["gone"]


@pytest.mark.parametrize(
    ("text", "empty"),
    [("\u3000\xa0\x85\x0b \n", True), ("", True), (None, True), ("\xa0ب\u3000", False), ("\u200bx", False)],
)
def test_text_clean_not_empty_strips_what_python_strips(
    tmp_path: Path, text: str | None, empty: bool
) -> None:
    assert (not (text or "").strip()) == empty
    tables = good_tables()
    tables["articles"][1] = {**tables["articles"][1], "text_clean": text}
    root = write_lake(tmp_path, tables)
    assert ("articles.text_clean_not_empty" in failing(root)) == empty


def test_the_sample_is_small_and_the_count_is_all(tmp_path: Path) -> None:
    tables = good_tables()
    tables["mentions"] = [
        {**_mention("a1", TEXT_AR, "حزب التقدم والاشتراكية"), "entity_type": "thing"} for _ in range(40)
    ]
    root = write_lake(tmp_path, tables)
    rule = next(r for r in quality.RULES if r.name == "entity_type_in_vocabulary")
    outcome = quality.evaluate(rule, root, [DAY], sample_size=3)
    assert outcome.failures == 40
    assert len(outcome.sample) == 3
    assert outcome.sample[0]["ingest_date"] == str(DAY)


def test_a_day_without_articles_leaves_every_event_and_mention_without_its_article(tmp_path: Path) -> None:
    tables = good_tables()
    del tables["articles"]
    root = write_lake(tmp_path, tables)
    found = failing(root)
    assert found["events.article_exists"] == 3
    assert found["mentions.article_exists"] == 3  # the unlocated date mention too
    assert set(found) == {"events.article_exists", "mentions.article_exists"}  # not the span rules again


def test_span_rules_in_article_buckets_find_what_one_query_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = good_tables()
    texts = {f"b{i}": f"{TEXT_FR} Numéro {i}." for i in range(12)}
    tables["articles"] += [_article(aid, text, "fr") for aid, text in texts.items()]
    tables["mentions"] += [_mention(aid, text, "Rabat", "place") for aid, text in texts.items()]
    for aid in ("b3", "b7", "b11"):  # three spans that do not quote their text
        tables["mentions"].append({**_mention(aid, texts[aid], "Rabat", "place"), "text": "Paris"})
    root = write_lake(tmp_path, tables)
    rule = next(r for r in quality.RULES if r.name == "offsets_valid")
    whole = quality.evaluate(rule, root, [DAY])
    monkeypatch.setattr(quality, "ARTICLES_PER_BUCKET", 4)  # 14 articles: 4 buckets
    assert [bucket for _, bucket in quality._batches(rule, root, [DAY])] == [(k, 4) for k in range(4)]
    bucketed = quality.evaluate(rule, root, [DAY])
    assert whole.failures == bucketed.failures == 3
    assert {r["article_id"] for r in bucketed.sample} == {"b3", "b7", "b11"}


def test_each_day_is_checked_against_its_own_articles(tmp_path: Path) -> None:
    tables = good_tables()
    write_lake(tmp_path, {"articles": tables.pop("articles")}, day=OTHER_DAY)
    root = write_lake(tmp_path, tables)
    found = failing(root, [DAY, OTHER_DAY])  # the articles arrived on another day of the run
    assert found == {"events.article_exists": 3, "mentions.article_exists": 3}


def test_small_days_are_checked_together_and_a_big_day_in_buckets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    days = [dt.date(2026, 3, d) for d in (1, 2, 3, 4)]
    sizes = {days[0]: 2, days[1]: 2, days[2]: 9, days[3]: 1}
    for day, n in sizes.items():
        write_lake(tmp_path, {"articles": [_article(f"{day}-{i}", TEXT_FR, "fr") for i in range(n)]}, day)
    monkeypatch.setattr(quality, "ARTICLES_PER_BUCKET", 4)
    spans = next(r for r in quality.RULES if r.name == "offsets_valid")
    assert list(quality._batches(spans, str(tmp_path), days)) == [
        ([days[0], days[1]], (0, 1)),
        ([days[2]], (0, 3)),
        ([days[2]], (1, 3)),
        ([days[2]], (2, 3)),
        ([days[3]], (0, 1)),
    ]
    streaming = next(r for r in quality.RULES if r.name == "entity_type_in_vocabulary")
    assert list(quality._batches(streaming, str(tmp_path), days)) == [(days, (0, 1))]
