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
   split only when the cutting is much more probable than the piece whole and every cut has a shape
   glue produces (`akhbar.clean.wordsplit` for Arabic; `_split_french` here, where function words,
   inflections and bound prefixes come from `lexicons/wordsplit_fr_words.tsv`).

Names in `lexicons/wordsplit_keep.tsv` (media written glued: `Le360`, `ناظورسيتي`) are never cut, nor
are gazetteer and lexicon names (see `akhbar.clean.wordsplit`). Pure; cached per token.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import wordfreq

from akhbar.clean.wordsplit import (
    FUNCTION_PAIR_CHARS,
    KNOWN_MAX,
    LONG_RUN_CHARS,
    arabic_zipf,
    name_starts,
    split_glued,
)
from akhbar.lexicons import read_rows
from akhbar.lexicons.frequencies import zipf
from akhbar.lexicons.gazetteer import entries
from akhbar.text.keys import match_key

_AR = "\u0621-\u063a\u0641-\u064a"
# a token: letters and digits, maybe joined by one punctuation mark (part.Cette); never a piece of a
# word cut by an Arabic diacritic or tatweel (مُنتخب). Only tokens that can be cut are matched: four
# characters or more, or a digit or a joining punctuation mark inside (3و4, est.Le); a shorter word is
# never glued text the splitter could see (the normalizer's loop then skips most words).
_IN_WORD = f"{_AR}\u0610-\u061a\u0640\u064b-\u065f\u0670"
_W = "[^\\W_]"  # a letter or digit
TOKEN = re.compile(
    f"(?<![{_IN_WORD}])(?<!{_W})"
    f"(?:{_W}{{4,}}|{_W}{{0,3}}[0-9]{_W}*|{_W}{{1,3}}(?=[.,;:!?](?:{_W}|«)))"
    f"(?:[.,;:!?]{_W}+|[.!?]«)*(?![{_IN_WORD}])(?!{_W})"
)
# an Arabic word with no ة or ى before its last letter: no hard cue inside (the fast path of split_token)
_PLAIN_AR = re.compile("[\u0621-\u0628\u062a-\u063a\u0641-\u0648\u064a]+[\u0621-\u063a\u0641-\u064a]")
_RUNS = re.compile(f"(?P<ar>[{_AR}]+)|(?P<digit>[0-9]+)|(?P<latin>[^\\W\\d_{_AR}]+)|(?P<other>.)", re.S)
_RUNS_MIXED = re.compile(f"[{_AR}]")  # an Arabic letter in a French token: the script cue must see it
_ADDRESS = re.compile(r"\w\.[a-z]{2,4}$", re.ASCII)  # a web address: a lower-case ending after a dot
_PRONOUN_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "ي", "نا", "ني", "ن", "ى"})
_SENTENCE_PUNCT = ".,;:!?"

FR_MIN_TOKEN_CHARS = 4  # a French lower-case word shorter than this is never cut by probabilities
FR_MIN_CHARS = 6  # ... and one shorter than this only next to a function word (dela, envue)
FR_KNOWN_MAX = 2.0  # a French word at least this common is cut only after function words (laville)
FR_RARE_MAX = 3.5  # ... and one at least this common never
FR_SPLIT_MIN = 0.0  # the best cutting's score (sum(zipf - 9) + 9 - penalty per cut) must reach this
FR_PAIR_MIN = -1.5  # ... or this, for two words of four letters or more with no function word (comitécentral)
FR_LONG_PAIR_CHARS = 6
FR_LONG_PAIR_MIN = -2.0  # ... or this, when both have six letters or more (presqueinaperçues)
FR_COMMON_ZIPF = 4.5  # a content word after function words only, in a known token (laville)
FR_KNOWN_MARGIN = 1.0  # a token wordfreq knows is cut only when the cutting beats it by this
FR_FUNCTION_MARGIN = 0.5  # ... or by this, after function words (lapresse 2.2 -> la presse 3.0)
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
    return zipf(word, "fr")


