"""Person names in Arabic and French news, with the role and organization the text gives them.

How a name is found (tables are built once per language from the lexicons and cached):
- A name starts at a given name (`lexicons/given_names.tsv`; Arabic `عبد` + a word with `ال`
  is a compound given name by rule), or right after an honorific (`lexicons/honorifics.tsv`:
  السيد، الرفيق، M., Mme). Arabic clitics in front (ونادية، لعبد الحق) are peeled off.
- One or two family-name tokens follow. A token is refused when it is a stop word
  (`lexicons/people_stopwords.tsv`), a role title, a word with a preposition glued in front
  whose rest is a common word (بمقعد، بالحاضرين), or too common a word (wordfreq zipf, a looser
  bound for the first family token: كريم تاج keeps تاج, جعفر خملاش خريج drops خريج). Particles
  (بن، ابن، أيت، ولد، Ben, El, Aït) join the token after them. French family names are capitalized.
- A name needs at least one family token: a lone given name is too often an ordinary word.
- A role title licenses a name the list does not know: two rare tokens right after it
  (الكاتب الإقليمي للحزب زكرياء بنعمر).

How a role is attached (`lexicons/roles.tsv`; its complement is the organization, place or party
mention that follows: عضو الديوان السياسي، رئيس جماعة آيت واحي، président du Conseil national):
- before the name (الكاتب الإقليمي للحزب خالد لخبيزي، Le Premier secrétaire de l'USFP, Driss Lachguar);
  a dual or plural title is given to every name of the list that follows (عضوا الديوان السياسي X وY);
- after the name, in apposition or as the object of an election (كريم تاج عضو الديوان السياسي،
  انتخاب جعفر خملاش كاتبا إقليميا، Mohamed Ouzzine a été élu secrétaire général);
- a title glued to و goes forward to the next name when one follows at once (والمفتش الإقليمي X),
  else back to the person of the role chain it continues (X عضو ... والكاتب العام للجمعية).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from wordfreq import zipf_frequency

from akhbar.lexicons import read_lexicon
from akhbar.text.keys import match_key
from akhbar.text.spans import Mention
from akhbar.text.tokens import TOKEN, Tok, strip_clitics, text_key, tokens_of

# Zipf bounds for family-name tokens (measured: تاج 4.4, الصغير 5.05, التهامي 3.1,
# الإدريسي 3.1, خريج 3.9, عدد 6.0, بلا 5.4); names outside the word list score 0.
FIRST_FAMILY_MAX_ZIPF = 5.5
NEXT_FAMILY_MAX_ZIPF = 3.5
AMBIGUOUS_GIVEN_MAX_ZIPF = 4.5  # a given name that is also a word (كريم) needs a rarer family name
CLITIC_REST_MIN_ZIPF = 3.5  # بمقعد: ب + مقعد (4.3) is a word with a preposition, not a name


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
_AR_LIST_JOINERS = _word_class("list_joiner")
_FR_GLUE_BACK = _word_class("glue_back", "fr")
_AR_GLUE_BACK = _word_class("glue_back", "ar")
_GLUE_FORWARD = _word_class("glue_forward")
_ELECTION_CUES = _word_class("election_cue")
# a place noun after which a name is a place, not a person (جماعة X): the one-word nouns of place_heads.tsv
_AR_PLACE_HEADS = frozenset(
    match_key(r["head"])
    for r in read_lexicon("place_heads.tsv")
    if r["language"] == "ar" and r["kind"] == "noun" and " " not in r["head"]
)
# خلفا للرفيق X، en remplacement de M. X: the person replaced, not one present at the event
_PREDECESSOR = re.compile(
    match_key("خلفا")
    + r"\s+(?:لل?\w*\s+)?ل?$|(?:succ[ée]dant\s+[àa]|en\s+remplacement\s+de|rempla[çc]ant)\s+(?:M\.\s*|Mme\s+)?$",
    re.IGNORECASE,
)
# Clitics a role title may carry in Arabic (والكاتب, بالرئيس, فلرئيس): a conjunction, then a preposition.
_AR_TITLE_CONJUNCTIONS, _AR_TITLE_PREPOSITIONS = "وف", "بكل"
_MAX_FORWARD_GAP = 12  # tokens between a role and the name it introduces


@lru_cache(maxsize=65536)
def _zipf(word: str, language: str) -> float:
    """Word frequency of a word as written: wordfreq knows surface spellings, not match keys
    (the key of نتائج, نتايج, is rare)."""
    return zipf_frequency(word, language)


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
        stop,
        stop_surface,
        roles,
        pattern,
        heads,
        role_starts,
    )


# ---------------------------------------------------------------- roles


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


def _title_key(lex: _Lexicon, matched: str) -> str:
    key = re.sub(r"\s+", " ", matched)
    if key not in lex.roles and key.startswith("لل"):
        key = "ال" + key[2:]
    return key


def _find_roles(text: str, key: str, lex: _Lexicon, context: Sequence[Mention]) -> list[RoleSpan]:
    """Role titles with their complement: the organization / place / party mentions that follow."""
    haystack = key if lex.language == "ar" else key.lower()
    by_start = sorted(context, key=lambda m: m.start_char)
    spans: list[RoleSpan] = []
    for m in _role_matches(haystack, lex):
        title = lex.roles.get(_title_key(lex, m.group("title")))
        if title is None:
            continue
        start, title_end = m.start("title"), m.end("title")
        end, organization, party = _complement(text, haystack, lex.language, title_end, by_start)
        if title.complement == "required" and end == title_end:
            end = _bare_complement(text, haystack, lex, title_end)
            if end == title_end:
                continue
        surface = re.sub(r"\s+", " ", text[title_end:end]).rstrip(" ,،")
        before = haystack[max(0, start - 3) : start]
        wa = "و" in m.group("clitic") or before.endswith(" و ") or before == "et "
        text_out = title.canonical + surface
        if lex.language == "ar" and spans and m.group("title").endswith((" له", " لها")):
            # نائبة له: the deputy of the title named just before (كاتبا محليا ... وX نائبة له)
            text_out = title.canonical + " " + spans[-1].title.canonical
        spans.append(RoleSpan(start, title_end, end, title, text_out, wa, organization, party))
    return spans


_WORD = re.compile(r"\w+")


def _role_matches(haystack: str, lex: _Lexicon) -> Iterator[re.Match]:
    """The matches of `lex.role_pattern.finditer(haystack)`, trying the pattern only at words a
    title can start with (the pattern scanned at every character was the slowest step)."""
    if lex.role_starts is None:
        yield from lex.role_pattern.finditer(haystack)
        return
    resume = 0
    for word in _WORD.finditer(haystack):
        if word.start() < resume or word.group() not in lex.role_starts:
            continue
        m = lex.role_pattern.match(haystack, word.start())
        if m is not None:
            resume = m.end()
            yield m


_AR_COMPLEMENT_PREP = re.compile(r"\s*(?:عن\s+|في\s+|من\s+)?[وفبلك]{0,2}")
_FR_COMPLEMENT_PREP = re.compile(
    r"\s*(?:du|des|de\s+la|de\s+l'|de\s+l’|de|d'|d’|à|a|pour)?\s*", re.IGNORECASE
)


def _complement(
    text: str, haystack: str, language: str, pos: int, context: Sequence[Mention]
) -> tuple[int, str | None, str | None]:
    """Extend a title over the organization, place or party mentions right after it.

    Returns (end of the role text, organization, party). A party mention ends the role (its code
    goes to `party`, its name is not part of the role): عضو الديوان السياسي لحزب التقدم والاشتراكية.
    """
    prep = _AR_COMPLEMENT_PREP if language == "ar" else _FR_COMPLEMENT_PREP
    end, organization, party = pos, None, None
    for _ in range(3):
        gap = prep.match(haystack, end)
        reach = gap.end() if gap else end
        following = _mention_at(context, reach, text)
        if following is None:
            break
        if following.entity_type == "party":
            party = following.code
            break
        if following.entity_type == "organization":
            organization = organization or following.normalized
            party = party or following.extra.get("party")
        end = following.end_char
        if following.entity_type == "place" and language == "ar":  # دائرة الخميسات والماس
            nxt = _mention_at(context, end + 1, text)
            if (
                nxt is not None
                and nxt.entity_type == "place"
                and text[end : nxt.start_char].strip() in ("و", "")
            ):
                end = nxt.end_char
    return end, organization, party


def _mention_at(context: Sequence[Mention], pos: int, text: str) -> Mention | None:
    """The mention starting at `pos` (its head word, clitic or generic party word may come first)."""
    for m in context:
        begin = (
            m.extra.get("head_start")
            if m.entity_type == "place" and m.extra.get("head_start") is not None
            else m.start_char
        )
        if begin > pos + 12:
            break
        lead = text[pos:begin]
        if begin >= pos and (not lead.strip() or _is_lead(lead)):
            return m
    return None


_LEAD = re.compile(r"^\s*(?:[وفبلك]{0,2}(?:حزب|الحزب)?\s*|le\s+parti\s+|la\s+|l['’]|d['’])?$", re.IGNORECASE)


def _is_lead(lead: str) -> bool:
    return len(lead) <= 6 and _LEAD.match(lead) is not None


def _bare_complement(text: str, haystack: str, lex: _Lexicon, pos: int) -> int:
    """For a title that needs a complement and has no known one: the next one or two definite words
    (وزير الداخلية, membre du bureau), never a name or another title."""
    toks = tokens_of(text[pos : pos + 80], haystack[pos : pos + 80])
    end = pos
    content = 0
    if (
        lex.language == "ar"
        and toks
        and any(rest in _AR_PLACE_HEADS for rest, _ in strip_clitics(toks[0].key))
    ):
        # رئيس جماعة آيت واحي: a head word and the unknown name after it, up to the person's name
        end = pos + toks[0].end
        for tok in toks[1:4]:
            if (
                not tok.is_word
                or tok.key in lex.stop
                or _is_role_word(lex, tok.key)
                or _given_at(lex, [tok], 0)
            ):
                break
            end = pos + tok.end
        return end
    for n, tok in enumerate(toks[:6]):
        if lex.language == "ar":
            if n >= 4:
                break
            if not tok.is_word or not (
                tok.key.startswith("ال") or tok.key.startswith("لل") or tok.key.startswith("بال")
            ):
                break
            if tok.key in lex.stop or (tok.key,) in lex.given:
                break
        else:
            # de la + NOUN (+ ADJ): membre de la direction collégiale, secrétaire de la section
            if content == 0 and tok.key in _FR_ARTICLES:
                continue
            if not tok.is_word or tok.key in ("et", "a", "qui", "que") or tok.text[0].isupper() and content:
                break
            content += 1
            end = pos + tok.end
            if content >= 2:
                break
            continue
        end = pos + tok.end
        if n >= 2:
            break
    return end


# ---------------------------------------------------------------- names


@dataclass(slots=True)
class NameSpan:
    start: int
    end: int
    first: int  # token indexes
    last: int
    wa: bool  # the name carries the conjunction و / follows et (a list goes on)
    honorific: str | None
    roles: list[RoleSpan] = field(default_factory=list)


def _given_at(lex: _Lexicon, toks: Sequence[Tok], i: int) -> tuple[int, int, bool] | None:
    """(offset of the name in token i, index of the last given-name token, ambiguous) or None."""
    tok = toks[i]
    if not tok.is_word:
        return None
    if lex.language == "fr":
        if not tok.text[0].isupper():
            return None
        words = [i]  # Fatima Zahra, Fatim-Zahra: the next words, over glued hyphens
        j = i + 1
        while j < len(toks) and len(words) < lex.given_max_len:
            if toks[j].text == "-" and j + 1 < len(toks) and toks[j + 1].start == toks[j].end:
                j += 1
            if not toks[j].is_word or not toks[j].text[0].isupper():
                break
            words.append(j)
            j += 1
        for length in range(len(words), 0, -1):
            seq = tuple(toks[k].key for k in words[:length])
            if seq in lex.given:
                return 0, words[length - 1], lex.given[seq]
        return None
    for rest, offset in _given_readings(lex.language, tok.key):
        if tok.text[offset:] in lex.stop_surface:
            continue
        if rest == _AR_ABD and i + 1 < len(toks) and toks[i + 1].key.startswith("ال") and toks[i + 1].is_word:
            return offset, i + 1, False
        for length in range(lex.given_max_len, 0, -1):
            if i + length > len(toks):
                continue
            seq = (rest,) + tuple(t.key for t in toks[i + 1 : i + length])
            if seq in lex.given:
                return offset, i + length - 1, lex.given[seq]
    return None


@lru_cache(maxsize=200_000)
def _given_readings(language: str, key: str) -> tuple[tuple[str, int], ...]:
    """The readings of a token key (`strip_clitics`) a given name may start with.

    Cached per key: most words start no name, and this refuses them at once."""
    lex = _lexicon(language)
    return tuple(r for r in strip_clitics(key) if r[0] in lex.given_first or r[0] == _AR_ABD)


@lru_cache(maxsize=200_000)
def _honorific_offset(language: str, key: str) -> int | None:
    """Chars peeled off a token key whose rest is an honorific (والسيد -> 1), or None. Cached per key."""
    lex = _lexicon(language)
    return next((offset for rest, offset in strip_clitics(key) if rest in lex.honorifics), None)


def _is_role_word(lex: _Lexicon, key: str) -> bool:
    return any(rest in lex.role_heads for rest, _ in strip_clitics(key))


def _family_ok(lex: _Lexicon, tok: Tok, position: int, ambiguous: bool) -> bool:
    """May `tok` be the family name at `position` (0 = first family token) of a name?"""
    if not tok.is_word or tok.key.isdigit():
        return False
    lang = lex.language
    if lang == "fr":
        if not tok.text[0].isupper() or tok.key in lex.stop or tok.text.isupper() and len(tok.text) > 1:
            return False
        limit = FIRST_FAMILY_MAX_ZIPF - 0.5 if position == 0 else NEXT_FAMILY_MAX_ZIPF + 0.5
        return _zipf(tok.text, "fr") < limit
    key = tok.key
    if key in lex.stop or _is_role_word(lex, key) or key.rstrip(".") in lex.honorifics:
        return False
    if key[:3] in ("بال", "لال", "كال", "فال", "وال") or key.startswith("لل"):
        return False
    if key[0] in "وبلكف" and len(key) > 3:
        rest = key[1:]
        if key[0] in "وف" and (rest,) in lex.given:  # ونادية: the next name of a list
            return False
        clitic_reading = (rest,) not in lex.given and (
            rest in lex.stop or _zipf(tok.text[1:], "ar") >= CLITIC_REST_MIN_ZIPF
        )
        # بمقعد is ب + مقعد, but بلحسن (Belahcen) is a family name; ل before an indefinite noun right
        # after a name is rare, so a ل-word that is not itself common (لشكر, not لصالح) is a family name
        lam_name = key[0] == "ل" and _zipf(tok.text, "ar") < CLITIC_REST_MIN_ZIPF
        if clitic_reading and not lam_name:
            return False
    if (key,) in lex.given:
        return position == 0
    if key.startswith("ال") and (
        key.endswith(("ات", "ون", "يه")) or key.endswith("ين") and _zipf(tok.text, "ar") >= 2.5
    ):
        return False  # المناضلات، الاشتراكية: plurals and adjectives, not family names
    if ambiguous and key[0] in "وبلكف" and not key.startswith(("بن", "بو")):
        return False
    if ambiguous:
        limit = AMBIGUOUS_GIVEN_MAX_ZIPF
    else:
        limit = FIRST_FAMILY_MAX_ZIPF if position == 0 else NEXT_FAMILY_MAX_ZIPF
    return _zipf(tok.text, "ar") < limit


def _is_particle(lex: _Lexicon, tok: Tok) -> bool:
    return tok.key in (_AR_PARTICLES if lex.language == "ar" else _FR_PARTICLES) and (
        lex.language == "ar" or tok.text[0].isupper()
    )


def _family_end(lex: _Lexicon, toks: Sequence[Tok], j: int, ambiguous: bool) -> int | None:
    """Index of the last token of the family name starting at token j, or None."""
    last = None
    position = 0
    while j < len(toks) and position < 2:
        tok = toks[j]
        if _is_particle(lex, tok) and j + 1 < len(toks) and toks[j + 1].is_word:
            last, j, position = j + 1, j + 2, position + 1
            if _abd_compound(lex, toks, last, j):  # بن عبد الله: the compound after the particle, whole
                last, j = j, j + 1
            continue
        hyphen = lex.language == "fr" and last is not None and tok.text == "-" and tok.start == toks[last].end
        if hyphen and j + 1 < len(toks) and _family_ok(lex, toks[j + 1], 0, False):  # El-Himma, Ait-Taleb
            last, j = j + 1, j + 2
            continue
        if not _family_ok(lex, tok, position, ambiguous):
            break
        last, j, position = j, j + 1, position + 1
        if _abd_compound(lex, toks, last, j):  # بنعبد الله, بن عبد الرحمن
            last, j = j, j + 1
    return last


def _abd_compound(lex: _Lexicon, toks: Sequence[Tok], at: int, following: int) -> bool:
    """Is token `at` (…عبد) the first half of a عبد + ال… compound that token `following` completes?"""
    return (
        lex.language == "ar"
        and toks[at].key.endswith(_AR_ABD)
        and following < len(toks)
        and toks[following].key.startswith("ال")
    )


def _honorific_before(lex: _Lexicon, toks: Sequence[Tok], i: int) -> tuple[str, int] | None:
    """The honorific right before token i (السيد، والسيد، M.), as (title, its first token index)."""
    if i == 0:
        return None
    prev = i - 1
    if lex.language == "fr" and toks[prev].text == "." and prev > 0:
        prev -= 1
    tok = toks[prev]
    if not tok.is_word:
        return None
    offset = _honorific_offset(lex.language, tok.key)
    if offset is None or not (lex.language == "ar" or tok.text[0].isupper()):
        return None
    return tok.text[offset:], prev


def _find_names(
    text: str, toks: Sequence[Tok], lex: _Lexicon, blocked: Sequence[tuple[int, int]]
) -> list[NameSpan]:
    names: list[NameSpan] = []
    i = 0
    n = len(toks)

    mask = _mask(len(text), blocked)

    def is_blocked(start: int) -> bool:
        return mask[start] == 1

    while i < n:
        tok = toks[i]
        if not tok.is_word or is_blocked(tok.start):
            i += 1
            continue
        given = _given_at(lex, toks, i)
        honorific = _honorific_before(lex, toks, i) if i > 0 and toks[i - 1].end + 2 >= tok.start else None
        if given is None and honorific is not None and _family_ok(lex, tok, 0, False):
            given = (0, i, False)  # after a title any name-like token starts a name (السيد X Y)
        if given is None:
            i += 1
            continue
        offset, last_given, ambiguous = given
        last = _family_end(lex, toks, last_given + 1, ambiguous)
        if last is None:
            i = last_given + 1
            continue
        start = tok.start + offset
        wa = (offset > 0 and tok.key[0] in "وف") or (i > 0 and toks[i - 1].key == "et")
        names.append(NameSpan(start, toks[last].end, i, last, wa, honorific[0] if honorific else None))
        i = last + 1
    return names


def _names_after_roles(
    key: str,
    toks: Sequence[Tok],
    lex: _Lexicon,
    roles: Sequence[RoleSpan],
    names: list[NameSpan],
    skip: bytearray,
) -> list[NameSpan]:
    """A name the given-name list does not know, licensed by the title right before it
    (الكاتب الإقليمي للحزب زكرياء بنعمر): two rare tokens (capitalized in French) after the title."""
    taken = _mask(len(key), [(nm.start, nm.end) for nm in names])
    token_starts = [t.start for t in toks]
    found = list(names)
    for role in roles:
        n = bisect_left(token_starts, role.end)
        while n < len(toks) and (skip[toks[n].start] or _is_glue(toks[n].key.lower())):
            n += 1
        if n + 1 >= len(toks) or taken[toks[n].start] or taken[toks[n + 1].start]:
            continue
        first, second = toks[n], toks[n + 1]
        if lex.language == "ar" and first.key[0] in "وف":
            continue  # والمنسق: a list goes on, not a name
        if (
            lex.language == "ar"
            and first.key[0] in "بلك"
            and _zipf(first.text[1:], "ar") >= CLITIC_REST_MIN_ZIPF
        ):
            continue  # كاتب محلي لفرع آزمور: the title's complement, not a name
        if all(_family_ok(lex, t, 1, False) and not _is_particle(lex, t) for t in (first, second)):
            found.append(NameSpan(first.start, second.end, n, n + 1, False, None))
            taken[first.start : second.end] = b"\x01" * (second.end - first.start)
    return sorted(found, key=lambda nm: nm.start)


# ---------------------------------------------------------------- linking


def _mask(length: int, spans: Sequence[tuple[int, int]]) -> bytearray:
    """One byte per character, 1 inside any of `spans`: a span test in constant time."""
    mask = bytearray(length + 1)
    for a, b in spans:
        a, b = max(0, a), min(length, b)
        if b > a:
            mask[a:b] = b"\x01" * (b - a)
    return mask


def _gap_tokens(key: str, start: int, end: int, skip: bytearray | None = None) -> list[str] | None:
    """Keys of the tokens between start and end that no skipped span covers (None if too many)."""
    out = []
    for m in TOKEN.finditer(key, start, end):
        if skip is not None and skip[m.start()]:
            continue
        out.append(m.group().lower())
        if len(out) > _MAX_FORWARD_GAP:
            return None
    return out


def _is_glue(word: str) -> bool:
    return word in _GLUE_FORWARD or any(rest in _GLUE_FORWARD for rest, _ in strip_clitics(word)[1:])


def _forward_ok(gap: list[str] | None, lex: _Lexicon) -> bool:
    """May a role reach over these words to the name after them? Only over glue words, place and
    party words, and definite words of the complement (للجمعية, الوطني)."""
    if gap is None:
        return False
    for word in gap:
        readings = strip_clitics(word)
        if _is_glue(word):
            continue
        if lex.language == "ar" and any(
            rest.startswith("ال") and rest not in lex.stop for rest, _ in readings
        ):
            continue
        return False
    return True


def _back_ok(gap: list[str] | None, language: str) -> bool:
    glue = _AR_GLUE_BACK if language == "ar" else _FR_GLUE_BACK
    return gap is not None and len(gap) <= 4 and all(w in glue for w in gap)


def _link(
    text: str,
    key: str,
    lex: _Lexicon,
    names: list[NameSpan],
    roles: list[RoleSpan],
    skip: list[tuple[int, int]],
) -> None:
    """Give each role to the name(s) it qualifies (see the module docstring)."""
    items = sorted(
        [(r.start, "role", r) for r in roles] + [(nm.start, "name", nm) for nm in names], key=lambda x: x[0]
    )
    role_spans = [(r.start - 2, r.end) for r in roles]  # with a clitic in front
    skip_mask = _mask(len(key), list(skip) + role_spans)

    def next_name(pos: int) -> int | None:
        for idx, nm in enumerate(names):
            if nm.start >= pos:
                return idx
        return None

    forward: dict[int, int] = {}
    for r_idx, role in enumerate(roles):
        idx = next_name(role.end)
        if idx is None or names[idx].wa:
            continue
        gap = _gap_tokens(key, role.end, names[idx].start, skip_mask)
        if _forward_ok(gap, lex):
            forward[r_idx] = idx

    back: dict[int, int] = {}  # role index -> name index, in text order so chains can follow
    for pos, (_start, kind, obj) in enumerate(items):
        if kind != "role":
            continue
        r_idx = roles.index(obj)
        if pos == 0:
            continue
        _pstart, pkind, prev = items[pos - 1]
        prev_end = prev.end
        gap = _gap_tokens(key, prev_end, obj.start)
        if (
            gap is not None
            and obj.start > 0
            and key[obj.start - 1 : obj.start] in "وفبلك"
            and gap
            and gap[-1].endswith(key[obj.start - 1])
        ):
            gap = gap[:-1]
        chained = pkind == "role" and gap is not None and len(gap) <= 4 and _forward_ok(gap, lex)
        if not (_back_ok(gap, lex.language) or chained):  # X عضو المكتب السياسي للحزب والكاتب العام
            continue
        if pkind == "name":
            back[r_idx] = names.index(prev)
        elif roles.index(prev) in back:
            back[r_idx] = back[roles.index(prev)]
        elif obj.wa and roles.index(prev) in forward and r_idx not in forward:
            continue

    for r_idx, role in enumerate(roles):
        # و + title: the next name if it follows at once; a bare title after a name: apposition
        target = forward.get(r_idx, back.get(r_idx)) if role.wa else back.get(r_idx, forward.get(r_idx))
        if target is None and _accusative(key, lex, role):
            target = _elected(key, lex, names, role)
        if target is None:
            continue
        targets = [target]
        if role.title.number in ("dual", "plural") and target == forward.get(r_idx):
            k = target
            while k + 1 < len(names):
                gap = _gap_tokens(key, names[k].end, names[k + 1].start)
                if gap is None or not all(w in _AR_LIST_JOINERS for w in gap) or not (names[k + 1].wa or gap):
                    break
                k += 1
                targets.append(k)
        elif role.title.number in ("dual", "plural") and target == back.get(r_idx):
            # X et Y, membres du Comité exécutif: a plural title after a list goes back over it
            k = target
            while k > 0:
                gap = _gap_tokens(key, names[k - 1].end, names[k].start, skip_mask)
                if gap is None or not all(w in _AR_LIST_JOINERS for w in gap):
                    break
                k -= 1
                targets.append(k)
        for t in targets:
            role.targets.append(t)
            names[t].roles.append(role)


def _accusative(key: str, lex: _Lexicon, role: RoleSpan) -> bool:
    """كاتبا إقليميا، منسقا: the form a title takes as the object of انتخب (French: any title)."""
    if lex.language != "ar":
        return True
    first_word = key[role.start : role.title_end].split(" ")[0]
    return first_word.endswith("ا")


def _elected(key: str, lex: _Lexicon, names: Sequence[NameSpan], role: RoleSpan) -> int | None:
    """انتخاب الرفيق X، وهو ...، منسقا إقليميا: the name after the election word, in the same sentence."""
    sentence_start = max(key.rfind(".", 0, role.start), key.rfind("\n", 0, role.start)) + 1
    window = key[sentence_start : role.start]
    cue_at = None
    for m in TOKEN.finditer(window):
        if any(rest in _ELECTION_CUES for rest, _ in strip_clitics(m.group().lower())):
            cue_at = sentence_start + m.end()
    if cue_at is None:
        return None
    candidates = [idx for idx, nm in enumerate(names) if cue_at <= nm.start and nm.end <= role.start]
    return candidates[0] if candidates else None


# ---------------------------------------------------------------- public


def find_people(text: str, language: str, context: Sequence[Mention] | None = None) -> list[Mention]:
    """Person mentions in order: entity_type 'person', normalized = the name without its title.

    extra: role (first role given, canonical + complement, or None), roles (all of them),
    organization, party (code), honorific (the title written before the name, or None).
    `context` = the document's place, party and organization mentions, when already computed
    (they are found here otherwise); they delimit role complements.
    """
    lex = _lexicon(language)
    if context is None:
        context = _context_mentions(text, language)
    key = text_key(text)
    toks = tokens_of(text, key)
    roles = _find_roles(text, key, lex, context)
    blocked = [(r.start, r.title_end) for r in roles] + [(m.start_char, m.end_char) for m in context]
    names = _find_names(text, toks, lex, blocked)
    skip = [(m.extra.get("head_start") or m.start_char, m.end_char) for m in context]
    names = _names_after_roles(key, toks, lex, roles, names, _mask(len(key), skip))
    skip += [(nm.start - 8, nm.start) for nm in names if nm.honorific]
    _link(text, key, lex, names, roles, skip)
    candidates = _vote_getters(key, lex, names)
    out = []
    for n_idx, nm in enumerate(names):
        name = re.sub(r"\s+", " ", text[nm.start : nm.end])
        predecessor = _PREDECESSOR.search(key, max(0, nm.start - 30), nm.start) is not None
        role_texts = list(dict.fromkeys(r.text for r in nm.roles))
        if not role_texts and n_idx in candidates:
            role_texts = [_CANDIDATE[lex.language]]
        organization = next((r.organization for r in nm.roles if r.organization), None)
        party = next((r.party for r in nm.roles if r.party), None)
        extra = {
            "role": role_texts[0] if role_texts else None,
            "roles": role_texts,
            "organization": organization,
            "party": party,
            "honorific": nm.honorific,
            "predecessor": predecessor,
        }
        out.append(Mention("person", text[nm.start : nm.end], name, None, nm.start, nm.end, extra))
    return out


# X et Y ont obtenu 1.240 et 980 voix, حصل X على 900 صوت: whoever gets votes is a candidate
_VOTES = re.compile(
    r"^\s*(?:a|ont)\s+(?:obtenu|recueilli|recolte|remporte)\b(?:[^.;]|\.(?=\d)){0,60}?\bvoix\b"
    r"|^\s*" + match_key("على") + r"(?:[^.;،]|\.(?=\d)){0,40}?صوت",
    re.IGNORECASE,
)
_AR_VOTE_VERB = re.compile(r"(?:^|\s)[وف]?(?:حصل|حصلت|نال|نالت)\s*$")
_CANDIDATE = {"ar": "مرشح", "fr": "candidat"}


def _vote_getters(key: str, lex: _Lexicon, names: Sequence[NameSpan]) -> set[int]:
    """Indexes of the names that are the subject of a vote count: the last name of a list joined
    by et/و/commas, right before the verb, and the names of that list."""
    out: set[int] = set()
    for idx, nm in enumerate(names):
        tail = key[nm.end : nm.end + 120]
        if lex.language == "fr":
            tail = tail.replace("respectivement", "")
        if not _VOTES.match(tail):
            continue
        if lex.language == "ar" and not _AR_VOTE_VERB.search(key, max(0, nm.start - 12), nm.start):
            continue  # حصل X على 900 صوت: the verb comes first
        out.add(idx)
        k = idx
        while k > 0:
            gap = _gap_tokens(key, names[k - 1].end, names[k].start)
            if gap is None or not all(w in _AR_LIST_JOINERS for w in gap):
                break
            k -= 1
            out.add(k)
    return out


def _context_mentions(text: str, language: str) -> list[Mention]:
    from akhbar.extract.parties import find_organizations, find_parties
    from akhbar.extract.places import find_places

    found = find_places(text, language) + find_parties(text, language) + find_organizations(text, language)
    return sorted(found, key=lambda m: m.start_char)
