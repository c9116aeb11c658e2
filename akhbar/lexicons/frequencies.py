"""wordfreq's Arabic and French word lists, loaded from a cache file instead of rebuilt at every start.

wordfreq keeps each list as a gzipped msgpack of frequency buckets; `get_frequency_dict` turns it
into a dict at the first lookup of a process (~0.6 s of CPU for Arabic's 620,701 words, ~0.15 s
for French), and the glue splitter builds its own table of Arabic-script words from the same list
(`arabic_zipf`, ~0.35 s). Here both come from one cache file a language (`akhbar.lexicons.cache`:
the words joined in one string, their bucket numbers as an array, which words are Arabic script),
keyed by wordfreq's version, a hash of the list's file and this module's format: a process splits
the string and builds the dicts in C loops. The dicts are equal to wordfreq's (same words, same
floats: `cB_to_freq` of the same bucket, the last bucket winning as in wordfreq).

`install()` makes wordfreq's own `zipf_frequency` and `word_frequency` read these dicts for `ar`
and `fr` (its `get_frequency_dict` is looked up by name at each call), so code that calls wordfreq
directly (the place and person finders) gets the same numbers without the slow build.
"""

from __future__ import annotations

import array
import itertools
import re
from dataclasses import dataclass
from functools import cache, lru_cache

import wordfreq

from akhbar.lexicons import cache as disk

FORMAT = 1  # bump when the cached layout or what it is derived from changes
LANGUAGES = ("ar", "fr")
SEPARATOR = "\n"
# An Arabic-script word for the glue splitter's table (`arabic_zipf`): letters only, no digit or mark.
ARABIC_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a]+")
_wordfreq_dict = wordfreq.get_frequency_dict  # wordfreq's own, whatever `install` does later


@lru_cache(maxsize=200_000)
def zipf(word: str, language: str) -> float:
    """wordfreq's zipf frequency of a word as written (it knows surface spellings, not match keys:
    the key of نتائج, نتايج, is rare); cached, the finders ask for the same words again and again."""
    return wordfreq.zipf_frequency(word, language)


@dataclass(frozen=True, slots=True)
class WordList:
    """One language's list as cached: every word in bucket order, joined by SEPARATOR; each word's
    bucket (frequency 10^(-bucket/100)) as an array of unsigned ints; a byte per word, 1 when it is
    an Arabic-script word (`ARABIC_WORD`); the number of buckets."""

    words: str
    buckets: bytes
    typecode: str
    arabic: bytes
    size: int

    def valid(self) -> bool:
        n = len(self.arabic)
        return (
            array.array(self.typecode).itemsize * n == len(self.buckets)
            and self.words.count(SEPARATOR) + 1 == n
        )


def _source(lang: str) -> str | None:
    """The file wordfreq reads for `lang` (its `best` list), or None when there is no exact match."""
    return wordfreq.available_languages("best").get(lang)


def _key(lang: str, path: str) -> str:
    version = getattr(wordfreq, "__version__", None) or _package_version()
    return disk.key_of(
        (FORMAT, lang, version, path.rsplit("/", 1)[-1], disk.file_digest(path), ARABIC_WORD.pattern)
    )


def _package_version() -> str:
    from importlib.metadata import version

    return version("wordfreq")


def _build(path: str) -> WordList | None:
    """The list from wordfreq's file (the slow path), or None when a word holds the separator."""
    pack = wordfreq.read_cBpack(path)
    words = [word for bucket in pack for word in bucket]
    if any(SEPARATOR in word for word in words):
        return None
    typecode = "H" if len(pack) <= 0xFFFF else "I"
    buckets = array.array(typecode, (i for i, bucket in enumerate(pack) for _ in bucket))
    arabic = bytes(1 if ARABIC_WORD.fullmatch(word) else 0 for word in words)
    return WordList(SEPARATOR.join(words), buckets.tobytes(), typecode, arabic, len(pack))


def load_word_list(lang: str, path: str) -> WordList | None:
    """The list of wordfreq's file `path` for `lang`: from the cache file when there is a valid one
    for this file, wordfreq version and format; else built from the file and cached."""
    key = _key(lang, path)
    found = disk.load(f"wordfreq-{lang}", key, lambda v: isinstance(v, WordList) and v.valid())
    if found is not None:
        return found  # type: ignore[return-value]
    built = _build(path)
    if built is not None:
        disk.store(f"wordfreq-{lang}", key, built)
    return built


@lru_cache(maxsize=4)
def _word_list(lang: str) -> WordList | None:
    """`lang`'s list (see `load_word_list`); None when wordfreq has no list of exactly that language."""
    path = _source(lang)
    return None if path is None else load_word_list(lang, path)


@lru_cache(maxsize=4)
def _columns(lang: str) -> tuple[list[str], array.array] | None:
    """(words, their buckets) of `lang`'s list, the words as one list of strings shared by every table."""
    found = _word_list(lang)
    if found is None:
        return None
    buckets = array.array(found.typecode)
    buckets.frombytes(found.buckets)
    return found.words.split(SEPARATOR), buckets


@lru_cache(maxsize=4)
def frequency_dict(lang: str) -> dict[str, float]:
    """Equal to `wordfreq.get_frequency_dict(lang)`: word -> frequency."""
    columns = _columns(lang)
    if columns is None:
        return _wordfreq_dict(lang)
    words, buckets = columns
    freqs = [wordfreq.cB_to_freq(-i) for i in range(_word_list(lang).size)]  # type: ignore[union-attr]
    return dict(zip(words, map(freqs.__getitem__, buckets), strict=True))


def zipf_of_bucket(i: int) -> float:
    """A bucket's Zipf frequency as the glue splitter rounds it."""
    return round(9 - i / 100, 2)


@lru_cache(maxsize=1)
def arabic_zipf() -> dict[str, float]:
    """Zipf frequency of every Arabic-script word of wordfreq's Arabic list (`ARABIC_WORD`), the word
    strings shared with `frequency_dict("ar")`."""
    columns = _columns("ar")
    if columns is None:  # no cacheable list: straight from wordfreq
        out: dict[str, float] = {}
        for i, bucket in enumerate(wordfreq.get_frequency_list("ar")):
            for word in bucket:
                if ARABIC_WORD.fullmatch(word):
                    out[word] = zipf_of_bucket(i)
        return out
    words, buckets = columns
    zipfs = [zipf_of_bucket(i) for i in range(_word_list("ar").size)]  # type: ignore[union-attr]
    flags = _word_list("ar").arabic  # type: ignore[union-attr]
    return dict(
        zip(
            itertools.compress(words, flags),
            map(zipfs.__getitem__, itertools.compress(buckets, flags)),
            strict=True,
        )
    )


def install() -> None:
    """Make wordfreq read `frequency_dict` for `ar` and `fr` (its default `best` lists): wordfreq's
    `word_frequency` and `zipf_frequency` look `get_frequency_dict` up in their module at each call.
    Same numbers, without wordfreq's own build of the dicts. Idempotent."""
    if getattr(wordfreq.get_frequency_dict, "akhbar_cached", False):
        return
    original = _wordfreq_dict

    @cache
    def get_frequency_dict(lang: str, wordlist: str = "best", match_cutoff: None = None) -> dict[str, float]:
        if lang in LANGUAGES and wordlist == "best" and match_cutoff is None and _source(lang) is not None:
            return frequency_dict(lang)
        return original(lang, wordlist, match_cutoff)

    get_frequency_dict.akhbar_cached = True  # type: ignore[attr-defined]
    get_frequency_dict.__doc__ = original.__doc__
    wordfreq.get_frequency_dict = get_frequency_dict