@lru_cache(maxsize=200_000)
def split_token(token: str, language: str) -> str:
    """`token` with the spaces glued text lost put back, or `token` itself."""
    # fast paths: a word with no hard cue inside goes straight to the word probabilities, and a common
    # one is never cut (most tokens)
    if _PLAIN_AR.fullmatch(token) and token.find("إ", 1) < 0:
        if arabic_zipf().get(token, 0.0) >= KNOWN_MAX or match_key(token) in _keep()[0]:
            return token
        return " ".join(split_glued(token) or [token])
    plain_fr = language == "fr" and token.isalpha() and token.islower()
    if plain_fr and _fr_zipf(token) >= FR_RARE_MAX:
        return token
    if match_key(token) in _keep()[0] or _ADDRESS.search(token):
        return token  # Article19.ma, LeSiteinfo.com: an address, written as it is
    if plain_fr and not _RUNS_MIXED.search(token):
        return " ".join(_split_french(token) or [token])
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
            finals = _final_letter_cuts(text)
            cuts.update(pos + c for c in finals + _hamza_below_cuts(text, finals))
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
        if len(piece) >= FUNCTION_PAIR_CHARS and re.fullmatch(f"[{_AR}]+", piece):
            words = split_glued(piece)
        elif language == "fr" and len(piece) >= FR_MIN_TOKEN_CHARS and piece.isalpha() and piece.islower():
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
    if language == "ar" and kind != "digit" and letters.islower() and len(letters) >= 3:
        # admin11 مايو 2022: a page's user name, a known Latin word, glued to the date in an Arabic page
        return 0 if max(_fr_zipf(low), wordfreq.zipf_frequency(low, "en")) >= 3.0 else None
    if language != "fr" or letters.isupper() or not (letters.islower() or letters[1:].islower()):
        return None
    if kind == "digit" and low in _digit_attached("fr", "after"):
        return None
    zipf = _fr_zipf(low)
    ok = (len(low) >= 3 and zipf >= 3.0) or (len(low) >= 2 and zipf >= 5.5)  # 2m: a unit, not a word
    return 0 if ok else None


# What may stand before إ inside one word: proclitics (وب, فل, the question's أ: أفإن), the article with them
# (بال, وال, لل); the bound negation with them (لاإرادي, اللاإنسانية); the article typed with a hamza (ألإسلام).
_HAMZA_BELOW_LEAD = re.compile("أ?[وف]?[بلك]?|[وف]?(?:[بكف]?ال|لل)|(?:[وف]?[بكف]?ال|[وف]?[بل]?)لا|أل")


def _hamza_below_cuts(run: str, made: Sequence[int] = ()) -> list[int]:
    """Cuts before an alef with hamza below inside an Arabic run (كاتباإقليميا, قالإن): إ only opens a
    word, after its proclitics and article (`_HAMZA_BELOW_LEAD`), so elsewhere a word ends before it, when
    both pieces are words as written (المسإلة, a typo of المسألة, stays). Not after a name part that
    compounds glued, with its proclitics or the article (لعبدالإله, وأبوإسماعيل), and both sides have two
    letters or more. An article before it is that word's (حجم|الإصلاح) when the word before the article, as
    written, is commoner than the whole (خلال|إعداد, قال|إن); neither known: no cut. A letter that may be a
    proclitic goes with the word it opens when the word before is commoner without it (الوفي|بإمكانه;
    حزب|إداري keeps its ب); ب, ل and ك never open إلى. `made`: cuts already made in the run (after ة: الستينيةلإحداث is الستينية + لإحداث)."""
    if len(run) >= LONG_RUN_CHARS:
        return []  # a whole phrase without its spaces: the long-run splitter reads it as a whole
    zipf = arabic_zipf()
    out: list[int] = []
    for m in re.finditer("إ", run):
        cut = m.start()
        start = max([0, *(c for c in (*made, *out) if c <= cut)])
        ends = [c for c in made if c > cut]
        before, after = run[start:cut], run[cut : min(ends) if ends else len(run)]
        if len(before) < 2 or len(after) < 2 or _HAMZA_BELOW_LEAD.fullmatch(before):
            continue
        if _ends_with_name_part(before) or before.endswith("لل"):
            continue  # لل: an article typed twice (اللإنسانية) or ل + ال, with the word it opens
        if zipf.get(after, 0.0) == 0.0:
            continue  # المسإلة, التإسيسي: a misspelt word, not two
        if before.endswith("ال"):
            # the article of the word it opens (حجمالإصلاح), or a word's end (خلالإعداد)
            head, whole = zipf.get(before[:-2], 0.0), zipf.get(before, 0.0)
            if max(head, whole) > 0:
                out.append(cut if whole >= head else cut - 2)
            continue
        whole, stem = zipf.get(before, 0.0), zipf.get(before[:-1], 0.0)
        if whole == stem == 0.0:
            continue  # no word ends there
        last = before[-1]
        proclitic = last in "وف" or (last in "بلك" and not run.startswith("إلى", cut))
        if proclitic and len(before) >= 4 and stem > whole:
            cut -= 1
        out.append(cut)
    return out


def _ends_with_name_part(before: str) -> bool:
    """Is `before` a name part written glued to the name after it, maybe with its proclitics in front and
    the article behind (أبو، وبن، لعبدال، مولاي)?"""
    key = match_key(before)
    lead = re.match("[وف]?[بلك]?", key).end()
    for core in {key[n:] for n in range(lead + 1)}:
        if core in name_starts() or (core.endswith("ال") and core[:-2].endswith(tuple(name_starts()))):
            return True  # بنعبدالإله: a name part before the article, after another
    return False


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


