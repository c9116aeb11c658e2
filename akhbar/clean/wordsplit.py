"""Split Arabic words that were glued together when a web page's HTML tags were stripped.

`إقليمصفرو` -> `إقليم صفرو`, `الإقليميبالخميسات` -> `الإقليمي بالخميسات`,
`الدارالبيضاءسطات` -> `الدار البيضاء سطات`.

A wrong split is worse than a missed one (it breaks names the extractors must find), so a
token is split only when all of these hold:
- it is unknown as a whole: not in wordfreq's Arabic list, not a place name, not a head word,
  even after its proclitics (و ف ب ل ك ال) are set aside;
- each side is known, and the pair has a shape glued text really produces: a head word
  (إقليم، جهة، الإقليمي... from `lexicons/wordsplit_heads.tsv`) before a place name or known
  word; a preposition before a definite word or place; two place names; or, with no head at
  all, two common words (Zipf >= `COMMON_ZIPF`), the second with its article (المؤتمرالوطني);
- the split does not fall right after a bound prefix (اللا، سوسيو: `wordsplit_bound_prefixes.tsv`)
  or a name part (عبد، بن: `wordsplit_name_parts.tsv`), nor before a suffix-like start
  (حزبيون, مؤتمراتهم: `wordsplit_suffix_starts.tsv`).
A multi-word official place name written without its spaces (`الدارالبيضاء`) gets them back.
Checked on 400,000 rare wordfreq words treated as unknown: ~150 splits, nearly all real glued forms.

When none of these shapes fits, `viterbi_split` scores every cutting of the token into known words
(wordfreq log-frequencies, lexicon names) and takes the best one when it is much more probable than the
token whole and every cut has a shape glue produces (see the comment above `MAX_PARTS`). The hard cues
(numbers, ة/ى, scripts) and French live in `akhbar.clean.glue`, which calls `split_glued`.

Everything heavy (the word list, the gazetteer) is loaded once; `split_glued` is cached per token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from akhbar.lexicons import frequencies, read_rows
from akhbar.lexicons.frequencies import ARABIC_WORD
from akhbar.lexicons.gazetteer import arabic_place_names
from akhbar.text.keys import match_key

COMMON_ZIPF = 4.0  # both sides of a head-less split must be at least this common (4.0 = 10 per million)
HEAD_REST_ZIPF = 2.0  # a definite word after a head word: rarer words allowed, the head is the evidence
HEAD_BARE_REST_ZIPF = 3.0  # a bare word after a head must be commoner: حزب + a name's tail is no split
MIN_TOKEN_CHARS = 5
FUNCTION_PAIR_CHARS = 4  # a shorter token is cut only into two listed short words (كلمن, لهفي)
GLUED_PLACE_MAX_ZIPF = 3.0  # a despaced place name this common is a real spelling, not glued text

# Proclitics a part may carry, longest first: conjunction, preposition, article.
_PROCLITICS = tuple(
    sorted(
        {c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك") for a in ("", "ال")}
        | {"لل", "ولل", "فلل"},
        key=len,
        reverse=True,
    )
)
_PROCLITIC_SET = frozenset(_PROCLITICS)
_PROCLITIC_MAX = max(len(c) for c in _PROCLITICS)


@lru_cache(maxsize=300_000)
def _proclitics_of(text: str) -> tuple[str, ...]:
    """The proclitics `text` starts with, longest first (the order of `_PROCLITICS`), by one set
    lookup per length instead of a `startswith` per proclitic."""
    return tuple(
        text[:n] for n in range(min(_PROCLITIC_MAX, len(text)), -1, -1) if text[:n] in _PROCLITIC_SET
    )


@lru_cache(maxsize=1)
def arabic_zipf() -> dict[str, float]:
    """Zipf frequency of every Arabic-script word wordfreq knows (bucket i of its list holds the words
    of frequency 10^(-i/100), Zipf 9 - i/100): one dict lookup per question instead of a
    `zipf_frequency` call, the word strings shared with wordfreq's own dict. Built from a cache file
    (`akhbar.lexicons.frequencies`), not from wordfreq's list at every start."""
    return frequencies.arabic_zipf()


_ALEFS = str.maketrans("أإآٱ", "اااا")


@lru_cache(maxsize=1)
def _heads() -> dict[str, str]:
    """Head word with its alefs folded -> kind (`head` or `function`). Not `match_key`: ة must stay ة,
    or ولايه (in ولايهتمون) would read as the head ولاية."""
    return {word.translate(_ALEFS): kind for word, kind, *_ in read_rows("wordsplit_heads.tsv")}


@lru_cache(maxsize=1)
def _bound_prefixes() -> frozenset[str]:
    return frozenset(match_key(row[0]) for row in read_rows("wordsplit_bound_prefixes.tsv"))


@lru_cache(maxsize=4)
def _name_parts(side: str) -> frozenset[str]:
    """Folded name parts of `wordsplit_name_parts.tsv` for one side (left, place_left or right)."""
    return frozenset(
        match_key(word) for word, where, *_ in read_rows("wordsplit_name_parts.tsv") if where == side
    )


@lru_cache(maxsize=1)
def name_starts() -> frozenset[str]:
    """Folded name parts a name goes on after, glued or not (sides left and place_left: بن، عبد، آيت...)."""
    return _name_parts("left") | _name_parts("place_left")


