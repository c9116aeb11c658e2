"""The one matching key every extractor compares text with.

`text_clean` keeps correct Arabic for people to read; lookups (gazetteer, party aliases,
lexicons) compare `match_key` forms instead, so spelling variants of hamza, alef maqsura,
ta marbuta, diacritics and tatweel all meet. The key keeps the length of its input
(one character in, one character out) so offsets found on the key hold on the text.
"""

from __future__ import annotations

import re
import unicodedata

_DIACRITICS = (
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670"
)
_ARABIC_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "\u0640": " ",  # tatweel
    **{d: " " for d in _DIACRITICS},
    "’": "'",
    "‘": "'",
    "`": "'",
    "–": "-",
    "—": "-",
}
_SPACES = re.compile(r"\s+")


def _fold_char(ch: str) -> str:
    """One character's key: Arabic folding, else lower case without accents; always one character."""
    if ch in _ARABIC_FOLD:
        return _ARABIC_FOLD[ch]
    lower = ch.lower()
    if len(lower) != 1:  # İ lowers to two characters: keep it, so offsets hold
        return ch
    base = unicodedata.normalize("NFD", lower)[0] if ord(lower) >= 128 else lower
    return base if len(base) == 1 else lower


class _FoldTable(dict):
    """A `str.translate` table filled on first sight of each character: one C-level pass per text."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def match_key(text: str) -> str:
    """Fold `text` for comparison, keeping its length: offsets on the key are offsets on `text`.

    Arabic: alef variants -> ا, ى -> ي, ة -> ه, ؤ -> و, ئ -> ي, diacritics and tatweel -> space.
    Latin: lower case, accents removed (é -> e). Use `compact_key` when length need not be kept.
    """
    return text.translate(_TABLE)


def compact_key(text: str) -> str:
    """`match_key` with runs of spaces, hyphens and apostrophes folded to one space, trimmed.

    For dictionary keys (gazetteer names, aliases), where `Ida-Outanane`, `Ida Ou Tanane`
    and `آيت  واحي` should meet.
    """
    key = match_key(unicodedata.normalize("NFKC", text))
    key = re.sub(r"[-'_.]", " ", key)
    return _SPACES.sub(" ", key).strip()
