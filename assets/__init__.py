"""Dagster assets: what data exists. One module per layer (raw, clean, extract, warehouse).

Thin on purpose: each asset calls the pure core in `akhbar` and reports metadata.
"""