@lru_cache(maxsize=1)
def _suffix_starts() -> tuple[str, ...]:
    return tuple(row[0] for row in read_rows("wordsplit_suffix_starts.tsv"))


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """(folded one-word place names, folded despaced multi-word names -> their word lengths)."""
    single: set[str] = set()
    multi: dict[str, tuple[int, ...]] = {}
    for name in arabic_place_names():
        words = [w for w in re.split(r"[\s\-]+", match_key(name)) if w]
        if len(words) == 1:
            if len(words[0]) >= 3:
                single.add(words[0])
        elif words[0] not in _name_parts("left") and all(len(w) >= 2 for w in words):
            multi.setdefault("".join(words), tuple(len(w) for w in words))
    return frozenset(single), multi


@dataclass(frozen=True, slots=True)
class _Part:
    """What a candidate part is: kind head|function|glued_place|place|word, how common, its words."""

    kind: str
    zipf: float
    stem_len: int
    words: tuple[str, ...]
    stem: str


_RANK = {"head": 3, "glued_place": 3, "place": 2, "function": 2, "word": 1}


@lru_cache(maxsize=300_000)
def _analyze(part: str) -> _Part | None:
    """The best reading of `part`, proclitics allowed, or None when nothing knows it."""
    zipf = arabic_zipf()
    single, multi = _places()
    heads = _heads()
    folded = match_key(part)
    best: _Part | None = None
    for clitic in _proclitics_of(folded):
        if len(part) - len(clitic) < 2:
            continue
        stems = [(part[len(clitic) :], folded[len(clitic) :])]
        if clitic.endswith("لل"):  # ل + ال: للخميسات is ل + الخميسات
            stems.append(("ال" + part[len(clitic) :], "ال" + folded[len(clitic) :]))
        for stem, key in stems:
            found = _read_stem(part, clitic, stem, key, zipf, single, multi, heads)
            if found and (best is None or (_RANK[found.kind], found.zipf) > (_RANK[best.kind], best.zipf)):
                best = found
    return best


def _read_stem(
    part: str,
    clitic: str,
    stem: str,
    key: str,
    zipf: dict[str, float],
    single: frozenset[str],
    multi: dict[str, tuple[int, ...]],
    heads: dict[str, str],
) -> _Part | None:
    z = zipf.get(stem, 0.0) if clitic == "" else zipf.get(stem, 0.0) - 0.3 * len(clitic)
    z = max(z, zipf.get(part, 0.0))
    kind = heads.get(stem.translate(_ALEFS))
    if kind == "function" and clitic not in ("", "و", "ف"):
        kind = None
    if kind:
        return _Part(kind, z, len(stem), (part,), key)
    if key in single:
        return _Part("place", max(z, 0.1), len(stem), (part,), key)
    lengths = multi.get(key)
    if lengths and zipf.get(part, 0.0) < GLUED_PLACE_MAX_ZIPF:
        words, pos = [], len(part) - len(stem)
        for i, n in enumerate(lengths):
            start = 0 if i == 0 else pos
            words.append(part[start : pos + n])
            pos += n
        return _Part("glued_place", z, len(stem), tuple(words), key)
    if z > 0:
        return _Part("word", z, len(stem), (part,), key)
    return None


_DEFINITE = ("ال", "وال", "بال", "لل", "ولل")  # a right part starting with the article, maybe after و/ب/ل


@lru_cache(maxsize=300_000)
def _core(key: str) -> str:
    """`key` without its longest proclitic run (والم -> م): what is left to be a word."""
    for clitic in _proclitics_of(key):
        if clitic and len(key) > len(clitic):
            return key[len(clitic) :]
    return key


def _pair_score(left: _Part, right: _Part, right_text: str) -> float | None:
    """How believable `left right` is as a glued pair, or None when it is not a shape we split.

    The right side never starts like a suffix (حزبيون is not حزب يون) and the left side is never
    a bound prefix or a name particle (اللاتمركز, بوعزة stay whole).
    """
    if left.stem in _bound_prefixes() or left.stem in name_starts():
        return None
    right_key = match_key(right_text)
    definite = 1.0 if right_key.startswith(_DEFINITE) and len(_core(right_key)) >= 3 else 0.0
    conjunction_definite = definite and right_key.startswith(("وال", "ولل"))  # not the suffix وا
    suffix_like = right_text.startswith(_suffix_starts()) and not conjunction_definite
    if suffix_like and right.kind not in ("place", "glued_place"):
        return None
    if left.kind == "head":
        if right.kind in ("place", "glued_place", "head"):
            return 10 + definite + right.zipf
        bare_ok = right.stem_len >= 4 and right.zipf >= HEAD_BARE_REST_ZIPF
        if right.kind == "word" and ((definite and right.zipf >= HEAD_REST_ZIPF) or bare_ok):
            return 8 + definite + right.zipf
        return None
    if left.kind == "function":
        # a preposition glued to a bare word is too often a real word or name (منافسو, فيلالي)
        if definite and right.kind in ("place", "glued_place", "head") and right.stem_len >= 3:
            return 7 + right.zipf
        common_definite = definite and right.zipf >= COMMON_ZIPF and len(_core(match_key(right_text))) >= 4
        if right.kind == "head" or (right.kind == "word" and common_definite):
            return 6 + right.zipf
        return None
    if left.kind in ("place", "glued_place"):
        if left.stem_len >= 4 and right.kind in ("place", "glued_place", "head") and right.stem_len >= 4:
            return 9 + definite + min(left.zipf, right.zipf)
        return None
    # no head, no place: two common words, the second with its article (المؤتمرالصحفي); a split
    # before a bare word (والرأسمالي, جيريمياه) is far too often wrong.
    if (
        definite
        and right.kind in ("word", "head")
        and min(left.zipf, right.zipf) >= COMMON_ZIPF
        and len(_core(left.stem)) >= 3
        and match_key(right_text) not in _name_parts("right")
    ):
        return min(left.zipf, right.zipf)
    return None


