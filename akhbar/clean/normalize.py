"""Cleaning rules: raw article text -> `text_clean`, correct text for people to read.

This is not the matching key (that is `akhbar.text.keys.match_key`): hamzas, ta marbuta and alef
maqsura stay as written, except where a rule knows the spelling is wrong (a hamza on a hamzat
al-wasl). Every change goes through `TrackedText` (`sub`, or `replace_spans` for the cached word
rules), so each one lands in `text.edits` with its offset in the raw text. Rule names are short snake_case; only the glued-word rule contains "split".

Order matters: invisible characters and odd spaces go first (so later patterns see plain text),
then the Arabic word rules, then whole-line boilerplate, then spacing and paragraphs last.
Domain lists (boilerplate lines, hamzat al-wasl exceptions) live in `akhbar/lexicons/`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from akhbar.clean.glue import TOKEN, split_token
from akhbar.clean.wordsplit import arabic_zipf
from akhbar.lexicons import read_rows
from akhbar.lexicons.gazetteer import arabic_place_names
from akhbar.text.keys import compact_key
from akhbar.text.spans import Edit
from akhbar.text.textedit import TrackedText

INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")
ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\u0085\u000b\u000c]")
# a letter followed by combining marks NFKC composes: e + U+0301 -> é, ا + U+0655 -> إ
DECOMPOSED = re.compile("[^\\W\\d_][\u0300-\u036f\u0653-\u0655]+")
EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]+")
_DIGITS = str.maketrans(
    {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
)

_LETTER = "\u0621-\u063a\u0641-\u064a"
TATWEEL_BEFORE_DIGIT = re.compile(f"(?<=[{_LETTER}])\u0640+(?=[0-9])")
TATWEEL = re.compile("\u0640+")
# Short vowels, tanween, shadda, sukun, dagger alef: news text writes them rarely and unevenly (رئيسًا
# next to رئيسا), and every finder compares words without them; removed so text_clean has one spelling.
DIACRITICS = re.compile("[\u064b-\u0652\u0670]+")
# a detached و before an Arabic word (not before digits or Latin): التقدم و الاشتراكية
# (the lookbehind after the و, not before it: a pattern that starts with a literal is searched for that
# literal first, ~12x faster than trying the lookbehind at every position; same matches)
DETACHED_WAW = re.compile(f"و(?<![\\w\u0640]و)[ \t]+(?=[{_LETTER}]{{2}})")  # not in a list of letters: أ و ب

# Hamzat al-wasl. A word = optional proclitics, إ, then a stem whose shape is a masdar or a perfect
# verb of measures VII/VIII/X. C is a root letter (never a long alef or ta marbuta).
_C = "[ءؤئبتثجحخدذرزسشصضطظعغفقكلمنهوي]"
_PRONOUN = "(?:ه|ها|هم|هما|هن|ك|كم|كما|ي|نا)?"
_C1 = "[ءؤئبتثجحخدذرزسشصضطظعغفقكلمنه]"  # VIII: a first و/ي assimilates to ت (اتفاق), never ي + ت
_C_FINAL = "[بتثجحخدذرزسشصضطظعغفقكلمنهوي]"  # no hamza: إعطاء، إبطاء are measure IV masdars
_MASDAR_SHAPES = {
    "viii": f"{_C1}[تطد]{_C}ا{_C}",  # اجتماع، اختيار، اضطراب (suffixes free: الاشتراكية)
    "vii": f"ن{_C}{_C}ا{_C}",  # انعقاد، انطلاق
    "x": f"ست{_C}{_C}ا{_C}",  # استقلال، استثمار
    "x_hollow": f"ست{_C}ا{_C}ة",  # استفادة، استقالة
    "viii_weak": f"ت{_C}ا{_C}",  # VIII of a first-weak root: اتفاق، اتحاد، اتصال
}
# perfect verbs VIII, VII, X: اجتمع، انعقد، استقبل، استفاد. Not VIII of a hollow root (اختار): its
# shape is the measure IV masdar of a root with ت/د/ط second (إنتاج، إصدار، إعداد).
_VERB_SHAPE = (
    f"(?:{_C1}[تطد]{_C}{_C}|ن{_C}{_C}{_C}|ست{_C}{_C}{_C}|ست{_C}ا{_C_FINAL})"
    "(?:ت|تا|تم|وا|ا|نا)?(?:ه|ها|هم|هما|ك|كم|ني|نا)?$"
)
# after إ: every shape; after أ (an alef with hamza above where a wasl belongs: الأشتراكية) only the
# masdars with a plain ت, ن or ست, since أ + ت/د/ط + ... is also a plural (أصدقاء) and أ + verb an
# imperfect (أجتمع "I meet").
WASL_AFTER_HAMZA_BELOW = re.compile("|".join([*_MASDAR_SHAPES.values(), _VERB_SHAPE]))
WASL_AFTER_HAMZA_ABOVE = re.compile(
    f"{_C1}ت{_C}ا{_C_FINAL}|ن{_C}{_C}ا{_C_FINAL}|ست{_C}{_C}ا{_C_FINAL}|{_MASDAR_SHAPES['x_hollow']}"
)
HAMZA_WORD = re.compile(f"(?<![\\w])((?:[وف]?[بكل]?(?:ال)?|[وف]?لل))([إأ])([{_LETTER}]+)")


def _span(first: str, last: str) -> frozenset[str]:
    return frozenset(map(chr, range(ord(first), ord(last) + 1)))


# The characters the single-character rules look for. One scan (`_RARE`) tells which of them a text
# holds; a rule none of whose characters is there would match nothing and is skipped (most texts hold
# none: each skipped rule is a full regex scan less). `test_normalize` checks each set against its rule.
_LINE_BREAK_CHARS = frozenset("\r\u2028\u2029\u0085\u000b\u000c")
_INVISIBLE_CHARS = (
    frozenset("\u00ad\u061c\u180e\ufeff")
    | _span("\u200b", "\u200f")
    | _span("\u202a", "\u202e")
    | _span("\u2060", "\u2064")
    | _span("\u2066", "\u2069")
)
_EASTERN_DIGIT_CHARS = _span("\u0660", "\u0669") | _span("\u06f0", "\u06f9")
_TATWEEL_CHARS = frozenset("\u0640")
_DIACRITIC_CHARS = _span("\u064b", "\u0652") | frozenset("\u0670")
_RARE = re.compile(
    "["
    + "".join(
        re.escape(c)
        for c in sorted(
            _LINE_BREAK_CHARS | _INVISIBLE_CHARS | _EASTERN_DIGIT_CHARS | _TATWEEL_CHARS | _DIACRITIC_CHARS
        )
    )
    + "]"
)


def _rare_chars(text: str) -> frozenset[str]:
    """Which of the single-character rules' characters `text` holds."""
    return frozenset(_RARE.findall(text))


