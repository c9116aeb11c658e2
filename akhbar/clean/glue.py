"""Glued words in Arabic and French text: where a space went missing when HTML tags were stripped.

`split_token(token, language)` returns the token with its missing spaces put back (or unchanged):

1. Hard cues decide without a dictionary:
   - a number against letters, either side (`يوم10` -> `يوم 10`, `2019بالمقر`, `14و15` -> `14 و15`); a
     proclitic stays with its number (`للاستقلالب12` -> `للاستقلال ب12`), and what is normally written
     against a number is left alone (`ب12`, `الـ20`, `8ème`, `20h`: `lexicons/wordsplit_digit_attached.tsv`);
   - Arabic script against Latin script (`حزبPJD`);
   - an Arabic letter that only ends a word, ة or ى, followed by a letter (`الدورةالعادية`, `علىضرورة`),
     unless what follows is a pronoun suffix (`علىه` is a misspelled `عليه`);
   - French: a lower-case letter followed by a capital (`SecrétaireLe`), unless the token is a known
     word (`YouTube`) or listed (`TelQuel`), and a sentence's punctuation followed by a capitalized
     word or an opening quote (`part.Cette` -> `part. Cette`, `pays.«` -> `pays. «`).
2. What is left is scored: every way of cutting an unknown piece into known words (wordfreq's
   log-probabilities; Arabic clitics, places, head words, given and party names from the lexicons),
   split only when the cutting is much more probable than the piece whole (`akhbar.clean.wordsplit` for
   Arabic, `_split_french` here).

Names in `lexicons/wordsplit_keep.tsv` (media written glued: `Le360`, `ناظورسيتي`) are never cut, nor
are gazetteer and lexicon names (see `akhbar.clean.wordsplit`). Pure; cached per token.
"""

from __future__ import annotations

import re
from functools import lru_cache

import wordfreq

from akhbar.clean.wordsplit import MIN_TOKEN_CHARS, arabic_zipf, split_glued
from akhbar.lexicons import read_rows
from akhbar.lexicons.gazetteer import entries
from akhbar.text.keys import match_key

_AR = "\u0621-\u063a\u0641-\u064a"
# a token: letters and digits, maybe joined by one punctuation mark (part.Cette); never a piece of a
# word cut by an Arabic diacritic or tatweel (مُنتخب)
_IN_WORD = f"{_AR}\u0610-\u061a\u0640\u064b-\u065f\u0670"
TOKEN = re.compile(
    f"(?<![{_IN_WORD}])(?<![^\\W_])[^\\W_]+(?:[.,;:!?][^\\W_]+|[.!?]«)*(?![{_IN_WORD}])(?![^\\W_])"
)
_RUNS = re.compile(f"(?P<ar>[{_AR}]+)|(?P<digit>[0-9]+)|(?P<latin>[^\\W\\d_{_AR}]+)|(?P<other>.)", re.S)
_PRONOUN_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "ي", "نا", "ني", "ن", "ى"})
_SENTENCE_PUNCT = ".,;:!?"

FR_MIN_CHARS = 6  # a French lower-case word shorter than this is never cut by probabilities
FR_KNOWN_MAX = 2.0  # a French word at least this common is never cut
FR_SPLIT_MIN = 0.0  # the best cutting's score (sum(zipf - 9) + 9 - penalty per cut) must reach this
FR_KNOWN_MARGIN = 1.0
FR_CUT_PENALTY = 0.5
CAMEL_KNOWN_ZIPF = 2.5  # a camel-case token whose lower-case form is this common is a name (YouTube)


@lru_cache(maxsize=1)
def _keep() -> tuple[frozenset[str], frozenset[str]]:
    """(tokens never cut, folded; words that follow a dot in an address)."""
    names = {match_key(t) for t, _lang, kind, *_ in read_rows("wordsplit_keep.tsv") if kind == "name"}
    after_dot = {t for t, _lang, kind, *_ in read_rows("wordsplit_keep.tsv") if kind == "after_dot"}
    return frozenset(names), frozenset(after_dot)