@lru_cache(maxsize=500_000)
def split_glued(token: str) -> list[str] | None:
    """The words a glued token is made of, or None to leave it whole. Pure and cached per token."""
    if len(token) < FUNCTION_PAIR_CHARS or not ARABIC_WORD.fullmatch(token):
        return None
    if len(token) < MIN_TOKEN_CHARS:
        return viterbi_split(token, function_words_only=True)
    whole = _analyze(token)
    if whole is not None:
        if whole.kind == "glued_place":
            return list(whole.words)
        # glued web text is in wordfreq too, rarely (أكثرمن 2.9, الضوءعلى 1.3): the scorer judges it
        if whole.kind == "word" and whole.zipf < KNOWN_MAX:
            return viterbi_split(token)
        # read as a clitic and a word (كلمن: ك + لمن), though wordfreq knows it rarely or not at all:
        # two function words glued (كل|من) are more probable
        if whole.kind == "word" and arabic_zipf().get(token, 0.0) < KNOWN_MAX:
            return viterbi_split(token, function_words_only=True)
        return None
    found = best_split(token)
    if found:
        return found[1]
    return (
        viterbi_split(token)
        or given_then_family(token)
        or (long_run_split(token) if len(token) >= LONG_RUN_CHARS else None)
    )


def best_split(token: str, depth: int = 0) -> tuple[float, list[str]] | None:
    """(score, words) of the most believable split of `token`, known as a whole or not.

    After a head word or a preposition, an unknown right side may itself be split once more
    (فيإقليمالخميسات -> في إقليم الخميسات).
    """
    best: tuple[float, list[str]] | None = None
    for cut in range(2, len(token) - 1):
        left_text, right_text = token[:cut], token[cut:]
        left = _analyze(left_text)
        if left is None:
            continue
        right = _analyze(right_text)
        if right is not None:
            score = _pair_score(left, right, right_text)
            words = [*left.words, *right.words]
        elif depth == 0 and left.kind in ("head", "function") and len(right_text) >= MIN_TOKEN_CHARS:
            inner = best_split(right_text, depth + 1)
            if inner is None or left.stem in name_starts():
                continue
            score, words = inner[0] - 1, [*left.words, *inner[1]]
        else:
            continue
        if score is not None and (best is None or score > best[0]):
            best = (score, words)
    return best


# --- Scoring every way of cutting an unknown token (up to MAX_PARTS words) ---------------------------
# A cutting's score is its words' log10-probabilities from wordfreq, with a penalty per extra word:
# sum(zipf_i - 9) + 9 - CUT_PENALTY * (parts - 1), so two words of Zipf 6 and 3.5 score 0. The token
# whole, as one word, scores its own Zipf. An unknown token is split when its best cutting scores at
# least SPLIT_MIN and every cut has a shape glued text produces (before an article, next to a name or
# place, a function word next to a word), SPLIT_MIN_ARTICLE when every cut is before an article between
# two words of four letters or more (the article is the evidence: مؤشرات|الاحتقان), or SPLIT_MIN_BARE for
# two plain words, whose every piece is then at least BARE_PART_MIN_ZIPF common and, besides its clitics,
# of BARE_CORE_MIN letters or a listed short word (والأن|بوبي, بالما|وردي are rare words, not glue), or
# only SPLIT_MIN_BARE_LONG when both are of BARE_LONG_CORE_MIN letters and BARE_LONG_PART_MIN_ZIPF common
# (عرفت|حضور). A token wordfreq knows, but rarely (Zipf < KNOWN_MAX, where glued web text sits:
# `مجموعةمن` 1.75), is split only when the cutting beats it by KNOWN_MARGIN, and never by a cut between two
# plain words or after a two-letter preposition (`_UNKNOWN_ONLY`: مندرجة, منكوبا are words).
# How these bars were set: `python -m benchmarks.glue --split dev --known --rare 20000` before and after
# (docs/normalization.md has the figures): the pairs the texts' spaces were taken from come back (ar_other),
# rare words taken as unknown and rare known words as they stand are cut no more than they were, but for
# glue the word list itself holds.
MAX_PARTS = 3
CUT_PENALTY = 0.5
SPLIT_MIN = -2.5
SPLIT_MIN_ARTICLE = -3.5
SPLIT_MIN_BARE = 0.0
BARE_PART_MIN_ZIPF = 3.5
BARE_CORE_MIN = 3
SPLIT_MIN_BARE_LONG = -1.5
BARE_LONG_PART_MIN_ZIPF = 4.0
BARE_LONG_CORE_MIN = 4
# a preposition of two letters (من، في، عن، مع) before a plain word of four letters or more this common, as
# written, in a token nothing knows: من|رئاسة، في|مجلس (at 4.0, words taken as unknown such as مندفعة and
# منفاهم are cut too).
SHORT_PREPOSITION_RIGHT_ZIPF = 4.5
KNOWN_MAX = 3.0
KNOWN_MARGIN = 0.5
KNOWN_PART_MIN_ZIPF = 4.0  # the parts of a known token's cutting are all at least this common
PART_MIN_ZIPF = 2.5  # every part at least this common (a place, head word or name counts as NAME_ZIPF)
NAME_ZIPF = 3.5
DEFINITE_SHORT_ZIPF = 4.0  # an article before a two-letter stem is a definite word only this common (الأخ)
PREPOSITION_AFTER_ZIPF = 3.0  # a word before a two-letter preposition is at least this common (قوته|في)
SHORT_WORD_ZIPF = (
    4.5  # a content word of three letters may stand before a preposition when this common (عدد|من)
)
DERIVED_STEM_ZIPF = 3.0  # a rare word whose stem, without its suffix, is this common (مقاربتها: مقاربة) ...
DERIVED_PENALTY = 1.0  # ... counts as the stem, this much less common
# Suffixes a rare word is read through, with what the stem ends with instead (ت of a ة before a suffix)
_DERIVED_SUFFIXES = ("هما", "ها", "هم", "هن", "كم", "نا", "ه", "ات", "ون", "ين", "وا", "ا")
_MARKED_ENDINGS = ("ات", "ون", "ين", "ه", "ها", "هم", "هما", "نا", "وا")  # a rare word ending so is no name
_FUNCTION_CUES = ("preposition", "particle", "conjunction", "pronoun")


