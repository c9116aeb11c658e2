"""Letter tokens and the phrase index every lexicon finder (places, parties, organizations) scans with.

A document is tokenized once (`tokenize` is cached per text); a `PhraseIndex` finds the longest known
phrase at each token, reading Arabic clitics off the front of a token (`وبالخميسات` -> `الخميسات`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from typing import NamedTuple

from akhbar.text.keys import match_key

# Letters and Arabic marks (diacritics, tatweel) make a token; anything else separates tokens.
_TOKEN = re.compile(r"(?:[^\W\d_]|[\u064B-\u065F\u0670\u0640])+")
# What may sit between two tokens of one name: spaces, hyphens, apostrophes, tatweel.
_JOINER_CHARS = " \t\u00a0\u202f-'’‘ـ"  # not a line break: a name does not run on to the next line
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


@lru_cache(maxsize=16)
def tokenize(text: str) -> tuple[Token, ...]:
    """Letter tokens of `text` with their keys, offsets into `text` (cached: the place, party and
    organization finders all read the same document)."""
    matches = list(_TOKEN.finditer(text))
    if not matches:
        return ()
    starts = [m.start() for m in matches]
    ends = [m.end() for m in matches]
    joined = [not text[end:start].strip(_JOINER_CHARS) for end, start in zip(ends, starts[1:], strict=False)]
    joined.append(False)
    keys = map(_token_key, map(re.Match.group, matches))
    return tuple(map(tuple.__new__, repeat(Token), zip(starts, ends, keys, joined, strict=True)))


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


@dataclass
class PhraseIndex:
    """Phrases by key, with every key prefix, for one left-to-right greedy scan over tokens.

    Cost per document is a few set lookups per token, whatever the number of phrases.
    """

    entries: dict[str, list] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    # per variants function: token key -> its readings that can start a phrase (most have none)
    _openers: dict[Callable, dict[str, tuple[Variant, ...]]] = field(default_factory=dict, repr=False)

    def add(self, surface: str, payload: object) -> None:
        key = phrase_key(surface)
        if not key:
            return
        self.entries.setdefault(key, []).append(payload)
        self.prefixes.update(key[:n] for n in range(1, len(key) + 1))
        self._openers.clear()

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
        """
        n = len(tokens)
        openers = self._openers.setdefault(variants, {})
        i = 0
        while i < n:
            token_key = tokens[i].key
            starts = openers.get(token_key)
            if starts is None:
                starts = openers[token_key] = tuple(v for v in variants(token_key) if v.key in self.prefixes)
            if not starts:
                i += 1
                continue
            options: list[tuple[int, int, str, Variant]] = []  # (last, -offset, key, variant)
            for var in starts:
                key, j = var.key, i
                while True:
                    if key in self.entries:
                        options.append((j, -var.offset, key, var))
                    if j + 1 >= n or not tokens[j].joined:
                        break
                    key += tokens[j + 1].key
                    if key not in self.prefixes:
                        break
                    j += 1
            taken = None
            if len(options) > 1:
                options.sort(key=lambda o: o[:2], reverse=True)
            for last, _, key, var in options:
                match = Match(
                    i, last, tokens[i].start + var.offset, tokens[last].end, key, self.entries[key], var
                )
                if accept is None or accept(match):
                    taken = match
                    break
            if taken is None:
                i += 1
                continue
            yield taken
            i = taken.last + 1
