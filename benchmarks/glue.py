"""Glue benchmark: does the normalizer split glued words on real text, and only those?

    .venv/bin/python -m benchmarks.glue [TEXTS] [--gold PARTS.jsonl ...] [--split dev|test|all]
                                        [--per-class 1] [--rounds 5] [--seed 1] [--rare 6000] [--show]

TEXTS is a folder of real articles (`*.txt`, default `eval/real/texts`; the texts are other people's
writing and stay out of git). Three measures, all through `normalize_text`, the pipeline's own rule:

1. **As is**: every split the normalizer makes on the real texts. A split is right only when a gold
   record (`--gold`, field `merged_words`) lists that token as glued; every other split counts as
   false, including those in texts nobody annotated yet (`--show` lists them for review). Reported per
   10,000 words.
2. **Gold recall**: of the annotated `merged_words`, how many come out split as annotated (the scorer's
   test: the split form is in the clean text and the glued form is gone).
3. **Spaces removed**: the clean text with spaces removed at glue-prone points, then normalized
   again. A point is restored when the normalizer cuts exactly there; a cut anywhere else is a false
   split. Glue-prone points, in each round up to `--per-class` spaces of each class per text, picked at
   random, no word in two points:
   `digit` (a number next to a word), `final_letter` (the left word ends in ة or ى), `name` (a
   gazetteer place, a given name or a party-name word on either side), `preposition` (the right word
   is a preposition), `definite` (the right word has the article), `fr_capital` (the right word is
   capitalized), `fr_words` (two lower-case words), `fr_punct` (a full stop then a capitalized word).
   `ar_other` (any other pair of Arabic words) is reported apart, outside the headline figure.
   Excluded: one-letter words, and a left word that is a name part written both glued and apart
   (عبد، بن، أبو: `عبدالرحيم` is a spelling, not glue).

4. **Rare words taken as unknown** (needs no text): `--rare N` wordfreq Arabic words of Zipf 1 to 3 and five
   letters or more, picked at random, each taken out of the word list for its own test, as a real word
   the list does not know would be: every one the splitter cuts is counted (a few are glued web text
   the list holds, `مديرمكتب`; most are false). `--show` lists them.
5. **Rare known words as they stand** (needs no text, `--known`): every wordfreq word of Zipf 0.9 to 3 and 5 to 15
   letters, normalized as it is: those cut (glue the list holds, and false splits of real words).

`--split` keeps the texts of the dev or test split their gold record gives (by a hash of the id, two
thirds dev, for a text no record names); tune on
dev, read test once at the end. Also prints the normalization time per document on these texts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import time
import unicodedata
from collections import Counter
from pathlib import Path

from akhbar.clean import wordsplit
from akhbar.clean.glue import split_token
from akhbar.clean.normalize import normalize_text
from akhbar.ingest.language import identify
from akhbar.lexicons import read_lexicon, read_rows
from akhbar.lexicons.gazetteer import arabic_place_names, entries

AR_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a]+")
FR_WORD = re.compile(r"[^\W\d_]+")
DIGITS = re.compile(r"[0-9]+")
PREPOSITIONS = {"في", "من", "على", "إلى", "الى", "عن", "مع", "حول", "بين", "ضد", "عبر", "لدى", "منذ", "خلال"}
DEFINITE = ("ال", "وال", "بال", "فال", "كال", "لل", "ولل")
HEADLINE = ("digit", "final_letter", "name", "preposition", "definite", "fr_capital", "fr_words", "fr_punct")


def split_of(text_id: str, recorded: dict[str, str] | None = None) -> str:
    """The split a gold record gives the text (`split`, written by eval/real/tools/assemble.py); a text no
    record names falls to a hash of its id."""
    if recorded and text_id in recorded:
        return recorded[text_id]
    return "test" if int(hashlib.sha1(text_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def norm(text: str) -> str:
    """The scorer's loose key (NFKC, one alef, ya, ta marbuta, lower case)."""
    t = unicodedata.normalize("NFKC", text)
    t = re.sub("[أإآٱ]", "ا", t).replace("ى", "ي").replace("ة", "ه")
    return re.sub(r"\s+", " ", t).strip().lower()