@lru_cache(maxsize=1)
def _french_words() -> dict[str, str]:
    """French word -> kind (determiner, preposition, conjunction, verb, ending): `wordsplit_fr_words.tsv`."""
    return {word: kind for word, kind, *_ in read_rows("wordsplit_fr_words.tsv")}


_FR_FUNCTION = frozenset({"determiner", "preposition", "conjunction"})


def _fr_shape(left: str, right: str) -> str | None:
    """How a cut between two French words looks: `cue` (a determiner before a word, a preposition or
    conjunction before a word or a determiner, a word before a function word or an auxiliary: la|ville,
    de|la, et|associatives, bureau|des, conseil|est), `pair` (two words of four letters or more:
    comité|central), or None: after a bound prefix (micro|analyse), before an inflection (albanais|es,
    gonfler|ont), a short content word away from a function word, two determiners (ce|sa), a
    pronoun after a word (chapeau|te)."""
    kinds = _french_words()
    left_kind, right_kind = kinds.get(left), kinds.get(right)
    if left_kind in ("prefix", "ending") or right_kind == "ending" or (right == "ont" and left.endswith("r")):
        return None
    if left_kind == "determiner":
        return "cue" if right_kind is None else None
    if left_kind in ("preposition", "conjunction"):
        return "cue" if right_kind in (None, "determiner", "pronoun") else None
    if left_kind == "pronoun":
        return "cue" if right_kind == "verb" else None
    if left_kind == "verb":
        return "cue" if right_kind is None else None
    if right_kind == "pronoun" or (left_kind is None and len(left) <= 3):
        return None
    if right_kind in ("determiner", "preposition", "conjunction", "verb"):
        return "cue"
    return "pair" if len(left) >= 4 and len(right) >= 4 else None


@lru_cache(maxsize=100_000)
def _split_french(word: str) -> list[str] | None:
    """The most probable cutting of a lower-case French word into 2 or 3 known words, when it is much
    more probable than the word whole and every cut has a glue shape (`_fr_shape`): partiest -> parti
    est, congrèsdes -> congrès des, dela -> de la, comitécentral -> comité central."""
    whole = _fr_zipf(word)
    if whole >= FR_RARE_MAX or word in _french_names():
        return None
    kinds = _french_words()

    def part_zipf(part: str) -> float | None:
        zipf = _fr_zipf(part)
        need = 5.5 if len(part) <= 2 else 4.5 if len(part) == 3 else 3.0
        return zipf if zipf >= need else None

    best: tuple[float, list[str]] | None = None
    for cutting in _fr_cuttings(word, part_zipf):
        zipfs = [part_zipf(p) for p in cutting]
        shapes = [_fr_shape(a, b) for a, b in itertools.pairwise(cutting)]
        if None in shapes:
            continue
        score = sum(zipfs) - 9 * (len(cutting) - 1) - FR_CUT_PENALTY * (len(cutting) - 1)
        function_only = all(kinds.get(p) in _FR_FUNCTION for p in cutting[:-1]) and (
            kinds.get(cutting[-1]) in _FR_FUNCTION or zipfs[-1] >= FR_COMMON_ZIPF
        )
        if len(word) < FR_MIN_CHARS and kinds.get(cutting[0]) not in ("preposition", "conjunction"):
            continue  # a short token is cut only after a preposition or conjunction (dela, envue; not cedit)
        if whole == 0:
            long_pair = min(len(p) for p in cutting) >= FR_LONG_PAIR_CHARS
            need = FR_SPLIT_MIN if "pair" not in shapes else FR_LONG_PAIR_MIN if long_pair else FR_PAIR_MIN
        elif whole < FR_KNOWN_MAX or function_only:
            # glued web text is in wordfreq's list too (dela 3.3, laville 2.4): a known token is cut only
            # when the cutting is clearly more probable, and above FR_KNOWN_MAX only after function words
            need = max(FR_SPLIT_MIN, whole + (FR_FUNCTION_MARGIN if function_only else FR_KNOWN_MARGIN))
        else:
            continue
        if score >= need and (best is None or score > best[0]):
            best = (score, list(cutting))
    return best[1] if best else None


def _fr_cuttings(word: str, known: Callable[[str], float | None]) -> list[tuple[str, ...]]:
    """Every cutting of `word` into 2 or 3 parts of two letters or more that `known` accepts."""
    out: list[tuple[str, ...]] = []
    for cut in range(2, len(word) - 1):
        left, rest = word[:cut], word[cut:]
        if known(left) is None:
            continue
        if known(rest) is not None:
            out.append((left, rest))
        for cut2 in range(2, len(rest) - 1):
            if known(rest[:cut2]) is not None and known(rest[cut2:]) is not None:
                out.append((left, rest[:cut2], rest[cut2:]))
    return out
