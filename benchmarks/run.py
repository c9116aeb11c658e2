"""The benchmark: the whole pipeline on generated and real-text corpora, against the floor and the naive stack.

    python -m benchmarks.run [--sizes 1000,10000] [--real eval/real/texts] [--out /tmp/akhbar-bench]

First it times `akhbar run` on the five samples (`data/raw`, whole processes, median of three):
the fixed cost a run pays whatever its size. Then for each corpus (the generated one,
`benchmarks.generate`; with `--real DIR`, also one made at run time from the real texts in DIR,
`benchmarks.realcorpus`) and each size it builds the corpus (reused when already there), then:
- runs the real pipeline (`pipelines.runner.run_pipeline`, i.e. Dagster `materialize` of
  every asset, as `akhbar run` does) in a subprocess, sampling the resident memory of the
  whole process tree (workers included), and reads back the seconds of each stage;
- runs it again for the next, empty arrival day, as the nightly run does when nothing new
  arrived, and checks that no file in the lake was touched;
- times the floor (read, decode, langid, one Parquet table) as a whole process, the best of
  three (its noise would otherwise swing the ratio), and once with two processes;
- times the naive stack (langid + dateparser `search_dates`) on a sample, extrapolated.
Ratios compare whole processes (interpreter and imports included) on both sides. It prints one
block per corpus and size, the fixed and per-document costs, and the targets at the end, and
writes `results-<sizes>.json`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks import floor as references
from benchmarks import realcorpus
from benchmarks.generate import LAST_DAY, SAMPLES, generate
from benchmarks.generate import VERSION as GENERATOR_VERSION

PAGE = os.sysconf("SC_PAGE_SIZE")
REPO = Path(__file__).resolve().parent.parent
TARGETS = {
    "floor_ratio": 1.0,  # whole pipeline process / floor process (best of three), at 3k and 10k documents
    "naive_speedup": 5.0,  # naive stack time / pipeline time, at 3k and 10k
    "linear_ratio": 11.0,  # pipeline time at 100k / at 10k
    "peak_mb_100k": 1024.0,
    "samples_seconds": 3.0,  # `akhbar run` on the five samples, whole process
}
TARGET_SIZES = (3000, 10000)
FLOOR_TRIES = 3


class TreeMemory:
    """Peak resident memory of a process and all its descendants, sampled every 50 ms from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_by_process: dict[int, tuple[int, str]] = {}  # pid -> (peak PSS, command line)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo += children.get(pid, [])
        return tree

    @staticmethod
    def _memory(pid: int) -> tuple[int, int]:
        """(RSS, PSS) in bytes; PSS counts pages shared between workers once."""
        rss = pss = 0
        try:
            with open(f"/proc/{pid}/statm") as f:
                rss = int(f.read().split()[1]) * PAGE
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss = int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError):
            pass
        return rss, pss or rss

    @staticmethod
    def _command(pid: int) -> str:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                return f.read().replace(b"\0", b" ").decode(errors="replace")[:90]
        except OSError:
            return "?"

    def _sample(self) -> None:
        while not self._stop.is_set():
            pids = self._tree()
            sizes = [self._memory(pid) for pid in pids]
            self.peak_rss = max(self.peak_rss, sum(r for r, _ in sizes))
            self.peak_pss = max(self.peak_pss, sum(p for _, p in sizes))
            for pid, (_, pss) in zip(pids, sizes, strict=True):
                if pss > self.peak_by_process.get(pid, (0, ""))[0]:
                    self.peak_by_process[pid] = (pss, self._command(pid))
            self._stop.wait(0.05)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def lake_snapshot(lake: Path) -> dict[str, tuple[int, int, int]]:
    """path -> (inode, size, mtime_ns) for every data file in the lake: a rewrite changes inode or mtime.

    The run's lock file and temporary folder (`_lock`, `_tmp`) are bookkeeping, not processed data.
    """
    out = {}
    for path in lake.rglob("*"):
        if path.is_file() and not path.relative_to(lake).parts[0].startswith("_"):  # not `_lock`, `_tmp`
            st = path.stat()
            out[str(path.relative_to(lake))] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return out