@lru_cache(maxsize=1)
def _short_words() -> dict[str, str]:
    """Short word as written -> kind (preposition, particle, conjunction, pronoun, definite, word), from
    `wordsplit_short_words.tsv`. Not folded: a folded ولإ would read as ولا."""
    return {word: kind for word, kind, *_ in read_rows("wordsplit_short_words.tsv")}


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """Folded words of the names the extractors look for: given names, party names."""
    out: set[str] = set()
    for row in read_rows("given_names.tsv"):
        if row[1] == "ar":
            out.update(match_key(w) for w in row[0].split())
    for row in read_rows("parties.tsv"):
        if row[1] == "ar" and row[3] != "context":
            out.update(match_key(w) for w in row[2].split())
    return frozenset(w for w in out if len(w) >= 3)


@lru_cache(maxsize=300_000)
def _bare(word: str) -> tuple[str, str]:
    """(proclitics, short word) of a listed short word with a conjunction or preposition in front
    (وقد -> و + قد, لقد -> ل + قد), else ("", word). A listed word is itself (كما is not ك + ما)."""
    if word in _short_words() or len(word) > _SHORT_MAX + 2:
        return "", word
    for clitic in ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك"):
        if word.startswith(clitic) and len(word) - len(clitic) >= 2 and word[len(clitic) :] in _short_words():
            return clitic, word[len(clitic) :]
    return "", word


_SHORT_MAX = 5  # the longest listed short word (عليها); two proclitics at most in front


@dataclass(frozen=True, slots=True)
class _Piece:
    """One word of a cutting: its Zipf, its words (a despaced place gives several), its cue (preposition,
    particle, conjunction, pronoun, word: with a `+` when a proclitic is in front; definite, name,
    short_name, short_head, short_word), and whether it was read through a suffix (derived)."""

    zipf: float
    words: tuple[str, ...]
    cue: str
    key: str
    derived: bool = False


@lru_cache(maxsize=300_000)
def _piece(part: str) -> _Piece | None:
    """`part` as one word of a cutting, or None when it cannot stand alone."""
    key = match_key(part)
    clitic, bare = _bare(part)
    short = _short_words().get(bare)
    if short:
        return _Piece(max(arabic_zipf().get(part, 0.0), 4.0), (part,), short + ("+" if clitic else ""), key)
    found = _analyze(part)
    if found is None or (len(found.stem) <= 2 and arabic_zipf().get(part, 0.0) < PART_MIN_ZIPF):
        return _derived(part, key)  # للتم is no word: a two-letter stem counts only as a known word (الأخ)
    zipf, cue = found.zipf, "word"
    if found.kind in ("place", "glued_place", "head") or _core(key) in _name_words() or key in _name_words():
        zipf = max(zipf, NAME_ZIPF)
        cue = "name" if len(part) > 3 else "short_head" if found.kind == "head" else "short_name"
    elif len(part) <= 3:
        # a short content word (بول، حي) is too often a piece of a name (بولعيون، الفتاحي): only a common
        # one with no proclitic, and only before a preposition (عدد|من)
        common = arabic_zipf().get(part, 0.0) >= SHORT_WORD_ZIPF and found.stem_len == len(part)
        return _Piece(zipf, found.words, "short_word", key) if common else None
    elif key.startswith(_DEFINITE) and (len(_core(key)) >= 3 or zipf >= DEFINITE_SHORT_ZIPF):
        cue = "definite"  # الأخ, الحاضرين; not الها (إلى + a pronoun)
    if zipf < PART_MIN_ZIPF:
        return _derived(part, key) if cue in ("word", "definite") else None
    return _Piece(zipf, found.words, cue, key)


