"""A benchmark corpus made at run time from real texts: N files, every one different.

    python -m benchmarks.realcorpus --texts DIR [--texts DIR2] --n 3000 --out /tmp/real/raw [--days 7]

The texts are someone else's writing (`eval/real/texts/`, kept out of git): nothing of them is
stored in this repository, the corpus is built from the folder given, each time. Each document
starts from one real text and changes it the way news changes from day to day:
- about a quarter of its sentences are swapped for sentences borrowed from other texts of the
  same language, and a few more may be added;
- every number is shifted: years by the same offset within the document (so its dates still
  agree with each other), days of the month within 1..28, other numbers by a small amount.
If a document still equals an earlier one, more sentences are borrowed until it differs. Same
texts, same seed: same bytes and modification times, spread over `days` arrival days like
`benchmarks.generate`'s corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from collections.abc import Sequence
from pathlib import Path

from benchmarks.generate import write_raw

VERSION = 1  # bump when the documents change, so cached corpora are built again
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")
# A sentence ends after . ! ? ؟ and the spaces that follow it; a paragraph at a line break.
_SENTENCE = re.compile(r"[^.!?؟\n]*(?:[.!?؟]+[\s]*|\n+|$)")
_NUMBER = re.compile(r"\d+")


def _language(text: str) -> str:
    return "ar" if len(_ARABIC.findall(text[:2000])) > len(_LATIN.findall(text[:2000])) else "fr"


def _sentences(text: str) -> list[str]:
    """The text cut after each sentence end or line break, separators kept: "".join() is the text."""
    return [s for s in _SENTENCE.findall(text) if s]


def load_texts(folders: Sequence[str | Path]) -> dict[str, list[list[str]]]:
    """The *.txt files of `folders` as sentence lists, by language ('ar' or 'fr')."""
    by_language: dict[str, list[list[str]]] = {"ar": [], "fr": []}
    for folder in folders:
        for path in sorted(Path(folder).glob("*.txt")):
            text = path.read_text(encoding="utf-8-sig", errors="replace").replace("\r\n", "\n")
            if text.strip():
                by_language[_language(text)].append(_sentences(text))
    if not any(by_language.values()):
        raise ValueError(f"no *.txt texts in {', '.join(map(str, folders))}")
    return by_language


def _shift_numbers(rng: random.Random, text: str) -> str:
    year_shift = rng.randint(-6, 3) or 1
    day_shift = rng.randint(1, 27)

    def shift(m: re.Match) -> str:
        digits = m.group()
        n = int(digits)
        if len(digits) == 4 and 1950 <= n <= 2030:
            return str(n + year_shift)
        if 1 <= n <= 31 and len(digits) <= 2:
            return f"{(n - 1 + day_shift) % 28 + 1:0{len(digits)}d}"
        return str(n + rng.randint(1, 9))

    return _NUMBER.sub(shift, text)


def document(rng: random.Random, texts: dict[str, list[list[str]]], lang: str, extra: int = 0) -> str:
    """One document: a real text of `lang`, some sentences borrowed from others, numbers shifted."""
    pool = texts[lang]
    base = list(rng.choice(pool))
    for at in range(len(base)):
        if rng.random() < 0.25:
            other = rng.choice(pool)
            base[at] = _same_ending(rng.choice(other), base[at])
    for _ in range(rng.randint(0, 2) + extra):
        at = rng.randrange(len(base) + 1)
        base.insert(at, _same_ending(rng.choice(rng.choice(pool)), " "))
    return _shift_numbers(rng, "".join(base)).strip() + "\n"


def _same_ending(sentence: str, replaced: str) -> str:
    """`sentence` ending with the separator `replaced` had (a line break stays a line break)."""
    tail = replaced[len(replaced.rstrip()) :] or " "
    return sentence.rstrip() + tail


def build(
    texts_folders: Sequence[str | Path], n: int, out: str | Path, days: int = 7, seed: int = 7
) -> list[Path]:
    """Write `n` different documents made from the texts under `out`; return their paths."""
    texts = load_texts(texts_folders)
    languages = [lang for lang in ("ar", "fr") if texts[lang]]
    weights = [len(texts[lang]) for lang in languages]
    rng = random.Random(seed)
    root = Path(out)
    seen: set[bytes] = set()
    written: list[Path] = []
    for i in range(n):
        lang = rng.choices(languages, weights)[0]
        extra = 0
        while True:
            data = document(rng, texts, lang, extra).encode("utf-8")
            digest = hashlib.blake2b(data, digest_size=16).digest()
            if digest not in seen:
                seen.add(digest)
                break
            extra += 1  # the same text came out again: borrow more until it differs
        written.append(write_raw(root, i, n, days, data))
    return written


def fingerprint(texts_folders: Sequence[str | Path]) -> str:
    """A digest of the texts' names and sizes: a cached corpus is rebuilt when they change."""
    h = hashlib.sha256()
    for folder in texts_folders:
        for path in sorted(Path(folder).glob("*.txt")):
            h.update(f"{path.name}\0{path.stat().st_size}\0".encode())
    return h.hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", action="append", required=True, help="folder of real *.txt texts")
    parser.add_argument("--n", type=int, default=1000, help="number of documents")
    parser.add_argument("--out", required=True, help="folder to write the raw files into")
    parser.add_argument("--days", type=int, default=7, help="arrival days the files spread over")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    paths = build(args.texts, args.n, args.out, args.days, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} files, {size / 1e6:.1f} MB, under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