def names() -> set[str]:
    """Single words of gazetteer places, given names and party names (both scripts)."""
    out: set[str] = set()
    for name in arabic_place_names():
        out.update(name.split())
    for _, _ar, fr in entries():
        out.update((fr or "").replace("-", " ").split())
    for row in read_lexicon("given_names.tsv"):
        out.update(row["name"].split())
    for row in read_lexicon("parties.tsv"):
        if row["kind"] != "context":
            out.update(row["alias"].split())
    return {w for w in out if len(w) >= 2}


def name_parts() -> set[str]:
    return {row[0] for row in read_rows("wordsplit_name_parts.tsv") if row[1] in ("left", "place_left")}


def glue_class(left: str, right: str, language: str, known_names: set[str], parts: set[str]) -> str | None:
    """The glue-prone class of the space between `left` and `right` (whole tokens), or None."""
    if language == "fr" and left.endswith(".") and FR_WORD.fullmatch(left[:-1] or "-") and len(left) >= 4:
        if FR_WORD.fullmatch(right) and right[0].isupper() and right[1:].islower() and len(right) >= 2:
            return "fr_punct"
        return None
    word = AR_WORD if language == "ar" else FR_WORD
    for a, b in ((left, right), (right, left)):
        if DIGITS.fullmatch(a) and word.fullmatch(b) and len(b) >= 2:
            return "digit"
    if not (word.fullmatch(left) and word.fullmatch(right)) or min(len(left), len(right)) < 2:
        return None
    if language == "ar":
        if left in parts:
            return None
        if left[-1] in "ةى":
            return "final_letter"
        if left in known_names or right in known_names or right[1:] in known_names:
            return "name"
        if right in PREPOSITIONS:
            return "preposition"
        if right.startswith(DEFINITE) and len(right) >= 4:
            return "definite"
        return "ar_other"
    if right[0].isupper() and left[-1].islower():
        return "fr_capital"
    if left.islower() and right.islower():
        return "fr_words"
    return None


def cuts_of(start: int, before: str, after: str) -> list[int]:
    """Offsets (in the text `before` came from) where a split inserted a space."""
    out, j = [], 0
    for ch in after:
        if j < len(before) and ch == before[j]:
            j += 1
        elif ch == " ":
            out.append(start + j)
    return out


def glue(text: str, language: str, rng: random.Random, per_class: int, known: set[str], parts: set[str]):
    """(glued text, {offset in the glued text where a space was removed: class}): up to `per_class`
    spaces of each class, picked at random, no word in two points."""
    eligible: dict[str, list[tuple[int, int, int]]] = {}
    for m in re.finditer(" ", text):
        pos = m.start()
        left_start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
        ends = [x for x in (text.find(" ", pos + 1), text.find("\n", pos + 1)) if x != -1]
        right_end = min(ends) if ends else len(text)
        cls = glue_class(text[left_start:pos], text[pos + 1 : right_end], language, known, parts)
        if cls:
            eligible.setdefault(cls, []).append((pos, left_start, right_end))
    chosen: dict[int, str] = {}
    used: list[tuple[int, int]] = []
    for cls in sorted(eligible):
        options = eligible[cls][:]
        rng.shuffle(options)
        taken = 0
        for pos, lo, hi in options:
            if taken == per_class:
                break
            if any(lo <= u_hi and u_lo <= hi for u_lo, u_hi in used):
                continue
            chosen[pos] = cls
            used.append((lo, hi))
            taken += 1
    pieces, points, prev, removed = [], {}, 0, 0
    for pos in sorted(chosen):
        pieces.append(text[prev:pos])
        points[pos - removed] = chosen[pos]
        prev, removed = pos + 1, removed + 1
    pieces.append(text[prev:])
    return "".join(pieces), points