def run_child(
    raw: Path,
    lake: Path,
    days: tuple[dt.date, dt.date],
    processes: int | None,
    pool_ingest: bool = False,
    repo: Path = REPO,
) -> dict:
    """One pipeline run in a subprocess; its JSON report plus wall seconds and peak tree memory."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        report_path = f.name
    command = [
        sys.executable,
        "-m",
        "benchmarks.pipeline_child",
        "--raw",
        str(raw),
        "--lake",
        str(lake),
        "--days",
        f"{days[0]}:{days[1]}",
        "--report",
        report_path,
    ]
    if processes is not None:
        command += ["--processes", str(processes)]
    if pool_ingest:
        command.append("--pool-ingest")
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=repo)  # the checkout whose code runs (`--baseline`)
    memory = TreeMemory(child.pid)
    _, _, usage = os.wait4(child.pid, 0)  # CPU of the child and its reaped workers: robust to a busy machine
    child.returncode = 0
    memory.stop()
    wall = time.perf_counter() - start
    report = json.loads(Path(report_path).read_text(encoding="utf-8"))
    os.unlink(report_path)
    report.update(
        wall=wall,
        cpu_rusage=usage.ru_utime
        + usage.ru_stime,  # misses the forkserver's tree: the child's `cpu` is the figure
        peak_rss_mb=memory.peak_rss / 1e6,
        peak_pss_mb=memory.peak_pss / 1e6,
        peak_by_process_mb=sorted(
            ((round(pss / 1e6), command) for pss, command in memory.peak_by_process.values()), reverse=True
        )[:6],
    )
    return report


def run_floor(raw: Path, out_file: Path, processes: int) -> dict:
    """The floor as a whole process (`python -m benchmarks.floor`): its result plus process wall and CPU."""
    command = [sys.executable, "-m", "benchmarks.floor", "--raw", str(raw), "--out", str(out_file)]
    command += ["--processes", str(processes)]
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE)
    stdout, _ = child.communicate()
    wall = time.perf_counter() - start
    if child.returncode:
        raise RuntimeError(f"the floor failed ({child.returncode}): {' '.join(command)}")
    result = json.loads(stdout)
    return {**result, "wall": wall}


def best_floor(raw: Path, out_file: Path, processes: int, tries: int) -> dict:
    """The fastest of `tries` floor processes (the floor's wall time swings with the machine), with every try's."""
    runs = [run_floor(raw, out_file, processes) for _ in range(tries)]
    best = min(runs, key=lambda r: r["wall"])
    return {**best, "walls": [round(r["wall"], 2) for r in runs], "cpus": [round(r["cpu"], 2) for r in runs]}


def samples_run(tries: int, repos: tuple[Path, ...] = (REPO,)) -> list[dict]:
    """`akhbar run` on the five samples as a user runs it (whole process, a fresh lake each time),
    with the code of each of `repos`, taking turns so that each sees the same machine load."""
    walls: list[list[float]] = [[] for _ in repos]
    for _ in range(tries):
        for at, repo in enumerate(repos):
            with tempfile.TemporaryDirectory() as lake:
                command = [
                    sys.executable,
                    "-m",
                    "pipelines.cli",
                    "run",
                    "--raw",
                    str(SAMPLES),
                    "--lake",
                    lake,
                ]
                start = time.perf_counter()
                done = subprocess.run([*command, "--quiet"], cwd=repo, capture_output=True, text=True)
                walls[at].append(time.perf_counter() - start)
                if done.returncode:
                    raise RuntimeError(f"akhbar run on the samples failed ({repo}): {done.stderr[-2000:]}")
    return [{"walls": [round(w, 2) for w in ws], "median": statistics.median(ws)} for ws in walls]


def ensure_corpus(
    root: Path, n: int, days: int, seed: int, texts: list[str] | None = None
) -> tuple[Path, int]:
    """Build the corpus unless the same one is already there; return (raw folder, bytes).

    `texts`: folders of real texts (`benchmarks.realcorpus`); else the generated corpus."""
    raw = root / "raw"
    stamp = root / "corpus.json"
    wanted: dict = {"n": n, "days": days, "seed": seed, "version": GENERATOR_VERSION}
    if texts:
        wanted |= {"version": realcorpus.VERSION, "texts": realcorpus.fingerprint(texts)}
    if not (stamp.exists() and json.loads(stamp.read_text()) == wanted):
        shutil.rmtree(raw, ignore_errors=True)
        if texts:
            realcorpus.build(texts, n, raw, days, seed)
        else:
            generate(n, raw, days, seed)
        stamp.write_text(json.dumps(wanted))
    size = sum(p.stat().st_size for p in raw.rglob("*.txt"))
    return raw, size


def bench_size(n: int, out: Path, args: argparse.Namespace, corpus: str = "generated") -> dict:
    texts = args.real if corpus == "real" else None
    root = out / (str(n) if corpus == "generated" else f"{corpus}-{n}")
    raw, size = ensure_corpus(root, n, args.days, args.seed, texts)
    days = (LAST_DAY - dt.timedelta(days=args.days - 1), LAST_DAY)
    lake = root / "lake"
    shutil.rmtree(lake, ignore_errors=True)
    load = os.getloadavg()[0]

    baseline = None
    if args.baseline:  # the other code first, on the same corpus, in the same run
        shutil.rmtree(root / "lake-baseline", ignore_errors=True)
        baseline = run_child(
            raw, root / "lake-baseline", days, args.processes, args.pool_ingest, args.baseline
        )
    pipeline = run_child(raw, lake, days, args.processes, args.pool_ingest)
    before = lake_snapshot(lake)
    next_day = LAST_DAY + dt.timedelta(days=1)
    nightly = run_child(raw, lake, (next_day, next_day), args.processes, args.pool_ingest)
    after = lake_snapshot(lake)
    touched = sorted(p for p in before if after.get(p) != before[p])

    floor1 = best_floor(raw, root / "floor.parquet", 1, args.floor_tries)
    floor2 = run_floor(raw, root / "floor.parquet", 2)
    naive = references.naive(str(raw), args.naive_sample)
    naive_total = naive["per_document"] * n
    return {
        "corpus": corpus,
        "documents": n,
        "mb": size / 1e6,
        "pool_ingest": args.pool_ingest,
        "load_before": load,
        "pipeline": pipeline,
        "baseline": baseline,
        "nightly": {
            "seconds": nightly["seconds"],
            "wall": nightly["wall"],
            "touched": touched,
            "stage_calls": {k: v for k, v in nightly["timers"].items() if k.endswith(".total")},
            "error": nightly["error"],
        },
        "floor": floor1,
        "floor_2proc": floor2,
        "naive": {**naive, "extrapolated_seconds": naive_total},
    }


def _pipeline_cpu(p: dict) -> float:
    """The run's CPU over the process tree; results written before 2026-11-23 13:10 hold the child's
    rusage under `cpu` (which misses the forkserver and its workers), hence the stage sum as a floor."""
    return max(p["cpu"], sum(p.get("stage_cpu", {}).values()))


def render(result: dict) -> str:
    p = result["pipeline"]
    n, mb, seconds, wall = result["documents"], result["mb"], p["seconds"], p["wall"]
    steps = p["steps"]
    layer_steps = {"raw_layer", "clean_layer", "extract_layer"}
    warehouse = sum(v for k, v in steps.items() if k not in layer_steps)
    stages, stage_cpu = p["stages"], p.get("stage_cpu", {})
    floor1, floor2, naive = result["floor"], result["floor_2proc"], result["naive"]
    naive_cpu = naive["cpu_per_document"] * n
    pipeline_cpu = _pipeline_cpu(p)

    def stage(name: str, key: str) -> str:
        cpu = stage_cpu.get(key)
        return f"{name} {stages[key]:.1f}" + (f" (CPU {cpu:.1f}, {cpu / n * 1000:.2f} ms/doc)" if cpu else "")

    lines = [
        f"== {result.get('corpus', 'generated')} corpus, {n} documents, {mb:.1f} MB (load average before: "
        f"{result['load_before']:.2f} on {os.cpu_count()} cores)",
        f"pipeline   {wall:8.1f} s process wall ({seconds:.1f} s in run)  {n / wall:6.0f} docs/s  "
        f"{mb / wall:5.2f} MB/s  peak memory {p['peak_pss_mb']:.0f} MB PSS ({p['peak_rss_mb']:.0f} MB RSS, "
        "process tree)" + (f"  ERROR {p['error']}" if p["error"] else ""),
        f"  CPU {pipeline_cpu:.1f} s (process tree, {pipeline_cpu / n * 1000:.2f} ms/doc)"
        + ("; raw files read through the worker pool (--pool-ingest)" if result.get("pool_ingest") else ""),
        "  stages, wall s: "
        + ", ".join(
            [
                stage("decode+langid", "decode_langid"),
                stage("normalization", "normalization"),
                stage("extraction", "extraction"),
            ]
        ),
        f"    parquet writes {stages['parquet_write']:.1f}, parquet reads {stages['parquet_read']:.1f}, "
        f"warehouse {warehouse:.1f}, Dagster and the rest {seconds - sum(steps.values()):.1f}",
        "  Dagster steps (s): " + ", ".join(f"{k} {v:.1f}" for k, v in steps.items()),
        "  rows: " + ", ".join(f"{k} {v}" for k, v in p["rows"].items()),
        "  peak memory by process (MB PSS): "
        + "; ".join(f"{mb} {command[-50:]}" for mb, command in p.get("peak_by_process_mb", [])[:4]),
        f"floor      {floor1['wall']:8.1f} s process wall, best of {len(floor1['walls'])} {floor1['walls']}, "
        f"CPU {floor1['cpu']:.1f} s (read+decode+langid+1 Parquet table, 1 process); "
        f"{floor2['wall']:.1f} s with 2 processes",
        f"naive      {naive['extrapolated_seconds']:8.1f} s  CPU {naive_cpu:.1f} s: EXTRAPOLATED from "
        f"{naive['sample']} documents at {naive['per_document'] * 1000:.1f} ms each "
        f"({naive['cpu_per_document'] * 1000:.1f} ms CPU; langid + search_dates)",
        f"ratios     wall: pipeline/floor {wall / floor1['wall']:.2f} (1 process), "
        f"{wall / floor2['wall']:.2f} (2 processes); naive/pipeline {naive['extrapolated_seconds'] / wall:.1f}x",
        f"           CPU:  pipeline/floor {pipeline_cpu / floor1['cpu']:.2f}; naive/pipeline "
        f"{naive_cpu / pipeline_cpu:.1f}x "
        "(does not depend on what else runs on the machine)",
        *(
            [
                f"baseline   {result['baseline']['wall']:8.1f} s process wall, CPU "
                f"{_pipeline_cpu(result['baseline']):.1f} s, extraction CPU "
                f"{result['baseline']['stage_cpu']['extraction'] / n * 1000:.2f} ms/doc (the --baseline "
                f"checkout's code, same corpus): pipeline/floor {result['baseline']['wall'] / floor1['wall']:.2f}, "
                f"naive/pipeline {naive['extrapolated_seconds'] / result['baseline']['wall']:.1f}x; this code "
                f"{result['baseline']['wall'] / wall:.2f}x as fast"
            ]
            if result.get("baseline")
            else []
        ),
        f"nightly    nothing new: {result['nightly']['seconds']:.2f} s in run "
        f"({result['nightly']['wall']:.1f} s process wall); lake data files touched: "
        f"{len(result['nightly']['touched'])} {result['nightly']['touched'] or ''}; "
        f"stage functions called: {sorted(result['nightly']['stage_calls']) or 'none'}",
    ]
    return "\n".join(lines)


def costs(results: dict[str, dict[int, dict]], samples: dict | None) -> str:
    """The fixed cost (a run on the five samples) apart from the per-document cost.

    Per document: the slope between two sizes of one corpus (what one more document costs), and
    at each size the process wall above the samples' run, divided by the documents."""
    lines = ["== fixed and per-document costs (process wall)"]
    if samples is not None:
        lines.append(
            f"fixed: `akhbar run` on the 5 samples {samples['median']:.2f} s (median of {samples['walls']})"
            + (f"; baseline {samples['baseline']['median']:.2f} s" if "baseline" in samples else "")
        )
    for corpus, by_size in results.items():
        sizes = sorted(by_size)
        for n in sizes:
            r = by_size[n]
            wall = r["pipeline"]["wall"]
            extract_cpu = r["pipeline"].get("stage_cpu", {}).get("extraction", 0.0)
            above = (
                f", {(wall - samples['median']) / n * 1000:.2f} ms/doc above the samples' run"
                if samples
                else ""
            )
            lines.append(
                f"{corpus} {n}: {wall:.1f} s{above}; extraction CPU {extract_cpu / n * 1000:.2f} ms/doc, "
                f"tree CPU {_pipeline_cpu(r['pipeline']) / n * 1000:.2f} ms/doc"
            )
        if len(sizes) >= 2:
            lo, hi = by_size[sizes[0]], by_size[sizes[-1]]
            slope = (hi["pipeline"]["wall"] - lo["pipeline"]["wall"]) / (sizes[-1] - sizes[0])
            intercept = lo["pipeline"]["wall"] - slope * sizes[0]
            floor_slope = (hi["floor"]["wall"] - lo["floor"]["wall"]) / (sizes[-1] - sizes[0])
            lines.append(
                f"{corpus} {sizes[0]}->{sizes[-1]}: {slope * 1000:.2f} ms of wall per document (floor "
                f"{floor_slope * 1000:.2f}), fixed {intercept:.1f} s (intercept)"
            )
    return "\n".join(lines)


def verdict(results: dict[str, dict[int, dict]], samples: dict | None) -> str:
    lines = ["== targets (whole processes, wall; CPU in brackets)"]

    def cpu_naive(r: dict) -> float:
        return r["naive"]["cpu_per_document"] * r["documents"]

    if samples is not None:
        lines.append(
            f"five samples             {samples['median']:6.2f} s (target <= {TARGETS['samples_seconds']:.0f} s)"
        )
    for corpus, by_size in results.items():
        for n, r in by_size.items():
            wall = r["pipeline"]["wall"]
            ratio = wall / r["floor"]["wall"]
            cpu = _pipeline_cpu(r["pipeline"]) / r["floor"]["cpu"]
            speedup = r["naive"]["extrapolated_seconds"] / wall
            naive_cpu = cpu_naive(r) / _pipeline_cpu(r["pipeline"])
            mark = "" if n in TARGET_SIZES else " (no target at this size)"
            lines.append(
                f"{corpus:<9} {n:>6}: pipeline/floor {ratio:5.2f} [{cpu:.2f}] (target <= {TARGETS['floor_ratio']}), "
                f"naive/pipeline {speedup:5.1f}x [{naive_cpu:.1f}x] (target >= {TARGETS['naive_speedup']:.0f}x){mark}"
            )
        if 10000 in by_size and 100000 in by_size:
            big, small = by_size[100000]["pipeline"], by_size[10000]["pipeline"]
            lines.append(
                f"{corpus:<9} time 100k / 10k {big['wall'] / small['wall']:6.2f} "
                f"[{_pipeline_cpu(big) / _pipeline_cpu(small):.2f}] (target <= {TARGETS['linear_ratio']})"
            )
        for n, r in by_size.items():
            lines.append(
                f"{corpus:<9} {n:>6}: peak memory {r['pipeline']['peak_pss_mb']:6.0f} MB PSS "
                f"(target < {TARGETS['peak_mb_100k']:.0f} MB at 100k); nightly, nothing new "
                f"{r['nightly']['wall']:.1f} s, {len(r['nightly']['touched'])} lake data files touched"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "akhbar-bench"))
    parser.add_argument(
        "--processes", type=int, default=None, help="pipeline worker processes (default: all cores)"
    )
    parser.add_argument("--days", type=int, default=7, help="arrival days the corpus spreads over")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--real",
        action="append",
        default=[],
        metavar="DIR",
        help="folder of real *.txt texts: adds a corpus made from them at run time (repeat for more folders)",
    )
    parser.add_argument(
        "--corpora",
        default=None,
        help="comma list of generated,real (default: generated, and real when --real is given)",
    )
    parser.add_argument(
        "--pool-ingest",
        action="store_true",
        help="read raw files through the worker pool (what the raw asset does once it passes its mapper)",
    )
    parser.add_argument("--naive-sample", type=int, default=300, help="documents the naive stack is timed on")
    parser.add_argument("--floor-tries", type=int, default=FLOOR_TRIES, help="floor runs; the fastest counts")
    parser.add_argument("--sample-runs", type=int, default=3, help="runs on the five samples (0: none)")
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="DIR",
        help="another checkout (e.g. `git worktree add /tmp/base main`): its pipeline runs on the same "
        "corpora in the same run, for a before/after under the same machine load",
    )
    args = parser.parse_args(argv)
    corpora = args.corpora.split(",") if args.corpora else ["generated", *(["real"] if args.real else [])]
    if "real" in corpora and not args.real:
        parser.error("the real corpus needs --real DIR")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    print(f"python -m benchmarks.run {' '.join(argv if argv is not None else sys.argv[1:])}".strip())
    print(f"{os.cpu_count()} cores; {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC", flush=True)
    samples = None
    if args.sample_runs:
        repos = (REPO, args.baseline) if args.baseline else (REPO,)
        samples, *others = samples_run(args.sample_runs, repos)
        print(
            f"== five samples: `akhbar run` {samples['median']:.2f} s (median of {samples['walls']})",
            flush=True,
        )
        if others:
            samples["baseline"] = others[0]
            print(
                f"   baseline ({args.baseline}): {others[0]['median']:.2f} s (median of {others[0]['walls']})",
                flush=True,
            )
    results: dict[str, dict[int, dict]] = {}
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        for corpus in corpora:
            results.setdefault(corpus, {})[n] = bench_size(n, out, args, corpus)
            print(render(results[corpus][n]), flush=True)
    print(costs(results, samples))
    print(verdict(results, samples))
    name = f"results-{args.sizes.replace(',', '-')}.json"
    (out / name).write_text(
        json.dumps(
            {"samples": samples, **{f"{c}-{k}": v for c, by in results.items() for k, v in by.items()}},
            indent=1,
            default=str,
        )
    )
    print(f"details: {out}/{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
