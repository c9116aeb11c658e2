"""Language identification with langid, as probabilities in 0..1.

langid returns log-probabilities unless the identifier is built with `norm_probs=True`,
and it is unreliable on very short text: under `MIN_CHARS` letters we fall back to the
script (Arabic letters versus Latin), which is what a reader would do.

langid ships its model as a base64, bz2-compressed pickle of Python arrays: unpacking it costs
~1.2 s of CPU at every start. The unpacked model (numpy arrays and bytes) is kept in a cache
file (`$AKHBAR_CACHE`, else `$XDG_CACHE_HOME/akhbar`, else `~/.cache/akhbar`) keyed by a digest
of the model string, and loads in ~10 ms; the classifier is the same object with the same
numbers. A cache that cannot be read or written only means the slow path.
"""

from __future__ import annotations

import array
import hashlib
import os
import pickle
import re
import tempfile
import unicodedata
from functools import lru_cache

from akhbar.lexicons.cache import cache_dir

MIN_CHARS = 50
SAMPLE_CHARS = 4000  # langid's cost grows with length; a few paragraphs decide the language
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _unpacked_model(model: str) -> tuple:
    """langid's model unpacked as `LanguageIdentifier.from_modelstring` does, from the cache if there."""
    import numpy as np

    digest = hashlib.blake2b(model.encode() if isinstance(model, str) else model, digest_size=12).hexdigest()
    path = cache_dir() / f"langid-{digest}.pickle"
    try:
        ptc, pc, numfeats, classes, typecode, moves, outputs = pickle.loads(path.read_bytes())
        nextmove = array.array(typecode)
        nextmove.frombytes(moves)
        return ptc, pc, numfeats, classes, nextmove, outputs
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, TypeError):
        pass
    import base64
    import bz2

    nb_ptc, nb_pc, classes, nextmove, outputs = pickle.loads(bz2.decompress(base64.b64decode(model)))
    numfeats = int(len(nb_ptc) / len(nb_pc))
    pc = np.array(nb_pc)
    ptc = np.array(nb_ptc).reshape(numfeats, len(nb_pc))
    blob = pickle.dumps((ptc, pc, numfeats, classes, nextmove.typecode, nextmove.tobytes(), outputs), 5)
    try:  # written whole then renamed: a reader never sees half a file
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".langid-", delete=False) as f:
            f.write(blob)
        os.replace(f.name, path)
    except OSError:
        pass
    return ptc, pc, numfeats, classes, nextmove, outputs


@lru_cache(maxsize=1)
def _identifier():
    from langid.langid import LanguageIdentifier, model

    ptc, pc, numfeats, classes, nextmove, outputs = _unpacked_model(model)
    return LanguageIdentifier(ptc, pc, numfeats, classes, nextmove, outputs, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """Return (ISO 639-1 code, confidence 0..1) for `text`. Read as NFKC: a page written in Arabic
    presentation forms (ﻣﺆﺗﻤﺮ for مؤتمر, as some sites serve it) is Arabic, not the script langid saw
    least of (the cleaning stage folds them the same way, and records it)."""
    sample = text[:SAMPLE_CHARS]
    if not unicodedata.is_normalized("NFKC", sample):
        sample = unicodedata.normalize("NFKC", sample)
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
