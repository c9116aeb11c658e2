"""Language identification with langid, as probabilities in 0..1.

langid returns log-probabilities unless the identifier is built with `norm_probs=True`,
and it is unreliable on very short text: under `MIN_CHARS` letters we fall back to the
script (Arabic letters versus Latin), which is what a reader would do.
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_CHARS = 50
SAMPLE_CHARS = 4000  # langid's cost grows with length; a few paragraphs decide the language
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@lru_cache(maxsize=1)
def _identifier():
    from langid.langid import LanguageIdentifier, model

    return LanguageIdentifier.from_modelstring(model, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """Return (ISO 639-1 code, confidence 0..1) for `text`."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_ARABIC.findall(sample)) + len(_LATIN.findall(sample))
    if letters == 0:
        return "und", 0.0
    if letters < MIN_CHARS:
        arabic = len(_ARABIC.findall(sample))
        if arabic * 2 > letters:  # the script decides; the score says how little text there was
            return "ar", round(0.5 * arabic / letters, 4)
        lang, prob = _identifier().classify(sample)
        return lang, round(0.5 * float(prob), 4)
    lang, prob = _identifier().classify(sample)
    return lang, round(float(prob), 4)