COUNTER_LINE = re.compile(r"(?m)^[ \t]*[0-9][0-9 \t]*(?:\n|$)")
ANY_LINE = re.compile(r"(?m)^[^\n]*(?:\n|$)")
_BULLET = re.compile(r"^[•·▪◦‣*]+\s*")
_END_PUNCT = re.compile(r"[\s:.!?؟،,;؛…\-–—|»«\"'()]+$")

MULTI_SPACE = re.compile(r"[ \t]{2,}")
LINE_START_SPACE = re.compile(r"(?m)^[ \t]+")
LINE_END_SPACE = re.compile(r"[ \t]+(?=\n|\Z)")
SPACE_BEFORE_PUNCT = {
    "ar": re.compile(r"(?<=\S)[ \t]+(?=[،؛؟.,!:](?:\s|$))"),
    "fr": re.compile(r"(?<=\w)[ \t]+(?=[.,](?:\s|$))"),
}
BLANK_LINES = re.compile(r"\n{3,}")
_PUNCT_AFTER_SPACE = {"ar": "،؛؟.,!:", "fr": ".,"}  # what SPACE_BEFORE_PUNCT removes a space before


def normalize_text(raw: str, language: str) -> tuple[str, list[Edit]]:
    """Convenience: TrackedText(raw) + normalize_tracked; returns (text_clean, edits)."""
    text = TrackedText(raw)
    normalize_tracked(text, language)
    return text.text, text.edits