RARE_MIN_LETTERS = 5


def rare_words_cut(n: int, seed: int) -> list[tuple[str, list[str]]]:
    """Measure 4: which of `n` rare words the word list knows (Zipf 1 to 3, `RARE_MIN_LETTERS` letters or
    more) the splitter cuts once it knows them not, each taken out of the list for its own test."""
    zipf = wordsplit.arabic_zipf()
    arabic = re.compile(f"[\u0621-\u064a]{{{RARE_MIN_LETTERS},}}")
    pool = sorted(w for w, f in zipf.items() if 1.0 <= f < 3.0 and arabic.fullmatch(w))
    cut = []
    for word in random.Random(seed).sample(pool, min(n, len(pool))):
        frequency = zipf.pop(word)
        _forget()  # no reading of the word, or of a word it is a piece of, from before
        try:
            parts = wordsplit.split_glued(word)
        finally:
            zipf[word] = frequency
            _forget()
        if parts:
            cut.append((word, parts))
    return cut


def known_words_cut() -> list[tuple[str, str]]:
    """Measure 5: every word the list knows rarely (Zipf 0.9 to 3, 5 to 15 letters), normalized as it stands:
    those cut. A few are glue the list holds (مديرمكتب); the rest are real words cut, the false splits
    ordinary text would get."""
    arabic = re.compile("[\u0621-\u064a]{5,15}")
    out = []
    for word, frequency in sorted(wordsplit.arabic_zipf().items()):
        if 0.9 <= frequency < 3.0 and arabic.fullmatch(word):
            split = split_token(word, "ar")
            if split != word:
                out.append((word, split))
    return out