def _derived(part: str, key: str) -> _Piece | None:
    """A rare or unknown word read through its suffix (مقاربتها -> مقاربة + ها, المقررون -> المقرر + ون,
    انشغالاتهم -> انشغال + ات + هم): as common as its stem, less DERIVED_PENALTY; None when no stem is
    common enough. Such a piece stands only next to a strong cue (see `_license`)."""
    stem_zipf = _stem_zipf(part)
    if stem_zipf < DERIVED_STEM_ZIPF:
        return None
    cue = "definite" if key.startswith(_DEFINITE) and len(_core(key)) >= 3 else "word"
    return _Piece(stem_zipf - DERIVED_PENALTY, (part,), cue, key, derived=True)


def _has_suffix(word: str) -> bool:
    """True when `word` ends with a plural or pronoun suffix after a common stem (تطلعاته, المتابعات):
    an Arabic word, not a foreign name that ends the same (ماها)."""
    return word.endswith(_MARKED_ENDINGS) and _stem_zipf(word) >= DERIVED_STEM_ZIPF


@lru_cache(maxsize=100_000)
def _stem_zipf(word: str) -> float:
    """The Zipf of the commonest stem `word` has without one or two suffixes (0.0: none)."""
    best = 0.0
    stems = [word]
    for _ in range(2):  # a pronoun after a plural: انشغالات|هم
        next_stems = []
        for stem in stems:
            for suffix in _DERIVED_SUFFIXES:
                if not stem.endswith(suffix) or len(stem) - len(suffix) < 3:
                    continue
                base = stem[: -len(suffix)]
                options = [base]
                if base.endswith("ت"):
                    options.append(base[:-1] + "ة")  # مقاربت|ها -> مقاربة
                if suffix == "ات":
                    options.append(base + "ة")  # محطات -> محطة
                for option in options:
                    found = _analyze(option)
                    if found is not None and found.kind == "word" and len(_core(found.stem)) >= 3:
                        best = max(best, found.zipf)
                next_stems.append(base)
        stems = next_stems
    return best


