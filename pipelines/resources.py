"""Resources configured from the environment: AKHBAR_RAW and AKHBAR_LAKE name the folders.

Dagster is imported only when the resources are built: `akhbar run` reads the folders' names
first, and the worker processes it starts import this module's command without Dagster.
"""

from __future__ import annotations

import os

DEFAULT_RAW = "data/raw"
DEFAULT_LAKE = "data/processed"


def raw_root() -> str:
    return os.environ.get("AKHBAR_RAW", DEFAULT_RAW)


def lake_root() -> str:
    return os.environ.get("AKHBAR_LAKE", DEFAULT_LAKE)


def processes_wanted() -> int:
    """Worker processes from $AKHBAR_PROCESSES (0: one per core)."""
    return int(os.environ.get("AKHBAR_PROCESSES", "0"))


def resources(raw: str | None = None, lake: str | None = None, processes: int | None = None) -> dict:
    """The resource set every job uses; arguments override the environment."""
    from assets.resources import LakeResource, RawFolderResource
    from assets.runtime import WorkersResource

    if processes is None:
        processes = processes_wanted()
    return {
        "raw_folder": RawFolderResource(root=raw or raw_root()),
        "lake": LakeResource(root=lake or lake_root()),
        "workers": WorkersResource(processes=processes),
    }
