"""Resources the assets need: where the raw files are and where the lake is."""

from __future__ import annotations

from pathlib import Path

from dagster import ConfigurableResource


class LakeResource(ConfigurableResource):
    """The lake root: a local folder (default `data/processed`) or, later, an object-store URI."""

    root: str = "data/processed"

    @property
    def warehouse_path(self) -> Path:
        return Path(self.root) / "warehouse.duckdb"


class RawFolderResource(ConfigurableResource):
    """The folder of raw `*.txt` files (default `data/raw`); nothing outside it is ever read."""

    root: str = "data/raw"