def _license(left: _Piece, right: _Piece, left_text: str, right_text: str) -> str | None:
    """Whether a cut between two pieces has a shape HTML glue produces: `article` (before a definite
    word), `cue` (before a name or place, between two names, a preposition after a word, a particle of
    three letters or more before a word), `bare` (two plain long words, or a name then a word: they need
    a higher score), or None (never cut there).

    Never after a bound prefix or a name part (اللا، عبد، بن), before a suffix-like start (مؤتمرات|هم)
    or before the second part of a compound name (نور|الدين). A two-letter particle before a bare word is
    refused (فيتبخر, لنقاطع are a clitic and a verb), and so is a preposition after a short word (سولو|من)
    or one that reads as a suffix (تدري|بين) or carries a conjunction (فاقتل|وهم). A preposition with its
    pronoun (له، بها) is never the right part (شك|له), a short content word stands only before a
    preposition (عدد|من), a word read through its suffix only next to a preposition or an article.
    """
    stem = _core(left.key)
    if left.key in _bound_prefixes() or stem in _bound_prefixes():
        return None
    if left.key in name_starts() or stem in _name_parts("left"):
        return None
    if right.key in _name_parts("right") or right.cue.startswith(("pronoun", "short_word")):
        return None
    conjunction_definite = right.key.startswith(("وال", "ولل"))
    if right_text.startswith(_suffix_starts()) and not conjunction_definite and right.cue != "name":
        return None
    strong_right = right.cue in ("definite", "definite+", "preposition", "conjunction")
    if (left.derived or left.cue == "short_word") and not strong_right:
        return None
    if right.derived and not (right.cue == "definite" and left.cue.startswith(("preposition", "particle"))):
        return None
    if left.cue == "short_word" and right.cue in ("definite", "definite+"):
        return None  # عزم|القيادة and عزما|لقيادة: too close to call
    if left.cue.startswith("pronoun") and right.cue not in ("preposition", "definite", "short_head"):
        return None  # بها|لعمر: بهال is also colloquial هال
    if left.cue.startswith("pronoun") and len(_bare(left_text)[1]) < 3 and right.cue != "preposition":
        return None  # له|في only: به|الطريقة is also colloquial (بهالطريقة)
    if right.cue == "short_head":  # أن|حزب, يكون|حزب: a head word of three letters after a real word
        listed = left_text in _short_words() or _bare(left_text)[0] in ("و", "ف")
        word = left.cue in ("word", "definite") and len(_core(left.key)) >= 3 and left.zipf >= 3.0
        return "cue" if listed or word else None
    if left.cue in ("short_name", "short_head") or right.cue in ("short_name", "short_head"):
        # a name or place of three letters (عمر، سلا، أقا) is also a piece of many words: only next to
        # a name or before a definite word (عمر|الفاروق, الرباط|وسلا)
        if left.cue in ("short_name", "short_head"):
            return "article" if right.cue == "definite" else "cue" if right.cue == "name" else None
        return "cue" if left.cue == "name" else None
    if right.cue in ("definite", "definite+"):
        return "article"
    if right.cue == "name":
        # بلحسان، بلسعيد: بل before a given name is a family name (Belhassan), not the particle and a name
        return None if _bare(left_text)[1] == "بل" and _core(right.key) in _name_words() else "cue"
    if right.cue.startswith(("preposition", "particle", "conjunction")):
        listed = left_text in _short_words() or _bare(left_text)[0] in ("و", "ف")
        if left.cue.startswith("pronoun") and not right.cue.startswith("preposition"):
            return None
        need_core = 4 if right.cue == "conjunction" and left.cue != "short_word" else 3
        if right.cue not in ("preposition", "conjunction") or (
            not listed and len(_core(left.key)) < need_core
        ):
            return None  # للم|عبر, والم|غير, وسيت|غير: a clitic and a scrap
        if len(left_text) == 2 and left_text[0] in "فلبوك" and left_text[1] in "يتنأ":
            return None  # في|بعد, لن|قبل: a clitic and a verb (فيبعد, لنقبل); من|خلال is a cut
        if left.cue.startswith("particle_verb"):
            return None  # لم|عبر, بل|مع: لمعبر, بلمع are a clitic and a word
        if left.cue.startswith("preposition") and (_bare(left_text)[1] != "من" or len(right_text) < 3):
            return None  # only من takes a preposition after it (من|خلال); منفي, معفي, منعن are words
        if left.cue == "short_word" and (right_text == "عن" or (left_text[0] in "يت" and right_text == "من")):
            return None  # يتم|عن, يتوه|من: a verb and a suffix (يتمعن, يتوهمن)
        if right_text[1:].startswith(_suffix_starts()):
            return None
        marked = left.derived or left.cue == "short_word" or _has_suffix(left_text)
        if (
            (len(right_text) <= 2 or right.cue == "conjunction")
            and left.zipf < PREPOSITION_AFTER_ZIPF
            and not marked
        ):
            return None  # سولو|من, أديل|في: a rare word or name ending like a preposition
        nisba = not listed and right_text.endswith("ي")
        if nisba and arabic_zipf().get(left_text + right_text[:-1], 0.0) > 0:
            return None  # الشر|في is the nisba of الشرف (الشرفي), not الشر في
        return "cue"
    if left.cue.startswith(("preposition", "particle")):
        long_enough = len(_bare(left_text)[1]) >= 3 and len(right_text) >= 4
        if right_text.startswith("و"):
            return None
        if long_enough:
            return "cue"
        # a two-letter preposition before a very common word, itself that common as written, not through
        # a clitic (فيلالي is no في + ل + إلى): a cut of its own kind, never made in a token wordfreq knows
        # (مندرجة، منكوبا are words; منجديد is not)
        common = right.cue == "word" and arabic_zipf().get(right_text, 0.0) >= SHORT_PREPOSITION_RIGHT_ZIPF
        return "short_preposition" if left.cue == "preposition" and len(right_text) >= 4 and common else None
    if left.cue.startswith(("conjunction", "pronoun")):
        return None  # أو|بورن, بها|سكار: names and words start so
    if len(left_text) >= 4 and len(right_text) >= 4:
        return "bare"
    return None


@lru_cache(maxsize=300_000)
def _best_reading_zipf(part: str) -> float:
    """An upper bound of `_piece(part).zipf` for a common word, cheaply: its own Zipf, or a stem's after
    a proclitic (less 0.3 a letter, as `_read_stem` counts it), 4.0 for a listed short word."""
    if _bare(part)[1] in _short_words():
        return max(4.0, arabic_zipf().get(part, 0.0))
    zipf = arabic_zipf()
    best = zipf.get(part, 0.0)
    if part[0] not in "وفبلكا":  # no proclitic starts so
        return best
    for clitic in _proclitics_of(part):
        if clitic:
            best = max(best, zipf.get(part[len(clitic) :], 0.0) - 0.3 * len(clitic))
            if clitic.endswith("لل"):  # للحزب: ل + الحزب
                best = max(best, zipf.get("ال" + part[len(clitic) :], 0.0) - 0.3 * len(clitic))
    return best


def _cuttings(token: str, min_zipf: float = 0.0) -> list[tuple[float, str, list[_Piece]]]:
    """Every cutting of `token` into 2..MAX_PARTS pieces that can all stand alone (each at least
    `min_zipf` common): (score, its weakest cut: article, cue or bare, pieces)."""
    out: list[tuple[float, str, list[_Piece]]] = []
    strength = {"article": 2, "cue": 1, "short_preposition": 0.5, "bare": 0}

    def extend(start: int, pieces: list[_Piece], score: float, weakest: str, prev: str) -> None:
        for cut in range(start + 2, len(token) + 1):
            if cut == len(token) and not pieces:
                break  # the token whole is not a cutting
            text = token[start:cut]
            if min_zipf and _best_reading_zipf(text) < min_zipf:
                continue  # a known token's parts are common words: most substrings are ruled out cheaply
            part = _piece(text)
            if part is None or part.zipf < min_zipf:
                continue
            shape = _license(pieces[-1], part, prev, text) if pieces else "article"
            if shape is None:
                continue
            if pieces and shape == "article" and not _article_pair(pieces[-1], part):
                shape = "cue"
            shape = min(weakest, shape, key=strength.__getitem__)
            gained = part.zipf if not pieces else part.zipf - 9 - CUT_PENALTY
            if cut == len(token):
                out.append((score + gained, shape, [*pieces, part]))
            elif len(pieces) + 2 <= MAX_PARTS and len(token) - cut >= 2:
                extend(cut, [*pieces, part], score + gained, shape, text)

    extend(0, [], 0.0, "article", "")
    return out


