"""Letter tokens and the phrase index every lexicon finder (places, parties, organizations) scans with.

A document is tokenized once (`tokenize` is cached per text); a `PhraseIndex` finds the longest known
phrase at each token, reading Arabic clitics off the front of a token (`وبالخميسات` -> `الخميسات`).

The lookups are one Aho-Corasick automaton per index (pyahocorasick) run over the document's folded
stream: the token keys, written one after the other where only spaces, hyphens or apostrophes part
two tokens (a name may go on) and with a break elsewhere. One pass in C finds every occurrence of
every phrase; Python then only looks at the occurrences, keeping those that start where a reading of
a token starts (the token itself, after its clitics, after a glued head word) and end at a token's
end. Readings that are not a tail of the token (لل read as ل + ال) are extra patterns of the
automaton. Same matches as a walk over the tokens, in the same order, for the same `accept` calls.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain, repeat
from operator import not_
from typing import NamedTuple

import ahocorasick

from akhbar.text.keys import match_key

# Letters and Arabic marks (diacritics, tatweel) make a token; anything else separates tokens.
_TOKEN = re.compile(r"(?:[^\W\d_]|[\u064B-\u065F\u0670\u0640])+")
# What may sit between two tokens of one name: spaces, hyphens (the en dash too: جهة مراكش–آسفي),
# apostrophes, tatweel.
_JOINER_CHARS = " \t\u00a0\u202f-–'’‘ـ"  # not a line break: a name does not run on to the next line
# Proclitics that attach to an Arabic word: conjunctions و ف, prepositions ب ل ك.
_AR_PROCLITICS = ("وب", "ول", "فب", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك")
# ل + ال is written لل: للجديدة is ل + الجديدة, and للجنة is ل + اللجنة.
_AR_LAM_ARTICLE = ("ولل", "فلل", "لل")
_AR_PREPOSITION_CLITICS = ("ب", "ل", "وب", "ول", "فب", "فل", "لل", "ولل", "فلل")


class Token(NamedTuple):
    """A run of letters: `key` is its `match_key` without spaces; `joined` says that only
    spaces, hyphens or apostrophes separate it from the next token (a name may go on).
    A named tuple: a document has hundreds, and a tuple is the cheapest object to build."""

    start: int
    end: int
    key: str
    joined: bool


_SPLIT = re.compile(f"({_TOKEN.pattern})")
_BREAK = "\x00"  # between two tokens of the stream that no name spans
_SEPARATOR = {True: "", False: _BREAK}  # after a token joined to the next, or not


class Tokens(tuple):
    """The tokens of one text (a tuple of `Token`), carrying their folded stream once it is built."""

    stream: Stream | None = None


@lru_cache(maxsize=16)
def tokenize(text: str) -> Tokens:
    """Letter tokens of `text` with their keys, offsets into `text`, and their folded stream
    (cached: the place, party and organization finders all read the same document).

    Built column by column at C level: `re.split` gives the gaps and the tokens as strings, their
    offsets are running sums of lengths (no match object per token)."""
    parts = _SPLIT.split(text)  # gap, token, gap, token, ..., gap
    if len(parts) == 1:
        return Tokens()
    words = parts[1::2]
    bounds = list(accumulate(map(len, parts)))  # end of each part
    joined = list(map(not_, map(str.strip, parts[2::2], repeat(_JOINER_CHARS))))
    joined[-1] = False  # the last token has no next one
    keys = list(map(_token_key, words))
    tokens = Tokens(
        map(tuple.__new__, repeat(Token), zip(bounds[0::2], bounds[1::2], keys, joined, strict=False))
    )
    tokens.stream = _stream(keys, joined)
    return tokens


@lru_cache(maxsize=1 << 18)
def _token_key(token: str) -> str:
    """`match_key` of one token without the spaces it leaves for diacritics (cached: words repeat)."""
    return match_key(token).replace(" ", "")


def phrase_key(surface: str) -> str:
    """The key a name is stored under: its tokens' keys, concatenated."""
    return "".join(t.key for t in tokenize(surface))


@dataclass(frozen=True, slots=True)
class Variant:
    """One reading of a token: `key` after peeling clitics, `offset` chars into the token where
    the name starts, and a head word found glued in front (إقليمصفرو), if any."""

    key: str
    offset: int
    glued_head: str | None = None
    preposition: bool = False


