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
from collections.abc import Sequence
from functools import lru_cache

from akhbar.extract.people.lexicon import (
    LIST_JOINERS,
    NameSpan,
    _absent_titles,
    _fold,
    _lexicon,
    _mask,
    _not_present_cues,
    _word_class,
)
from akhbar.extract.people.links import _CANDIDATE, _gap_tokens, _link, _vote_getters
from akhbar.extract.people.names import (
    _find_names,
    _names_after_roles,
    _names_before_parties,
    _names_before_roles,
    _names_family_first,
    _names_in_lists,
)
from akhbar.extract.people.roles import _find_roles, _mention_at
from akhbar.extract.places import place_opening
from akhbar.lexicons import read_lexicon
from akhbar.lexicons.gazetteer import records
from akhbar.text.keys import compact_key
from akhbar.text.spans import Mention
from akhbar.text.tokens import text_key, tokens_of

LIST_OPENER_WORDS = 8  # how far, in words, a list's opener may stand before its first name (a title between)


def opens_list(text: str, pos: int, language: str) -> bool:
    """Is the name at `pos` the first of a list that a colon or a list opener (بكل من، à savoir:
    people_words.tsv list_opener) announces a few words before?"""
    before = text[max(0, pos - 20 * LIST_OPENER_WORDS) : pos]
    if before.rstrip().endswith(":"):
        return True
    words = [_unclitic(_fold(w, language), language) for w in re.findall(r"\w+", before)][-LIST_OPENER_WORDS:]
    joined = " " + " ".join(words) + " "
    return any(f" {opener} " in joined for opener in _list_openers(language))


def _unclitic(word: str, language: str) -> str:
    """بكل -> كل, ويتعلق -> يتعلق: an Arabic opener behind its conjunction or preposition."""
    return word[1:] if language == "ar" and len(word) > 2 and word[0] in "وفب" else word


@lru_cache(maxsize=2)
def _list_openers(language: str) -> tuple[str, ...]:
    return tuple(
        " ".join(_fold(w, language) for w in re.findall(r"\w+", r["word"]))
        for r in read_lexicon("people_words.tsv")
        if r["kind"] == "list_opener" and r["language"] in (language, "any")
    )


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
    skip = [(place_opening(m), m.end_char) for m in context]
    names = _names_after_roles(key, toks, lex, roles, names, _mask(len(key), skip))
    blocked_mask = _mask(len(key), blocked)
    names = _names_before_roles(text, toks, lex, roles, names, blocked_mask)
    names = _names_in_lists(text, toks, lex, names, blocked_mask)
    party_starts = [m.start_char for m in context if m.entity_type == "party"]
    names = _names_before_parties(text, toks, lex, names, party_starts, blocked_mask)
    names = _names_family_first(text, toks, lex, names, blocked_mask)
    skip += [(nm.start - 8, nm.start) for nm in names if nm.honorific]
    _link(text, key, lex, names, roles, skip)
    candidates = _vote_getters(key, lex, names)
    absent_cue, venue_cue = _not_present_cues(language)
    out = []
    for n_idx, nm in enumerate(names):
        before = _lead_start(nm, toks)
        if venue_cue.search(key, max(0, before - CUE_WINDOW), before):
            continue  # Complexe Moulay Rachid, قاعة علال الفاسي: a building, not a person
        name = re.sub(r"\s+", " ", text[nm.start : nm.end])
        if " " in name and compact_key(name) in _place_names():
            continue  # Sidi Youssef Ben Ali, Moulay Yacoub: a place written like a name
        absent = absent_cue.search(key, max(0, before - CUE_WINDOW), before)
        name_start = _titled_start(nm, toks)  # with its honorific (M. X)
        if absent is None and name_start > before:
            # a title linked from far before (19 des 31 membres du Conseil, contre 12 voix pour l'autre
            # candidat, X): the cue right before the name itself still tells
            absent = absent_cue.search(key, max(0, name_start - CUE_WINDOW), name_start)
        titled_away = next(
            (
                kind
                for role in nm.roles
                for title, kind in _absent_titles(language)
                if _fold(role.text, language).startswith(title)
            ),
            None,
        )
        role_texts = list(dict.fromkeys(r.text for r in nm.roles))
        label = _roster_label(text, name_start, language, context)
        if label is not None and (not role_texts or role_texts[0] in label):
            # نائب الكاتب الإقليمي: X: the whole label, not the title found inside it
            role_texts = [label, *(r for r in role_texts if r != label)]
        if not role_texts and n_idx in candidates:
            role_texts = [_CANDIDATE[lex.language]]
        organization = next((r.organization for r in nm.roles if r.organization), None)
        party = next((r.party for r in nm.roles if r.party), None) or _party_right_after(
            text, key, nm.end, context, language
        )
        extra = {
            "role": role_texts[0] if role_texts else None,
            "roles": role_texts,
            "organization": organization,
            "party": party,
            "honorific": nm.honorific,
            # replaced / late / absent / represented / commentator / kin / reference / rival: named, but not
            # at the event (lexicons/people_absent.tsv; a rival only for a council's vote, extract/article.py)
            "not_present": absent.lastgroup if absent else titled_away,
        }
        out.append(Mention("person", text[nm.start : nm.end], name, None, nm.start, nm.end, extra))
    _absent_lists(key, out)
    return out


_AND = frozenset({"et", "و"})


