"""Person names: a given name or an honorific, then one or two family-name tokens; and names a role
title licenses that the given-name list does not know."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from akhbar.extract.identity import known_figure
from akhbar.extract.people.lexicon import (
    _AR_ABD,
    _AR_PARTICLES,
    _ELECTION_CUES,
    _FR_GIVEN_ARTICLES,
    _FR_PARTICLES,
    _SHARIF_TITLES,
    AMBIGUOUS_GIVEN_MAX_ZIPF,
    CLITIC_REST_MIN_ZIPF,
    FIRST_FAMILY_MAX_ZIPF,
    LIST_JOINERS,
    NEXT_FAMILY_MAX_ZIPF,
    NISBA_ADVERB_STEM_MIN_ZIPF,
    NISBA_FAMILY_MAX_ZIPF,
    RARE_WORD_MAX_ZIPF,
    NameSpan,
    RoleSpan,
    _is_glue,
    _is_role_word,
    _Lexicon,
    _lexicon,
    _mask,
)
from akhbar.lexicons.frequencies import zipf as _zipf
from akhbar.text.tokens import Tok, strip_clitics


def _given_at(lex: _Lexicon, toks: Sequence[Tok], i: int) -> tuple[int, int, bool] | None:
    """(offset of the name in token i, index of the last given-name token, ambiguous) or None."""
    tok = toks[i]
    if not tok.is_word:
        return None
    if lex.language == "fr":
        if not tok.text[0].isupper():
            return None
        if _m_apostrophe(toks, i):
            return 0, i + 2, False  # M'Barek, M’Braka, M'hamed: a given name whatever its spelling
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


def _m_apostrophe(toks: Sequence[Tok], i: int) -> bool:
    """Is token i the `M` of a Moroccan given name written M' + word (M'Barek, M’Braka), all glued?"""
    if toks[i].text != "M" or i + 2 >= len(toks):
        return False
    mark, word = toks[i + 1], toks[i + 2]
    return mark.text in ("'", "’") and mark.start == toks[i].end and word.start == mark.end and word.is_word


@lru_cache(maxsize=200_000)
def _given_readings(language: str, key: str) -> tuple[tuple[str, int], ...]:
    """The readings of a token key (`strip_clitics`) a given name may start with.

    The fewest clitics first: ولحسن is و + لحسن (Lahcen), not و + ل + حسن; وكريم is و + كريم.
    Cached per key: most words start no name, and this refuses them at once."""
    lex = _lexicon(language)
    readings = (r for r in strip_clitics(key) if r[0] in lex.given_first or r[0] == _AR_ABD)
    return tuple(sorted(readings, key=lambda r: r[1]))


@lru_cache(maxsize=200_000)
def _honorific_offset(language: str, key: str) -> int | None:
    """Chars peeled off a token key whose rest is an honorific (والسيد -> 1), or None. Cached per key."""
    lex = _lexicon(language)
    return next((offset for rest, offset in strip_clitics(key) if rest in lex.honorifics), None)


def _particle_word(lex: _Lexicon, tok: Tok) -> bool:
    """May `tok` follow the particle a name opens with (بن دباب, بن منصور)? A given name or a rare word, not
    a common one (ابن الحي: a son of the neighbourhood)."""
    return (tok.key,) in lex.given or (
        _family_ok(lex, tok, 0, False) and _zipf(tok.text, lex.language) < NEXT_FAMILY_MAX_ZIPF
    )


def _family_ok(lex: _Lexicon, tok: Tok, position: int, ambiguous: bool, closed: bool = False) -> bool:
    """May `tok` be the family name at `position` (0 = first family token) of a name? `closed`: a
    punctuation mark or `عن` follows it at once, so a ب word is no preposition with its noun."""
    if not tok.is_word or tok.key.isdigit():
        return False
    lang = lex.language
    if lang == "fr":
        if not tok.text[0].isupper() or tok.key in lex.stop or tok.text.isupper() and len(tok.text) > 1:
            return False
        limit = FIRST_FAMILY_MAX_ZIPF - 0.5 if position == 0 else NEXT_FAMILY_MAX_ZIPF + 0.5
        return _zipf(tok.text, "fr") < limit
    key = tok.key
    if len(key) < 2 or key in lex.stop or key.rstrip(".") in lex.honorifics:
        return False  # a single letter is an abbreviation (د. for Dr), never a family name
    if _is_role_word(lex, key) and not (closed and (key,) in lex.given):
        return False  # a title's first word (أمين المال); one that is also a given name ends a name
        # where a mark closes it at once (فؤاد أمين،)
    if key[:3] in ("بال", "لال", "كال", "فال", "وال") or key.startswith("لل"):
        return False
    if key[0] in "وبلكف" and len(key) > 3:
        rest = key[1:]
        if key[0] in "وف" and (rest,) in lex.given:  # ونادية: the next name of a list
            return False
        if (key,) in lex.given:  # كريم is a name, not ك + ريم
            return position == 0
        clitic_reading = (rest,) not in lex.given and _common_after_clitic(lex, tok)
        # بمقعد is ب + مقعد, but بلحسن (Belahcen) is a family name; ل before an indefinite noun right
        # after a name is rare, so a ل-word that is not itself common (لشكر, not لصالح) is a family name
        lam_name = key[0] == "ل" and _zipf(tok.text, "ar") < CLITIC_REST_MIN_ZIPF
        # ف and ك glue to fewer words: a whole that is itself rare (فانو، كودار) is a name, not ف + انو
        rare_whole = key[0] in "فك" and _zipf(tok.text, "ar") < RARE_WORD_MAX_ZIPF
        # بو opens a great many Moroccan family names (بوستة، بوسعيد: بو + ستة, not ب + وستة), where ب
        # before a و-word (بوفد: ب + وفد) reads the whole word after ب
        bou_name = (
            key.startswith("بو")
            and _zipf(tok.text, "ar") < CLITIC_REST_MIN_ZIPF
            and _zipf(tok.text[2:], "ar") >= _zipf(tok.text[1:], "ar")
        )
        # سعيد بعزيز، زكرياء بقدير عن حزب: ب + a noun would go on to the noun's complement
        ba_name = closed and key[0] == "ب"
        if clitic_reading and not lam_name and not rare_whole and not bou_name and not ba_name:
            return False
    if (key,) in lex.given:
        return position == 0
    if _pronoun_suffixed(tok.text):
        return False  # مؤتمره، ترأسه: a common word with its pronoun, not a family name
    if _imperfect_verb(tok.text):
        return False  # محند العنصر يترأس، عبد الله وكاك ليطلع: the verb after the name
    if _inflected_word(tok.text):
        return False  # يصدرون، بلاغا: a verb or a noun with its case ending, not a family name
    if key.startswith("ال") and (
        key.endswith(("ات", "ون", "يه")) or key.endswith("ين") and _zipf(tok.text, "ar") >= 2.5
    ):
        return False  # المناضلات، الاشتراكية: plurals and adjectives, not family names
    if (
        ambiguous
        and key[0] in "وبلكف"
        and not key.startswith(("بن", "بو"))
        and not (closed and key[0] == "ب")
        and (position > 0 or key[0] == "و" or _common_after_clitic(lex, tok))
    ):
        return False  # حسن بالغ is a word after a word; حسن فريدي, جمال بخات (rare rests) are names
    if ambiguous and position == 0:
        limit = AMBIGUOUS_GIVEN_MAX_ZIPF
    elif position > 0 and key.startswith("ال") and key.endswith("ي"):
        # محمد السوسي النعيمي: a nisba (ال...ي) is a family name, however common (after a given name
        # that is also a word, no more common than its first family name may be)
        limit = AMBIGUOUS_GIVEN_MAX_ZIPF if ambiguous else NISBA_FAMILY_MAX_ZIPF
    else:
        limit = FIRST_FAMILY_MAX_ZIPF if position == 0 else NEXT_FAMILY_MAX_ZIPF
    return _zipf(tok.text, "ar") < limit


def _common_after_clitic(lex: _Lexicon, tok: Tok) -> bool:
    """Is an Arabic word a clitic (و ب ل ك ف) and a common word (بمقعد: ب + مقعد)?"""
    return tok.key[1:] in lex.stop or _zipf(tok.text[1:], "ar") >= CLITIC_REST_MIN_ZIPF


def _inflected_word(word: str) -> bool:
    """An Arabic imperfect plural verb (يصدرون، تعقدون), a common noun with the accusative alef
    (بلاغا، اجتماعا) or an adverb made from a nisba adjective (اضطراريا، رسميا): inflections
    a family name does not take."""
    if len(word) >= 5 and word[0] in "يت" and word.endswith("ون"):
        return True
    if len(word) >= 5 and word.endswith("يا") and _zipf(word[:-1], "ar") >= NISBA_ADVERB_STEM_MIN_ZIPF:
        return True
    return len(word) >= 4 and word.endswith("ا") and _zipf(word[:-1], "ar") >= CLITIC_REST_MIN_ZIPF


def _imperfect_verb(word: str) -> bool:
    """An Arabic verb in the imperfect that follows a name: a reflexive form (يترأس، يتوسطان: يت + a
    root), or ل + an imperfect verb that is common (ليطلع، ليفوز). A word ending in ي is a nisba, a family
    name (يتيمي، ليسري، ليمني), whatever it starts with."""
    if word.endswith("ي"):
        return False
    if len(word) >= 5 and word.startswith(("يت", "يست")):
        return True
    return (
        len(word) >= 4
        and word[0] == "ل"
        and word[1] in "يت"
        and _zipf(word[1:], "ar") >= CLITIC_REST_MIN_ZIPF
    )


_AR_PRONOUN_SUFFIXES = ("ها", "هم", "ه")  # as written: ة is not ه, so بوعيدة is never read as a suffix


def _pronoun_suffixed(word: str) -> bool:
    """Is an Arabic word a common word with a pronoun glued behind (مؤتمره، ترأسه، اجتماعها)?"""
    for suffix in _AR_PRONOUN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return _zipf(word[: -len(suffix)], "ar") >= CLITIC_REST_MIN_ZIPF
    return False


def _is_particle(lex: _Lexicon, tok: Tok) -> bool:
    return tok.key in (_AR_PARTICLES if lex.language == "ar" else _FR_PARTICLES) and (
        lex.language == "ar" or tok.text[0].isupper()
    )


def _family_end(
    lex: _Lexicon,
    text: str,
    toks: Sequence[Tok],
    j: int,
    ambiguous: bool,
    blocked: bytearray | None = None,
) -> int | None:
    """Index of the last token of the family name starting at token j, or None. A name never runs
    over a line break (a byline, then the headline's first word), nor into a word that is part of a
    place, party or title (`blocked`: مصطفى البكوري بتطوان, the town behind its preposition)."""
    last = None
    position = 0
    while j < len(toks) and position < 2:
        tok = toks[j]
        if j > 0 and "\n" in text[toks[j - 1].end : tok.start]:
            break
        if blocked is not None and not blocked[tok.start] and _overlaps(blocked, tok):
            break  # بتطوان: a place behind its preposition (a family name may be a town: يونس بنسليمان)
        if _is_particle(lex, tok) and j + 1 < len(toks) and toks[j + 1].is_word:
            last, j, position = j + 1, j + 2, position + 1
            if _abd_compound(lex, toks, last, j):  # بن عبد الله: the compound after the particle, whole
                last, j = j, j + 1
            continue
        hyphen = lex.language == "fr" and last is not None and tok.text == "-" and tok.start == toks[last].end
        if hyphen and j + 1 < len(toks) and _family_ok(lex, toks[j + 1], 0, False):  # El-Himma, Ait-Taleb
            last, j = j + 1, j + 2
            continue
        if position == 0 and _title_as_surname(lex, toks, j):
            last, j, position = j, j + 1, position + 1  # فاطمة السيد: the title word is her family name
            continue
        if not _family_ok(lex, tok, position, ambiguous, position == 0 and _closed(toks, j)):
            break
        if position > 0 and _next_name_starts(lex, toks, j):
            break  # Ahmed Sbai Jamal El Asri: a given name after a full name starts the next one
        last, j, position = j, j + 1, position + 1
        if _abd_compound(lex, toks, last, j):  # بنعبد الله, بن عبد الرحمن
            last, j = j, j + 1
    return last


def _title_as_surname(lex: _Lexicon, toks: Sequence[Tok], j: int) -> bool:
    """Is token j, right after a given name, an honorific that is also a family name (فاطمة السيد،
    محمد الشيخ بيد الله), not the title of what follows it (محمد السيد أحمد, a given name after it; رشيد
    السيد العامل, a title after it)?"""
    if toks[j].key not in lex.surname_titles:
        return False
    following = toks[j + 1] if j + 1 < len(toks) else None
    if following is None or not following.is_word:
        return True
    word = following.key
    bare = word[2:] if word.startswith("ال") else word  # الرئيس, العامل: a title's head with its article
    if _is_role_word(lex, word) or _is_role_word(lex, bare) or word.rstrip(".") in lex.honorifics:
        return False  # وشكر رشيد السيد العامل: Mr Governor, the title of the one thanked
    return _given_at(lex, toks, j + 1) is None


_CLOSING_MARKS = frozenset({"،", ",", ".", ":", "؛"})


def _closed(toks: Sequence[Tok], j: int) -> bool:
    """Is token j followed at once by a punctuation mark or by `عن` (a party's name next)?"""
    following = toks[j + 1] if j + 1 < len(toks) else None
    return following is None or following.text in _CLOSING_MARKS or following.key == "عن"


def _overlaps(mask: bytearray, tok: Tok) -> bool:
    """Does any character of `tok` lie in `mask` (a place behind its clitic: ب + تطوان)?"""
    return mask.find(1, tok.start, tok.end) >= 0


def _next_name_starts(lex: _Lexicon, toks: Sequence[Tok], j: int) -> bool:
    """French: is token j a given name followed by a capitalized word on the same line, so the start
    of the next name of a list written without commas rather than a second family name?"""
    if lex.language != "fr" or (toks[j].key,) not in lex.given or j + 1 >= len(toks):
        return False
    after = toks[j + 1]
    return after.is_word and after.text[0].isupper() and after.start == toks[j].end + 1


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
    if prev > 0 and toks[prev - 1].key.lower() in (_AR_PARTICLES if lex.language == "ar" else _FR_PARTICLES):
        return None  # أيت الحاج يدخل, Ould El Hadj: the title's word is a family name's, after its particle
    return tok.text[offset:], prev


def _article_before(toks: Sequence[Tok], i: int) -> bool:
    """Is token i (a French given name) preceded at once by its article (El Hadi, Al Mahjoub)?"""
    if i == 0:
        return False
    prev = toks[i - 1]
    return (
        prev.is_word
        and prev.text[0].isupper()
        and prev.key in _FR_GIVEN_ARTICLES
        and prev.end + 1 >= toks[i].start
    )


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
        if not tok.is_word or is_blocked(tok.start) or is_blocked(tok.end - 1):
            i += 1  # لبني ملال: a place behind its clitic (ل + بني ملال) is no given name (لبنى)
            continue
        given = _given_at(lex, toks, i)
        adjacent = (
            i > 0 and toks[i - 1].end + 2 >= tok.start and "\n" not in text[toks[i - 1].end : tok.start]
        )
        honorific = _honorific_before(lex, toks, i) if adjacent else None  # © DR\n\nKiosque360: no title
        opened_by_particle = (
            given is None and honorific is not None and lex.language == "ar" and _is_particle(lex, tok)
        )  # السيد بن دباب بن يونس: after a title, a name may open with its particle
        by_honorific = given is None and honorific is not None and _family_ok(lex, tok, 0, False)
        if opened_by_particle and i + 1 < n and _particle_word(lex, toks[i + 1]):
            last = _family_end(lex, text, toks, i, False, mask)
            if last is not None and last > i + 1:  # the particle, its word and a family name at least
                names.append(NameSpan(tok.start, toks[last].end, i, last, False, honorific[0]))
                i = last + 1
                continue
        if by_honorific:
            given = (0, i, False)  # after a title any name-like token starts a name (السيد X Y)
        if given is None:
            i += 1
            continue
        offset, last_given, ambiguous = given
        if last_given == i and tok.key.lower()[offset:] in _SHARIF_TITLES and not by_honorific:
            after = _given_at(lex, toks, i + 1) if i + 1 < len(toks) else None
            if after is None or after[0]:
                i += 1
                continue  # Sidi Aidi, سيدي مومن: a place; مولاي عزيز، Sidi Hamdi: the title and a given name
            last_given, ambiguous = after[1], after[2]
        last = _family_end(lex, text, toks, last_given + 1, ambiguous, mask)
        if last is None and by_honorific:
            last = i  # M. Ouahbi, السيد بنكيران: the title licenses a family name alone
        if last is None:
            i = last_given + 1
            continue
        start, first = tok.start + offset, i
        last = _figure_end(text, toks, start, last)
        if lex.language == "fr" and _article_before(toks, i) and not is_blocked(toks[i - 1].start):
            start, first = toks[i - 1].start, i - 1  # El Hadi Tounsi: the article is part of the given name
        wa = (offset > 0 and tok.key[0] in "وف") or (first > 0 and toks[first - 1].key == "et")
        names.append(NameSpan(start, toks[last].end, first, last, wa, honorific[0] if honorific else None))
        i = last + 1
    return names


FIGURE_EXTRA_TOKENS = 2  # words a well-known figure's name may run past where the rules stop it


def _figure_end(text: str, toks: Sequence[Tok], start: int, last: int) -> int:
    """The name's last token, run on to the whole spelling of a well-known figure
    (`lexicons/figures.tsv`) when the text goes on with it: رشيد الطالبي العلمي, whose العلمي is too
    common a word for the family-name rules."""
    for extra in range(FIGURE_EXTRA_TOKENS, 0, -1):
        end = last + extra
        words = end < len(toks) and all(t.is_word for t in toks[last + 1 : end + 1])
        if words and known_figure(text[start : toks[end].end]):
            return end
    return last


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
        while n < len(toks) and (_overlaps(skip, toks[n]) or _is_glue(toks[n].key.lower())):
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
        begin = n
        if lex.language == "fr" and _is_particle(lex, first) and n + 2 < len(toks):
            n += 1  # premier vice-président, El Mami Ramdane: a particle may open the name
            first, second = toks[n], toks[n + 1]
        if taken[second.start]:
            continue
        last, inside = n + 1, False
        if lex.language == "fr" and _is_particle(lex, second) and n + 2 < len(toks):
            # le candidat du RNI, Khattat Ould Sidi: a particle inside, then any name word (Sidi too)
            last, second, inside = n + 2, toks[n + 2], True
        if (
            _family_ok(lex, first, 1, False)
            and not _is_particle(lex, first)
            and _family_ok(lex, second, 1, False)
            and (inside or not _is_particle(lex, second))
        ):
            found.append(NameSpan(toks[begin].start, second.end, begin, last, False, None))
            taken[toks[begin].start : second.end] = b"\x01" * (second.end - toks[begin].start)
    return sorted(found, key=lambda nm: nm.start)


APPOSITION_MAX_TOKENS = 4  # Saoudi El Amalki, Mohamed Lhbib Anazoum: a French name before its title


def _names_before_roles(
    text: str,
    toks: Sequence[Tok],
    lex: _Lexicon,
    roles: Sequence[RoleSpan],
    names: list[NameSpan],
    places: bytearray,
) -> list[NameSpan]:
    """French apposition: capitalized words right before `, <title>` (en présence de Saoudi El Amalki,
    coordinateur régional du parti) are a name even when the given-name list does not know them: two to
    four capitalized words, none a stop word, a role word or part of a place, party or organization
    (`places`: a mask of their spans), particles (El, Ben, Ould) allowed (Al Habri Al Habri). In a list
    of officers the name stands right before its title, or before its party in brackets (élu Hamdat El
    Joumani premier vice-président, Ahmed Bouzahi (RNI) cinquième vice-président)."""
    if lex.language != "fr":
        return names
    taken = _mask(len(text), [(nm.start, nm.end) for nm in names])
    token_starts = [t.start for t in toks]
    found = list(names)
    for role in roles:
        comma = _apposition_gap(text, toks, bisect_left(token_starts, role.start) - 1, role.start)
        if comma is None:
            continue
        first = comma
        while first > 0 and comma - first < APPOSITION_MAX_TOKENS:
            tok = toks[first - 1]
            name_like = tok.is_word and tok.text[0].isupper() and tok.end + 1 >= toks[first].start
            known = _family_ok(lex, tok, 1, False) or _is_particle(lex, tok)
            if not name_like or taken[tok.start] or places[tok.start] or not known:
                break
            first -= 1
        if comma - first >= 2:
            found.append(NameSpan(toks[first].start, toks[comma - 1].end, first, comma - 1, False, None))
            taken[toks[first].start : toks[comma - 1].end] = b"\x01" * (
                toks[comma - 1].end - toks[first].start
            )
    return sorted(found, key=lambda nm: nm.start)


_FR_TITLE_LEADS = frozenset({"comme", "en", "tant", "que", "qu"})  # words that may lead a title in
PARENTHESIS_MAX_TOKENS = 8  # (RNI), (parti de l'Istiqlal): a party in brackets between a name and its title


def _apposition_gap(text: str, toks: Sequence[Tok], before: int, role_start: int) -> int | None:
    """Index of the token right after the name that a title starting at `role_start` may follow
    (`before` = the token right before the title): the comma (X, coordinateur), the title itself when
    nothing stands between (X premier vice-président), or the opening bracket of a party in brackets
    (X (RNI) premier vice-président); None when the title follows no name."""
    if before < 2 or text[toks[before].end : role_start].strip():
        return None
    while before > 2 and toks[before].key.lower() in _FR_TITLE_LEADS:
        before -= 1  # X (RNI) comme 2ème vice-président, X, en tant que trésorier
    if toks[before].text == ",":
        return before
    if toks[before].text == ")":
        for k in range(before - 1, max(0, before - PARENTHESIS_MAX_TOKENS), -1):
            if toks[k].text == "(":
                return k if k >= 2 else None
        return None
    if toks[before].is_word and toks[before].text[0].isupper():
        return before + 1  # the name ends at the title: X premier vice-président
    return None


LIST_MAX_COMPLEMENT = 12  # tokens of a party named after a listed name (du Parti de l'Istiqlal (PI))
_FR_COMPLEMENT_WORDS = frozenset({"du", "de", "d", "l", "la", "le", "des", "'", "’", "(", ")", "parti"})


def _names_in_lists(
    text: str, toks: Sequence[Tok], lex: _Lexicon, names: list[NameSpan], places: bytearray
) -> list[NameSpan]:
    """French lists of names: after a name, its party (du PI, (RNI)) and a comma or `et`, two or three
    capitalized words are the next name even when the given-name list does not know them (Omar Hjira du
    PI, Alae Barkawi du RNI, Belaid Rabhi (PAM) et Mina Atef). `places`: a mask of place, party and
    organization spans."""
    if lex.language == "ar":
        return _names_in_arabic_lists(toks, lex, names, places)
    if lex.language != "fr":
        return names
    taken = _mask(len(text), [(nm.start, nm.end) for nm in names])
    found = sorted(names, key=lambda nm: nm.start)
    k = 0
    while k < len(found):
        j = found[k].last + 1
        complement = 0
        while j < len(toks) and complement < LIST_MAX_COMPLEMENT and toks[j].text not in LIST_JOINERS:
            tok = toks[j]
            if not (places[tok.start] or tok.key.lower() in _FR_COMPLEMENT_WORDS or tok.text.isupper()):
                break
            j, complement = j + 1, complement + 1
        if j >= len(toks) or toks[j].text not in LIST_JOINERS:
            k += 1
            continue
        j += 1
        if (
            j < len(toks)
            and toks[j].key.lower() == "ainsi"
            and j + 1 < len(toks)
            and toks[j + 1].key.lower() == "que"
        ):
            j += 2
        last = j
        while last < len(toks) and last - j < 3 and _list_name_word(lex, toks[last], taken, places):
            last += 1
        if last - j >= 2 and (last >= len(toks) or not toks[last].text[0].isupper()):
            span = NameSpan(toks[j].start, toks[last - 1].end, j, last - 1, toks[j - 1].key == "et", None)
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
            found.insert(k + 1, span)
        k += 1
    return _names_opening_lists(toks, lex, sorted(found, key=lambda nm: nm.start), taken, places)


AR_LIST_MIN_KNOWN = 2  # names the name lists know, in one list, before its other items are read as names
AR_LIST_MIN_ITEMS = 4  # items in the list (a pair of names could be anything)
AR_LIST_ITEM_WORDS = (2, 3)  # the words of an unknown item: a given and a family name, or one more
_AR_LIST_CLOSERS = frozenset(".:؛;!؟?()")  # a sentence's end or a bracket closes a list
_AR_PLURAL_ENDINGS = ("ون", "ين", "ات")
PLURAL_STEM_MIN_ZIPF = (
    2.5  # مستشارون جماعيون: a plural of a common word (جماعي 4.5) is no name (الغوات: الغو 2.1)
)


def _names_in_arabic_lists(
    toks: Sequence[Tok], lex: _Lexicon, names: list[NameSpan], places: bytearray
) -> list[NameSpan]:
    """An Arabic list of names (بكل من بوعبيد ليبيدة، القرفاد محمد، خديجة بادوش، وفاطمة بولحية): where
    the lists know two of its names, each other item of two or three rare or name words is a name too,
    family name first or not. `places`: a mask of place, party, organization and role spans."""
    name_at = {nm.first: nm for nm in names}
    items: list[tuple[int, int]] = []  # token spans between separators
    start = 0
    for i, tok in enumerate([*toks, None]):
        if tok is None or tok.text in LIST_JOINERS or not tok.is_word and tok.text in _AR_LIST_CLOSERS:
            items.append((start, i))
            if tok is not None and tok.text not in LIST_JOINERS:
                items.append((i, i))  # an empty item: the run of names ends here
            start = i + 1
    found = list(names)
    run: list[tuple[int, int, NameSpan | None]] = []
    for first, end in [*items, (len(toks), len(toks))]:
        known = next((name_at[k] for k in range(first, end) if k in name_at), None)
        if known is not None and known.last == end - 1:
            run.append((known.first, end, known))
            continue
        fewest, most = AR_LIST_ITEM_WORDS
        tail = max(first, end - most)  # the list's first item: the name closes the words that open it
        while tail < end - fewest and not _arabic_list_word(lex, toks[tail], places):
            tail += 1
        words = range(tail if not run else first, end)
        if fewest <= len(words) <= most and all(_arabic_list_word(lex, toks[k], places) for k in words):
            run.append((words[0], end, None))
            continue
        found.extend(_listed_names(toks, lex, run))
        run = []
    return sorted(found, key=lambda nm: nm.start)


def _listed_names(
    toks: Sequence[Tok], lex: _Lexicon, run: list[tuple[int, int, NameSpan | None]]
) -> list[NameSpan]:
    """The unknown items of a run of list items, when it is long enough and holds enough known names."""
    if len(run) < AR_LIST_MIN_ITEMS or sum(1 for *_, known in run if known) < AR_LIST_MIN_KNOWN:
        return []
    out = []
    # A، وB، وC: a list that joins each name with و (then every item sheds it) or only its last
    each = all(toks[first].key.startswith("و") for first, _, _ in run[1:])
    for n, (first, end, known) in enumerate(run):
        if known is None:
            # وفاطمة بولحية after its و, but وزاني كريم inside a list with no other و is a name
            key = toks[first].key
            wa = key.startswith("و") and (each or n == len(run) - 1 or (key[1:],) in lex.given)
            out.append(NameSpan(toks[first].start + wa, toks[end - 1].end, first, end - 1, wa, None))
    return out


def _plural_of_a_kind(key: str) -> bool:
    """برلمانيون (برلماني), مستشارون (مستشار): the plural of a common adjective in ي or of a participle in
    م, a kind of people; حمدون, الغوات (a family name's ending on a rarer or other stem) are not."""
    if not key.endswith(_AR_PLURAL_ENDINGS):
        return False
    stem = key[:-2].removeprefix("ال")
    return (stem.endswith("ي") or stem.startswith("م")) and _zipf(stem, "ar") >= PLURAL_STEM_MIN_ZIPF


def _arabic_list_word(lex: _Lexicon, tok: Tok, places: bytearray) -> bool:
    """May an Arabic token be a word of a listed name: a given name or a possible family name, no place,
    party, body or title."""
    if not tok.is_word or places[tok.start] or tok.key in lex.stop or _is_role_word(lex, tok.key):
        return False
    if (tok.key,) in lex.given:
        return True
    if _plural_of_a_kind(tok.key):
        return False  # برلمانيون، مستشارون: people of a kind, not a name
    rare = _zipf(tok.text, "ar") < RARE_WORD_MAX_ZIPF  # الغوات: a rare word, whatever its shape
    return rare or _family_ok(lex, tok, 1, False)


def _list_name_word(lex: _Lexicon, tok: Tok, taken: bytearray, places: bytearray) -> bool:
    """May a French token be a word of a name in a list: capitalized (not an acronym), free, no place,
    party or body, and a family-name word, a particle or a given name?"""
    if not (tok.is_word and tok.text[0].isupper() and not tok.text.isupper()):
        return False
    if taken[tok.start] or places[tok.start]:
        return False
    return _family_ok(lex, tok, 1, False) or _is_particle(lex, tok) or (tok.key,) in lex.given


def _names_opening_lists(
    toks: Sequence[Tok], lex: _Lexicon, names: list[NameSpan], taken: bytearray, places: bytearray
) -> list[NameSpan]:
    """The same list read back: two or three capitalized words right before `, ` or ` et ` and a name
    are the name the list opens with (à savoir Azzouz Senhaji et Rachid Hamouni), unless a capitalized
    word stands right before them (then where the name starts is unclear) or they open with a particle:
    in `la tribu des Aït Baâmrane, Hassan Derham` the words before the name are a tribe."""
    found = list(names)
    for nm in names:
        sep = nm.first - 1
        if sep < 2 or toks[sep].text not in LIST_JOINERS:
            continue
        first = sep
        while first > 0 and sep - first < 3 and _list_name_word(lex, toks[first - 1], taken, places):
            first -= 1
        before = toks[first - 1] if first > 0 else None
        opens_name = not _is_particle(lex, toks[first])  # la tribu des Aït Baâmrane, X: a tribe
        if (
            opens_name
            and sep - first >= 2
            and not (before is not None and before.is_word and before.text[0].isupper())
        ):
            span = NameSpan(toks[first].start, toks[sep - 1].end, first, sep - 1, False, None)
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
            found.append(span)
    return sorted(found, key=lambda nm: nm.start)


FAMILY_FIRST_TITLE_TOKENS = 3  # للمنسق الإقليمي للحزب | فضلي إبراهيم، : a title this close before the name


def _names_family_first(
    text: str, toks: Sequence[Tok], lex: _Lexicon, names: list[NameSpan], blocked: bytearray
) -> list[NameSpan]:
    """Arabic lists often write the family name first (فضلي إبراهيم، والخادير محمد الكاتب الإقليمي، هيقي
    أحمد (نائب الكاتب)): a given name that opens no name of its own, closed by a mark, a role, `عن` or
    the next name's و, after one word that passes the family-name test, with no name-like word before
    that one (where the name starts must be clear). The family word may carry the list's و."""
    if lex.language != "ar":
        return names
    taken = _mask(len(text), [(nm.start, nm.end) for nm in names])
    found = list(names)
    for i in range(1, len(toks)):
        if toks[i].key not in lex.given_first and not toks[i].key.endswith(_AR_ABD):
            continue  # a quick refusal: no given name starts here, its clitic unpeeled
        given = _given_at(lex, toks, i)
        if given is None or given[0] or given[2] or taken[toks[i].start] or toks[i].key.startswith("ال"):
            continue  # a clitic on the given name (وأحمد) starts the next name; ambiguous ones and
            # ones read through an article (الهام: important, or إلهام) are words
        last = given[1]
        after = toks[last + 1] if last + 1 < len(toks) else None
        # a role, a bracket, a colon or عن after the name closes it; a comma, a stop or the next name's
        # و only after a title or an election word just before (a bare list of names the lists do not
        # know names no one: its items may be anything)
        strong = after is not None and (
            after.text in ("(", ":") or after.key == "عن" or _is_role_word(lex, after.key)
        )
        weak = (
            after is None
            or not after.is_word
            or (after.key[0] == "و" and _given_at(lex, toks, last + 1) is not None)
        )
        titled = any(
            _is_role_word(lex, t.key) or any(r in _ELECTION_CUES for r, _ in strip_clitics(t.key))
            for t in toks[max(0, i - 1 - FAMILY_FIRST_TITLE_TOKENS) : i - 1]
        )
        closed = strong or (weak and titled)
        family = toks[i - 1]
        if not closed or not family.is_word or taken[family.start] or _overlaps(blocked, family):
            continue
        if "\n" in text[family.end : toks[i].start]:
            continue
        before = toks[i - 2] if i >= 2 else None
        # the list's و only after its comma (، والخادير محمد); وهبي أحمد keeps its first letter
        wa = family.key[0] == "و" and len(family.key) > 3 and before is not None and before.text in ("،", ",")
        word = Tok(family.start + 1, family.end, family.text[1:], family.key[1:], True) if wa else family
        if (word.key,) in lex.given or not _family_ok(lex, word, 1, False):
            continue
        if before is not None and before.is_word and not wa:
            if _party_name_word(lex, before):
                continue  # a longer run of name-like words: where the name starts is unclear
            if _is_role_word(lex, before.key) or (before.key.startswith("ال") and word.key.startswith("ال")):
                continue  # الفاعل الجمعوي محمد, المستشار اليساري أحمد: the title's adjective, not a name
        span = NameSpan(word.start, toks[last].end, i - 1, last, wa, None)
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
        found.append(span)
    return sorted(found, key=lambda nm: nm.start)


PARTY_NAME_MAX_TOKENS = 3  # El Khattat Yanja du PI: the words a party apposition licenses as a name
_FR_PARTY_LINKS = frozenset({"du", "de", "d", "l", "la", "'", "’", "(", "parti"})
PARTY_LINK_MAX_TOKENS = 5  # du parti de l'Union socialiste...: the words between a name and the party's own


def _names_before_parties(
    text: str,
    toks: Sequence[Tok],
    lex: _Lexicon,
    names: list[NameSpan],
    party_starts: Sequence[int],
    blocked: bytearray,
) -> list[NameSpan]:
    """Two or three rare words right before a party are a name the given-name list does not know:
    French capitalized words before `du`, `de la`, `(`, `, du parti de` (El Khattat Yanja du Parti de
    l'Istiqlal, X Y (RNI)); Arabic words before `عن (حزب)` (إيدار حيدي عن حزب الأحرار), without the
    list's و. The word before them must not read as a name word too (Le Secrétaire Général du PAM, a
    longer run of rare Arabic words), so a run is never cut at random."""
    if not party_starts:
        return names
    taken = _mask(len(text), [(nm.start, nm.end) for nm in names])
    token_starts = [t.start for t in toks]
    found = list(names)
    for party_start in party_starts:
        last = _name_end_before_party(lex, toks, bisect_left(token_starts, party_start) - 1)
        if last is None:
            continue
        first = last
        while first >= 0 and last - first < PARTY_NAME_MAX_TOKENS:
            tok = toks[first]
            if taken[tok.start] or blocked[tok.start] or not _party_name_word(lex, tok):
                break
            first -= 1
        before = toks[first] if first >= 0 else None
        capitalized = (
            lex.language == "fr" and before is not None and before.is_word and before.text[0].isupper()
        )
        if before is not None and (capitalized or _party_name_word(lex, before)):
            continue  # the name-like words go on: a title, an organization, a longer run
        first += 1
        if lex.language == "ar" and last - first + 1 < 2:
            first = _bounded_run_start(lex, toks, last, taken, blocked)
        if first is None or last - first + 1 < 2 or _is_particle(lex, toks[last]) or taken[toks[first].start]:
            continue
        lead = toks[first].key
        listed = first > 0 and toks[first - 1].text in ("،", ",")
        wa = lex.language == "ar" and listed and lead[0] in "وف" and len(lead) > 3  # ، وبوكنين عيدة
        span = NameSpan(toks[first].start + wa, toks[last].end, first, last, wa, None)
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
        found.append(span)
    return sorted(found, key=lambda nm: nm.start)


BOUNDED_CLITIC_REST_ZIPF = 4.0  # وفاز, بمقعد: a clitic before a word this common is that word, never a name
_RUN_OPENERS = frozenset({"،", ",", ":"})  # ، والراوي حسن عن حزب: a list's comma or a colon opens a name


def _bounded_run_start(
    lex: _Lexicon, toks: Sequence[Tok], last: int, taken: bytearray, blocked: bytearray
) -> int | None:
    """Arabic: انتخاب أقسام العربي عن التجمع, ، والراوي حسن عن حزب الاستقلال: words too common or too
    word-like for the name test (أقسام, بدرة) are still a name when the party closes them and an
    election word, an honorific, a list's comma or a colon opens them, or they open with a given name.
    The first token of the longest such run of two or three words."""
    best = None
    for first in range(last, max(-1, last - PARTY_NAME_MAX_TOKENS), -1):
        tok = toks[first]
        key = tok.key
        if (
            not tok.is_word
            or key.isdigit()
            or key in lex.stop
            or _is_role_word(lex, key)
            or taken[tok.start]
            or blocked[tok.start]
            or key[0] in "وبلكف"
            and _zipf(tok.text[1:], "ar") >= BOUNDED_CLITIC_REST_ZIPF
        ):
            break
        before = toks[first - 1] if first > 0 else None
        opened = (key,) in lex.given or (
            before is not None
            and (
                before.text in _RUN_OPENERS
                or any(r in _ELECTION_CUES or r in lex.honorifics for r, _ in strip_clitics(before.key))
            )
        )
        if opened and last - first + 1 >= 2:
            best = first
    if best is None:
        return None
    # a name: a given name first (the list's و shed), or a last word that passes the family-name test
    # (أستاذ جامعي, امرأة شابة, المؤتمرون بالإجماع حسن: common words an election word may also open)
    if _given_at(lex, toks, best) is not None or _family_ok(lex, toks[last], 1, False):
        return best  # (عبد الحق: a compound given name; ، ومصطفى: the list's و before it)
    return None


def _name_end_before_party(lex: _Lexicon, toks: Sequence[Tok], j: int) -> int | None:
    """The token a name would end at, given token j right before a party: the words that link them
    (du, de l', `(`, `, du parti de`; عن, عن حزب) stepped over; None when none link them."""
    if lex.language == "ar":
        if j >= 1 and toks[j].key == "حزب" and toks[j - 1].key == "عن":
            return j - 2
        return j - 1 if j >= 0 and toks[j].key == "عن" else None
    links = 0
    while j >= 0 and toks[j].key.lower() in _FR_PARTY_LINKS and links < PARTY_LINK_MAX_TOKENS:
        j, links = j - 1, links + 1
    if links == 0 or j < 1:
        return None
    return j - 1 if toks[j].text == "," else j  # A Dakhla, El Mami Boussif, du parti de l'USFP


def _party_name_word(lex: _Lexicon, tok: Tok) -> bool:
    """Could `tok` be part of a name licensed by its party: a rare word, a particle or a given name
    (in French, also capitalized and not an acronym)?"""
    if not tok.is_word:
        return False
    if lex.language == "fr" and (not tok.text[0].isupper() or tok.text.isupper()):
        return False
    return _family_ok(lex, tok, 1, False) or _is_particle(lex, tok) or (tok.key,) in lex.given
