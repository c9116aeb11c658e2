"""Place names in Arabic and French text, linked to the HCP codes of `akhbar.lexicons.gazetteer`.

How a place is found (all tables are built once per language and cached):
- Text is cut into letter tokens; each token gets a key (`match_key` without spaces), so
  hamza/alef/ta marbuta variants and accents meet, and names are compared with their spaces
  and hyphens removed (`Ida-Outanane` = `Ida Ou Tanane`, `درعة تافيلالت` = `درعة-تافيلالت`).
- A `PhraseIndex` holds every official name and alias (`lexicons/place_aliases.tsv`) by key; the
  scan walks the tokens once, trying the longest name at each token, with Arabic clitics peeled
  off the first token (و ف ب ل ك, لل for ل+ال) and head words glued in front (إقليمصفرو).
- A head word before the name (`lexicons/place_heads.tsv`: جهة، إقليم، جماعة، la province de,
  secrétaire provincial d') says which level is meant when one name is several places.

Decisions (documented because they are choices, not facts):
- No head word and a name that is both a commune and its province (الخميسات, Fès, الدار البيضاء):
  the commune, because a bare city name in news is a city ("بالخميسات", "à Khouribga").
  An adjective head counts only before a preposition: الكاتب الإقليمي بالخميسات -> the province.
  جهة + a city (جهة طنجة) -> that city's region. A list shares its head word (أقاليم تازة وتاونات).
- One commune name in several provinces: the one whose province or region is named elsewhere in
  the same text, else the most populous; `extra['ambiguous']` is then True.
- Common words (wordfreq zipf of the name, or of the form written in the text, measured): at or above
  `COMMON_ZIPF` = 4.0 for regions, provinces and towns (الجديدة 5.5, العيون 4.6, الشرق 5.3), or
  `COMMON_ZIPF_SMALL` = 3.3 for rural and small communes (صباح 5.4, المنزل 5.1, الدير 4.0, أمتار
  4.0; while تيفلت, صفرو, آزمور are below 3): the name is taken after a head word, or after a
  preposition (بالجديدة, في العيون, à Rabat) when it names a region, a province or a city of 50,000+.
  `lexicons/place_word_policy.tsv` overrides this per name (free: الرباط, مراكش; head: الشرق, Sahel).
  A clitic reading loses to the whole token when the token is the more frequent word (كميات is not
  ك + ميات). A ta marbuta written as ha (شهده) is not the place شهدة without a head word.
- People: rural and small communes are mostly named after families and saints (بنمنصور, سيدي
  علي); they are taken only after a head word, a preposition (ببنمنصور, في, à) or inside a list of
  places (الصخيرات تمارة، وسلا، وأسفي). Regions, provinces and towns of 20,000+ may stand alone,
  except right after a first name (lexicons/given_names.tsv): محمد بنسليمان is a person.
- French: a place without a head word must be written with a capital letter.
- Former regions (جهة دكالة عبدة...) have no current code: recognised so their parts do not link
  wrongly, but not returned. 2014 census spellings of communes (package crosswalk) are aliases.
- Arrondissements (سيدي البرنوصي, Agdal-Riyad) link to their commune; extra['arrondissement'] keeps
  their own code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from akhbar.lexicons import read_lexicon
from akhbar.lexicons.frequencies import zipf as _zipf
from akhbar.lexicons.gazetteer import GazetteerRecord, crosswalk_names, records, records_by_code
from akhbar.text.phrases import Match, PhraseIndex, Token, Variant, arabic_variants, phrase_key, tokenize
from akhbar.text.spans import Mention, Place

COMMON_ZIPF = 4.0  # wordfreq zipf at or above which a well-known place's name is also a common word
COMMON_ZIPF_SMALL = 3.3  # the same for rural and small communes (الدير, أمتار, إنجيل are 3.5-4.0)
BIG_CITY = 50_000  # population above which a frequent-word commune name may stand after a preposition
SMALL_TOWN = 20_000  # an urban commune this large may be named alone (no head word, no preposition)
LIST_GAP_TOKENS = 12  # tokens between two places of one list: a separator, or a bracketed aside and one
FORMER = "-"  # alias code of a place with no current HCP code

# ---------------------------------------------------------------- lexicons


@dataclass(frozen=True, slots=True)
class Head:
    surface: str
    level: str
    kind: str  # noun | adjective | opener (lexicons/place_heads.tsv)
    plural: bool = False  # names several places (أقاليم, communes): may open a list over ( : هي


@dataclass(frozen=True, slots=True)
class _Candidate:
    record: GazetteerRecord | None  # None for a former place (alias code -)
    surface: str  # the name or alias as written in the lexicon
    alias: bool


@dataclass(frozen=True)
class _Tables:
    language: str
    names: PhraseIndex
    heads: dict[str, Head]  # by key (one or two tokens, concatenated)
    glued_heads: re.Pattern | None  # Arabic: clitics + head + rest in one token
    name_zipf: dict[str, float]  # key -> highest wordfreq zipf of the names written so
    policy: dict[str, str]  # key -> free | head
    given_names: frozenset[str]  # keys of unambiguous first names (lexicons/given_names.tsv, if present)


_FR_SKIP = frozenset({"de", "d", "du", "des", "la", "le", "l", "les"})
_PREPOSITIONS = {
    "ar": frozenset(
        phrase_key(w) for w in ("في", "من", "إلى", "الى", "عن", "نحو", "بين", "داخل", "قرب", "حول")
    ),
    "fr": frozenset({"a", "de", "d", "en", "au", "aux", "vers", "pres", "depuis", "par", "sur", "pour"}),
}


def _souk_day_rests(lang: str) -> dict[str, GazetteerRecord]:
    """The communes named after their souk day (اثنين أكلو, Sebt Gzoula: lexicons/place_souk_days.tsv), by
    the rest of their name, when no other souk commune has the same rest."""
    days = {phrase_key(r["word"]) for r in read_lexicon("place_souk_days.tsv") if r["language"] == lang}
    found: dict[str, list[GazetteerRecord]] = {}
    for rec in records():
        name = (rec.name_ar if lang == "ar" else rec.name_fr) or ""
        first, _, rest = name.partition(" ")
        if rec.level == "commune" and rest and phrase_key(first) in days and len(rest) >= 3:
            found.setdefault(rest, []).append(rec)
    return {rest: recs[0] for rest, recs in found.items() if len(recs) == 1}


@lru_cache(maxsize=4)
def _tables(language: str) -> _Tables:
    lang = "ar" if language == "ar" else "fr"
    names = PhraseIndex()
    name_zipf: dict[str, float] = {}

    def note_frequency(surface: str) -> None:
        key = phrase_key(surface)
        name_zipf[key] = max(name_zipf.get(key, 0.0), _zipf(surface, lang))

    for rec in records():
        surface = rec.name_ar if lang == "ar" else rec.name_fr
        if not surface:
            continue
        names.add(surface, _Candidate(rec, surface, False))
        note_frequency(surface)
    for rec in records():
        spell = _vowel_spellings if lang == "ar" else _french_spellings
        for variant in spell((rec.name_ar if lang == "ar" else rec.name_fr) or ""):
            if phrase_key(variant) not in names.entries:
                names.add(variant, _Candidate(rec, variant, True))
                note_frequency(variant)
    for rest, rec in _souk_day_rests(lang).items():
        if phrase_key(rest) not in names.entries:  # اثنين أكلو -> أكلو, unless أكلو names another place
            names.add(rest, _Candidate(rec, rest, True))
            note_frequency(rest)
    by_code = records_by_code()
    for old in crosswalk_names():
        surface = old.name_ar if lang == "ar" else old.name_fr
        rec = by_code.get(old.code)
        if surface and rec is not None and phrase_key(surface) not in names.entries:
            names.add(surface, _Candidate(rec, surface, True))
            note_frequency(surface)
    for row in read_lexicon("place_aliases.tsv"):
        if row["language"] != lang:
            continue
        rec = None if row["code"] == FORMER else by_code[row["code"]]
        names.add(row["alias"], _Candidate(rec, row["alias"], True))
        if rec is not None:
            note_frequency(row["alias"])
    heads = {
        phrase_key(r["head"]): Head(r["head"], r["level"], r["kind"], r["number"] == "plural")
        for r in read_lexicon("place_heads.tsv")
        if r["language"] == lang
    }
    glued = None
    if lang == "ar":
        nouns = sorted(
            (k for k, h in heads.items() if h.kind == "noun" and len(k) >= 3), key=len, reverse=True
        )
        glued = re.compile(r"([وفبل]{0,2})(" + "|".join(map(re.escape, nouns)) + r")(.{2,})")
    policy = {
        phrase_key(r["name"]): r["policy"]
        for r in read_lexicon("place_word_policy.tsv")
        if r["language"] == lang
    }
    return _Tables(lang, names, heads, glued, name_zipf, policy, _given_names(lang))


_AR_LONG_VOWELS = frozenset("اويىآأإ")
VOWEL_SPELLING_MIN_LETTERS = 4  # سلا/سيلا, منيع/منع: short words spelled otherwise are other words
VOWEL_SPELLING_MAX_ZIPF = 3.0  # الصويرة/الصورة, الفنيدق/الفندق: a spelling that is a common word is not one


def _vowel_spellings(name: str) -> list[str]:
    """Other spellings of a Berber place name, whose long vowels the writers put in or leave out:
    تيزنيت is also written تزنيت, سيدي إفني also سيدي إيفني, تنغير also تينغير. One word changed at a
    time: a medial ي left out, or a ي put after a first letter that a consonant follows. Arabic words
    (الصويرة, with its article) are spelled one way, and a spelling that is a common word is left out."""
    words = name.split()
    out = []
    for i, word in enumerate(words):
        if word.startswith("ال"):
            continue
        spellings = [word[:k] + word[k + 1 :] for k in range(1, len(word) - 1) if word[k] == "ي"]
        if len(word) >= VOWEL_SPELLING_MIN_LETTERS and word[1] not in _AR_LONG_VOWELS:  # إفني → إيفني
            spellings.append(word[0] + "ي" + word[1:])
        for spelling in spellings:
            if (
                len(spelling) >= VOWEL_SPELLING_MIN_LETTERS
                and _zipf(spelling, "ar") < VOWEL_SPELLING_MAX_ZIPF
            ):
                out.append(" ".join([*words[:i], spelling, *words[i + 1 :]]))
    return out + _word_spellings(words)


# one word of a name the press writes two ways (واد زم / وادي زم, بن مسيك / ابن مسيك)
_SAME_WORD = {"واد": "وادي", "وادي": "واد", "ابن": "بن", "بن": "ابن"}


def _word_spellings(words: list[str]) -> list[str]:
    """واد/وادي and ابن/بن for one another, and a first alef before a consonant left out (اغريس السفلي
    is also غريس السفلي, بني امحمد سجلماسة also بني محمد سجلماسة): in a name of several words only,
    where the other words keep it a name (محمد alone is a person)."""
    if len(words) < 2:
        return []
    out = []
    for i, word in enumerate(words):
        spellings = [_SAME_WORD[word]] if word in _SAME_WORD else []
        if (
            word[0] == "ا"
            and not word.startswith("ال")
            and len(word) >= VOWEL_SPELLING_MIN_LETTERS
            and word[1] not in _AR_LONG_VOWELS
        ):
            spellings.append(word[1:])
        out += [" ".join([*words[:i], spelling, *words[i + 1 :]]) for spelling in spellings]
    return out


# one word of a French name transliterated two ways (Oulad / Ouled, Bni / Beni); lower case, unaccented
_FR_SAME_WORD = {"oulad": "ouled", "ouled": "oulad", "bni": "beni", "beni": "bni"}
_FR_CONSONANT_END = re.compile(r"[b-df-hj-np-tv-z]$")
FR_FINAL_E_MIN_LETTERS = 4  # Jnan / Jnane: a mute e put at the end of a word this long, or left out


def _french_spellings(name: str) -> list[str]:
    """Other spellings of a French place name of several words, one word changed at a time: Oulad /
    Ouled, Bni / Beni, and a final mute e put in or left out (Jnan El Ouard is also written Jnane El
    Ouard). A name of one word is left alone: only the other words of a longer name keep a changed one
    a name."""
    words = name.split()
    if len(words) < 2:
        return []
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        spellings = [_FR_SAME_WORD[low].capitalize()] if low in _FR_SAME_WORD else []
        if len(word) >= FR_FINAL_E_MIN_LETTERS and _FR_CONSONANT_END.search(low):
            spellings.append(word + "e")
        elif len(word) > FR_FINAL_E_MIN_LETTERS and low.endswith("e") and _FR_CONSONANT_END.search(low[:-1]):
            spellings.append(word[:-1])
        out += [" ".join([*words[:i], spelling, *words[i + 1 :]]) for spelling in spellings]
    return out


def _heads_of(word: str, language: str) -> list[Head]:
    """The place heads `word` is, behind its Arabic clitics (لإقليم, ومدينة)."""
    heads = _tables(language).heads
    key = phrase_key(word)
    variants = arabic_variants(key) if language == "ar" else (Variant(key, 0),)
    return [heads[v.key] for v in variants if v.key in heads]


def is_place_head(word: str, language: str) -> bool:
    """Is `word` a head that announces a place (إقليم, لإقليم, ومدينة; province, région)?"""
    return any(head.kind == "noun" for head in _heads_of(word, language))


def is_plural_place_head(word: str, language: str) -> bool:
    """Is `word` a head in the plural, one that names several places (communes, أقاليم, جماعتي)?"""
    return any(head.plural for head in _heads_of(word, language))


def _given_names(language: str) -> frozenset[str]:
    """First names from the people lexicon: a place name right after one is a family name.
    Read defensively: the file belongs to the person finder and may be absent or change."""
    try:
        rows = read_lexicon("given_names.tsv")
    except FileNotFoundError:
        return frozenset()
    return frozenset(
        phrase_key(r.get("name", ""))
        for r in rows
        if r.get("language") == language and r.get("ambiguous", "0") != "1" and r.get("name")
    )


# ---------------------------------------------------------------- linking


_LEVEL_RANK = {"commune": 0, "arrondissement": 1, "province": 2, "region": 3}


@lru_cache(maxsize=4)
def _variants_for(language: str) -> Callable[[str], Sequence[Variant]]:
    """Readings of a token for the place scan: Arabic clitics, and a head word glued in front."""
    tables = _tables(language)
    if tables.language != "ar":
        return lambda key: (Variant(key, 0),)
    glued = tables.glued_heads

    @lru_cache(maxsize=1 << 17)
    def variants(key: str) -> tuple[Variant, ...]:
        out = arabic_variants(key)
        m = glued.fullmatch(key) if glued is not None else None
        if m:
            clitics, head, _rest = m.groups()
            out = (*out, Variant(key[m.start(3) :], m.start(3), head, bool(clitics)))
        return out

    return variants


_FR_HEAD_PREPOSITIONS = frozenset({"de", "d", "du", "des", "a"})


_LIST_OPENING = re.compile(r"\s*[(:]\s*")  # جماعات ترابية (كلميمة، ...), communes : A, B et C


def _opens_list(text: str, tokens: Sequence[Token], j: int) -> bool:
    """Whether a bracket or a colon, nothing else, stands between token j and the next one."""
    return _LIST_OPENING.fullmatch(text, tokens[j].end, tokens[j + 1].start) is not None


def _head_before(
    tables: _Tables, text: str, tokens: Sequence[Token], match: Match
) -> tuple[Head, int] | None:
    """A head word right before the name, nothing but spaces between (French: de/d'/la... may sit
    between). An adjective (الإقليمي, provincial) counts only with a preposition before the name
    (الكاتب الإقليمي بالخميسات, secrétaire provincial d'Inezgane), else "الجهوية الجديدة" would be a place.
    A head in the plural may open a list over a bracket, a colon or an `opener` (خمس جماعات ترابية هي
    الجرف، ...; جماعات قروية (A، B وC)): its names are the places it counts; a singular head does not
    (بمقر الجماعة (صباح الثلاثاء), رئيس الجماعة: المنزل الذي انهار)."""
    first = match.first
    j = first - 1
    opened = j >= 0 and _opens_list(text, tokens, j)
    opener = tables.heads.get(tokens[j].key) if j >= 1 and (opened or tokens[j].joined) else None
    if opener is not None and opener.kind == "opener":
        j -= 1  # خمس جماعات ترابية هي الجرف, 3 مقاطعات وهي (مولاي رشيد: a pronoun between head and list
        opened = tokens[j].joined or _opens_list(text, tokens, j)
    preposition = match.variant.preposition
    # à Laâyoune, بالعيون: where something is, not whose (de Laâyoune, للعيون)
    locative = (
        bool(preposition) and "ب" in text[tokens[first].start : tokens[first].start + match.variant.offset]
    )
    if tables.language != "ar":
        skipped = 0
        while (
            j >= 0 and tokens[j].key in _FR_SKIP | _FR_HEAD_PREPOSITIONS and skipped < 2 and tokens[j].joined
        ):
            preposition = preposition or tokens[j].key in _FR_HEAD_PREPOSITIONS
            locative = locative or (skipped == 0 and tokens[j].key in _FR_LOCATIVE)
            j, skipped = j - 1, skipped + 1
    if j < 0 or not (tokens[j].joined or opened):
        return None
    for span in (3, 2, 1):  # longer heads first: الدائرة الانتخابية المحلية, الجماعة الترابية
        lo = j - span + 1
        if lo < 0 or (span > 1 and not all(t.joined for t in tokens[lo:j])):
            continue
        keys = (
            [v.key for v in arabic_variants(tokens[lo].key)] if tables.language == "ar" else [tokens[lo].key]
        )
        rest = "".join(t.key for t in tokens[lo + 1 : j + 1])
        for k in keys:
            head = tables.heads.get(k + rest)
            if head is None or head.kind == "opener" or (opened and not head.plural):
                continue
            if (
                head.kind == "adjective"
                and head.level == "region"
                and locative
                and _gathering_before(tables, tokens, lo)
            ):
                return None  # congrès régional à Laâyoune, المؤتمر الجهوي بالعيون: held in the town (the
                # regional coordinator at Fès, المنسق الجهوي بفاس, answers for the region)
            if head.kind == "noun" or preposition:
                return head, tokens[lo].start
    return None


_FR_LOCATIVE = frozenset({"a"})  # à, accents folded


@lru_cache(maxsize=2)
def _gathering_words(language: str) -> frozenset[str]:
    """Folded one-word names of a gathering (مؤتمر, congrès, réunion), from lexicons/event_triggers.tsv."""
    return frozenset(
        phrase_key(row["trigger"])
        for row in read_lexicon("event_triggers.tsv")
        if row["language"] == language
        and row["event_type"] in ("congress", "meeting", "general_assembly")
        and " " not in row["trigger"].strip()
    )


def _gathering_before(tables: _Tables, tokens: Sequence[Token], at: int) -> bool:
    """Is the word before token `at` a gathering's name (المؤتمر, congrès), clitics and article aside?"""
    if at < 1:
        return False
    key = tokens[at - 1].key
    keys = {v.key for v in arabic_variants(key)} if tables.language == "ar" else {key}
    keys |= {k[2:] for k in keys if k.startswith("ال")}
    if tables.language == "ar":  # مؤتمره الجهوي, لقاءها الجهوي: the gathering with its owner's pronoun
        keys |= {k[: -len(suffix)] for k in keys for suffix in ("ها", "هم", "ه") if k.endswith(suffix)}
    return bool(keys & _gathering_words(tables.language))


# words that open a list of places as a preposition introduces one, after a head in the plural (trois
# communes, à savoir A, B et C; les autres communes rurales, notamment A, B): a small commune named right
# after them is a place (not after `notamment` alone: plusieurs élus, notamment Moulay Brahim Alaoui)
_LIST_INTRODUCERS: dict[str, tuple[tuple[str, ...], ...]] = {
    "fr": (("a", "savoir"), ("notamment",)),
    "ar": (),
}
INTRODUCED_HEAD_TOKENS = 10  # the plural head at most this many tokens before the introducer


def _after_preposition(tables: _Tables, tokens: Sequence[Token], match: Match) -> bool:
    if match.variant.preposition:
        return True
    prev = match.first - 1
    if prev >= 0 and tokens[prev].key in _PREPOSITIONS[tables.language]:
        return True
    for words in _LIST_INTRODUCERS[tables.language]:
        opening = prev + 1 - len(words)
        if opening < 0 or tuple(t.key for t in tokens[opening : prev + 1]) != words:
            continue
        heads = (tables.heads.get(t.key) for t in tokens[max(0, opening - INTRODUCED_HEAD_TOKENS) : opening])
        if any(head is not None and head.plural for head in heads):
            return True
    return False


def _level(c: _Candidate) -> str:
    return c.record.level if c.record is not None else "region"


@dataclass(slots=True)
class _Found:
    match: Match
    candidates: list[_Candidate]
    head: Head | None
    head_start: int | None
    head_inherited: bool = False


def _known_alone(found: _Found) -> bool:
    """Whether the name may stand with no head word and no preposition: a region, a province or a
    town (urban commune) of `SMALL_TOWN`+. Rural and small communes are mostly named after families
    and saints (بنمنصور, الرماني, سيدي علي): alone, such a name is a person more often."""
    for c in found.candidates:
        rec = c.record
        if rec is None or rec.level in ("region", "province"):
            return True
        if rec.level == "commune" and rec.kind == "urban" and rec.population >= SMALL_TOWN:
            return True
    return False


def _accepted(tables: _Tables, text: str, tokens: Sequence[Token], found: _Found, in_list: bool) -> bool:
    """Whether a matched name is a place here and not a common word or a person (module docstring).

    `in_list`: the name follows another place by a comma or و (الصخيرات تمارة، وسلا، وأسفي).
    """
    match, head = found.match, found.head
    policy = tables.policy.get(match.key)
    if head is not None:
        return True
    if policy == "head":
        return False
    written = text[match.start : match.end]
    if tables.language != "ar" and not written[:1].isupper():
        return False
    if (
        tables.language == "ar"
        and written[-1] == "ه"
        and any(c.surface.endswith("ة") for c in found.candidates)
    ):
        return False  # شهده (a verb and its pronoun) is not شهدة: a ta marbuta written as ha needs a head
    if policy == "free":
        return True
    introduced = in_list or _after_preposition(tables, tokens, match) or _labels_a_line(text, match)
    if not introduced and _after_given_name(tables, tokens, match):
        return False  # عبد الله بنسليمان, Karim Berkane: a family name
    known = _known_alone(found)
    frequency = max(tables.name_zipf.get(match.key, 0.0), _zipf(written, tables.language))
    if frequency >= (COMMON_ZIPF if known else COMMON_ZIPF_SMALL):
        big = any(
            c.record is not None
            and (
                c.record.level in ("region", "province")
                or (c.record.kind == "urban" and c.record.population >= BIG_CITY)
                or (
                    c.record.kind == "urban"
                    and c.record.population >= SMALL_TOWN
                    and match.last > match.first
                )
            )
            for c in found.candidates
        )
        return big and introduced
    if (
        match.variant.offset
        and _zipf(text[tokens[match.first].start : match.end], tables.language) > frequency
    ):
        return False  # كميات is a word, not ك + ميات; بالرباط is rarer than الرباط
    return introduced or known


_LINE_LABEL_START = re.compile(r"[ \t]*(?:[-–•*][ \t]*)?")  # the line's start: spaces and a bullet
_LINE_LABEL_END = re.compile(r"[ \t]*:")


def _labels_a_line(text: str, match: Match) -> bool:
    """Does the name open a line, after its bullet, and a colon follow it (- Taliouine : X (PI); تالوين:
    X)? A list of councils and their results, or a dateline: a place, as after a preposition."""
    start = text.rfind("\n", 0, match.start) + 1
    return (
        _LINE_LABEL_START.fullmatch(text, start, match.start) is not None
        and _LINE_LABEL_END.match(text, match.end) is not None
    )


def _after_given_name(tables: _Tables, tokens: Sequence[Token], match: Match) -> bool:
    prev = match.first - 1
    return (
        match.variant.offset == 0
        and prev >= 0
        and tokens[prev].joined
        and tokens[prev].key in tables.given_names
    )


def _choose(found: _Found, context: set[str]) -> tuple[_Candidate, dict]:
    """The candidate a mention means, and what `extra` should say about the choice."""
    cands = found.candidates
    if found.head is not None:
        wanted = found.head.level
        at_level = [
            c for c in cands if _level(c) == wanted or (wanted == "commune" and _level(c) == "arrondissement")
        ]
        if wanted == "arrondissement" and not at_level:  # مقاطعة + a commune's name
            at_level = [c for c in cands if _level(c) == "commune"]
        if not at_level and wanted == "region":
            regions = {c.record.region_code for c in cands if c.record is not None}
            if len(regions) == 1:  # جهة طنجة: the region of Tanger, Tanger-Tétouan-Al Hoceima
                region = records_by_code().get(regions.pop())
                if region is not None:
                    return _Candidate(region, region.name_ar, True), {"region_of": cands[0].record.code}
        cands = at_level or cands
    best_rank = min(_LEVEL_RANK.get(_level(c), 9) for c in cands)
    cands = [c for c in cands if _LEVEL_RANK.get(_level(c), 9) == best_rank]
    codes = sorted({c.record.code for c in cands if c.record is not None})
    if len(codes) <= 1:
        return cands[0], {}
    in_context = [
        c
        for c in cands
        if c.record is not None and (c.record.province_code in context or c.record.region_code in context)
    ]
    if in_context:
        pick = max(in_context, key=lambda c: (c.record.province_code in context, c.record.population))
        return pick, {"ambiguous": True, "candidates": codes, "resolved_by": "context"}
    pick = max(cands, key=lambda c: c.record.population if c.record is not None else -1)
    return pick, {"ambiguous": True, "candidates": codes, "resolved_by": "population"}


# Between two places of a list: a comma and/or a coordinator (و، et, ou), or a dash between spaces (مولاي
# رشيد - الحي الحسني), and in French maybe a preposition (d'Agadir et d'Inezgane). A bare space is not a
# list: "إيموزار كندر المدينة الإجاصة".
_LIST_SEPARATOR = r"\s*(?:[,،؛]\s*(?:(?:و|et|ou)\s*)?|(?:و|et|ou)\s*|\s[-–]\s+(?:و\s*)?)"
# A bracketed aside may follow each place (Agdal (25 sur 35), Zouagha (30 sur 39); تيفلت (12 مقعدا)).
_ASIDE = r"(?:\s*\([^()\n]{1,40}\))?"
_LIST_GAP = re.compile(_ASIDE + _LIST_SEPARATOR + r"(?:d['’]|de\s+|à\s+)?")
# A list shares its head word unless a preposition starts a new phrase ("région X, à Essaouira").
_SHARED_HEAD_GAP = re.compile(_LIST_SEPARATOR)


def _gap_is(pattern: re.Pattern, text: str, previous_end: int, start: int) -> bool:
    """Whether only a list separator stands between the previous place and this one; a name read
    whole from a token that starts with و (والماس after الخميسات) carries its own coordinator."""
    if pattern.fullmatch(text, previous_end, start) is not None:
        return True
    return text[start : start + 1] == "و" and not text[previous_end:start].strip()


def find_places(text: str, language: str) -> list[Mention]:
    """Place mentions in order, non-overlapping; entity_type 'place'; code = most specific HCP code;
    extra['place'] is the akhbar.spans.Place with commune/province/region codes and level."""
    tables = _tables(language)
    tokens = tokenize(text)
    found: list[_Found] = []

    def accept(match: Match) -> bool:
        head = None
        head_start = None
        if match.variant.glued_head is not None:
            head = tables.heads.get(match.variant.glued_head)
            head_start = tokens[match.first].start
        else:
            before = _head_before(tables, text, tokens, match)
            if before is not None:
                head, head_start = before
        in_list = (
            bool(found)
            and 0 < match.first - found[-1].match.last <= LIST_GAP_TOKENS
            and _gap_is(_LIST_GAP, text, found[-1].match.end, match.start)
        )
        inherited = (
            head is None
            and in_list
            and found[-1].head is not None
            and _gap_is(_SHARED_HEAD_GAP, text, found[-1].match.end, match.start)
        )
        if inherited:  # أقاليم الخميسات وسيدي قاسم: the list shares its head word
            head, head_start = found[-1].head, found[-1].head_start
        item = _Found(match, list(match.payloads), head, head_start, inherited)
        if not _accepted(tables, text, tokens, item, in_list):
            return False
        found.append(item)
        return True

    for _ in tables.names.scan(tokens, _variants_for(tables.language), accept):
        pass
    context: set[str] = set()  # provinces and regions the text names without doubt
    for item in found:
        recs = [c.record for c in item.candidates if c.record is not None]
        for codes in ({r.province_code for r in recs}, {r.region_code for r in recs}):
            if len(codes) == 1 and None not in codes:
                context.update(codes)
    mentions: list[Mention] = []
    for item in found:
        cand, extra = _choose(item, context)
        if cand.record is None:
            continue  # a former place: recognised, not linkable
        rec = cand.record
        place = rec.place(tables.language)
        m = item.match
        extra.update(
            {
                "place": place,
                "level": place.level,
                "head": item.head.surface if item.head else None,
                "head_start": item.head_start,
                "alias": cand.alias,
                "head_inherited": item.head_inherited,
            }
        )
        if rec.level == "arrondissement":
            extra["arrondissement"] = rec.code
        mentions.append(
            Mention("place", text[m.start : m.end], place.name, place.code, m.start, m.end, extra)
        )
    return mentions


def place_opening(place: Mention) -> int:
    """Where a place mention opens: at its head word (جماعة تزنيت), which may stand at offset 0."""
    head = place.extra.get("head_start")
    return head if head is not None else place.start_char


def place_by_code(code: str, language: str = "fr") -> Place | None:
    """The official place with this HCP code (named in `language`), or None if there is none."""
    rec = records_by_code().get(code)
    return rec.place(language) if rec is not None else None
