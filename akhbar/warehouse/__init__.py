"""The analyst warehouse: DuckDB views and SQL models over the lake, ad-hoc queries, the table catalog."""
