"""The one matching key every extractor compares text with.

`text_clean` keeps correct Arabic for people to read; lookups (gazetteer, party aliases,
lexicons) compare `match_key` forms instead, so spelling variants of hamza, alef maqsura,
ta marbuta, diacritics and tatweel all meet. The key keeps the length of its input
(one character in, one character out) so offsets found on the key hold on the text.
"""

from __future__ import annotations

import re
import unicodedata

_DIACRITICS = "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a" + "".join(
    chr(c) for c in range(0x064B, 0x0660)
) + "\u0670"
_FOLD = str.maketrans(
    {
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
)
_SPACES = re.compile(r"\s+")


def match_key(text: str) -> str:
    """Fold `text` for comparison, keeping its length: offsets on the key are offsets on `text`.

    Arabic: alef variants -> ا, ى -> ي, ة -> ه, ؤ -> و, ئ -> ي, diacritics and tatweel -> space.
    Latin: lower case, accents removed (é -> e). Use `compact_key` when length need not be kept.
    """
    folded = text.translate(_FOLD).lower()
    if folded.isascii():
        return folded
    out = []
    for ch in folded:
        if ord(ch) < 128:
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


def compact_key(text: str) -> str:
    """`match_key` with runs of spaces, hyphens and apostrophes folded to one space, trimmed.

    For dictionary keys (gazetteer names, aliases), where `Ida-Outanane`, `Ida Ou Tanane`
    and `آيت  واحي` should meet.
    """
    key = match_key(unicodedata.normalize("NFKC", text))
    key = re.sub(r"[-'_.]", " ", key)
    return _SPACES.sub(" ", key).strip()