@lru_cache(maxsize=1 << 17)
def arabic_variants(key: str) -> tuple[Variant, ...]:
    """The token itself, then the token without its proclitics (وبالخميسات -> الخميسات).
    Cached: a news vocabulary repeats, and this runs on every token."""
    if key.isascii():
        return (Variant(key, 0),)
    out = [Variant(key, 0)]
    for lam in _AR_LAM_ARTICLE:
        if key.startswith(lam) and len(key) > len(lam) + 1:
            out.append(Variant("ال" + key[len(lam) :], 0, None, True))  # للجديدة: ل + الجديدة
            out.append(Variant("ال" + key[len(lam) - 1 :], 0, None, True))  # للجنة: ل + اللجنة
            break
    for clitic in _AR_PROCLITICS:
        if key.startswith(clitic) and len(key) - len(clitic) >= 2:
            out.append(Variant(key[len(clitic) :], len(clitic), None, clitic in _AR_PREPOSITION_CLITICS))
    return tuple(out)


@dataclass(slots=True)
class Match:
    """A phrase found by `PhraseIndex.scan`: tokens first..last, chars start..end."""

    first: int
    last: int
    start: int
    end: int
    key: str
    payloads: list
    variant: Variant


class Stream(NamedTuple):
    """The folded stream of a text's tokens and where each token sits in it."""

    text: str  # token keys, a _BREAK after each token not joined to the next
    starts: list[int]  # stream offset of each token's key
    ends: dict[int, int]  # stream offset where a non-empty token's key ends -> that token
    firsts: list[int]  # stream starts of the non-empty tokens, in order (for bisect)
    owners: Sequence[int]  # the token index of each entry of `firsts`


def stream_of(tokens: Sequence[Token]) -> Stream:
    """The folded stream of `tokens` (a `tokenize` result carries it already)."""
    cached = getattr(tokens, "stream", None)
    if cached is not None:
        return cached
    return _stream([t.key for t in tokens], [t.joined for t in tokens])


def _stream(keys: list[str], joined: list[bool]) -> Stream:
    pieces = list(chain.from_iterable(zip(keys, map(_SEPARATOR.__getitem__, joined), strict=True)))
    bounds = [0, *accumulate(map(len, pieces))]
    starts = bounds[0::2][: len(keys)]
    key_ends = bounds[1::2]
    if all(keys):  # the usual case: no token made only of marks
        nonempty: Sequence[int] = range(len(keys))
        firsts = starts
    else:
        nonempty = [i for i, k in enumerate(keys) if k]
        firsts = [starts[i] for i in nonempty]
    ends = dict(zip(map(key_ends.__getitem__, nonempty), nonempty, strict=True))
    return Stream("".join(pieces), starts, ends, firsts, nonempty)


# How a phrase is spelled in the stream: as its key, or (a phrase in ال) with the first token's
# لل standing for ل + ال (للجديدة: ل + الجديدة) or for ل + ال + ل (للجنة: ل + اللجنة).
_AS_IS, _LAM_AL, _LAM_ALL = 0, 1, 2


