"""The person finder's tables and records: lexicons read once per language (given names, honorifics,
role titles, stop words, word classes), the word-frequency bounds a family name must respect, and the
name and role spans the other modules of the finder pass to each other."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from akhbar.lexicons import read_lexicon
from akhbar.text.keys import match_key
from akhbar.text.tokens import strip_clitics

# Zipf bounds for family-name tokens (measured: تاج 4.4, الصغير 5.05, التهامي 3.1,
# الإدريسي 3.1, خريج 3.9, عدد 6.0, بلا 5.4); names outside the word list score 0.
FIRST_FAMILY_MAX_ZIPF = 5.5
NEXT_FAMILY_MAX_ZIPF = 3.5
NISBA_FAMILY_MAX_ZIPF = 5.0  # a later family token shaped ال...ي (الفاسي, العلوي) may be this common
AMBIGUOUS_GIVEN_MAX_ZIPF = 4.5  # a given name that is also a word (كريم) needs a rarer family name
CLITIC_REST_MIN_ZIPF = 3.5  # بمقعد: ب + مقعد (4.3) is a word with a preposition, not a name
NISBA_ADVERB_STEM_MIN_ZIPF = 2.5  # اضطراريا: اضطراري (2.9) + the adverb's alef
RARE_WORD_MAX_ZIPF = 2.0  # فانو 1.9, كودار 1.3: rarer than this as a whole, a ف/ك word is a name (كمنسق 2.5)


def _word_class(kind: str, *languages: str) -> frozenset[str]:
    """Words of one class of `lexicons/people_words.tsv` (Arabic ones as match_key forms)."""
    return frozenset(
        match_key(r["word"]) if any("\u0600" <= ch <= "\u06ff" for ch in r["word"]) else r["word"]
        for r in read_lexicon("people_words.tsv")
        if r["kind"] == kind and (not languages or r["language"] in languages)
    )


_AR_PARTICLES = _word_class("particle", "ar")
_FR_PARTICLES = _word_class("particle", "fr")
_AR_ABD = match_key("عبد")
_FR_ARTICLES = _word_class("article", "fr")
LIST_JOINERS = _word_class("list_joiner")  # , ، و et: between the names of a list
_FR_GLUE_BACK = _word_class("glue_back", "fr")
_AR_GLUE_BACK = _word_class("glue_back", "ar")
_GLUE_FORWARD = _word_class("glue_forward")
# a time in commas between a name and its role (X a été élu, vendredi, président): its words, folded as the
# gap tokens are (match_key, lower case)
TIME_WORDS = frozenset(
    match_key(w).lower()
    for w in [
        *_word_class("time_word"),
        *(r["name"] for r in read_lexicon("weekdays.tsv")),
        *(r["name"] for r in read_lexicon("months.tsv")),
    ]
)
_ELECTION_CUES = _word_class("election_cue")
_FR_GIVEN_ARTICLES = _word_class("given_article", "fr")
_SHARIF_TITLES = frozenset(w.lower() for w in _word_class("sharif_title"))
# a place noun after which a name is a place, not a person (جماعة X): the one-word nouns of place_heads.tsv
_AR_PLACE_HEADS = frozenset(
    match_key(r["head"])
    for r in read_lexicon("place_heads.tsv")
    if r["language"] == "ar" and r["kind"] == "noun" and " " not in r["head"]
)


TITLE_KINDS = ("official", "press")  # people_absent.tsv kinds read against a person's titles


@lru_cache(maxsize=4)
def _absent_titles(language: str) -> tuple[tuple[str, str], ...]:
    """(folded title, kind) of the titles whose holder is not at an event for a party (والي الجهة:
    the State; مدير التحرير: the paper), from `lexicons/people_absent.tsv`."""
    lang = "ar" if language == "ar" else "fr"
    return tuple(
        (_fold(r["cue"], lang), r["kind"])
        for r in read_lexicon("people_absent.tsv")
        if r["language"] == lang and r["kind"] in TITLE_KINDS
    )


@lru_cache(maxsize=4)
def _not_present_cues(language: str) -> tuple[re.Pattern, re.Pattern]:
    """Two patterns over the key right before a name (or its title), from `lexicons/people_absent.tsv`:
    the first ends with a cue saying the person is not at the event (its kind in the group named after
    it), the second with a venue noun (the name names a building)."""
    lang = "ar" if language == "ar" else "fr"
    groups: dict[str, list[str]] = {}
    for row in read_lexicon("people_absent.tsv"):
        if row["language"] != lang:
            continue
        # <n>: a count in digits (contre 12 pour X)
        cue = r"\s+".join(r"\d+" if w == "<n>" else re.escape(_fold(w, lang)) for w in row["cue"].split())
        reach = int(row["reach"] or 0)
        groups.setdefault(row["kind"], []).append(cue + (rf"(?:\s+\S+){{0,{reach}}}" if reach else ""))
    clitics = "[وفبل]{0,2}" if lang == "ar" else ""
    tail = r"[\s,،:]*(?:لل|ل)?$" if lang == "ar" else r"[\s,:]*$"
    absent = "|".join(
        f"(?P<{kind}>{'|'.join(cues)})"
        for kind, cues in groups.items()
        if kind not in ("venue", *TITLE_KINDS)
    )
    venue = "|".join(groups.get("venue", [])) or "(?!)"
    return (
        re.compile(rf"(?:^|[^\w]){clitics}(?:{absent}){tail}", re.IGNORECASE),
        re.compile(rf"(?:^|[^\w]){clitics}(?:{venue}){tail}", re.IGNORECASE),
    )


# Clitics a role title may carry in Arabic (والكاتب, بالرئيس, فلرئيس): a conjunction, then a preposition.
_AR_TITLE_CONJUNCTIONS, _AR_TITLE_PREPOSITIONS = "وف", "بكل"
_MAX_FORWARD_GAP = 12  # tokens between a role and the name it introduces


# ---------------------------------------------------------------- lexicons


@dataclass(frozen=True, slots=True)
class RoleTitle:
    canonical: str
    number: str  # sg | dual | plural
    complement: str  # required | optional


@dataclass(frozen=True)
class _Lexicon:
    language: str
    given: dict[tuple[str, ...], bool]  # name key tokens -> ambiguous
    given_first: frozenset[str]  # first token of every given name: a quick refusal
    given_max_len: int
    honorifics: frozenset[str]
    surname_titles: frozenset[str]  # honorifics that are family names too (فاطمة السيد): honorifics.tsv
    stop: frozenset[str]
    stop_surface: frozenset[str]  # as written: على is a preposition though its key is the name علي
    roles: dict[str, RoleTitle]  # title key (words joined by one space) -> title
    role_pattern: re.Pattern
    role_heads: frozenset[str]  # first word of every title: never part of a name
    # the word (\w+ run, clitics included) a title match starts with; None: any word may
    role_starts: frozenset[str] | None


def _lang(language: str) -> str:
    return "ar" if language == "ar" else "fr"


def _fold(word: str, language: str) -> str:
    key = match_key(word.strip())
    return key if language == "ar" else key.lower()


@lru_cache(maxsize=4)
def _lexicon(language: str) -> _Lexicon:
    lang = _lang(language)
    given: dict[tuple[str, ...], bool] = {}
    for row in read_lexicon("given_names.tsv"):
        if row["language"] == lang:
            parts = tuple(_fold(p, lang) for p in row["name"].replace("-", " ").split())
            given[parts] = given.get(parts, False) or row["ambiguous"] == "1"
    honorifics = frozenset(
        _fold(r["title"], lang).rstrip(".") for r in read_lexicon("honorifics.tsv") if r["language"] == lang
    )
    surname_titles = frozenset(
        _fold(r["title"], lang)
        for r in read_lexicon("honorifics.tsv")
        if r["language"] == lang and r["surname"] == "1"
    )
    stop_rows = [r["word"] for r in read_lexicon("people_stopwords.tsv") if r["language"] == lang]
    stop = frozenset(_fold(w, lang) for w in stop_rows)
    stop_surface = frozenset(w.strip() for w in stop_rows)
    roles: dict[str, RoleTitle] = {}
    for row in read_lexicon("roles.tsv"):
        if row["language"] == lang:
            key = " ".join(_fold(w, lang) for w in row["title"].split())
            roles.setdefault(key, RoleTitle(row["canonical"], row["number"], row["complement"]))
    alternatives = []
    firsts = set()  # first word of each alternative
    for key in sorted(roles, key=len, reverse=True):
        words = [re.escape(w) for w in key.split(" ")]
        alternatives.append(r"\s+".join(words))
        firsts.add(key.split(" ")[0])
        if lang == "ar" and key.startswith("ال"):  # للكاتب = ل + الكاتب
            alternatives.append("ل" + r"\s+".join([re.escape(key.split(" ")[0][1:])] + words[1:]))
            firsts.add("ل" + key.split(" ")[0][1:])
    if lang == "ar":
        pattern = re.compile(
            rf"(?<!\w)(?P<clitic>[{_AR_TITLE_CONJUNCTIONS}]?[{_AR_TITLE_PREPOSITIONS}]?)(?P<title>"
            + "|".join(alternatives)
            + r")(?!\w)"
        )
    else:
        pattern = re.compile(r"(?<![\w-])(?P<clitic>)(?P<title>" + "|".join(alternatives) + r")(?![\w-])")
    heads = frozenset(k.split(" ")[0] for k in roles)
    # A match starts a word (the pattern's look-behind), so that word is clitics + the \w+ run
    # that begins the title (vice of vice-president): testing words against these skips the
    # long alternation everywhere else.
    clitics = (
        [c + p for c in ("", *_AR_TITLE_CONJUNCTIONS) for p in ("", *_AR_TITLE_PREPOSITIONS)]
        if lang == "ar"
        else [""]
    )  # every clitic the pattern's <clitic> group accepts
    runs = [re.match(r"\w*", w).group() for w in firsts]
    role_starts = None if "" in runs else frozenset(c + r for c in clitics for r in runs)
    given_first = frozenset(k[0] for k in given)
    given_max_len = max(len(k) for k in given)
    return _Lexicon(
        lang,
        given,
        given_first,
        given_max_len,
        honorifics,
        surname_titles,
        stop,
        stop_surface,
        roles,
        pattern,
        heads,
        role_starts,
    )


def _mask(length: int, spans: Sequence[tuple[int, int]]) -> bytearray:
    """One byte per character, 1 inside any of `spans`: a span test in constant time."""
    mask = bytearray(length + 1)
    for a, b in spans:
        a, b = max(0, a), min(length, b)
        if b > a:
            mask[a:b] = b"\x01" * (b - a)
    return mask


def _is_glue(word: str) -> bool:
    return word in _GLUE_FORWARD or any(rest in _GLUE_FORWARD for rest, _ in strip_clitics(word)[1:])


@dataclass(slots=True)
class NameSpan:
    start: int
    end: int
    first: int  # token indexes
    last: int
    wa: bool  # the name carries the conjunction و / follows et (a list goes on)
    honorific: str | None
    roles: list[RoleSpan] = field(default_factory=list)


def _is_role_word(lex: _Lexicon, key: str) -> bool:
    return any(rest in lex.role_heads for rest, _ in strip_clitics(key))


@dataclass(slots=True)
class RoleSpan:
    """A role title in the text: `start`..`title_end` is the title, `end` includes its complement."""

    start: int  # after any clitic
    title_end: int
    end: int
    title: RoleTitle
    text: str  # canonical title + complement as written
    wa: bool  # the title carries the conjunction و (a list goes on)
    organization: str | None = None
    party: str | None = None
    targets: list[int] = field(default_factory=list)  # indexes of the names it is given to
