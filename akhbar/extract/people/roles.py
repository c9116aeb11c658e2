"""Role titles in the text (الكاتب الإقليمي, Premier secrétaire) and the organization, place or party
they belong to (their complement)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from akhbar.extract.people.lexicon import _AR_PLACE_HEADS, _FR_ARTICLES, RoleSpan, _is_role_word, _Lexicon
from akhbar.extract.people.names import _given_at
from akhbar.text.spans import Mention
from akhbar.text.tokens import strip_clitics, tokens_of


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
