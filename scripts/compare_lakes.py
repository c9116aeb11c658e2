#!/usr/bin/env python3
"""Compare two lakes table by table: same rows, ignoring run-time columns (`ingested_at`, `seen_at`).

    python scripts/compare_lakes.py LAKE_A LAKE_B [--ignore col,col]

Used to show that a change of structure or speed leaves the output identical. Prints one line
per table (rows in each, rows only in A, rows only in B) and exits 1 when any table differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

RUN_TIME_COLUMNS = {"ingested_at", "seen_at"}


def _relation(con: duckdb.DuckDBPyConnection, lake: Path, table: str, ignore: set[str]) -> str | None:
    if not any((lake / table).rglob("*.parquet")):
        return None
    scan = f"read_parquet('{lake / table}/**/*.parquet', hive_partitioning = true, union_by_name = true)"
    columns = [c for c in con.sql(f"select * from {scan} limit 0").columns if c not in ignore]
    return f"select {', '.join(columns)} from {scan}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--ignore", default="", help="more columns to leave out, comma-separated")
    args = ap.parse_args(argv)
    ignore = RUN_TIME_COLUMNS | {c for c in args.ignore.split(",") if c}
    con = duckdb.connect()
    tables = sorted(
        {
            p.name
            for lake in (args.a, args.b)
            for p in lake.iterdir()
            if p.is_dir() and not p.name.startswith("_")
        }
    )
    differ = False
    for table in tables:
        ra, rb = (_relation(con, lake, table, ignore) for lake in (args.a, args.b))
        if ra is None or rb is None:
            print(f"{table:22} only in {'B' if ra is None else 'A'}")
            differ = True
            continue
        shared = [c for c in con.sql(ra + " limit 0").columns if c in con.sql(rb + " limit 0").columns]
        cols = ", ".join(shared)
        na, nb = (con.execute(f"select count(*) from ({r})").fetchone()[0] for r in (ra, rb))
        only_a = con.execute(
            f"select count(*) from (select {cols} from ({ra}) except all select {cols} from ({rb}))"
        ).fetchone()[0]
        only_b = con.execute(
            f"select count(*) from (select {cols} from ({rb}) except all select {cols} from ({ra}))"
        ).fetchone()[0]
        dropped = set(con.sql(ra + " limit 0").columns) ^ set(con.sql(rb + " limit 0").columns)
        note = f"  (columns not in both: {', '.join(sorted(dropped))})" if dropped else ""
        print(f"{table:22} A {na:7}  B {nb:7}  only in A {only_a:6}  only in B {only_b:6}{note}")
        differ |= bool(only_a or only_b)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
