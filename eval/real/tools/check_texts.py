#!/usr/bin/env python3
"""Say which rebuilt texts differ from what the annotators read.

    python eval/real/tools/check_texts.py [--all]

For each record with a text in `texts/`, every event anchor, participant name, date text and glued
word of its annotation should be found in the text (compared loosely, as the scorer does). A text
where some are not was probably cut or changed when it was rebuilt: those are listed, with what is
missing. Records without a text are counted.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def norm(text: str) -> str:
    """The scorer's loose key: NFKC, no diacritics or tatweel, one alef, one ya, spaces folded."""
    t = DIACRITICS.sub("", unicodedata.normalize("NFKC", text))
    t = re.sub("[أإآٱ]", "ا", t).replace("ى", "ي").replace("ة", "ه")
    return re.sub(r"\s+", " ", t).strip().lower()


def expected(record: dict) -> list[str]:
    """The strings of the annotation that were copied from the text."""
    found = [e["anchor"] for e in record["events"]]
    found += [p["name"] for e in record["events"] for p in e.get("persons", [])]
    found += [d["text"] for d in record.get("dates", [])]
    found += [m["merged"] for m in record.get("merged_words", [])]
    return [s for s in found if s]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--all", action="store_true", help="list every text, not only those that differ")
    a = ap.parse_args()
    records = [json.loads(line) for line in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    absent = differ = 0
    for r in records:
        path = HERE / "texts" / f"{r['id']}.txt"
        if not path.exists():
            absent += 1
            continue
        text = norm(path.read_text(encoding="utf-8"))
        lost = [s for s in expected(r) if norm(s) not in text]
        differ += bool(lost)
        if lost or a.all:
            print(f"{r['id']}\t{len(lost)}/{len(expected(r))} not found\t" + " | ".join(lost[:4]))
    print(
        f"{len(records) - absent} texts, {differ} differ from their annotation, {absent} records without a text"
    )


if __name__ == "__main__":
    main()
