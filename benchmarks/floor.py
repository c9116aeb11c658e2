"""The two reference stacks the pipeline is compared with, on the same corpus.

floor: the least any pipeline must do — read each file, decode it, identify its language
with the same call as the pipeline (`akhbar.language.identify`), write one Parquet table.
One process, as a user would write it. `floor(..., processes=2)` spreads the same work
over the pipeline's own worker pool (`akhbar.parallel`), for the ratio against both cores.

naive: what a user would write without Akhbar — decode, langid, then dateparser's
`search_dates` on each document (given the language langid found, which is the fast way
to call it). Far too slow for a whole corpus, so it is timed on an evenly spread sample
and extrapolated per document.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from akhbar.ingest.decode import DecodeError, decode
from akhbar.ingest.language import identify
from akhbar.ingest.reader import scan
from akhbar.run.parallel import document_mapper, shutdown_pools

FLOOR_SCHEMA = pa.schema(
    [("source_path", pa.string()), ("text", pa.string()), ("language", pa.string()), ("score", pa.float64())]
)


def _floor_row(item: tuple[str, str]) -> dict | None:
    source_path, path = item
    try:
        text, _ = decode(Path(path).read_bytes())
    except (DecodeError, OSError):
        return None
    language, score = identify(text)
    return {"source_path": source_path, "text": text, "language": language, "score": score}


def floor(raw: str, out_file: str, processes: int = 1, batch: int = 2000) -> dict:
    """Read, decode, langid, write one Parquet file; return {'seconds', 'cpu', 'documents'}."""
    start = time.perf_counter()
    cpu_start = _cpu()
    files, _ = scan(raw)
    items = [(f.source_path, str(f.path)) for f in files]
    identify("warm up the model: loading it is not per-document work, in either stack" * 3)
    written = 0
    try:
        with (
            document_mapper(processes) as mapper,
            pq.ParquetWriter(out_file, FLOOR_SCHEMA, compression="zstd") as writer,
        ):
            for at in range(0, len(items), batch):
                rows = mapper(_floor_row, items[at : at + batch])
                table = pa.Table.from_pylist([r for r in rows if r], schema=FLOOR_SCHEMA)
                writer.write_table(table)
                written += table.num_rows
    finally:
        shutdown_pools()  # the same warm worker pool as the pipeline's; stopped so its CPU is counted
    return {"seconds": time.perf_counter() - start, "cpu": _cpu() - cpu_start, "documents": written}


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the floor's pool workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def naive(raw: str, sample: int = 300) -> dict:
    """langid + `search_dates` on `sample` documents spread over the corpus; seconds per document."""
    from dateparser.search import search_dates

    files, _ = scan(raw)
    step = max(1, len(files) // sample)
    chosen = files[::step][:sample]
    identify("warm up " * 20)
    search_dates("warm up le 3 mars 2020", languages=["fr"])
    start, cpu = time.perf_counter(), time.process_time()
    dates = 0
    for f in chosen:
        try:
            text, _ = decode(f.path.read_bytes())
        except DecodeError:
            continue
        language, _ = identify(text)
        found = search_dates(text, languages=[language]) if language in ("ar", "fr") else None
        dates += len(found or ())
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    per = max(1, len(chosen))
    return {
        "sample": len(chosen),
        "seconds": seconds,
        "per_document": seconds / per,
        "cpu_per_document": cpu / per,
        "dates": dates,
    }


def main(argv: list[str] | None = None) -> int:
    """The floor as a whole process, as `benchmarks.run` times it: prints its JSON result."""
    parser = argparse.ArgumentParser(description="the floor: read, decode, langid, one Parquet table")
    parser.add_argument("--raw", required=True)
    parser.add_argument("--out", required=True, help="Parquet file to write")
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args(argv)
    print(json.dumps(floor(args.raw, args.out, processes=args.processes)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
