"""How per-document work is spread over the machine's cores."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from dagster import ConfigurableResource

from akhbar.parallel import document_mapper


class WorkersResource(ConfigurableResource):
    """Processes for the per-document stages (normalize, extract); 1 runs in the run's own process."""

    processes: int = 0  # 0: one per CPU core

    @contextmanager
    def mapper(self) -> Iterator:
        with document_mapper(self.processes) as mapper:
            yield mapper
