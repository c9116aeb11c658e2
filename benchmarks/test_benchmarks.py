"""Tests for the benchmark tools and the worker pool: `pytest benchmarks` (a few seconds)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pyarrow.parquet as pq

from akhbar.lake import parquet as lake
from akhbar.run import pipeline
from akhbar.run.parallel import chunk_size, document_mapper
from benchmarks import floor as references
from benchmarks.generate import LAST_DAY, generate
from benchmarks.run import TreeMemory, lake_snapshot


def _digest(paths) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
        h.update(str(p.stat().st_mtime_ns).encode())
    return h.hexdigest()


def test_generator_is_deterministic_and_spreads_days(tmp_path):
    a = generate(60, tmp_path / "a", days=3, seed=1)
    b = generate(60, tmp_path / "b", days=3, seed=1)
    assert _digest(a) == _digest(b)
    days = {dt.datetime.fromtimestamp(p.stat().st_mtime, dt.UTC).date() for p in a}
    assert days == {LAST_DAY - dt.timedelta(days=i) for i in range(3)}
    texts = [p.read_bytes() for p in a]
    assert len(set(texts)) > 50  # varied, not a handful of texts repeated


def test_floor_writes_one_table_of_the_accepted_texts(tmp_path):
    generate(40, tmp_path / "raw", days=1, seed=2)
    out = tmp_path / "floor.parquet"
    result = references.floor(str(tmp_path / "raw"), str(out))
    assert 0 < result["documents"] <= 40
    assert pq.read_metadata(out).num_rows == result["documents"]
    assert set(pq.read_schema(out).names) == {"source_path", "text", "language", "score"}


def test_pool_keeps_order_and_small_inputs_stay_in_process(monkeypatch):
    monkeypatch.setenv("AKHBAR_COLD_WORKERS", "1")  # no warm-up of the stage modules: this maps `abs`
    with document_mapper(2) as mapped:
        assert mapped(abs, [-3, 2, -1]) == [3, 2, 1]  # below SERIAL_BELOW: no pool needed
        rows = list(range(-200, 200))
        assert mapped(abs, rows) == [abs(r) for r in rows]
    assert chunk_size(500, 2) == 10 and chunk_size(40, 2) == 5 and chunk_size(3, 2) == 1


def test_ingest_through_the_pool_lands_the_same_rows(tmp_path):
    generate(120, tmp_path / "raw", days=1, seed=3)
    arrived = pipeline.files_by_day(str(tmp_path / "raw"))[LAST_DAY]
    now = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    pipeline.ingest_day(str(tmp_path / "serial"), LAST_DAY, arrived, now)
    with document_mapper(2) as mapped:
        pipeline.ingest_day(str(tmp_path / "pooled"), LAST_DAY, arrived, now, mapper=mapped)
    for table in ("raw_documents", "rejected_files"):
        serial = [b.to_pylist() for b in lake.read_partition(str(tmp_path / "serial"), table, LAST_DAY)]
        pooled = [b.to_pylist() for b in lake.read_partition(str(tmp_path / "pooled"), table, LAST_DAY)]
        assert serial == pooled


def test_tree_memory_sees_this_process_and_snapshot_skips_bookkeeping(tmp_path):
    import os

    memory = TreeMemory(os.getpid())
    import time

    time.sleep(0.12)
    memory.stop()
    assert memory.peak_rss > 10e6
    (tmp_path / "_lock").write_text("x")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "part-0.parquet").write_bytes(b"x")
    assert list(lake_snapshot(tmp_path)) == ["articles/part-0.parquet"]


def test_real_corpus_is_deterministic_and_every_file_differs(tmp_path):
    from benchmarks import realcorpus

    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text(
        "انعقد المؤتمر يوم 12 مارس 2019 بالرباط. حضره 200 مناضل.\nوقال الأمين العام كلمة.\n"
    )
    (texts / "b.txt").write_text("Le congrès s'est tenu le 3 mai 2021 à Fès. Il a réuni 150 délégués.\n")
    (texts / "c.txt").write_text("وفي 2020 عقد المجلس دورته. ثم صادق على 3 قرارات.\n")
    a = realcorpus.build([texts], 40, tmp_path / "a", days=2, seed=1)
    b = realcorpus.build([texts], 40, tmp_path / "b", days=2, seed=1)
    assert _digest(a) == _digest(b)
    bodies = [p.read_bytes() for p in a]
    assert len(set(bodies)) == 40  # every file differs, even from three short texts
    assert any(b"2019" not in body and "مارس".encode() in body for body in bodies)  # numbers shifted
    days = {dt.datetime.fromtimestamp(p.stat().st_mtime, dt.UTC).date() for p in a}
    assert days == {LAST_DAY, LAST_DAY - dt.timedelta(days=1)}


def test_rare_words_taken_as_unknown_are_cut_into_themselves_and_given_back() -> None:
    from akhbar.clean import wordsplit
    from benchmarks.glue import rare_words_cut

    before = len(wordsplit.arabic_zipf())
    cut = rare_words_cut(300, seed=3)
    assert all("".join(parts) == word for word, parts in cut)
    assert len(wordsplit.arabic_zipf()) == before  # every word put back
