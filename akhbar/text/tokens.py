"""The one tokenizer the word-level finders share (people, events, dates), and the document key.

`text_key` folds a whole document once (`match_key`, cached per text), `tokens_of` cuts it into words
and punctuation marks with offsets, `sentence_spans` into sentences; all three are cached per text so
that every finder reads the same stream instead of re-tokenizing it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from operator import attrgetter, is_not
from typing import NamedTuple

from akhbar.text.keys import match_key

# Proclitics an Arabic word may carry: a conjunction (و ف), then a preposition (ب ل ك).
AR_CLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
TOKEN = re.compile(r"(\w+)|[^\w\s]")  # a word, or one punctuation mark
# a stop after a lone letter is an initial (M. Baraka, م. المصطفى), not a sentence's end; after an
# acronym (du PAM.) it is one
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b[\u0621-\u064A])[.!?؟;]+(?=\s|$)|\n+")
_LAST_GROUP = attrgetter("lastindex")


class Tok(NamedTuple):
    """A token; a named tuple because a document has hundreds and each is built and read often."""

    start: int
    end: int
    text: str
    key: str
    is_word: bool  # a word (letters, digits, _), not a punctuation mark


def tokens_of(text: str, key: str | None = None) -> list[Tok]:
    """Words and punctuation marks with offsets; `key` is each token's `match_key`.

    Built column by column with C-level `map`s (a third faster than a Tok(...) call per token)."""
    key = match_key(text) if key is None else key
    matches = list(TOKEN.finditer(text))
    starts = list(map(re.Match.start, matches))
    ends = list(map(re.Match.end, matches))
    keys = map(key.__getitem__, map(slice, starts, ends))
    is_word = map(is_not, map(_LAST_GROUP, matches), repeat(None))  # group 1 (\w+) matched
    columns = zip(starts, ends, map(re.Match.group, matches), keys, is_word, strict=True)
    return list(map(tuple.__new__, repeat(Tok), columns))


@lru_cache(maxsize=4)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence: cut after . ! ? ؟ ; followed by a space, and at line breaks.

    `M.`, `م.` and other one-letter abbreviations do not end a sentence. Cached (a tuple, so no caller
    can change it): the person, event and participant steps all read the same article's sentences.
    """
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > start and text[start : m.start()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return tuple(spans)


@lru_cache(maxsize=200_000)
def strip_clitics(key: str) -> tuple[tuple[str, int], ...]:
    """The token key and its readings without Arabic proclitics: (rest, chars peeled).

    Cached: the same words come back in every document."""
    out = [(key, 0)]
    if key.isascii():
        return tuple(out)
    if key.startswith("لل") and len(key) > 3:
        out.append(("ال" + key[2:], 1))
    for clitic in AR_CLITICS:
        if key.startswith(clitic) and len(key) - len(clitic) >= 2:
            out.append((key[len(clitic) :], len(clitic)))
    return tuple(out)


@lru_cache(maxsize=4)
def text_key(text: str) -> str:
    """`match_key` of a whole document, computed once for the people and event finders."""
    return match_key(text)
