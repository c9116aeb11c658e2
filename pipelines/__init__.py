"""How Akhbar runs: Dagster definitions, jobs, schedule, sensor, resources, and the `akhbar` CLI."""