def normalize_tracked(text: TrackedText, language: str) -> None:
    """Apply every cleaning rule for `language` ('ar', 'fr', other -> language-neutral rules only) in place;
    the edits land in text.edits with raw offsets."""
    present = _rare_chars(text.text)
    if present & _LINE_BREAK_CHARS:
        text.sub("newline", LINE_BREAKS, "\n")
    if present & _INVISIBLE_CHARS:
        text.sub("invisible_char", INVISIBLE, "")
    text.sub("nbsp", ODD_SPACES, " ")
    if not unicodedata.is_normalized("NFKC", text.text):  # most texts are: skip two slow scans
        text.sub("unicode_nfkc", _nfkc_pattern(), _nfkc)
        text.sub("unicode_nfkc", DECOMPOSED, _nfkc)
        present = _rare_chars(text.text)  # NFKC may write diacritics or digits
    if present & _EASTERN_DIGIT_CHARS:
        text.sub("arabic_digits", EASTERN_DIGITS, lambda m: m.group(0).translate(_DIGITS))
    if language == "ar":
        if present & _TATWEEL_CHARS:
            text.sub("tatweel_before_digit", TATWEEL_BEFORE_DIGIT, " ")  # لـ7 أكتوبر -> ل 7 أكتوبر
            text.sub("remove_tatweel", TATWEEL, "")
        if present & _DIACRITIC_CHARS:
            text.sub("remove_diacritics", DIACRITICS, "")
    if language in ("ar", "fr"):  # glued words (akhbar.clean.glue): every token, judged once per language
        _sub_words(text, "split_merged_word", TOKEN, split_token, language)
    if language == "ar":
        _sub_words(text, "hamza_wasl", HAMZA_WORD, _hamza_wasl_word)
        text.sub("join_waw", DETACHED_WAW, "و")
    text.sub("boilerplate", ANY_LINE, lambda m: "" if _is_boilerplate(m.group(0), language) else m.group(0))
    text.sub("boilerplate", COUNTER_LINE, "")
    # The space rules only where their text can match (substring tests cost microseconds, a scan ~0.05 ms).
    body = text.text
    tab = "\t" in body
    if tab or body.startswith(" ") or "\n " in body:
        text.sub("spaces", LINE_START_SPACE, "")
    body = text.text
    if tab or body.endswith(" ") or " \n" in body:
        text.sub("spaces", LINE_END_SPACE, "")
    if tab or "  " in text.text:
        text.sub("spaces", MULTI_SPACE, " ")  # after the line edges are trimmed, a run is inside a line
    if language in SPACE_BEFORE_PUNCT and (
        tab or any(" " + p in text.text for p in _PUNCT_AFTER_SPACE[language])
    ):
        text.sub("space_before_punct", SPACE_BEFORE_PUNCT[language], "")
    if "\n\n\n" in text.text:
        text.sub("blank_lines", BLANK_LINES, "\n\n")
    _trim(text)


@lru_cache(maxsize=1)
def _nfkc_pattern() -> re.Pattern[str]:
    """Runs of characters NFKC would change (presentation forms, ligatures, full-width letters).

    Spaces are left to the `nbsp` rule, digits and the Arabic letters themselves never change.
    """
    changing = []
    planes = (range(0xA0, 0xD800), range(0xE000, 0x10000), range(0x1D400, 0x1D800), range(0x1F100, 0x1F250))
    for cp in (cp for plane in planes for cp in plane):
        ch = chr(cp)
        if unicodedata.normalize("NFKC", ch) != ch and not ch.isspace():
            changing.append(cp)
    ranges, start, prev = [], changing[0], changing[0]
    for cp in changing[1:]:
        if cp != prev + 1:
            ranges.append((start, prev))
            start = cp
        prev = cp
    ranges.append((start, prev))
    cls = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )
    return re.compile(f"[{cls}]+")


