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

import wordfreq

from akhbar.lexicons import read_rows
from akhbar.lexicons.gazetteer import arabic_place_names
from akhbar.text.keys import match_key

COMMON_ZIPF = 4.0  # both sides of a head-less split must be at least this common (4.0 = 10 per million)
HEAD_REST_ZIPF = 2.0  # a definite word after a head word: rarer words allowed, the head is the evidence
HEAD_BARE_REST_ZIPF = 3.0  # a bare word after a head must be commoner: حزب + a name's tail is no split
MIN_TOKEN_CHARS = 5
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
ARABIC_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a]+")


@lru_cache(maxsize=1)
def arabic_zipf() -> dict[str, float]:
    """Zipf frequency of every Arabic-script word wordfreq knows, built once from wordfreq's bucket
    list (bucket i holds the words of frequency 10^(-i/100), Zipf 9 - i/100): one dict lookup per
    question instead of a `zipf_frequency` call, and the word strings are wordfreq's own (~40 MB
    less than `get_frequency_dict`)."""
    arabic = ARABIC_WORD.fullmatch
    out: dict[str, float] = {}
    for i, bucket in enumerate(wordfreq.get_frequency_list("ar")):
        zipf = round(9 - i / 100, 2)
        for word in bucket:
            if arabic(word):
                out[word] = zipf
    return out


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
    for clitic in _PROCLITICS:
        if not folded.startswith(clitic) or len(part) - len(clitic) < 2:
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


def _core(key: str) -> str:
    """`key` without its longest proclitic run (والم -> م): what is left to be a word."""
    for clitic in _PROCLITICS:
        if clitic and key.startswith(clitic) and len(key) > len(clitic):
            return key[len(clitic) :]
    return key


def _pair_score(left: _Part, right: _Part, right_text: str) -> float | None:
    """How believable `left right` is as a glued pair, or None when it is not a shape we split.

    The right side never starts like a suffix (حزبيون is not حزب يون) and the left side is never
    a bound prefix or a name particle (اللاتمركز, بوعزة stay whole).
    """
    if left.stem in _bound_prefixes() or left.stem in _name_parts("left") | _name_parts("place_left"):
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
    if len(token) < MIN_TOKEN_CHARS or not ARABIC_WORD.fullmatch(token):
        return None
    whole = _analyze(token)
    if whole is not None:
        if whole.kind == "glued_place":
            return list(whole.words)
        # glued web text is in wordfreq too, rarely (أكثرمن 2.9, الضوءعلى 1.3): the scorer judges it
        return viterbi_split(token) if whole.kind == "word" and whole.zipf < KNOWN_MAX else None
    found = best_split(token)
    return found[1] if found else viterbi_split(token)


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
            if inner is None or left.stem in _name_parts("left") | _name_parts("place_left"):
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
# place, a function word next to a word), or SPLIT_MIN_BARE for two plain words. A token wordfreq knows,
# but rarely (Zipf < KNOWN_MAX, where glued web text sits: `مجموعةمن` 1.75), is split only when the
# cutting beats it by KNOWN_MARGIN.
MAX_PARTS = 3
CUT_PENALTY = 0.5
SPLIT_MIN = -2.5
SPLIT_MIN_BARE = 1.0
KNOWN_MAX = 3.0
KNOWN_MARGIN = 0.5
KNOWN_PART_MIN_ZIPF = 4.0  # the parts of a known token's cutting are all at least this common
PART_MIN_ZIPF = 2.5  # every part at least this common (a place, head word or name counts as NAME_ZIPF)
NAME_ZIPF = 3.5
DEFINITE_SHORT_ZIPF = 4.0  # an article before a two-letter stem is a definite word only this common (الأخ)
PREPOSITION_AFTER_ZIPF = 3.0  # a word before a two-letter preposition is at least this common (قوته|في)


@lru_cache(maxsize=1)
def _short_words() -> dict[str, str]:
    """Short word as written -> kind (function | word), from `wordsplit_short_words.tsv`. Not folded:
    a folded ولإ would read as ولا."""
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


def _bare(word: str) -> tuple[str, str]:
    """(proclitics, short word) of a listed short word with a conjunction or preposition in front
    (وقد -> و + قد, لقد -> ل + قد), else ("", word). A listed word is itself (كما is not ك + ما)."""
    if word in _short_words():
        return "", word
    for clitic in ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك"):
        if word.startswith(clitic) and len(word) - len(clitic) >= 2 and word[len(clitic) :] in _short_words():
            return clitic, word[len(clitic) :]
    return "", word


@dataclass(frozen=True, slots=True)
class _Piece:
    """One word of a cutting: its Zipf, its words (a despaced place gives several), its cue (preposition,
    particle, word: with a `+` when a proclitic is in front; definite, name)."""

    zipf: float
    words: tuple[str, ...]
    cue: str
    key: str


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
        return None  # للتم is no word: a two-letter stem counts only as a known word (الأخ)
    zipf, cue = found.zipf, "word"
    if found.kind in ("place", "glued_place", "head") or _core(key) in _name_words() or key in _name_words():
        zipf, cue = max(zipf, NAME_ZIPF), "name" if len(part) > 3 else "short_name"
    elif len(part) <= 3:
        return None  # a short content word (بول، حي): too often a piece of a name (بولعيون، الفتاحي)
    elif key.startswith(_DEFINITE) and (len(_core(key)) >= 3 or zipf >= DEFINITE_SHORT_ZIPF):
        cue = "definite"  # الأخ, الحاضرين; not الها (إلى + a pronoun)
    if zipf < PART_MIN_ZIPF:
        return None
    return _Piece(zipf, found.words, cue, key)


