"""`docs/tables.md` from a built warehouse: every lake table, view and model with its described columns.

python -m akhbar.warehouse.catalog data/processed/warehouse.duckdb > docs/tables.md
"""

from __future__ import annotations

import sys

import duckdb

from akhbar.tables import dictionary
from akhbar.tables.schema import PARTITION_KEY, SCHEMAS
from akhbar.warehouse.build import catalog


def tables_md(warehouse_path: str) -> str:
    """The markdown of every lake table (from its Arrow schema) and every warehouse relation."""
    tables = {t: [*s.names, PARTITION_KEY] for t, s in SCHEMAS.items()}
    with duckdb.connect(warehouse_path, read_only=True) as con:
        for table, columns in catalog(con).items():
            tables.setdefault(table, columns)
    return dictionary.markdown(tables)


if __name__ == "__main__":
    sys.stdout.write(tables_md(sys.argv[1]))
