"""DuckDB connections for the pipeline's own queries (quality checks, warehouse build), capped.

DuckDB's defaults (80 % of RAM, one thread a core, a buffer cache that keeps what it read)
made these queries the largest part of the pipeline's main process. Past the cap, joins,
aggregates and sorts spill to a folder under the system's temporary directory. Analysts'
ad-hoc queries (`akhbar.warehouse.query`) are not the pipeline's and keep DuckDB's defaults.
"""

from __future__ import annotations

import os
import tempfile

import duckdb

MEMORY_LIMIT = "256MB"
THREADS = 2


def connect(
    database: str = ":memory:", read_only: bool = False, spill: str = "akhbar"
) -> duckdb.DuckDBPyConnection:
    """A connection capped at MEMORY_LIMIT and THREADS, spilling to `<tmp>/<spill>`."""
    config = {
        "memory_limit": MEMORY_LIMIT,
        "threads": THREADS,
        "temp_directory": os.path.join(tempfile.gettempdir(), spill),
    }
    return duckdb.connect(database, read_only=read_only, config=config)
