#!/usr/bin/env python3
"""Split the corpus's recorded queries into batches, for rebuilding `texts/` on a new machine.

    python eval/real/tools/rebuild_batches.py OUT_DIR [--size 40]

The texts are not in git. Each batch file lists queries, each with the articles (id, url, rank) it
found; whoever rebuilds runs the library's `search` tool (corpus `pages`) once per query and saves
the excerpt of the result with the recorded url as `texts/<id>.txt`. Queries whose articles all have
a text already are left out, so a half-done rebuild resumes. `check_texts.py` then says which texts
differ from what the annotators read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--size", type=int, default=40, help="queries per batch")
    a = ap.parse_args()
    records = [json.loads(line) for line in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    by_query: dict[str, list[dict]] = {}
    for r in records:
        if not (HERE / "texts" / f"{r['id']}.txt").exists():
            by_query.setdefault(r["query"], []).append({"id": r["id"], "url": r["url"], "rank": r["rank"]})
    queries = [{"query": q, "articles": arts} for q, arts in by_query.items()]
    a.out.mkdir(parents=True, exist_ok=True)
    batches = [queries[start : start + a.size] for start in range(0, len(queries), a.size)]
    for n, batch in enumerate(batches):
        (a.out / f"batch_{n:02d}.json").write_text(
            json.dumps(batch, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    print(
        f"{len(queries)} queries, {sum(len(q['articles']) for q in queries)} articles, in {len(batches)} batches"
    )


if __name__ == "__main__":
    main()
