"""The lake: partitioned Parquet written atomically, its lock, its quality rules, capped DuckDB connections."""
