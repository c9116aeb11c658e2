"""Where one document's time goes: CPU milliseconds per document for each per-document step.

    python -m benchmarks.hotspots [--raw DIR] [--n 300] [--profile]

Reads `n` generated documents, then times (CPU time of this process, so a busy machine
distorts it less than wall time) decode + langid, normalization, and each finder the
extraction runs, by language. `--profile` adds the top functions under cProfile. The
per-document modules belong to other engineers: this says where their time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import io
import pstats
import time
from collections import defaultdict

from akhbar.extract import article as extract
from akhbar.ingest.reader import Document, read_document, scan
from akhbar.run import documents, pipeline

FINDERS = (
    "find_places",
    "find_parties",
    "find_organizations",
    "find_dates",
    "find_people",
    "find_event_mentions",
    "group_mentions",
)


def _timed(name: str, sink: dict, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            sink[name] += time.process_time() - start

    return wrapper


def measure(raw: str, n: int, profile: bool = False) -> str:
    files, _ = scan(raw)
    step = max(1, len(files) // n)
    chosen = files[::step][:n]
    per_lang: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    counts: dict[str, int] = defaultdict(int)
    now = dt.datetime.now(dt.UTC)
    # warm every cache first: one-time loads are not per-document costs
    warm = [d for d in map(read_document, chosen[:5]) if isinstance(d, Document)]
    for d in warm:
        documents.extract_document(documents.clean_document(pipeline._raw_row(d, now))[0])
    sink: dict[str, float] = defaultdict(float)
    originals = {name: getattr(extract, name) for name in FINDERS}
    for name, fn in originals.items():
        setattr(extract, name, _timed(name, sink, fn))
    profiler = cProfile.Profile() if profile else None
    try:
        for f in chosen:
            sink.clear()
            start = time.process_time()
            doc = read_document(f)
            read = time.process_time() - start
            if not isinstance(doc, Document):
                continue
            if profiler:
                profiler.enable()
            start = time.process_time()
            article, _ = documents.clean_document(pipeline._raw_row(doc, now))
            cleaned = time.process_time()
            documents.extract_document(article)
            extracted = time.process_time()
            if profiler:
                profiler.disable()
            lang = doc.language
            counts[lang] += 1
            row = per_lang[lang]
            row["decode+langid"] += read
            row["normalization"] += cleaned - start
            row["extraction"] += extracted - cleaned
            for name, seconds in sink.items():
                row[f"  {name}"] += seconds
    finally:
        for name, fn in originals.items():
            setattr(extract, name, fn)
    lines = [f"CPU ms per document ({sum(counts.values())} documents from {raw})"]
    names = list(dict.fromkeys(k for row in per_lang.values() for k in row))
    langs = sorted(per_lang)
    lines.append(f"{'step':28}" + "".join(f"{lang + f' ({counts[lang]})':>12}" for lang in langs))
    for name in names:
        lines.append(
            f"{name:28}" + "".join(f"{per_lang[lg][name] / counts[lg] * 1000:12.1f}" for lg in langs)
        )
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        lines.append(out.getvalue())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", default="/tmp/akhbar-bench/1000/raw", help="a generated corpus")
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    print(measure(args.raw, args.n, args.profile))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
