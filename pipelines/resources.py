"""Resources configured from the environment: AKHBAR_RAW and AKHBAR_LAKE name the folders."""

from __future__ import annotations

import os

from assets.resources import LakeResource, RawFolderResource
from assets.runtime import WorkersResource

DEFAULT_RAW = "data/raw"
DEFAULT_LAKE = "data/processed"


def raw_root() -> str:
    return os.environ.get("AKHBAR_RAW", DEFAULT_RAW)


def lake_root() -> str:
    return os.environ.get("AKHBAR_LAKE", DEFAULT_LAKE)


def resources(raw: str | None = None, lake: str | None = None, processes: int | None = None) -> dict:
    """The resource set every job uses; arguments override the environment."""
    if processes is None:
        processes = int(os.environ.get("AKHBAR_PROCESSES", "0"))
    return {
        "raw_folder": RawFolderResource(root=raw or raw_root()),
        "lake": LakeResource(root=lake or lake_root()),
        "workers": WorkersResource(processes=processes),
    }
