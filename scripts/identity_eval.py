#!/usr/bin/env python3
"""Pair precision and recall of event clusters and person ids against a hand-made gold set.

    akhbar run --raw tests/fixtures/identity/articles --lake /tmp/id_lake
    python scripts/identity_eval.py --lake /tmp/id_lake [--gold tests/fixtures/identity/gold.json]

A pair is two reports (events) or two name mentions (participants) that the gold says are the same
real event or person. Precision: the share of pairs the warehouse puts together that the gold puts
together; recall: the other way round. Events are matched to the gold by file and event type; names
by file and folded name (a name the extraction cut short matches the gold name it starts). Gold
items the extraction missed are listed apart: they measure extraction, not identity.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import duckdb

from akhbar.extract.identity import name_key

GOLD = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "identity" / "gold.json"


def _pairs(items: dict[tuple, str]) -> set[frozenset]:
    return {frozenset((a, b)) for (a, la), (b, lb) in itertools.combinations(items.items(), 2) if la == lb}


def _score(gold: dict[tuple, str], predicted: dict[tuple, str]) -> dict:
    common = {k for k in gold if k in predicted}
    g = _pairs({k: gold[k] for k in common})
    p = _pairs({k: predicted[k] for k in common})
    tp = len(g & p)
    return {
        "items": len(common),
        "missed_by_extraction": sorted("/".join(map(str, k)) for k in set(gold) - common),
        "gold_pairs": len(g),
        "predicted_pairs": len(p),
        "precision": tp / len(p) if p else 1.0,
        "recall": tp / len(g) if g else 1.0,
    }


def _name_match(predicted: str, gold_names: list[str]) -> str | None:
    key = name_key(predicted)
    for gold in gold_names:
        gk = name_key(gold)
        if key == gk or (len(key) > 5 and gk.startswith(key)) or (len(gk) > 5 and key.startswith(gk)):
            return gold
    return None


def evaluate(lake: str | Path, gold_path: str | Path = GOLD) -> dict[str, dict]:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    with duckdb.connect(str(Path(lake) / "warehouse.duckdb"), read_only=True) as con:
        events = con.execute(
            "select a.source_path, e.event_type, e.cluster_id from stg_events e "
            "join stg_articles a using (article_id)"
        ).fetchall()
        people = con.execute(
            "select a.source_path, p.person_name, p.person_id from stg_event_participants p "
            "join stg_articles a using (article_id)"
        ).fetchall()
    gold_events = {(f, t): label for f, types in gold["events"].items() for t, label in types.items()}
    predicted_events = {(f, t): c for f, t, c in events if (f, t) in gold_events}
    gold_people = {(f, n): label for f, names in gold["people"].items() for n, label in names.items()}
    predicted_people: dict[tuple, str] = {}
    for f, name, person_id in people:
        match = _name_match(name, list(gold["people"].get(f, {})))
        if match is not None:
            predicted_people[(f, match)] = person_id
    return {"events": _score(gold_events, predicted_events), "people": _score(gold_people, predicted_people)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lake", required=True)
    ap.add_argument("--gold", default=str(GOLD))
    args = ap.parse_args()
    for kind, s in evaluate(args.lake, args.gold).items():
        print(
            f"{kind:<7} pairs: precision {s['precision']:.3f} recall {s['recall']:.3f} "
            f"({s['predicted_pairs']} predicted, {s['gold_pairs']} gold, {s['items']} items; "
            f"missed by extraction: {', '.join(s['missed_by_extraction']) or 'none'})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