def _article_pair(left: _Piece, right: _Piece) -> bool:
    """True when a cut before an article may take the lower bar (SPLIT_MIN_ARTICLE): both words have a
    stem of three letters or more, and what follows the article is no ending (الشم|اليون, السل|التان,
    واستقل|اليتهم are one word: a plural or dual ending after ال)."""
    core = _core(right.key)
    return len(_core(left.key)) >= 3 and len(core) >= 3 and not core.startswith(("ي", *_suffix_starts()))


def _is_name(token: str) -> bool:
    """True when the whole token is a name the extractors look for (a given or party name, a place)."""
    key = match_key(token)
    if key in _name_words() or _core(key) in _name_words():
        return True
    found = _analyze(token)
    return found is not None and found.kind in ("place", "glued_place")


GIVEN_FAMILY_MIN_REST = 5  # the family name with its article: ال and three letters at least


@lru_cache(maxsize=1)
def _given_names() -> tuple[str, ...]:
    """Folded one-word Arabic given names of three letters or more (given_names.tsv), longest first."""
    names = {
        match_key(row[0]) for row in read_rows("given_names.tsv") if row[1] == "ar" and " " not in row[0]
    }
    return tuple(sorted((n for n in names if len(n) >= 3), key=len, reverse=True))


def given_then_family(token: str) -> list[str] | None:
    """A given name glued to a family name with the article (حميدالزرهوني -> حميد الزرهوني, ومحمدالسوسي):
    family names are too rare for word probabilities, the listed given name and the article are the
    evidence. Only for a token nothing knows; never before a name's second part listed as such (نورالدين);
    a given name before another word with the article is cut too (نورالهدى -> نور الهدى, a spelling
    both ways)."""
    key = match_key(token)
    if len(key) != len(token):
        return None
    for start in (0, 1) if key.startswith("و") else (0,):
        for given in _given_names():
            rest = key[start + len(given) :]
            if (
                not key.startswith(given, start)
                or not rest.startswith("ال")
                or len(rest) < GIVEN_FAMILY_MIN_REST
            ):
                continue
            if rest in _name_parts("right") or given in name_starts():
                return None
            cut = start + len(given)
            return [token[:cut], token[cut:]]
    return None


@lru_cache(maxsize=1)
def _compound_name_starts() -> tuple[str, ...]:
    """Name parts a compound name starts with (`compound` = 1 in `wordsplit_name_parts.tsv`), folded."""
    return tuple(match_key(row[0]) for row in read_rows("wordsplit_name_parts.tsv") if row[2] == "1")


_NEED = {
    "article": SPLIT_MIN_ARTICLE,
    "cue": SPLIT_MIN,
    "short_preposition": SPLIT_MIN,
    "bare": SPLIT_MIN_BARE,
}
_UNKNOWN_ONLY = frozenset({"bare", "short_preposition"})  # cuts never made in a token wordfreq knows


@lru_cache(maxsize=100_000)
def _word_after_proclitic(token: str) -> bool:
    """Is `token` a word the list knows, as written, behind a proclitic (فيتخرج, ليستهدفها, بمصروفاته)?
    Cached: asked once per cutting of the token."""
    zipf = arabic_zipf()
    return any(
        zipf.get(token[len(c) :], 0.0) > 0 for c in _proclitics_of(token) if c and len(token) - len(c) >= 3
    )


def _long_common_word(piece: _Piece) -> bool:
    """A piece of a two-plain-words cut that lowers its bar: common, and long besides its clitics."""
    return piece.zipf >= BARE_LONG_PART_MIN_ZIPF and len(_core(piece.key)) >= BARE_LONG_CORE_MIN


def _plain_word(piece: _Piece) -> bool:
    """May `piece` be one of two plain words glued with nothing marking the cut: common, and not a
    clitic-and-scrap (الأن, المن) unless a listed short word."""
    if piece.zipf < BARE_PART_MIN_ZIPF:
        return False
    return len(_core(piece.key)) >= BARE_CORE_MIN or _bare(piece.key)[1] in _short_words()