@dataclass
class PhraseIndex:
    """Phrases by key, found by one Aho-Corasick pass over a document's folded stream.

    Cost per document is one automaton pass in C, then a few dict lookups per occurrence,
    whatever the number of phrases.
    """

    entries: dict[str, list] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    _automaton: ahocorasick.Automaton | None = field(default=None, repr=False)
    # per variants function: token key -> {offset: (reading index, reading)} for readings that are
    # tails of the token, and {reading key: (index, reading)} for the others
    _readings: dict[Callable, dict[str, tuple[dict, dict]]] = field(default_factory=dict, repr=False)

    def add(self, surface: str, payload: object) -> None:
        key = phrase_key(surface)
        if not key:
            return
        self.entries.setdefault(key, []).append(payload)
        self.prefixes.update(key[:n] for n in range(1, len(key) + 1))
        self._automaton = None

    def _built(self) -> ahocorasick.Automaton:
        """The automaton: every key, and for a key in ال its لل spellings (للجديدة, للجنة)."""
        if self._automaton is not None:
            return self._automaton
        patterns: dict[str, list[tuple[str, int]]] = {}  # pattern -> (phrase key, spelling)
        for key in self.entries:
            patterns.setdefault(key, []).append((key, _AS_IS))
            if key.startswith("ال") and len(key) > 2:
                patterns.setdefault("لل" + key[2:], []).append((key, _LAM_AL))  # ل + الجديدة
                if key[2] == "ل":
                    patterns.setdefault("لل" + key[3:], []).append((key, _LAM_ALL))  # ل + اللجنة
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for pattern, keys in patterns.items():
            automaton.add_word(pattern, (len(pattern), tuple(keys)))
        automaton.make_automaton()
        self._automaton = automaton
        return automaton

    def _readings_of(self, variants: Callable, key: str) -> tuple[dict, dict]:
        by_key = self._readings.setdefault(variants, {})
        found = by_key.get(key)
        if found is None:
            tails: dict[int, tuple[int, Variant]] = {}
            others: dict[str, tuple[int, Variant]] = {}
            for n, var in enumerate(variants(key)):
                if var.key == key[var.offset :] and var.offset not in tails:
                    tails[var.offset] = (n, var)
                else:
                    others.setdefault(var.key, (n, var))
            found = by_key[key] = (tails, others)
        return found

    def scan(
        self,
        tokens: Sequence[Token],
        variants: Callable[[str], Sequence[Variant]] = arabic_variants,
        accept: Callable[[Match], bool] | None = None,
    ) -> Iterator[Match]:
        """Longest phrase at each token, left to right, never overlapping.

        A phrase may start inside a token (after clitics) but always ends at a token's end,
        so `الجديدة` is never found inside `الجديدةالكبرى`. When `accept` turns a phrase down,
        the shorter ones at the same token are tried, then the next token: "à Dar Bouazza" reads
        as à + Dar Bouazza once the commune Adar ("à Dar") is refused.

        `variants` gives a token's readings (the token itself first); a reading is a tail of the
        token key, or one of `arabic_variants`' ل + ال readings.
        """
        if not tokens or not self.entries:
            return
        stream = stream_of(tokens)
        ends, firsts, owners, starts = stream.ends, stream.firsts, stream.owners, stream.starts
        # first token -> [(sort key, last, offset, phrase key, reading)]
        options: dict[int, list[tuple[tuple[int, int, int], int, str, Variant]]] = {}
        n_tokens = len(tokens)
        for end, (length, keys) in self._built().iter(stream.text):
            last = ends.get(end + 1)
            if last is None:
                continue  # not at a token's end
            at = end + 1 - length
            first = owners[bisect_right(firsts, at) - 1]
            token_key = tokens[first].key
            offset = at - starts[first]
            tails, others = self._readings_of(variants, token_key)
            for key, spelling in keys:
                if spelling == _AS_IS:
                    reading = tails.get(offset)
                else:  # the لل of the first token read as ل + ال (arabic_variants' rule)
                    reading = others.get(_lam_reading(token_key, offset, spelling))
                if reading is None:
                    continue
                n, var = reading
                j = last
                while True:
                    options.setdefault(first, []).append(((-j, var.offset, n), j, key, var))
                    if not tokens[j].joined or j + 1 >= n_tokens or tokens[j + 1].key:
                        break
                    j += 1  # an empty token (a lone mark) joined after it: the same key again
        if not options:
            return
        i = 0
        for first in sorted(options):
            if first < i:
                continue
            found = options[first]
            if len(found) > 1:
                found.sort(key=lambda o: o[0])
            taken = None
            for _, last, key, var in found:
                match = Match(
                    first,
                    last,
                    tokens[first].start + var.offset,
                    tokens[last].end,
                    key,
                    self.entries[key],
                    var,
                )
                if accept is None or accept(match):
                    taken = match
                    break
            if taken is None:
                continue
            yield taken
            i = taken.last + 1


def _lam_reading(token_key: str, offset: int, spelling: int) -> str:
    """The reading of `token_key` that a لل spelling found `offset` chars into it stands for, as
    `arabic_variants` reads it: ال + what follows the لل (`_LAM_AL`), or ال + ل + it (`_LAM_ALL`);
    '' when the token does not start with that لل (ولل, فلل or لل, the first that fits)."""
    lam = next((lam for lam in _AR_LAM_ARTICLE if token_key.startswith(lam)), None)
    if lam is None or len(lam) - 2 != offset or len(token_key) <= len(lam) + 1:
        return ""
    return "ال" + token_key[len(lam) :] if spelling == _LAM_AL else "ال" + token_key[len(lam) - 1 :]