def _license(left: _Piece, right: _Piece, left_text: str, right_text: str) -> str | None:
    """Whether a cut between two pieces has a shape HTML glue produces: `cue` (before an article, before
    a name or place, between two names, a preposition after a word, a particle of three letters or more
    before a word), `bare` (two plain long words, or a name then a word: they need a higher score), or
    None (never cut there).

    Never after a bound prefix or a name part (اللا، عبد، بن), before a suffix-like start (مؤتمرات|هم)
    or before the second part of a compound name (نور|الدين). A two-letter particle before a bare word is
    refused (فيتبخر, لنقاطع are a clitic and a verb), and so is a preposition after a short word (سولو|من)
    or one that reads as a suffix (تدري|بين) or carries a conjunction (فاقتل|وهم).
    """
    stem = _core(left.key)
    if left.key in _bound_prefixes() or stem in _bound_prefixes():
        return None
    if left.key in _name_parts("left") | _name_parts("place_left") or stem in _name_parts("left"):
        return None
    if right.key in _name_parts("right"):
        return None
    conjunction_definite = right.key.startswith(("وال", "ولل"))
    if right_text.startswith(_suffix_starts()) and not conjunction_definite and right.cue != "name":
        return None
    if left.cue == "short_name" or right.cue == "short_name":
        # a name or place of three letters (عمر، سلا، أقا) is also a piece of many words: only next to
        # a name or before a definite word (عمر|الفاروق, الرباط|وسلا)
        if left.cue == "short_name":
            return "cue" if right.cue in ("definite", "name") else None
        return "cue" if left.cue == "name" else None
    if right.cue in ("definite", "name", "definite+"):
        return "cue"
    if right.cue in ("preposition", "particle", "preposition+", "particle+"):
        short_left = len(left_text) < 3 and left.cue not in ("particle", "preposition", "word")
        if right.cue != "preposition" or short_left or right_text[1:].startswith(_suffix_starts()):
            return None
        if len(right_text) <= 2 and left.zipf < PREPOSITION_AFTER_ZIPF:
            return None  # سولو|من, أديل|في: a rare word or name ending like a preposition
        if right_text.endswith("ي") and arabic_zipf().get(left_text + right_text[:-1], 0.0) > 0:
            return None  # الشر|في is the nisba of الشرف (الشرفي), not الشر في
        return "cue"
    if left.cue in ("preposition", "particle", "preposition+", "particle+"):
        long_enough = len(_bare(left_text)[1]) >= 3 and len(right_text) >= 4
        return "cue" if long_enough and not right_text.startswith("و") else None
    if len(left_text) >= 4 and len(right_text) >= 4:
        return "bare"
    return None


def _cuttings(token: str) -> list[tuple[float, bool, list[_Piece]]]:
    """Every cutting of `token` into 2..MAX_PARTS pieces that can all stand alone: (score, whether every
    cut has a glue shape, pieces)."""
    out: list[tuple[float, bool, list[_Piece]]] = []

    def extend(start: int, pieces: list[_Piece], score: float, cued: bool, prev: str) -> None:
        for cut in range(start + 2, len(token) + 1):
            if cut == len(token) and not pieces:
                break  # the token whole is not a cutting
            text = token[start:cut]
            part = _piece(text)
            if part is None:
                continue
            shape = _license(pieces[-1], part, prev, text) if pieces else "cue"
            if shape is None:
                continue
            gained = part.zipf if not pieces else part.zipf - 9 - CUT_PENALTY
            if cut == len(token):
                out.append((score + gained, cued and shape == "cue", [*pieces, part]))
            elif len(pieces) + 2 <= MAX_PARTS and len(token) - cut >= 2:
                extend(cut, [*pieces, part], score + gained, cued and shape == "cue", text)

    extend(0, [], 0.0, True, "")
    return out


def _is_name(token: str) -> bool:
    """True when the whole token is a name the extractors look for (a given or party name, a place)."""
    key = match_key(token)
    if key in _name_words() or _core(key) in _name_words():
        return True
    found = _analyze(token)
    return found is not None and found.kind in ("place", "glued_place")


@lru_cache(maxsize=1)
def _compound_name_starts() -> tuple[str, ...]:
    """Name parts a compound name starts with (`compound` = 1 in `wordsplit_name_parts.tsv`), folded."""
    return tuple(match_key(row[0]) for row in read_rows("wordsplit_name_parts.tsv") if row[2] == "1")


def viterbi_split(token: str) -> list[str] | None:
    """The most probable cutting of `token`, when it is much more probable than the token whole."""
    whole_zipf = arabic_zipf().get(token, 0.0)
    if whole_zipf >= KNOWN_MAX or _is_name(token) or match_key(token).startswith(_compound_name_starts()):
        return None
    best: tuple[float, list[_Piece]] | None = None
    for score, cued, pieces in _cuttings(token):
        need = SPLIT_MIN if cued else SPLIT_MIN_BARE
        if whole_zipf > 0:  # a known token: only a glue-shaped cutting of common words, clearly more probable
            common = min(p.zipf for p in pieces) >= KNOWN_PART_MIN_ZIPF
            need = whole_zipf + KNOWN_MARGIN if cued and common else float("inf")
        if score >= need and (best is None or score > best[0]):
            best = (score, pieces)
    return [w for p in best[1] for w in p.words] if best else None
