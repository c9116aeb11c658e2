"""The `akhbar` command: run the pipeline on a folder, or query the warehouse.

    akhbar run [--raw DIR] [--lake DIR] [--days 2026-11-01:2026-11-23] [--processes N] [--force]
    akhbar sql "select ..." [--lake DIR] [--file query.sql] [--format table|csv|json]
               [--max-width N] [--bom] [--output FILE]

Folders default to $AKHBAR_RAW / $AKHBAR_LAKE, then `data/raw` / `data/processed`.
`run` runs the `akhbar_daily` job in process, through Dagster, for the arrival days found in
the raw folder whose files changed since their last complete run (all of them with --force),
records the runs in the instance of $DAGSTER_HOME when it is set (the one the UI shows),
prints progress and a summary, and exits 1 if the run failed.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import datetime as dt
import logging
import os
import sys
import threading
import time
from pathlib import Path
from typing import NoReturn

from pipelines.resources import lake_root, raw_root  # no Dagster: it is imported when a run starts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="akhbar", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the whole pipeline on a folder of raw files")
    run.add_argument("--raw", default=None, help="raw folder (default $AKHBAR_RAW or data/raw)")
    run.add_argument("--lake", default=None, help="lake root (default $AKHBAR_LAKE or data/processed)")
    run.add_argument(
        "--days", default=None, help="arrival days FROM:TO (default: every day in the raw folder)"
    )
    run.add_argument("--processes", type=int, default=None, help="worker processes (default: one per core)")
    run.add_argument("--quiet", action="store_true", help="only the summary")
    run.add_argument(
        "--force", action="store_true", help="redo every day, also those whose files did not change"
    )

    sql = sub.add_parser("sql", help="query the DuckDB warehouse")
    sql.add_argument("query", nargs="?", help="SQL text (or use --file)")
    sql.add_argument("--file", default=None, help="read the query from this file")
    sql.add_argument("--lake", default=None, help="lake root (default $AKHBAR_LAKE or data/processed)")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.add_argument(
        "--max-width", type=int, default=60, help="table cells longer than this are cut (0: never cut)"
    )
    sql.add_argument("--bom", action="store_true", help="CSV: start with a UTF-8 BOM (Excel reads Arabic)")
    sql.add_argument("--output", default=None, help="write the result to this file (UTF-8) instead of stdout")

    args = parser.parse_args(argv)
    if args.command == "run":
        return cmd_run(args)
    return cmd_sql(args)


def cmd_run(args: argparse.Namespace) -> int:
    from akhbar.run.pipeline import files_by_day
    from pipelines.runner import RunFailed, run_pipeline

    raw = args.raw or raw_root()
    lake = args.lake or lake_root()
    if not Path(raw).is_dir():
        print(f"akhbar: the raw folder {raw!r} does not exist", file=sys.stderr)
        return 2
    start = time.perf_counter()
    days = None
    if args.days:
        first, _, last = args.days.partition(":")
        days = (dt.date.fromisoformat(first), dt.date.fromisoformat(last or first))
    elif not files_by_day(raw):
        print(f"akhbar: no *.txt files in {raw}; nothing to do")
        return 0
    _progress(args.quiet)
    span = f"arrival days {days[0]} to {days[1]}" if days else "every arrival day in the folder"
    print(f"akhbar: running {raw} -> {lake}, {span}", flush=True)
    try:
        summary = run_pipeline(raw, lake, days, processes=args.processes, force=args.force)
    except RunFailed as exc:
        print(f"akhbar: the run failed: {exc}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start
    print(summary.render(seconds))
    return 0


def _progress(quiet: bool) -> None:
    """Dagster's own log lines at WARNING; our stage lines at INFO unless --quiet."""
    logging.getLogger("dagster").setLevel(logging.WARNING)
    os.environ.setdefault("DAGSTER_LOGGING_LEVEL", "WARNING")
    if quiet:
        os.environ["AKHBAR_QUIET"] = "1"


def cmd_sql(args: argparse.Namespace) -> int:
    from akhbar.warehouse.query import query, render

    lake = args.lake or lake_root()
    try:
        text = Path(args.file).read_text(encoding="utf-8") if args.file else args.query
    except OSError as exc:  # a missing or unreadable query file: say which, no traceback
        print(f"akhbar sql: cannot read the query file {args.file!r}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"akhbar sql: the query file {args.file!r} is not UTF-8 text", file=sys.stderr)
        return 2
    if not text:
        print("akhbar sql: give a query or --file", file=sys.stderr)
        return 2
    warehouse = Path(lake) / "warehouse.duckdb"
    if not warehouse.exists():
        print(f"akhbar sql: no warehouse at {warehouse}; run `akhbar run` first", file=sys.stderr)
        return 2
    try:
        columns, rows = query(warehouse, text)
    except Exception as exc:  # a bad query is the user's error: say it, no traceback
        print(f"akhbar sql: {exc}", file=sys.stderr)
        return 1
    out = render(columns, rows, args.format, max_width=args.max_width or None, bom=args.bom)
    if args.output:
        Path(args.output).write_text(out + "\n", encoding="utf-8")
    else:
        print(out)
    return 0


def run_cli() -> NoReturn:
    """The `akhbar` program (and `python -m pipelines.cli`): `main()`, then `exit_now`."""
    exit_now(main())


def exit_now(code: int) -> NoReturn:
    """End the program as a normal exit does, less the interpreter's teardown.

    At a normal exit Python frees every object of every module one by one: with Dagster,
    SQLAlchemy, pyarrow and DuckDB loaded that took ~0.5 s, more than the run itself on a few
    documents. Here what a normal exit does that matters still happens, in the same order:
    other threads are waited for, the exit handlers run (logging is flushed and closed, worker
    pools are stopped), standard output and error are flushed; then the process ends at once.
    Every file the run wrote was closed (and renamed into place) before `main` returned.
    """
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run_cli()
