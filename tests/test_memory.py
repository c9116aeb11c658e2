"""Memory stays bounded: ten times more files must not mean ten times more memory.

A child process runs the raw and clean stages (`ingest_day`, `clean_day`; extract streams
the same way) over N generated files and reports how far its peak RSS rose during the run.
It first runs them on 200 other files (loading langid's model makes a ~70 MB spike that
would hide any growth under `ru_maxrss`, and Arrow's thread pools take ~20 MB on first use),
then resets the kernel's peak (`/proc/self/clear_refs`) and reads `VmHWM` after the
measured run; `ru_maxrss` is reported too. The batch sizes are lowered in the child so that the batch buffers are full already at the
small N: what remains to grow with N is what a stage would keep for every file. 2000 files
of ~10 KB are 20 MB of text, 60 MB or more once held as bytes, str, row dicts and Arrow;
the bound allows a third of that: above noise (measured: +-6 MB) and below a leak. (200 and
2000 rather than more: langid costs ~10 ms a file whatever its size, and the test must stay
short; big files cost little more, as langid reads the first 4000 characters.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ARRIVAL = 1772359200  # 2026-03-01 10:00 UTC
ALLOWED_GROWTH_MB = 20
WARM_FILES = 200
SMALL, LARGE = 200, 2000

_CHILD = """
import datetime as dt, json, os, resource, sys, time
from pathlib import Path
from akhbar.lake import parquet as lake
from akhbar.run import pipeline
pipeline.BATCH = 50
lake.BATCH_ROWS = 100
raw, out, warm = sys.argv[1], sys.argv[2], sys.argv[3]

def stages(raw, out):
    for day, arrived in sorted(pipeline.files_by_day(raw).items()):
        report = pipeline.ingest_day(out, day, arrived)
        cleaned = pipeline.clean_day(out, day)
    return report, cleaned

def status(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024

stages(warm, out + "-warm")  # langid's model, lexicons, Arrow's thread pools: one-off, not per file
Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to the current RSS
before = status("VmRSS")
started = time.perf_counter()
report, cleaned = stages(raw, out)
print(json.dumps({
    "growth_mb": status("VmHWM") - before,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "accepted": report.accepted,
    "articles": cleaned.rows.get("articles", 0),
    "seconds": time.perf_counter() - started,
}))
"""

_WORDS = [
    "conseil",
    "congrès",
    "parti",
    "bureau",
    "politique",
    "réunion",
    "commune",
    "province",
    "région",
    "militants",
    "secrétaire",
    "général",
    "élections",
    "candidats",
    "programme",
    "budget",
    "développement",
    "jeunesse",
    "femmes",
    "section",
    "locale",
    "assemblée",
    "générale",
    "communiqué",
    "déclaration",
    "comité",
    "national",
    "ordre",
    "du",
    "jour",
    "préparatifs",
]


def _article(i: int) -> str:
    """A distinct French text of ~10 KB (the number makes each file's bytes unique)."""
    sentences = []
    for k in range(80):
        words = [_WORDS[(i * 7 + k * 3 + j * 5) % len(_WORDS)] for j in range(14)]
        sentences.append(f"Le {k + 1} mars, le " + " ".join(words) + f" de la section numéro {i}.")
    return "Réunion du conseil provincial\n" + " ".join(sentences) + "\n"


def _folder(raw: Path, files: int, first: int = 0) -> Path:
    for i in range(first, first + files):
        path = raw / f"{i // 500:02d}" / f"article_{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_article(i), encoding="utf-8")
        os.utime(path, (ARRIVAL, ARRIVAL))
    return raw


def _peak(tmp_path: Path, files: int) -> dict:
    raw = _folder(tmp_path / f"raw{files}", files)
    warm = tmp_path / "warm"
    if not warm.exists():
        _folder(warm, WARM_FILES, first=100_000)
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(raw), str(tmp_path / f"lake{files}"), str(warm)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def peaks(tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict]:
    tmp = tmp_path_factory.mktemp("memory")
    return {n: _peak(tmp, n) for n in (SMALL, LARGE)}


def test_every_generated_file_went_through(peaks: dict[int, dict]) -> None:
    assert {n: (p["accepted"], p["articles"]) for n, p in peaks.items()} == {
        n: (n, n) for n in (SMALL, LARGE)
    }


def test_peak_memory_does_not_grow_with_the_number_of_files(peaks: dict[int, dict]) -> None:
    small, large = peaks[SMALL]["growth_mb"], peaks[LARGE]["growth_mb"]
    assert large - small < ALLOWED_GROWTH_MB, (
        f"peak RSS {small:.0f} MB for {SMALL} files, {large:.0f} MB for {LARGE}"
    )
