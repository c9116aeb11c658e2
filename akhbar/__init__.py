"""Akhbar core: pure functions that turn raw Moroccan news text into event tables.

No Dagster here: everything is plain functions over plain data, usable from a notebook.
"""
