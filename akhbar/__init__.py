"""Akhbar core: pure functions that turn raw Moroccan news text into event tables.

No Dagster here: everything is plain functions over plain data, usable from a notebook.
For analysts: `akhbar.query(sql, lake=None)` returns a pandas DataFrame from the latest warehouse
build, and `akhbar.connect(lake=None)` a handle that follows every rebuild
(see `akhbar.warehouse.session`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported on first use: the pipeline's workers never need DuckDB or pandas
    import pandas as pd

    from akhbar.warehouse.session import Warehouse


def query(sql: str, lake: Any = None, params: Any = None) -> pd.DataFrame:
    """One query on the latest build of `<lake>/warehouse.duckdb`, as a pandas DataFrame."""
    from akhbar.warehouse.session import query as run

    return run(sql, lake, params)


def connect(lake: Any = None) -> Warehouse:
    """A read-only warehouse handle whose every query sees the latest build."""
    from akhbar.warehouse.session import connect as open_

    return open_(lake)
