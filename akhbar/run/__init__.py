"""Running the stages: per-document steps, per-day stages over the lake, the worker pool."""