def _trim(text: TrackedText) -> None:
    """Leading and trailing white space of the whole document (str.strip, not a regex scan)."""
    body = text.text
    start, end = len(body) - len(body.lstrip()), len(body.rstrip())
    spans = [(0, start, "")] if start else []
    if end < len(body) and end >= start:
        spans.append((max(end, start), len(body), ""))
    text.replace_spans("trim", spans)


def _nfkc(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group(0))


def _sub_words(
    text: TrackedText, rule: str, pattern: re.Pattern[str], fix: Callable[..., str], *args: str
) -> None:
    """`text.sub` for word rules: `fix(word, *args)` is a cached function of the word alone, so the
    loop stays a dictionary lookup per word and only real changes become spans."""
    changes = []
    for m in pattern.finditer(text.text):
        word = m[0]
        fixed = fix(word, *args)
        if fixed != word:
            changes.append((m.start(), m.end(), fixed))
    text.replace_spans(rule, changes)


@lru_cache(maxsize=1)
def _hamza_lexicon() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(stems always wasl, stems kept with their hamza), both without the leading hamza, as tuples
    for one C-level `str.startswith` call."""
    wasl = {form[1:] for form, kind, *_ in read_rows("normalize_hamza_wasl.tsv") if kind == "wasl"}
    keep = {form[1:] for form, kind, *_ in read_rows("normalize_hamza_wasl.tsv") if kind == "keep"}
    for name in arabic_place_names():
        for word in re.split(r"[\s\-]+", name):
            bare = word[2:] if word.startswith("ال") else word
            if bare.startswith(("إ", "أ")):
                keep.add(bare[1:])
    return tuple(sorted(wasl)), tuple(sorted(keep))


_WASL_WORD_SUFFIX = re.compile(f"{_PRONOUN}$")


@lru_cache(maxsize=100_000)
def _hamza_wasl_word(word: str) -> str:
    """إ -> ا on a word whose shape (or the lexicon) says its hamza is a hamzat al-wasl."""
    m = HAMZA_WORD.fullmatch(word)
    if m is None:
        return word
    proclitics, hamza, stem = m.groups()
    word, fixed = m.group(0), proclitics + "ا" + stem
    wasl, keep = _hamza_lexicon()
    in_lexicon = hamza == "إ" and stem.startswith(wasl)
    if in_lexicon and any(stem.startswith(w) and _WASL_WORD_SUFFIX.fullmatch(stem[len(w) :]) for w in wasl):
        return fixed
    shapes = WASL_AFTER_HAMZA_ABOVE if hamza == "أ" else WASL_AFTER_HAMZA_BELOW
    if not shapes.match(stem) or stem.startswith(keep):
        return word
    # a loanword or name that only looks like a masdar (أنطوان، إنريكي) is far more common with its hamza
    zipf = arabic_zipf()
    if zipf.get(fixed, 0.0) < zipf.get(word, 0.0) - 1.0:
        return word
    return fixed


def _line_key(line: str) -> str:
    """A line's loose key: without the list bullet a widget is drawn with (• تم النسخ) nor end punctuation."""
    return compact_key(_END_PUNCT.sub("", _BULLET.sub("", line.strip())))


@lru_cache(maxsize=1)
def _boilerplate() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """language -> (whole-line keys, prefix keys)."""
    lines: dict[str, set[str]] = {}
    prefixes: dict[str, set[str]] = {}
    for language, kind, phrase, *_ in read_rows("boilerplate.tsv"):
        target = lines if kind == "line" else prefixes
        target.setdefault(language, set()).add(_line_key(phrase))
    return {
        lang: (frozenset(lines.get(lang, ())), frozenset(prefixes.get(lang, ())))
        for lang in set(lines) | set(prefixes)
    }


def _is_boilerplate(line: str, language: str) -> bool:
    """True when the whole line is site furniture (a share button, a "read also" link, a widget title)."""
    stripped = line.strip()
    if not stripped or len(stripped) > 200:
        return False
    key = _line_key(stripped)
    head, colon, _rest = stripped.partition(":")
    head_key = _line_key(head) if colon else None
    table = _boilerplate()
    for lang in (language, "any"):
        whole, prefixes = table.get(lang, (frozenset(), frozenset()))
        if key in whole or (head_key and head_key in prefixes):
            return True
    return False
