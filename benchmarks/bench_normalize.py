"""Normalization throughput on a generated corpus: documents/s and MB/s, one process.

    .venv/bin/python benchmarks/bench_normalize.py [--docs 5000] [--seed 7] [--french-share 0.3]
    .venv/bin/python benchmarks/bench_normalize.py --splits-in data/raw   # print every word split

Documents are made by recombining the sentences of the sample and held-out articles, with web
defects injected the way scraped pages have them: glued words (a head word + a gazetteer place
name), rare words and names (which the splitter must look at and leave alone), detached و,
hamza on hamzat al-wasl, tatweel, non-breaking spaces, Arabic-Indic digits, direction marks,
boilerplate lines and counters. Loading (wordfreq, gazetteer) is timed apart from the run.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from akhbar.clean.glue import split_token
from akhbar.clean.normalize import normalize_text
from akhbar.clean.wordsplit import arabic_zipf
from akhbar.lexicons.gazetteer import arabic_place_names

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "data" / "raw", ROOT / "tests" / "fixtures" / "heldout"]
HEADS = [
    "إقليم",
    "بإقليم",
    "لإقليم",
    "جهة",
    "بجهة",
    "جماعة",
    "بجماعة",
    "مدينة",
    "بمدينة",
    "الإقليمي",
    "دائرة",
]
BOILERPLATE_AR = ["قد يعجبك ايضا", "اترك رد", "اقرأ أيضا: عنوان مقال آخر", "شارك", "0 398"]
BOILERPLATE_FR = ["Lire aussi : un autre titre", "Partager", "Laisser un commentaire", "12 3"]
WASL_ERRORS = ["الإشتراكية", "إجتماعه", "الإستقلال", "إنعقاد", "الإنتخابات"]


def sentences() -> tuple[list[str], list[str]]:
    """(Arabic sentences, French sentences) of the articles shipped with the repository."""
    arabic, french = [], []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            parts = [p.strip() for p in re.split(r"(?<=[.،!?؟])\s+|\n+", text) if len(p.strip()) > 20]
            (arabic if re.search("[\u0600-\u06ff]{4}", text[:400]) else french).extend(parts)
    return arabic, french


def make_corpus(n_docs: int, seed: int, french_share: float) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    arabic, french = sentences()
    places = sorted(p for p in arabic_place_names() if " " not in p and "-" not in p)
    rare = sorted(w for w, z in arabic_zipf().items() if 1.0 <= z <= 2.5 and len(w) >= 5)
    docs = []
    for _ in range(n_docs):
        if rng.random() < french_share:
            body = [rng.choice(french) for _ in range(rng.randint(6, 25))]
            for _ in range(rng.randint(0, 2)):
                body.insert(rng.randrange(len(body) + 1), "\n" + rng.choice(BOILERPLATE_FR) + "\n")
            text = " ".join(body).replace(" de ", " de\u00a0", 1)
            docs.append((text, "fr"))
            continue
        body = []
        for _ in range(rng.randint(6, 25)):
            words = rng.choice(arabic).split()
            for _ in range(rng.randint(0, 2)):
                pick = rng.random()
                if pick < 0.35:
                    token = rng.choice(HEADS) + rng.choice(places)  # glued: must be split
                elif pick < 0.7:
                    token = rng.choice(rare)  # rare word or name: must be looked at and left alone
                elif pick < 0.8:
                    token = rng.choice(WASL_ERRORS)
                elif pick < 0.9:
                    token = "و " + rng.choice(words)
                else:
                    token = "فـي " + "".join(chr(0x0660 + int(d)) for d in str(rng.randint(1, 2030)))
                words.insert(rng.randrange(len(words) + 1), token)
            body.append(" ".join(words))
        text = "  ".join(body).replace(" ", "\u00a0", 2).replace("الحزب", "\u200fالحزب", 1)
        text += "\n\n" + "\n\n".join(rng.sample(BOILERPLATE_AR, rng.randint(0, 3)))
        docs.append((text, "ar"))
    return docs


def show_splits(folder: Path) -> None:
    """Every glued-word split the normalizer makes on the `*.txt` files of `folder` (a review aid)."""
    from akhbar.ingest.language import identify

    for path in sorted(folder.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        language, _ = identify(raw)
        _, edits = normalize_text(raw, language)
        splits = [e for e in edits if e.rule == "split_merged_word"]
        print(f"{path.name} ({language}): {len(splits)} split(s)")
        for e in splits:
            print(f"  @{e.start_char}: {e.before} -> {e.after}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--french-share", type=float, default=0.3)
    ap.add_argument(
        "--splits-in", type=Path, help="print the word splits made on this folder's files, then stop"
    )
    a = ap.parse_args()
    if a.splits_in:
        show_splits(a.splits_in)
        return

    t0 = time.perf_counter()
    normalize_text("بإقليمصفرو", "ar")  # loads wordfreq, the gazetteer and the lexicons once
    load = time.perf_counter() - t0
    docs = make_corpus(a.docs, a.seed, a.french_share)
    size_mb = sum(len(text.encode("utf-8")) for text, _ in docs) / 1e6

    t0, cpu0 = time.perf_counter(), time.process_time()
    edits = splits = 0
    for text, language in docs:
        _, doc_edits = normalize_text(text, language)
        edits += len(doc_edits)
        splits += sum(1 for e in doc_edits if e.rule == "split_merged_word")
    run, cpu = time.perf_counter() - t0, time.process_time() - cpu0

    info = split_token.cache_info()
    print(f"load (wordfreq, gazetteer, lexicons): {load:.2f} s")
    print(f"documents: {len(docs)}  ({size_mb:.1f} MB, {a.french_share:.0%} French)")
    print(f"normalize: {run:.2f} s wall  ->  {len(docs) / run:,.0f} documents/s, {size_mb / run:.2f} MB/s")
    print(f"           {cpu:.2f} s CPU   ->  {len(docs) / cpu:,.0f} documents/s, {size_mb / cpu:.2f} MB/s")
    print(
        f"edits: {edits:,}  word splits: {splits:,}  distinct words judged by the splitter: {info.misses:,}"
    )
    print(
        f"100k documents like these: ~{100_000 / (len(docs) / cpu) / 60:.1f} CPU min (one process, unshared core)"
    )


if __name__ == "__main__":
    main()