def _list_gap(key: str, previous: Mention, person: Mention) -> list[str] | None:
    """The joiners between two names of one list (`,`, `et`, `و`: lexicons' list_joiner words, read
    as links.py reads them), or None when something else stands between."""
    if person.start_char <= previous.end_char:
        return None
    gap = _gap_tokens(key, previous.end_char, person.start_char)
    return gap if gap is not None and all(w in LIST_JOINERS for w in gap) else None


# not-present kinds a cue gives the whole list it opens (a relative, a party's leader and the rival's votes
# are told name by name: frère de A, et B is B at the event)
LISTED_AWAY = frozenset({"absent", "replaced", "late"})


def _absent_lists(key: str, people: list[Mention]) -> None:
    """The names that continue a list a not-present cue opens are not present either (l'absence notable
    de A, B et C; غياب A وB; après le départ de A et B, without a title of their own): the cue stands
    once before the list. A comma alone continues it only when the list goes on to a next name (A, B et
    C), not before a clause's subject (En l'absence de A, B, secrétaire provincial, a présidé). `key`:
    the text's folded form."""
    for k in range(1, len(people)):
        previous, person = people[k - 1], people[k]
        kind = previous.extra.get("not_present")
        if kind not in LISTED_AWAY or person.extra.get("not_present"):
            continue
        gap = _list_gap(key, previous, person)
        if gap is None:
            continue
        if kind != "absent" and (person.extra.get("role") or ("," in gap and _AND & set(gap))):
            continue  # X, qui succède à A, et B, vice-président: `, et` or B's own title close the clause
        following = people[k + 1] if k + 1 < len(people) else None
        if _AND & set(gap) or (following is not None and _list_gap(key, person, following) is not None):
            person.extra["not_present"] = kind


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Every official place name of two words or more, folded (both scripts)."""
    return frozenset(
        compact_key(name)
        for r in records()
        for name in (r.name_ar, r.name_fr)
        if name and " " in name.strip()
    )


CUE_WINDOW = 40  # characters before a name (or its title) read for a not-present or venue cue

# what joins a name to its party right after it: Lahcen Daoudi du PJD, X (RNI), إيدار حيدي عن حزب الأحرار
_PARTY_JOIN = {
    "fr": re.compile(r"\s*,?\s*(?:\(|du|de\s+la|de\s+l['’]|de)\s*", re.IGNORECASE),
    "ar": re.compile(r"\s*[،,]?\s*(?:\(|عن|من)\s*"),
}


def _party_right_after(
    text: str, key: str, end: int, context: Sequence[Mention], language: str
) -> str | None:
    """The party a name is given right after it (Lahcen Daoudi du PJD, Omar Sentissi (PI), فلان عن حزب
    الاستقلال): the person's party, as a role's party is."""
    join = _PARTY_JOIN["ar" if language == "ar" else "fr"].match(key, end)
    if join is None:
        return None
    following = _mention_at(context, join.end(), text)
    return following.code if following is not None and following.entity_type == "party" else None


ROSTER_LABEL_MAX_WORDS = 6  # Premier trésorier adjoint :, نائب الكاتب الإقليمي:
ROSTER_LABEL_MAX_CHARS = 80  # the label, its colon and a courtesy title
_ROSTER_LINE = re.compile(r"\s*[-–•*]?\s*([^\W\d][^:\n]*?)\s*:\s*")


def _roster_label(text: str, start: int, language: str, context: Sequence[Mention]) -> str | None:
    """The office a line names before a colon and the name (Deuxième adjoint : X, أمين المال: X): a
    roster of the bureau an event elected, whose titles the lexicon need not hold; None for a label that
    is no office (Source : X, lexicons/people_words.tsv; a place, party or body: Tarfaya : X; a number)
    or a line that is not `label : name`."""
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > ROSTER_LABEL_MAX_CHARS or text.find(":", line_start, start) < 0:
        return None  # most names stand inside a sentence: no label to read
    m = _ROSTER_LINE.fullmatch(text, line_start, start)
    if m is None:
        return None
    label = m.group(1)
    words = label.split()
    if (
        len(words) > ROSTER_LABEL_MAX_WORDS
        or any(ch.isdigit() for ch in label)
        or _fold(words[0], language) in _not_an_office(language)
        or any(c.start_char < m.end(1) and m.start(1) < c.end_char for c in context)
    ):
        return None
    return label


@lru_cache(maxsize=4)
def _not_an_office(language: str) -> frozenset[str]:
    return frozenset(_fold(w, language) for w in _word_class("not_an_office", language))


def _lead_start(nm: NameSpan, toks: Sequence) -> int:
    """Where what introduces a name starts: its honorific (خلفا للرفيق X, feu M. X), or the title
    given to it from before (غياب مرشح حزب الاتحاد X), else the name itself."""
    forward = [r.start for r in nm.roles if r.end <= nm.start]
    return min([_titled_start(nm, toks), *forward])


def _titled_start(nm: NameSpan, toks: Sequence) -> int:
    """Where the name starts with its honorific (M. X, السيد X)."""
    start = toks[nm.first - 1].start if nm.honorific and nm.first > 0 else nm.start
    if nm.honorific and nm.first > 1 and toks[nm.first - 1].text == ".":
        start = toks[nm.first - 2].start
    return start


def _context_mentions(text: str, language: str) -> list[Mention]:
    from akhbar.extract.parties import find_organizations, find_parties
    from akhbar.extract.places import find_places

    found = find_places(text, language) + find_parties(text, language) + find_organizations(text, language)
    return sorted(found, key=lambda m: m.start_char)
