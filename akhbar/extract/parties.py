"""Political parties and party bodies in Arabic and French text.

Parties come from `lexicons/parties.tsv` (names, nicknames such as حزب الكتاب or حزب الوردة,
abbreviations, common misspellings), organizations from `lexicons/organizations.tsv`. Both
are matched with the place linker's `PhraseIndex` over `match_key` tokens, so hamza variants,
a detached و ("التقدم و الاشتراكية"), hyphens and Arabic clitics (لحزب, بالمكتب, للجنة) are
handled once, in one scan per document.

Rule for short ambiguous aliases (column `guard` of parties.tsv):
- `word`: only right after a context word of the lexicon (حزب/لحزب, فريق, le parti...):
  الاستقلال alone is independence, الميزان a scale, الحمامة a dove.
- `doc`: after a context word, or when the same party is named by an unguarded alias
  elsewhere in the text: الأحرار, الاتحاديون, PI, MP, UC are clear in an article that also
  says التجمع الوطني للأحرار or Mouvement populaire, and not otherwise.
French acronyms must be written in capitals (MP, not mp), and an alias with a capital in the
lexicon needs at least one capital in the text, so "un mouvement populaire" is not a party.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from akhbar.lexicons import read_lexicon
from akhbar.text.phrases import Match, PhraseIndex, Token, Variant, arabic_variants, phrase_key, tokenize
from akhbar.text.spans import Mention

CONTEXT = "context"


@dataclass(frozen=True, slots=True)
class PartyAlias:
    code: str
    alias: str
    kind: str  # name | nickname | abbreviation | misspelling
    guard: str  # '' | word | doc


@dataclass(frozen=True)
class _PartyTables:
    language: str
    index: PhraseIndex
    context_words: frozenset[str]
    canonical: dict[str, str]  # code -> first `name` in this language


def _language(language: str) -> str:
    return "ar" if language == "ar" else "fr"


def _variants(language: str) -> Callable[[str], Sequence[Variant]]:
    return arabic_variants if language == "ar" else _as_is


def _as_is(key: str) -> tuple[Variant, ...]:
    return (Variant(key, 0),)


@lru_cache(maxsize=4)
def _party_tables(language: str) -> _PartyTables:
    lang = _language(language)
    index = PhraseIndex()
    context: set[str] = set()
    canonical: dict[str, str] = {}
    for row in read_lexicon("parties.tsv"):
        if row["language"] != lang:
            continue
        if row["kind"] == CONTEXT:
            context.add(phrase_key(row["alias"]))
            continue
        index.add(row["alias"], PartyAlias(row["code"], row["alias"], row["kind"], row["guard"]))
        if row["kind"] == "name":
            canonical.setdefault(row["code"], row["alias"])
    return _PartyTables(lang, index, frozenset(context), canonical)


def _case_ok(alias: str, written: str) -> bool:
    """An acronym must be written in capitals; an alias with a capital needs one in the text
    ("le parti de l'Istiqlal" yes, "un mouvement populaire" no)."""
    if alias.isupper():
        return written == written.upper()
    return alias == alias.lower() or written != written.lower()


def _after_context_word(tables: _PartyTables, tokens: Sequence[Token], first: int) -> bool:
    """A context word (حزب, لحزب, le parti...) right before the alias."""
    if first == 0:
        return False
    keys = [v.key for v in _variants(tables.language)(tokens[first - 1].key)]
    return any(k in tables.context_words for k in keys)


def find_parties(text: str, language: str) -> list[Mention]:
    """Party mentions in order, non-overlapping: entity_type 'party', code 'PPS', 'USFP'...;
    normalized = the party's name in the text's language; extra: alias kind and guard."""
    tables = _party_tables(language)
    tokens = tokenize(text)
    found: list[tuple[int, int, PartyAlias, bool]] = []  # start, end, alias, context word before

    def accept(match: Match) -> bool:
        written = text[match.start : match.end]
        aliases = [a for a in match.payloads if tables.language == "ar" or _case_ok(a.alias, written)]
        if not aliases:
            return False  # "un mouvement populaire": shorter aliases here may still be parties
        alias = min(aliases, key=lambda a: (a.guard != "", a.guard == "word"))
        found.append((match.start, match.end, alias, _after_context_word(tables, tokens, match.first)))
        return True

    for _ in tables.index.scan(tokens, _variants(tables.language), accept):
        pass
    named = {alias.code for _, _, alias, _ in found if not alias.guard}
    mentions: list[Mention] = []
    for start, end, alias, after_context in found:
        # Said Lahcen (PI), تالوين: أحمد بوزيد (الاستقلال): a name alone in brackets is a party's label
        labelled = after_context or _alone_in_brackets(text, start, end)
        if alias.guard == "word" and not labelled:
            continue
        if alias.guard == "doc" and not (labelled or alias.code in named):
            continue
        normalized = tables.canonical.get(alias.code, alias.alias)
        extra = {"alias": alias.alias, "kind": alias.kind, "guard": alias.guard or None}
        mentions.append(Mention("party", text[start:end], normalized, alias.code, start, end, extra))
    return mentions


_OPENING = re.compile(r"\(\s*$")
_CLOSING = re.compile(r"\s*\)")


def _alone_in_brackets(text: str, start: int, end: int) -> bool:
    """Is text[start:end] all that stands in its brackets after a name: Said Lahcen (PI), أحمد بوزيد
    (الاستقلال)? Not an abbreviation spelling out the words before it (la propriété intellectuelle (PI))."""
    opening = _OPENING.search(text, max(0, start - 3), start)
    if opening is None or _CLOSING.match(text, end) is None:
        return False
    before = _WORDS_BEFORE.findall(text, max(0, opening.start() - 60), opening.start())
    if not before:
        return False
    written = text[start:end]
    if written.isascii():  # French: after a capitalized name, never after the words it abbreviates
        initials = "".join(w[0] for w in before if len(w) > 3 or w[0].isupper()).upper()
        return before[-1][0].isupper() and not initials.endswith(written.upper())
    return True


_WORDS_BEFORE = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True, slots=True)
class _Organization:
    canonical: str
    kind: str
    shared: bool  # another institution bears the name too (المجلس الجهوي, Conseil national)
    party: str | None = None  # the party its name says (الشبيبة التجمعية: RNI), organizations.tsv `party`


@lru_cache(maxsize=4)
def _organization_index(language: str) -> PhraseIndex:
    lang = _language(language)
    index = PhraseIndex()
    for row in read_lexicon("organizations.tsv"):
        if row["language"] != lang:
            continue
        org = _Organization(
            row["canonical"], row["kind"], row.get("shared") == "yes", row.get("party") or None
        )
        index.add(row["canonical"], org)
        if row["alias"] and row["alias"] != row["canonical"]:
            index.add(row["alias"], org)
    return index


def find_organizations(text: str, language: str, parties: Sequence[Mention] | None = None) -> list[Mention]:
    """Party bodies and affiliated organizations in order: entity_type 'organization', code None,
    normalized = canonical form; extra['kind'] (body | affiliate | institution), extra['organ'] (a body
    only a party has, lexicons/organizations.tsv `shared`), extra['party'], the
    code of the party it belongs to when the text says so right after it (المكتب السياسي لحزب التقدم
    والاشتراكية -> PPS; للحزب in a one-party article -> that party) or its own name does (الشبيبة
    التجمعية -> RNI), and extra['party_by'] (named | document | name).
    `parties`: the text's `find_parties` result, when the caller already has it."""
    lang = _language(language)
    tokens = tokenize(text)
    if parties is None:
        parties = find_parties(text, lang)
    party_at = {p.start_char: p for p in parties}
    codes = {p.code for p in parties}
    only_party = next(iter(codes)) if len(codes) == 1 else None
    mentions: list[Mention] = []
    for match in _organization_index(lang).scan(tokens, _variants(lang)):
        org: _Organization = match.payloads[0]
        party, party_by = _party_right_after(tokens, match.last, party_at, lang, only_party)
        if party_by != "named" and org.party is not None:
            party, party_by = org.party, "name"  # الشبيبة التجمعية: its name says whose it is
        # organ: a party body whatever follows it (Bureau politique), not a name an elected council shares
        extra = {
            "kind": org.kind,
            "party": party,
            "party_by": party_by,
            "organ": org.kind == "body" and not org.shared,
        }
        mentions.append(
            Mention(
                "organization",
                text[match.start : match.end],
                org.canonical,
                None,
                match.start,
                match.end,
                extra,
            )
        )
    return mentions


_THE_PARTY = {"ar": frozenset({"الحزب", "حزبنا"}), "fr": frozenset({"parti"})}


def _party_right_after(
    tokens: Sequence[Token], last: int, party_at: dict[int, Mention], language: str, only_party: str | None
) -> tuple[str | None, str | None]:
    """The party an organization belongs to, and how it is known: named right after it
    (لحزب X, du parti X, de l'USFP -> 'named'), or "the party" (للحزب, du parti) in an article
    that names one party only ('document')."""
    for n in range(last + 1, min(last + 4, len(tokens))):
        if not tokens[n - 1].joined:
            break
        tok = tokens[n]
        for start in range(tok.start, min(tok.start + 3, tok.end)):
            if start in party_at:
                return party_at[start].code, "named"
        if only_party and any(v.key in _THE_PARTY[language] for v in _variants(language)(tok.key)):
            if n + 1 < len(tokens) and tokens[n].joined and tokens[n + 1].start in party_at:
                return party_at[tokens[n + 1].start].code, "named"  # le parti PI, الحزب الاشتراكي...
            return only_party, "document"
        if language == "ar" and n > last + 1:
            break
    return None, None