@lru_cache(maxsize=4)
def _digit_attached(language: str, side: str) -> frozenset[str]:
    return frozenset(
        letters
        for letters, lang, where, *_ in read_rows("wordsplit_digit_attached.tsv")
        if lang == language and where == side
    )


@lru_cache(maxsize=1)
def _french_names() -> frozenset[str]:
    """Lower-case words of French place, given and party names: never cut by probabilities."""
    out: set[str] = set()
    for _, _ar, fr in entries():
        out.update(re.findall(r"[^\W\d_]+", (fr or "").lower()))
    for name, lang, *_ in read_rows("given_names.tsv"):
        if lang == "fr":
            out.update(name.lower().split())
    for _code, lang, alias, kind, *_ in read_rows("parties.tsv"):
        if lang == "fr" and kind != "context":
            out.update(re.findall(r"[^\W\d_]+", alias.lower()))
    return frozenset(w for w in out if len(w) >= 3)


def _fr_zipf(word: str) -> float:
    return wordfreq.zipf_frequency(word, "fr")


@lru_cache(maxsize=200_000)
def split_token(token: str, language: str) -> str:
    """`token` with the spaces glued text lost put back, or `token` itself."""
    if match_key(token) in _keep()[0]:
        return token
    runs = [(m.lastgroup, m.group(0)) for m in _RUNS.finditer(token)]
    cuts: set[int] = set()
    pos = 0
    for i, (kind, text) in enumerate(runs):
        end = pos + len(text)
        nxt = runs[i + 1] if i + 1 < len(runs) else (None, "")
        prev = runs[i - 1] if i else (None, "")
        if kind == "other":
            if language == "fr" and _sentence_glue(prev, text, nxt):
                cuts.add(end)
        elif nxt[0] in ("ar", "latin", "digit") and nxt[0] != kind:
            cut = _script_cut(kind, text, nxt, runs[i + 2] if i + 2 < len(runs) else (None, ""), language)
            if cut is not None:
                cuts.add(end + cut)
        if kind == "ar":
            cuts.update(pos + c for c in _final_letter_cuts(text))
        elif kind == "latin" and language == "fr":
            cuts.update(pos + c for c in _camel_cuts(text))
        pos = end
    pieces, start = [], 0
    for cut in sorted(cuts):
        pieces.append(token[start:cut])
        start = cut
    pieces.append(token[start:])
    out = []
    for piece in pieces:
        words = None
        if len(piece) >= MIN_TOKEN_CHARS and re.fullmatch(f"[{_AR}]+", piece):
            words = split_glued(piece)
        elif language == "fr" and len(piece) >= FR_MIN_CHARS and piece.isalpha() and piece.islower():
            words = _split_french(piece)
        out.extend(words or [piece])
    return " ".join(out)


def _sentence_glue(prev: tuple[str | None, str], punct: str, nxt: tuple[str | None, str]) -> bool:
    """A sentence's punctuation glued to the next capitalized word (part.Cette), not an abbreviation
    (M.Benkirane), an address (Hespress.Com) or a number (3.5)."""
    word = nxt[1]
    after_word = prev[0] == "latin" and len(prev[1]) >= 2 and prev[1][-2:].islower()
    if word == "«":  # pays.« -> pays. «
        return after_word and punct in ".!?"
    return (
        punct in _SENTENCE_PUNCT
        and after_word
        and nxt[0] == "latin"
        and len(word) >= 2
        and word[0].isupper()
        and word not in _keep()[1]
    )