def _forget() -> None:
    for cached in (
        wordsplit.split_glued,
        wordsplit._analyze,
        wordsplit._piece,
        wordsplit._stem_zipf,
        wordsplit._word_after_proclitic,
    ):
        cached.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", nargs="?", default="eval/real/texts", type=Path)
    default_gold = [Path("eval/real/gold.jsonl")] if Path("eval/real/gold.jsonl").exists() else []
    ap.add_argument(
        "--gold", nargs="*", default=default_gold, type=Path, help="gold jsonl files (merged_words, split)"
    )
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--per-class", type=int, default=1, help="glue points of each class per text and round")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--show", action="store_true", help="list every split on the texts as they are, and misses"
    )
    ap.add_argument("--rare", type=int, default=6000, help="rare wordfreq words taken as unknown (0: none)")
    ap.add_argument("--known", action="store_true", help="also measure 5: rare known words as they stand")
    a = ap.parse_args()
    if a.split != "all" and not a.gold:
        raise SystemExit("--split dev|test needs --gold: the records say which text is in which split")

    gold: dict[str, list[dict]] = {}
    splits: dict[str, str] = {}
    for path in a.gold:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                gold[rec["id"]] = rec.get("merged_words") or []
                if rec.get("split"):
                    splits[rec["id"]] = rec["split"]
    docs = []
    for path in sorted(a.texts.glob("*.txt")):
        if a.split != "all" and split_of(path.stem, splits) != a.split:
            continue
        raw = path.read_text(encoding="utf-8")
        docs.append((path.stem, raw, identify(raw)[0]))
    if not docs:
        raise SystemExit(f"no texts in {a.texts} for split {a.split}")
    normalize_text("بإقليمصفرو", "ar")  # load once, outside the timing
    known, parts = names(), name_parts()

    # 1 + 2: the texts as they are
    words = right = 0
    false_as_is: list[str] = []
    g_tp = g_n = 0
    clean_texts = {}
    t0 = time.process_time()
    for text_id, raw, language in docs:
        clean, edits = normalize_text(raw, language)
        clean_texts[text_id] = clean
    per_doc_ms = (time.process_time() - t0) / len(docs) * 1000
    for text_id, raw, language in docs:
        clean, edits = normalize_text(raw, language)
        words += len(raw.split())
        gold_merged = {norm(m["merged"]) for m in gold.get(text_id, [])}
        for e in edits:
            if "split" not in e.rule:
                continue
            before = norm(e.before)
            if any(gm in before or before in gm for gm in gold_merged if before):
                right += 1
            else:
                false_as_is.append(
                    f"{text_id}{'' if text_id in gold else ' (not annotated)'}: {e.before} -> {e.after}"
                )
        for m in gold.get(text_id, []):
            g_n += 1
            ok = m["split"] in clean and m["merged"] not in clean
            g_tp += ok
            if not ok and a.show:
                print(f"gold miss {text_id}: {m['merged']} -> {m['split']}")

    # 3: spaces removed at glue-prone points
    found, total, false_glued = Counter(), Counter(), 0
    misses: list[str] = []
    glued_words = 0
    for round_ in range(a.rounds):
        for text_id, _raw, language in docs:
            if language not in ("ar", "fr"):
                continue
            text = clean_texts[text_id]
            rng = random.Random(f"{a.seed}:{round_}:{text_id}")
            glued, points = glue(text, language, rng, a.per_class, known, parts)
            glued_words += len(text.split())
            _, edits = normalize_text(glued, language)
            cuts = {c for e in edits if "split" in e.rule for c in cuts_of(e.start_char, e.before, e.after)}
            for pos, cls in points.items():
                total[cls] += 1
                if pos in cuts:
                    found[cls] += 1
                elif a.show and round_ == 0:
                    lo, hi = glued.rfind(" ", 0, pos) + 1, glued.find(" ", pos)
                    misses.append(f"miss {cls} {text_id}: {glued[lo : hi if hi > 0 else None]}")
            for c in sorted(cuts - set(points)):  # the text was clean: any other cut is inside a word
                false_glued += 1
                if a.show:  # every round: false cuts are few
                    lo, hi = glued.rfind(" ", 0, c) + 1, glued.find(" ", c)
                    misses.append(f"false cut {text_id}: {glued[lo : hi if hi > 0 else None]} @{c - lo}")

    n_ar = sum(1 for d in docs if d[2] == "ar")
    print(
        f"texts: {len(docs)} ({n_ar} Arabic) split={a.split}, {words:,} words, gold records: "
        f"{sum(1 for d in docs if d[0] in gold)}"
    )
    print(
        f"as is: {right} right split(s), {len(false_as_is)} false -> "
        f"{len(false_as_is) / words * 10_000:.1f} false splits per 10,000 words"
    )
    print(f"gold merged_words recall: {g_tp}/{g_n}" + (f" ({g_tp / g_n:.2f})" if g_n else ""))
    head_found = sum(found[c] for c in HEADLINE)
    head_total = sum(total[c] for c in HEADLINE)
    print(
        f"spaces removed ({a.rounds} rounds, {a.per_class} per class and text): recall {head_found}/{head_total} "
        f"({head_found / max(head_total, 1):.2f}), false splits {false_glued} "
        f"({false_glued / max(glued_words, 1) * 10_000:.1f} per 10,000 words)"
    )
    for cls in (*HEADLINE, "ar_other"):
        if total[cls]:
            print(f"  {cls:13s} {found[cls]:4d}/{total[cls]:<4d} ({found[cls] / total[cls]:.2f})")
    print(f"normalization: {per_doc_ms:.2f} ms CPU per document on these texts")
    if a.known:
        known = known_words_cut()
        print(f"rare known words as they stand: {len(known)} cut")
        if a.show:
            print("\n".join(f"  {word} -> {split}" for word, split in known))
    if a.rare:
        cut = rare_words_cut(a.rare, a.seed)
        print(f"rare words taken as unknown: {len(cut)}/{a.rare} cut")
        if a.show:
            print("\n".join(f"  {word} -> {' '.join(parts)}" for word, parts in cut))
    if a.show:
        print(
            "\n".join(
                ["-- splits on the texts as they are, not in gold:", *false_as_is, "-- glue test:", *misses]
            )
        )


if __name__ == "__main__":
    main()
