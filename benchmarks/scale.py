"""The pipeline alone at several sizes: how its time grows and its peak memory (no floor, no naive stack).

    python -m benchmarks.scale --sizes 10000,100000

What `benchmarks.run` measures of the pipeline itself (same generated corpora, same subprocess,
same memory sampling of the process tree), without the references: the floor's three tries and the
naive stack take longer than the pipeline at 100k. Prints each size's process wall, tree CPU and
peak memory, and the time ratio of each size to the first; writes `scale-<sizes>.json` in `--out`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
from pathlib import Path

from benchmarks.generate import LAST_DAY
from benchmarks.run import _pipeline_cpu, ensure_corpus, run_child


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--out", default="/tmp/akhbar-bench")
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--processes", type=int, default=None)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    out = Path(args.out)
    days = (LAST_DAY - dt.timedelta(days=args.days - 1), LAST_DAY)
    results = {}
    for n in sizes:
        root = out / str(n)
        raw, size = ensure_corpus(root, n, args.days, args.seed)
        lake = root / "lake"
        shutil.rmtree(lake, ignore_errors=True)
        load = os.getloadavg()[0]
        report = run_child(raw, lake, days, args.processes)
        results[n] = {**report, "bytes": size, "load_before": load}
        print(
            f"{n:>7} documents ({size / 1e6:.0f} MB, load average before {load:.2f}): {report['wall']:.1f} s process "
            f"wall, CPU {_pipeline_cpu(report):.1f} s, peak {report['peak_pss_mb']:.0f} MB PSS "
            f"({report['peak_rss_mb']:.0f} MB RSS; by process {report['peak_by_process_mb'][:4]}), "
            f"rows {report['rows']}, error {report['error']}",
            flush=True,
        )
    first = sizes[0]
    for n in sizes[1:]:
        wall = results[n]["wall"] / results[first]["wall"]
        cpu = _pipeline_cpu(results[n]) / _pipeline_cpu(results[first])
        print(f"{n} / {first} time: {wall:.2f} wall, {cpu:.2f} CPU (documents x{n / first:.0f})")
    (out / f"scale-{args.sizes.replace(',', '-')}.json").write_text(
        json.dumps(results, indent=1, default=str)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