def _script_cut(
    kind: str, text: str, nxt: tuple[str | None, str], after: tuple[str | None, str], language: str
) -> int | None:
    """Where to cut between run `text` and the next run of another kind (offset from the boundary:
    0 = at the boundary, -1 = one letter before it), or None."""
    other_kind, other = nxt
    if kind != "digit" and other_kind != "digit":  # Arabic against Latin
        return 0 if len(text) >= 2 and len(other) >= 2 else None
    letters_kind, letters = (other_kind, other) if kind == "digit" else (kind, text)
    if letters_kind == "ar":
        if kind != "digit":  # letters, then a number
            if letters in _digit_attached("ar", "before"):
                return None
            if len(letters) < 2:
                return None
            head = letters[:-1]
            if letters[-1] in "بلكوف" and not arabic_zipf().get(letters) and arabic_zipf().get(head, 0) >= 3:
                return -1  # للاستقلالب12: the proclitic stays with its number
            return 0
        # a number, then letters: a proclitic of the next number (14و15) or a word (2019بالمقر)
        if letters in _digit_attached("ar", "before") and after[0] == "digit":
            return 0
        return 0 if len(letters) >= 2 else None
    # French letters next to a number: only a known word (juin2021, 2019Le), never 8ème, 20h, COP22
    low = letters.lower()
    if language != "fr" or letters.isupper() or not (letters.islower() or letters[1:].islower()):
        return None
    if kind == "digit" and low in _digit_attached("fr", "after"):
        return None
    zipf = _fr_zipf(low)
    ok = (len(low) >= 3 and zipf >= 3.0) or zipf >= 5.5
    return 0 if ok else None


def _final_letter_cuts(run: str) -> list[int]:
    """Cuts after ة or ى inside an Arabic run, when both sides have two letters or more and what
    follows is not a pronoun suffix (علىه) or a hamza seat (شاطىء)."""
    out, start = [], 0
    for m in re.finditer("[ةى](?=[^ءئ])", run):
        cut = m.end()
        rest = re.match("[^ةى]*[ةى]?", run[cut:]).group(0)
        if cut - start >= 2 and len(run) - cut >= 2 and rest not in _PRONOUN_SUFFIXES:
            out.append(cut)
            start = cut
    return out


def _camel_cuts(run: str) -> list[int]:
    """Cuts before a capital that follows a lower-case letter (SecrétaireLe), unless the whole run is a
    known word (YouTube, LinkedIn) or the left part is a single letter (iPhone)."""
    spots = [i for i in range(2, len(run)) if run[i].isupper() and run[i - 1].islower()]
    if not spots or _fr_zipf(run.lower()) >= CAMEL_KNOWN_ZIPF:
        return []
    return spots


@lru_cache(maxsize=100_000)
def _split_french(word: str) -> list[str] | None:
    """The most probable cutting of a lower-case French word into 2 or 3 known words, when it is much
    more probable than the word whole (partiest -> parti est, congrèsdes -> congrès des)."""
    whole = _fr_zipf(word)
    if whole >= FR_KNOWN_MAX or word in _french_names():
        return None

    def part_zipf(part: str) -> float | None:
        zipf = _fr_zipf(part)
        need = 5.5 if len(part) <= 2 else 4.5 if len(part) == 3 else 3.0
        return zipf if zipf >= need else None

    best: tuple[float, list[str]] | None = None
    for cut in range(2, len(word) - 1):
        left = part_zipf(word[:cut])
        if left is None:
            continue
        rest = word[cut:]
        right = part_zipf(rest)
        if right is not None:
            score = left + right - 9 - FR_CUT_PENALTY
            if best is None or score > best[0]:
                best = (score, [word[:cut], rest])
        for cut2 in range(2, len(rest) - 1):
            mid, last = part_zipf(rest[:cut2]), part_zipf(rest[cut2:])
            if mid is not None and last is not None:
                score = left + mid + last - 18 - 2 * FR_CUT_PENALTY
                if best is None or score > best[0]:
                    best = (score, [word[:cut], rest[:cut2], rest[cut2:]])
    need = FR_SPLIT_MIN if whole == 0 else max(FR_SPLIT_MIN, whole + FR_KNOWN_MARGIN)
    return best[1] if best and best[0] >= need else None
