#!/usr/bin/env python3
"""Merge the annotators' part files into `eval/real/gold.jsonl`, each record with its split.

    python eval/real/tools/assemble.py            # parts/*.jsonl -> gold.jsonl (+ dev.jsonl, test.jsonl)

A record keeps the split written in its part file. One without a split is given one here: within
each annotator's part, ids sorted by hash, every third is `test` (a third of each language and
slice), and the split is written back into the part file so it never moves later. `dev.jsonl` and
`test.jsonl` are the two halves, for the scorer's --gold; while texts/ lacks some texts,
`dev.rebuilt.jsonl` and `test.rebuilt.jsonl` hold the records that have one.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def _hash(article_id: str) -> str:
    return hashlib.sha1(article_id.encode()).hexdigest()


def assign_splits(part: Path) -> list[dict]:
    """The part's records, every one with a split (new ones assigned and written back)."""
    rows = [json.loads(line) for line in part.read_text(encoding="utf-8").splitlines() if line.strip()]
    new = sorted((r for r in rows if "split" not in r), key=lambda r: _hash(r["id"]))
    have_test = sum(r.get("split") == "test" for r in rows)
    for i, r in enumerate(new):
        r["split"] = "test" if (i + have_test) % 3 == 2 else "dev"
    if new:
        part.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return rows


def main() -> None:
    records = []
    for part in sorted((HERE / "parts").glob("*.jsonl")):
        records += assign_splits(part)
    records.sort(key=lambda r: r["id"])
    by_url: dict[str, str] = {}
    kept = []
    for r in records:  # the same page found by two annotators: the first id stays
        if r["url"] in by_url:
            print(f"dropped {r['id']}: same url as {by_url[r['url']]}")
            continue
        by_url[r["url"]] = r["id"]
        kept.append(r)
    records = kept
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "duplicate ids"

    def write(name: str, rows: list[dict]) -> None:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        (HERE / name).write_text(text, encoding="utf-8")

    write("gold.jsonl", records)
    for split in ("dev", "test"):
        write(f"{split}.jsonl", [r for r in records if r["split"] == split])
    n = {s: sum(r["split"] == s for r in records) for s in ("dev", "test")}
    langs = {lang: sum(r["language"] == lang for r in records) for lang in ("ar", "fr")}
    print(f"{len(records)} articles ({n['dev']} dev, {n['test']} test; {langs['ar']} ar, {langs['fr']} fr)")
    # a new machine rebuilds texts/ a batch at a time (tools/rebuild_batches.py): the scorer counts an
    # article with no text as wholly missed, so the records that have one are written apart too
    present = [r for r in records if (HERE / "texts" / f"{r['id']}.txt").exists()]
    if len(present) < len(records):
        for split in ("dev", "test"):
            write(f"{split}.rebuilt.jsonl", [r for r in present if r["split"] == split])
        print(
            f"texts/ holds {len(present)} of them: dev.rebuilt.jsonl and test.rebuilt.jsonl score only those"
        )


if __name__ == "__main__":
    main()