def viterbi_split(token: str, function_words_only: bool = False) -> list[str] | None:
    """The most probable cutting of `token`, when it is much more probable than the token whole.

    A token that starts like a compound name (بن، عبد، أبو) is cut only when its first word is a common
    word longer than that start (بناء|على is no name; بنعلي, عبدالحق stay whole). With
    `function_words_only`, only cuttings into listed short words count (كل|من, read as ك + لمن otherwise).
    """
    whole_zipf = arabic_zipf().get(token, 0.0)
    if whole_zipf >= KNOWN_MAX or _is_name(token):
        return None
    key = match_key(token)
    compound = [start for start in _compound_name_starts() if key.startswith(start)]
    best: tuple[float, list[_Piece]] | None = None
    # a known token is cut only into common words (KNOWN_PART_MIN_ZIPF): no other cutting is looked at
    for score, weakest, pieces in _cuttings(token, KNOWN_PART_MIN_ZIPF if whole_zipf > 0 else 0.0):
        if function_words_only and not all(p.cue.startswith(_FUNCTION_CUES) for p in pieces):
            continue
        if compound:
            first = pieces[0]
            if first.cue not in ("word", "definite") or first.zipf < KNOWN_PART_MIN_ZIPF or first.derived:
                continue
            if any(len(first.key) <= len(start) + 1 for start in compound):
                continue
        need = _NEED[weakest]
        if weakest in _UNKNOWN_ONLY and _word_after_proclitic(token):
            continue  # فيتخرج is ف + يتخرج, بمصروفاته ب + مصروفاته: one word with its proclitic
        if weakest == "bare":
            if not all(_plain_word(p) for p in pieces):
                continue
            if all(_long_common_word(p) for p in pieces):
                need = SPLIT_MIN_BARE_LONG
        if whole_zipf > 0:  # a known token: only a glue-shaped cutting of common words, clearly more probable
            common = min(p.zipf for p in pieces) >= KNOWN_PART_MIN_ZIPF
            plain = not any(p.derived for p in pieces)
            need = (
                whole_zipf + KNOWN_MARGIN
                if weakest not in _UNKNOWN_ONLY and common and plain
                else float("inf")
            )
        if score >= need and (best is None or score > best[0]):
            best = (score, pieces)
    return [w for p in best[1] for w in p.words] if best else None


# --- A whole phrase written without its spaces ---------------------------------------------------------
# Some pages lose every space of a paragraph (السلطاتالمحليةالتيتقفموقفالمتفرج): far more words than
# MAX_PARTS, so `viterbi_split` never sees the right cutting. A token this long that nothing knows is no
# Arabic word (the longest real ones, with their clitics, stay under LONG_RUN_CHARS); it is cut into the
# known words that make it up most probably (each piece's log-frequency, less CUT_PENALTY a cut), when
# every piece is a word `_piece` accepts and they average LONG_RUN_MIN_ZIPF.
LONG_RUN_CHARS = 16
LONG_RUN_MIN_PARTS = 4
LONG_RUN_MIN_ZIPF = 3.5
LONG_RUN_PIECE_CHARS = 14  # the longest piece looked at (a word with its clitics and suffix)
UNKNOWN_ZIPF = 1.5  # a piece nothing knows counts as this rare, less UNKNOWN_ZIPF_PER_CHAR a letter
UNKNOWN_ZIPF_PER_CHAR = 1.5  # (بؤر: -3; a long unknown piece must not swallow known words: تقفموق)
UNKNOWN_PIECE_CHARS = 6  # ... if it is this short at most
LONG_RUN_PER_UNKNOWN = 5  # and one in five pieces may be one


def long_run_split(token: str) -> list[str] | None:
    """The words of a long glued run (four or more), by dynamic programming over its cut points, or None
    when no cutting into accepted words exists or its words are too rare to be believed."""
    n = len(token)
    # best[i]: (score, start of the last piece) of the best cutting of token[:i]
    best: list[tuple[float, int] | None] = [None] * (n + 1)
    best[0] = (0.0, 0)
    for end in range(2, n + 1):
        for start in range(max(0, end - LONG_RUN_PIECE_CHARS), end - 1):
            before = best[start]
            piece = _run_piece(token[start:end]) if before is not None else None
            if piece is None:
                continue
            score = before[0] + piece.zipf - 9 - CUT_PENALTY
            if best[end] is None or score > best[end][0]:
                best[end] = (score, start)
    if best[n] is None:
        return None
    pieces: list[_Piece] = []
    end = n
    while end > 0:
        start = best[end][1]
        pieces.insert(0, _run_piece(token[start:end]))
        end = start
    unknown = sum(p.cue == "unknown" for p in pieces)
    if (
        len(pieces) < LONG_RUN_MIN_PARTS
        or sum(p.zipf for p in pieces) / len(pieces) < LONG_RUN_MIN_ZIPF
        or unknown * LONG_RUN_PER_UNKNOWN > len(pieces)
    ):
        return None
    return [w for p in pieces for w in p.words]


_ARTICLES = frozenset(c for c in _PROCLITICS if c)  # ال، وال، بال...: never a word of their own


@lru_cache(maxsize=100_000)
def _run_piece(part: str) -> _Piece | None:
    """A piece of a long run: a word `_piece` accepts, never a bare clitic or article (ال|إختطاف); else a
    short unknown word (بؤر, a name), the rarer the longer, so one rare word does not leave the run whole."""
    if part in _ARTICLES:
        return None
    piece = _piece(part)
    if piece is not None and not (piece.derived and part.endswith("ا")):  # إدانتناا|لشديدة: a stray alif
        return piece
    if 3 <= len(part) <= UNKNOWN_PIECE_CHARS:
        return _Piece(UNKNOWN_ZIPF - UNKNOWN_ZIPF_PER_CHAR * len(part), (part,), "unknown", match_key(part))
    return None
