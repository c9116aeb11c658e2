"""Notebook access to the warehouse that always sees the latest build.

A run rebuilds `<lake>/warehouse.duckdb` into a new file and swaps it in (`akhbar.warehouse.build`).
Two traps follow for a notebook:

- a connection held open keeps reading the file it opened: its mart tables (and the cluster and
  person ids) are those of that build, while its views over the Parquet already show new rows;
- `duckdb.connect(path)` again in the same process returns DuckDB's cached instance for that path
  while any connection to it is open: still the old file.

`Warehouse` avoids both: each connection is a fresh in-memory DuckDB that ATTACHes the file
read-only (no instance cache is involved), and before every query it checks whether the file on
disk is another build (inode, size, mtime) and, if so, reattaches. `query()` opens, queries and
closes in one call.

    import akhbar
    df = akhbar.query("select * from event_clusters order by n_articles desc limit 10")
    wh = akhbar.connect("data/processed")   # hold it across runs: it follows each new build
    wh.query("select * from persons").head()
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from akhbar.warehouse.build import WAREHOUSE_FILE

DEFAULT_LAKE = "data/processed"


def warehouse_path(lake: str | Path | None = None) -> Path:
    """`<lake>/warehouse.duckdb`; the lake defaults to $AKHBAR_LAKE, then `data/processed`."""
    return Path(lake or os.environ.get("AKHBAR_LAKE") or DEFAULT_LAKE) / WAREHOUSE_FILE


class Warehouse:
    """A read-only handle on the warehouse of one lake that follows every new build."""

    def __init__(self, lake: str | Path | None = None) -> None:
        self.path = warehouse_path(lake)
        self._con: duckdb.DuckDBPyConnection | None = None
        self._build: tuple[int, int, int] | None = None

    def _stamp(self) -> tuple[int, int, int]:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            raise FileNotFoundError(f"no warehouse at {self.path}; run `akhbar run` first") from None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def connection(self) -> duckdb.DuckDBPyConnection:
        """The connection to the latest build (reattached if the file was swapped since)."""
        stamp = self._stamp()
        if self._con is None or stamp != self._build:
            self.close()
            con = duckdb.connect(":memory:")
            target = str(self.path).replace("'", "''")
            con.execute(f"attach '{target}' as warehouse (read_only)")
            con.execute("use warehouse")
            self._con, self._build = con, stamp
        return self._con

    def query(self, sql: str, params: Any = None) -> pd.DataFrame:
        """Run one query on the latest build; the result as a pandas DataFrame."""
        return self.connection().execute(sql, params).df()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
        self._con = self._build = None

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect(lake: str | Path | None = None) -> Warehouse:
    """A `Warehouse` handle: hold it as long as you like, every query sees the latest build."""
    return Warehouse(lake)


def query(sql: str, lake: str | Path | None = None, params: Any = None) -> pd.DataFrame:
    """One query on the latest build of the lake's warehouse, as a pandas DataFrame."""
    with Warehouse(lake) as wh:
        return wh.query(sql, params)
