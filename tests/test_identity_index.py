"""The event clustering's index (`akhbar.warehouse.resolve`): it must find exactly what comparing a
report with every cluster of its buckets finds, including rows the lake does not hold today (a
precision without a date, a date with an unknown precision, blank codes, a commune without its
province), since it only changes the cost of clustering, never its result.
"""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pyarrow as pa
import pytest

from akhbar.warehouse.resolve import (
    _NO,
    EVENT_COLUMNS,
    NULL,
    _Cluster,
    _Event,
    _Named,
    _place_fit,
    _place_patterns,
    _Places,
    cluster_events,
)

START = dt.date(2023, 12, 20)  # six weeks across a month and a year boundary


def _events(rng: random.Random, n: int) -> pa.Table:
    def day(p_null: float) -> dt.date | None:
        return None if rng.random() < p_null else START + dt.timedelta(days=rng.randrange(45))

    rows = []
    for i in range(n):
        commune = rng.choice([None, "", "c1", "c2", "c3", "c4"])
        province = rng.choice([None, "p1", "p2"]) if rng.random() < 0.8 else None
        rows.append(
            {
                "event_id": f"e{rng.randrange(10**6):06d}{i}",
                "event_type": rng.choice(["meeting", "congress"]),
                "event_date": day(0.3),
                "date_precision": rng.choice(["day", "day", "day", "month", "year", None, "range"]),
                "party": rng.choice(["PI", "PPS", None, ""]),
                "commune_code": commune,
                "province_code": province,
                "region_code": rng.choice([None, "", "r1", "r2"]),
                "ingest_date": START + dt.timedelta(days=rng.randrange(3)),
                "reference_day": day(0.1),
            }
        )
    return pa.table({k: pa.array([r[k] for r in rows], t) for k, t in EVENT_COLUMNS.items()})


def _named(rng: random.Random, n: int) -> _Named:
    event = np.array([rng.randrange(n) for _ in range(n)], dtype=np.int64)
    person = np.array([rng.randrange(6) for _ in range(n)], dtype=np.int64)
    return _Named(event, person, n)


@pytest.mark.parametrize("seed", range(60))
def test_index_finds_what_a_scan_of_the_buckets_finds(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.choice([50, 200, 600])
    events = _events(rng, n)
    indexed, first = cluster_events(events, _named(random.Random(seed), n))
    scanned, first_scanned = cluster_events(events, _named(random.Random(seed), n), scan=True)
    assert indexed.tolist() == scanned.tolist()
    assert first.tolist() == first_scanned.tolist()
    assert len(set(indexed.tolist())) < n  # some reports did meet


def test_place_patterns_are_exactly_the_places_that_fit() -> None:
    codes = (NULL, 1, 2)
    places = [(c, p, r) for c in codes for p in codes for r in codes]
    index = _Places()
    clusters = []
    for number, place in enumerate(places):
        cluster = _Cluster(number)
        cluster.commune, cluster.province, cluster.region = place
        clusters.append(cluster)
        index.add(number, place)
    for place in places:
        event = _Event(0, 0, None, None, place, frozenset())
        found: list[tuple[int, set[int]]] = []
        index.find(tuple((p, 0) for p in _place_patterns(*place)), found)
        numbers = [n for _, numbers in found for n in numbers]
        assert len(numbers) == len(set(numbers))  # the patterns are disjoint
        assert set(numbers) == {c.number for c in clusters if _place_fit(event, c) != _NO}
    for number, place in enumerate(places):  # removing leaves nothing behind
        index.remove(number, place)
    assert index.empty() and not index.commune and not index.bare
